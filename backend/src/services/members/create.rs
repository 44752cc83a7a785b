//! Admission of a new member, or data entry of an existing one: [`plan`] checks a request with
//! every rule, [`write`] records any number of planned members set by set (one for the API, a
//! thousand at a time for an import), so both paths write exactly the same rows.

use crate::error::FieldIssue;
use crate::messages::Text;
use chrono::NaiveDate;
use qldv_api_types::members::{CreateMember, MemberEventKind, MemberStatus};
use qldv_api_types::MemberId;
use qldv_api_types::OrgId;

use super::profile::{self, Identity};
use crate::auth::{Actor, AuthUser};
use crate::db::DbConn;
use crate::domain::admission::{self, AdmissionDates};
use crate::domain::lifecycle;
use crate::error::{AppError, AppResult};
use crate::models::audit::{self, Subject};
use crate::models::member::{MemberRow, ProfileChanges};
use crate::models::member_event::{self, EventRow};
use crate::models::organization::{KindRow, OrganizationRow};
use crate::models::setting;
use crate::models::uow::Uow;

fn fe(field: &str, code: &str, message: Text) -> FieldIssue {
    FieldIssue::new(field, code, message)
}

/// A member checked by every rule and ready to be written.
#[derive(Debug, Clone)]
pub struct Planned {
    /// The cell.
    organization_id: OrgId,
    /// Its path.
    org_path: String,
    /// The dossier.
    changes: ProfileChanges,
    /// The events to record (member, author and time filled in when written).
    events: Vec<EventRow>,
    /// An arrival from outside the system (rule 7): the membership here begins on this day as a
    /// transfer in, not with the admission.
    arrival: Option<NaiveDate>,
}

/// An identifier a new record will hold, which no other record may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key<'a> {
    /// CCCD.
    NationalId(&'a str),
    /// Personal-history number.
    HistoryNo(&'a str),
}

impl Planned {
    /// The member arrives from outside the system on `on` (rule 7): `event` is recorded, and the
    /// membership here begins that day as a transfer in, never as an admission.
    pub fn arriving(mut self, on: NaiveDate, mut event: EventRow) -> Self {
        event.organization_id = self.organization_id;
        self.events.push(event);
        self.arrival = Some(on);
        self
    }

    /// The cell.
    pub fn organization_id(&self) -> OrgId {
        self.organization_id
    }

    /// The identifiers the record will hold, as stored.
    pub fn keys(&self) -> Vec<Key<'_>> {
        let cccd = self.changes.national_id.as_ref().and_then(Option::as_deref);
        let history = self
            .changes
            .personal_history_no
            .as_ref()
            .and_then(Option::as_deref);
        cccd.map(Key::NationalId)
            .into_iter()
            .chain(history.map(Key::HistoryNo))
            .collect()
    }
}

/// The conflict of an identifier another record already holds.
pub fn taken(key: Key<'_>) -> AppError {
    match key {
        Key::NationalId(n) => crate::messages::records::national_id_taken(n),
        Key::HistoryNo(h) => crate::messages::records::history_no_taken(h),
    }
}

/// Creates a member record in a cell inside the caller's scope (call inside a transaction).
pub fn create(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    body: &CreateMember,
    today: NaiveDate,
) -> AppResult<MemberRow> {
    let org = OrganizationRow::find(conn, &caller.scope, body.organization_id)?;
    let holds_members = KindRow::get(conn, &org.kind)?.holds_members;
    let planned = plan(conn, &org, holds_members, body, today)?;
    for key in planned.keys() {
        crate::services::disclosure::check(conn, caller, key, None)?;
    }
    write(conn, &caller.actor(), vec![planned])?
        .pop()
        .ok_or_else(|| AppError::internal("no member written"))
}

/// Checks a new member in `org` (a kind that holds members or not) by every rule but the
/// uniqueness of its identifiers; the rule settings are read through the settings' cache.
pub fn plan(
    conn: &mut DbConn,
    org: &OrganizationRow,
    holds_members: bool,
    body: &CreateMember,
    today: NaiveDate,
) -> AppResult<Planned> {
    let mut errors = Vec::new();
    if !holds_members {
        errors.push(fe(
            "organization_id",
            "not_a_cell",
            crate::messages::records::not_a_cell(&org.name),
        ));
    }
    if org.valid_to.is_some() {
        errors.push(fe(
            "organization_id",
            "organization_closed",
            crate::messages::organizations::closed(),
        ));
    }
    let (Some(gender), Some(birth)) = (body.profile.gender, body.profile.birth_date) else {
        if body.profile.gender.is_none() {
            errors.push(fe(
                "gender",
                "required",
                crate::messages::records::gender_required(),
            ));
        }
        if body.profile.birth_date.is_none() {
            errors.push(fe(
                "birth_date",
                "required",
                crate::messages::records::birth_date_required(),
            ));
        }
        return Err(AppError::Validation(errors));
    };
    let changes = profile::to_changes(&body.profile, Identity { gender, birth }, true, &mut errors);

    let settings = setting::at(conn, body.admission_decision_on)?;
    let dates = AdmissionDates {
        birth,
        youth_union: body.profile.youth_union_joined_on,
        considered: body.cell_considered_on,
        decision: body.admission_decision_on,
        received: body.decision_received_on,
        ceremony: body.ceremony_on,
        official: body.official_on,
    };
    for v in admission::check_dates(&dates, today) {
        errors.push(fe(v.field, v.violation.code, v.violation.text()));
    }
    // Rule 1 judges the age on the cell's consideration; rule 2 counts from the day the cell
    // received the decision. Both default to the decision date.
    let considered = body
        .cell_considered_on
        .unwrap_or(body.admission_decision_on);
    let received = body
        .decision_received_on
        .unwrap_or(body.admission_decision_on);
    if let Err(v) =
        admission::check_age(birth, considered, body.age_consent_no.is_some(), &settings)
    {
        errors.push(fe(v.field, v.violation.code, v.violation.text()));
    }
    if let Err(v) = admission::check_ceremony(
        received,
        body.ceremony_on,
        body.ceremony_delay_approval_no.is_some(),
        &settings,
    ) {
        errors.push(fe(v.field, v.violation.code, v.violation.text()));
    }
    let official_on = match (body.status, body.official_on) {
        (MemberStatus::Probationary, None) => None,
        (MemberStatus::Probationary, Some(_)) => {
            errors.push(fe(
                "official_on",
                "not_allowed",
                crate::messages::records::probationary_has_no_official_date(),
            ));
            None
        }
        (MemberStatus::Official, None) => {
            errors.push(fe(
                "official_on",
                "required",
                crate::messages::records::official_date_required(),
            ));
            None
        }
        (MemberStatus::Official, Some(o)) => {
            let expected =
                admission::official_date(body.ceremony_on, &setting::at(conn, body.ceremony_on)?);
            if o != expected {
                errors.push(fe(
                    "official_on",
                    "official_date_mismatch",
                    crate::messages::records::official_date_is(expected),
                ));
            }
            Some(o)
        }
        (MemberStatus::Exited | MemberStatus::TransferredOut | MemberStatus::Candidate, _) => {
            errors.push(fe(
                "status",
                "not_allowed",
                crate::messages::records::entered_status(),
            ));
            None
        }
    };
    let first_decision = body
        .first_admission_decision_on
        .unwrap_or(body.admission_decision_on);
    if first_decision > body.admission_decision_on {
        errors.push(fe(
            "first_admission_decision_on",
            "date_order",
            crate::messages::records::first_admission_after_decision(),
        ));
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        return Err(AppError::Validation(errors));
    }
    let mut events = vec![new_event(
        org.id,
        MemberEventKind::Admitted,
        body.admission_decision_on,
        &settings.regulation,
        serde_json::json!({
            "ceremony_on": body.ceremony_on,
            "age_consent_no": body.age_consent_no,
            "ceremony_delay_approval_no": body.ceremony_delay_approval_no,
            "cell_considered_on": considered,
            "decision_received_on": received,
            "first_admission_decision_on": first_decision,
            "data_entry": official_on.is_some(),
        }),
    )];
    events[0].decision_no = body.profile.admission_decision_no.clone();
    events[0].decision_on = Some(body.admission_decision_on);
    if let Some(o) = official_on {
        let s = setting::at(conn, o)?;
        events.push(new_event(
            org.id,
            MemberEventKind::Recognized,
            o,
            &s.regulation,
            serde_json::json!({"data_entry": true}),
        ));
    }
    Ok(Planned {
        organization_id: org.id,
        org_path: org.path.clone(),
        changes,
        events,
        arrival: None,
    })
}

/// An event of a planned member (member, author and time filled in when written).
pub(crate) fn new_event(
    org: OrgId,
    kind: MemberEventKind,
    on: NaiveDate,
    regulation: &str,
    details: serde_json::Value,
) -> EventRow {
    EventRow {
        id: qldv_api_types::EventId(0),
        member_id: MemberId(0),
        kind,
        occurred_on: on,
        decision_no: None,
        decision_on: None,
        deciding_org_id: None,
        organization_id: org,
        regulation: regulation.into(),
        details: Some(details.to_string()),
        entered_by: None,
        entered_by_name: String::new(),
        entered_at: chrono::NaiveDateTime::default(),
    }
}

/// Writes planned members with their events, membership periods, name words, counted facts,
/// audit entries and feed notes, set by set, in the caller's transaction; the records as
/// stored. Each record's state is derived from its events by the rule that derives it later.
pub fn write(conn: &mut Uow<'_>, actor: &Actor, plans: Vec<Planned>) -> AppResult<Vec<MemberRow>> {
    let ids = crate::db::bulk::reserve_ids(conn, "members", plans.len())?;
    let now = crate::models::now();
    let settings = setting::at(conn, crate::models::today())?;
    let mut rows = Vec::with_capacity(plans.len());
    let mut events = Vec::with_capacity(plans.len() * 2);
    let mut periods = Vec::with_capacity(plans.len());
    let mut arrivals = Vec::new();
    for (plan, id) in plans.into_iter().zip(ids.into_iter().map(MemberId)) {
        let mut evs = plan.events;
        for e in &mut evs {
            e.member_id = id;
            e.entered_by = actor.user_id;
            e.entered_by_name.clone_from(&actor.username);
            e.entered_at = now;
        }
        evs.sort_by_key(|e| e.occurred_on);
        let facts: Vec<_> = evs.iter().map(EventRow::fact).collect();
        let derived = lifecycle::derive(&facts)
            .ok_or_else(|| AppError::internal("a new member without admission"))?;
        let mut row = new_row(
            id,
            plan.organization_id,
            plan.org_path,
            plan.changes,
            &derived,
            now,
        )?;
        row.next_badge_on = crate::domain::badge::next_due(
            &row.party_age_facts(),
            crate::models::badge::standing(&row),
            0,
            &settings,
        );
        match plan.arrival {
            Some(on) => arrivals.push((id, row.organization_id, on)),
            None => periods.push((id, row.organization_id, row.admission_decision_on)),
        }
        events.extend(evs);
        rows.push(row);
    }
    MemberRow::insert_new(conn, &rows)?;
    member_event::open_memberships(conn, &periods, member_event::Arrival::Admitted)?;
    if !arrivals.is_empty() {
        member_event::open_memberships(conn, &arrivals, member_event::Arrival::TransferredIn)?;
    }
    member_event::insert_rows(conn, &events)?;
    let entries: Vec<_> = rows
        .iter()
        .map(|r| {
            let subject = Subject {
                entity: qldv_api_types::audit::AuditEntity::Member,
                id: r.id.into(),
                scope_path: Some(r.org_path.as_str()),
            };
            (subject, None::<&MemberRow>, Some(r))
        })
        .collect();
    audit::record_all(
        conn,
        actor,
        qldv_api_types::audit::AuditAction::Create,
        &entries,
    )?;
    Ok(rows)
}

/// A new record: the dossier, the state its events give, version 1 (creation, import and the
/// seeder).
pub(crate) fn new_row(
    id: MemberId,
    organization_id: OrgId,
    org_path: String,
    c: ProfileChanges,
    d: &lifecycle::Derived,
    now: chrono::NaiveDateTime,
) -> AppResult<MemberRow> {
    let missing = || AppError::internal("a new member without name, gender or birth date");
    Ok(MemberRow {
        id,
        organization_id,
        org_path,
        full_name: c.full_name.ok_or_else(missing)?,
        name_folded: c.name_folded.ok_or_else(missing)?,
        name_sort_key: c.name_sort_key.ok_or_else(missing)?,
        birth_name: c.birth_name.flatten(),
        other_names: c.other_names.flatten(),
        gender: c.gender.ok_or_else(missing)?,
        birth_date: c.birth_date.ok_or_else(missing)?,
        birth_place: c.birth_place.flatten(),
        hometown: c.hometown.flatten(),
        permanent_address: c.permanent_address.flatten(),
        current_address: c.current_address.flatten(),
        ethnicity: c.ethnicity.flatten(),
        religion: c.religion.flatten(),
        national_id: c.national_id.flatten(),
        legacy_id_no: c.legacy_id_no.flatten(),
        phone: c.phone.flatten(),
        email: c.email.flatten(),
        education_general: c.education_general.flatten(),
        professional_qualification: c.professional_qualification.flatten(),
        academic_degree: c.academic_degree.flatten(),
        academic_title: c.academic_title.flatten(),
        political_theory: c.political_theory.flatten(),
        state_management: c.state_management.flatten(),
        foreign_languages: c.foreign_languages.flatten(),
        it_level: c.it_level.flatten(),
        occupation: c.occupation.flatten(),
        job_title: c.job_title.flatten(),
        workplace: c.workplace.flatten(),
        youth_union_joined_on: c.youth_union_joined_on.flatten(),
        personal_history_no: c.personal_history_no.flatten(),
        introducers: c.introducers.flatten(),
        first_admission_decision_on: d.first_decision,
        admission_decision_on: d.decision,
        admission_decision_no: c.admission_decision_no.flatten(),
        ceremony_on: d.ceremony,
        ceremony_place: c.ceremony_place.flatten(),
        official_on: d.official_on,
        status: d.status,
        card_number: None,
        in_transit: d.in_transit,
        exempt_from: None,
        exempt_to: None,
        away_from: None,
        away_to: None,
        temporary_org_id: None,
        exit_reason: None,
        interruption_days: d.interruption_days,
        interrupted_since: d.interrupted_since,
        interruptions: Some(crate::domain::party_age::encode(&d.interruptions)),
        ever_recognised: d.ever_recognised,
        version: 1,
        created_at: now,
        updated_at: now,
        badge_milestone_held: 0,
        next_badge_on: None,
    })
}
