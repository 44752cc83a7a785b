//! Rule 39: the residence liaison of 213-QĐ/TW. A member working at an agency is introduced to
//! the cell where they live; that cell comments on them every year before the evaluation round,
//! unless the liaison is "on request" (HD 33-HD/BTCTW 2020 §1.1: members in barracks, in mobile
//! work or studying away are introduced but no yearly comment is taken). The working cell sees
//! the comments missing once its evaluation round opens.

use chrono::{Datelike, NaiveDate};
use qldv_api_types::cell_year::{LiaisonCommentState, LiaisonMode};

/// A member's introduction to a residence cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Liaison {
    /// Introduced on.
    pub introduced_on: NaiveDate,
    /// Ended on (moved house, retired, transferred, left), if so.
    pub ended_on: Option<NaiveDate>,
    /// Yearly comment or on request.
    pub mode: LiaisonMode,
}

/// Why a liaison cannot be introduced, ended or commented on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiaisonRefusal {
    /// The residence organisation is closed, or is not a cell or a grassroots organisation.
    ResidenceNotACell,
    /// The date (introduction or end) is after today.
    DateInFuture,
    /// The end precedes the introduction.
    EndsBeforeIntroduced,
    /// The member already has a running liaison (409): end it first.
    AlreadyOpen,
    /// The liaison is already ended (409).
    AlreadyEnded,
    /// The year commented on is not one the liaison ran in, or is still to come.
    NotRunning,
}

/// Organisation kinds, besides those that hold members (cells, grassroots cells), that a
/// member may be introduced to: the grassroots committees of the place of residence (đảng ủy
/// xã, phường; đảng bộ cơ sở), which pass the member on to one of their cells.
const GRASSROOTS_RESIDENCE: [&str; 2] = ["commune", "grassroots_committee"];

/// The residence organisation: an open cell, or the grassroots organisation of the place of
/// residence (213-QĐ/TW art. 1: "chi bộ, đảng bộ cơ sở nơi cư trú").
pub fn check_residence(
    kind: &str,
    holds_members: bool,
    closed: bool,
) -> Result<(), LiaisonRefusal> {
    if closed || !(holds_members || GRASSROOTS_RESIDENCE.contains(&kind)) {
        return Err(LiaisonRefusal::ResidenceNotACell);
    }
    Ok(())
}

/// A new introduction: dated today at the latest, and only while no other liaison of the
/// member runs (one place of residence at a time).
pub fn check_introduce(
    introduced_on: NaiveDate,
    today: NaiveDate,
    open: bool,
) -> Result<(), LiaisonRefusal> {
    if introduced_on > today {
        return Err(LiaisonRefusal::DateInFuture);
    }
    if open {
        return Err(LiaisonRefusal::AlreadyOpen);
    }
    Ok(())
}

/// Ending a liaison: once, not before its introduction, not after today.
pub fn check_end(l: &Liaison, ended_on: NaiveDate, today: NaiveDate) -> Result<(), LiaisonRefusal> {
    if l.ended_on.is_some() {
        return Err(LiaisonRefusal::AlreadyEnded);
    }
    if ended_on < l.introduced_on {
        return Err(LiaisonRefusal::EndsBeforeIntroduced);
    }
    if ended_on > today {
        return Err(LiaisonRefusal::DateInFuture);
    }
    Ok(())
}

/// The day a running liaison ends when its member leaves the working cell that introduced them
/// (an official transfer issued, an exit) on `on`: that day, or the introduction's if the
/// leaving is recorded as earlier; `None` for a liaison already ended.
pub fn ends_on_leaving(l: &Liaison, on: NaiveDate) -> Option<NaiveDate> {
    l.ended_on.is_none().then(|| on.max(l.introduced_on))
}

/// Whether the liaison ran during `year` (introduced by its end, not ended before it began).
pub fn ran_in(l: &Liaison, year: i32) -> bool {
    l.introduced_on.year() <= year && l.ended_on.is_none_or(|e| e.year() >= year)
}

/// The residence cell's comment on `year`: for a year the liaison ran in, up to the current
/// one (a regular liaison's yearly comment, or an on-request liaison's comment when asked).
pub fn check_comment(l: &Liaison, year: i32, today: NaiveDate) -> Result<(), LiaisonRefusal> {
    if !ran_in(l, year) || year > today.year() {
        return Err(LiaisonRefusal::NotRunning);
    }
    Ok(())
}

/// The state of `year`'s comment: due when the liaison is regular and ran during the year.
pub fn comment_state(l: &Liaison, year: i32, written: bool) -> LiaisonCommentState {
    let ran = ran_in(l, year);
    if written {
        LiaisonCommentState::Written
    } else if l.mode == LiaisonMode::OnRequest || !ran {
        LiaisonCommentState::NotDue
    } else {
        LiaisonCommentState::Missing
    }
}

/// The working cell's alert: the comment is missing and the evaluation round of `year` has
/// opened (`round_opened_on`, none yet: no alert).
pub fn missing_alert(
    l: &Liaison,
    year: i32,
    written: bool,
    round_opened_on: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    comment_state(l, year, written) == LiaisonCommentState::Missing
        && round_opened_on.is_some_and(|o| o <= today)
}

#[cfg(test)]
mod tests {

    #[test]
    fn leaving_the_working_cell_ends_a_running_liaison_once() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default();
        let running = Liaison {
            introduced_on: d(3, 1),
            ended_on: None,
            mode: LiaisonMode::Regular,
        };
        assert_eq!(ends_on_leaving(&running, d(11, 2)), Some(d(11, 2)));
        assert_eq!(ends_on_leaving(&running, d(1, 2)), Some(d(3, 1)));
        let ended = Liaison {
            ended_on: Some(d(5, 1)),
            ..running
        };
        assert_eq!(ends_on_leaving(&ended, d(11, 2)), None);
    }

    use super::*;
    use LiaisonCommentState::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }
    const L: Liaison = Liaison {
        introduced_on: match NaiveDate::from_ymd_opt(2024, 3, 1) {
            Some(x) => x,
            None => NaiveDate::MIN,
        },
        ended_on: None,
        mode: LiaisonMode::Regular,
    };

    #[test]
    fn the_yearly_comment_is_due_missing_or_written() {
        assert_eq!(comment_state(&L, 2026, false), Missing);
        assert_eq!(comment_state(&L, 2026, true), Written);
        assert_eq!(comment_state(&L, 2023, false), NotDue);
        let on_request = Liaison {
            mode: LiaisonMode::OnRequest,
            ..L
        };
        assert_eq!(comment_state(&on_request, 2026, false), NotDue);
        let ended = Liaison {
            ended_on: Some(d(2025, 6, 30)),
            ..L
        };
        assert_eq!(comment_state(&ended, 2025, false), Missing);
        assert_eq!(comment_state(&ended, 2026, false), NotDue);
    }

    #[test]
    fn the_residence_is_a_cell_or_a_grassroots_organisation() {
        assert_eq!(check_residence("cell", true, false), Ok(()));
        assert_eq!(check_residence("grassroots_cell", true, false), Ok(()));
        assert_eq!(check_residence("commune", false, false), Ok(()));
        assert_eq!(
            check_residence("grassroots_committee", false, false),
            Ok(())
        );
        for (kind, holds) in [
            ("province", false),
            ("district", false),
            ("sub_committee", false),
        ] {
            assert_eq!(
                check_residence(kind, holds, false),
                Err(LiaisonRefusal::ResidenceNotACell)
            );
        }
        assert_eq!(
            check_residence("cell", true, true),
            Err(LiaisonRefusal::ResidenceNotACell)
        );
    }

    #[test]
    fn a_liaison_is_introduced_once_at_a_time_and_ended_once() {
        let today = d(2026, 12, 10);
        assert_eq!(check_introduce(today, today, false), Ok(()));
        assert_eq!(
            check_introduce(d(2026, 12, 11), today, false),
            Err(LiaisonRefusal::DateInFuture)
        );
        assert_eq!(
            check_introduce(today, today, true),
            Err(LiaisonRefusal::AlreadyOpen)
        );
        assert_eq!(check_end(&L, d(2024, 3, 1), today), Ok(()));
        assert_eq!(
            check_end(&L, d(2024, 2, 29), today),
            Err(LiaisonRefusal::EndsBeforeIntroduced)
        );
        assert_eq!(
            check_end(&L, d(2026, 12, 11), today),
            Err(LiaisonRefusal::DateInFuture)
        );
        let ended = Liaison {
            ended_on: Some(d(2025, 6, 30)),
            ..L
        };
        assert_eq!(
            check_end(&ended, today, today),
            Err(LiaisonRefusal::AlreadyEnded)
        );
    }

    #[test]
    fn a_comment_is_on_a_year_the_liaison_ran_in_up_to_this_one() {
        let today = d(2026, 12, 10);
        assert_eq!(check_comment(&L, 2024, today), Ok(()));
        assert_eq!(check_comment(&L, 2026, today), Ok(()));
        assert_eq!(
            check_comment(&L, 2023, today),
            Err(LiaisonRefusal::NotRunning)
        );
        assert_eq!(
            check_comment(&L, 2027, today),
            Err(LiaisonRefusal::NotRunning)
        );
        let ended = Liaison {
            ended_on: Some(d(2025, 6, 30)),
            ..L
        };
        assert_eq!(check_comment(&ended, 2025, today), Ok(()));
        assert_eq!(
            check_comment(&ended, 2026, today),
            Err(LiaisonRefusal::NotRunning)
        );
        let on_request = Liaison {
            mode: LiaisonMode::OnRequest,
            ..L
        };
        assert_eq!(check_comment(&on_request, 2026, today), Ok(()));
    }

    proptest::proptest! {
        /// A comment may be written exactly for the years whose state is not "not due" for a
        /// regular liaison (up to this year), and a written comment is always `Written`.
        #[test]
        fn a_comment_is_accepted_exactly_when_it_is_due(
            from in 2015i32..2027, len in proptest::option::of(0i32..6), year in 2012i32..2030,
            on_request: bool,
        ) {
            let l = Liaison {
                introduced_on: d(from, 3, 1),
                ended_on: len.map(|n| d(from + n, 6, 30)),
                mode: if on_request { LiaisonMode::OnRequest } else { LiaisonMode::Regular },
            };
            let today = d(2026, 12, 10);
            let regular = Liaison { mode: LiaisonMode::Regular, ..l };
            let due = comment_state(&regular, year, false) == Missing;
            proptest::prop_assert_eq!(check_comment(&l, year, today).is_ok(), due && year <= 2026);
            proptest::prop_assert_eq!(comment_state(&l, year, true), Written);
            proptest::prop_assert!(!(on_request && comment_state(&l, year, false) == Missing));
        }
    }

    #[test]
    fn the_working_cell_is_alerted_once_the_round_opens() {
        let today = d(2026, 12, 10);
        assert!(!missing_alert(&L, 2026, false, None, today));
        assert!(!missing_alert(
            &L,
            2026,
            false,
            Some(d(2026, 12, 15)),
            today
        ));
        assert!(missing_alert(&L, 2026, false, Some(d(2026, 12, 1)), today));
        assert!(!missing_alert(&L, 2026, true, Some(d(2026, 12, 1)), today));
    }
}
