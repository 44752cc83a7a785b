//! An evaluation round's transitions (rule 16): a grassroots organisation's round of a year is
//! open while ratings are written, closes within the quota, and reopens only to correct a
//! mistake. Pure: the service loads the round, calls these and stores what they return.

use qldv_api_types::evaluations::RoundStatus;
use qldv_api_types::regulations::QuotaBase;

use super::evaluation::check_quota;
use super::Violation;

/// Why a round cannot move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundRefusal {
    /// Rounds belong to grassroots organisations, and this one is not (422).
    NotGrassroots,
    /// The round is closed: nothing of it changes (409).
    Closed,
    /// The round is open: there is nothing to reopen (409).
    NotClosed,
    /// Excellent ratings pass the quota (422, rule 16).
    Quota(Violation),
}

/// Rule 16: ratings of a year are written only while the round of that year is open.
pub fn require_open(status: RoundStatus) -> Result<(), RoundRefusal> {
    match status {
        RoundStatus::Open => Ok(()),
        RoundStatus::Closed => Err(RoundRefusal::Closed),
    }
}

/// Rule 16: closing a round freezes its summary; only a grassroots organisation's open round
/// closes, and only with excellent ratings within `quota_percent` % of the good ones (checked in
/// that order). The state it moves to.
pub fn close_round(
    status: RoundStatus,
    is_grassroots: bool,
    excellent: i64,
    good: i64,
    quota_percent: u32,
    base: QuotaBase,
) -> Result<RoundStatus, RoundRefusal> {
    if !is_grassroots {
        return Err(RoundRefusal::NotGrassroots);
    }
    require_open(status)?;
    check_quota(excellent, good, quota_percent, base).map_err(RoundRefusal::Quota)?;
    Ok(RoundStatus::Closed)
}

/// Reopening (an administrator correcting a mistake): only a closed round reopens. The state
/// it moves to.
pub fn reopen_round(status: RoundStatus) -> Result<RoundStatus, RoundRefusal> {
    match status {
        RoundStatus::Closed => Ok(RoundStatus::Open),
        RoundStatus::Open => Err(RoundRefusal::NotClosed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::evaluation::max_excellent;
    use proptest::prelude::*;

    #[test]
    fn a_round_closes_once_within_the_quota_and_reopens_once() {
        use RoundStatus::{Closed, Open};
        assert_eq!(
            close_round(Open, true, 2, 10, 20, QuotaBase::Good),
            Ok(Closed)
        );
        assert_eq!(
            close_round(Open, true, 3, 10, 20, QuotaBase::Good).map_err(|r| match r {
                RoundRefusal::Quota(v) => v.code,
                _ => "other",
            }),
            Err("quota_exceeded")
        );
        assert_eq!(
            close_round(Closed, true, 0, 0, 20, QuotaBase::Good),
            Err(RoundRefusal::Closed)
        );
        assert_eq!(reopen_round(Closed), Ok(Open));
        assert_eq!(reopen_round(Open), Err(RoundRefusal::NotClosed));
        assert_eq!(require_open(Open), Ok(()));
        assert_eq!(require_open(Closed), Err(RoundRefusal::Closed));
    }

    #[test]
    fn only_a_grassroots_round_closes_and_that_is_checked_first() {
        for status in [RoundStatus::Open, RoundStatus::Closed] {
            assert_eq!(
                close_round(status, false, 100, 0, 20, QuotaBase::Good),
                Err(RoundRefusal::NotGrassroots)
            );
        }
        // A closed round over the quota answers that it is closed, not the quota.
        assert_eq!(
            close_round(RoundStatus::Closed, true, 100, 0, 20, QuotaBase::Good),
            Err(RoundRefusal::Closed)
        );
    }

    proptest! {
        /// Closing succeeds exactly on an open grassroots round within the quota, and a closed
        /// round takes no rating until it is reopened.
        #[test]
        fn closing_and_reopening(closed: bool, grassroots: bool, excellent in 0i64..500,
                                 good in 0i64..500, pct in 0u32..100) {
            let status = if closed { RoundStatus::Closed } else { RoundStatus::Open };
            let result = close_round(status, grassroots, excellent, good, pct, QuotaBase::Good);
            prop_assert_eq!(
                result.is_ok(),
                grassroots && !closed && excellent <= max_excellent(good, pct)
            );
            if let Ok(next) = result {
                prop_assert_eq!(next, RoundStatus::Closed);
                prop_assert!(require_open(next).is_err());
                prop_assert_eq!(reopen_round(next), Ok(RoundStatus::Open));
                prop_assert!(require_open(RoundStatus::Open).is_ok());
            }
        }
    }
}
