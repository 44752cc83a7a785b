//! Re-admission through the pipeline (rule 13, issue 22): a former member re-identified as a
//! candidate keeps the record; the decision is checked by rule 13 (the provincial standing
//! committee's consent is the decision step's `approval_no`); the ceremony writes `readmitted`;
//! a drop or a refusal leaves the record as it was before (exited), with the file kept.

use super::*;

/// Re-identifies the former member `id` as a candidate in the cell `org` (call inside a
/// transaction): the identity corrected by what the body carries (absent fields kept), the
/// record moved to the cell with status `candidate`, and its file opened.
pub(super) fn reidentify(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    org: &OrganizationRow,
    id: MemberId,
    body: &CreateCandidate,
) -> AppResult<MemberId> {
    let mut errors = Vec::new();
    let (Some(gender), Some(birth)) = (body.profile.gender, body.profile.birth_date) else {
        return Err(AppError::internal("identity checked by the caller"));
    };
    let mut changes = to_changes(
        &body.profile,
        Identity { gender, birth },
        false,
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    if changes.full_name.is_none() {
        changes.name_folded = None;
        changes.name_sort_key = None;
    }
    diesel::update(members::table.find(id))
        .set((
            &changes,
            members::organization_id.eq(org.id),
            members::org_path.eq(&org.path),
            members::status.eq(MemberStatus::Candidate),
            members::version.eq(members::version + 1),
            members::updated_at.eq(crate::models::now()),
        ))
        .execute(conn.conn())?;
    let file = FileRow {
        member_id: id,
        source: body.source,
        identified_on: body.identified_on,
        youth_union_member: body.youth_union_member,
        trade_union_member: body.trade_union_member,
        age_consent_no: body.age_consent_no.clone(),
        population_policy: body.population_policy,
        dropped_on: None,
        drop_reason: None,
        drop_note: None,
    };
    let mut cats = body.categories.clone();
    cats.sort();
    cats.dedup();
    model::insert_file(conn, &file, &cats)?;
    let row = CandidateRow::find(conn, &caller.scope, id)?;
    if changes.name_folded.is_some() {
        crate::models::name_word::set(conn, id, &row.name_folded, &row.name_sort_key)?;
    }
    audit(
        conn,
        caller,
        qldv_api_types::audit::AuditAction::Create,
        None,
        &row,
    )?;
    Ok(id)
}

/// Rule 13 at the decision of a former member's file, dated `on`: the exit allows it, the
/// person was not re-admitted before, 36 months have passed, the consent is recorded.
pub(super) fn check_decision(
    conn: &mut Uow<'_>,
    row: &CandidateRow,
    on: NaiveDate,
    consent: bool,
) -> AppResult<()> {
    let (facts, before) = crate::services::movements::exit_facts(
        conn,
        (
            row.id,
            row.national_id.as_deref(),
            row.legacy_id_no.as_deref(),
        ),
        None,
    )?;
    let settings = setting::at(conn, on)?;
    crate::domain::readmission::check_readmission(&facts, before, consent, on, &settings)?;
    Ok(())
}

/// A former member's file closed without a ceremony (dropped, refused): the record is again
/// what its events say (exited).
pub(super) fn restore(conn: &mut Uow<'_>, id: MemberId) -> AppResult<()> {
    if model::is_former_member(conn, id)? {
        MemberRow::refresh_state(conn, id)?;
    }
    Ok(())
}
