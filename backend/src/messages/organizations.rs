//! The organisation tree: creating, changing and restructuring organisations.

use super::{text, Text};
use crate::error::AppError;

/// The message of a dissolved or merged organisation, named.
pub fn closed_named(name: &str) -> Text {
    text!(
        "Tổ chức '{name}' đã giải thể hoặc hợp nhất",
        "The organisation '{name}' was dissolved or merged"
    )
}

/// The message of a dissolved or merged organisation.
pub fn closed() -> Text {
    text!(
        "Tổ chức đã giải thể hoặc hợp nhất",
        "The organisation was dissolved or merged"
    )
}

/// 422 `organization_closed`: a new organisation under a closed parent.
pub fn parent_closed(name: &str) -> AppError {
    AppError::Rule("organization_closed", closed_named(name))
}

/// 422 `invalid_parent_kind`: an organisation with children cannot become a cell.
pub fn has_children() -> AppError {
    AppError::Rule(
        "invalid_parent_kind",
        text!(
            "Tổ chức còn tổ chức trực thuộc, không thể chuyển thành chi bộ",
            "The organisation has subordinate organisations and cannot become a cell"
        ),
    )
}

/// 422 on `kind`, `unknown_kind`.
pub fn unknown_kind(code: &str) -> AppError {
    AppError::field(
        "kind",
        "unknown_kind",
        text!(
            "Loại tổ chức '{code}' không tồn tại",
            "There is no organisation kind '{code}'"
        ),
    )
}

/// 422 `no_grassroots`: a cell outside any grassroots organisation.
pub fn no_grassroots() -> AppError {
    AppError::Rule(
        "no_grassroots",
        text!(
            "Chi bộ không thuộc tổ chức cơ sở đảng nào",
            "The cell belongs to no grassroots party organisation"
        ),
    )
}

/// 422 `not_grassroots`: evaluation rounds are held by grassroots organisations.
pub fn rounds_at_grassroots() -> AppError {
    AppError::Rule(
        "not_grassroots",
        text!(
            "Đợt đánh giá được tổ chức theo tổ chức cơ sở đảng",
            "Evaluation rounds are held by grassroots party organisations"
        ),
    )
}

/// What a restructuring does to an organisation (named in the refusal of the scope's root).
#[derive(Debug, Clone, Copy)]
pub enum Restructuring {
    /// Moving it under another parent.
    Move,
    /// Merging it into another.
    Merge,
    /// Dissolving it.
    Dissolve,
}

/// 403: the root of the caller's scope is not restructured by the caller.
pub fn scope_root(doing: Restructuring) -> AppError {
    AppError::Forbidden(match doing {
        Restructuring::Move => text!(
            "Không thể chuyển tổ chức gốc của phạm vi quản lý",
            "You cannot move the root organisation of your scope"
        ),
        Restructuring::Merge => text!(
            "Không thể hợp nhất tổ chức gốc của phạm vi quản lý",
            "You cannot merge the root organisation of your scope"
        ),
        Restructuring::Dissolve => text!(
            "Không thể giải thể tổ chức gốc của phạm vi quản lý",
            "You cannot dissolve the root organisation of your scope"
        ),
    })
}

/// 422 on `field`, `organization_closed`: restructuring a closed organisation.
pub fn restructure_closed(field: &str, name: &str) -> AppError {
    AppError::field(field, "organization_closed", closed_named(name))
}

/// 422 `cycle`: an organisation moved into its own subtree.
pub fn move_into_own_subtree() -> AppError {
    AppError::Rule(
        "cycle",
        text!(
            "Không thể chuyển tổ chức vào chính cây trực thuộc của nó",
            "An organisation cannot move into its own subtree"
        ),
    )
}

/// 422 on `new_parent_id`, `same_parent`.
pub fn same_parent() -> AppError {
    AppError::field(
        "new_parent_id",
        "same_parent",
        text!(
            "Tổ chức đã trực thuộc tổ chức này",
            "The organisation is under this parent already"
        ),
    )
}

/// 422 on `into_id`, `cycle`: merged into itself or a subordinate.
pub fn merge_into_own_subtree() -> AppError {
    AppError::field(
        "into_id",
        "cycle",
        text!(
            "Không thể hợp nhất vào chính nó hoặc tổ chức trực thuộc nó",
            "An organisation cannot merge into itself or a subordinate"
        ),
    )
}

/// 409 `transfers_pending`: pending transfers inside a merged organisation.
pub fn transfers_pending() -> AppError {
    AppError::Conflict(
        "transfers_pending",
        text!(
            "Còn phiếu chuyển sinh hoạt chưa xử lý trong tổ chức; xử lý xong rồi hợp nhất",
            "Transfers inside the organisation are pending; decide them, then merge"
        ),
    )
}

/// 422 on `into_id`, `not_a_cell`: members are merged into a cell only.
pub fn merge_members_into_cell() -> AppError {
    AppError::field(
        "into_id",
        "not_a_cell",
        text!(
            "Đảng viên chỉ chuyển vào chi bộ: hãy hợp nhất vào một chi bộ",
            "Members move into a cell only: merge into a cell"
        ),
    )
}

/// 409 `not_empty`: only an empty organisation is dissolved.
pub fn not_empty() -> AppError {
    AppError::Conflict(
        "not_empty",
        text!(
            "Chỉ giải thể tổ chức không còn đảng viên và tổ chức trực thuộc",
            "Only an organisation without members or subordinate organisations is dissolved"
        ),
    )
}
