//! Transfers (rules 6–9): deadlines, durations, and the state machine of a two-step transfer.

use crate::messages::text;
use chrono::NaiveDate;
use qldv_api_types::movements::TransferStatus;

use super::calendar::{add_months, add_working_days};
use super::settings::RuleSettings;
use super::Violation;

/// Why a temporary transfer is made (rule 8 sets its longest duration): the vocabulary's term.
pub use qldv_api_types::movements::TransferPurpose as Purpose;

/// Rule 6: an official transfer is filed within the deadline of its triggering event; later
/// needs a reason.
pub fn check_filing(
    event_on: NaiveDate,
    issued_on: NaiveDate,
    has_reason: bool,
    s: &RuleSettings,
) -> Result<(), Violation> {
    if issued_on < event_on {
        return Err(Violation::new(
            "date_order",
            text!(
                "Ngày cấp giấy giới thiệu không thể trước sự kiện dẫn đến chuyển sinh hoạt",
                "The letter of introduction cannot precede the event behind the transfer"
            ),
        ));
    }
    let deadline = add_working_days(event_on, s.transfer_filing_working_days, &s.calendar);
    if issued_on > deadline && !has_reason {
        return Err(Violation::new(
            "transfer_filed_late",
            text!(
"Chuyển sinh hoạt chính thức phải làm trong {} ngày làm việc kể từ sự kiện (hạn {}); nhập lý do chậm",
"A permanent transfer is made within {} working days of the event (deadline {}); enter the reason for the delay",
                s.transfer_filing_working_days,
                deadline.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

/// Rule 6: the member reports to the receiving cell within the deadline of the paper's issue;
/// later needs a reason.
pub fn check_reporting(
    issued_on: NaiveDate,
    received_on: NaiveDate,
    has_reason: bool,
    s: &RuleSettings,
) -> Result<(), Violation> {
    if received_on < issued_on {
        return Err(Violation::new(
            "date_order",
            text!(
                "Ngày tiếp nhận không thể trước ngày cấp giấy giới thiệu",
                "The arrival cannot precede the letter of introduction"
            ),
        ));
    }
    let deadline = reporting_deadline(issued_on, s);
    if received_on > deadline && !has_reason {
        return Err(Violation::new(
            "reported_late",
            text!(
"Đảng viên phải báo cáo với chi bộ nơi đến trong {} ngày làm việc (hạn {}); nhập lý do chậm",
"The member reports to the receiving cell within {} working days (deadline {}); enter the reason for the delay",
                s.transfer_reporting_working_days,
                deadline.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

/// Rule 6: the last day to report at the receiving cell.
pub fn reporting_deadline(issued_on: NaiveDate, s: &RuleSettings) -> NaiveDate {
    add_working_days(issued_on, s.transfer_reporting_working_days, &s.calendar)
}

/// Rule 8: a temporary transfer lasts from 3 months to less than 1 year (work, residence) or up
/// to 2 years (study). Abroad it lasts from 3 months to less than 1 year whatever the purpose
/// (HD 01-HD/TW §10.2: a year or more abroad is an official transfer abroad).
pub fn check_temporary(
    purpose: Purpose,
    from: NaiveDate,
    until: NaiveDate,
    s: &RuleSettings,
) -> Result<(), Violation> {
    let shortest = add_months(from, s.temporary_min_months);
    if until < shortest {
        return Err(Violation::new(
            "temporary_too_short",
            text!(
"Sinh hoạt tạm thời từ {} tháng trở lên; ngắn hơn thì không chuyển",
"A temporary registration lasts {} months or more; shorter stays are not transferred",
                s.temporary_min_months
            ),
        ));
    }
    let (limit, ok) = match purpose {
        Purpose::Abroad if until >= add_months(from, s.temporary_max_months) => {
            return Err(Violation::new(
                "temporary_too_long",
                text!(
"Ra nước ngoài từ {} tháng trở lên thì chuyển sinh hoạt đảng chính thức ra ngoài nước",
"Going abroad for {} months or more is a permanent transfer abroad",
                    s.temporary_max_months
                ),
            ));
        }
        Purpose::Study => {
            let l = add_months(from, s.temporary_study_max_months);
            (l, until <= l)
        }
        Purpose::Work | Purpose::Residence | Purpose::Abroad => {
            let l = add_months(from, s.temporary_max_months);
            (l, until < l)
        }
    };
    if !ok {
        return Err(Violation::new(
            "temporary_too_long",
            text!(
"Thời hạn sinh hoạt tạm thời vượt mức cho phép (đến trước {}); dài hơn thì chuyển chính thức",
"The temporary registration is longer than allowed (ends before {}); a longer stay is a permanent transfer",
                limit.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

/// Which side of a transfer the caller's scope holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sides {
    /// The caller's scope holds the sending cell.
    pub sender: bool,
    /// The caller's scope holds the receiving cell.
    pub receiver: bool,
}

/// What one side decides about a pending transfer (rule 7: a transfer inside the system takes two
/// steps, the sender's paper and the receiver's acceptance).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The receiver takes the member in.
    Accept,
    /// The receiver refuses: the member stays.
    Reject,
    /// The sender withdraws the paper: the member stays.
    Cancel,
}

impl Decision {
    /// Whether the side(s) the caller holds may take this decision: the receiver accepts or
    /// rejects, the sender cancels.
    pub fn allowed(self, sides: Sides) -> bool {
        match self {
            Self::Accept | Self::Reject => sides.receiver,
            Self::Cancel => sides.sender,
        }
    }

    /// The state the transfer moves to.
    pub fn outcome(self) -> TransferStatus {
        match self {
            Self::Accept => TransferStatus::Accepted,
            Self::Reject => TransferStatus::Rejected,
            Self::Cancel => TransferStatus::Cancelled,
        }
    }
}

/// Why a transfer cannot move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The caller's side may not take this decision (403): only the receiver accepts or
    /// rejects, only the sender cancels.
    WrongSide(Decision),
    /// The transfer is no longer pending (409): it was accepted, rejected, cancelled or done in
    /// one step.
    NotPending,
    /// The member already has a pending transfer (409): one transfer at a time, so that the
    /// member is never on its way to two cells.
    AlreadyPending,
}

/// Rule 7: the new state of a transfer when `decision` is taken by a caller holding `sides`:
/// the side is checked first (403), then that the transfer is still pending (409).
pub fn decide(
    current: TransferStatus,
    sides: Sides,
    decision: Decision,
) -> Result<TransferStatus, Refusal> {
    if !decision.allowed(sides) {
        return Err(Refusal::WrongSide(decision));
    }
    if current != TransferStatus::Pending {
        return Err(Refusal::NotPending);
    }
    Ok(decision.outcome())
}

/// Rule 7: a member with a pending transfer gets no second one (nor an exit) until it is
/// decided.
pub fn require_none_pending(has_pending: bool) -> Result<(), Refusal> {
    if has_pending {
        Err(Refusal::AlreadyPending)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn s() -> RuleSettings {
        RuleSettings::defaults("test")
    }

    #[test]
    fn filing_within_sixty_working_days() {
        // Event Monday 2025-03-03; the 60th working day after it is 2025-05-29
        // (Hùng Kings' day 7 Apr, 30 Apr and 1 May are holidays).
        let e = d(2025, 3, 3);
        assert_eq!(add_working_days(e, 60, &s().calendar), d(2025, 5, 29));
        assert!(check_filing(e, d(2025, 5, 28), false, &s()).is_ok());
        assert!(check_filing(e, d(2025, 5, 29), false, &s()).is_ok());
        assert_eq!(
            check_filing(e, d(2025, 5, 30), false, &s()).map_err(|v| v.code),
            Err("transfer_filed_late")
        );
        assert!(check_filing(e, d(2025, 5, 30), true, &s()).is_ok());
    }

    #[test]
    fn reporting_within_thirty_working_days() {
        let issued = d(2025, 3, 3);
        let deadline = reporting_deadline(issued, &s());
        // Hùng Kings' day (Monday 7 Apr 2025) is not a working day.
        assert_eq!(deadline, d(2025, 4, 15));
        assert!(check_reporting(issued, deadline, false, &s()).is_ok());
        assert!(check_reporting(issued, d(2025, 4, 16), false, &s()).is_err());
        assert!(check_reporting(issued, d(2025, 4, 16), true, &s()).is_ok());
        assert!(check_reporting(issued, d(2025, 3, 2), true, &s()).is_err());
    }

    #[test]
    fn temporary_durations() {
        let from = d(2025, 1, 10);
        let work = |until| check_temporary(Purpose::Work, from, until, &s()).map_err(|v| v.code);
        assert_eq!(work(d(2025, 4, 9)), Err("temporary_too_short"));
        assert_eq!(work(d(2025, 4, 10)), Ok(()));
        assert_eq!(work(d(2026, 1, 9)), Ok(()));
        assert_eq!(work(d(2026, 1, 10)), Err("temporary_too_long"));
        let study = |until| check_temporary(Purpose::Study, from, until, &s()).map_err(|v| v.code);
        let abroad =
            |until| check_temporary(Purpose::Abroad, from, until, &s()).map_err(|v| v.code);
        // Abroad: under a year whatever the reason; a year is an official transfer abroad.
        assert_eq!(abroad(add_months(from, 3)), Ok(()));
        assert_eq!(
            abroad(add_months(from, 12) - chrono::Duration::days(1)),
            Ok(())
        );
        assert_eq!(abroad(add_months(from, 12)), Err("temporary_too_long"));
        assert_eq!(abroad(add_months(from, 2)), Err("temporary_too_short"));
        assert_eq!(study(d(2027, 1, 10)), Ok(()));
        assert_eq!(study(d(2027, 1, 11)), Err("temporary_too_long"));
    }

    const STATUSES: [TransferStatus; 5] = [
        TransferStatus::Pending,
        TransferStatus::Accepted,
        TransferStatus::Rejected,
        TransferStatus::Cancelled,
        TransferStatus::Completed,
    ];
    const DECISIONS: [Decision; 3] = [Decision::Accept, Decision::Reject, Decision::Cancel];

    fn sides(sender: bool, receiver: bool) -> Sides {
        Sides { sender, receiver }
    }

    #[test]
    fn only_the_receiver_accepts_or_rejects_and_only_the_sender_cancels() {
        let p = TransferStatus::Pending;
        let sender = sides(true, false);
        let receiver = sides(false, true);
        assert_eq!(
            decide(p, receiver, Decision::Accept),
            Ok(TransferStatus::Accepted)
        );
        assert_eq!(
            decide(p, receiver, Decision::Reject),
            Ok(TransferStatus::Rejected)
        );
        assert_eq!(
            decide(p, sender, Decision::Cancel),
            Ok(TransferStatus::Cancelled)
        );
        assert_eq!(
            decide(p, sender, Decision::Accept),
            Err(Refusal::WrongSide(Decision::Accept))
        );
        assert_eq!(
            decide(p, sender, Decision::Reject),
            Err(Refusal::WrongSide(Decision::Reject))
        );
        assert_eq!(
            decide(p, receiver, Decision::Cancel),
            Err(Refusal::WrongSide(Decision::Cancel))
        );
        // A scope holding both cells (a transfer inside one province) may take every decision.
        for d in DECISIONS {
            assert_eq!(decide(p, sides(true, true), d), Ok(d.outcome()));
        }
    }

    #[test]
    fn only_a_pending_transfer_is_decided() {
        for current in STATUSES
            .into_iter()
            .filter(|s| *s != TransferStatus::Pending)
        {
            for d in DECISIONS {
                assert_eq!(
                    decide(current, sides(true, true), d),
                    Err(Refusal::NotPending)
                );
            }
        }
    }

    #[test]
    fn the_side_is_checked_before_the_state() {
        // A sender trying to accept an already accepted transfer learns only that it may not.
        assert_eq!(
            decide(
                TransferStatus::Accepted,
                sides(true, false),
                Decision::Accept
            ),
            Err(Refusal::WrongSide(Decision::Accept))
        );
    }

    #[test]
    fn one_pending_transfer_at_a_time() {
        assert_eq!(require_none_pending(false), Ok(()));
        assert_eq!(require_none_pending(true), Err(Refusal::AlreadyPending));
    }

    fn status() -> impl Strategy<Value = TransferStatus> {
        proptest::sample::select(STATUSES.to_vec())
    }

    fn decision() -> impl Strategy<Value = Decision> {
        proptest::sample::select(DECISIONS.to_vec())
    }

    proptest! {
        /// A decision succeeds exactly when the side may take it and the transfer is pending;
        /// what it leads to is final: no second decision can follow.
        #[test]
        fn decisions_are_final(current in status(), sender: bool, receiver: bool,
                               first in decision(), second in decision()) {
            let s = sides(sender, receiver);
            let result = decide(current, s, first);
            prop_assert_eq!(
                result.is_ok(),
                first.allowed(s) && current == TransferStatus::Pending
            );
            if let Ok(next) = result {
                prop_assert_ne!(next, TransferStatus::Pending);
                prop_assert!(decide(next, sides(true, true), second).is_err());
            }
        }
    }
}
