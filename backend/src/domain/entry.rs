//! Data-entry timeliness (DOMAIN.md "Reports"): how long after the event each admission,
//! transfer, exit and death was entered, whether that was within the deadline (a dated
//! setting), and the counts a report shows per subtree and period.

use chrono::{NaiveDate, NaiveDateTime};
use qldv_api_types::members::MemberEventKind;
use qldv_api_types::movements::MembershipEnd;

pub use qldv_api_types::reports::EntryKind;

/// The kind of entry an event is, if its timeliness is measured: admissions and re-admissions,
/// transfers received or out of the system, exits, and deaths (an exit whose reason is death).
pub fn kind_of(event: MemberEventKind, exit_reason: Option<MembershipEnd>) -> Option<EntryKind> {
    match event {
        MemberEventKind::Admitted | MemberEventKind::Readmitted => Some(EntryKind::Admission),
        MemberEventKind::TransferReceived | MemberEventKind::TransferredOut => {
            Some(EntryKind::Transfer)
        }
        MemberEventKind::Exited => Some(match exit_reason {
            Some(MembershipEnd::Deceased) => EntryKind::Death,
            _ => EntryKind::Exit,
        }),
        _ => None,
    }
}

/// The event kinds whose timeliness is measured (for the queries).
pub const MEASURED: [MemberEventKind; 5] = [
    MemberEventKind::Admitted,
    MemberEventKind::Readmitted,
    MemberEventKind::TransferReceived,
    MemberEventKind::TransferredOut,
    MemberEventKind::Exited,
];

/// The day in Vietnam (UTC+7) a UTC entry time falls on.
pub fn entered_on(entered_at_utc: NaiveDateTime) -> NaiveDate {
    (entered_at_utc + chrono::Duration::hours(7)).date()
}

/// Days from the event to its entry (0 when entered on the day, or ahead of a future-dated
/// event).
pub fn delay_days(event_on: NaiveDate, entered_on: NaiveDate) -> i64 {
    (entered_on - event_on).num_days().max(0)
}

/// Whether an entry `delay` days after its event is late: past the deadline.
pub fn is_late(delay: i64, deadline_days: u32) -> bool {
    delay > i64::from(deadline_days)
}

/// Counts of entries of one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timeliness {
    /// Entries.
    pub entered: i64,
    /// Entered within the deadline.
    pub on_time: i64,
    /// Entered after it.
    pub late: i64,
    /// Sum of the delays, days.
    pub total_delay: i64,
    /// The longest delay, days.
    pub max_delay: i64,
}

impl Timeliness {
    /// Counts one entry `delay` days after its event.
    pub fn add(&mut self, delay: i64, deadline_days: u32) {
        self.entered += 1;
        if is_late(delay, deadline_days) {
            self.late += 1;
        } else {
            self.on_time += 1;
        }
        self.total_delay += delay.max(0);
        self.max_delay = self.max_delay.max(delay);
    }

    /// Share entered on time, in whole percent rounded half up (100 with nothing entered).
    pub fn on_time_percent(&self) -> i64 {
        if self.entered == 0 {
            return 100;
        }
        (self.on_time * 100 + self.entered / 2) / self.entered
    }

    /// Mean delay in whole days, rounded half up (0 with nothing entered).
    pub fn mean_delay(&self) -> i64 {
        if self.entered == 0 {
            return 0;
        }
        (self.total_delay + self.entered / 2) / self.entered
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn which_events_are_measured() {
        assert_eq!(
            kind_of(MemberEventKind::Admitted, None),
            Some(EntryKind::Admission)
        );
        assert_eq!(
            kind_of(MemberEventKind::Readmitted, None),
            Some(EntryKind::Admission)
        );
        assert_eq!(
            kind_of(MemberEventKind::TransferReceived, None),
            Some(EntryKind::Transfer)
        );
        assert_eq!(
            kind_of(MemberEventKind::Exited, Some(MembershipEnd::Deceased)),
            Some(EntryKind::Death)
        );
        assert_eq!(
            kind_of(MemberEventKind::Exited, Some(MembershipEnd::NameRemoved)),
            Some(EntryKind::Exit)
        );
        assert_eq!(kind_of(MemberEventKind::Recognized, None), None);
        assert_eq!(kind_of(MemberEventKind::TransferIssued, None), None);
        for k in MEASURED {
            assert!(kind_of(k, None).is_some());
        }
    }

    #[test]
    fn the_entry_day_is_vietnams() {
        // 17:30 UTC on 31 Jan is 00:30 on 1 Feb in Vietnam.
        let at = d(2025, 1, 31).and_hms_opt(17, 30, 0).unwrap_or_default();
        assert_eq!(entered_on(at), d(2025, 2, 1));
        let at = d(2025, 1, 31).and_hms_opt(16, 59, 0).unwrap_or_default();
        assert_eq!(entered_on(at), d(2025, 1, 31));
    }

    #[test]
    fn late_is_past_the_deadline_not_on_it() {
        let deadline = 30;
        assert_eq!(delay_days(d(2025, 1, 1), d(2025, 1, 31)), 30);
        assert!(!is_late(30, deadline));
        assert!(is_late(31, deadline));
        assert_eq!(delay_days(d(2025, 3, 1), d(2025, 2, 1)), 0);
        let mut t = Timeliness::default();
        for delay in [0, 30, 31, 400] {
            t.add(delay, deadline);
        }
        assert_eq!((t.entered, t.on_time, t.late, t.max_delay), (4, 2, 2, 400));
        assert_eq!(t.on_time_percent(), 50);
        assert_eq!(t.mean_delay(), 115);
        assert_eq!(Timeliness::default().on_time_percent(), 100);
    }

    proptest! {
        /// Every entry is on time or late, never both; the share is between 0 and 100.
        #[test]
        fn counts_add_up(delays in proptest::collection::vec(0i64..2_000, 0..50), deadline in 0u32..400) {
            let mut t = Timeliness::default();
            for d in &delays {
                t.add(*d, deadline);
            }
            prop_assert_eq!(t.on_time + t.late, t.entered);
            prop_assert_eq!(t.entered, delays.len() as i64);
            prop_assert_eq!(t.late, delays.iter().filter(|d| **d > i64::from(deadline)).count() as i64);
            prop_assert!((0..=100).contains(&t.on_time_percent()));
            prop_assert!(t.mean_delay() <= t.max_delay);
        }
    }
}
