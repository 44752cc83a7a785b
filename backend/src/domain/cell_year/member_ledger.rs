//! Rules 32 and 33 together: one member's months settled from everything recorded for them —
//! dated bases, reliefs, arrangements and payments — in the cell they belonged to each month.
//! What the dues services write into `dues_months`, in one pure function.

use chrono::NaiveDate;
use qldv_api_types::cell_year::DuesArrangementKind;

use super::dues::{basis_for, due_for, Basis, Relief};
use super::ledger::{allocate, settle, Arrangement, Payment, Settled};
use super::{CellYearSettings, Dong, Month};

/// Everything recorded for one member.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberFacts {
    /// Dated bases.
    pub bases: Vec<Basis>,
    /// Exemptions and reductions.
    pub reliefs: Vec<Relief>,
    /// Deferrals and prepayments.
    pub arrangements: Vec<Arrangement>,
    /// Payments.
    pub payments: Vec<Payment>,
}

impl MemberFacts {
    /// The last month a payment reaches (a prepayment reaches past this month). An
    /// arrangement alone does not: a month that has not come is settled when its sheet is.
    pub fn last_paid_month(&self) -> Option<Month> {
        self.payments
            .iter()
            .filter_map(|p| super::ledger::months_of(p).last())
            .max()
    }

    /// Whether a deferral covers `month`.
    pub fn deferred(&self, month: Month) -> bool {
        self.arrangements
            .iter()
            .any(|a| a.kind == DuesArrangementKind::Deferral && a.covers(month))
    }
}

/// The due of `month` for these facts (rule 32), with the settings of that month.
pub fn due_of(f: &MemberFacts, settings: &CellYearSettings, month: Month) -> Dong {
    due_for(&f.bases, &f.reliefs, settings, month)
}

/// Settles each of `months` (ascending) for a member: the due of each month by its own
/// settings (`settings(month)`), what every payment allocates to it, a deferral covering it,
/// and whether the member belonged to a cell that month (`member(month)`; a month without a
/// basis is not due either). The identity `due = paid + deferred + arrears` holds in every row.
pub fn settle_months<'s>(
    f: &MemberFacts,
    months: &[Month],
    settings: impl Fn(Month) -> &'s CellYearSettings,
    member: impl Fn(Month) -> bool,
    today: NaiveDate,
) -> Vec<Settled> {
    let due = |m: Month| due_of(f, settings(m), m);
    let mut paid: std::collections::BTreeMap<Month, Dong> = std::collections::BTreeMap::new();
    for p in &f.payments {
        for (m, share) in allocate(p, due) {
            *paid.entry(m).or_insert(0) += share;
        }
    }
    months
        .iter()
        .map(|&m| {
            let in_force = member(m) && basis_for(&f.bases, m).is_some();
            settle(
                m,
                in_force,
                due(m),
                paid.get(&m).copied().unwrap_or(0),
                f.deferred(m),
                today,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use qldv_api_types::cell_year::{DuesCategory, DuesMonthState as S};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }
    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap_or(Month { year: y, month: 1 })
    }

    #[test]
    fn a_year_of_payments_a_prepayment_a_deferral_and_arrears() {
        let s = CellYearSettings::default();
        let f = MemberFacts {
            bases: vec![Basis {
                from: d(2020, 1, 1),
                category: DuesCategory::SocialInsuranceSalary,
                base: 10_000_000,
            }],
            reliefs: vec![],
            arrangements: vec![Arrangement {
                kind: DuesArrangementKind::Deferral,
                from: m(2026, 5),
                to: m(2026, 6),
            }],
            payments: vec![
                Payment {
                    on: d(2026, 1, 5),
                    first: m(2026, 1),
                    months: 3,
                    amount: 300_000,
                },
                Payment {
                    on: d(2026, 4, 5),
                    first: m(2026, 4),
                    months: 1,
                    amount: 60_000,
                },
            ],
        };
        let months: Vec<Month> = Month::of_year(2026).take(8).collect();
        let out = settle_months(&f, &months, |_| &s, |mo| mo.month != 8, d(2026, 8, 2));
        let states: Vec<S> = out.iter().map(|x| x.state).collect();
        assert_eq!(
            states,
            [
                S::Paid,
                S::Paid,
                S::Paid,
                S::PartlyPaid,
                S::Deferred,
                S::Deferred,
                S::Unpaid,
                S::NotDue
            ]
        );
        assert!(out.iter().all(|x| x.due == x.paid + x.deferred + x.arrears));
        assert_eq!(out[3].arrears, 40_000);
        // The prepayment reaches April; the deferral to June does not widen what is settled.
        assert_eq!(f.last_paid_month(), Some(m(2026, 4)));
        // Without a basis nothing is due.
        let none = MemberFacts::default();
        let out = settle_months(&none, &months[..1], |_| &s, |_| true, d(2026, 8, 2));
        assert_eq!((out[0].state, out[0].due), (S::NotDue, 0));
    }
}
