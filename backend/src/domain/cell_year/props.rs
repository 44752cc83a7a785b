//! Properties of the cell's year over random members, months and payments.

use chrono::NaiveDate;
use proptest::prelude::*;
use qldv_api_types::cell_year::{AbsenceCount, Attendance, DuesCategory, DuesLevel};

use super::attendance::nth_unexcused;
use super::dues::{amount, due_for, Basis};
use super::ledger::{allocate, settle, split, unpaid_months, Payment, Settled, Totals};
use super::{CellYearSettings, Dong, Month};

fn day(offset: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(offset))))
        .unwrap_or_default()
}

fn month(i: u32) -> Month {
    Month::new(2026, i % 12 + 1).unwrap_or(Month::of(day(0)))
}

proptest! {
    /// due = paid + deferred + arrears for every month, hence for every sum of them; what was
    /// collected is paid + extra; the unpaid months are among the months with arrears.
    #[test]
    fn the_dues_identity_holds_for_any_members_and_months(
        members in proptest::collection::vec(
            proptest::collection::vec((0i64..200_000, 0i64..300_000, any::<bool>(), any::<bool>()), 12),
            1..20,
        ),
        today in 0u32..400,
    ) {
        let today = day(today);
        let mut cell = Totals::default();
        for months in &members {
            let mut year = Totals::default();
            let settled: Vec<Settled> = months.iter().enumerate().map(|(i, (due, paid, deferred, member))| {
                settle(month(i as u32), *member, *due, *paid, *deferred, today)
            }).collect();
            for s in &settled {
                prop_assert_eq!(s.due, s.paid + s.deferred + s.arrears);
                prop_assert!(s.paid >= 0 && s.deferred >= 0 && s.arrears >= 0 && s.extra >= 0);
                year.add(s);
            }
            prop_assert!(year.balances());
            for m in unpaid_months(&settled, 2026) {
                prop_assert!(settled.iter().any(|s| s.month == m && s.arrears > 0 && s.paid == 0));
            }
            cell.merge(&year);
        }
        prop_assert!(cell.balances());
    }

    /// The split hands out exactly what was collected, whatever the ratios.
    #[test]
    fn the_split_never_loses_a_dong(collected in 0i64..10_000_000_000, a in 0u32..=100, b in 0u32..=100) {
        prop_assume!(a + b <= 100);
        let ratios = [
            (DuesLevel::Cell, 100 - a - b),
            (DuesLevel::Grassroots, a),
            (DuesLevel::AboveGrassroots, b),
        ];
        let parts = split(collected, &ratios);
        prop_assert_eq!(parts.iter().map(|(_, v)| *v).sum::<Dong>(), collected);
        prop_assert!(parts.iter().all(|(_, v)| *v >= 0));
    }

    /// A payment is spread without loss, and no month but the last gets more than its due.
    #[test]
    fn a_payment_is_spread_without_loss(amount_paid in 1i64..5_000_000, months in 1u32..13, due in 0i64..200_000) {
        let p = Payment { on: day(0), first: month(0), months, amount: amount_paid };
        let parts = allocate(&p, |_| due);
        prop_assert_eq!(parts.len(), months as usize);
        prop_assert_eq!(parts.iter().map(|(_, v)| *v).sum::<Dong>(), amount_paid);
        for (_, v) in &parts[..parts.len() - 1] {
            prop_assert!(*v <= due);
        }
    }

    /// The amount never goes down as the base goes up, is never negative, and a month uses the
    /// basis in force on its first day (a retirement or a new salary mid-month waits a month).
    #[test]
    fn a_month_uses_the_basis_of_its_first_day(
        changes in proptest::collection::vec((0u32..365, 0usize..5, 0i64..50_000_000), 1..6),
        extra in 0i64..1_000_000,
    ) {
        let s = CellYearSettings::default();
        let cats = [
            DuesCategory::SocialInsuranceSalary,
            DuesCategory::SicknessMaternityBenefit,
            DuesCategory::Pension,
            DuesCategory::NoInsuranceWorkingAge,
            DuesCategory::NoInsuranceRetirementAge,
        ];
        let bases: Vec<Basis> = changes.iter().map(|(o, c, b)| Basis { from: day(*o), category: cats[*c], base: *b }).collect();
        for b in &bases {
            let on = day(0);
            let more = Basis { base: b.base + extra, ..*b };
            prop_assert!(amount(b, &s, on) >= 0);
            prop_assert!(amount(&more, &s, on) >= amount(b, &s, on));
        }
        for i in 0..12 {
            let m = month(i);
            let in_force = bases.iter().filter(|b| b.from <= m.first_day()).max_by_key(|b| b.from);
            let expected = in_force.map_or(0, |b| amount(b, &s, m.first_day()));
            // Equal dates: the one the caller stores last is not defined; compare amounts only
            // when the latest date is unique.
            let latest = in_force.map(|b| b.from);
            if bases.iter().filter(|b| Some(b.from) == latest).count() <= 1 {
                prop_assert_eq!(due_for(&bases, &[], &s, m), expected);
            }
        }
    }

    /// Counting by months never reaches the threshold before counting by meetings, and a
    /// present or excused record never changes either.
    #[test]
    fn months_count_no_faster_than_meetings(
        records in proptest::collection::vec((0u32..365, 0usize..3), 0..30),
        threshold in 1u32..6,
    ) {
        let values = [Attendance::Present, Attendance::Excused, Attendance::Absent];
        let recs: Vec<(NaiveDate, Attendance)> = records.iter().map(|(o, v)| (day(*o), values[*v])).collect();
        let by_meetings = nth_unexcused(&recs, 2026, AbsenceCount::Meetings, threshold);
        let by_months = nth_unexcused(&recs, 2026, AbsenceCount::Months, threshold);
        if let Some(m) = by_months {
            prop_assert!(by_meetings.is_some_and(|x| x <= m));
        }
        let mut more = recs.clone();
        more.push((day(100), Attendance::Present));
        more.push((day(200), Attendance::Excused));
        prop_assert_eq!(nth_unexcused(&more, 2026, AbsenceCount::Meetings, threshold), by_meetings);
    }
}
