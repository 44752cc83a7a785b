//! Rule 34: a cell holds a regular meeting every month and a topical one at least every quarter
//! (the topical meeting does not replace the month's regular one). A period is due when it
//! has ended and the cell existed throughout it; a due period without its meeting is an alert.

use chrono::NaiveDate;
use qldv_api_types::cell_year::MeetingKind;

use super::Month;

/// A meeting held (its date and kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    /// Held on.
    pub on: NaiveDate,
    /// Regular or topical.
    pub kind: MeetingKind,
}

/// A period that needs a meeting: a month (regular) or a quarter (topical).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Period {
    /// The kind of meeting it needs.
    pub kind: MeetingKind,
    /// The year.
    pub year: i32,
    /// The month (1–12) for a regular meeting, the quarter (1–4) for a topical one.
    pub index: u32,
}

impl Period {
    /// First and last day.
    pub fn span(&self) -> (NaiveDate, NaiveDate) {
        let month = |mo: u32| Month::new(self.year, mo).unwrap_or(Month::of(NaiveDate::MIN));
        match self.kind {
            MeetingKind::Regular => (month(self.index).first_day(), month(self.index).last_day()),
            MeetingKind::Topical => (
                month(self.index * 3 - 2).first_day(),
                month(self.index * 3).last_day(),
            ),
        }
    }

    /// Whether `on` lies in it.
    pub fn contains(&self, on: NaiveDate) -> bool {
        let (a, b) = self.span();
        a <= on && on <= b
    }
}

/// The periods of `year` that are due on `today`: ended, and the cell existed throughout
/// (`founded` on or before the first day; `dissolved`, if any, after the last).
pub fn periods_due(
    year: i32,
    founded: NaiveDate,
    dissolved: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<Period> {
    let months = (1..=12).map(|index| Period {
        kind: MeetingKind::Regular,
        year,
        index,
    });
    let quarters = (1..=4).map(|index| Period {
        kind: MeetingKind::Topical,
        year,
        index,
    });
    months
        .chain(quarters)
        .filter(|p| {
            let (a, b) = p.span();
            b < today && founded <= a && dissolved.is_none_or(|d| d > b)
        })
        .collect()
}

/// The due periods without a meeting of their kind.
pub fn missing(held: &[Held], due: &[Period]) -> Vec<Period> {
    due.iter()
        .filter(|p| !held.iter().any(|h| h.kind == p.kind && p.contains(h.on)))
        .copied()
        .collect()
}

/// Meetings due against held, for the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MeetingCount {
    /// Months due.
    pub regular_due: u32,
    /// Of those, months with a regular meeting.
    pub regular_held: u32,
    /// Quarters due.
    pub topical_due: u32,
    /// Of those, quarters with a topical meeting.
    pub topical_held: u32,
}

/// Counts held against due.
pub fn count(held: &[Held], due: &[Period]) -> MeetingCount {
    let gaps = missing(held, due);
    let n = |kind: MeetingKind, v: &[Period]| {
        u32::try_from(v.iter().filter(|p| p.kind == kind).count()).unwrap_or(u32::MAX)
    };
    MeetingCount {
        regular_due: n(MeetingKind::Regular, due),
        regular_held: n(MeetingKind::Regular, due) - n(MeetingKind::Regular, &gaps),
        topical_due: n(MeetingKind::Topical, due),
        topical_held: n(MeetingKind::Topical, due) - n(MeetingKind::Topical, &gaps),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MeetingKind::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }
    fn held(on: NaiveDate, kind: MeetingKind) -> Held {
        Held { on, kind }
    }

    #[test]
    fn a_month_without_a_regular_meeting_and_a_quarter_without_a_topical_one_are_missing() {
        let today = d(2026, 7, 3);
        let due = periods_due(2026, d(2010, 1, 1), None, today);
        // January–June and the first two quarters have ended.
        assert_eq!(due.len(), 6 + 2);
        let mut meetings: Vec<Held> = (1..=6)
            .filter(|m| *m != 4)
            .map(|m| held(d(2026, m, 5), Regular))
            .collect();
        meetings.push(held(d(2026, 2, 20), Topical));
        // A topical meeting in April does not stand for April's regular meeting.
        meetings.push(held(d(2026, 4, 20), Topical));
        assert_eq!(
            missing(&meetings, &due),
            vec![Period {
                kind: Regular,
                year: 2026,
                index: 4
            }]
        );
        assert_eq!(
            count(&meetings, &due),
            MeetingCount {
                regular_due: 6,
                regular_held: 5,
                topical_due: 2,
                topical_held: 2
            }
        );
        // Without the second quarter's topical meeting, that quarter is missing.
        meetings.pop();
        assert_eq!(
            missing(&meetings, &due),
            vec![
                Period {
                    kind: Regular,
                    year: 2026,
                    index: 4
                },
                Period {
                    kind: Topical,
                    year: 2026,
                    index: 2
                }
            ]
        );
    }

    #[test]
    fn the_month_in_progress_and_months_before_the_cell_are_not_due() {
        // On the last day of June, June is not due yet.
        let due = periods_due(2026, d(2026, 3, 20), None, d(2026, 6, 30));
        let months: Vec<u32> = due
            .iter()
            .filter(|p| p.kind == Regular)
            .map(|p| p.index)
            .collect();
        assert_eq!(months, [4, 5]);
        // The first quarter began before the cell: not due; the second has not ended.
        assert!(due.iter().all(|p| p.kind == Regular));
        // Dissolved on 10 May: May is not due.
        let due = periods_due(2026, d(2020, 1, 1), Some(d(2026, 5, 10)), d(2026, 12, 1));
        let months: Vec<u32> = due
            .iter()
            .filter(|p| p.kind == Regular)
            .map(|p| p.index)
            .collect();
        assert_eq!(months, [1, 2, 3, 4]);
    }
}
