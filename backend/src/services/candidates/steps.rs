//! Recording a step of the file (and the ceremony's conversion), and dropping a candidate.

use super::*;

pub(super) fn required<T: Copy>(v: Option<T>, name: &str) -> AppResult<T> {
    v.ok_or_else(|| msg::step_field_required(name))
}

/// Records one step (call inside a transaction): judged by rule 30 and the rules it names on
/// the file as stored, then stored; the ceremony converts the record. Returns the computed
/// vote base of a resolution and the warnings.
pub fn record_step(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &RecordStep,
    today: NaiveDate,
) -> AppResult<(Option<u32>, Vec<String>)> {
    let row = CandidateRow::find(conn, &caller.scope, id)?;
    let f = FileRow::get(conn, id)?;
    let steps = model::steps_of(conn, &[id])?;
    let file = file_of(conn, &row, &f, &steps)?;
    let kind = required(body.kind, "kind")?;
    let on = required(body.on, "on")?;
    // 29-QĐ/TW §4.3.2: the committees above the cell record their own acts.
    if rules::level(kind) != rules::StepLevel::Cell {
        let grassroots = OrganizationRow::grassroots_of(conn, &row.org_path)?;
        let deciding = rules::deciding_path(&grassroots.path).to_string();
        rules::check_level(kind, |l| match l {
            rules::StepLevel::Cell => true,
            rules::StepLevel::Grassroots => caller.scope.contains(&grassroots.path),
            rules::StepLevel::Deciding => caller.scope.contains(&deciding),
        })
        .map_err(msg::refused)?;
    }
    let to_i32 = |v: Option<u32>| v.map(|v| i32::try_from(v).unwrap_or(i32::MAX));
    let mut stored = StepRow {
        id: CandidateStepId(0),
        member_id: id,
        kind,
        on_date: on,
        document_no: body.document_no.clone(),
        regulation: String::new(),
        received_on: None,
        late_reason: None,
        approval_no: None,
        vote_members: None,
        vote_agreeing: None,
        introducer_id: None,
        together_since: None,
        replacing: false,
        entered_by: caller.actor().user_id.map(|u| u.0),
        entered_at: crate::models::now(),
    };
    let mut helpers = Vec::new();
    let mut base = None;
    let mut warnings = Vec::new();
    match kind {
        K::Introduction => {
            let introducer_id = required(body.introducer_id, "introducer_id")?;
            MemberRow::find(conn, &caller.scope, introducer_id)
                .map_err(|_| msg::member_not_found("introducer_id"))?;
            stored.introducer_id = Some(introducer_id);
            stored.together_since = Some(required(body.together_since, "together_since")?);
            stored.replacing = body.replacing;
        }
        K::CellResolution | K::GrassrootsResolution => {
            stored.vote_members = to_i32(Some(required(body.vote_members, "vote_members")?));
            stored.vote_agreeing = to_i32(Some(required(body.vote_agreeing, "vote_agreeing")?));
            if kind == K::CellResolution {
                let computed = model::vote_base(conn, row.organization_id, on)?;
                base = Some(computed);
                if body.vote_members != Some(computed) {
                    warnings.push(
                        msg::vote_base_differs(body.vote_members.unwrap_or(0), computed).served(),
                    );
                }
            }
        }
        K::AdmissionDecision => {
            stored.received_on = body.received_on;
            stored.late_reason = body.late_reason.clone();
            // A re-admission: the provincial standing committee's written consent (rule 13).
            stored.approval_no = body.approval_no.clone();
        }
        K::AdmissionRefused => stored.late_reason = body.late_reason.clone(),
        K::Ceremony => stored.approval_no = body.approval_no.clone(),
        K::HelpersAssigned => {
            if body.helper_ids.is_empty() {
                return Err(msg::step_field_required("helper_ids"));
            }
            for h in &body.helper_ids {
                MemberRow::find(conn, &caller.scope, *h)
                    .map_err(|_| msg::member_not_found("helper_ids"))?;
            }
            helpers.clone_from(&body.helper_ids);
        }
        _ => {}
    }
    let grassroots = OrganizationRow::grassroots_of(conn, &row.org_path)?.path;
    let step = Step {
        on,
        fact: fact_of(conn, &stored, &grassroots)?,
    };
    let settings = setting::at(conn, on)?;
    rules::check_step(&file, &step, today, &settings).map_err(msg::refused)?;
    let former = model::is_former_member(conn, id)?;
    if former && kind == K::AdmissionDecision {
        super::readmission::check_decision(conn, &row, on, stored.approval_no.is_some())?;
    }
    stored.regulation.clone_from(&settings.regulation);
    let step_id = CandidateStepId(
        crate::db::bulk::reserve_ids(conn, "candidate_steps", 1)?
            .pop()
            .ok_or_else(|| AppError::internal("no id reserved"))?,
    );
    model::insert_step(
        conn,
        &NewStep {
            id: step_id,
            member_id: id,
            kind,
            on_date: on,
            document_no: stored.document_no.clone(),
            regulation: stored.regulation.clone(),
            received_on: stored.received_on,
            late_reason: stored.late_reason.clone(),
            approval_no: stored.approval_no.clone(),
            vote_members: stored.vote_members,
            vote_agreeing: stored.vote_agreeing,
            introducer_id: stored.introducer_id,
            together_since: stored.together_since,
            replacing: stored.replacing,
            entered_by: stored.entered_by,
            entered_at: stored.entered_at,
        },
        &helpers,
    )?;
    if kind == K::Ceremony {
        let mut after = file.clone();
        after.steps.push(step);
        convert(conn, caller, &row, &after, &steps, today)?;
    } else if kind == K::AdmissionRefused {
        super::readmission::restore(conn, id)?;
    }
    bump(conn, id)?;
    let after_row = CandidateRow::find(conn, &caller.scope, id)?;
    audit(
        conn,
        caller,
        qldv_api_types::audit::AuditAction::Update,
        Some(&row),
        &after_row,
    )?;
    Ok((base, warnings))
}

/// Rule 30 at the ceremony: the same record becomes a probationary member, its admission
/// written as `POST /members` writes one (event, membership, derived state, counts).
pub(super) fn convert(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    row: &CandidateRow,
    file: &CandidateFile,
    steps: &[StepRow],
    today: NaiveDate,
) -> AppResult<()> {
    let decision_on = file
        .date_of(K::AdmissionDecision)
        .ok_or_else(|| AppError::internal("no decision"))?;
    let settings = setting::at(conn, decision_on)?;
    let c = rules::convert(file, today, &settings).map_err(msg::refused)?;
    let decision = steps.iter().rev().find(|s| s.kind == K::AdmissionDecision);
    let ceremony = steps.iter().rev().find(|s| s.kind == K::Ceremony);
    let mut names = Vec::new();
    for m in &c.introducers {
        let n: Option<String> = members::table
            .find(*m)
            .select(members::full_name)
            .first(conn.conn())
            .optional()?;
        names.extend(n);
    }
    // Rule 13: a former member's ceremony is a re-admission, the earlier periods kept.
    let former = model::is_former_member(conn, row.id)?;
    let (kind, arrival, details) = if former {
        (
            MemberEventKind::Readmitted,
            crate::models::member_event::Arrival::Readmitted,
            serde_json::json!({
                "ceremony_on": c.dates.ceremony,
                "cell_considered_on": c.dates.considered,
                "consent_no": decision.and_then(|s| s.approval_no.clone()),
                "criminal_record_cleared_on": null,
                "decision_received_on": c.dates.received,
                "ceremony_delay_approval_no": ceremony.and_then(|s| s.approval_no.clone()),
                "candidate": true,
            }),
        )
    } else {
        (
            MemberEventKind::Admitted,
            crate::models::member_event::Arrival::Admitted,
            serde_json::json!({
                "ceremony_on": c.dates.ceremony,
                "cell_considered_on": c.dates.considered,
                "decision_received_on": c.dates.received,
                "first_admission_decision_on": c.dates.decision,
                "ceremony_delay_approval_no": ceremony.and_then(|s| s.approval_no.clone()),
                "candidate": true,
            }),
        )
    };
    let mut event = crate::services::members::new_event(
        row.organization_id,
        kind,
        c.dates.decision,
        &settings.regulation,
        details,
    );
    event.member_id = row.id;
    event.decision_no = decision.and_then(|s| s.document_no.clone());
    event.decision_on = Some(c.dates.decision);
    event.entered_at = crate::models::now();
    crate::models::member_event::insert_rows(conn, &[event])?;
    crate::models::member_event::open_memberships(
        conn,
        &[(row.id, row.organization_id, c.dates.decision)],
        arrival,
    )?;
    if former {
        MemberRow::set_exit_reason(conn, row.id, None)?;
    }
    // The status and the dates are derived from the events, with the counts, by the rule that
    // derives them for every member.
    diesel::update(members::table.find(row.id))
        .set((
            members::admission_decision_no.eq(decision.and_then(|s| s.document_no.clone())),
            members::introducers.eq(Some(names.join(", ")).filter(|s| !s.is_empty())),
        ))
        .execute(conn.conn())?;
    MemberRow::refresh_state(conn, row.id)?;
    // From now on the record is also a member's: audited and published as one.
    let member = MemberRow::find(conn, &crate::auth::Scope::system(), row.id)?;
    crate::models::audit::record(
        conn,
        &caller.actor(),
        if former {
            qldv_api_types::audit::AuditAction::Readmit
        } else {
            qldv_api_types::audit::AuditAction::Create
        },
        crate::models::audit::Subject {
            entity: qldv_api_types::audit::AuditEntity::Member,
            id: row.id.into(),
            scope_path: Some(&member.org_path),
        },
        None::<&MemberRow>,
        Some(&member),
    )
}

/// Drops a candidate (rule 30's `check_drop`).
pub fn drop(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &dto::CandidateDrop,
    today: NaiveDate,
) -> AppResult<()> {
    let row = CandidateRow::find(conn, &caller.scope, id)?;
    let f = FileRow::get(conn, id)?;
    let steps = model::steps_of(conn, &[id])?;
    let file = file_of(conn, &row, &f, &steps)?;
    rules::check_drop(&file, body.on, today).map_err(msg::refused)?;
    if body.reason == qldv_api_types::candidates::CandidateDropReason::Other && body.note.is_none()
    {
        return Err(msg::step_field_required("note"));
    }
    FileRow::drop_on(conn, id, body)?;
    bump(conn, id)?;
    super::readmission::restore(conn, id)?;
    let after = CandidateRow::find(conn, &caller.scope, id)?;
    audit(
        conn,
        caller,
        qldv_api_types::audit::AuditAction::Update,
        Some(&row),
        &after,
    )
}
