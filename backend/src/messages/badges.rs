//! Party badges (rules 18–20).

use super::text;
use crate::error::AppError;

/// 404: the proposal does not exist or its member is outside the scope.
pub fn proposal_not_found() -> AppError {
    AppError::not_found(super::Thing::BadgeProposal)
}

/// 403: badges are awarded by the provincial standing committee.
pub fn provincial_only() -> AppError {
    AppError::Forbidden(
        text!("Huy hiệu Đảng do ban thường vụ tỉnh ủy, thành ủy (hoặc cấp tương đương) quyết định", "Party badges are decided by the standing committee of the provincial or city party committee (or equivalent)"),
    )
}

/// 409 `already_held`: the member has that milestone's badge.
pub fn already_held(milestone: u32) -> AppError {
    AppError::Conflict(
        "already_held",
        text!(
            "Đảng viên đã nhận Huy hiệu {milestone} năm tuổi Đảng",
            "The member already holds the {milestone}-year party badge"
        ),
    )
}

/// 409 `already_proposed`: a proposal of that milestone is open for the member.
pub fn already_proposed(milestone: u32) -> AppError {
    AppError::Conflict(
        "already_proposed",
        text!(
            "Đảng viên đã được đề nghị Huy hiệu {milestone} năm",
            "The member is already proposed for the {milestone}-year badge"
        ),
    )
}

/// 409 `proposal_decided`: the proposal was approved or rejected already.
pub fn proposal_decided(id: qldv_api_types::ProposalId) -> AppError {
    AppError::Conflict(
        "proposal_decided",
        text!(
            "Đề nghị số {id} đã được xét trước đó",
            "Proposal {id} was decided already"
        ),
    )
}

/// 409 `already_exists`: the organisation recorded that special occasion already.
pub fn occasion_recorded() -> AppError {
    AppError::Conflict(
        "already_exists",
        text!(
            "Dịp xét tặng Huy hiệu này đã được ghi nhận cho tổ chức",
            "This badge occasion is already recorded for the organisation"
        ),
    )
}

/// 422 `not_an_occasion`: a special occasion is recorded only for a date other than the four
/// anniversaries.
pub fn occasion_is_fixed() -> AppError {
    AppError::Rule(
        "not_an_occasion",
        text!(
            "Các ngày 3/2, 19/5, 2/9, 7/11 là dịp xét tặng hằng năm, không cần ghi nhận",
            "3 Feb, 19 May, 2 Sep and 7 Nov are the yearly badge occasions and need no record"
        ),
    )
}

/// 404: no such discipline decision of the member.
pub fn discipline_not_found() -> AppError {
    AppError::not_found(super::Thing::Discipline)
}

/// 409 `already_exists`: the remedy of that discipline is recorded already.
pub fn remedy_recorded() -> AppError {
    AppError::Conflict(
        "already_exists",
        text!("Đã ghi nhận chi bộ công nhận sửa chữa khuyết điểm cho quyết định kỷ luật này", "The cell's recognition of remedied shortcomings is already recorded for this discipline decision"),
    )
}

/// 422 `date_order`: the remedy is recognised after the discipline decision.
pub fn remedy_before_decision() -> AppError {
    AppError::Rule(
        "date_order",
        text!(
            "Ngày chi bộ công nhận sửa chữa khuyết điểm phải từ ngày quyết định kỷ luật",
            "The cell recognises remedied shortcomings on or after the discipline decision"
        ),
    )
}
