//! Inspections, complaints, denunciations and discipline reviews of a member (rules 9 and 11):
//! opened and settled, each with its member event and audit entries, in the caller's
//! transaction. A complaint against a discipline holds it until its ruling; the ruling upholds,
//! reduces or annuls it, and the discipline's schedule is recomputed.

use chrono::NaiveDate;
use qldv_api_types::audit::{AuditAction, AuditEntity};
use qldv_api_types::cases::{CaseKind, CreateCase, SettleCase};
use qldv_api_types::members::MemberEventKind;
use qldv_api_types::{CaseId, MemberId};

use crate::auth::AuthUser;
use crate::domain::discipline::{self as rules, RulingRefusal};
use crate::error::{AppError, AppResult};
use crate::messages::cases as msg;
use crate::models::audit::{self, Subject};
use crate::models::discipline::DisciplineRow;
use crate::models::member::MemberRow;
use crate::models::member_case::{CaseRow, NewCase, Settlement};
use crate::models::member_event::NewEvent;
use crate::models::setting;
use crate::models::uow::Uow;
use crate::services::members::MemberWrite;

fn audit_case(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    action: AuditAction,
    m: &MemberRow,
    before: Option<&CaseRow>,
    after: &CaseRow,
) -> AppResult<()> {
    audit::record(
        conn,
        &caller.actor(),
        action,
        Subject {
            entity: AuditEntity::MemberCase,
            id: after.id.into(),
            scope_path: Some(&m.org_path),
        },
        before,
        Some(after),
    )
}

/// The member's event for case `c` on `on`.
fn event<'a>(
    m: &MemberRow,
    kind: MemberEventKind,
    on: NaiveDate,
    decision_no: Option<&'a str>,
    regulation: &'a str,
    c: &CaseRow,
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
        details: Some(serde_json::json!({
            "case_id": c.id,
            "case_kind": c.kind,
            "discipline_id": c.discipline_id,
            "ruling": c.ruling,
            "reduced_to": c.reduced_to,
        })),
    }
}

/// Opens a case of a member of the caller's scope (a former member too: a complaint against
/// an expulsion). A complaint naming a discipline must be of the same member, lodged on or
/// after its decision.
pub fn open(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &CreateCase,
) -> AppResult<(CaseRow, MemberRow)> {
    let m = MemberRow::find_for_change(conn, &caller.scope, id)?;
    let discipline = match body.discipline_id {
        None => None,
        Some(did) => {
            if body.kind != CaseKind::Complaint {
                return Err(msg::discipline_only_for_complaints());
            }
            let d = DisciplineRow::of_member(conn, m.id)?
                .into_iter()
                .find(|d| d.id == did)
                .ok_or_else(msg::discipline_not_of_member)?;
            if body.opened_on < d.decided_on {
                return Err(msg::complaint_before_decision());
            }
            Some(d)
        }
    };
    let settings = setting::at(conn, body.opened_on)?;
    let row = CaseRow::insert(
        conn,
        &NewCase {
            member_id: m.id,
            kind: body.kind,
            opened_on: body.opened_on,
            discipline_id: discipline.as_ref().map(|d| d.id),
            reference_no: body.reference_no.as_deref().map(str::trim),
            summary: body.summary.trim(),
            regulation: &settings.regulation,
            created_by: Some(caller.id),
            created_at: crate::models::now(),
        },
    )?;
    if discipline.is_some() {
        DisciplineRow::reschedule(conn, m.id, &settings)?;
    }
    let write = MemberWrite::begin(conn, m.clone(), m.version)?;
    write.event(
        conn,
        &caller.actor(),
        &event(
            &m,
            MemberEventKind::CaseOpened,
            body.opened_on,
            row.reference_no.as_deref(),
            &settings.regulation,
            &row,
        ),
    )?;
    let after = write
        .refresh(conn)?
        .audit(conn, &caller.actor(), AuditAction::OpenCase)?;
    audit_case(conn, caller, AuditAction::Create, &m, None, &row)?;
    Ok((row, after))
}

/// Records the settlement of an open case: the conclusion of an inspection or review, the
/// ruling on a complaint or denunciation. A complaint against a discipline needs its ruling
/// (upheld, reduced to a lighter form, annulled); the discipline's schedule follows (rule 11).
pub fn settle(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    case_id: CaseId,
    body: &SettleCase,
) -> AppResult<(CaseRow, MemberRow)> {
    let m = MemberRow::find_for_change(conn, &caller.scope, id)?;
    let before = CaseRow::of_member(conn, m.id)?
        .into_iter()
        .find(|c| c.id == case_id)
        .ok_or_else(msg::case_not_found)?;
    if before.settled_on.is_some() {
        return Err(msg::already_settled());
    }
    let announced_on = body.announced_on.unwrap_or(body.settled_on);
    let disciplines = DisciplineRow::of_member(conn, m.id)?;
    let against = before
        .discipline_id
        .and_then(|did| disciplines.iter().find(|d| d.id == did))
        .map(|d| d.rule().form);
    rules::check_ruling(
        against,
        body.ruling,
        body.reduced_to,
        before.opened_on,
        body.settled_on,
        announced_on,
    )
    .map_err(refusal)?;
    let after = CaseRow::settle(
        conn,
        before.id,
        &Settlement {
            settled_on: Some(body.settled_on),
            announced_on: Some(announced_on),
            decision_no: Some(body.decision_no.trim()),
            ruling: body.ruling,
            reduced_to: body.reduced_to,
            outcome: body.outcome.as_deref().map(str::trim),
            settled_by: Some(caller.id),
            settled_at: Some(crate::models::now()),
        },
    )?;
    let settings = setting::at(conn, body.settled_on)?;
    if let Some(did) = after.discipline_id {
        DisciplineRow::reschedule(conn, m.id, &settings)?;
        // The discipline the ruling changed, audited before and after.
        let was = disciplines.iter().find(|d| d.id == did);
        let now = DisciplineRow::of_member(conn, m.id)?
            .into_iter()
            .find(|d| d.id == did)
            .ok_or_else(|| AppError::internal("discipline vanished"))?;
        audit::record(
            conn,
            &caller.actor(),
            AuditAction::Settle,
            Subject {
                entity: AuditEntity::Discipline,
                id: did.into(),
                scope_path: Some(&m.org_path),
            },
            was,
            Some(&now),
        )?;
    }
    let write = MemberWrite::begin(conn, m.clone(), m.version)?;
    write.event(
        conn,
        &caller.actor(),
        &event(
            &m,
            MemberEventKind::CaseSettled,
            body.settled_on,
            Some(body.decision_no.trim()),
            &settings.regulation,
            &after,
        ),
    )?;
    let member = write
        .refresh(conn)?
        .audit(conn, &caller.actor(), AuditAction::Settle)?;
    audit_case(conn, caller, AuditAction::Settle, &m, Some(&before), &after)?;
    Ok((after, member))
}

fn refusal(r: RulingRefusal) -> AppError {
    match r {
        RulingRefusal::RulingRequired => msg::ruling_required(),
        RulingRefusal::RulingNotApplicable => msg::ruling_not_applicable(),
        RulingRefusal::NotLighter => msg::not_lighter(),
        RulingRefusal::DateOrder => msg::settled_before_opened(),
    }
}
