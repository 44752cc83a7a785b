//! Inspections, complaints, denunciations and discipline reviews (rules 9 and 11), and the
//! refusal of a recognition (rule 4).

use crate::error::AppError;

/// 404: no such case of the member.
pub fn case_not_found() -> AppError {
    AppError::not_found("hồ sơ thanh tra, kiểm tra, khiếu nại, tố cáo")
}

/// 409 `case_settled`: the case has its settlement already.
pub fn already_settled() -> AppError {
    AppError::Conflict(
        "case_settled",
        "Vụ việc đã được kết luận, giải quyết".into(),
    )
}

/// 422 on `discipline_id`, `not_allowed`: only a complaint is against a discipline.
pub fn discipline_only_for_complaints() -> AppError {
    AppError::field(
        "discipline_id",
        "not_allowed",
        "Chỉ khiếu nại mới gắn với một quyết định kỷ luật",
    )
}

/// 422 on `discipline_id`, `not_found`: the discipline is not one of the member's.
pub fn discipline_not_of_member() -> AppError {
    AppError::field(
        "discipline_id",
        "not_found",
        "Không tìm thấy quyết định kỷ luật này của đảng viên",
    )
}

/// 422 on `opened_on`, `date_order`: a complaint follows the decision it is against.
pub fn complaint_before_decision() -> AppError {
    AppError::field(
        "opened_on",
        "date_order",
        "Ngày nhận đơn khiếu nại không thể trước ngày quyết định kỷ luật",
    )
}

/// 422 on `ruling`, `required`: a complaint against a discipline is settled by its ruling.
pub fn ruling_required() -> AppError {
    AppError::field(
        "ruling",
        "required",
        "Khiếu nại kỷ luật phải có quyết định giải quyết: giữ nguyên, giảm hình thức hoặc xóa bỏ",
    )
}

/// 422 on `ruling`, `not_allowed`: only a complaint against a discipline takes a ruling.
pub fn ruling_not_applicable() -> AppError {
    AppError::field(
        "ruling",
        "not_allowed",
        "Chỉ khiếu nại quyết định kỷ luật mới có quyết định giữ nguyên, giảm hoặc xóa bỏ kỷ luật",
    )
}

/// 422 on `reduced_to`, `not_lighter`: a reduction names a lighter form; no other ruling does.
pub fn not_lighter() -> AppError {
    AppError::field(
        "reduced_to",
        "not_lighter",
        "Giảm hình thức kỷ luật phải chọn hình thức nhẹ hơn hình thức đang thi hành (chỉ khi giảm)",
    )
}

/// 422 on `settled_on`, `date_order`: settled after it was opened, announced after settled.
pub fn settled_before_opened() -> AppError {
    AppError::field(
        "settled_on",
        "date_order",
        "Ngày kết luận, giải quyết phải sau ngày bắt đầu; ngày công bố không trước ngày kết luận",
    )
}

/// 409 `recognition_refused`: a member refused recognition is not recognised afterwards, nor
/// refused twice (rule 4).
pub fn recognition_refused() -> AppError {
    AppError::Conflict(
        "recognition_refused",
        "Đảng viên đã có quyết định không công nhận đảng viên chính thức: chỉ còn xóa tên".into(),
    )
}

/// 422 on `reason`, `name_removal_required`: after a refusal the member leaves by name
/// removal (rule 4).
pub fn removal_required() -> AppError {
    AppError::field(
        "reason",
        "name_removal_required",
        "Đảng viên dự bị không được công nhận chính thức thì xóa tên trong danh sách đảng viên",
    )
}

/// 422 on `announced_on`, `date_order`: a discipline is announced on or after its decision.
pub fn announced_before_decision() -> AppError {
    AppError::field(
        "announced_on",
        "date_order",
        "Ngày công bố không thể trước ngày quyết định kỷ luật",
    )
}
