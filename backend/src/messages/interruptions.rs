//! Interruptions of party age, annulments, arrivals from outside, ends of temporary
//! registrations (rules 5, 7, 8).

use super::{text, Text};
use crate::error::AppError;

/// 409 `not_out_of_contact`: contact is restored only for a member out of contact.
pub fn not_out_of_contact() -> AppError {
    AppError::Conflict(
        "not_out_of_contact",
        text!(
            "Đảng viên không có ghi nhận mất liên lạc đang tiếp diễn",
            "The member has no ongoing loss of contact recorded"
        ),
    )
}

/// 409 `nothing_to_annul`: no exit (or no such discipline) to annul.
pub fn nothing_to_annul() -> AppError {
    AppError::Conflict(
        "nothing_to_annul",
        text!(
            "Không có quyết định ra khỏi Đảng hoặc kỷ luật tương ứng để hủy",
            "There is no matching exit or discipline decision to annul"
        ),
    )
}

/// 422 on `discipline_id`, `required`.
pub fn discipline_required() -> AppError {
    AppError::field(
        "discipline_id",
        "required",
        text!(
            "Chọn quyết định kỷ luật bị hủy",
            "Choose the annulled discipline decision"
        ),
    )
}

/// 422 on `to`, `date_order`: a period ends after it starts.
pub fn period_reversed() -> AppError {
    AppError::field(
        "to",
        "period_reversed",
        text!(
            "Ngày kết thúc phải sau ngày bắt đầu",
            "The end date must follow the start date"
        ),
    )
}

/// 422 on `from`, `date_order`: an interruption before the first admission decision.
pub fn before_admission() -> AppError {
    AppError::field(
        "from",
        "date_order",
        text!(
            "Thời gian gián đoạn phải sau ngày quyết định kết nạp lần đầu",
            "An interruption follows the first admission decision"
        ),
    )
}

/// 422 on `received_on`, `date_order`: the arrival precedes the sender's paper.
pub fn arrival_before_paper() -> AppError {
    AppError::field(
        "received_on",
        "date_order",
        text!(
            "Ngày tiếp nhận không thể trước ngày giấy giới thiệu",
            "The arrival cannot precede the letter of introduction"
        ),
    )
}

/// 422 on `member`, `required`: either a former member or a new record.
pub fn member_or_record() -> AppError {
    AppError::field(
        "member",
        "required",
        text!("Chọn đảng viên đã chuyển ra ngoài hệ thống (member_id) hoặc nhập hồ sơ (member), không cả hai", "Choose a member who moved outside the system (member_id) or enter a record (member), not both"),
    )
}

/// 409 `member_not_active`-like: the member was not transferred out of the system.
pub fn not_transferred_out() -> AppError {
    AppError::Conflict(
        "member_not_exited",
        text!(
            "Đảng viên không ở trạng thái đã chuyển ra ngoài hệ thống",
            "The member has not moved outside the system"
        ),
    )
}

/// 422 `party_age_mismatch`: the dates give another party age than the paper.
pub fn party_age_mismatch(computed: Option<u32>, declared: u32) -> AppError {
    AppError::Rule(
        "party_age_mismatch",
        match computed {
            Some(years) => text!(
                "Tuổi đảng tính theo các ngày đã nhập là {years} năm, giấy giới thiệu ghi {declared} năm: kiểm tra ngày kết nạp và thời gian gián đoạn",
                "The dates entered give a party age of {years} years, the letter of introduction says {declared}: check the admission date and the interruptions"
            ),
            None => text!(
                "Tuổi đảng tính theo các ngày đã nhập là chưa có, giấy giới thiệu ghi {declared} năm: kiểm tra ngày kết nạp và thời gian gián đoạn",
                "The dates entered give no party age yet, the letter of introduction says {declared} years: check the admission date and the interruptions"
            ),
        },
    )
}

/// 409 `temporary_not_in_effect`.
pub fn temporary_not_in_effect() -> AppError {
    AppError::Conflict(
        "temporary_not_in_effect",
        text!("Phiếu không phải sinh hoạt tạm thời đang có hiệu lực (chưa tiếp nhận hoặc đã kết thúc)", "The transfer is not a temporary registration in effect (not accepted yet, or ended)"),
    )
}

/// 422 on `returned_on`, `date_order`.
pub fn return_before_arrival() -> AppError {
    AppError::field(
        "returned_on",
        "date_order",
        text!(
            "Ngày trở về không thể trước ngày bắt đầu sinh hoạt tạm thời",
            "The return cannot precede the start of the temporary registration"
        ),
    )
}

/// The reason written on the transfer row of an arrival from outside the system (stored data:
/// the caller keeps the Vietnamese).
pub fn arrival_reason(source: qldv_api_types::interruptions::ArrivalSource) -> Text {
    use qldv_api_types::{Lang, Term};
    let (vi, en) = (source.label(Lang::Vi), source.label(Lang::En));
    text!(
        "Tiếp nhận từ ngoài hệ thống ({vi})",
        "Received from outside the system ({en})"
    )
}
