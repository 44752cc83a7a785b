//! The dues' alerts: arrears of ended months (`dues_arrears`, rule 33), and the unpaid months
//! that rule 37 counts towards a name-removal proposal (read by `services::name_removal`).
//! Set-based over a subtree: only the member-months in arrears are read.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use qldv_api_types::cell_year::DuesMonthState;
use qldv_api_types::members::MemberStatus;
use qldv_api_types::movements::{Alert, AlertKind};
use qldv_api_types::{MemberId, OrgId};

use crate::db::schema::{dues_months, members};
use crate::db::DbConn;
use crate::domain::cell_year::Month;
use crate::error::AppResult;
use crate::models::dues::months::MonthRow;

/// A member with months in arrears: name, cell, and the months (settled on `today`).
pub struct InArrears {
    /// Full name.
    pub name: String,
    /// The member's cell now.
    pub org: OrgId,
    /// Each ended month in arrears, with its state and amount, ascending.
    pub months: Vec<(Month, DuesMonthState, i64)>,
}

/// Active members of the subtree `[lo, hi)` with arrears in months of last year and this year
/// that ended before `today`.
pub fn in_arrears(
    conn: &mut DbConn,
    (lo, hi): (&str, &str),
    today: NaiveDate,
) -> AppResult<BTreeMap<MemberId, InArrears>> {
    let from = Month {
        year: today.year().saturating_sub(1),
        month: 1,
    };
    let now = Month::of(today);
    let rows: Vec<(MonthRow, String, i64)> = dues_months::table
        .inner_join(members::table.on(members::id.eq(dues_months::member_id)))
        .filter(members::org_path.ge(lo))
        .filter(members::org_path.lt(hi))
        .filter(members::status.eq_any(MemberStatus::ACTIVE))
        .filter(dues_months::arrears.gt(0))
        .filter(dues_months::month.ge(from.to_yyyymm()))
        .filter(dues_months::month.lt(now.to_yyyymm()))
        .order((dues_months::member_id.asc(), dues_months::month.asc()))
        .select((
            MonthRow::as_select(),
            members::full_name,
            members::organization_id,
        ))
        .load(conn)?;
    let mut out: BTreeMap<MemberId, InArrears> = BTreeMap::new();
    for (row, name, org) in rows {
        let s = row.settled(today)?;
        out.entry(row.member_id)
            .or_insert_with(|| InArrears {
                name,
                org: OrgId(org),
                months: Vec::new(),
            })
            .months
            .push((s.month, s.state, s.arrears));
    }
    Ok(out)
}

/// Rule 37's facts: each member's unpaid months (nothing paid, not deferred, ended).
pub fn unpaid_months(arrears: &BTreeMap<MemberId, InArrears>) -> BTreeMap<MemberId, Vec<Month>> {
    arrears
        .iter()
        .map(|(id, a)| {
            let months = a
                .months
                .iter()
                .filter(|(_, state, _)| *state == DuesMonthState::Unpaid)
                .map(|(m, _, _)| *m)
                .collect::<Vec<_>>();
            (*id, months)
        })
        .filter(|(_, m)| !m.is_empty())
        .collect()
}

/// `dues_arrears`: one alert per member in arrears, dated the end of the latest such month.
pub fn alerts(arrears: &BTreeMap<MemberId, InArrears>) -> Vec<Alert> {
    arrears
        .iter()
        .filter_map(|(id, a)| {
            let last = a.months.last()?.0;
            let amount: i64 = a.months.iter().map(|(_, _, v)| v).sum();
            Some(Alert {
                kind: AlertKind::DuesArrears,
                member_id: Some(*id),
                full_name: a.name.clone(),
                organization_id: a.org,
                rule: 33,
                date: last.last_day(),
                message: crate::messages::alerts::dues_arrears(a.months.len(), amount, last)
                    .served(),
            })
        })
        .collect()
}
