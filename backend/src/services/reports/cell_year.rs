//! The cell's year in the reports (issue 23): `meetings` (per subordinate organisation and in
//! total, the regular months and topical quarters due and held, rule 34, and the attendance,
//! rule 35) and `duties` (assigned, reviewed by result, still open, closed by a transfer or an
//! exit, rule 38), for a year. The groups are the root's subtree and today's organisations
//! directly under it; a cell is counted from the month of its first meeting recorded.

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use qldv_api_types::cell_year::{Attendance, DutyClosure, DutyResult};

use super::{columns, org_rows, section, Built, Counts};
use crate::db::schema::organizations;
use crate::db::tally::TallyParams;
use crate::db::DbConn;
use crate::domain::cell_year::meetings::{self as rules, Held};
use crate::domain::cell_year::Month;
use crate::domain::tree::subtree_range;
use crate::error::AppResult;
use crate::models::duty::DutyRow;
use crate::models::meeting::{attendance_counts, tracked_cells};
use crate::models::organization::OrganizationRow;

/// The groups: `total` for the root's subtree, then each organisation directly under it.
fn groups(conn: &mut DbConn, root: &OrganizationRow) -> AppResult<Vec<(String, String)>> {
    let children: Vec<(i64, String)> = organizations::table
        .filter(organizations::parent_id.eq(root.id.0))
        .select((organizations::id, organizations::path))
        .load(conn)?;
    Ok(std::iter::once(("total".to_string(), root.path.clone()))
        .chain(children.into_iter().map(|(id, p)| (id.to_string(), p)))
        .collect())
}

const MEETING_COLUMNS: [(&str, &str, &str); 9] = [
    ("cells", "Chi bộ theo dõi", "Cells tracked"),
    ("regular_due", "Tháng phải sinh hoạt", "Months due"),
    (
        "regular_held",
        "Tháng có sinh hoạt thường kỳ",
        "Months with a regular meeting",
    ),
    (
        "topical_due",
        "Quý phải sinh hoạt chuyên đề",
        "Quarters due",
    ),
    (
        "topical_held",
        "Quý có sinh hoạt chuyên đề",
        "Quarters with a topical meeting",
    ),
    ("expected", "Lượt đảng viên phải dự", "Attendances expected"),
    ("present", "Có mặt", "Present"),
    ("excused", "Vắng có lý do", "Excused"),
    ("absent", "Vắng không có lý do", "Absent without a reason"),
];

/// The meetings report.
pub(super) fn meetings(
    conn: &mut DbConn,
    root: &OrganizationRow,
    p: TallyParams,
    today: NaiveDate,
) -> AppResult<Built> {
    let year = i32::try_from(p.year).unwrap_or_default();
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    let mut c = Counts::new();
    for (grp, path) in groups(conn, root)? {
        let (lo, hi) = subtree_range(&path);
        let m = c.entry(grp).or_default();
        let (cells, held) = tracked_cells(conn, (&lo, &hi), first)?;
        for cell in cells {
            let facts: Vec<Held> = held
                .iter()
                .filter(|h| h.0 == cell.id && h.2 <= last)
                .map(|h| Held { on: h.2, kind: h.1 })
                .collect();
            let started = Month::of(cell.first).first_day();
            let founded = cell.valid_from.map_or(started, |f| f.max(started));
            let due = rules::periods_due(year, founded, cell.valid_to, today);
            let n = rules::count(&facts, &due);
            *m.entry("cells".into()).or_insert(0) += 1;
            for (k, v) in [
                ("regular_due", n.regular_due),
                ("regular_held", n.regular_held),
                ("topical_due", n.topical_due),
                ("topical_held", n.topical_held),
            ] {
                *m.entry(k.into()).or_insert(0) += i64::from(v);
            }
        }
        for (value, n) in attendance_counts(conn, (&lo, &hi), first, last)? {
            let key = match value {
                Attendance::Present => "present",
                Attendance::Excused => "excused",
                Attendance::Absent => "absent",
                Attendance::Exempt | Attendance::Elsewhere => continue,
            };
            *m.entry(key.into()).or_insert(0) += n;
            *m.entry("expected".into()).or_insert(0) += n;
        }
    }
    let keys: Vec<&str> = MEETING_COLUMNS.iter().map(|c| c.0).collect();
    let rows = org_rows(conn, root, p, &c, &keys)?;
    Ok((
        vec![section(
            super::labels::BY_ORGANIZATION,
            columns(&MEETING_COLUMNS),
            rows,
        )],
        vec![],
    ))
}

const DUTY_COLUMNS: [(&str, &str, &str); 8] = [
    ("assigned", "Nhiệm vụ được phân công", "Duties assigned"),
    ("reviewed", "Đã đánh giá", "Reviewed"),
    ("done", "Hoàn thành", "Done"),
    ("exceeded", "Hoàn thành vượt mức", "Exceeded"),
    ("not_done", "Không hoàn thành", "Not done"),
    ("open", "Chưa đánh giá", "Open"),
    (
        "closed_transfer",
        "Đóng do chuyển sinh hoạt",
        "Closed by a transfer",
    ),
    ("closed_exit", "Đóng do ra khỏi Đảng", "Closed by an exit"),
];

/// The duties report.
pub(super) fn duties(
    conn: &mut DbConn,
    root: &OrganizationRow,
    p: TallyParams,
) -> AppResult<Built> {
    let year = i32::try_from(p.year).unwrap_or_default();
    let mut c = Counts::new();
    for (grp, path) in groups(conn, root)? {
        let (lo, hi) = subtree_range(&path);
        let m = c.entry(grp).or_default();
        for d in DutyRow::in_subtree(conn, (&lo, &hi))? {
            let mut add = |k: &str| *m.entry(k.into()).or_insert(0) += 1;
            if d.assigned_on.year() == year {
                add("assigned");
            }
            match (d.reviewed_on.zip(d.result), d.closed_on.zip(d.closure)) {
                (Some((on, r)), _) if on.year() == year => {
                    add("reviewed");
                    add(match r {
                        DutyResult::Done => "done",
                        DutyResult::Exceeded => "exceeded",
                        DutyResult::NotDone => "not_done",
                    });
                }
                (_, Some((on, why))) if on.year() == year => match why {
                    DutyClosure::Transfer => add("closed_transfer"),
                    DutyClosure::Exit => add("closed_exit"),
                    DutyClosure::Withdrawn => {}
                },
                (None, None) if d.assigned_on.year() <= year => add("open"),
                _ => {}
            }
        }
    }
    let keys: Vec<&str> = DUTY_COLUMNS.iter().map(|c| c.0).collect();
    let rows = org_rows(conn, root, p, &c, &keys)?;
    Ok((
        vec![section(
            super::labels::BY_ORGANIZATION,
            columns(&DUTY_COLUMNS),
            rows,
        )],
        vec![],
    ))
}
