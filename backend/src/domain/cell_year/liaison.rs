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

/// The state of `year`'s comment: due when the liaison is regular and ran during the year.
pub fn comment_state(l: &Liaison, year: i32, written: bool) -> LiaisonCommentState {
    let ran = l.introduced_on.year() <= year && l.ended_on.is_none_or(|e| e.year() >= year);
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
