//! Party dues (issue 23): the one place a refused basis, relief, arrangement or sheet line
//! becomes an [`AppError`] (the rules' own messages, in Vietnamese and English).

use super::text;
use crate::domain::cell_year::dues::DuesRefusal;
use crate::domain::cell_year::ledger::PaymentRefusal;
use crate::error::{AppError, FieldIssue};

/// 422 on the field the refusal concerns.
pub fn refused(r: DuesRefusal) -> AppError {
    let field = match r {
        DuesRefusal::NegativeBase | DuesRefusal::BaseRequired(_) => "base",
        DuesRefusal::ReliefPercent(_) => "percent",
        DuesRefusal::ReliefTooLong { .. }
        | DuesRefusal::ReliefOpenEnded
        | DuesRefusal::ReliefBackwards => "to_month",
    };
    AppError::field(field, r.code(), r.message())
}

/// 422 `dues_relief_backwards` on `to_month`: an arrangement ends before it begins.
pub fn arrangement_backwards() -> AppError {
    refused(DuesRefusal::ReliefBackwards)
}

/// A refused line of a sheet, `payments[index]`.
pub fn payment_line(index: usize, r: PaymentRefusal) -> FieldIssue {
    let field = match r {
        PaymentRefusal::Empty => "amount",
        PaymentRefusal::PrepaymentNotArranged(_) => "months",
    };
    FieldIssue::new(format!("payments[{index}].{field}"), r.code(), r.message())
}

/// A line for a member who does not belong to the cell that month.
pub fn not_in_cell(index: usize, month: crate::domain::cell_year::Month) -> FieldIssue {
    FieldIssue::new(
        format!("payments[{index}].member_id"),
        "dues_not_in_cell",
        text!(
            "Đảng viên không sinh hoạt ở chi bộ này trong tháng {month}",
            "The member does not belong to this cell in {month}"
        ),
    )
}

/// A member listed twice on one sheet.
pub fn repeated(index: usize) -> FieldIssue {
    FieldIssue::new(
        format!("payments[{index}].member_id"),
        "dues_line_repeated",
        text!(
            "Đảng viên đã có trong bảng thu tháng này",
            "The member is already on this sheet"
        ),
    )
}

/// 422 with every refused line of a sheet at once.
pub fn sheet_refused(issues: Vec<FieldIssue>) -> AppError {
    AppError::Validation(issues)
}
