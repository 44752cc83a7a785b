//! Data-entry timeliness: the events of a subtree and period with the day each was entered,
//! counted per subordinate organisation and per kind (the report), and the late entries of the
//! last weeks (alerts).

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{Date, Nullable, Text, Timestamp};
use qldv_api_types::members::MemberEventKind;
use qldv_api_types::movements::{Alert, AlertKind, MembershipEnd};
use qldv_api_types::reports::EntryKind;
use qldv_api_types::{MemberId, OrgId, Term};

use crate::db::schema::{member_events, members};
use crate::db::tally::{self, TallyParams, SPANS};
use crate::db::DbConn;
use crate::domain::entry::{self as rules, Timeliness};
use crate::domain::tree::subtree_range;
use crate::error::AppResult;

/// How far back the alerts look: late entries made in the last this many days.
pub const ALERT_WINDOW_DAYS: u64 = 90;

/// Events older than this many months when entered are back-filled history (records of
/// existing members entered from paper), counted in the report but not alerted.
pub const ALERT_EVENT_MONTHS: u32 = 12;

/// One measured event, where it happened in the subtree and when it was entered.
#[derive(Debug, Clone, QueryableByName)]
struct EntryRow {
    /// The root's subordinate organisation the event happened under (its id as text).
    #[diesel(sql_type = Nullable<Text>)]
    grp: Option<String>,
    /// The event kind.
    #[diesel(sql_type = Text)]
    kind: String,
    /// Its details (an exit's reason).
    #[diesel(sql_type = Nullable<Text>)]
    details: Option<String>,
    /// The day it happened.
    #[diesel(sql_type = Date)]
    occurred_on: NaiveDate,
    /// When it was entered (UTC).
    #[diesel(sql_type = Timestamp)]
    entered_at: NaiveDateTime,
}

/// The exit reason written in an exit event's details.
fn exit_reason(details: Option<&str>) -> Option<MembershipEnd> {
    let v: serde_json::Value = serde_json::from_str(details?).ok()?;
    MembershipEnd::parse(v.get("reason")?.as_str()?).ok()
}

fn measured_kinds() -> String {
    rules::MEASURED
        .iter()
        .map(|k| format!("'{}'", k.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Timeliness of the period's events under the root, per subordinate organisation (keyed by
/// its id as text, and `total`) and per kind, judged against `deadline_days`.
pub fn counts(
    conn: &mut DbConn,
    p: TallyParams,
    deadline_days: u32,
) -> AppResult<(
    BTreeMap<String, Timeliness>,
    BTreeMap<EntryKind, Timeliness>,
)> {
    let sql = format!(
        "{SPANS}
SELECT CAST(s.top_id AS TEXT) AS grp, e.kind AS kind, e.details AS details,
       e.occurred_on AS occurred_on, e.entered_at AS entered_at
FROM member_events e
JOIN org_spans s ON e.organization_id = s.org_id AND s.a <= e.occurred_on AND e.occurred_on < s.b,
     params p
WHERE e.kind IN ({kinds}) AND e.occurred_on >= p.d_from AND e.occurred_on <= p.d_to",
        kinds = measured_kinds()
    );
    let mut by_org: BTreeMap<String, Timeliness> = BTreeMap::new();
    let mut by_kind: BTreeMap<EntryKind, Timeliness> = BTreeMap::new();
    for r in tally::run_as::<EntryRow>(conn, &sql, p)? {
        let Ok(event) = MemberEventKind::parse(&r.kind) else {
            continue;
        };
        let Some(kind) = rules::kind_of(event, exit_reason(r.details.as_deref())) else {
            continue;
        };
        let delay = rules::delay_days(r.occurred_on, rules::entered_on(r.entered_at));
        by_org
            .entry(r.grp.unwrap_or_default())
            .or_default()
            .add(delay, deadline_days);
        by_org
            .entry("total".into())
            .or_default()
            .add(delay, deadline_days);
        by_kind.entry(kind).or_default().add(delay, deadline_days);
    }
    Ok((by_org, by_kind))
}

/// Late entries of members now in the subtree at `path`, entered in the last
/// [`ALERT_WINDOW_DAYS`] days (up to `today`) more than `deadline_days` after their event, for
/// events of the last [`ALERT_EVENT_MONTHS`] months.
pub fn late_alerts(
    conn: &mut DbConn,
    path: &str,
    today: NaiveDate,
    deadline_days: u32,
) -> AppResult<Vec<Alert>> {
    let (lo, hi) = subtree_range(path);
    let since = (today - chrono::Days::new(ALERT_WINDOW_DAYS))
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default();
    let oldest_event = today
        .checked_sub_months(chrono::Months::new(ALERT_EVENT_MONTHS))
        .unwrap_or(today);
    type Row = (
        i64,
        String,
        i64,
        MemberEventKind,
        Option<String>,
        NaiveDate,
        NaiveDateTime,
    );
    let rows: Vec<Row> = member_events::table
        .inner_join(members::table.on(members::id.eq(member_events::member_id)))
        .filter(members::org_path.ge(&lo))
        .filter(members::org_path.lt(&hi))
        .filter(member_events::kind.eq_any(rules::MEASURED))
        .filter(member_events::entered_at.ge(since))
        .filter(member_events::occurred_on.ge(oldest_event))
        .select((
            members::id,
            members::full_name,
            members::organization_id,
            member_events::kind,
            member_events::details,
            member_events::occurred_on,
            member_events::entered_at,
        ))
        .load(conn)?;
    let mut out = Vec::new();
    for (id, name, org, event, details, occurred_on, entered_at) in rows {
        let Some(kind) = rules::kind_of(event, exit_reason(details.as_deref())) else {
            continue;
        };
        let entered = rules::entered_on(entered_at);
        if entered > today {
            continue;
        }
        let delay = rules::delay_days(occurred_on, entered);
        if !rules::is_late(delay, deadline_days) {
            continue;
        }
        out.push(Alert {
            kind: AlertKind::LateEntry,
            member_id: Some(MemberId(id)),
            full_name: name,
            organization_id: OrgId(org),
            rule: 0,
            date: occurred_on,
            message: crate::messages::entry::late(kind, occurred_on, entered, delay, deadline_days)
                .served(),
        });
    }
    Ok(out)
}
