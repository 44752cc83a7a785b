//! Correcting a candidate's identity (`PATCH /candidates/{id}`, with `If-Match`).

use super::*;

/// Corrects an open candidate's identity and dossier (call inside a transaction) with the
/// members' rules (CCCD agreement and uniqueness across members and candidates); `expected`
/// is the `If-Match` version.
pub fn correct(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    expected: Option<i64>,
    p: &qldv_api_types::members::MemberProfile,
    today: NaiveDate,
) -> AppResult<()> {
    use crate::services::members::Key;
    // Take the row's write lock first, as member corrections do.
    CandidateRow::find(conn, &caller.scope, id)?;
    diesel::update(members::table.find(id))
        .set(members::version.eq(members::version))
        .execute(conn.conn())?;
    let before = CandidateRow::find(conn, &caller.scope, id)?;
    if before.status != MemberStatus::Candidate {
        // Once admitted, the record is corrected as a member's (PATCH /members/{id}).
        return Err(msg::refused(rules::StepRefusal::FileClosed(
            qldv_api_types::candidates::CandidateStage::Admitted,
        )));
    }
    let version = crate::models::check_version(expected, before.version)?;
    let mut errors = Vec::new();
    let identity = Identity {
        gender: p.gender.unwrap_or(before.gender),
        birth: p.birth_date.unwrap_or(before.birth_date),
    };
    let mut changes = to_changes(p, identity, false, &mut errors);
    if changes.national_id.is_none() && (p.gender.is_some() || p.birth_date.is_some()) {
        if let Some(n) = &before.national_id {
            let probe = qldv_api_types::members::MemberProfile {
                national_id: Some(n.clone()),
                gender: Some(identity.gender),
                ..Default::default()
            };
            to_changes(&probe, identity, false, &mut errors);
        }
    }
    if p.birth_date.is_some_and(|b| b >= today) {
        errors.push(field(
            "birth_date",
            "date_order",
            msg::text(&rules::StepRefusal::DateInFuture),
        ));
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        return Err(AppError::Validation(errors));
    }
    if let Some(Some(n)) = &changes.national_id {
        crate::services::disclosure::check(conn, caller, Key::NationalId(n), Some(id))?;
    }
    if let Some(Some(h)) = &changes.personal_history_no {
        crate::services::disclosure::check(conn, caller, Key::HistoryNo(h), Some(id))?;
    }
    if changes.full_name.is_none() {
        changes.name_folded = None;
        changes.name_sort_key = None;
    }
    let n = diesel::update(
        members::table
            .filter(members::id.eq(id))
            .filter(members::version.eq(version)),
    )
    .set((
        &changes,
        members::version.eq(members::version + 1),
        members::updated_at.eq(crate::models::now()),
    ))
    .execute(conn.conn())?;
    if n == 0 {
        return Err(AppError::PreconditionFailed(before.version));
    }
    model::touch(conn, id)?;
    let after = CandidateRow::find(conn, &caller.scope, id)?;
    if changes.name_folded.is_some() {
        crate::models::name_word::set(conn, id, &after.name_folded, &after.name_sort_key)?;
    }
    audit(
        conn,
        caller,
        qldv_api_types::audit::AuditAction::Update,
        Some(&before),
        &after,
    )
}
