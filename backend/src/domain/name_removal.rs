//! Rule 23: the grounds on which a name removal is proposed to the cell — an alert, never an
//! automatic exit. One alert per member lists every ground found. Today: rated "not complete"
//! (không hoàn thành nhiệm vụ) two years running, up to the last year. Missed cell meetings and
//! unpaid dues (01-QĐ/TW 2026) come with the cell's year as further [`Ground`]s and facts.

use crate::messages::{text, Text};
use chrono::NaiveDate;
use qldv_api_types::evaluations::EvaluationLevel;

/// A ground for proposing a name removal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ground {
    /// Rated "not complete" in both of these consecutive years (the later one last year or this
    /// year).
    NotCompleteTwoYears {
        /// The earlier year.
        first: i32,
        /// The later year.
        second: i32,
    },
}

impl Ground {
    /// The day the ground arose (the end of the year that completed it).
    pub fn date(&self) -> NaiveDate {
        match self {
            Ground::NotCompleteTwoYears { second, .. } => {
                NaiveDate::from_ymd_opt(*second, 12, 31).unwrap_or(NaiveDate::MIN)
            }
        }
    }

    /// The ground, in both languages.
    pub fn describe(&self) -> Text {
        match self {
            Ground::NotCompleteTwoYears { first, second } => {
                text!(
                    "Xếp loại không hoàn thành nhiệm vụ hai năm liền ({first}, {second})",
                    "Rated as not completing duties two years running ({first}, {second})"
                )
            }
        }
    }
}

/// What the grounds are judged from, per member.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Ratings by year (any order; at most one per year).
    pub ratings: Vec<(i32, EvaluationLevel)>,
}

/// "Not complete" two years running, now: the member's latest rating is for last year or this
/// year, and both it and the year before are "not complete".
fn not_complete_two_years(ratings: &[(i32, EvaluationLevel)], this_year: i32) -> Option<Ground> {
    let level = |y: i32| ratings.iter().find(|(year, _)| *year == y).map(|(_, l)| *l);
    let latest = ratings
        .iter()
        .map(|(y, _)| *y)
        .filter(|y| *y <= this_year)
        .max()?;
    let prev = latest.checked_sub(1)?;
    (latest >= this_year.saturating_sub(1)
        && level(latest) == Some(EvaluationLevel::NotComplete)
        && level(prev) == Some(EvaluationLevel::NotComplete))
    .then_some(Ground::NotCompleteTwoYears {
        first: prev,
        second: latest,
    })
}

/// Every ground found for a member in `this_year` (empty: no proposal).
pub fn grounds(f: &Facts, this_year: i32) -> Vec<Ground> {
    not_complete_two_years(&f.ratings, this_year)
        .into_iter()
        .collect()
}

/// The alert's message for a member's grounds.
pub fn message(grounds: &[Ground]) -> Text {
    let listed: Vec<Text> = grounds.iter().map(Ground::describe).collect();
    let join = |pick: fn(&Text) -> &str| listed.iter().map(pick).collect::<Vec<_>>().join("; ");
    let (vi, en) = (join(|t| &t.vi), join(|t| &t.en));
    text!(
        "{vi}: chi bộ xem xét, đề nghị xóa tên (không tự động xóa tên)",
        "{en}: the cell considers proposing removal from the list (never automatic)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use EvaluationLevel::*;

    fn facts(r: &[(i32, EvaluationLevel)]) -> Facts {
        Facts {
            ratings: r.to_vec(),
        }
    }

    #[test]
    fn two_consecutive_years_not_complete_up_to_last_year() {
        let f = facts(&[(2023, Good), (2024, NotComplete), (2025, NotComplete)]);
        assert_eq!(
            grounds(&f, 2026),
            vec![Ground::NotCompleteTwoYears {
                first: 2024,
                second: 2025
            }]
        );
        assert_eq!(
            grounds(&f, 2026)[0].date(),
            NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default()
        );
        assert!(message(&grounds(&f, 2026)).vi.contains("(2024, 2025)"));
        // Rated this year already: the two latest count.
        let f = facts(&[(2025, NotComplete), (2026, NotComplete)]);
        assert_eq!(grounds(&f, 2026).len(), 1);
    }

    #[test]
    fn a_gap_a_better_year_or_an_old_run_is_no_ground() {
        for r in [
            vec![(2023, NotComplete), (2024, Complete), (2025, NotComplete)],
            vec![(2023, NotComplete), (2024, NotComplete), (2025, Complete)],
            vec![(2024, Complete), (2025, NotComplete)],
            vec![(2025, NotComplete)],
            // Not rated in between breaks the run.
            vec![(2023, NotComplete), (2024, NotRated), (2025, NotComplete)],
            // An old run, nothing rated since.
            vec![(2022, NotComplete), (2023, NotComplete)],
            vec![],
        ] {
            assert_eq!(grounds(&facts(&r), 2026), vec![], "{r:?}");
        }
    }

    proptest! {
        #[test]
        fn only_the_last_two_rated_years_matter(
            old in proptest::collection::vec((1990i32..2023, 0usize..5), 0..10),
            last in 0usize..5, before in 0usize..5,
        ) {
            let levels = [Excellent, Good, Complete, NotComplete, NotRated];
            let mut r: Vec<(i32, EvaluationLevel)> = old.iter().map(|(y, l)| (*y, levels[*l])).collect();
            r.sort_by_key(|(y, _)| *y);
            r.dedup_by_key(|(y, _)| *y);
            let recent = vec![(2024, levels[before]), (2025, levels[last])];
            let with_old: Vec<_> = r.into_iter().chain(recent.clone()).collect();
            prop_assert_eq!(grounds(&facts(&with_old), 2026), grounds(&facts(&recent), 2026));
            prop_assert_eq!(
                !grounds(&facts(&recent), 2026).is_empty(),
                levels[before] == NotComplete && levels[last] == NotComplete
            );
        }
    }
}
