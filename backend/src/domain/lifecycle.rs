//! A member's state, derived from the dated events of its history (never stored any other way:
//! statuses computed otherwise drift).

use chrono::NaiveDate;
use qldv_api_types::members::MemberStatus;

/// What an event says about the lifecycle (events that do not change it are `Other`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact {
    /// Admitted: decision signed on `decision`, ceremony on `ceremony`; `first_decision` is the
    /// first admission decision ever (earlier for a member entered with a history).
    Admitted {
        /// Decision date.
        decision: NaiveDate,
        /// Ceremony date.
        ceremony: NaiveDate,
        /// First admission decision ever.
        first_decision: NaiveDate,
    },
    /// Recognised official from this date.
    Recognized(NaiveDate),
    /// Left the party (name removal, resignation, expulsion, death) on this date.
    Exited(NaiveDate),
    /// Re-admitted: a new decision and ceremony; the time since the exit is an interruption.
    Readmitted {
        /// Decision date.
        decision: NaiveDate,
        /// Ceremony date.
        ceremony: NaiveDate,
    },
    /// A wrongful exit annulled: it never interrupted anything.
    ExitAnnulled,
    /// Left the cell on an official transfer (the gap until arrival is an interruption).
    TransferLeft(NaiveDate),
    /// Arrived at the receiving cell.
    TransferArrived(NaiveDate),
    /// The transfer was rejected or cancelled: the member never left.
    TransferWithdrawn,
    /// Transferred to outside the system.
    TransferredOut(NaiveDate),
    /// No effect on the lifecycle (corrections, supplements, …).
    Other,
}

/// The state a member row caches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    /// Probationary, official, exited or transferred out.
    pub status: MemberStatus,
    /// First admission decision ever (party age counts from it).
    pub first_decision: NaiveDate,
    /// Latest admission decision.
    pub decision: NaiveDate,
    /// Latest ceremony.
    pub ceremony: NaiveDate,
    /// Official date of the current membership, if recognised.
    pub official_on: Option<NaiveDate>,
    /// Whether the member was ever recognised official (party age exists).
    pub ever_recognised: bool,
    /// Days of interruptions that have ended.
    pub interruption_days: i64,
    /// Start of an interruption still going on.
    pub interrupted_since: Option<NaiveDate>,
    /// An official transfer issued and not yet received.
    pub in_transit: bool,
}

/// Folds the facts, in date order, into the state; `None` before any admission.
pub fn derive(facts: &[Fact]) -> Option<Derived> {
    let mut state: Option<Derived> = None;
    let mut exited_on: Option<NaiveDate> = None;
    let mut left_on: Option<NaiveDate> = None;
    for fact in facts {
        match (fact, state.as_mut()) {
            (
                Fact::Admitted {
                    decision,
                    ceremony,
                    first_decision,
                },
                _,
            ) => {
                state = Some(Derived {
                    status: MemberStatus::Probationary,
                    first_decision: *first_decision,
                    decision: *decision,
                    ceremony: *ceremony,
                    official_on: None,
                    ever_recognised: false,
                    interruption_days: 0,
                    interrupted_since: None,
                    in_transit: false,
                });
                left_on = None;
            }
            (Fact::Recognized(on), Some(s)) => {
                s.status = MemberStatus::Official;
                s.official_on = Some(*on);
                s.ever_recognised = true;
            }
            (Fact::Exited(on), Some(s)) => {
                s.status = MemberStatus::Exited;
                s.interrupted_since = Some(*on);
                exited_on = Some(*on);
            }
            (Fact::ExitAnnulled, Some(s)) => {
                s.interrupted_since = None;
                s.status = if s.official_on.is_some() {
                    MemberStatus::Official
                } else {
                    MemberStatus::Probationary
                };
                exited_on = None;
            }
            (Fact::Readmitted { decision, ceremony }, Some(s)) => {
                if let Some(from) = exited_on.take() {
                    s.interruption_days += (*decision - from).num_days().max(0);
                }
                s.interrupted_since = None;
                s.status = MemberStatus::Probationary;
                s.decision = *decision;
                s.ceremony = *ceremony;
                s.official_on = None;
            }
            (Fact::TransferLeft(on), Some(s)) => {
                s.in_transit = true;
                left_on = Some(*on);
            }
            (Fact::TransferArrived(on), Some(s)) => {
                if let Some(from) = left_on.take() {
                    s.interruption_days += (*on - from).num_days().max(0);
                }
                s.in_transit = false;
            }
            (Fact::TransferWithdrawn, Some(s)) => {
                s.in_transit = false;
                left_on = None;
            }
            (Fact::TransferredOut(on), Some(s)) => {
                s.status = MemberStatus::TransferredOut;
                s.in_transit = false;
                s.interrupted_since = Some(*on);
            }
            (_, _) => {}
        }
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn admission_then_recognition() {
        let facts = [
            Fact::Admitted {
                decision: d(2025, 3, 3),
                ceremony: d(2025, 3, 20),
                first_decision: d(2025, 3, 3),
            },
            Fact::Other,
            Fact::Recognized(d(2026, 3, 20)),
        ];
        let s = derive(&facts).unwrap_or_else(|| unreachable!());
        assert_eq!(s.status, MemberStatus::Official);
        assert_eq!(s.official_on, Some(d(2026, 3, 20)));
        assert!(s.ever_recognised);
    }

    #[test]
    fn exit_and_readmission_leave_an_interruption() {
        let facts = [
            Fact::Admitted {
                decision: d(2000, 1, 1),
                ceremony: d(2000, 1, 10),
                first_decision: d(2000, 1, 1),
            },
            Fact::Recognized(d(2001, 1, 10)),
            Fact::Exited(d(2010, 1, 1)),
        ];
        let s = derive(&facts).unwrap_or_else(|| unreachable!());
        assert_eq!(
            (s.status, s.interrupted_since),
            (MemberStatus::Exited, Some(d(2010, 1, 1)))
        );
        let mut more = facts.to_vec();
        more.push(Fact::Readmitted {
            decision: d(2014, 1, 1),
            ceremony: d(2014, 1, 15),
        });
        let s = derive(&more).unwrap_or_else(|| unreachable!());
        assert_eq!(s.status, MemberStatus::Probationary);
        assert_eq!(
            s.interruption_days,
            (d(2014, 1, 1) - d(2010, 1, 1)).num_days()
        );
        assert_eq!(s.first_decision, d(2000, 1, 1));
        assert!(s.ever_recognised);
        assert_eq!(s.official_on, None);
    }

    #[test]
    fn an_annulled_exit_is_no_interruption() {
        let facts = [
            Fact::Admitted {
                decision: d(2000, 1, 1),
                ceremony: d(2000, 1, 10),
                first_decision: d(2000, 1, 1),
            },
            Fact::Recognized(d(2001, 1, 10)),
            Fact::Exited(d(2010, 1, 1)),
            Fact::ExitAnnulled,
        ];
        let s = derive(&facts).unwrap_or_else(|| unreachable!());
        assert_eq!(
            (s.status, s.interrupted_since, s.interruption_days),
            (MemberStatus::Official, None, 0)
        );
    }

    #[test]
    fn a_transfer_gap_is_an_interruption_and_a_withdrawn_one_is_not() {
        let base = vec![
            Fact::Admitted {
                decision: d(2000, 1, 1),
                ceremony: d(2000, 1, 10),
                first_decision: d(2000, 1, 1),
            },
            Fact::Recognized(d(2001, 1, 10)),
            Fact::TransferLeft(d(2010, 3, 1)),
        ];
        let s = derive(&base).unwrap_or_else(|| unreachable!());
        assert!(s.in_transit);
        let mut received = base.clone();
        received.push(Fact::TransferArrived(d(2010, 3, 11)));
        let s = derive(&received).unwrap_or_else(|| unreachable!());
        assert_eq!((s.in_transit, s.interruption_days), (false, 10));
        let mut withdrawn = base;
        withdrawn.push(Fact::TransferWithdrawn);
        let s = derive(&withdrawn).unwrap_or_else(|| unreachable!());
        assert_eq!((s.in_transit, s.interruption_days), (false, 0));
    }

    #[test]
    fn nothing_before_an_admission() {
        assert_eq!(derive(&[Fact::Recognized(d(2020, 1, 1))]), None);
    }
}
