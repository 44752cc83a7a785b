//! The cell's year (issue 23; rules 32–39 of `docs/rules.md`; design in `docs/cell-year.md`):
//! pure rules over a cell's meetings, attendance, duties, residence liaison and party dues.
//!
//! - [`dues`]: the monthly amount from a member's dated basis and the dated rates of 01-QĐ/TW
//!   (integer đồng, rounding a setting), reliefs (rule 32);
//! - [`ledger`]: payments, prepayments and deferrals month by month, arrears, and the split
//!   between levels, with due = paid + deferred + arrears (rule 33);
//! - [`meetings`]: the regular and topical meetings due against held (rule 34);
//! - [`attendance`]: who is expected, the sheet's refusals, attendance rates (rule 35) and the
//!   third unexcused absence (rule 36);
//! - [`ledger::unpaid_months`]: the months unpaid without a deferral (rule 37);
//! - [`duties`]: review, closure on a transfer or exit, the shares 366-QĐ/TW reads (rule 38);
//! - [`liaison`]: the residence cell's yearly comment, due or missing (rule 39).
//!
//! Nothing here reads storage: the caller gathers the member's facts on each date.

pub mod attendance;
pub mod dues;
pub mod duties;
pub mod ledger;
pub mod liaison;
pub mod meetings;
pub mod member_ledger;
pub mod settings;
pub mod subtree;

#[cfg(test)]
mod props;

pub use qldv_api_types::cell_year::{
    AbsenceCount, Attendance, CellYearAlertKind, DuesArrangementKind, DuesCategory, DuesLevel,
    DuesMonthState, DuesRelief, DutyClosure, DutyResult, LiaisonCommentState, LiaisonMode,
    MeetingKind, PaymentChannel,
};
pub use qldv_api_types::month::Month;
pub use settings::CellYearSettings;

/// An amount of money in đồng. Never a float.
pub type Dong = i64;
