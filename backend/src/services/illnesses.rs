//! Recorded illnesses: the evaluation cap (rule 15) and early badges (rule 19).

use qldv_api_types::movements::IllnessRequest;
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::error::AppResult;
use crate::models::audit::{self, Subject};
use crate::models::illness::IllnessRow;
use crate::models::member::MemberRow;
use crate::models::uow::Uow;

/// Records an illness of a member inside the caller's scope.
pub fn record(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &IllnessRequest,
) -> AppResult<IllnessRow> {
    let m = MemberRow::find(conn, &caller.scope, id)?;
    if body.to.is_some_and(|t| t < body.from) {
        return Err(crate::messages::records::ends_before_start());
    }
    if body.from < m.birth_date {
        return Err(crate::messages::records::starts_before_birth());
    }
    let row = IllnessRow::insert(conn, m.id, body, caller.id)?;
    audit::record(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Create,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::Illness,
            id: row.id.into(),
            scope_path: Some(&m.org_path),
        },
        None::<&IllnessRow>,
        Some(&row),
    )?;
    Ok(row)
}
