//! The cell's year in `GET /alerts` (issue 23): months and quarters ended without their
//! meeting (rule 34), and duties closed by a transfer or an exit (rule 38, for 90 days).
//!
//! Only cells that keep their meetings here are watched (at least one meeting recorded), from
//! the month of their first meeting: a cell that has not started does not flood the alerts
//! with every month since its founding.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use qldv_api_types::cell_year::MeetingKind;
use qldv_api_types::movements::{Alert, AlertKind};
use qldv_api_types::{MemberId, OrgId};

use crate::db::DbConn;
use crate::domain::cell_year::meetings::{self as rules, Held};
use crate::domain::cell_year::Month;
use crate::error::AppResult;
use crate::messages::text;
use crate::models::duty::DutyRow;
use crate::models::meeting::tracked_cells;

/// How long the cell sees a `duties_closed` alert.
pub const DUTIES_CLOSED_DAYS: u64 = 90;

/// The alerts of the cells of `[lo, hi)` on `today`.
pub fn alerts(
    conn: &mut DbConn,
    (lo, hi): (&str, &str),
    today: NaiveDate,
) -> AppResult<Vec<Alert>> {
    let mut out = missing(conn, (lo, hi), today)?;
    out.extend(duties_closed(conn, (lo, hi), today)?);
    Ok(out)
}

/// Rule 34: one alert per period of this year and the last ended without its meeting.
fn missing(conn: &mut DbConn, range: (&str, &str), today: NaiveDate) -> AppResult<Vec<Alert>> {
    let last_year = today.year() - 1;
    let from = NaiveDate::from_ymd_opt(last_year, 1, 1).unwrap_or(NaiveDate::MIN);
    let (cells, held) = tracked_cells(conn, range, from)?;
    let mut by_cell: BTreeMap<OrgId, Vec<Held>> = BTreeMap::new();
    for (cell, kind, on) in held {
        by_cell.entry(cell).or_default().push(Held { on, kind });
    }
    let mut out = Vec::new();
    for cell in cells {
        let facts = by_cell.get(&cell.id).map_or(&[][..], Vec::as_slice);
        // Watched from the first day of the month of its first meeting recorded.
        let started = Month::of(cell.first).first_day();
        let founded = cell.valid_from.map_or(started, |f| f.max(started));
        for year in [last_year, today.year()] {
            let due = rules::periods_due(year, founded, cell.valid_to, today);
            for p in rules::missing(facts, &due) {
                let (first, last) = p.span();
                let (month, year, quarter) = (first.month(), first.year(), p.index);
                let (kind, message) = match p.kind {
                    MeetingKind::Regular => (
                        AlertKind::RegularMeetingMissing,
                        text!(
                            "Chi bộ không sinh hoạt thường kỳ tháng {month}/{year}",
                            "No regular meeting of the cell in {month}/{year}"
                        ),
                    ),
                    MeetingKind::Topical => (
                        AlertKind::TopicalMeetingMissing,
                        text!(
                            "Chi bộ không sinh hoạt chuyên đề quý {quarter}/{year}",
                            "No topical meeting of the cell in quarter {quarter}/{year}"
                        ),
                    ),
                };
                out.push(Alert {
                    kind,
                    member_id: None,
                    full_name: cell.name.clone(),
                    organization_id: cell.id,
                    rule: 34,
                    date: last,
                    message: message.served(),
                });
            }
        }
    }
    Ok(out)
}

/// Rule 38: a member's duties closed by a transfer or an exit in the last 90 days, one alert
/// per member, cell and day.
fn duties_closed(
    conn: &mut DbConn,
    range: (&str, &str),
    today: NaiveDate,
) -> AppResult<Vec<Alert>> {
    let since = today
        .checked_sub_days(Days::new(DUTIES_CLOSED_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let mut grouped: BTreeMap<(NaiveDate, MemberId, OrgId), (String, usize)> = BTreeMap::new();
    for (d, name, _) in DutyRow::closed_since(conn, range, since)? {
        if let Some(on) = d.closed_on {
            grouped
                .entry((on, d.member_id, d.organization_id))
                .or_insert((name, 0))
                .1 += 1;
        }
    }
    Ok(grouped
        .into_iter()
        .map(|((on, member_id, organization_id), (full_name, count))| {
            let day = on.format("%d/%m/%Y");
            Alert {
                kind: AlertKind::DutiesClosed,
                member_id: Some(member_id),
                full_name,
                organization_id,
                rule: 38,
                date: on,
                message: text!(
                    "{count} nhiệm vụ được phân công đã đóng ngày {day} do chuyển sinh hoạt hoặc ra khỏi Đảng: chi bộ phân công lại nếu cần",
                    "{count} assigned duties closed on {day} by a transfer or an exit: the cell reassigns them if needed"
                )
                .served(),
            }
        })
        .collect())
}
