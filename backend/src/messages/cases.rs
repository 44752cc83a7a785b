//! Inspections, complaints, denunciations and discipline reviews (rules 9 and 11), and the
//! refusal of a recognition (rule 4).

use super::text;
use crate::error::AppError;

/// 404: no such case of the member.
pub fn case_not_found() -> AppError {
    AppError::not_found(super::Thing::Case)
}

/// 409 `case_settled`: the case has its settlement already.
pub fn already_settled() -> AppError {
    AppError::Conflict(
        "case_settled",
        text!(
            "Vụ việc đã được kết luận, giải quyết",
            "The case is settled already"
        ),
    )
}

/// 422 on `discipline_id`, `not_allowed`: only a complaint is against a discipline.
pub fn discipline_only_for_complaints() -> AppError {
    AppError::field(
        "discipline_id",
        "not_allowed",
        text!(
            "Chỉ khiếu nại mới gắn với một quyết định kỷ luật",
            "Only a complaint is tied to a discipline decision"
        ),
    )
}

/// 422 on `discipline_id`, `not_found`: the discipline is not one of the member's.
pub fn discipline_not_of_member() -> AppError {
    AppError::field(
        "discipline_id",
        "not_found",
        text!(
            "Không tìm thấy quyết định kỷ luật này của đảng viên",
            "The member has no such discipline decision"
        ),
    )
}

/// 422 on `opened_on`, `date_order`: a complaint follows the decision it is against.
pub fn complaint_before_decision() -> AppError {
    AppError::field(
        "opened_on",
        "date_order",
        text!(
            "Ngày nhận đơn khiếu nại không thể trước ngày quyết định kỷ luật",
            "A complaint cannot be received before the discipline decision"
        ),
    )
}

/// 422 on `ruling`, `required`: a complaint against a discipline is settled by its ruling.
pub fn ruling_required() -> AppError {
    AppError::field(
        "ruling",
        "required",
        text!("Khiếu nại kỷ luật phải có quyết định giải quyết: giữ nguyên, giảm hình thức hoặc xóa bỏ", "A complaint against a discipline is settled by a ruling: upheld, reduced or annulled"),
    )
}

/// 422 on `ruling`, `not_allowed`: only a complaint against a discipline takes a ruling.
pub fn ruling_not_applicable() -> AppError {
    AppError::field(
        "ruling",
        "not_allowed",
        text!("Chỉ khiếu nại quyết định kỷ luật mới có quyết định giữ nguyên, giảm hoặc xóa bỏ kỷ luật", "Only a complaint against a discipline decision takes a ruling to uphold, reduce or annul it"),
    )
}

/// 422 on `reduced_to`, `not_lighter`: a reduction names a lighter form; no other ruling does.
pub fn not_lighter() -> AppError {
    AppError::field(
        "reduced_to",
        "not_lighter",
        text!("Giảm hình thức kỷ luật phải chọn hình thức nhẹ hơn hình thức đang thi hành (chỉ khi giảm)", "A reduction names a form lighter than the one in force (and only a reduction does)"),
    )
}

/// 422 on `settled_on`, `date_order`: settled after it was opened, announced after settled.
pub fn settled_before_opened() -> AppError {
    AppError::field(
        "settled_on",
        "date_order",
        text!("Ngày kết luận, giải quyết phải sau ngày bắt đầu; ngày công bố không trước ngày kết luận", "The settlement follows the opening; the announcement does not precede the settlement"),
    )
}

/// 409 `recognition_refused`: a member refused recognition is not recognised afterwards, nor
/// refused twice (rule 4).
pub fn recognition_refused() -> AppError {
    AppError::Conflict(
        "recognition_refused",
        text!(
            "Đảng viên đã có quyết định không công nhận đảng viên chính thức: chỉ còn xóa tên",
            "The member was refused recognition as official: only name removal remains"
        ),
    )
}

/// 422 on `reason`, `name_removal_required`: after a refusal the member leaves by name
/// removal (rule 4).
pub fn removal_required() -> AppError {
    AppError::field(
        "reason",
        "name_removal_required",
        text!(
            "Đảng viên dự bị không được công nhận chính thức thì xóa tên trong danh sách đảng viên",
            "A probationary member refused recognition is removed from the list of members"
        ),
    )
}

/// 422 on `announced_on`, `date_order`: a discipline is announced on or after its decision.
pub fn announced_before_decision() -> AppError {
    AppError::field(
        "announced_on",
        "date_order",
        text!(
            "Ngày công bố không thể trước ngày quyết định kỷ luật",
            "The announcement cannot precede the discipline decision"
        ),
    )
}
