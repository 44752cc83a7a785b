//! Transfers between cells: refusals of issuing, deciding and withdrawing them.

use crate::error::AppError;

/// 404: the transfer does not exist, or neither side is in the caller's scope.
pub fn not_found() -> AppError {
    AppError::not_found("phiếu chuyển sinh hoạt")
}

/// 403: only the receiving side accepts.
pub fn accept_by_receiver_only() -> AppError {
    AppError::Forbidden("Chỉ cấp ủy nơi đến được tiếp nhận".into())
}

/// 403: only the receiving side rejects.
pub fn reject_by_receiver_only() -> AppError {
    AppError::Forbidden("Chỉ cấp ủy nơi đến được từ chối tiếp nhận".into())
}

/// 403: only the sending side cancels.
pub fn cancel_by_sender_only() -> AppError {
    AppError::Forbidden("Chỉ cấp ủy nơi đi được hủy phiếu chuyển".into())
}

/// 409 `transfer_not_pending`: the transfer was decided already.
pub fn not_pending() -> AppError {
    AppError::Conflict(
        "transfer_not_pending",
        "Phiếu chuyển sinh hoạt đã được xử lý (tiếp nhận, từ chối hoặc hủy)".into(),
    )
}

/// 409 `transfer_pending`: the member already has a pending transfer.
pub fn already_pending() -> AppError {
    AppError::Conflict(
        "transfer_pending",
        "Đảng viên đang có một phiếu chuyển sinh hoạt chưa được tiếp nhận".into(),
    )
}

/// 422 on `to_organization_id`, `not_found`: no such receiving cell.
pub fn receiver_not_found() -> AppError {
    AppError::field(
        "to_organization_id",
        "not_found",
        "Không tìm thấy chi bộ nơi đến",
    )
}

/// 422 on `to_organization_id`, `not_a_cell`: the receiver is not an active cell.
pub fn receiver_not_a_cell() -> AppError {
    AppError::field(
        "to_organization_id",
        "not_a_cell",
        "Nơi đến phải là chi bộ đang hoạt động",
    )
}

/// 422 on `to_external`, `not_allowed`: a temporary transfer stays inside the system.
pub fn temporary_outside() -> AppError {
    AppError::field(
        "to_external",
        "not_allowed",
        "Chuyển tạm thời ra ngoài hệ thống không áp dụng",
    )
}

/// 422 on `to_organization_id`, `required`: no destination given.
pub fn destination_required() -> AppError {
    AppError::field(
        "to_organization_id",
        "required",
        "Chọn chi bộ nơi đến, hoặc ghi tổ chức đảng ngoài hệ thống (to_external)",
    )
}

/// 422 on `to_organization_id`, `same_cell`.
pub fn same_cell() -> AppError {
    AppError::field("to_organization_id", "same_cell", "Nơi đến trùng nơi đi")
}

/// 422 on `until`, `required`: a temporary transfer needs a purpose and an end.
pub fn temporary_needs_purpose_and_until() -> AppError {
    AppError::field(
        "until",
        "required",
        "Chuyển tạm thời cần mục đích (purpose) và thời hạn (until)",
    )
}
