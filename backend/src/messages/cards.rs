//! Party cards (rule 17).

use super::text;
use crate::error::AppError;

/// 404: the card does not exist or its member is outside the scope.
pub fn not_found() -> AppError {
    AppError::not_found(super::Thing::Card)
}

/// 403: cards are issued by the level above the member's grassroots organisation.
pub fn superior_only() -> AppError {
    AppError::Forbidden(text!(
        "Thẻ đảng viên do cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng cấp",
        "Party cards are issued by the committee directly above the grassroots party organisation"
    ))
}

/// 409 `card_number_taken`.
pub fn number_taken(number: &str) -> AppError {
    AppError::Conflict(
        "card_number_taken",
        text!(
            "Số thẻ {number} đã được dùng",
            "Card number {number} is taken"
        ),
    )
}

/// 409 `card_numbers_exhausted`: every number of the format is used.
pub fn numbers_exhausted(digits: u32) -> AppError {
    AppError::Conflict(
        "card_numbers_exhausted",
        text!(
            "Đã hết số thẻ {digits} chữ số; cập nhật định dạng số thẻ",
            "Every {digits}-digit card number is used; update the card number format"
        ),
    )
}

/// 409 `card_already_active`: the member has a valid card; reissue it instead.
pub fn already_active() -> AppError {
    AppError::Conflict(
        "card_already_active",
        text!(
            "Đảng viên đang có thẻ còn hiệu lực: dùng cấp lại",
            "The member holds a valid card: reissue it instead"
        ),
    )
}

/// 409 `card_not_active`: the card was voided, revoked or replaced.
pub fn not_active() -> AppError {
    AppError::Conflict(
        "card_not_active",
        text!(
            "Thẻ không còn hiệu lực (đã hủy, thu hồi hoặc cấp lại)",
            "The card is no longer valid (voided, revoked or reissued)"
        ),
    )
}

/// 422 on `issued_on`, `date_order`: a card is issued once the member is official.
pub fn issued_before_official() -> AppError {
    AppError::field(
        "issued_on",
        "date_order",
        text!(
            "Ngày cấp thẻ phải từ ngày công nhận đảng viên chính thức",
            "A card is issued on or after the member became official"
        ),
    )
}

/// 422 on `issued_on`, `date_order`: a reissue comes after the old card.
pub fn reissued_before_old() -> AppError {
    AppError::field(
        "issued_on",
        "date_order",
        text!(
            "Ngày cấp lại phải sau ngày cấp thẻ cũ",
            "The reissue date must follow the old card's issue date"
        ),
    )
}
