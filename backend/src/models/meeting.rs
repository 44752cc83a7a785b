//! A cell's meetings and their attendance sheets (issue 23, rules 34–36): read inside the
//! caller's scope (through the meeting's organisation), written a whole sheet at a time.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::cell_year::{Attendance, MeetingKind};
use qldv_api_types::members::MemberStatus;
use qldv_api_types::movements::{PeriodKind, TransferKind, TransferStatus};
use qldv_api_types::{MeetingId, MemberId, OrgId, UserId};

use crate::auth::Scope;
use crate::db::bulk::Batch;
use crate::db::schema::{
    meeting_attendance, meetings, member_periods, members, memberships, organizations, transfers,
};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};

/// A stored meeting.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = meetings)]
pub struct MeetingRow {
    /// Id.
    pub id: MeetingId,
    /// The cell.
    pub organization_id: OrgId,
    /// Regular or topical.
    pub kind: MeetingKind,
    /// Held on.
    pub held_on: NaiveDate,
    /// Agenda.
    pub agenda: String,
    /// Resolution adopted.
    pub resolution: Option<String>,
    /// Minutes summary.
    pub minutes_summary: Option<String>,
    /// The charter document in force on `held_on`.
    pub regulation: String,
    /// Who entered it.
    pub entered_by: Option<UserId>,
    /// When (UTC).
    pub entered_at: NaiveDateTime,
}

/// What a meeting is stored with.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = meetings)]
pub struct NewMeeting<'a> {
    /// The cell.
    pub organization_id: OrgId,
    /// Regular or topical.
    pub kind: MeetingKind,
    /// Held on.
    pub held_on: NaiveDate,
    /// Agenda.
    pub agenda: &'a str,
    /// Resolution.
    pub resolution: Option<&'a str>,
    /// Minutes summary.
    pub minutes_summary: Option<&'a str>,
    /// The charter document in force on `held_on`.
    pub regulation: &'a str,
    /// Who entered it.
    pub entered_by: Option<UserId>,
    /// When (UTC).
    pub entered_at: NaiveDateTime,
}

/// One stored line of a sheet, with the member's name (for display and order).
#[derive(Debug, Clone, serde::Serialize)]
pub struct LineRow {
    /// The meeting.
    pub meeting_id: MeetingId,
    /// The member.
    pub member_id: MemberId,
    /// Full name.
    pub full_name: String,
    /// Vietnamese sort key of the name.
    #[serde(skip)]
    pub sort_key: String,
    /// The value.
    pub value: Attendance,
    /// The reason of an excused absence.
    pub reason: Option<String>,
}

/// What the record says of one member of a cell on a meeting's date (rule 35).
#[derive(Debug, Clone)]
pub struct SheetFact {
    /// The member.
    pub member_id: MemberId,
    /// Full name.
    pub full_name: String,
    /// Vietnamese sort key of the name.
    pub sort_key: String,
    /// Exempt from party work and meetings that day.
    pub exempt: bool,
    /// Temporarily registered in another cell that day.
    pub elsewhere: bool,
}

impl MeetingRow {
    /// One meeting whose cell is inside `scope` (else 404), with the cell's path.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: MeetingId) -> AppResult<(Self, String)> {
        let mut q = meetings::table
            .inner_join(organizations::table.on(organizations::id.eq(meetings::organization_id)))
            .filter(meetings::id.eq(id))
            .into_boxed();
        if let Some((lo, hi)) = scope.path_range() {
            q = q
                .filter(organizations::path.ge(lo))
                .filter(organizations::path.lt(hi));
        }
        q.select((Self::as_select(), organizations::path))
            .first(conn)
            .optional()?
            .ok_or(AppError::not_found(crate::messages::Thing::Meeting))
    }

    /// The meetings of a cell (already found in scope) held between two days, newest first.
    pub fn of_cell(
        conn: &mut DbConn,
        cell: OrgId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<Vec<Self>> {
        Ok(meetings::table
            .filter(meetings::organization_id.eq(cell))
            .filter(meetings::held_on.ge(from))
            .filter(meetings::held_on.le(to))
            .order((meetings::held_on.desc(), meetings::id.desc()))
            .select(Self::as_select())
            .load(conn)?)
    }

    /// Stores a meeting; its id.
    pub fn insert(conn: &mut DbConn, new: &NewMeeting<'_>) -> AppResult<MeetingId> {
        Ok(diesel::insert_into(meetings::table)
            .values(new)
            .returning(meetings::id)
            .get_result(conn)?)
    }
}

/// The lines of these meetings, each meeting's in Vietnamese name order.
pub fn lines(conn: &mut DbConn, ids: &[MeetingId]) -> AppResult<Vec<LineRow>> {
    let rows: Vec<(
        MeetingId,
        MemberId,
        String,
        String,
        Attendance,
        Option<String>,
    )> = meeting_attendance::table
        .inner_join(members::table)
        .filter(meeting_attendance::meeting_id.eq_any(ids))
        .order((
            meeting_attendance::meeting_id.asc(),
            members::name_sort_key.asc(),
            members::id.asc(),
        ))
        .select((
            meeting_attendance::meeting_id,
            meeting_attendance::member_id,
            members::full_name,
            members::name_sort_key,
            meeting_attendance::value,
            meeting_attendance::reason,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(meeting_id, member_id, full_name, sort_key, value, reason)| LineRow {
                meeting_id,
                member_id,
                full_name,
                sort_key,
                value,
                reason,
            },
        )
        .collect())
}

/// Writes a whole sheet: one multi-row `INSERT` (a sheet of 60 is one statement).
pub fn insert_lines(
    conn: &mut DbConn,
    meeting: MeetingId,
    lines: &[(MemberId, Attendance, Option<String>)],
) -> AppResult<()> {
    let columns = ["meeting_id", "member_id", "value", "reason"];
    let mut batch = Batch::new(conn, "meeting_attendance", &columns).statements("");
    for (member, value, reason) in lines {
        if batch.push(&[
            meeting.into(),
            (*member).into(),
            (*value).into(),
            reason.clone().into(),
        ]) {
            batch.flush(conn)?;
        }
    }
    batch.flush(conn)
}

/// Replaces a meeting's sheet (a correction).
pub fn replace_lines(
    conn: &mut DbConn,
    meeting: MeetingId,
    lines: &[(MemberId, Attendance, Option<String>)],
) -> AppResult<()> {
    diesel::delete(meeting_attendance::table.filter(meeting_attendance::meeting_id.eq(meeting)))
        .execute(conn)?;
    insert_lines(conn, meeting, lines)
}

/// Rule 35's facts of a cell on a date, one query per source: its members that day (by their
/// membership periods), then which of them are exempt and which temporarily registered
/// elsewhere. In Vietnamese name order.
pub fn sheet_facts(conn: &mut DbConn, cell: OrgId, on: NaiveDate) -> AppResult<Vec<SheetFact>> {
    let people: Vec<(MemberId, String, String)> = memberships::table
        .inner_join(members::table)
        .filter(memberships::organization_id.eq(cell))
        .filter(memberships::from_on.le(on))
        .filter(memberships::to_on.is_null().or(memberships::to_on.gt(on)))
        .order((members::name_sort_key.asc(), members::id.asc()))
        .select((members::id, members::full_name, members::name_sort_key))
        .distinct()
        .load(conn)?;
    let ids: Vec<MemberId> = people.iter().map(|p| p.0).collect();
    let exempt: Vec<MemberId> = member_periods::table
        .filter(member_periods::member_id.eq_any(&ids))
        .filter(member_periods::kind.eq(PeriodKind::Exemption))
        .filter(member_periods::from_on.le(on))
        .filter(
            member_periods::to_on
                .is_null()
                .or(member_periods::to_on.ge(on)),
        )
        .select(member_periods::member_id)
        .load(conn)?;
    let elsewhere: Vec<MemberId> = transfers::table
        .filter(transfers::member_id.eq_any(&ids))
        .filter(transfers::kind.eq(TransferKind::Temporary))
        .filter(transfers::status.eq(TransferStatus::Accepted))
        .filter(transfers::received_on.le(on))
        .filter(transfers::ended_on.is_null().or(transfers::ended_on.gt(on)))
        .select(transfers::member_id)
        .load(conn)?;
    Ok(people
        .into_iter()
        .map(|(member_id, full_name, sort_key)| SheetFact {
            exempt: exempt.contains(&member_id),
            elsewhere: elsewhere.contains(&member_id),
            member_id,
            full_name,
            sort_key,
        })
        .collect())
}

/// An unexcused absence: the member, their name and cell, the meeting's date, the value.
pub type Absence = (MemberId, String, OrgId, NaiveDate, Attendance);

/// A meeting held: the cell, its kind, its date.
pub type HeldIn = (OrgId, MeetingKind, NaiveDate);

/// Rule 36's records: the unexcused absences between two days of the active members whose
/// organisation path lies in `[lo, hi)`, each with the member's name and cell, by member and
/// date.
pub fn absences_in(
    conn: &mut DbConn,
    (lo, hi): (&str, &str),
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<Absence>> {
    Ok(meeting_attendance::table
        .inner_join(meetings::table)
        .inner_join(members::table)
        .filter(members::org_path.ge(lo))
        .filter(members::org_path.lt(hi))
        .filter(members::status.eq_any(MemberStatus::ACTIVE))
        .filter(meetings::held_on.ge(from))
        .filter(meetings::held_on.le(to))
        .filter(meeting_attendance::value.eq(Attendance::Absent))
        .order((meeting_attendance::member_id.asc(), meetings::held_on.asc()))
        .select((
            meeting_attendance::member_id,
            members::full_name,
            members::organization_id,
            meetings::held_on,
            meeting_attendance::value,
        ))
        .load(conn)?)
}

/// A cell with its name, dates of existence and first meeting recorded.
type CellFirst = (
    OrgId,
    String,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

/// Rule 34's facts for the alerts: the cells of `[lo, hi)` that keep their meetings here (at
/// least one recorded), each with its name, dates of existence and first meeting recorded,
/// and their meetings since `from`.
pub fn tracked_cells(
    conn: &mut DbConn,
    (lo, hi): (&str, &str),
    from: NaiveDate,
) -> AppResult<(Vec<TrackedCell>, Vec<HeldIn>)> {
    // Joined on the path range, never a list of ids: a country's cells outnumber the bind
    // parameters either engine takes in one statement.
    let firsts: Vec<CellFirst> = meetings::table
        .inner_join(organizations::table.on(organizations::id.eq(meetings::organization_id)))
        .filter(organizations::path.ge(lo))
        .filter(organizations::path.lt(hi))
        .group_by((
            organizations::id,
            organizations::name,
            organizations::valid_from,
            organizations::valid_to,
        ))
        .select((
            organizations::id,
            organizations::name,
            organizations::valid_from,
            organizations::valid_to,
            diesel::dsl::min(meetings::held_on),
        ))
        .load(conn)?;
    let cells = firsts
        .into_iter()
        .filter_map(|(id, name, valid_from, valid_to, first)| {
            Some(TrackedCell {
                id,
                name,
                valid_from,
                valid_to,
                first: first?,
            })
        })
        .collect();
    let held: Vec<HeldIn> = meetings::table
        .inner_join(organizations::table.on(organizations::id.eq(meetings::organization_id)))
        .filter(organizations::path.ge(lo))
        .filter(organizations::path.lt(hi))
        .filter(meetings::held_on.ge(from))
        .select((meetings::organization_id, meetings::kind, meetings::held_on))
        .load(conn)?;
    Ok((cells, held))
}

/// A cell whose meetings are kept here.
#[derive(Debug, Clone)]
pub struct TrackedCell {
    /// The cell.
    pub id: OrgId,
    /// Its name.
    pub name: String,
    /// Established on.
    pub valid_from: Option<NaiveDate>,
    /// Closed on.
    pub valid_to: Option<NaiveDate>,
    /// Its first meeting recorded.
    pub first: NaiveDate,
}

/// The report's attendance: the lines of the meetings held between two days by the cells of
/// `[lo, hi)`, counted by value.
pub fn attendance_counts(
    conn: &mut DbConn,
    (lo, hi): (&str, &str),
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<(Attendance, i64)>> {
    Ok(meeting_attendance::table
        .inner_join(meetings::table)
        .inner_join(organizations::table.on(organizations::id.eq(meetings::organization_id)))
        .filter(organizations::path.ge(lo))
        .filter(organizations::path.lt(hi))
        .filter(meetings::held_on.ge(from))
        .filter(meetings::held_on.le(to))
        .group_by(meeting_attendance::value)
        .select((meeting_attendance::value, diesel::dsl::count_star()))
        .load(conn)?)
}
