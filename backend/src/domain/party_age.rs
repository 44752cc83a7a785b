//! Party age (rule 5): from the day the first admission decision was signed to the reference
//! date, minus the interruptions that lie before it (time out of the party before a re-admission,
//! time out of contact, the gap of a transfer). Only members who were recognised official have a
//! party age.
//!
//! Interruptions are dated periods and are subtracted as calendar periods: an interruption of
//! exactly five years takes exactly five years off, whatever leap days it spans. Concretely the
//! reference date is moved back across each interruption (latest first) by the interruption's
//! calendar length (whole months, then days), never to before the interruption began; party age
//! is then the calendar span from the first decision to that moved date. Only what lies before
//! the reference date counts, so the party age on a past date never depends on anything that
//! happened (or was recorded) after it, and during an interruption the age stays as it was on the
//! day it began.

use chrono::NaiveDate;

use super::calendar::{add_months, full_months};

/// A half-open period `[from, to)`; `to = None` means still going on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
    /// Days of interruption before the reference date (for information: the subtraction itself
    /// is by calendar months and days).
    pub interruptions_days: i64,
}

/// The union of `periods` inside `[start, end)`, as sorted disjoint closed intervals.
fn merged(periods: &[Period], start: NaiveDate, end: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let mut clipped: Vec<(NaiveDate, NaiveDate)> = periods
        .iter()
        .map(|p| (p.from.max(start), p.to.unwrap_or(end).min(end)))
        .filter(|(a, b)| a < b)
        .collect();
    clipped.sort();
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(clipped.len());
    for (a, b) in clipped {
        match out.last_mut() {
            Some((_, cb)) if a <= *cb => *cb = (*cb).max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Total days of the union of `periods` inside `[start, end)`.
pub fn covered_days(periods: &[Period], start: NaiveDate, end: NaiveDate) -> i64 {
    merged(periods, start, end)
        .iter()
        .map(|(a, b)| (*b - *a).num_days())
        .sum()
}

/// The calendar length of `[from, to)`: whole months, then the days after them.
pub fn calendar_length(from: NaiveDate, to: NaiveDate) -> (u32, i64) {
    let months = full_months(from, to);
    (months, (to - add_months(from, months)).num_days().max(0))
}

/// `date` minus `months` months (the day clamped to the month's end), then minus `days` days.
fn back(date: NaiveDate, months: u32, days: i64) -> NaiveDate {
    date.checked_sub_months(chrono::Months::new(months))
        .and_then(|d| d.checked_sub_signed(chrono::Duration::days(days)))
        .unwrap_or(NaiveDate::MIN)
}

/// The reference date moved back across the interruptions before it: party age on `as_of` is
/// the calendar span from the first decision to this date.
fn moved_end(facts: &PartyAgeFacts, as_of: NaiveDate) -> NaiveDate {
    let mut end = as_of;
    for (from, to) in merged(&facts.interruptions, facts.first_decision, as_of)
        .into_iter()
        .rev()
    {
        end = if end <= to {
            // Inside the interruption (or on its last day): the age stays as on its first day.
            from
        } else {
            let (months, days) = calendar_length(from, to);
            back(end, months, days).max(from)
        };
    }
    end
}

/// The party age on `as_of`, or `None` when the member was never recognised official or
/// `as_of` is before the first decision.
pub fn party_age(facts: &PartyAgeFacts, as_of: NaiveDate) -> Option<PartyAge> {
    if !facts.recognised || as_of < facts.first_decision {
        return None;
    }
    let interruptions_days = covered_days(&facts.interruptions, facts.first_decision, as_of);
    let end = moved_end(facts, as_of);
    let (total_months, days) = calendar_length(facts.first_decision, end);
    Some(PartyAge {
        years: total_months / 12,
        months: total_months % 12,
        days: u32::try_from(days).unwrap_or(0),
        since: facts.first_decision,
        interruptions_days,
    })
}

/// Whole years of party age on `as_of` (for lists and badge milestones).
pub fn years(facts: &PartyAgeFacts, as_of: NaiveDate) -> Option<u32> {
    party_age(facts, as_of).map(|a| a.years)
}

/// The first day on which party age reaches `months` whole months, ignoring interruptions still
/// going on (the caller decides what an open one means); `None` past the calendar.
pub fn reach_date(facts: &PartyAgeFacts, months: u32) -> Option<NaiveDate> {
    let closed = PartyAgeFacts {
        first_decision: facts.first_decision,
        recognised: true,
        interruptions: facts
            .interruptions
            .iter()
            .filter(|p| p.to.is_some())
            .copied()
            .collect(),
    };
    let reached =
        |d: NaiveDate| full_months(closed.first_decision, moved_end(&closed, d)) >= months;
    let mut lo = add_months(closed.first_decision, months);
    if reached(lo) {
        return Some(lo);
    }
    // Party age is monotone in the date: widen, then bisect.
    let mut step = covered_days(&closed.interruptions, closed.first_decision, NaiveDate::MAX) + 31;
    let mut hi = lo;
    loop {
        hi = hi.checked_add_signed(chrono::Duration::days(step))?;
        if reached(hi) {
            break;
        }
        lo = hi;
        step = step.saturating_mul(2);
    }
    // `lo` is not reached, `hi` is.
    while (hi - lo).num_days() > 1 {
        let mid = lo + chrono::Duration::days((hi - lo).num_days() / 2);
        if reached(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

/// The closed interruptions as stored on the member row: `from/to` ISO-8601 intervals, comma
/// separated, oldest first (empty for none).
pub fn encode(periods: &[Period]) -> String {
    let mut closed: Vec<&Period> = periods.iter().filter(|p| p.to.is_some()).collect();
    closed.sort();
    closed
        .iter()
        .filter_map(|p| p.to.map(|to| format!("{}/{}", p.from, to)))
        .collect::<Vec<_>>()
        .join(",")
}

/// The periods of [`encode`]; a malformed entry is an error naming it.
pub fn decode(s: &str) -> Result<Vec<Period>, String> {
    s.split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (a, b) = p
                .trim()
                .split_once('/')
                .ok_or_else(|| format!("interruption {p:?} is not from/to"))?;
            let from = a
                .parse()
                .map_err(|_| format!("interruption {p:?}: bad first day"))?;
            let to = b
                .parse()
                .map_err(|_| format!("interruption {p:?}: bad end"))?;
            Ok(Period { from, to: Some(to) })
        })
        .collect()
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

    fn closed(from: NaiveDate, to: NaiveDate) -> Period {
        Period { from, to: Some(to) }
    }

    fn ymd(f: &PartyAgeFacts, on: NaiveDate) -> (u32, u32, u32) {
        party_age(f, on).map_or((0, 0, 0), |a| (a.years, a.months, a.days))
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
        let gap = closed(d(2000, 1, 1), d(2000, 1, 11));
        let overlapping = closed(d(2000, 1, 6), d(2000, 1, 21));
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
        assert_eq!((a.years, a.months, a.days), (10, 0, 0));
    }

    /// The bug of issue 20: a 10-day transfer gap in 2010 made the age as of 2005 ten days short.
    #[test]
    fn an_interruption_after_the_reference_date_takes_nothing_off() {
        let f = facts(d(1995, 5, 19), vec![closed(d(2010, 3, 1), d(2010, 3, 11))]);
        let a = party_age(&f, d(2005, 5, 19)).unwrap_or_else(|| unreachable!());
        assert_eq!(
            (a.years, a.months, a.days, a.interruptions_days),
            (10, 0, 0, 0)
        );
        // The day before the gap, too.
        assert_eq!(ymd(&f, d(2010, 3, 1)), (14, 9, 10));
        // After it: ten days less than without it.
        assert_eq!(ymd(&f, d(2015, 5, 29)), (20, 0, 0));
    }

    #[test]
    fn inside_an_interruption_the_age_stays_as_on_its_first_day() {
        let f = facts(d(1995, 5, 19), vec![closed(d(2010, 3, 1), d(2014, 3, 1))]);
        let at_start = ymd(&f, d(2010, 3, 1));
        assert_eq!(at_start, (14, 9, 10));
        for on in [d(2010, 3, 2), d(2012, 2, 29), d(2014, 2, 28), d(2014, 3, 1)] {
            assert_eq!(ymd(&f, on), at_start, "{on}");
        }
        let a = party_age(&f, d(2012, 2, 29)).unwrap_or_else(|| unreachable!());
        assert_eq!(
            a.interruptions_days,
            (d(2012, 2, 29) - d(2010, 3, 1)).num_days()
        );
        // After it, the four years are gone exactly.
        assert_eq!(ymd(&f, d(2019, 5, 19)), (20, 0, 0));
    }

    /// Exactly five years out, spanning two leap days (2012 and 2016), is exactly five years less.
    #[test]
    fn five_years_out_are_five_years_less_whatever_leap_days_they_span() {
        let gap = closed(d(2011, 3, 1), d(2016, 3, 1));
        assert_eq!((d(2016, 3, 1) - d(2011, 3, 1)).num_days(), 5 * 365 + 2);
        let f = facts(d(2000, 3, 1), vec![gap]);
        assert_eq!(ymd(&f, d(2017, 3, 1)), (12, 0, 0));
        assert_eq!(ymd(&f, d(2030, 3, 1)), (25, 0, 0));
        assert_eq!(ymd(&f, d(2030, 2, 28)), (24, 11, 27));
        // A gap with no leap day at all: the same five years.
        let f = facts(d(2000, 3, 1), vec![closed(d(2013, 3, 1), d(2018, 3, 1))]);
        assert_eq!((d(2018, 3, 1) - d(2013, 3, 1)).num_days(), 5 * 365 + 1);
        assert_eq!(ymd(&f, d(2030, 3, 1)), (25, 0, 0));
    }

    #[test]
    fn the_interruptions_round_trip_through_their_stored_form() {
        let ps = vec![
            closed(d(2010, 3, 1), d(2010, 3, 11)),
            closed(d(2001, 1, 1), d(2004, 1, 1)),
        ];
        let s = encode(&ps);
        assert_eq!(s, "2001-01-01/2004-01-01,2010-03-01/2010-03-11");
        let mut back = decode(&s).unwrap_or_default();
        back.sort();
        let mut want = ps;
        want.sort();
        assert_eq!(back, want);
        assert_eq!(decode(""), Ok(vec![]));
        assert!(decode("2010-03-01").is_err());
    }

    #[test]
    fn the_reach_date_is_the_first_day_of_the_milestone() {
        let f = facts(d(1995, 5, 19), vec![closed(d(2010, 3, 1), d(2010, 3, 11))]);
        assert_eq!(reach_date(&f, 360), Some(d(2025, 5, 29)));
        let f = facts(d(1995, 5, 19), vec![closed(d(2030, 3, 1), d(2030, 3, 11))]);
        assert_eq!(reach_date(&f, 360), Some(d(2025, 5, 19)));
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

        /// Party age as of `d` never depends on anything recorded after `d`: interruptions that
        /// begin on or after `d` change nothing, and one still going on at `d` counts only up to
        /// `d`, however it ends later.
        #[test]
        fn never_depends_on_what_comes_after_the_date(
            first in date(), before in proptest::collection::vec(period(), 0..4),
            later in proptest::collection::vec((0i64..5000, 0i64..3000, any::<bool>()), 0..4),
            as_of in date(),
        ) {
            let cut: Vec<Period> = before
                .iter()
                .filter(|p| p.from < as_of)
                .map(|p| Period { from: p.from, to: Some(p.to.map_or(as_of, |t| t.min(as_of))) })
                .collect();
            let mut with_later: Vec<Period> = before.clone();
            for (start, len, open) in later {
                let from = as_of + chrono::Duration::days(start);
                with_later.push(Period {
                    from,
                    to: (!open).then(|| from + chrono::Duration::days(len)),
                });
            }
            // Whatever follows `as_of` (the open ones' ends included) is the same as nothing.
            let base = party_age(&facts(first, cut), as_of);
            prop_assert_eq!(party_age(&facts(first, before), as_of), base);
            prop_assert_eq!(party_age(&facts(first, with_later), as_of), base);
        }

        /// An interruption of exactly `n` whole months takes exactly `n` months off, once it is
        /// over (days of the month up to the 28th, so no month end clamps a date).
        #[test]
        fn whole_months_out_are_whole_months_less(
            first in date(), start in 0i64..15_000, n in 1u32..240, after in 0u32..400,
        ) {
            let from = first + chrono::Duration::days(start);
            prop_assume!(from.format("%d").to_string().parse::<u32>().unwrap_or(31) <= 28);
            let to = add_months(from, n);
            let f = facts(first, vec![closed(from, to)]);
            let on = add_months(to, after);
            let plain = calendar_length(first, on);
            let got = party_age(&f, on).map(|a| (a.years * 12 + a.months, i64::from(a.days)));
            prop_assert_eq!(got.map(|g| g.0), Some(plain.0 - n));
        }

        /// The reach date is the first day the milestone is reached.
        #[test]
        fn the_reach_date_is_the_first_such_day(
            first in date(), ps in proptest::collection::vec(period(), 0..4), m in 1u32..100,
        ) {
            let f = facts(first, ps.into_iter().filter(|p| p.to.is_some()).collect());
            if let Some(r) = reach_date(&f, m * 12) {
                prop_assert!(years(&f, r).unwrap_or(0) >= m);
                prop_assert!(years(&f, r - chrono::Duration::days(1)).unwrap_or(0) < m);
            }
        }
    }
}
