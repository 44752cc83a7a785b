//! Rule 23: the grounds on which a name removal is proposed to the cell — an alert, never an
//! automatic exit. One alert per member lists every ground found: rated "not complete"
//! (không hoàn thành nhiệm vụ) two years running, up to the last year; and, with the cell's
//! year (issue 23), meetings missed without a reason (rule 36) and months of dues unpaid
//! (rule 37, 01-QĐ/TW 2026) in this year or the last.

use crate::messages::{text, Text};
use chrono::{Datelike, NaiveDate};
use qldv_api_types::cell_year::{AbsenceCount, Attendance};
use qldv_api_types::evaluations::EvaluationLevel;

use super::cell_year::attendance::nth_unexcused;
use super::cell_year::Month;

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
    /// Rule 36: the threshold of unexcused absences was reached in `year` on `on`.
    MissedMeetings {
        /// The year.
        year: i32,
        /// The date of the absence that reached the threshold.
        on: NaiveDate,
        /// The threshold (3) and how it counts.
        count: (u32, AbsenceCount),
    },
    /// Rule 37: `months` months of `year` unpaid without a deferral; the threshold was reached
    /// when the month `reached` ended.
    UnpaidDues {
        /// The year.
        year: i32,
        /// Months unpaid in the year.
        months: u32,
        /// The month that reached the threshold.
        reached: Month,
    },
}

impl Ground {
    /// The day the ground arose (the end of the year that completed it).
    pub fn date(&self) -> NaiveDate {
        match self {
            Ground::NotCompleteTwoYears { second, .. } => {
                NaiveDate::from_ymd_opt(*second, 12, 31).unwrap_or(NaiveDate::MIN)
            }
            Ground::MissedMeetings { on, .. } => *on,
            Ground::UnpaidDues { reached, .. } => reached.last_day(),
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
            Ground::MissedMeetings {
                year,
                on,
                count: (n, by),
            } => match by {
                AbsenceCount::Meetings => {
                    let day = on.format("%d/%m/%Y");
                    text!(
                        "Bỏ sinh hoạt chi bộ {n} lần trong năm {year} không có lý do chính đáng (lần thứ {n} ngày {day})",
                        "Missed {n} cell meetings in {year} without a valid reason (the {n}th on {day})"
                    )
                }
                AbsenceCount::Months => {
                    let month = Month::of(*on);
                    text!(
                        "Bỏ sinh hoạt chi bộ {n} tháng trong năm {year} không có lý do chính đáng (tháng thứ {n}: {month})",
                        "Missed cell meetings in {n} months of {year} without a valid reason (month {n}: {month})"
                    )
                }
            },
            Ground::UnpaidDues { year, months, .. } => text!(
                "Không đóng đảng phí {months} tháng trong năm {year} không có lý do chính đáng",
                "Did not pay party dues for {months} months in {year} without a valid reason"
            ),
        }
    }
}

/// What the grounds are judged from, per member.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Ratings by year (any order; at most one per year).
    pub ratings: Vec<(i32, EvaluationLevel)>,
    /// Rule 36: the member's attendance at the cell's meetings (date, value), any order.
    pub attendance: Vec<(NaiveDate, Attendance)>,
    /// Rule 37: the member's unpaid months (`cell_year::ledger::unpaid_months`).
    pub unpaid_months: Vec<Month>,
    /// The thresholds (dated settings of the cell's year).
    pub limits: Limits,
}

/// The thresholds of rules 36 and 37.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Unexcused absences in a year (3).
    pub absences: u32,
    /// Counted by meetings or by months.
    pub absence_count: AbsenceCount,
    /// Unpaid months in a year (3).
    pub unpaid_months: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            absences: 3,
            absence_count: AbsenceCount::Meetings,
            unpaid_months: 3,
        }
    }
}

/// Rules 36 and 37 for `year`.
fn cell_year_grounds(f: &Facts, year: i32) -> Vec<Ground> {
    let mut out = Vec::new();
    let l = f.limits;
    if let Some(on) = nth_unexcused(&f.attendance, year, l.absence_count, l.absences) {
        out.push(Ground::MissedMeetings {
            year,
            on,
            count: (l.absences, l.absence_count),
        });
    }
    let mut unpaid: Vec<Month> = f
        .unpaid_months
        .iter()
        .copied()
        .filter(|m| m.year == year)
        .collect();
    unpaid.sort_unstable();
    unpaid.dedup();
    let n = usize::try_from(l.unpaid_months.max(1)).unwrap_or(usize::MAX);
    if let Some(reached) = unpaid.get(n - 1) {
        out.push(Ground::UnpaidDues {
            year,
            months: u32::try_from(unpaid.len()).unwrap_or(u32::MAX),
            reached: *reached,
        });
    }
    out
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

/// Every ground found for a member in `this_year` (empty: no proposal): ratings, then last
/// year's and this year's meetings and dues.
pub fn grounds(f: &Facts, this_year: i32) -> Vec<Ground> {
    let mut out: Vec<Ground> = not_complete_two_years(&f.ratings, this_year)
        .into_iter()
        .collect();
    for year in [this_year.saturating_sub(1), this_year] {
        out.extend(cell_year_grounds(f, year));
    }
    out
}

/// The first day any ground of `year` arose for a member, if any (the alert's date).
pub fn arose_in(grounds: &[Ground], year: i32) -> Option<NaiveDate> {
    grounds
        .iter()
        .map(Ground::date)
        .filter(|d| d.year() == year)
        .min()
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
            ..Facts::default()
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_third_unexcused_absence_of_the_year_proposes_a_removal() {
        use Attendance::*;
        let mut f = Facts {
            attendance: vec![
                (d(2026, 1, 5), Absent),
                (d(2026, 2, 5), Excused),
                (d(2026, 3, 5), Absent),
                (d(2026, 4, 5), Exempt),
                (d(2026, 5, 5), Elsewhere),
            ],
            ..Facts::default()
        };
        // Two unexcused absences; exempt and elsewhere are not absences.
        assert_eq!(grounds(&f, 2026), vec![]);
        f.attendance.push((d(2026, 6, 5), Absent));
        let g = grounds(&f, 2026);
        assert_eq!(
            g,
            vec![Ground::MissedMeetings {
                year: 2026,
                on: d(2026, 6, 5),
                count: (3, AbsenceCount::Meetings)
            }]
        );
        assert!(message(&g).vi.contains("3 lần trong năm 2026"));
        assert_eq!(arose_in(&g, 2026), Some(d(2026, 6, 5)));
        // Last year's run is still shown this year, not the year after.
        assert_eq!(grounds(&f, 2027).len(), 1);
        assert_eq!(grounds(&f, 2028), vec![]);
    }

    #[test]
    fn three_months_unpaid_in_a_year_propose_a_removal() {
        let m = |y, mo| Month::new(y, mo).unwrap_or(Month { year: y, month: 1 });
        let mut f = Facts {
            unpaid_months: vec![m(2025, 12), m(2026, 2), m(2026, 7)],
            ..Facts::default()
        };
        // December of last year does not add to this year's months.
        assert_eq!(grounds(&f, 2026), vec![]);
        f.unpaid_months.push(m(2026, 9));
        let g = grounds(&f, 2026);
        assert_eq!(
            g,
            vec![Ground::UnpaidDues {
                year: 2026,
                months: 3,
                reached: m(2026, 9)
            }]
        );
        assert_eq!(g[0].date(), d(2026, 9, 30));
        assert!(message(&g)
            .vi
            .contains("Không đóng đảng phí 3 tháng trong năm 2026"));
        // Every ground of one member goes into one alert.
        f.ratings = vec![(2024, NotComplete), (2025, NotComplete)];
        assert_eq!(grounds(&f, 2026).len(), 2);
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
