//! Alerts for a subtree: what a board should act on, each naming the member, the rule and the
//! date. Every kind is one set-based query over the subtree.

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::movements::{Alert, AlertKind};
use qldv_api_types::{MemberId, OrgId};

use crate::db::schema::{disciplines, members, transfers};
use crate::db::DbConn;
use crate::domain::admission;
use crate::domain::calendar::add_months;
use crate::domain::tree::subtree_range;
use crate::error::AppResult;
use crate::models::setting;

fn alert(
    kind: AlertKind,
    rule: u8,
    id: i64,
    name: &str,
    org: i64,
    date: NaiveDate,
    message: crate::messages::Text,
) -> Alert {
    Alert {
        kind,
        member_id: Some(MemberId(id)),
        full_name: name.into(),
        organization_id: OrgId(org),
        rule,
        date,
        message: message.served(),
    }
}

/// Alerts for the subtree at `path` on `today`, by date.
pub fn for_subtree(conn: &mut DbConn, path: &str, today: NaiveDate) -> AppResult<Vec<Alert>> {
    let (lo, hi) = subtree_range(path);
    let settings = setting::at(conn, today)?;
    let mut out = Vec::new();

    // Rule 3: probation ended, no decision 30 working days later.
    let probationary: Vec<(i64, String, i64, NaiveDate)> = members::table
        .filter(members::org_path.ge(&lo))
        .filter(members::org_path.lt(&hi))
        .filter(members::status.eq(qldv_api_types::members::MemberStatus::Probationary))
        .filter(members::ceremony_on.le(today - chrono::Months::new(settings.probation_months)))
        .select((
            members::id,
            members::full_name,
            members::organization_id,
            members::ceremony_on.assume_not_null(),
        ))
        .load(conn)?;
    for (id, name, org, ceremony) in probationary {
        let s = setting::at(conn, ceremony)?;
        let due = admission::recognition_overdue_from(ceremony, &s);
        if today > due {
            out.push(alert(
                AlertKind::RecognitionOverdue,
                3,
                id,
                &name,
                org,
                due,
                crate::messages::alerts::recognition_overdue(
                    admission::official_date(ceremony, &s),
                    due,
                ),
            ));
        }
    }

    // Rule 6: transfer paper issued and not received in time (either side of the subtree).
    let late: Vec<(i64, String, i64, NaiveDate)> = transfers::table
        .inner_join(members::table.on(members::id.eq(transfers::member_id)))
        .filter(transfers::status.eq(qldv_api_types::movements::TransferStatus::Pending))
        .filter(transfers::report_by.lt(today))
        .filter(
            transfers::from_path
                .ge(&lo)
                .and(transfers::from_path.lt(&hi))
                .or(transfers::to_path.ge(&lo).and(transfers::to_path.lt(&hi))),
        )
        .select((
            members::id,
            members::full_name,
            members::organization_id,
            transfers::report_by,
        ))
        .load(conn)?;
    for (id, name, org, by) in late {
        out.push(alert(
            AlertKind::TransferNotReceived,
            6,
            id,
            &name,
            org,
            by,
            crate::messages::alerts::transfer_not_received(by),
        ));
    }

    // Rule 8: away more than 12 months without an official transfer.
    let cutoff = today - chrono::Months::new(settings.absence_alert_months);
    let away: Vec<(i64, String, i64, Option<NaiveDate>)> = members::table
        .filter(members::org_path.ge(&lo))
        .filter(members::org_path.lt(&hi))
        .filter(members::status.eq_any(qldv_api_types::members::MemberStatus::ACTIVE))
        .filter(members::in_transit.eq(false))
        .filter(members::away_from.le(cutoff))
        .filter(members::away_to.is_null().or(members::away_to.ge(today)))
        .select((
            members::id,
            members::full_name,
            members::organization_id,
            members::away_from,
        ))
        .load(conn)?;
    for (id, name, org, from) in away {
        let since = from.unwrap_or(cutoff);
        let date = add_months(since, settings.absence_alert_months);
        out.push(alert(
            AlertKind::AwayTooLong,
            8,
            id,
            &name,
            org,
            date,
            crate::messages::alerts::away_too_long(since, settings.absence_alert_months),
        ));
    }

    // Rule 11: a discipline lapsing within 30 days.
    let soon = today + chrono::Duration::days(30);
    let lapsing: Vec<(i64, String, i64, Option<NaiveDate>)> = disciplines::table
        .inner_join(members::table.on(members::id.eq(disciplines::member_id)))
        .filter(members::org_path.ge(&lo))
        .filter(members::org_path.lt(&hi))
        .filter(disciplines::lapses_on.ge(today))
        .filter(disciplines::lapses_on.le(soon))
        .filter(disciplines::complaint_on.is_null())
        .filter(disciplines::reoffence_on.is_null())
        .select((
            members::id,
            members::full_name,
            members::organization_id,
            disciplines::lapses_on,
        ))
        .load(conn)?;
    for (id, name, org, on) in lapsing {
        let on = on.unwrap_or(soon);
        out.push(alert(
            AlertKind::DisciplineLapsing,
            11,
            id,
            &name,
            org,
            on,
            crate::messages::alerts::discipline_lapsing(on),
        ));
    }

    // Rule 8: temporary transfer expired while the member is still registered there (not
    // ended by a recorded return or an official transfer; abroad, done in one step, too).
    let expired: Vec<(i64, String, i64, Option<NaiveDate>)> = transfers::table
        .inner_join(members::table.on(members::id.eq(transfers::member_id)))
        .filter(transfers::kind.eq(qldv_api_types::movements::TransferKind::Temporary))
        .filter(transfers::status.eq_any([
            qldv_api_types::movements::TransferStatus::Accepted,
            qldv_api_types::movements::TransferStatus::Completed,
        ]))
        .filter(transfers::ended_on.is_null())
        .filter(members::status.eq_any(qldv_api_types::members::MemberStatus::ACTIVE))
        .filter(transfers::until_on.lt(today))
        .filter(
            transfers::to_org_id
                .is_null()
                .or(members::temporary_org_id.eq(transfers::to_org_id)),
        )
        .filter(
            transfers::from_path
                .ge(&lo)
                .and(transfers::from_path.lt(&hi))
                .or(transfers::to_path.ge(&lo).and(transfers::to_path.lt(&hi))),
        )
        .select((
            members::id,
            members::full_name,
            members::organization_id,
            transfers::until_on,
        ))
        .load(conn)?;
    for (id, name, org, until) in expired {
        let until = until.unwrap_or(today);
        out.push(alert(
            AlertKind::TemporaryTransferExpired,
            8,
            id,
            &name,
            org,
            until,
            crate::messages::alerts::temporary_transfer_expired(until),
        ));
    }

    super::alerts_refused::add(conn, (&lo, &hi), &mut out)?;
    // Data-entry timeliness: events entered late in the last weeks.
    out.extend(super::entry::late_alerts(
        conn,
        path,
        today,
        settings.entry_deadline_days,
    )?);
    // Rule 33: dues in arrears of ended months.
    let arrears = super::dues::alerts::in_arrears(conn, (&lo, &hi), today)?;
    out.extend(super::dues::alerts::alerts(&arrears));
    // Rule 23: name-removal proposals.
    out.extend(super::name_removal::alerts(
        conn,
        (&lo, &hi),
        &arrears,
        today,
    )?);
    // Issue 22: the candidates' files (rules 2, 24, 25, 29).
    out.extend(super::candidates::alerts(conn, (&lo, &hi), today)?);
    // Issue 23: meetings missing (rule 34), duties closed (rule 38).
    out.extend(super::meeting_alerts::alerts(conn, (&lo, &hi), today)?);
    // Rule 39: residence comments missing once the evaluation round opened.
    out.extend(super::liaisons::alerts(conn, path, today)?);

    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.member_id.cmp(&b.member_id)));
    Ok(out)
}
