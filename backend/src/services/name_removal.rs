//! Rule 23: name-removal proposals as alerts, one per member with every ground found
//! ([`crate::domain::name_removal`]). Set-based over the subtree: the members with a "not
//! complete" rating in the last years, then their ratings of those years; (rule 36) the
//! members with an unexcused absence this year or the last, with those absences; and (rule 37)
//! the members with months of dues unpaid last year or this year.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use qldv_api_types::evaluations::EvaluationLevel;
use qldv_api_types::members::MemberStatus;
use qldv_api_types::movements::{Alert, AlertKind};
use qldv_api_types::{MemberId, OrgId};

use crate::db::schema::{evaluations, members};
use crate::db::DbConn;
use crate::domain::name_removal::{self, Facts, Limits};
use crate::error::AppResult;
use crate::services::dues::alerts::InArrears;

/// The proposals for the members whose organisation path lies in `[lo, hi)`, on `today`.
pub fn alerts(
    conn: &mut DbConn,
    (lo, hi): (&str, &str),
    arrears: &BTreeMap<MemberId, InArrears>,
    today: NaiveDate,
) -> AppResult<Vec<Alert>> {
    let this_year = today.year();
    let from = this_year.saturating_sub(2);
    let limits = limits(conn, today)?;
    // Rule 37: members with unpaid months (`arrears`: set-based over the subtree).
    let unpaid = crate::services::dues::alerts::unpaid_months(arrears);
    // Rule 23's ratings: only members with a "not complete" of the last years, chosen by a
    // subquery (a country's list would outnumber the bind parameters of one statement).
    let flagged = diesel::alias!(evaluations as flagged_ratings);
    let flagged = flagged
        .filter(flagged.field(evaluations::year).ge(from))
        .filter(flagged.field(evaluations::year).le(this_year))
        .filter(
            flagged
                .field(evaluations::level)
                .eq(EvaluationLevel::NotComplete),
        )
        .select(flagged.field(evaluations::member_id));
    // Rule 36: this year's and last year's unexcused absences (only members with one).
    let last_year_first = NaiveDate::from_ymd_opt(this_year - 1, 1, 1).unwrap_or(NaiveDate::MIN);
    let absences = crate::models::meeting::absences_in(conn, (lo, hi), last_year_first, today)?;
    let rows: Vec<(i64, String, i64, i32, EvaluationLevel)> = evaluations::table
        .inner_join(members::table.on(members::id.eq(evaluations::member_id)))
        .filter(members::org_path.ge(lo))
        .filter(members::org_path.lt(hi))
        .filter(members::status.eq_any(MemberStatus::ACTIVE))
        .filter(members::id.eq_any(flagged))
        .filter(evaluations::year.ge(from))
        .filter(evaluations::year.le(this_year))
        .select((
            members::id,
            members::full_name,
            members::organization_id,
            evaluations::year,
            evaluations::level,
        ))
        .load(conn)?;
    let mut by_member: BTreeMap<i64, (String, i64, Facts)> = BTreeMap::new();
    let blank = || Facts {
        limits,
        ..Facts::default()
    };
    for (id, name, org, year, level) in rows {
        by_member
            .entry(id)
            .or_insert_with(|| (name, org, blank()))
            .2
            .ratings
            .push((year, level));
    }
    for (id, name, org, on, value) in absences {
        by_member
            .entry(id.0)
            .or_insert_with(|| (name, org.0, blank()))
            .2
            .attendance
            .push((on, value));
    }
    for (id, months) in unpaid {
        let Some(a) = arrears.get(&id) else { continue };
        by_member
            .entry(id.0)
            .or_insert_with(|| (a.name.clone(), a.org.0, blank()))
            .2
            .unpaid_months = months;
    }
    Ok(by_member
        .into_iter()
        .filter_map(|(id, (name, org, facts))| {
            let grounds = name_removal::grounds(&facts, this_year);
            let date = grounds.iter().map(|g| g.date()).max()?;
            Some(Alert {
                kind: AlertKind::NameRemovalProposed,
                member_id: Some(MemberId(id)),
                full_name: name,
                organization_id: OrgId(org),
                rule: 23,
                date,
                message: name_removal::message(&grounds).served(),
            })
        })
        .collect())
}

/// Rules 36 and 37's thresholds: the dated settings in force today
/// (`meetings.absences_for_removal`, `meetings.absence_count`, `dues.unpaid_months_for_removal`).
fn limits(conn: &mut DbConn, today: NaiveDate) -> AppResult<Limits> {
    let s = crate::models::setting::at(conn, today)?.cell_year;
    Ok(Limits {
        absences: s.absences_for_removal,
        absence_count: s.absence_count,
        unpaid_months: s.unpaid_months_for_removal,
    })
}
