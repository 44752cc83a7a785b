//! Party age (rule 5): from the day the first admission decision was signed to the reference
//! date, minus interruptions (time out of the party before a re-admission, time out of contact,
//! the gap of a transfer). Only members who were recognised official have a party age.

use chrono::NaiveDate;

use super::calendar::{add_months, full_months};

/// A half-open period `[from, to)`; `to = None` means still going on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// First day after the period, if it has ended.
    pub to: Option<NaiveDate>,
}

/// What party age is computed from (built from the member's events).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyAgeFacts {
    /// Date the first admission decision was signed.
    pub first_decision: NaiveDate,
    /// Whether the member was ever recognised official.
    pub recognised: bool,
    /// Interruptions, in any order, possibly overlapping.
    pub interruptions: Vec<Period>,
}

/// A party age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartyAge {
    /// Whole years.
    pub years: u32,
    /// Whole months after the years.
    pub months: u32,
    /// Days after the months.
    pub days: u32,
    /// The first admission decision date.
    pub since: NaiveDate,
    /// Days of interruption subtracted.
    pub interruptions_days: i64,
}

/// Total days of the union of `periods` inside `[start, end)`.
pub fn covered_days(periods: &[Period], start: NaiveDate, end: NaiveDate) -> i64 {
    let mut clipped: Vec<(NaiveDate, NaiveDate)> = periods
        .iter()
        .map(|p| (p.from.max(start), p.to.unwrap_or(end).min(end)))
        .filter(|(a, b)| a < b)
        .collect();
    clipped.sort();
    let mut total = 0;
    let mut current: Option<(NaiveDate, NaiveDate)> = None;
    for (a, b) in clipped {
        current = match current {
            Some((ca, cb)) if a <= cb => Some((ca, cb.max(b))),
            Some((ca, cb)) => {
                total += (cb - ca).num_days();
                Some((a, b))
            }
            None => Some((a, b)),
        };
    }
    if let Some((ca, cb)) = current {
        total += (cb - ca).num_days();
    }
    total
}

/// The party age on `as_of`, or `None` when the member was never recognised official or
/// `as_of` is before the first decision.
pub fn party_age(facts: &PartyAgeFacts, as_of: NaiveDate) -> Option<PartyAge> {
    if !facts.recognised || as_of < facts.first_decision {
        return None;
    }
    let interruptions_days = covered_days(&facts.interruptions, facts.first_decision, as_of);
    // Move the end back by the interruptions, then count calendar years, months and days from
    // the first decision: the end never moves backwards as `as_of` advances, so the age is
    // monotone (and frozen during an open interruption).
    let end = as_of - chrono::Duration::days(interruptions_days);
    let total_months = full_months(facts.first_decision, end);
    let after_months = add_months(facts.first_decision, total_months);
    let days = u32::try_from((end - after_months).num_days()).unwrap_or(0);
    Some(PartyAge {
        years: total_months / 12,
        months: total_months % 12,
        days,
        since: facts.first_decision,
        interruptions_days,
    })
}

/// Whole years of party age on `as_of` (for lists and badge milestones).
pub fn years(facts: &PartyAgeFacts, as_of: NaiveDate) -> Option<u32> {
    party_age(facts, as_of).map(|a| a.years)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn facts(first: NaiveDate, interruptions: Vec<Period>) -> PartyAgeFacts {
        PartyAgeFacts {
            first_decision: first,
            recognised: true,
            interruptions,
        }
    }

    #[test]
    fn counts_from_the_first_decision() {
        let f = facts(d(1995, 5, 19), vec![]);
        let a = party_age(&f, d(2025, 5, 19)).unwrap_or_else(|| unreachable!());
        assert_eq!((a.years, a.months, a.days), (30, 0, 0));
        let a = party_age(&f, d(2025, 5, 18)).unwrap_or_else(|| unreachable!());
        assert_eq!((a.years, a.months, a.days), (29, 11, 29));
        assert_eq!(a.since, d(1995, 5, 19));
    }

    #[test]
    fn unrecognised_members_have_no_party_age() {
        let mut f = facts(d(2025, 1, 1), vec![]);
        f.recognised = false;
        assert_eq!(party_age(&f, d(2026, 6, 1)), None);
        let f = facts(d(2025, 1, 1), vec![]);
        assert_eq!(party_age(&f, d(2024, 12, 31)), None);
    }

    #[test]
    fn interruptions_are_subtracted_once_even_when_they_overlap() {
        let gap = Period {
            from: d(2000, 1, 1),
            to: Some(d(2000, 1, 11)),
        };
        let overlapping = Period {
            from: d(2000, 1, 6),
            to: Some(d(2000, 1, 21)),
        };
        let f = facts(d(1990, 1, 1), vec![gap, overlapping]);
        let a = party_age(&f, d(2020, 1, 1)).unwrap_or_else(|| unreachable!());
        assert_eq!(a.interruptions_days, 20);
        assert_eq!((a.years, a.months, a.days), (29, 11, 11));
    }

    #[test]
    fn an_open_interruption_freezes_the_age() {
        let out = Period {
            from: d(2010, 1, 1),
            to: None,
        };
        let f = facts(d(2000, 1, 1), vec![out]);
        let a = party_age(&f, d(2030, 1, 1)).unwrap_or_else(|| unreachable!());
        assert_eq!(a.years, 10);
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (1950i32..2040, 1u32..13, 1u32..29).prop_map(|(y, m, dd)| d(y, m, dd))
    }

    fn period() -> impl Strategy<Value = Period> {
        (date(), 0i64..3000, proptest::bool::weighted(0.9)).prop_map(|(from, len, closed)| Period {
            from,
            to: closed.then(|| from + chrono::Duration::days(len)),
        })
    }

    proptest! {
        /// Age never decreases with the reference date, and never exceeds the uninterrupted age.
        #[test]
        fn monotone_and_bounded(first in date(), ps in proptest::collection::vec(period(), 0..5),
                                a in date(), b in date()) {
            let f = facts(first, ps);
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            if let (Some(x), Some(y)) = (party_age(&f, lo), party_age(&f, hi)) {
                prop_assert!((x.years, x.months, x.days) <= (y.years, y.months, y.days));
            }
            if let Some(x) = party_age(&f, hi) {
                let plain = party_age(&facts(first, vec![]), hi).unwrap_or(x);
                prop_assert!((x.years, x.months, x.days) <= (plain.years, plain.months, plain.days));
                prop_assert!(x.interruptions_days <= (hi - first).num_days());
            }
        }

        /// Without interruptions, years are the calendar's whole years.
        #[test]
        fn plain_years(first in date(), as_of in date()) {
            if let Some(a) = party_age(&facts(first, vec![]), as_of) {
                prop_assert_eq!(a.years, full_months(first, as_of) / 12);
            }
        }
    }
}
