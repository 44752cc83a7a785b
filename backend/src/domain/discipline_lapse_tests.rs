//! Rule 11 (a discipline lapses 12 months after its announcement or its complaint's ruling) and
//! rule 20's "under consideration": unit and property tests of `domain::discipline`.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use qldv_api_types::cases::CaseKind;

use super::*;
use crate::domain::case::{under_consideration, CaseFacts};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn s() -> RuleSettings {
    RuleSettings::defaults("test")
}

fn warning(decided: NaiveDate, announced: NaiveDate) -> DisciplineFacts {
    DisciplineFacts {
        form: Form::Warning,
        decided_on: decided,
        announced_on: announced,
        complaints: vec![],
        reoffence_on: None,
        reoffence_decided_on: None,
    }
}

fn ruled(lodged: NaiveDate, ruling: Ruling, to: Option<Form>, on: NaiveDate) -> Complaint {
    Complaint {
        lodged_on: lodged,
        ruling: Some(RulingFacts {
            ruling,
            reduced_to: to,
            announced_on: on,
        }),
    }
}

#[test]
fn twelve_months_count_from_the_announcement_not_the_decision() {
    // Decided 10 Mar 2025, announced 24 Mar 2025: in force until 23 Mar 2026 inclusive.
    let f = warning(d(2025, 3, 10), d(2025, 3, 24));
    assert_eq!(standing(&f, d(2025, 3, 9), &s()), Standing::NotYet);
    assert!(standing(&f, d(2025, 3, 10), &s()).in_force());
    assert!(standing(&f, d(2026, 3, 23), &s()).in_force());
    assert_eq!(
        standing(&f, d(2026, 3, 24), &s()),
        Standing::Lapsed(d(2026, 3, 24))
    );
    assert_eq!(schedule(&f, &s()).lapses_on, Some(d(2026, 3, 24)));
}

#[test]
fn an_expulsion_never_lapses_by_itself() {
    let f = DisciplineFacts {
        form: Form::Expulsion,
        ..warning(d(2025, 3, 10), d(2025, 3, 10))
    };
    assert!(standing(&f, d(2040, 1, 1), &s()).in_force());
    assert_eq!(schedule(&f, &s()).lapses_on, None);
}

#[test]
fn a_complaint_holds_it_only_until_its_ruling() {
    let mut f = warning(d(2025, 3, 10), d(2025, 3, 10));
    f.complaints = vec![Complaint {
        lodged_on: d(2025, 4, 1),
        ruling: None,
    }];
    // Past the 12 months, the complaint still unanswered: held.
    assert_eq!(
        standing(&f, d(2026, 6, 1), &s()),
        Standing::InForce {
            form: Form::Warning,
            until: None,
            held: Some(Hold::Complaint(d(2025, 4, 1)))
        }
    );
    assert!(schedule(&f, &s()).held);
    // Upheld, announced 2 Jul 2026: 12 months again from the ruling.
    f.complaints[0] = ruled(d(2025, 4, 1), Ruling::Upheld, None, d(2026, 7, 2));
    assert!(standing(&f, d(2026, 6, 1), &s()).in_force());
    assert!(standing(&f, d(2027, 7, 1), &s()).in_force());
    assert_eq!(
        standing(&f, d(2027, 7, 2), &s()),
        Standing::Lapsed(d(2027, 7, 2))
    );
    let cached = schedule(&f, &s());
    assert_eq!(
        (cached.lapses_on, cached.held),
        (Some(d(2027, 7, 2)), false)
    );
}

#[test]
fn a_ruling_before_the_twelve_months_end_restarts_them() {
    let mut f = warning(d(2025, 3, 10), d(2025, 3, 10));
    f.complaints = vec![ruled(
        d(2025, 3, 20),
        Ruling::Reduced,
        Some(Form::Reprimand),
        d(2025, 6, 2),
    )];
    assert_eq!(
        standing(&f, d(2025, 6, 1), &s()),
        Standing::InForce {
            form: Form::Warning,
            until: None,
            held: Some(Hold::Complaint(d(2025, 3, 20)))
        }
    );
    assert_eq!(
        standing(&f, d(2026, 3, 10), &s()),
        Standing::InForce {
            form: Form::Reprimand,
            until: Some(d(2026, 6, 2)),
            held: None
        }
    );
    assert_eq!(
        standing(&f, d(2026, 6, 2), &s()),
        Standing::Lapsed(d(2026, 6, 2))
    );
    let cached = schedule(&f, &s());
    assert_eq!(cached.form, Form::Reprimand);
    assert_eq!(cached.lapses_on, Some(d(2026, 6, 2)));
}

#[test]
fn an_annulment_ends_it_on_the_rulings_announcement() {
    let mut f = warning(d(2025, 3, 10), d(2025, 3, 10));
    f.complaints = vec![ruled(d(2025, 3, 20), Ruling::Annulled, None, d(2025, 5, 5))];
    assert!(standing(&f, d(2025, 5, 4), &s()).in_force());
    assert_eq!(
        standing(&f, d(2025, 5, 5), &s()),
        Standing::Annulled(d(2025, 5, 5))
    );
    let cached = schedule(&f, &s());
    assert_eq!(
        (cached.annulled_on, cached.lapses_on),
        (Some(d(2025, 5, 5)), None)
    );
    assert!(cached.in_force(d(2025, 5, 4)) && !cached.in_force(d(2025, 5, 5)));
}

#[test]
fn a_complaint_after_the_lapse_does_not_revive_it() {
    let mut f = warning(d(2025, 3, 10), d(2025, 3, 10));
    f.complaints = vec![Complaint {
        lodged_on: d(2026, 4, 1),
        ruling: None,
    }];
    assert_eq!(
        standing(&f, d(2026, 5, 1), &s()),
        Standing::Lapsed(d(2026, 3, 10))
    );
}

#[test]
fn a_reoffence_holds_it_until_the_reoffence_is_decided() {
    let mut f = warning(d(2025, 3, 10), d(2025, 3, 10));
    f.reoffence_on = Some(d(2026, 1, 5));
    assert!(standing(&f, d(2026, 8, 1), &s()).in_force());
    f.reoffence_decided_on = Some(d(2026, 9, 1));
    assert!(standing(&f, d(2026, 8, 31), &s()).in_force());
    assert_eq!(
        standing(&f, d(2026, 9, 1), &s()),
        Standing::Lapsed(d(2026, 9, 1))
    );
    // Decided before the twelve months ended: it runs to its own end.
    f.reoffence_decided_on = Some(d(2026, 2, 1));
    assert_eq!(
        standing(&f, d(2026, 3, 10), &s()),
        Standing::Lapsed(d(2026, 3, 10))
    );
}

#[test]
fn rulings_are_checked() {
    let (l, r) = (d(2025, 4, 1), d(2025, 6, 1));
    let w = Some(Form::Warning);
    assert_eq!(check_ruling(w, Some(Ruling::Upheld), None, l, r, r), Ok(()));
    assert_eq!(
        check_ruling(w, Some(Ruling::Reduced), Some(Form::Reprimand), l, r, r),
        Ok(())
    );
    assert_eq!(
        check_ruling(w, Some(Ruling::Reduced), Some(Form::Warning), l, r, r),
        Err(RulingRefusal::NotLighter)
    );
    assert_eq!(
        check_ruling(w, Some(Ruling::Reduced), None, l, r, r),
        Err(RulingRefusal::NotLighter)
    );
    assert_eq!(
        check_ruling(w, None, None, l, r, r),
        Err(RulingRefusal::RulingRequired)
    );
    assert_eq!(
        check_ruling(None, Some(Ruling::Upheld), None, l, r, r),
        Err(RulingRefusal::RulingNotApplicable)
    );
    assert_eq!(check_ruling(None, None, None, l, r, r), Ok(()));
    assert_eq!(
        check_ruling(w, Some(Ruling::Upheld), None, r, l, r),
        Err(RulingRefusal::DateOrder)
    );
    assert_eq!(
        check_ruling(w, Some(Ruling::Upheld), None, l, r, l),
        Err(RulingRefusal::DateOrder)
    );
}

#[test]
fn a_discipline_is_under_consideration_while_a_review_inspection_or_denunciation_is_open() {
    let case = |kind, settled| CaseFacts {
        kind,
        opened_on: d(2026, 1, 10),
        settled_on: settled,
    };
    let review = [case(CaseKind::DisciplineReview, Some(d(2026, 4, 1)))];
    assert!(!under_consideration(&review, d(2026, 1, 9)));
    assert!(under_consideration(&review, d(2026, 1, 10)));
    assert!(under_consideration(&review, d(2026, 3, 31)));
    assert!(!under_consideration(&review, d(2026, 4, 1)));
    assert!(under_consideration(
        &[case(CaseKind::Inspection, None)],
        d(2030, 1, 1)
    ));
    assert!(under_consideration(
        &[case(CaseKind::Denunciation, None)],
        d(2030, 1, 1)
    ));
    // A complaint is about a decision already taken: not a consideration.
    assert!(!under_consideration(
        &[case(CaseKind::Complaint, None)],
        d(2030, 1, 1)
    ));
}

fn form() -> impl Strategy<Value = Form> {
    proptest::sample::select(vec![
        Form::Reprimand,
        Form::Warning,
        Form::Dismissal,
        Form::Expulsion,
    ])
}

fn ruling() -> impl Strategy<Value = (Ruling, Option<Form>)> {
    prop_oneof![
        Just((Ruling::Upheld, None)),
        Just((Ruling::Annulled, None)),
        Just((Ruling::Reduced, Some(Form::Reprimand))),
    ]
}

prop_compose! {
    fn facts()(f in form(), announce in 0i64..30,
               complaints in proptest::collection::vec(
                   (0i64..700, proptest::option::of((0i64..400, ruling()))), 0..3),
               reoffence in proptest::option::of((0i64..500, proptest::option::of(0i64..400))))
               -> DisciplineFacts {
        let base = d(2020, 1, 6);
        let at = |n: i64| base + Duration::days(n);
        DisciplineFacts {
            form: f,
            decided_on: base,
            announced_on: at(announce),
            complaints: complaints.into_iter().map(|(lodged, r)| Complaint {
                lodged_on: at(lodged),
                ruling: r.map(|(after, (ruling, to))| RulingFacts {
                    ruling,
                    reduced_to: to,
                    announced_on: at(lodged + after),
                }),
            }).collect(),
            reoffence_on: reoffence.map(|(r, _)| at(r)),
            reoffence_decided_on: reoffence.and_then(|(r, dec)| dec.map(|x| at(r + x))),
        }
    }
}

/// The facts as they were known on `day`: what happened later removed.
fn known_on(f: &DisciplineFacts, day: NaiveDate) -> DisciplineFacts {
    DisciplineFacts {
        complaints: f
            .complaints
            .iter()
            .filter(|c| c.lodged_on <= day)
            .map(|c| Complaint {
                lodged_on: c.lodged_on,
                ruling: c.ruling.filter(|r| r.announced_on <= day),
            })
            .collect(),
        reoffence_on: f.reoffence_on.filter(|r| *r <= day),
        reoffence_decided_on: f.reoffence_decided_on.filter(|r| *r <= day),
        ..f.clone()
    }
}

proptest! {
    /// Where a discipline stands on a day never depends on anything recorded after that day.
    #[test]
    fn standing_on_a_day_depends_only_on_what_happened_by_then(f in facts(), at in 0i64..1500) {
        let day = f.decided_on + Duration::days(at);
        prop_assert_eq!(standing(&f, day, &s()), standing(&known_on(&f, day), day, &s()));
    }

    /// No discipline is held for ever: once every complaint is ruled on and any re-offence
    /// decided, a discipline other than an expulsion has ended 12 months after the last of them.
    #[test]
    fn no_discipline_is_held_for_ever(f in facts()) {
        let settled = f.complaints.iter().all(|c| c.ruling.is_some())
            && f.reoffence_on.is_none_or(|_| f.reoffence_decided_on.is_some());
        let reduced_below_expulsion = f.complaints.iter().any(|c| c.ruling.is_some());
        prop_assume!(settled && (f.form != Form::Expulsion || reduced_below_expulsion));
        let last = f.complaints.iter().filter_map(|c| c.ruling.map(|r| r.announced_on))
            .chain(f.reoffence_decided_on)
            .chain([f.announced_on])
            .max()
            .unwrap_or(f.announced_on);
        let later = add_months(last, s().discipline_lapse_months);
        let end = standing(&f, later, &s());
        // An expulsion only ends through a ruling that reduced or annulled it.
        if f.form == Form::Expulsion && !f.complaints.iter().any(|c| c.ruling.is_some_and(|r| r.ruling != Ruling::Upheld)) {
            prop_assert!(end.in_force());
        } else {
            prop_assert!(!end.in_force(), "{:?} still in force on {}", end, later);
        }
    }

    /// Before 12 months from its announcement have passed a discipline is in force, unless a
    /// ruling annulled it.
    #[test]
    fn in_force_for_twelve_months_unless_annulled(f in facts(), at in 0i64..400) {
        let day = f.decided_on + Duration::days(at);
        prop_assume!(day < add_months(f.announced_on, s().discipline_lapse_months));
        let annulled = f.complaints.iter().any(|c| c.ruling.is_some_and(|r| {
            r.ruling == Ruling::Annulled && r.announced_on <= day
        }));
        prop_assert_eq!(standing(&f, day, &s()).in_force(), !annulled);
    }

    /// The cached schedule agrees with the day-by-day standing once everything is known.
    #[test]
    fn the_cached_schedule_agrees_with_the_standing(f in facts(), at in 0i64..2000) {
        let day = f.decided_on + Duration::days(at);
        let last = f.complaints.iter().flat_map(|c| [Some(c.lodged_on), c.ruling.map(|r| r.announced_on)])
            .flatten()
            .chain(f.reoffence_on)
            .chain(f.reoffence_decided_on)
            .max();
        prop_assume!(last.is_none_or(|l| l <= day));
        prop_assert_eq!(schedule(&f, &s()).in_force(day), standing(&f, day, &s()).in_force());
    }
}
