//! Recorded illnesses: the evaluation cap (rule 15) and early badges (rule 19).

use qldv_api_types::movements::IllnessRequest;
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::error::{AppError, AppResult};
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
        return Err(AppError::field(
            "to",
            "date_order",
            "Ngày kết thúc phải từ ngày bắt đầu",
        ));
    }
    if body.from < m.birth_date {
        return Err(AppError::field(
            "from",
            "date_order",
            "Ngày bắt đầu phải sau ngày sinh",
        ));
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
