//! Meetings, attendance and duties of a cell (issue 23; `docs/cell-year.md`, rules 34–36, 38).
//!
//! A meeting is written with its whole attendance sheet in one request: a cell of 60 is one
//! `POST`, and a refusal lists every refused line at once (`errors[].field` is
//! `attendance[i]`).

use crate::cell_year::{Attendance, DutyClosure, DutyResult, MeetingKind};
use crate::evaluations::EvaluationLevel;
use crate::ids::{DutyId, MeetingId, MemberId, OrgId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// One member's line of the blank attendance sheet for a date.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SheetMember {
    /// The member.
    pub member_id: MemberId,
    /// Full name (the sheet is in Vietnamese alphabetical order of the given name).
    pub full_name: String,
    /// `exempt` or `elsewhere` when the record decides it on that date (the line is then not
    /// entered); absent when the secretary enters it.
    pub derived: Option<Attendance>,
}

/// The blank attendance sheet of a cell on a date: every member of the cell that day.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttendanceSheet {
    /// The cell.
    pub organization_id: OrgId,
    /// The meeting's date.
    pub on: NaiveDate,
    /// Its members, in Vietnamese alphabetical order.
    pub members: Vec<SheetMember>,
}

/// One entered line of an attendance sheet.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttendanceLine {
    /// The member.
    pub member_id: MemberId,
    /// `present`, `excused` or `absent` (exempt and elsewhere are derived by the server and
    /// may be omitted or sent as they were derived).
    pub value: Attendance,
    /// Required with `excused`: why.
    #[validate(length(min = 1, max = 500))]
    pub reason: Option<String>,
}

/// A meeting held, with its whole attendance sheet.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"kind": "regular", "held_on": "2026-11-05", "agenda": "Sinh hoạt thường kỳ tháng 11", "attendance": [{"member_id": 12, "value": "present"}, {"member_id": 13, "value": "excused", "reason": "Ốm"}]})))]
pub struct CreateMeeting {
    /// Regular (monthly) or topical (at least quarterly).
    pub kind: MeetingKind,
    /// The date it was held.
    pub held_on: NaiveDate,
    /// The agenda.
    #[validate(length(min = 1, max = 2000))]
    pub agenda: String,
    /// The resolution adopted, if any.
    #[validate(length(max = 4000))]
    pub resolution: Option<String>,
    /// A summary of the minutes.
    #[validate(length(max = 8000))]
    pub minutes_summary: Option<String>,
    /// One line per member expected; members the server derives as exempt or elsewhere may be
    /// left out.
    #[validate(nested, length(max = 2000))]
    pub attendance: Vec<AttendanceLine>,
}

/// A corrected attendance sheet for a meeting already recorded.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplaceAttendance {
    /// The whole sheet again, as in `CreateMeeting`.
    #[validate(nested, length(max = 2000))]
    pub attendance: Vec<AttendanceLine>,
}

/// Counts of an attendance sheet (rule 35): `expected` excludes exempt and elsewhere.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttendanceCounts {
    /// Members expected (present + excused + absent).
    pub expected: u32,
    /// Present.
    pub present: u32,
    /// Excused, with a reason.
    pub excused: u32,
    /// Absent without a reason.
    pub absent: u32,
    /// Exempt on that date.
    pub exempt: u32,
    /// Attending in another cell on that date.
    pub elsewhere: u32,
}

/// One member's recorded line of a meeting.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingAttendance {
    /// The member.
    pub member_id: MemberId,
    /// Full name.
    pub full_name: String,
    /// The value, entered or derived.
    pub value: Attendance,
    /// The reason of an excused absence.
    pub reason: Option<String>,
}

/// A meeting and its attendance.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Meeting {
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
    /// Resolution.
    pub resolution: Option<String>,
    /// Minutes summary.
    pub minutes_summary: Option<String>,
    /// The charter document in force on `held_on` whose rules judged the sheet.
    pub regulation: String,
    /// Counts.
    pub counts: AttendanceCounts,
    /// Every line, in Vietnamese alphabetical order.
    pub attendance: Vec<MeetingAttendance>,
}

/// A meeting in a cell's year.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingSummary {
    /// Id.
    pub id: MeetingId,
    /// Regular or topical.
    pub kind: MeetingKind,
    /// Held on.
    pub held_on: NaiveDate,
    /// Agenda.
    pub agenda: String,
    /// Counts.
    pub counts: AttendanceCounts,
}

/// A period in which a meeting was due and none was held (rule 34).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MissingMeeting {
    /// Regular (a month) or topical (a quarter).
    pub kind: MeetingKind,
    /// The period's first day.
    pub from: NaiveDate,
    /// The period's last day.
    pub to: NaiveDate,
}

/// A cell's meetings of a year, and the periods missing so far.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingYear {
    /// The cell.
    pub organization_id: OrgId,
    /// The year.
    pub year: i32,
    /// Meetings held, newest first.
    pub meetings: Vec<MeetingSummary>,
    /// Periods ended without the meeting due (rule 34).
    pub missing: Vec<MissingMeeting>,
    /// The next regular meeting due (the current month's, if not yet held).
    pub next_due: Option<MissingMeeting>,
}

/// A duty to assign.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDuty {
    /// The member.
    pub member_id: MemberId,
    /// What is asked.
    #[validate(length(min = 1, max = 2000))]
    pub description: String,
    /// By when, if set.
    pub due_by: Option<NaiveDate>,
}

/// Duties assigned together (usually at a meeting).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssignDuties {
    /// Assigned on.
    pub assigned_on: NaiveDate,
    /// The meeting that assigned them, if any.
    pub meeting_id: Option<MeetingId>,
    /// The duties.
    #[validate(nested, length(min = 1, max = 2000))]
    pub duties: Vec<NewDuty>,
}

/// A duty of a member.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Duty {
    /// Id.
    pub id: DutyId,
    /// The member.
    pub member_id: MemberId,
    /// The member's full name.
    pub full_name: String,
    /// The cell that assigned it.
    pub organization_id: OrgId,
    /// What is asked.
    pub description: String,
    /// Assigned on.
    pub assigned_on: NaiveDate,
    /// By when.
    pub due_by: Option<NaiveDate>,
    /// Reviewed on (at a meeting).
    pub reviewed_on: Option<NaiveDate>,
    /// The review's result.
    pub result: Option<DutyResult>,
    /// Closed on without a review (rule 38).
    pub closed_on: Option<NaiveDate>,
    /// Why it was closed.
    pub closure: Option<DutyClosure>,
}

/// A duty's review.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DutyReview {
    /// The duty.
    pub duty_id: DutyId,
    /// Done, exceeded or not done.
    pub result: DutyResult,
}

/// Duties reviewed at a meeting.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewDuties {
    /// The reviews.
    #[validate(length(min = 1, max = 5000))]
    pub reviews: Vec<DutyReview>,
}

/// The duties of a year, by result (what 366-QĐ/TW's level conditions read).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DutyShares {
    /// Reviewed in the year.
    pub reviewed: u32,
    /// Done.
    pub done: u32,
    /// Exceeded.
    pub exceeded: u32,
    /// Not done.
    pub not_done: u32,
    /// Still open.
    pub open: u32,
    /// Closed without a review.
    pub closed: u32,
    /// Percent of the reviewed done or exceeded (rounded down); absent with none reviewed.
    pub done_percent: Option<u32>,
    /// Percent of the reviewed exceeded (rounded down).
    pub exceeded_percent: Option<u32>,
}

/// A member's duties of a year.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberDuties {
    /// The member.
    pub member_id: MemberId,
    /// The year.
    pub year: i32,
    /// The duties assigned, reviewed or closed in the year, or still open.
    pub duties: Vec<Duty>,
    /// The shares.
    pub shares: DutyShares,
    /// The highest level the duties allow (offered to the evaluation, never imposed).
    pub highest_level: Option<EvaluationLevel>,
}

/// One meeting a member's line was recorded at (`GET /members/{id}/attendance`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberMeetingLine {
    /// The meeting.
    pub meeting_id: MeetingId,
    /// The cell that held it (the member's cell on that day, which may not be today's).
    pub organization_id: OrgId,
    /// That cell's name.
    pub organization_name: String,
    /// Regular or topical.
    pub kind: MeetingKind,
    /// Held on.
    pub held_on: NaiveDate,
    /// The member's line, entered or derived.
    pub value: Attendance,
    /// The reason of an excused absence.
    pub reason: Option<String>,
}

/// A member's attendance of a year, at the meetings of every cell they belonged to (rule 35).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberAttendance {
    /// The member.
    pub member_id: MemberId,
    /// The year.
    pub year: i32,
    /// The meetings with a line of the member, newest first.
    pub meetings: Vec<MemberMeetingLine>,
    /// The year's counts of those lines (`expected` excludes exempt and elsewhere).
    pub counts: AttendanceCounts,
}
