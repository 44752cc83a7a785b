//! Dated events of members' histories (the truth the member row caches), and membership periods.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::members::{self as dto, MemberEventKind};
use qldv_api_types::movements::MembershipEnd;
use qldv_api_types::UserId;
use qldv_api_types::{EventId, MemberId, OrgId};

use crate::auth::Actor;
use crate::db::schema::{member_events, memberships};
use crate::db::DbConn;
use crate::domain::lifecycle::Fact;
use crate::error::AppResult;

/// A stored event.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = member_events)]
pub struct EventRow {
    /// Id.
    pub id: EventId,
    /// Member.
    pub member_id: MemberId,
    /// Kind.
    pub kind: MemberEventKind,
    /// Effective date.
    pub occurred_on: NaiveDate,
    /// Decision number.
    pub decision_no: Option<String>,
    /// Decision date.
    pub decision_on: Option<NaiveDate>,
    /// Deciding organisation.
    pub deciding_org_id: Option<OrgId>,
    /// The member's organisation then.
    pub organization_id: OrgId,
    /// Regulation.
    pub regulation: String,
    /// JSON details.
    pub details: Option<String>,
    /// Author id.
    pub entered_by: Option<UserId>,
    /// Author name.
    pub entered_by_name: String,
    /// Entered at.
    pub entered_at: NaiveDateTime,
}

/// A new event.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    /// Member.
    pub member_id: MemberId,
    /// Kind.
    pub kind: MemberEventKind,
    /// Effective date.
    pub occurred_on: NaiveDate,
    /// Decision number.
    pub decision_no: Option<&'a str>,
    /// Decision date.
    pub decision_on: Option<NaiveDate>,
    /// Deciding organisation.
    pub deciding_org_id: Option<OrgId>,
    /// The member's organisation.
    pub organization_id: OrgId,
    /// Regulation.
    pub regulation: &'a str,
    /// Details.
    pub details: Option<serde_json::Value>,
}

/// Appends an event.
pub fn append(conn: &mut DbConn, actor: &Actor, e: &NewEvent<'_>) -> AppResult<()> {
    insert_rows(conn, &[e.to_row(actor, super::now())])
}

impl NewEvent<'_> {
    /// The event as it will be stored (its id still unknown: 0).
    pub fn to_row(&self, actor: &Actor, entered_at: NaiveDateTime) -> EventRow {
        EventRow {
            id: EventId(0),
            member_id: self.member_id,
            kind: self.kind,
            occurred_on: self.occurred_on,
            decision_no: self.decision_no.map(str::to_string),
            decision_on: self.decision_on,
            deciding_org_id: self.deciding_org_id,
            organization_id: self.organization_id,
            regulation: self.regulation.to_string(),
            details: self.details.as_ref().map(|d| d.to_string()),
            entered_by: actor.user_id,
            entered_by_name: actor.username.clone(),
            entered_at,
        }
    }
}

/// Writes events (their ids from the table's identity), set by set.
pub fn insert_rows(conn: &mut DbConn, rows: &[EventRow]) -> AppResult<()> {
    use crate::db::bulk::Batch;
    let columns = [
        "member_id",
        "kind",
        "occurred_on",
        "decision_no",
        "decision_on",
        "deciding_org_id",
        "organization_id",
        "regulation",
        "details",
        "entered_by",
        "entered_by_name",
        "entered_at",
    ];
    let mut batch = Batch::new(conn, "member_events", &columns).for_rows(rows.len());
    for e in rows {
        let e = e.clone();
        let full = batch.push(&[
            e.member_id.into(),
            e.kind.as_str().into(),
            e.occurred_on.into(),
            e.decision_no.into(),
            e.decision_on.into(),
            e.deciding_org_id.into(),
            e.organization_id.into(),
            e.regulation.into(),
            e.details.into(),
            e.entered_by.into(),
            e.entered_by_name.into(),
            e.entered_at.into(),
        ]);
        if full {
            batch.flush(conn)?;
        }
    }
    batch.flush(conn)
}

/// A member's events in date order.
pub fn of_member(conn: &mut DbConn, member_id: MemberId) -> AppResult<Vec<EventRow>> {
    Ok(member_events::table
        .filter(member_events::member_id.eq(member_id))
        .order((member_events::occurred_on.asc(), member_events::id.asc()))
        .select(EventRow::as_select())
        .load(conn)?)
}

impl EventRow {
    /// A date from the details, e.g. `ceremony_on`.
    fn detail_date(&self, key: &str) -> Option<NaiveDate> {
        let v: serde_json::Value = serde_json::from_str(self.details.as_deref()?).ok()?;
        v.get(key)?.as_str()?.parse().ok()
    }

    /// What the event says about the lifecycle.
    pub fn fact(&self) -> Fact {
        let decision = self.decision_on.unwrap_or(self.occurred_on);
        match self.kind {
            MemberEventKind::Admitted => Fact::Admitted {
                decision,
                ceremony: self.detail_date("ceremony_on").unwrap_or(decision),
                first_decision: self
                    .detail_date("first_admission_decision_on")
                    .unwrap_or(decision),
            },
            MemberEventKind::Recognized => Fact::Recognized(self.occurred_on),
            MemberEventKind::Exited => Fact::Exited(self.occurred_on),
            MemberEventKind::Readmitted => Fact::Readmitted {
                decision,
                ceremony: self.detail_date("ceremony_on").unwrap_or(decision),
            },
            MemberEventKind::ExitAnnulled => Fact::ExitAnnulled,
            MemberEventKind::TransferIssued => Fact::TransferLeft(self.occurred_on),
            MemberEventKind::TransferReceived => Fact::TransferArrived(self.occurred_on),
            MemberEventKind::TransferRejected | MemberEventKind::TransferCancelled => {
                Fact::TransferWithdrawn
            }
            MemberEventKind::TransferredOut => Fact::TransferredOut(self.occurred_on),
            MemberEventKind::ArrivedFromOutside => Fact::ArrivedFromOutside {
                arrived: self.occurred_on,
                left: self.detail_date("issued_on"),
            },
            MemberEventKind::LostContact => Fact::LostContact(self.occurred_on),
            MemberEventKind::ContactRestored => Fact::ContactRestored(self.occurred_on),
            MemberEventKind::InterruptionRecorded => match self.detail_date("to") {
                Some(to) => Fact::PastInterruption {
                    from: self.occurred_on,
                    to,
                },
                None => Fact::Other,
            },
            MemberEventKind::ProfileCorrected
            | MemberEventKind::SupplementFiled
            | MemberEventKind::TemporaryTransferIssued
            | MemberEventKind::TemporaryTransferReceived
            | MemberEventKind::TemporaryTransferRejected
            | MemberEventKind::TemporaryTransferCancelled
            | MemberEventKind::MovedByRestructure
            | MemberEventKind::Disciplined
            | MemberEventKind::DisciplineHeld
            | MemberEventKind::AbsenceRecorded
            | MemberEventKind::ExemptionRecorded
            | MemberEventKind::DisciplineAnnulled
            | MemberEventKind::TemporaryTransferEnded
            | MemberEventKind::NotRecognized
            | MemberEventKind::CaseOpened
            | MemberEventKind::CaseSettled => Fact::Other,
        }
    }

    /// The API view, personal data in the details as `privacy` allows (a correction carries
    /// the values before and after).
    pub fn to_dto(&self, privacy: crate::domain::privacy::Privacy) -> dto::MemberEvent {
        dto::MemberEvent {
            id: self.id,
            kind: self.kind,
            occurred_on: self.occurred_on,
            decision_no: self.decision_no.clone(),
            decision_on: self.decision_on,
            deciding_organization_id: self.deciding_org_id,
            organization_id: self.organization_id,
            regulation: self.regulation.clone(),
            details: self
                .details
                .as_deref()
                .and_then(|d| serde_json::from_str(d).ok())
                .map(|mut d| {
                    privacy.show_json(&mut d);
                    d
                }),
            entered_by: self.entered_by_name.clone(),
            entered_at: super::utc(self.entered_at),
        }
    }
}

/// Why a membership period began (the movement report's incoming columns).
pub use qldv_api_types::movements::MembershipStart as Arrival;

/// Opens a membership period of a member in an organisation from a date.
pub fn open_membership(
    conn: &mut DbConn,
    member_id: MemberId,
    org_id: OrgId,
    from: NaiveDate,
    why: Arrival,
) -> AppResult<()> {
    open_memberships(conn, &[(member_id, org_id, from)], why)
}

/// Opens a membership period `(member, organisation, first day)` for each member, all for the
/// same reason, set by set.
pub fn open_memberships(
    conn: &mut DbConn,
    periods: &[(MemberId, OrgId, NaiveDate)],
    why: Arrival,
) -> AppResult<()> {
    use crate::db::bulk::Batch;
    let columns = ["member_id", "organization_id", "from_on", "start_reason"];
    let mut batch = Batch::new(conn, "memberships", &columns).for_rows(periods.len());
    for &(member_id, org_id, from) in periods {
        if batch.push(&[
            member_id.into(),
            org_id.into(),
            from.into(),
            why.as_str().into(),
        ]) {
            batch.flush(conn)?;
        }
    }
    batch.flush(conn)
}

/// Closes the member's open membership period on `to` (first day elsewhere), saying why: a move
/// or an exit.
pub fn close_membership(
    conn: &mut DbConn,
    member_id: MemberId,
    to: NaiveDate,
    why: MembershipEnd,
) -> AppResult<()> {
    diesel::update(
        memberships::table
            .filter(memberships::member_id.eq(member_id))
            .filter(memberships::to_on.is_null()),
    )
    .set((
        memberships::to_on.eq(Some(to)),
        memberships::end_reason.eq(Some(why)),
    ))
    .execute(conn)?;
    Ok(())
}

/// Reopens the member's last membership period, closed by an exit that is annulled: the member
/// never left, so the period runs on as if it had never closed (no departure, no new arrival in
/// the movement report). `false` when there is no closed period to reopen.
pub fn reopen_last_membership(conn: &mut DbConn, member_id: MemberId) -> AppResult<bool> {
    let last = memberships_of(conn, member_id, None)?.pop();
    let Some((id, _, _, Some(_))) = last else {
        return Ok(false);
    };
    diesel::update(memberships::table.filter(memberships::id.eq(id)))
        .set((
            memberships::to_on.eq(None::<NaiveDate>),
            memberships::end_reason.eq(None::<MembershipEnd>),
        ))
        .execute(conn)?;
    Ok(true)
}

/// A membership period as stored: id, organisation, from, to (open while `None`).
pub type MembershipSpan = (i64, OrgId, NaiveDate, Option<NaiveDate>);

/// A member's membership periods, oldest first; with `on`, only the one covering that day.
pub fn memberships_of(
    conn: &mut DbConn,
    member_id: MemberId,
    on: Option<NaiveDate>,
) -> AppResult<Vec<MembershipSpan>> {
    let mut q = memberships::table
        .filter(memberships::member_id.eq(member_id))
        .into_boxed();
    if let Some(d) = on {
        q = q
            .filter(memberships::from_on.le(d))
            .filter(memberships::to_on.is_null().or(memberships::to_on.gt(d)));
    }
    Ok(q.order((memberships::from_on.asc(), memberships::id.asc()))
        .select((
            memberships::id,
            memberships::organization_id,
            memberships::from_on,
            memberships::to_on,
        ))
        .load(conn)?)
}
