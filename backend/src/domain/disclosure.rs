//! What a caller may learn of records outside its scope: that an identifier (CCCD or
//! personal-history number) is held by a record it cannot see is told without saying where, and
//! only a few times a day per account, so that no account can ask who is a party member.

/// "Held elsewhere" answers an account may get in a day.
pub const DAILY_ALLOWANCE: u32 = 20;

/// Seconds an account that used its allowance waits (the allowance is counted over a day).
pub const WINDOW_SECONDS: i64 = 24 * 3600;

/// Which identifier a record holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identifier {
    /// The CCCD (citizen identity number).
    NationalId,
    /// The personal-history number (số lý lịch).
    HistoryNo,
}

impl Identifier {
    /// How the audit trail names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NationalId => "national_id",
            Self::HistoryNo => "personal_history_no",
        }
    }
}

/// An identifier held by a record outside the caller's scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldElsewhere {
    /// The record holding it (for the audit trail only, never for the caller).
    pub member_id: qldv_api_types::MemberId,
    /// Its organisation's path (the holder's board reads the audit entry).
    pub org_path: String,
    /// Which identifier.
    pub identifier: Identifier,
}

/// How many more answers an account that had `used` in the last day may get.
pub fn allowance_left(used: i64) -> u32 {
    let used = u32::try_from(used.max(0)).unwrap_or(u32::MAX);
    DAILY_ALLOWANCE.saturating_sub(used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allowance_counts_down_to_zero_and_stays_there() {
        assert_eq!(allowance_left(0), DAILY_ALLOWANCE);
        assert_eq!(allowance_left(-3), DAILY_ALLOWANCE);
        assert_eq!(allowance_left(19), 1);
        assert_eq!(allowance_left(20), 0);
        assert_eq!(allowance_left(i64::MAX), 0);
    }
}
