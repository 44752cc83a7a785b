//! A member's state, derived from the dated events of its history (never stored any other way:
//! statuses computed otherwise drift).

use chrono::NaiveDate;
use qldv_api_types::members::MemberStatus;

use super::party_age::{covered_days, PartyAgeFacts, Period};

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
    /// A wrongful exit annulled (117-QĐ/TW): it never interrupted anything.
    ExitAnnulled,
    /// Left the cell on an official transfer (the gap until arrival is an interruption).
    TransferLeft(NaiveDate),
    /// Arrived at the receiving cell.
    TransferArrived(NaiveDate),
    /// The transfer was rejected or cancelled: the member never left.
    TransferWithdrawn,
    /// Transferred to outside the system (still a member, elsewhere: no interruption).
    TransferredOut(NaiveDate),
    /// Arrived from outside the system (army, police, abroad, an installation not yet on it) on
    /// `arrived`; the gap since the sender's paper (`left`), when known, is an interruption.
    ArrivedFromOutside {
        /// Arrival at the cell.
        arrived: NaiveDate,
        /// The sender's paper, if known.
        left: Option<NaiveDate>,
    },
    /// Out of contact with the party organisation (mất liên lạc) from this date.
    LostContact(NaiveDate),
    /// Back in contact on this date: the time out of contact is an interruption.
    ContactRestored(NaiveDate),
    /// A past interruption `[from, to)` entered for the record (data entry of a member
    /// re-admitted or out of contact before the system).
    PastInterruption {
        /// First day.
        from: NaiveDate,
        /// First day after it.
        to: NaiveDate,
    },
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
    /// Interruptions that have ended, as dated periods.
    pub interruptions: Vec<Period>,
    /// Days of interruptions that have ended.
    pub interruption_days: i64,
    /// Start of an interruption still going on (the earliest, when several are).
    pub interrupted_since: Option<NaiveDate>,
    /// An official transfer issued and not yet received.
    pub in_transit: bool,
}

/// Interruptions still going on, by kind.
#[derive(Debug, Default)]
struct Open {
    exited: Option<NaiveDate>,
    in_transit: Option<NaiveDate>,
    out_of_contact: Option<NaiveDate>,
}

impl Open {
    fn earliest(&self) -> Option<NaiveDate> {
        [self.exited, self.in_transit, self.out_of_contact]
            .into_iter()
            .flatten()
            .min()
    }
}

fn close(s: &mut Derived, from: Option<NaiveDate>, to: NaiveDate) {
    if let Some(from) = from.filter(|f| *f < to) {
        s.interruptions.push(Period { from, to: Some(to) });
    }
}

/// Folds the facts, in date order, into the state; `None` before any admission.
pub fn derive(facts: &[Fact]) -> Option<Derived> {
    let mut state: Option<Derived> = None;
    let mut open = Open::default();
    // Past interruptions are dated periods whatever the order of their events (one entered for
    // the record may lie before the admission decision a member was entered with).
    let mut past: Vec<Period> = Vec::new();
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
                    interruptions: Vec::new(),
                    interruption_days: 0,
                    interrupted_since: None,
                    in_transit: false,
                });
                open = Open::default();
            }
            (Fact::Recognized(on), Some(s)) => {
                s.status = MemberStatus::Official;
                s.official_on = Some(*on);
                s.ever_recognised = true;
            }
            (Fact::Exited(on), Some(s)) => {
                s.status = MemberStatus::Exited;
                open.exited = Some(*on);
            }
            (Fact::ExitAnnulled, Some(s)) => {
                s.status = if s.official_on.is_some() {
                    MemberStatus::Official
                } else {
                    MemberStatus::Probationary
                };
                open.exited = None;
            }
            (Fact::Readmitted { decision, ceremony }, Some(s)) => {
                // Out of the party (and out of contact before it) until the new decision.
                let from = [open.exited.take(), open.out_of_contact.take()]
                    .into_iter()
                    .flatten()
                    .min();
                close(s, from, *decision);
                s.status = MemberStatus::Probationary;
                s.decision = *decision;
                s.ceremony = *ceremony;
                s.official_on = None;
            }
            (Fact::TransferLeft(on), Some(s)) => {
                s.in_transit = true;
                open.in_transit = Some(*on);
            }
            (Fact::TransferArrived(on), Some(s)) => {
                close(s, open.in_transit.take(), *on);
                s.in_transit = false;
            }
            (Fact::TransferWithdrawn, Some(s)) => {
                s.in_transit = false;
                open.in_transit = None;
            }
            (Fact::TransferredOut(_), Some(s)) => {
                s.status = MemberStatus::TransferredOut;
                s.in_transit = false;
                open.in_transit = None;
            }
            (Fact::ArrivedFromOutside { arrived, left }, Some(s)) => {
                s.status = if s.official_on.is_some() {
                    MemberStatus::Official
                } else {
                    MemberStatus::Probationary
                };
                close(s, *left, *arrived);
            }
            (Fact::LostContact(on), Some(_)) => {
                open.out_of_contact = Some(open.out_of_contact.map_or(*on, |o| o.min(*on)));
            }
            (Fact::ContactRestored(on), Some(s)) => {
                close(s, open.out_of_contact.take(), *on);
            }
            (Fact::PastInterruption { from, to }, _) => {
                if from < to {
                    past.push(Period {
                        from: *from,
                        to: Some(*to),
                    });
                }
            }
            (_, _) => {}
        }
    }
    state.map(|mut s| {
        s.interruptions.extend(past);
        s.interruptions.sort();
        s.interruption_days = covered_days(&s.interruptions, s.first_decision, NaiveDate::MAX);
        s.interrupted_since = open.earliest();
        s
    })
}

impl Derived {
    /// The facts party age is computed from.
    pub fn party_age_facts(&self) -> PartyAgeFacts {
        let mut interruptions = self.interruptions.clone();
        if let Some(from) = self.interrupted_since {
            interruptions.push(Period { from, to: None });
        }
        PartyAgeFacts {
            first_decision: self.first_decision,
            recognised: self.ever_recognised,
            interruptions,
        }
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

    #[test]
    fn out_of_contact_and_past_interruptions_are_dated_periods() {
        let facts = [
            Fact::Admitted {
                decision: d(1990, 1, 1),
                ceremony: d(1990, 1, 10),
                first_decision: d(1985, 1, 1),
            },
            Fact::Recognized(d(1991, 1, 10)),
            Fact::PastInterruption {
                from: d(1986, 1, 1),
                to: d(1989, 1, 1),
            },
            Fact::LostContact(d(2000, 5, 1)),
        ];
        let s = derive(&facts).unwrap_or_else(|| unreachable!());
        assert_eq!(s.interrupted_since, Some(d(2000, 5, 1)));
        let mut more = facts.to_vec();
        more.push(Fact::ContactRestored(d(2001, 5, 1)));
        let s = derive(&more).unwrap_or_else(|| unreachable!());
        assert_eq!(s.interrupted_since, None);
        assert_eq!(
            s.interruptions,
            vec![
                Period {
                    from: d(1986, 1, 1),
                    to: Some(d(1989, 1, 1))
                },
                Period {
                    from: d(2000, 5, 1),
                    to: Some(d(2001, 5, 1))
                },
            ]
        );
        // 1985 → 2020 is 35 years, less three and one.
        let age = crate::domain::party_age::party_age(&s.party_age_facts(), d(2020, 1, 1));
        assert_eq!(age.map(|a| (a.years, a.months, a.days)), Some((31, 0, 0)));
    }

    #[test]
    fn a_past_interruption_before_the_admission_entered_counts() {
        // Entered in 2026 with the re-admission of 2004 and the first decision of 1990; the
        // event of the interruption (1998–2004) comes first in date order.
        let facts = [
            Fact::PastInterruption {
                from: d(1998, 4, 1),
                to: d(2004, 4, 1),
            },
            Fact::Admitted {
                decision: d(2004, 4, 1),
                ceremony: d(2004, 4, 15),
                first_decision: d(1990, 4, 1),
            },
            Fact::Recognized(d(2005, 4, 15)),
        ];
        let s = derive(&facts).unwrap_or_else(|| unreachable!());
        let age = crate::domain::party_age::party_age(&s.party_age_facts(), d(2025, 4, 1));
        assert_eq!(age.map(|a| a.years), Some(29));
    }

    #[test]
    fn an_arrival_from_outside_keeps_the_time_outside_and_subtracts_only_the_gap() {
        let facts = [
            Fact::Admitted {
                decision: d(2000, 1, 1),
                ceremony: d(2000, 1, 10),
                first_decision: d(2000, 1, 1),
            },
            Fact::Recognized(d(2001, 1, 10)),
            Fact::TransferredOut(d(2005, 1, 1)),
        ];
        let s = derive(&facts).unwrap_or_else(|| unreachable!());
        assert_eq!(
            (s.status, s.interrupted_since),
            (MemberStatus::TransferredOut, None)
        );
        let mut more = facts.to_vec();
        more.push(Fact::ArrivedFromOutside {
            arrived: d(2015, 1, 21),
            left: Some(d(2015, 1, 1)),
        });
        let s = derive(&more).unwrap_or_else(|| unreachable!());
        assert_eq!(s.status, MemberStatus::Official);
        assert_eq!((s.interruption_days, s.interrupted_since), (20, None));
    }

    /// The history of a member as events: what each generated step appends.
    #[derive(Debug, Clone)]
    enum Step {
        Transfer(i64, i64),
        Contact(i64, i64),
        ExitAndReadmission(i64, i64),
        Past(i64, i64),
    }

    fn step() -> impl proptest::strategy::Strategy<Value = Step> {
        use proptest::prelude::*;
        prop_oneof![
            (1i64..200, 0i64..60).prop_map(|(a, b)| Step::Transfer(a, b)),
            (1i64..400, 1i64..900).prop_map(|(a, b)| Step::Contact(a, b)),
            (1i64..400, 1100i64..2000).prop_map(|(a, b)| Step::ExitAndReadmission(a, b)),
            (1i64..400, 1i64..900).prop_map(|(a, b)| Step::Past(a, b)),
        ]
    }

    /// Dated facts of a history: admission, recognition a year later, then the steps one after
    /// the other.
    fn history(first: NaiveDate, steps: &[Step]) -> Vec<(NaiveDate, Fact)> {
        let day = |n: i64| chrono::Duration::days(n);
        let mut out = vec![
            (
                first,
                Fact::Admitted {
                    decision: first,
                    ceremony: first + day(10),
                    first_decision: first,
                },
            ),
            (first + day(375), Fact::Recognized(first + day(375))),
        ];
        let mut at = first + day(400);
        for s in steps {
            match *s {
                Step::Transfer(wait, gap) => {
                    at += day(wait);
                    out.push((at, Fact::TransferLeft(at)));
                    at += day(gap);
                    out.push((at, Fact::TransferArrived(at)));
                }
                Step::Contact(wait, len) => {
                    at += day(wait);
                    out.push((at, Fact::LostContact(at)));
                    at += day(len);
                    out.push((at, Fact::ContactRestored(at)));
                }
                Step::ExitAndReadmission(wait, len) => {
                    at += day(wait);
                    out.push((at, Fact::Exited(at)));
                    at += day(len);
                    out.push((
                        at,
                        Fact::Readmitted {
                            decision: at,
                            ceremony: at + day(10),
                        },
                    ));
                    at += day(375);
                    out.push((at, Fact::Recognized(at)));
                }
                Step::Past(wait, len) => {
                    at += day(wait);
                    out.push((
                        at,
                        Fact::PastInterruption {
                            from: at,
                            to: at + day(len),
                        },
                    ));
                    at += day(len);
                }
            }
        }
        out
    }

    proptest::proptest! {
        /// Party age as of `d` never depends on anything recorded after `d`: the state derived
        /// from the whole history and the one derived from the events up to `d` give the same
        /// party age on `d` (once the member was recognised: a recognition gives party age from
        /// the first decision, by the rule itself).
        #[test]
        fn party_age_on_a_date_never_depends_on_what_came_after_it(
            first in (0i64..20_000).prop_map(|n| d(1950, 1, 1) + chrono::Duration::days(n)),
            steps in proptest::collection::vec(step(), 0..6),
            at in 0i64..12_000,
        ) {
            use crate::domain::party_age::party_age;
            let events = history(first, &steps);
            let on = first + chrono::Duration::days(375 + at);
            let all: Vec<Fact> = events.iter().map(|(_, f)| f.clone()).collect();
            let until: Vec<Fact> = events.iter().filter(|(e, _)| *e <= on).map(|(_, f)| f.clone()).collect();
            let whole = derive(&all).map(|s| party_age(&s.party_age_facts(), on));
            let then = derive(&until).map(|s| party_age(&s.party_age_facts(), on));
            proptest::prop_assert_eq!(whole, then);
        }
    }
}
