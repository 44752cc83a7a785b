//! Rule 33: a member's dues month by month — payments (a prepayment covers later months),
//! deferrals, arrears — and the split of what a cell collects between the levels; rule 37:
//! the months unpaid in a year.
//!
//! Per month: `due = paid + deferred + arrears`, where `paid` is what was paid towards the
//! month up to its due amount (more is `extra`, a voluntary higher payment, reported apart),
//! `deferred` the rest when an arrangement defers the month, and `arrears` the rest otherwise.
//! The identity holds for every month, so for every sum of months, members and organisations.

use chrono::NaiveDate;
use qldv_api_types::cell_year::{DuesArrangementKind, DuesLevel, DuesMonthState};

use super::{Dong, Month};

/// An arrangement recorded for a member (01-QĐ/TW art. 5 §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrangement {
    /// Deferral or prepayment.
    pub kind: DuesArrangementKind,
    /// First month covered.
    pub from: Month,
    /// Last month covered.
    pub to: Month,
}

impl Arrangement {
    /// Whether it covers `month`.
    pub fn covers(&self, month: Month) -> bool {
        self.from <= month && month <= self.to
    }
}

/// One payment: an amount towards consecutive months starting at `first`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Payment {
    /// Paid on.
    pub on: NaiveDate,
    /// First month it pays for.
    pub first: Month,
    /// How many months (1 for a monthly payment).
    pub months: u32,
    /// The amount.
    pub amount: Dong,
}

/// Why a payment is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentRefusal {
    /// Zero or negative amount, or zero months.
    Empty,
    /// It pays for a month after the payment's own month without a prepayment arrangement
    /// covering that month.
    PrepaymentNotArranged(Month),
}

impl PaymentRefusal {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "dues_payment_empty",
            Self::PrepaymentNotArranged(_) => "dues_prepayment_not_arranged",
        }
    }

    /// The message, in Vietnamese and English.
    pub fn message(&self) -> crate::messages::Text {
        use crate::messages::text;
        match self {
            Self::Empty => text!(
                "Khoản nộp phải có số tiền và số tháng",
                "A payment needs an amount and a number of months"
            ),
            Self::PrepaymentNotArranged(m) => text!(
                "Tháng {m} chưa đến: chỉ đảng viên được chi bộ cho đóng trước mới đóng trước đảng phí",
                "Month {m} has not come: only members the cell allows to pay ahead may prepay dues"
            ),
        }
    }
}

/// The months a payment covers.
pub fn months_of(p: &Payment) -> impl Iterator<Item = Month> {
    std::iter::successors(Some(p.first), |m| Some(m.next())).take(p.months as usize)
}

/// Checks a payment: months ahead of the payment's month need a prepayment arrangement.
pub fn check_payment(p: &Payment, arrangements: &[Arrangement]) -> Result<(), PaymentRefusal> {
    if p.amount <= 0 || p.months == 0 {
        return Err(PaymentRefusal::Empty);
    }
    let now = Month::of(p.on);
    let ahead = months_of(p).find(|m| {
        *m > now
            && !arrangements
                .iter()
                .any(|a| a.kind == DuesArrangementKind::Prepayment && a.covers(*m))
    });
    match ahead {
        Some(m) => Err(PaymentRefusal::PrepaymentNotArranged(m)),
        None => Ok(()),
    }
}

/// Spreads a payment over its months: each month up to what is due (`due(month)`), in order;
/// what remains goes to the last month (as a voluntary higher payment).
pub fn allocate(p: &Payment, due: impl Fn(Month) -> Dong) -> Vec<(Month, Dong)> {
    let months: Vec<Month> = months_of(p).collect();
    let mut left = p.amount.max(0);
    let mut out = Vec::with_capacity(months.len());
    for (i, m) in months.iter().enumerate() {
        let share = if i + 1 == months.len() {
            left
        } else {
            left.min(due(*m).max(0))
        };
        left -= share;
        out.push((*m, share));
    }
    out
}

/// One member's month, settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settled {
    /// The month.
    pub month: Month,
    /// Its state.
    pub state: DuesMonthState,
    /// Due.
    pub due: Dong,
    /// Paid towards it, up to `due`.
    pub paid: Dong,
    /// Deferred by an arrangement.
    pub deferred: Dong,
    /// Not paid and not deferred.
    pub arrears: Dong,
    /// Paid beyond what was due.
    pub extra: Dong,
}

/// Settles one month: `due` (0 when exempt or not a member, see `member`), what was paid
/// towards it, whether a deferral covers it, on `today`.
pub fn settle(
    month: Month,
    member: bool,
    due: Dong,
    paid: Dong,
    deferred: bool,
    today: NaiveDate,
) -> Settled {
    use DuesMonthState as S;
    let due = if member { due.max(0) } else { 0 };
    let paid_total = paid.max(0);
    let applied = paid_total.min(due);
    let rest = due - applied;
    let (deferred_amount, arrears) = if deferred { (rest, 0) } else { (0, rest) };
    let state = if !member {
        S::NotDue
    } else if due == 0 {
        S::Exempt
    } else if rest == 0 {
        S::Paid
    } else if deferred {
        S::Deferred
    } else if !month.ended(today) {
        S::Open
    } else if applied > 0 {
        S::PartlyPaid
    } else {
        S::Unpaid
    };
    Settled {
        month,
        state,
        due,
        paid: applied,
        deferred: deferred_amount,
        arrears,
        extra: paid_total - applied,
    }
}

/// Sums of settled months (a member's year, a cell's month, a province's year…).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Due.
    pub due: Dong,
    /// Paid towards what was due.
    pub paid: Dong,
    /// Deferred.
    pub deferred: Dong,
    /// In arrears.
    pub arrears: Dong,
    /// Paid beyond what was due.
    pub extra: Dong,
}

impl Totals {
    /// Adds one settled month.
    pub fn add(&mut self, s: &Settled) {
        self.due += s.due;
        self.paid += s.paid;
        self.deferred += s.deferred;
        self.arrears += s.arrears;
        self.extra += s.extra;
    }

    /// Adds other totals.
    pub fn merge(&mut self, o: &Totals) {
        self.due += o.due;
        self.paid += o.paid;
        self.deferred += o.deferred;
        self.arrears += o.arrears;
        self.extra += o.extra;
    }

    /// The report's identity: due = paid + deferred + arrears.
    pub fn balances(&self) -> bool {
        self.due == self.paid + self.deferred + self.arrears
    }

    /// What was collected: paid plus extra.
    pub fn collected(&self) -> Dong {
        self.paid + self.extra
    }
}

/// Rule 37: the months of `year` unpaid (nothing paid, not deferred, not exempt, ended).
/// A month partly paid is in arrears for its rest but is not an unpaid month.
pub fn unpaid_months(settled: &[Settled], year: i32) -> Vec<Month> {
    let mut v: Vec<Month> = settled
        .iter()
        .filter(|s| s.month.year == year && s.state == DuesMonthState::Unpaid)
        .map(|s| s.month)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Rule 33: splits `collected` between the levels by the ratios (percent, adding up to 100).
/// Each level but the cell gets its share rounded down; the cell keeps the rest, so the parts
/// always add up to what was collected.
pub fn split(collected: Dong, ratios: &[(DuesLevel, u32)]) -> Vec<(DuesLevel, Dong)> {
    let total = collected.max(0);
    let mut out: Vec<(DuesLevel, Dong)> = ratios
        .iter()
        .filter(|(l, _)| *l != DuesLevel::Cell)
        .map(|(l, pct)| {
            let part = i128::from(total) * i128::from(*pct) / 100;
            (*l, Dong::try_from(part).unwrap_or(0))
        })
        .collect();
    let others: Dong = out.iter().map(|(_, v)| v).sum();
    out.insert(0, (DuesLevel::Cell, total - others));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use DuesMonthState as S;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }
    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap_or(Month { year: y, month: 1 })
    }

    #[test]
    fn months_settle_into_paid_deferred_and_arrears() {
        let today = d(2026, 7, 10);
        let s = |mo, due, paid, deferred| settle(m(2026, mo), true, due, paid, deferred, today);
        assert_eq!(s(3, 50_000, 50_000, false).state, S::Paid);
        let partly = s(3, 50_000, 20_000, false);
        assert_eq!((partly.state, partly.arrears), (S::PartlyPaid, 30_000));
        let deferred = s(4, 50_000, 0, true);
        assert_eq!(
            (deferred.state, deferred.deferred, deferred.arrears),
            (S::Deferred, 50_000, 0)
        );
        assert_eq!(s(5, 50_000, 0, false).state, S::Unpaid);
        assert_eq!(s(7, 50_000, 0, false).state, S::Open);
        assert_eq!(s(5, 0, 0, false).state, S::Exempt);
        let extra = s(5, 50_000, 80_000, false);
        assert_eq!(
            (extra.paid, extra.extra, extra.state),
            (50_000, 30_000, S::Paid)
        );
        let gone = settle(m(2026, 5), false, 50_000, 0, false, today);
        assert_eq!((gone.state, gone.due), (S::NotDue, 0));
        let mut t = Totals::default();
        for x in [partly, deferred, extra, gone] {
            t.add(&x);
        }
        assert!(t.balances());
        assert_eq!(t.collected(), 100_000);
    }

    #[test]
    fn three_unpaid_months_in_a_year() {
        let today = d(2027, 1, 5);
        let settled: Vec<Settled> = Month::of_year(2026)
            .map(|mo| {
                let paid = if [2, 6, 11].contains(&mo.month) {
                    0
                } else {
                    40_000
                };
                let deferred = mo.month == 8;
                settle(
                    mo,
                    true,
                    40_000,
                    if deferred { 0 } else { paid },
                    deferred,
                    today,
                )
            })
            .collect();
        assert_eq!(
            unpaid_months(&settled, 2026),
            vec![m(2026, 2), m(2026, 6), m(2026, 11)]
        );
        assert_eq!(unpaid_months(&settled, 2025), vec![]);
    }

    #[test]
    fn prepayments_need_an_arrangement_and_spread_over_their_months() {
        let p = Payment {
            on: d(2026, 3, 2),
            first: m(2026, 3),
            months: 4,
            amount: 170_000,
        };
        assert_eq!(
            check_payment(&p, &[]).err().map(|e| e.code()),
            Some("dues_prepayment_not_arranged")
        );
        let arranged = Arrangement {
            kind: DuesArrangementKind::Prepayment,
            from: m(2026, 4),
            to: m(2026, 9),
        };
        assert_eq!(check_payment(&p, &[arranged]), Ok(()));
        // A deferral is not a prepayment.
        let deferral = Arrangement {
            kind: DuesArrangementKind::Deferral,
            ..arranged
        };
        assert!(check_payment(&p, &[deferral]).is_err());
        assert_eq!(
            allocate(&p, |_| 40_000),
            vec![
                (m(2026, 3), 40_000),
                (m(2026, 4), 40_000),
                (m(2026, 5), 40_000),
                (m(2026, 6), 50_000)
            ]
        );
        // Late payment of past months needs nothing.
        let late = Payment {
            on: d(2026, 9, 1),
            first: m(2026, 5),
            months: 3,
            amount: 120_000,
        };
        assert_eq!(check_payment(&late, &[]), Ok(()));
        assert!(check_payment(&Payment { amount: 0, ..late }, &[]).is_err());
    }

    #[test]
    fn the_split_adds_up_to_what_was_collected() {
        let ratios = [
            (DuesLevel::Cell, 30),
            (DuesLevel::Grassroots, 30),
            (DuesLevel::AboveGrassroots, 40),
        ];
        assert_eq!(
            split(1_000_001, &ratios),
            vec![
                (DuesLevel::Cell, 300_001),
                (DuesLevel::Grassroots, 300_000),
                (DuesLevel::AboveGrassroots, 400_000)
            ]
        );
        assert_eq!(split(0, &ratios).iter().map(|(_, v)| v).sum::<Dong>(), 0);
    }
}
