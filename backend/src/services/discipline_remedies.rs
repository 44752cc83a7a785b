//! Rule 20: the cell's recognition that a disciplined member remedied the fault, which a badge
//! after the waiting time needs.

use qldv_api_types::badges::RecordRemedy;
use qldv_api_types::{DisciplineId, MemberId};

use crate::auth::AuthUser;
use crate::error::AppResult;
use crate::messages::badges as msg;
use crate::models::audit::{self, Subject};
use crate::models::discipline::DisciplineRow;
use crate::models::discipline_remedy::RemedyRow;
use crate::models::member::MemberRow;
use crate::models::uow::Uow;

/// Records it once per discipline decision (409), on or after the decision (422), for a member
/// in the caller's scope (404).
pub fn record(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    discipline_id: DisciplineId,
    body: &RecordRemedy,
) -> AppResult<(RemedyRow, MemberRow)> {
    let m = MemberRow::find(conn, &caller.scope, id)?;
    let d = DisciplineRow::of_member(conn, m.id)?
        .into_iter()
        .find(|d| d.id == discipline_id)
        .ok_or_else(msg::discipline_not_found)?;
    if body.recognised_on < d.decided_on {
        return Err(msg::remedy_before_decision());
    }
    let note = body
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let row = RemedyRow::insert(
        conn,
        d.id,
        body.recognised_on,
        body.resolution_no.trim(),
        note,
        caller.id,
    )?;
    audit::record(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Remedy,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::Discipline,
            id: d.id.into(),
            scope_path: Some(&m.org_path),
        },
        None::<&RemedyRow>,
        Some(&row),
    )?;
    Ok((row, m))
}
