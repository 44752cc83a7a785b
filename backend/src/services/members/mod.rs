//! Member records: admission and data entry, corrections, recognition, annual supplements.
//! Each runs inside the caller's transaction, appends the events and the audit entry, and keeps
//! the member row (the cached state) in step.

mod correct;
mod create;
mod guard;
pub(crate) mod profile;
mod recognise;
mod supplement;

pub use correct::correct;
pub use create::{create, plan, taken, write, Key, Planned};
pub(crate) use create::{new_event, new_row};
pub use guard::{MemberWrite, Refreshed};
pub use recognise::{recognise, refuse, refused};
pub use supplement::file_supplement;

use crate::auth::Actor;
use crate::error::AppResult;
use crate::models::audit::{self, Subject};
use crate::models::member::MemberRow;
use crate::models::uow::Uow;

/// Audits a change of a member record.
pub(crate) fn audit(
    conn: &mut Uow<'_>,
    actor: &Actor,
    action: qldv_api_types::audit::AuditAction,
    before: Option<&MemberRow>,
    after: &MemberRow,
) -> AppResult<()> {
    audit::record(
        conn,
        actor,
        action,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::Member,
            id: after.id.into(),
            scope_path: Some(&after.org_path),
        },
        before,
        Some(after),
    )
}
