//! Rule 38: duties the cell assigns a member (phân công nhiệm vụ), reviewed at a meeting; a
//! transfer or an exit closes the open ones (and the cell is told); the shares done and
//! exceeded are offered to the yearly evaluation as the input 366-QĐ/TW art. 11 reads:
//! "excellent" needs every duty done and at least 30 % exceeded, "good" every duty done.

use chrono::{Datelike, NaiveDate};
use qldv_api_types::cell_year::{DutyClosure, DutyResult};
use qldv_api_types::evaluations::EvaluationLevel;

/// One duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duty {
    /// Assigned on (the meeting's date).
    pub assigned_on: NaiveDate,
    /// To be done by, if set.
    pub due_by: Option<NaiveDate>,
    /// Reviewed: on which date, with which result.
    pub review: Option<(NaiveDate, DutyResult)>,
    /// Closed without a review: on which date, why.
    pub closed: Option<(NaiveDate, DutyClosure)>,
}

impl Duty {
    /// Neither reviewed nor closed.
    pub fn is_open(&self) -> bool {
        self.review.is_none() && self.closed.is_none()
    }
}

/// Why a duty cannot be reviewed or closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DutyRefusal {
    /// Already reviewed or closed.
    NotOpen,
    /// Dated before the assignment.
    BeforeAssignment,
}

impl DutyRefusal {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotOpen => "duty_not_open",
            Self::BeforeAssignment => "duty_before_assignment",
        }
    }
}

/// Reviews a duty at a meeting on `on`.
pub fn review(d: &mut Duty, on: NaiveDate, result: DutyResult) -> Result<(), DutyRefusal> {
    if !d.is_open() {
        return Err(DutyRefusal::NotOpen);
    }
    if on < d.assigned_on {
        return Err(DutyRefusal::BeforeAssignment);
    }
    d.review = Some((on, result));
    Ok(())
}

/// Rule 38: a transfer or an exit on `on` closes every open duty of the member; returns the
/// indices closed (the cell's alert lists them). Duties assigned after `on` stay as they are
/// (they cannot exist; the caller refuses assignments to a member who has left).
pub fn close_open(duties: &mut [Duty], on: NaiveDate, why: DutyClosure) -> Vec<usize> {
    let mut closed = Vec::new();
    for (i, d) in duties.iter_mut().enumerate() {
        if d.is_open() && d.assigned_on <= on {
            d.closed = Some((on, why));
            closed.push(i);
        }
    }
    closed
}

/// The duties reviewed in a year, by result.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shares {
    /// Reviewed in the year.
    pub reviewed: u32,
    /// Done (not exceeded).
    pub done: u32,
    /// Exceeded.
    pub exceeded: u32,
    /// Not done.
    pub not_done: u32,
    /// Still open at the year's end (or today).
    pub open: u32,
    /// Closed in the year without a review.
    pub closed: u32,
}

impl Shares {
    /// Percent of the reviewed duties done or exceeded (rounded down); `None` with none reviewed.
    pub fn done_percent(&self) -> Option<u32> {
        percent(self.done + self.exceeded, self.reviewed)
    }

    /// Percent of the reviewed duties exceeded (rounded down); `None` with none reviewed.
    pub fn exceeded_percent(&self) -> Option<u32> {
        percent(self.exceeded, self.reviewed)
    }
}

fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| u32::try_from(u64::from(part) * 100 / u64::from(whole)).unwrap_or(100))
}

/// The shares of `year` for one member's duties.
pub fn shares(duties: &[Duty], year: i32) -> Shares {
    let mut s = Shares::default();
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    for d in duties {
        match (d.review, d.closed) {
            (Some((on, r)), _) if on.year() == year => {
                s.reviewed += 1;
                match r {
                    DutyResult::Done => s.done += 1,
                    DutyResult::Exceeded => s.exceeded += 1,
                    DutyResult::NotDone => s.not_done += 1,
                }
            }
            (_, Some((on, _))) if on.year() == year => s.closed += 1,
            (None, None) if d.assigned_on <= year_end => s.open += 1,
            _ => {}
        }
    }
    s
}

/// The highest level the duties allow under 366-QĐ/TW art. 11 (`exceeded_min` percent, 30 by
/// default): excellent with every reviewed duty done and enough exceeded; good with every one
/// done; otherwise complete (the text's condition for "complete" of an individual was not
/// found: the evaluation records a reason, rule 14). `None` with nothing reviewed: the duties
/// say nothing. Offered to the evaluation, never imposed.
pub fn highest_level(s: &Shares, exceeded_min: u32) -> Option<EvaluationLevel> {
    if s.reviewed == 0 {
        return None;
    }
    Some(if s.not_done > 0 {
        EvaluationLevel::Complete
    } else if s.exceeded_percent().unwrap_or(0) >= exceeded_min {
        EvaluationLevel::Excellent
    } else {
        EvaluationLevel::Good
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use DutyResult::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }
    fn duty(assigned_on: NaiveDate) -> Duty {
        Duty {
            assigned_on,
            due_by: None,
            review: None,
            closed: None,
        }
    }

    #[test]
    fn a_transfer_closes_the_open_duties_only() {
        let mut duties = vec![
            duty(d(2026, 1, 5)),
            duty(d(2026, 2, 5)),
            duty(d(2026, 3, 5)),
        ];
        assert_eq!(review(&mut duties[0], d(2026, 4, 5), Done), Ok(()));
        assert_eq!(
            review(&mut duties[1], d(2026, 1, 1), Done),
            Err(DutyRefusal::BeforeAssignment)
        );
        let closed = close_open(&mut duties, d(2026, 5, 20), DutyClosure::Transfer);
        assert_eq!(closed, vec![1, 2]);
        assert_eq!(
            duties[2].closed,
            Some((d(2026, 5, 20), DutyClosure::Transfer))
        );
        assert_eq!(duties[0].closed, None);
        // A closed duty is not reviewed afterwards, and a second closure changes nothing.
        assert_eq!(
            review(&mut duties[1], d(2026, 6, 5), Done),
            Err(DutyRefusal::NotOpen)
        );
        assert!(close_open(&mut duties, d(2026, 6, 1), DutyClosure::Exit).is_empty());
        let s = shares(&duties, 2026);
        assert_eq!((s.reviewed, s.done, s.closed, s.open), (1, 1, 2, 0));
    }

    #[test]
    fn the_shares_offered_to_the_evaluation() {
        let reviewed = |results: &[DutyResult]| {
            let duties: Vec<Duty> = results
                .iter()
                .map(|r| Duty {
                    review: Some((d(2026, 11, 5), *r)),
                    ..duty(d(2026, 2, 5))
                })
                .collect();
            shares(&duties, 2026)
        };
        // 3 of 10 exceeded (30 %), none failed: excellent is allowed.
        let s = reviewed(&[[Exceeded; 3].as_slice(), [Done; 7].as_slice()].concat());
        assert_eq!(
            (s.done_percent(), s.exceeded_percent()),
            (Some(100), Some(30))
        );
        assert_eq!(highest_level(&s, 30), Some(EvaluationLevel::Excellent));
        // 2 of 7 exceeded (28 %): good at most.
        let s = reviewed(&[[Exceeded; 2].as_slice(), [Done; 5].as_slice()].concat());
        assert_eq!(highest_level(&s, 30), Some(EvaluationLevel::Good));
        // One not done: complete at most, whatever was exceeded.
        let s = reviewed(&[Exceeded, Exceeded, NotDone]);
        assert_eq!(s.done_percent(), Some(66));
        assert_eq!(highest_level(&s, 30), Some(EvaluationLevel::Complete));
        assert_eq!(highest_level(&Shares::default(), 30), None);
    }
}
