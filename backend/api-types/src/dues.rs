//! Party dues under 01-QĐ/TW (2026) (issue 23; `docs/cell-year.md`, rules 32, 33 and 37).
//!
//! Every amount is an integer number of đồng (a JSON integer), never a float. Each member's
//! month holds the identity `due = paid + deferred + arrears`; `extra` is paid beyond the due.

use crate::cell_year::{
    DuesArrangementKind, DuesCategory, DuesLevel, DuesMonthState, DuesRelief, PaymentChannel,
};
use crate::ids::{DuesArrangementId, DuesBasisId, DuesPaymentId, DuesReliefId, MemberId, OrgId};
use crate::month::Month;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// Sums of dues over members and months. `due = paid + deferred + arrears` always holds.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuesTotals {
    /// Members counted.
    pub members: u32,
    /// Due, in đồng.
    pub due: i64,
    /// Paid towards the due.
    pub paid: i64,
    /// Deferred by an arrangement.
    pub deferred: i64,
    /// In arrears (unpaid and not deferred, months ended).
    pub arrears: i64,
    /// Paid beyond the due (voluntary extra).
    pub extra: i64,
    /// Members with an unpaid month.
    pub unpaid_members: u32,
}

/// One member's dues for one month.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuesMonth {
    /// The month.
    pub month: Month,
    /// Due.
    pub due: i64,
    /// Paid towards the due.
    pub paid: i64,
    /// Deferred.
    pub deferred: i64,
    /// In arrears.
    pub arrears: i64,
    /// Paid beyond the due.
    pub extra: i64,
    /// The state.
    pub state: DuesMonthState,
    /// The dues document in force that month.
    pub regulation: String,
}

/// One member's line of a cell's dues sheet for a month.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuesSheetLine {
    /// The member.
    pub member_id: MemberId,
    /// Full name.
    pub full_name: String,
    /// What the dues are computed from (absent: no basis recorded yet).
    pub category: Option<DuesCategory>,
    /// The income base in đồng: personal data, absent for readers who may not see it.
    pub base: Option<i64>,
    /// The month's dues.
    pub month: DuesMonth,
    /// Arrears of ended months up to this one.
    pub arrears_to_date: i64,
    /// The month is covered by a recorded arrangement.
    pub arrangement: Option<DuesArrangementKind>,
    /// The payment this month's sheet recorded for the member, as a `PUT` sends it (absent:
    /// none). Sending the sheet back with it keeps it as it is (months, first month, receipt).
    pub payment: Option<DuesPaymentLine>,
}

/// A cell's dues sheet for a month: every member of the cell that month.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuesSheet {
    /// The cell.
    pub organization_id: OrgId,
    /// The month.
    pub month: Month,
    /// One line per member, in Vietnamese alphabetical order.
    pub lines: Vec<DuesSheetLine>,
    /// The sums of the lines.
    pub totals: DuesTotals,
}

/// One payment on a month's sheet.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuesPaymentLine {
    /// The member.
    pub member_id: MemberId,
    /// Amount paid, in đồng (> 0).
    #[validate(range(min = 1))]
    pub amount: i64,
    /// Months it covers from the sheet's month (more than one: a prepayment, which needs its
    /// arrangement). Default 1.
    #[serde(default = "one_month")]
    #[validate(range(min = 1, max = 24))]
    pub months: u32,
    /// The first month it pays for (absent: the sheet's month). An earlier month pays arrears
    /// late; a later one is a prepayment and needs its arrangement.
    #[serde(default)]
    pub first_month: Option<Month>,
    /// How it was paid.
    pub channel: PaymentChannel,
    /// The receipt or transaction number.
    #[validate(length(min = 1, max = 100))]
    pub receipt_no: Option<String>,
}

fn one_month() -> u32 {
    1
}

/// A month's dues sheet as the secretary records it: the payments of that month's collection.
/// The sheet replaces the payments recorded earlier by the same sheet for the same month.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"paid_on": "2026-11-05", "payments": [{"member_id": 12, "amount": 85000, "channel": "cash"}]})))]
pub struct RecordDuesSheet {
    /// The day of the collection.
    pub paid_on: NaiveDate,
    /// One line per member paying.
    #[validate(nested, length(max = 2000))]
    pub payments: Vec<DuesPaymentLine>,
}

/// A recorded payment.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuesPayment {
    /// Id.
    pub id: DuesPaymentId,
    /// The member.
    pub member_id: MemberId,
    /// The collecting cell.
    pub organization_id: OrgId,
    /// Paid on.
    pub paid_on: NaiveDate,
    /// The first month covered.
    pub first_month: Month,
    /// Months covered.
    pub months: u32,
    /// Amount in đồng.
    pub amount: i64,
    /// How.
    pub channel: PaymentChannel,
    /// Receipt number.
    pub receipt_no: Option<String>,
}

/// A dated basis for a member's dues (rule 32): from that day on, dues are computed from it.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetDuesBasis {
    /// In force from.
    pub from_on: NaiveDate,
    /// The category.
    pub category: DuesCategory,
    /// The income base in đồng (salary, pension or benefit), or the fixed amount for `other`
    /// and `abroad`; 0 for categories with a fixed amount from the settings.
    #[validate(range(min = 0))]
    pub base: i64,
}

/// A recorded basis.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuesBasis {
    /// Id.
    pub id: DuesBasisId,
    /// The member.
    pub member_id: MemberId,
    /// In force from.
    pub from_on: NaiveDate,
    /// The category.
    pub category: DuesCategory,
    /// The base in đồng: absent for readers who may not see it.
    pub base: Option<i64>,
}

/// An exemption or reduction to record (rule 32, art. 5).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDuesRelief {
    /// The ground.
    pub kind: DuesRelief,
    /// First month.
    pub from_month: Month,
    /// Last month (absent: open-ended, allowed for the grounds without a limit).
    pub to_month: Option<Month>,
    /// Percent relieved: 100 (exempt), or 30, 50 or 70 for a reduction.
    pub percent: u32,
    /// The application's number, for the grounds on application.
    #[validate(length(min = 1, max = 100))]
    pub application_no: Option<String>,
    /// Decided on.
    pub decided_on: NaiveDate,
}

/// A recorded relief.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuesReliefRecord {
    /// Id.
    pub id: DuesReliefId,
    /// The member.
    pub member_id: MemberId,
    /// The ground.
    pub kind: DuesRelief,
    /// First month.
    pub from_month: Month,
    /// Last month (absent: open-ended).
    pub to_month: Option<Month>,
    /// Percent relieved.
    pub percent: u32,
    /// The application's number.
    pub application_no: Option<String>,
    /// Decided on.
    pub decided_on: NaiveDate,
}

/// A deferral or prepayment arrangement to record (art. 5 §2).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDuesArrangement {
    /// Deferral or prepayment.
    pub kind: DuesArrangementKind,
    /// First month covered.
    pub from_month: Month,
    /// Last month covered.
    pub to_month: Month,
    /// The decision's number.
    #[validate(length(min = 1, max = 100))]
    pub decision_no: String,
    /// Decided on.
    pub decided_on: NaiveDate,
}

/// A recorded arrangement.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuesArrangement {
    /// Id.
    pub id: DuesArrangementId,
    /// The member.
    pub member_id: MemberId,
    /// Deferral or prepayment.
    pub kind: DuesArrangementKind,
    /// First month covered.
    pub from_month: Month,
    /// Last month covered.
    pub to_month: Month,
    /// The decision's number.
    pub decision_no: String,
    /// Decided on.
    pub decided_on: NaiveDate,
}

/// A member's dues of a year.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberDues {
    /// The member.
    pub member_id: MemberId,
    /// The year.
    pub year: i32,
    /// The bases in force during the year (bases masked as in the sheet).
    pub bases: Vec<DuesBasis>,
    /// The twelve months (months not due included, as `not_due`).
    pub months: Vec<DuesMonth>,
    /// The payments recorded in the year.
    pub payments: Vec<DuesPayment>,
    /// The year's sums.
    pub totals: DuesTotals,
}

/// What one level keeps of the dues collected (when the split ratios are set).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuesShare {
    /// The level.
    pub level: DuesLevel,
    /// Its part in đồng (the cell keeps the rounding remainder, so the parts add up).
    pub amount: i64,
}
