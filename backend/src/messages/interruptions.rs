//! Interruptions of party age, annulments, arrivals from outside, ends of temporary
//! registrations (rules 5, 7, 8).

use crate::error::AppError;

/// 409 `not_out_of_contact`: contact is restored only for a member out of contact.
pub fn not_out_of_contact() -> AppError {
    AppError::Conflict(
        "not_out_of_contact",
        "Đảng viên không có ghi nhận mất liên lạc đang tiếp diễn".into(),
    )
}

/// 409 `nothing_to_annul`: no exit (or no such discipline) to annul.
pub fn nothing_to_annul() -> AppError {
    AppError::Conflict(
        "nothing_to_annul",
        "Không có quyết định ra khỏi Đảng hoặc kỷ luật tương ứng để hủy".into(),
    )
}

/// 422 on `discipline_id`, `required`.
pub fn discipline_required() -> AppError {
    AppError::field(
        "discipline_id",
        "required",
        "Chọn quyết định kỷ luật bị hủy",
    )
}

/// 422 on `to`, `date_order`: a period ends after it starts.
pub fn period_reversed() -> AppError {
    AppError::field(
        "to",
        "period_reversed",
        "Ngày kết thúc phải sau ngày bắt đầu",
    )
}

/// 422 on `from`, `date_order`: an interruption before the first admission decision.
pub fn before_admission() -> AppError {
    AppError::field(
        "from",
        "date_order",
        "Thời gian gián đoạn phải sau ngày quyết định kết nạp lần đầu",
    )
}

/// 422 on `received_on`, `date_order`: the arrival precedes the sender's paper.
pub fn arrival_before_paper() -> AppError {
    AppError::field(
        "received_on",
        "date_order",
        "Ngày tiếp nhận không thể trước ngày giấy giới thiệu",
    )
}

/// 422 on `member`, `required`: either a former member or a new record.
pub fn member_or_record() -> AppError {
    AppError::field(
        "member",
        "required",
        "Chọn đảng viên đã chuyển ra ngoài hệ thống (member_id) hoặc nhập hồ sơ (member), không cả hai",
    )
}

/// 409 `member_not_active`-like: the member was not transferred out of the system.
pub fn not_transferred_out() -> AppError {
    AppError::Conflict(
        "member_not_exited",
        "Đảng viên không ở trạng thái đã chuyển ra ngoài hệ thống".into(),
    )
}

/// 422 `party_age_mismatch`: the dates give another party age than the paper.
pub fn party_age_mismatch(computed: Option<u32>, declared: u32) -> AppError {
    AppError::Rule(
        "party_age_mismatch",
        format!(
            "Tuổi đảng tính theo các ngày đã nhập là {} năm, giấy giới thiệu ghi {declared} năm: kiểm tra ngày kết nạp và thời gian gián đoạn",
            computed.map_or("chưa có".to_string(), |y| y.to_string())
        ),
    )
}

/// 409 `temporary_not_in_effect`.
pub fn temporary_not_in_effect() -> AppError {
    AppError::Conflict(
        "temporary_not_in_effect",
        "Phiếu không phải sinh hoạt tạm thời đang có hiệu lực (chưa tiếp nhận hoặc đã kết thúc)"
            .into(),
    )
}

/// 422 on `returned_on`, `date_order`.
pub fn return_before_arrival() -> AppError {
    AppError::field(
        "returned_on",
        "date_order",
        "Ngày trở về không thể trước ngày bắt đầu sinh hoạt tạm thời",
    )
}

/// The reason written on the transfer row of an arrival from outside the system.
pub fn arrival_reason(source: qldv_api_types::interruptions::ArrivalSource) -> String {
    use qldv_api_types::Term;
    format!(
        "Tiếp nhận từ ngoài hệ thống ({})",
        source.label(qldv_api_types::Lang::Vi)
    )
}
