//! Discipline (rules 10, 11), exits (rules 4, 12), re-admission (rule 13), and periods of working
//! away or exemption. Each appends its events and recomputes the member's state in the caller's
//! transaction.

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::members::{MemberEventKind, MemberStatus};
use qldv_api_types::movements::{
    CreateDiscipline, DisciplineForm, DisciplineHold, DisciplineHoldKind, ExitRequest,
    MembershipEnd, PeriodKind, PeriodRequest, ReadmissionRequest,
};
use qldv_api_types::regulations::RegulationChain;
use qldv_api_types::{DisciplineId, MemberId};

use crate::auth::AuthUser;
use crate::db::schema::{disciplines, member_periods};
use crate::domain::{admission, discipline as rules, readmission};
use crate::error::{AppError, AppResult};
use crate::messages::movements as msg;
use crate::models::discipline::DisciplineRow;
use crate::models::member::MemberRow;
use crate::models::member_event::{self, NewEvent};
use crate::models::setting;
use crate::models::transfer::TransferRow;
use crate::models::uow::Uow;
use crate::services::members::{MemberWrite, Refreshed};

fn active(m: &MemberRow) -> AppResult<()> {
    match m.status {
        MemberStatus::Probationary | MemberStatus::Official => Ok(()),
        MemberStatus::Exited | MemberStatus::TransferredOut | MemberStatus::Candidate => {
            Err(crate::messages::members::not_active())
        }
    }
}

/// An event of the member `m` decided on `on`.
fn event_of<'a>(
    m: &MemberRow,
    kind: MemberEventKind,
    on: NaiveDate,
    decision_no: Option<&'a str>,
    regulation: &'a str,
    details: serde_json::Value,
) -> NewEvent<'a> {
    NewEvent {
        member_id: m.id,
        kind,
        occurred_on: on,
        decision_no,
        decision_on: Some(on),
        deciding_org_id: None,
        organization_id: m.organization_id,
        regulation,
        details: Some(details),
    }
}

/// The member's exit: event, membership closed, state recomputed (and, on rule 12, the card
/// collected and the badges returned); the audit entry is the caller's.
fn exit_member(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    write: MemberWrite,
    reason: MembershipEnd,
    on: NaiveDate,
    decision_no: &str,
    details: serde_json::Value,
) -> AppResult<Refreshed> {
    let m = write.touched();
    crate::domain::transfer::require_none_pending(TransferRow::pending_of(conn, m.id)?)?;
    let settings = setting::at(conn, on)?;
    let mut details = details;
    if let Some(d) = details.as_object_mut() {
        d.insert("reason".into(), serde_json::json!(reason));
    }
    let (id, path) = (m.id, m.org_path.clone());
    let event = event_of(
        m,
        MemberEventKind::Exited,
        on,
        Some(decision_no),
        &settings.regulation,
        details,
    );
    write.event(conn, &caller.actor(), &event)?;
    member_event::close_membership(conn, id, on, reason)?;
    MemberRow::set_exit_reason(conn, id, Some(reason))?;
    // Rule 38: the exit closes the member's open duties; the cell sees `duties_closed`.
    super::duties::close_open(
        conn,
        caller,
        id,
        on,
        qldv_api_types::cell_year::DutyClosure::Exit,
    )?;
    // Rule 39: and ends the member's liaisons.
    super::liaisons::end_open(conn, caller, (id, &path), on)?;
    let refreshed = write.refresh(conn)?;
    // Rule 12: expulsion, name removal or resignation → card collected, badges returned.
    if matches!(
        reason,
        MembershipEnd::Expelled | MembershipEnd::NameRemoved | MembershipEnd::Resigned
    ) {
        let after = refreshed.after();
        super::cards::end_on_exit(conn, &caller.actor(), after, on, reason)?;
        super::badges::return_on_exit(conn, &caller.actor(), after, on)?;
        return refreshed.reload(conn);
    }
    // Rule 12: on a death the family keeps the card (recorded as kept, not active) and the badges.
    if reason == MembershipEnd::Deceased {
        super::cards::end_on_exit(conn, &caller.actor(), refreshed.after(), on, reason)?;
        return refreshed.reload(conn);
    }
    Ok(refreshed)
}

/// Records a discipline decision (an expulsion also ends the membership).
pub fn discipline(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &CreateDiscipline,
) -> AppResult<(DisciplineRow, MemberRow)> {
    let m = MemberRow::find_for_change(conn, &caller.scope, id)?;
    active(&m)?;
    let form = body.form;
    rules::check_form(
        form,
        m.status == MemberStatus::Official,
        body.post.is_some(),
    )
    .map_err(|v| AppError::field("form", v.code, v.text()))?;
    let announced_on = body.announced_on.unwrap_or(body.decided_on);
    if announced_on < body.decided_on {
        return Err(crate::messages::cases::announced_before_decision());
    }
    let settings = setting::at(conn, body.decided_on)?;
    let write = MemberWrite::begin(conn, m.clone(), m.version)?;
    let row_id: DisciplineId = diesel::insert_into(disciplines::table)
        .values((
            disciplines::member_id.eq(m.id),
            disciplines::form.eq(body.form),
            disciplines::decided_on.eq(body.decided_on),
            disciplines::decision_no.eq(&body.decision_no),
            disciplines::reason.eq(body.reason.trim()),
            disciplines::announced_on.eq(Some(announced_on)),
            disciplines::lapses_on.eq(rules::lapse_date(form, announced_on, &settings)),
            disciplines::regulation.eq(settings.document(RegulationChain::Discipline)),
            disciplines::created_by.eq(Some(caller.id)),
            disciplines::created_at.eq(crate::models::now()),
        ))
        .returning(disciplines::id)
        .get_result(conn.conn())?;
    let event = event_of(
        write.touched(),
        MemberEventKind::Disciplined,
        body.decided_on,
        Some(&body.decision_no),
        settings.document(RegulationChain::Discipline),
        serde_json::json!({"discipline_id": row_id, "form": body.form, "post": body.post,
                           "reason": body.reason, "announced_on": announced_on}),
    );
    write.event(conn, &caller.actor(), &event)?;
    // A re-offence recorded on an earlier discipline ends when this one is announced (rule 11).
    DisciplineRow::reschedule(conn, m.id, &settings)?;
    let refreshed = if body.form == DisciplineForm::Expulsion {
        exit_member(
            conn,
            caller,
            write,
            MembershipEnd::Expelled,
            body.decided_on,
            &body.decision_no,
            serde_json::json!({"bars_readmission": body.bars_readmission}),
        )?
    } else {
        write.refresh(conn)?
    };
    let row = DisciplineRow::of_member(conn, m.id)?
        .into_iter()
        .find(|d| d.id == row_id)
        .ok_or_else(|| AppError::internal("discipline just written is missing"))?;
    let after = refreshed.audit(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Discipline,
    )?;
    Ok((row, after))
}

/// Records a complaint or a re-offence: the discipline no longer lapses by itself (rule 11).
/// A complaint is recorded as a complaint case against the discipline (its ruling, through the
/// case's settlement, ends the hold); a re-offence holds it until the member's next discipline
/// is announced.
pub fn hold(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    discipline_id: DisciplineId,
    body: &DisciplineHold,
) -> AppResult<DisciplineRow> {
    let m = MemberRow::find_for_change(conn, &caller.scope, id)?;
    let d = DisciplineRow::of_member(conn, m.id)?
        .into_iter()
        .find(|d| d.id == discipline_id)
        .ok_or_else(msg::discipline_not_found)?;
    if body.on < d.decided_on {
        return Err(msg::held_before_decision());
    }
    let settings = setting::at(conn, body.on)?;
    match body.kind {
        DisciplineHoldKind::Complaint => {
            crate::models::member_case::CaseRow::insert(
                conn,
                &crate::models::member_case::NewCase {
                    member_id: m.id,
                    kind: qldv_api_types::cases::CaseKind::Complaint,
                    opened_on: body.on,
                    discipline_id: Some(d.id),
                    reference_no: None,
                    summary: &crate::messages::records::complaint_summary(&d.decision_no).vi,
                    regulation: &settings.regulation,
                    created_by: Some(caller.id),
                    created_at: crate::models::now(),
                },
            )?;
        }
        DisciplineHoldKind::Reoffence => {
            diesel::update(disciplines::table.find(d.id))
                .set(disciplines::reoffence_on.eq(Some(body.on)))
                .execute(conn.conn())?;
        }
    };
    DisciplineRow::reschedule(conn, m.id, &settings)?;
    member_event::append(
        conn,
        &caller.actor(),
        &event_of(
            &m,
            MemberEventKind::DisciplineHeld,
            body.on,
            None,
            settings.document(RegulationChain::Discipline),
            serde_json::json!({"discipline_id": d.id, "kind": body.kind}),
        ),
    )?;
    let after = DisciplineRow::of_member(conn, m.id)?
        .into_iter()
        .find(|x| x.id == d.id)
        .ok_or_else(|| AppError::internal("discipline vanished"))?;
    crate::models::audit::record(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Hold,
        crate::models::audit::Subject {
            entity: qldv_api_types::audit::AuditEntity::Discipline,
            id: d.id.into(),
            scope_path: Some(&m.org_path),
        },
        Some(&d),
        Some(&after),
    )?;
    Ok(after)
}

/// A member leaves: name removal, resignation or death.
pub fn exit(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &ExitRequest,
) -> AppResult<MemberRow> {
    let m = MemberRow::find_for_change(conn, &caller.scope, id)?;
    active(&m)?;
    let reason = MembershipEnd::from(body.reason);
    let refused =
        m.status == MemberStatus::Probationary && crate::services::members::refused(conn, m.id)?;
    if !admission::exit_after_refusal_allowed(refused, reason) {
        return Err(crate::messages::cases::removal_required());
    }
    let write = MemberWrite::begin(conn, m.clone(), m.version)?;
    let after = exit_member(
        conn,
        caller,
        write,
        reason,
        body.effective_on,
        &body.decision_no,
        serde_json::json!({
            "abandoned_activities": body.abandoned_activities,
            "hardship_reason": body.hardship_reason,
            "was_probationary": m.status == MemberStatus::Probationary,
        }),
    )?
    .audit(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Exit,
    )?;
    Ok(after)
}

/// Re-admits a former member (rule 13): a new probation, the time out is an interruption.
pub fn readmit(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &ReadmissionRequest,
) -> AppResult<MemberRow> {
    let m = MemberRow::find_for_change(conn, &caller.scope, id)?;
    if m.status != MemberStatus::Exited {
        return Err(msg::not_exited());
    }
    let (exit_facts, readmitted_before) = exit_facts(
        conn,
        (m.id, m.national_id.as_deref(), m.legacy_id_no.as_deref()),
        body.criminal_record_cleared_on,
    )?;
    let settings = setting::at(conn, body.admission_decision_on)?;
    readmission::check_readmission(
        &exit_facts,
        readmitted_before,
        !body.consent_no.trim().is_empty(),
        body.admission_decision_on,
        &settings,
    )?;
    if body.ceremony_on < body.admission_decision_on {
        return Err(msg::ceremony_before_decision());
    }
    // Rule 2: from the day the cell received the decision (default: its date).
    let received = body
        .decision_received_on
        .unwrap_or(body.admission_decision_on);
    if received < body.admission_decision_on || received > body.ceremony_on {
        return Err(crate::messages::records::decision_received_on());
    }
    admission::check_ceremony(
        received,
        body.ceremony_on,
        body.ceremony_delay_approval_no.is_some(),
        &settings,
    )
    .map_err(|v| AppError::field(v.field, v.violation.code, v.violation.text()))?;
    let write = MemberWrite::begin(conn, m.clone(), m.version)?;
    let event = event_of(
        write.touched(),
        MemberEventKind::Readmitted,
        body.admission_decision_on,
        Some(&body.decision_no),
        &settings.regulation,
        serde_json::json!({"ceremony_on": body.ceremony_on, "consent_no": body.consent_no,
                           "criminal_record_cleared_on": body.criminal_record_cleared_on,
                           "decision_received_on": received,
                           "ceremony_delay_approval_no": body.ceremony_delay_approval_no}),
    );
    write.event(conn, &caller.actor(), &event)?;
    member_event::open_membership(
        conn,
        m.id,
        m.organization_id,
        body.admission_decision_on,
        member_event::Arrival::Readmitted,
    )?;
    MemberRow::set_exit_reason(conn, m.id, None)?;
    write.finish(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Readmit,
    )
}

/// Rule 13's facts about a former member: the last exit (reason, date, whether it bars
/// re-admission, hardship) and whether the person was re-admitted before, across their records
/// (same CCCD or legacy CMND). Shared by `readmit` and a candidate's decision (issue 22).
pub(crate) fn exit_facts(
    conn: &mut crate::db::DbConn,
    (id, national_id, legacy_id_no): (MemberId, Option<&str>, Option<&str>),
    record_cleared_on: Option<NaiveDate>,
) -> AppResult<(readmission::ExitFacts, bool)> {
    let events = member_event::of_member(conn, id)?;
    // Rule 13: once per person, across the person's records (same CCCD or legacy CMND).
    let readmitted_before = events.iter().any(|e| e.kind == MemberEventKind::Readmitted)
        || MemberRow::readmitted_elsewhere(conn, id, national_id, legacy_id_no)?;
    let last_exit = events
        .iter()
        .rev()
        .find(|e| e.kind == MemberEventKind::Exited)
        .ok_or_else(|| AppError::internal("exited member without an exit event"))?;
    let details: serde_json::Value = last_exit
        .details
        .as_deref()
        .and_then(|d| serde_json::from_str(d).ok())
        .unwrap_or_default();
    let flag = |k: &str| {
        details
            .get(k)
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false)
    };
    let reason = details
        .get("reason")
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| AppError::internal("exit event without a reason"))?
        .parse::<MembershipEnd>()
        .map_err(AppError::internal)?;
    let exit_facts = readmission::ExitFacts {
        reason,
        exited_on: last_exit.occurred_on,
        barred: flag("abandoned_activities") || flag("bars_readmission"),
        hardship: details
            .get("hardship_reason")
            .is_some_and(|h| h.is_string()),
        record_cleared_on,
    };
    Ok((exit_facts, readmitted_before))
}

/// Records a period of working away or of exemption.
pub fn add_period(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    kind: PeriodKind,
    body: &PeriodRequest,
) -> AppResult<(i64, MemberRow)> {
    let m = MemberRow::find_for_change(conn, &caller.scope, id)?;
    active(&m)?;
    if body.to.is_some_and(|t| t < body.from) {
        return Err(msg::period_ends_before_start());
    }
    if kind == PeriodKind::Absence && body.place.is_none() {
        return Err(msg::absence_place_required());
    }
    let write = MemberWrite::begin(conn, m.clone(), m.version)?;
    let pid: i64 = diesel::insert_into(member_periods::table)
        .values((
            member_periods::member_id.eq(m.id),
            member_periods::kind.eq(kind),
            member_periods::from_on.eq(body.from),
            member_periods::to_on.eq(body.to),
            member_periods::place.eq(body.place.as_deref()),
            member_periods::reason.eq(body.reason.trim()),
            member_periods::created_by.eq(Some(caller.id)),
            member_periods::created_at.eq(crate::models::now()),
        ))
        .returning(member_periods::id)
        .get_result(conn.conn())?;
    MemberRow::set_period(
        conn,
        m.id,
        kind == PeriodKind::Exemption,
        body.from,
        body.to,
    )?;
    let settings = setting::at(conn, body.from)?;
    let event = event_of(
        write.touched(),
        match kind {
            PeriodKind::Absence => MemberEventKind::AbsenceRecorded,
            PeriodKind::Exemption => MemberEventKind::ExemptionRecorded,
        },
        body.from,
        None,
        &settings.regulation,
        serde_json::json!({"period_id": pid, "to": body.to, "place": body.place, "reason": body.reason}),
    );
    write.event(conn, &caller.actor(), &event)?;
    let action = match kind {
        PeriodKind::Absence => qldv_api_types::audit::AuditAction::Absence,
        PeriodKind::Exemption => qldv_api_types::audit::AuditAction::Exemption,
    };
    let after = write.finish(conn, &caller.actor(), action)?;
    Ok((pid, after))
}
