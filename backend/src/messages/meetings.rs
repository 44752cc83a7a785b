//! Meetings, attendance and duties (issue 23): the one place their refusals become an
//! [`AppError`], in Vietnamese and English.

use qldv_api_types::vocabulary::English;

use super::{text, Text};
use crate::domain::cell_year::attendance::LineRefusal;
use crate::domain::cell_year::duties::DutyRefusal;
use crate::error::{AppError, FieldIssue};

/// 404: no such meeting in the caller's scope.
pub fn not_found() -> AppError {
    AppError::not_found(super::Thing::Meeting)
}

/// The words of a refused line of an attendance sheet.
pub fn line_text(r: &LineRefusal) -> Text {
    match r {
        LineRefusal::NotAMember => text!(
            "Không phải đảng viên của chi bộ vào ngày họp",
            "Not a member of the cell on the meeting's date"
        ),
        LineRefusal::Missing => text!(
            "Chưa ghi có mặt, vắng có lý do hay vắng không có lý do",
            "Present, excused or absent is not entered"
        ),
        LineRefusal::Derived(a) => Text::new(
            format!(
                "Giá trị này do hồ sơ xác định ({}), không nhập",
                qldv_api_types::vocabulary::Vietnamese::vi(*a)
            ),
            format!(
                "This value follows from the record ({}): not entered",
                (*a).en()
            ),
        ),
        LineRefusal::ReasonRequired => text!(
            "Vắng có lý do phải ghi lý do",
            "An excused absence needs its reason"
        ),
    }
}

/// A refused line `attendance[i]`.
pub fn line(index: usize, r: &LineRefusal) -> FieldIssue {
    FieldIssue::new(format!("attendance[{index}]"), r.code(), line_text(r))
}

/// An expected member the sheet leaves out (there is no line to point at: the field is
/// `attendance`, the message names the member).
pub fn member_left_out(name: &str) -> FieldIssue {
    FieldIssue::new(
        "attendance",
        LineRefusal::Missing.code(),
        Text::new(
            format!("Thiếu dòng điểm danh của đồng chí {name}"),
            format!("The sheet leaves out {name}"),
        ),
    )
}

/// A member given twice on the sheet.
pub fn duplicate_line(index: usize) -> FieldIssue {
    FieldIssue::new(
        format!("attendance[{index}]"),
        "attendance_duplicate",
        text!(
            "Đảng viên này đã có dòng điểm danh",
            "This member already has a line on the sheet"
        ),
    )
}

/// 422 on `held_on`: a meeting is recorded once held, not ahead.
pub fn held_in_future() -> AppError {
    AppError::field(
        "held_on",
        "date_in_future",
        text!(
            "Ngày sinh hoạt không thể sau hôm nay",
            "The meeting's date cannot be in the future"
        ),
    )
}

/// 422 on `held_on`: the cell did not exist that day.
pub fn cell_not_open(field: &str) -> AppError {
    AppError::field(
        field,
        "organization_closed",
        text!(
            "Chi bộ không hoạt động vào ngày này",
            "The cell did not exist on that date"
        ),
    )
}

/// 422 on `organization_id`: meetings, attendance and duties belong to a cell.
pub fn not_a_cell(name: &str) -> AppError {
    AppError::Validation(vec![FieldIssue::new(
        "organization_id",
        "not_a_cell",
        super::records::not_a_cell(name),
    )])
}

/// A refused duty `field` (assigning or reviewing).
pub fn duty(field: String, r: &DutyRefusal) -> FieldIssue {
    let t = match r {
        DutyRefusal::NotOpen => text!(
            "Nhiệm vụ đã được đánh giá hoặc đã đóng",
            "The duty is already reviewed or closed"
        ),
        DutyRefusal::BeforeAssignment => text!(
            "Ngày đánh giá không thể trước ngày phân công",
            "The review cannot precede the assignment"
        ),
    };
    FieldIssue::new(field, r.code(), t)
}

/// A duty for someone who is not a member of the cell on the day it is assigned.
pub fn duty_not_a_member(index: usize) -> FieldIssue {
    FieldIssue::new(
        format!("duties[{index}].member_id"),
        "duty_not_a_member",
        text!(
            "Không phải đảng viên của chi bộ vào ngày phân công",
            "Not a member of the cell on the day of the assignment"
        ),
    )
}

/// A review of a duty another cell assigned (or that does not exist in scope).
pub fn duty_not_of_cell(index: usize) -> FieldIssue {
    FieldIssue::new(
        format!("reviews[{index}].duty_id"),
        "duty_not_of_cell",
        text!(
            "Nhiệm vụ không do chi bộ này phân công",
            "The duty was not assigned by this meeting's cell"
        ),
    )
}

/// 422 on `meeting_id`: the meeting named is another cell's.
pub fn meeting_of_another_cell() -> AppError {
    AppError::field(
        "meeting_id",
        "meeting_of_another_cell",
        text!(
            "Buổi sinh hoạt không thuộc chi bộ này",
            "The meeting is another cell's"
        ),
    )
}

/// 422 on `assigned_on`: a duty is recorded once assigned, not ahead.
pub fn assigned_in_future() -> AppError {
    AppError::field(
        "assigned_on",
        "date_in_future",
        text!(
            "Ngày phân công không thể sau hôm nay",
            "The assignment cannot be in the future"
        ),
    )
}

/// 422 on `year`.
pub fn year_invalid() -> AppError {
    AppError::field(
        "year",
        "invalid",
        text!("Năm không hợp lệ", "The year is not valid"),
    )
}
