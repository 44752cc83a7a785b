//! Transfers between cells: refusals of issuing, deciding and withdrawing them.

use super::text;
use crate::error::AppError;

/// 404: the transfer does not exist, or neither side is in the caller's scope.
pub fn not_found() -> AppError {
    AppError::not_found(super::Thing::Transfer)
}

/// 403: only the receiving side accepts.
pub fn accept_by_receiver_only() -> AppError {
    AppError::Forbidden(text!(
        "Chỉ cấp ủy nơi đến được tiếp nhận",
        "Only the receiving committee accepts"
    ))
}

/// 403: only the receiving side rejects.
pub fn reject_by_receiver_only() -> AppError {
    AppError::Forbidden(text!(
        "Chỉ cấp ủy nơi đến được từ chối tiếp nhận",
        "Only the receiving committee rejects"
    ))
}

/// 403: only the sending side cancels.
pub fn cancel_by_sender_only() -> AppError {
    AppError::Forbidden(text!(
        "Chỉ cấp ủy nơi đi được hủy phiếu chuyển",
        "Only the sending committee cancels a transfer"
    ))
}

/// 409 `transfer_not_pending`: the transfer was decided already.
pub fn not_pending() -> AppError {
    AppError::Conflict(
        "transfer_not_pending",
        text!(
            "Phiếu chuyển sinh hoạt đã được xử lý (tiếp nhận, từ chối hoặc hủy)",
            "The transfer was decided already (accepted, rejected or cancelled)"
        ),
    )
}

/// 409 `transfer_pending`: the member already has a pending transfer.
pub fn already_pending() -> AppError {
    AppError::Conflict(
        "transfer_pending",
        text!(
            "Đảng viên đang có một phiếu chuyển sinh hoạt chưa được tiếp nhận",
            "The member has a transfer not yet accepted"
        ),
    )
}

/// 422 on `to_organization_id`, `not_found`: no such receiving cell.
pub fn receiver_not_found() -> AppError {
    AppError::field(
        "to_organization_id",
        "not_found",
        text!("Không tìm thấy chi bộ nơi đến", "No such receiving cell"),
    )
}

/// 422 on `to_organization_id`, `not_a_cell`: the receiver is not an active cell.
pub fn receiver_not_a_cell() -> AppError {
    AppError::field(
        "to_organization_id",
        "not_a_cell",
        text!(
            "Nơi đến phải là chi bộ đang hoạt động",
            "The destination must be an active cell"
        ),
    )
}

/// 422 on `to_external`, `not_allowed`: a temporary transfer stays inside the system.
pub fn temporary_outside() -> AppError {
    AppError::field(
        "to_external",
        "not_allowed",
        text!(
            "Chuyển tạm thời ra ngoài hệ thống không áp dụng",
            "A temporary transfer cannot leave the system"
        ),
    )
}

/// 422 on `to_organization_id`, `required`: no destination given.
pub fn destination_required() -> AppError {
    AppError::field(
        "to_organization_id",
        "required",
        text!("Chọn chi bộ nơi đến, hoặc ghi tổ chức đảng ngoài hệ thống (to_external)", "Choose the receiving cell, or name a party organisation outside the system (to_external)"),
    )
}

/// 422 on `to_organization_id`, `same_cell`.
pub fn same_cell() -> AppError {
    AppError::field(
        "to_organization_id",
        "same_cell",
        text!("Nơi đến trùng nơi đi", "The destination is the origin"),
    )
}

/// 422 on `until`, `required`: a temporary transfer needs a purpose and an end.
pub fn temporary_needs_purpose_and_until() -> AppError {
    AppError::field(
        "until",
        "required",
        text!(
            "Chuyển tạm thời cần mục đích (purpose) và thời hạn (until)",
            "A temporary transfer needs a purpose and an end (until)"
        ),
    )
}
