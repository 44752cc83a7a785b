//! What the evaluation round's screen shows beside each member's rating (issue 23): the year's
//! attendance at the cell's meetings (rule 35) and the duty shares with the highest level they
//! allow (rule 38; offered to the rating, never imposed). The residence comment (rule 39) is
//! `services::liaisons::comments_of`.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::cell_year::Attendance;
use qldv_api_types::evaluations::EvaluationLevel;
use qldv_api_types::meetings::{AttendanceCounts, DutyShares};
use qldv_api_types::MemberId;

use crate::db::schema::{duties, meeting_attendance, meetings};
use crate::db::DbConn;
use crate::domain::cell_year::duties as rules;
use crate::error::AppResult;
use crate::models::duty::DutyRow;
use crate::models::setting;

/// One member's inputs of a year.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// The year's attendance, when the member has recorded lines.
    pub attendance: Option<AttendanceCounts>,
    /// The year's duty shares, when the member has duties of the year.
    pub shares: Option<DutyShares>,
    /// The highest level those duties allow.
    pub highest_level: Option<EvaluationLevel>,
}

/// The inputs of `year` of each of `ids` (members the caller found in its scope) that has
/// attendance lines or duties in the year.
pub fn of_members(
    conn: &mut DbConn,
    ids: &[MemberId],
    year: i32,
) -> AppResult<HashMap<MemberId, Inputs>> {
    let (first, last) = crate::models::liaison::year_bounds(year);
    let raw: Vec<i64> = ids.iter().map(|m| m.0).collect();
    let lines: Vec<(MemberId, Attendance)> = meeting_attendance::table
        .inner_join(meetings::table)
        .filter(meeting_attendance::member_id.eq_any(&raw))
        .filter(meetings::held_on.ge(first))
        .filter(meetings::held_on.le(last))
        .select((meeting_attendance::member_id, meeting_attendance::value))
        .load(conn)?;
    let mut out: HashMap<MemberId, Inputs> = HashMap::new();
    for (m, value) in lines {
        let counts = out
            .entry(m)
            .or_default()
            .attendance
            .get_or_insert_with(AttendanceCounts::default);
        match value {
            Attendance::Present => counts.present += 1,
            Attendance::Excused => counts.excused += 1,
            Attendance::Absent => counts.absent += 1,
            Attendance::Exempt => counts.exempt += 1,
            Attendance::Elsewhere => counts.elsewhere += 1,
        }
        counts.expected = counts.present + counts.excused + counts.absent;
    }
    let rows: Vec<DutyRow> = duties::table
        .filter(duties::member_id.eq_any(&raw))
        .select(DutyRow::as_select())
        .load(conn)?;
    let mut by_member: HashMap<MemberId, Vec<rules::Duty>> = HashMap::new();
    for d in rows
        .iter()
        .filter(|d| crate::services::duties::in_year(d, year))
    {
        by_member.entry(d.member_id).or_default().push(d.rule());
    }
    if !by_member.is_empty() {
        let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(last);
        let percent = setting::at(conn, year_end)?
            .cell_year
            .exceeded_duties_percent;
        for (m, facts) in by_member {
            let shares = rules::shares(&facts, year);
            let entry = out.entry(m).or_default();
            entry.highest_level = rules::highest_level(&shares, percent);
            entry.shares = Some(crate::services::duties::shares_dto(&shares));
        }
    }
    Ok(out)
}
