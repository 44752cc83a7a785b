//! Rule 4's alert: a probationary member refused recognition whose name removal is not yet
//! recorded. Such a member's probation is decided, so rule 3's overdue alert no longer applies.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::members::{MemberEventKind, MemberStatus};
use qldv_api_types::movements::{Alert, AlertKind};
use qldv_api_types::{MemberId, OrgId};

use crate::db::schema::{member_events, members};
use crate::db::DbConn;
use crate::error::AppResult;

/// Adds to `out` the refused recognitions awaiting removal in the subtree whose paths lie in
/// `[lo, hi)`, and drops the recognition-overdue alerts of those members.
pub fn add(conn: &mut DbConn, (lo, hi): (&str, &str), out: &mut Vec<Alert>) -> AppResult<()> {
    // Probationary members with a refusal, and the dates of their refusals and admissions (a
    // re-admission starts a new probation: only a refusal after the latest admission counts).
    let refused: Vec<i64> = member_events::table
        .filter(member_events::kind.eq(MemberEventKind::NotRecognized))
        .select(member_events::member_id)
        .load(conn)?;
    if refused.is_empty() {
        return Ok(());
    }
    let rows: Vec<(i64, String, i64, MemberEventKind, NaiveDate)> = member_events::table
        .inner_join(members::table.on(members::id.eq(member_events::member_id)))
        .filter(members::org_path.ge(lo))
        .filter(members::org_path.lt(hi))
        .filter(members::status.eq(MemberStatus::Probationary))
        .filter(member_events::kind.eq_any([
            MemberEventKind::NotRecognized,
            MemberEventKind::Admitted,
            MemberEventKind::Readmitted,
        ]))
        .filter(members::id.eq_any(&refused))
        .select((
            members::id,
            members::full_name,
            members::organization_id,
            member_events::kind,
            member_events::occurred_on,
        ))
        .load(conn)?;
    let mut latest: HashMap<i64, (String, i64, NaiveDate, Option<NaiveDate>)> = HashMap::new();
    for (id, name, org, kind, on) in rows {
        let e = latest
            .entry(id)
            .or_insert((name, org, NaiveDate::MIN, None));
        match kind {
            MemberEventKind::NotRecognized => e.3 = Some(e.3.map_or(on, |r| r.max(on))),
            _ => e.2 = e.2.max(on),
        }
    }
    for (id, (name, org, admitted, refused)) in latest {
        let Some(on) = refused.filter(|r| *r >= admitted) else {
            continue;
        };
        out.retain(|a| {
            !(a.kind == AlertKind::RecognitionOverdue && a.member_id == Some(MemberId(id)))
        });
        out.push(Alert {
            kind: AlertKind::RemovalNotRecorded,
            member_id: Some(MemberId(id)),
            full_name: name,
            organization_id: OrgId(org),
            rule: 4,
            date: on,
            message: crate::messages::alerts::removal_not_recorded(on).served(),
        });
    }
    Ok(())
}
