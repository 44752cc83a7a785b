//! Member records: creating, correcting and supplementing them, and the dated facts recorded
//! on them (illnesses, arrivals, ratings, admissions, the working-day calendar, party age).

use super::{text, Text};
use crate::error::AppError;

/// 409 `national_id_taken`.
pub fn national_id_taken(n: &str) -> AppError {
    AppError::Conflict(
        "national_id_taken",
        text!(
            "Số CCCD {n} đã có trong hồ sơ đảng viên khác",
            "The CCCD {n} is on another member's record"
        ),
    )
}

/// 409 `personal_history_no_taken`.
pub fn history_no_taken(h: &str) -> AppError {
    AppError::Conflict(
        "personal_history_no_taken",
        text!(
            "Số lý lịch {h} đã có trong hồ sơ khác",
            "The personal-history number {h} is on another record"
        ),
    )
}

/// On `organization_id`, `not_a_cell`: members belong to cells.
pub fn not_a_cell(name: &str) -> Text {
    text!(
        "'{name}' không phải chi bộ: đảng viên sinh hoạt ở chi bộ hoặc chi bộ cơ sở",
        "'{name}' is not a cell: members belong to a cell or a grassroots cell"
    )
}

/// On `gender`, `required`.
pub fn gender_required() -> Text {
    text!("Chọn giới tính", "Choose the gender")
}

/// On `birth_date`, `required`.
pub fn birth_date_required() -> Text {
    text!("Nhập ngày sinh", "Give the date of birth")
}

/// On `official_on`, `not_allowed`: a probationary member has no official date.
pub fn probationary_has_no_official_date() -> Text {
    text!(
        "Đảng viên dự bị chưa có ngày chính thức",
        "A probationary member has no official date"
    )
}

/// On `official_on`, `required`.
pub fn official_date_required() -> Text {
    text!(
        "Nhập ngày được công nhận chính thức",
        "Give the date of recognition as official"
    )
}

/// On `official_on`, `official_date_mismatch`: the expected date.
pub fn official_date_is(expected: chrono::NaiveDate) -> Text {
    let on = expected.format("%d/%m/%Y");
    text!(
        "Ngày chính thức là ngày kết nạp cộng 12 tháng: {on}",
        "The official date is the admission plus 12 months: {on}"
    )
}

/// On `status`, `not_allowed`: records are entered probationary or official.
pub fn entered_status() -> Text {
    text!(
        "Chỉ nhập đảng viên dự bị hoặc chính thức",
        "Only probationary or official members are entered"
    )
}

/// On `first_admission_decision_on`, `date_order`.
pub fn first_admission_after_decision() -> Text {
    text!(
        "Ngày kết nạp lần đầu không thể sau ngày quyết định kết nạp",
        "The first admission cannot follow the admission decision"
    )
}

/// On `full_name`, `required` (a new record).
pub fn name_required() -> Text {
    text!("Nhập họ và tên", "Give the full name")
}

/// On `full_name`, `required` (a correction that empties it).
pub fn name_not_empty() -> Text {
    text!(
        "Họ và tên không được để trống",
        "The full name cannot be empty"
    )
}

/// On `legacy_id_no`, `format`.
pub fn legacy_id_format() -> Text {
    text!(
        "Số CMND cũ gồm đúng 9 chữ số",
        "The old CMND number is exactly 9 digits"
    )
}

/// On `personal_history_no`, `format`.
pub fn history_no_format() -> Text {
    text!(
        "Số lý lịch gồm 6 chữ số và 1–3 chữ cái ký hiệu tỉnh, ví dụ 123456HP",
        "The personal-history number is 6 digits and 1–3 letters of the province, e.g. 123456HP"
    )
}

/// On `phone`, `format`.
pub fn phone_format() -> Text {
    text!(
        "Số điện thoại gồm 9–15 chữ số",
        "The phone number is 9–15 digits"
    )
}

/// On `birth_date`, `date_order`: born before the admission decision.
pub fn born_before_admission() -> Text {
    text!(
        "Ngày sinh phải trước ngày quyết định kết nạp",
        "The date of birth precedes the admission decision"
    )
}

/// 422 on `year`, `out_of_range`: a supplement's year.
pub fn supplement_year(first: i32, last: i32) -> AppError {
    AppError::field(
        "year",
        "out_of_range",
        text!(
            "Năm bổ sung phải từ {first} đến {last}",
            "The supplement's year is from {first} to {last}"
        ),
    )
}

/// 422 on `filed_on`, `date_order`: a supplement is filed in or after its year, not later
/// than today.
pub fn supplement_filed_on() -> AppError {
    AppError::field(
        "filed_on",
        "date_order",
        text!(
            "Ngày nộp phiếu bổ sung phải trong hoặc sau năm bổ sung, không ở tương lai",
            "The supplement is filed in or after its year, and not in the future"
        ),
    )
}

/// 422 on `to`, `date_order`: a period ends on or after its start.
pub fn ends_before_start() -> AppError {
    AppError::field(
        "to",
        "date_order",
        text!(
            "Ngày kết thúc phải từ ngày bắt đầu",
            "The end is on or after the start"
        ),
    )
}

/// 422 on `from`, `date_order`: a period starts after birth.
pub fn starts_before_birth() -> AppError {
    AppError::field(
        "from",
        "date_order",
        text!(
            "Ngày bắt đầu phải sau ngày sinh",
            "The start follows the date of birth"
        ),
    )
}

/// 422 on `member.organization_id`, `mismatch`: an arrival's record names the receiving cell.
pub fn arrival_cell_mismatch() -> AppError {
    AppError::field(
        "member.organization_id",
        "mismatch",
        text!(
            "Chi bộ trong hồ sơ phải là chi bộ tiếp nhận",
            "The record's cell is the receiving cell"
        ),
    )
}

/// 422 on `past_interruptions`, `date_order`: interruptions precede the arrival.
pub fn interruption_after_arrival() -> AppError {
    AppError::field(
        "past_interruptions",
        "date_order",
        text!(
            "Thời gian gián đoạn ghi trong hồ sơ phải trước ngày tiếp nhận",
            "The record's interruptions precede the day of receipt"
        ),
    )
}

/// 422 on `maternity_to`, `maternity_incomplete`.
pub fn maternity_incomplete() -> AppError {
    AppError::field(
        "maternity_to",
        "maternity_incomplete",
        text!(
            "Ghi cả ngày bắt đầu và ngày kết thúc nghỉ thai sản",
            "Give both the start and the end of the maternity leave"
        ),
    )
}

/// The summary of the complaint case opened by a complaint against a discipline decision.
pub fn complaint_summary(decision_no: &str) -> Text {
    text!(
        "Khiếu nại quyết định kỷ luật {decision_no}",
        "Complaint against the discipline decision {decision_no}"
    )
}

/// 422 on `decision_received_on`, `date_order`.
pub fn decision_received_on() -> AppError {
    AppError::field(
        "decision_received_on",
        "date_order",
        text!(
            "Ngày chi bộ nhận quyết định phải từ ngày ký quyết định đến ngày lễ kết nạp",
            "The cell receives the decision between its signing and the ceremony"
        ),
    )
}

/// 422 on `year`, `year_out_of_range`: the calendar's years.
pub fn calendar_years(first: i32, last: i32) -> AppError {
    AppError::field(
        "year",
        "year_out_of_range",
        text!(
            "Chỉ có lịch các năm {first}–{last}",
            "The calendar covers the years {first}–{last}"
        ),
    )
}

/// 429 `identifier_checks_exhausted`: the daily allowance of answers naming a record held
/// elsewhere is used up.
pub fn identifier_checks_exhausted(allowance: u32, retry_after: i64) -> AppError {
    AppError::Busy(
        "identifier_checks_exhausted",
        text!(
            "Tài khoản đã dùng hết giới hạn {allowance} lần/ngày được báo số định danh đã có \
             hồ sơ ở tổ chức khác; thử lại sau 24 giờ hoặc liên hệ ban tổ chức cấp trên",
            "The account has used its {allowance} answers a day that an identifier is on a \
             record elsewhere; try again in 24 hours or contact the organisation board above"
        ),
        retry_after,
    )
}

/// 422 `no_party_age`: party age exists once the member was recognised official.
pub fn no_party_age() -> AppError {
    AppError::Rule(
        "no_party_age",
        text!(
            "Chỉ đảng viên đã được công nhận chính thức mới có tuổi đảng (tính từ ngày quyết định kết nạp)",
            "Only a member recognised as official has a party age (counted from the admission decision)"
        ),
    )
}
