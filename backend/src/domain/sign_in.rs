//! When a sign-in attempt is refused before its password is even checked: too many recent
//! failures for the user name from this address, for the user name from anywhere (a guesser
//! spreading over many addresses), or from this address whatever the name (a flood of names).

use chrono::{Duration, NaiveDateTime};

/// Failures counted inside the window.
pub const WINDOW_MINUTES: i64 = 15;
/// Failures allowed for one user name from one address.
pub const MAX_PER_ACCOUNT_AND_ADDRESS: i64 = 5;
/// Failures allowed for one user name from all addresses together.
pub const MAX_PER_ACCOUNT: i64 = 10;
/// Failures allowed from one address, whatever the user names.
pub const MAX_PER_ADDRESS: i64 = 30;

/// The window.
pub fn window() -> Duration {
    Duration::minutes(WINDOW_MINUTES)
}

/// Failures of one kind inside the window: how many, and the oldest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// How many.
    pub count: i64,
    /// When the oldest happened.
    pub oldest: Option<NaiveDateTime>,
}

/// The failures that concern one attempt.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecentFailures {
    /// This user name from this address.
    pub account_and_address: Tally,
    /// This user name from any address.
    pub account: Tally,
    /// This address, any user name.
    pub address: Tally,
}

/// Seconds until an attempt may be made again, or `None` when it may be made now. Once its
/// oldest failure leaves the window a tally is below its limit again (at the latest).
pub fn retry_after(failures: &RecentFailures, now: NaiveDateTime) -> Option<i64> {
    let window = window();
    [
        (failures.account_and_address, MAX_PER_ACCOUNT_AND_ADDRESS),
        (failures.account, MAX_PER_ACCOUNT),
        (failures.address, MAX_PER_ADDRESS),
    ]
    .into_iter()
    .filter(|(tally, max)| tally.count >= *max)
    .map(|(tally, _)| {
        tally
            .oldest
            .map(|t| (t + window - now).num_seconds().max(1))
            .unwrap_or(window.num_seconds())
    })
    .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + minute * 60, 0)
            .map(|d| d.naive_utc())
            .unwrap_or_default()
    }

    fn tally(count: i64, oldest_minute: i64) -> Tally {
        Tally {
            count,
            oldest: Some(at(oldest_minute)),
        }
    }

    #[test]
    fn each_limit_refuses_on_its_own_until_its_oldest_failure_leaves_the_window() {
        let now = at(10);
        assert_eq!(retry_after(&RecentFailures::default(), now), None);
        let pair = RecentFailures {
            account_and_address: tally(5, 0),
            ..Default::default()
        };
        assert_eq!(retry_after(&pair, now), Some(5 * 60));
        let spread = RecentFailures {
            account_and_address: tally(1, 8),
            account: tally(10, 2),
            ..Default::default()
        };
        assert_eq!(retry_after(&spread, now), Some(7 * 60));
        let flood = RecentFailures {
            address: tally(30, 9),
            ..Default::default()
        };
        assert_eq!(retry_after(&flood, now), Some(14 * 60));
        let under = RecentFailures {
            account_and_address: tally(4, 0),
            account: tally(9, 0),
            address: tally(29, 0),
        };
        assert_eq!(retry_after(&under, now), None);
        // Two limits reached: the later release counts.
        let both = RecentFailures {
            account: tally(10, 0),
            address: tally(30, 9),
            ..Default::default()
        };
        assert_eq!(retry_after(&both, now), Some(14 * 60));
    }
}
