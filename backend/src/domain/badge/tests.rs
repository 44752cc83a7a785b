//! Rules 18–20 at their boundaries, and properties of the engine.
use super::*;
use crate::domain::discipline::Form;
use crate::domain::party_age::Period;
use chrono::Duration;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn s() -> RuleSettings {
    RuleSettings::defaults("294-QĐ/TW")
}

fn member(first: NaiveDate) -> BadgeFacts {
    BadgeFacts {
        age: PartyAgeFacts {
            first_decision: first,
            recognised: true,
            interruptions: vec![],
        },
        standing: Standing::Active,
        serious_illness_since: None,
        disciplines: vec![],
        under_consideration: vec![],
        on_probation: false,
        held: 0,
    }
}

fn code<T>(r: Result<T, Violation>) -> Option<&'static str> {
    r.err().map(|v| v.code)
}

#[test]
fn the_day_before_and_the_day_a_milestone_is_reached() {
    let f = member(d(1996, 2, 3));
    assert_eq!(
        code(eligible(&f, d(2026, 2, 2), &s())),
        Some("not_eligible")
    );
    let e = eligible(&f, d(2026, 2, 3), &s()).ok();
    assert_eq!(
        e,
        Some(Eligibility {
            milestone: 30,
            party_age_years: 30,
            early: false,
            posthumous: false
        })
    );
}

#[test]
fn interruptions_move_the_milestone_later() {
    let mut f = member(d(1990, 1, 10));
    // Out of the party for 4 years before a re-admission.
    f.age.interruptions = vec![Period {
        from: d(2000, 1, 10),
        to: Some(d(2004, 1, 10)),
    }];
    let days = (d(2004, 1, 10) - d(2000, 1, 10)).num_days();
    let reach = d(2020, 1, 10) + Duration::days(days);
    assert_eq!(reach_date(&f.age, 30), reach);
    assert!(eligible(&f, reach - Duration::days(1), &s()).is_err());
    assert_eq!(eligible(&f, reach, &s()).map(|e| e.milestone), Ok(30));
}

#[test]
fn the_highest_reached_milestone_above_the_one_held() {
    let mut f = member(d(1978, 2, 3));
    assert_eq!(
        eligible(&f, d(2026, 2, 3), &s()).map(|e| e.milestone),
        Ok(45)
    );
    f.held = 45;
    assert_eq!(
        code(eligible(&f, d(2026, 2, 3), &s())),
        Some("not_eligible")
    );
    f.held = 90;
    assert_eq!(
        code(eligible(&f, d(2026, 2, 3), &s())),
        Some("not_eligible")
    );
}

#[test]
fn early_with_a_serious_illness_at_both_windows() {
    // 65 years on 2026-02-03: 12 months early from 2025-02-03.
    let mut f = member(d(1961, 2, 3));
    f.held = 60;
    assert!(eligible(&f, d(2025, 9, 2), &s()).is_err());
    f.serious_illness_since = Some(d(2024, 1, 1));
    assert!(eligible(&f, d(2025, 2, 2), &s()).is_err());
    let e = eligible(&f, d(2025, 2, 3), &s()).ok();
    assert_eq!(e.map(|e| (e.milestone, e.early)), Some((65, true)));
    // 70 years on 2026-02-03: 24 months early from 2024-02-03.
    let mut f = member(d(1956, 2, 3));
    f.held = 65;
    f.serious_illness_since = Some(d(2020, 1, 1));
    assert!(eligible(&f, d(2024, 2, 2), &s()).is_err());
    let e = eligible(&f, d(2024, 2, 3), &s()).ok();
    assert_eq!(e.map(|e| (e.milestone, e.early)), Some((70, true)));
}

#[test]
fn the_illness_must_be_recorded_by_the_occasion() {
    let mut f = member(d(1961, 2, 3));
    f.held = 60;
    f.serious_illness_since = Some(d(2025, 6, 1));
    assert!(eligible(&f, d(2025, 5, 19), &s()).is_err());
    assert!(eligible(&f, d(2025, 9, 2), &s()).is_ok());
}

#[test]
fn the_deceased_posthumously_on_their_party_age_at_death() {
    let mut f = member(d(1976, 2, 3));
    f.standing = Standing::Deceased(d(2025, 12, 1));
    f.age.interruptions = vec![Period {
        from: d(2025, 12, 1),
        to: None,
    }];
    // 50 years would be 2026-02-03, two months after death: frozen at 49, but a posthumous
    // award may come up to 12 months early.
    assert_eq!(
        eligible(&f, d(2026, 2, 3), &s()).map(|e| (e.milestone, e.posthumous, e.early)),
        Ok((50, true, true))
    );
    assert_eq!(years_on(&f, d(2026, 2, 3)), 49);
    f.held = 50;
    assert!(eligible(&f, d(2026, 2, 3), &s()).is_err());
}

#[test]
fn a_posthumous_award_11_months_early_but_not_13() {
    // 50 years on 2027-02-03; 45 held.
    let dead = |on: NaiveDate| {
        let mut f = member(d(1977, 2, 3));
        f.held = 45;
        f.standing = Standing::Deceased(on);
        f.age.interruptions = vec![Period { from: on, to: None }];
        f
    };
    let eleven = dead(d(2026, 3, 3));
    let e = check_award(&eleven, &[45], 50, d(2026, 5, 19), &s());
    assert_eq!(
        e.map(|e| (e.posthumous, e.early, e.party_age_years)),
        Ok((true, true, 49))
    );
    // Exactly 12 months early is the limit; a day more is refused.
    assert!(eligible(&dead(d(2026, 2, 3)), d(2026, 5, 19), &s()).is_ok());
    assert!(eligible(&dead(d(2026, 2, 2)), d(2026, 5, 19), &s()).is_err());
    let thirteen = dead(d(2026, 1, 3));
    assert!(matches!(
        check_award(&thirteen, &[45], 50, d(2026, 5, 19), &s()),
        Err(Refusal::Rule(v)) if v.code == "not_eligible"
    ));
    // The living get no such window.
    let mut alive = member(d(1977, 2, 3));
    alive.held = 45;
    assert!(eligible(&alive, d(2026, 5, 19), &s()).is_err());
    // The candidate query finds the posthumous one.
    assert!(next_due(&eleven.age, eleven.standing, 45, &s())
        .is_some_and(|due| due <= add_months(d(2026, 5, 19), max_early_months(&s()))));
}

#[test]
fn a_readmitted_member_on_a_new_probation_waits_for_recognition() {
    let mut f = member(d(1985, 3, 5));
    f.age.interruptions = vec![Period {
        from: d(2020, 3, 6),
        to: Some(d(2025, 9, 1)),
    }];
    assert_eq!(
        eligible(&f, d(2026, 9, 2), &s()).map(|e| e.milestone),
        Ok(30)
    );
    f.on_probation = true;
    assert_eq!(
        code(eligible(&f, d(2026, 9, 2), &s())),
        Some("not_eligible")
    );
    assert!(matches!(
        check_award(&f, &[], 30, d(2026, 9, 2), &s()),
        Err(Refusal::Rule(v)) if v.code == "not_eligible"
    ));
}

#[test]
fn gone_members_and_probationary_members_get_nothing() {
    let mut f = member(d(1960, 1, 1));
    f.standing = Standing::Gone;
    assert_eq!(
        code(eligible(&f, d(2026, 2, 3), &s())),
        Some("not_eligible")
    );
    let mut f = member(d(1960, 1, 1));
    f.age.recognised = false;
    assert_eq!(
        code(eligible(&f, d(2026, 2, 3), &s())),
        Some("not_eligible")
    );
}

#[test]
fn each_discipline_form_at_its_waiting_boundary() {
    for (form, months) in [
        (Form::Reprimand, 6),
        (Form::Warning, 9),
        (Form::Dismissal, 12),
    ] {
        let mut f = member(d(1990, 1, 1));
        let decided = d(2025, 3, 1);
        f.disciplines = vec![BadgeDiscipline {
            form,
            decided_on: decided,
            held: false,
            remedy_recognised_on: Some(decided + Duration::days(30)),
        }];
        let free = add_months(decided, months);
        assert_eq!(
            code(eligible(&f, free - Duration::days(1), &s())),
            Some("discipline_in_force"),
            "{form:?}"
        );
        assert_eq!(
            blocked(&f.disciplines, &[], free - Duration::days(1), &s()),
            Some(Block::Waiting(free))
        );
        assert!(eligible(&f, free, &s()).is_ok(), "{form:?}");
        // A complaint keeps it in force.
        f.disciplines[0].held = true;
        assert_eq!(code(eligible(&f, free, &s())), Some("discipline_in_force"));
    }
}

#[test]
fn awards_refuse_held_below_and_unreached_milestones() {
    let mut f = member(d(1980, 1, 1));
    f.held = 45;
    let occasion = d(2026, 2, 3);
    assert_eq!(
        check_award(&f, &[30, 45], 45, occasion, &s()),
        Err(Refusal::AlreadyHeld)
    );
    assert!(matches!(
        check_award(&f, &[30, 45], 40, occasion, &s()),
        Err(Refusal::Rule(v)) if v.code == "below_held"
    ));
    assert!(matches!(
        check_award(&f, &[30, 45], 50, occasion, &s()),
        Err(Refusal::Rule(v)) if v.code == "not_eligible"
    ));
    assert!(matches!(
        check_award(&f, &[], 33, occasion, &s()),
        Err(Refusal::Rule(v)) if v.code == "not_a_milestone"
    ));
    f.held = 30;
    assert_eq!(
        check_award(&f, &[30], 45, occasion, &s()).map(|e| e.milestone),
        Ok(45)
    );
}

#[test]
fn next_due_is_cached_for_the_candidate_query() {
    let f = member(d(2000, 5, 5));
    assert_eq!(
        next_due(&f.age, Standing::Active, 0, &s()),
        Some(d(2030, 5, 5))
    );
    assert_eq!(
        next_due(&f.age, Standing::Active, 30, &s()),
        Some(d(2040, 5, 5))
    );
    assert_eq!(next_due(&f.age, Standing::Gone, 0, &s()), None);
    assert_eq!(next_due(&f.age, Standing::Active, 90, &s()), None);
}

proptest! {
    #[test]
    fn reach_date_is_the_first_day_of_the_milestone(
        first in 0i64..20_000, gap in 0i64..4_000, m in prop::sample::select(vec![30u32, 40, 45, 50, 90])
    ) {
        let first = d(1930, 1, 1) + Duration::days(first);
        let age = PartyAgeFacts {
            first_decision: first,
            recognised: true,
            interruptions: if gap > 0 {
                vec![Period { from: first + Duration::days(10), to: Some(first + Duration::days(10 + gap)) }]
            } else { vec![] },
        };
        let reach = reach_date(&age, m);
        prop_assert!(party_age::years(&age, reach).unwrap_or(0) >= m);
        prop_assert!(party_age::years(&age, reach - Duration::days(1)).unwrap_or(0) < m);
    }

    #[test]
    fn eligible_only_when_the_candidate_query_finds_the_member(
        first in 0i64..30_000, occ in 0i64..2_000, held_idx in 0usize..5, ill in any::<bool>()
    ) {
        let settings = s();
        let mut f = member(d(1940, 1, 1) + Duration::days(first));
        f.held = [0, 30, 40, 45, 50][held_idx];
        if ill { f.serious_illness_since = Some(d(1990, 1, 1)); }
        let occasion = d(2024, 1, 1) + Duration::days(occ);
        if eligible(&f, occasion, &settings).is_ok() {
            let due = next_due(&f.age, f.standing, f.held, &settings);
            prop_assert!(due.is_some_and(|x| x <= add_months(occasion, max_early_months(&settings))));
        }
    }
}

#[test]
fn the_provincial_level_decides_awards() {
    assert!(decides_awards(None));
    assert!(decides_awards(Some("province")));
    assert!(decides_awards(Some("central")));
    for kind in [
        "district",
        "commune",
        "upper_grassroots",
        "grassroots_cell",
        "cell",
    ] {
        assert!(!decides_awards(Some(kind)), "{kind}");
    }
}

#[test]
fn a_proposal_is_decided_once() {
    use ProposalDecision::{Approve, Reject};
    use ProposalStatus::{Approved, Proposed, Rejected};
    assert_eq!(decide_proposal(Proposed, Approve), Ok(Approved));
    assert_eq!(decide_proposal(Proposed, Reject), Ok(Rejected));
    for decided in [Approved, Rejected] {
        for d in [Approve, Reject] {
            assert_eq!(decide_proposal(decided, d), Err(AlreadyDecided));
        }
    }
}

fn warned(decided: NaiveDate, remedy: Option<NaiveDate>) -> BadgeFacts {
    let mut f = member(d(1990, 1, 2));
    f.disciplines = vec![BadgeDiscipline {
        form: Form::Warning,
        decided_on: decided,
        held: false,
        remedy_recognised_on: remedy,
    }];
    f
}

#[test]
fn after_the_wait_the_cell_must_have_recognised_the_remedy() {
    let decided = d(2026, 1, 5);
    let occasion = d(2026, 11, 7);
    let f = warned(decided, None);
    assert_eq!(
        blocked(&f.disciplines, &[], occasion, &s()),
        Some(Block::RemedyNotRecognised)
    );
    assert_eq!(
        code(eligible(&f, occasion, &s())),
        Some("discipline_in_force")
    );
    // Recognised after the occasion: not yet.
    let f = warned(decided, Some(d(2026, 11, 8)));
    assert_eq!(
        code(eligible(&f, occasion, &s())),
        Some("discipline_in_force")
    );
    // Recognised by the occasion: eligible.
    let f = warned(decided, Some(d(2026, 10, 15)));
    assert!(eligible(&f, occasion, &s()).is_ok());
    // Recognised early: the nine months still run.
    let f = warned(decided, Some(d(2026, 3, 1)));
    assert_eq!(
        blocked(&f.disciplines, &[], d(2026, 9, 2), &s()),
        Some(Block::Waiting(d(2026, 10, 5)))
    );
}

#[test]
fn the_2016_numbers_a_reprimand_did_not_block_a_warning_waited_six_months() {
    let mut s2016 = RuleSettings::defaults("29-QĐ/TW");
    for (k, v) in [
        ("badge.wait_months_reprimand", "0"),
        ("badge.wait_months_warning", "6"),
        ("badge.wait_months_dismissal", "12"),
    ] {
        assert_eq!(s2016.apply(k, v), Ok(()));
    }
    let mut f = member(d(1987, 2, 3));
    f.disciplines = vec![BadgeDiscipline {
        form: Form::Reprimand,
        decided_on: d(2017, 3, 1),
        held: false,
        remedy_recognised_on: None,
    }];
    assert!(eligible(&f, d(2017, 5, 19), &s2016).is_ok());
    assert!(eligible(&f, d(2017, 5, 19), &s()).is_err());
    let mut f = warned(d(2017, 1, 10), Some(d(2017, 6, 1)));
    f.age.first_decision = d(1987, 2, 3);
    assert!(eligible(&f, d(2017, 9, 2), &s2016).is_ok());
    assert!(eligible(&f, d(2017, 9, 2), &s()).is_err());
}

#[test]
fn a_discipline_under_consideration_blocks_until_settled() {
    let mut f = member(d(1990, 1, 2));
    f.under_consideration = vec![Period {
        from: d(2026, 8, 1),
        to: Some(d(2026, 10, 1)),
    }];
    assert!(eligible(&f, d(2026, 5, 19), &s()).is_ok());
    assert_eq!(
        code(eligible(&f, d(2026, 9, 2), &s())),
        Some("discipline_under_consideration")
    );
    assert!(eligible(&f, d(2026, 11, 7), &s()).is_ok());
    // Still open: blocked.
    f.under_consideration[0].to = None;
    assert_eq!(
        code(eligible(&f, d(2026, 11, 7), &s())),
        Some("discipline_under_consideration")
    );
}

proptest! {
    #[test]
    fn a_recorded_remedy_never_makes_eligibility_worse(
        decided in 0i64..3_000, remedy in 0i64..3_000, occ in 0i64..3_000,
        form in prop::sample::select(vec![Form::Reprimand, Form::Warning, Form::Dismissal])
    ) {
        let base = d(2018, 1, 1);
        let mut without = warned(base + Duration::days(decided), None);
        without.disciplines[0].form = form;
        let mut with = without.clone();
        with.disciplines[0].remedy_recognised_on = Some(base + Duration::days(remedy));
        let occasion = base + Duration::days(occ);
        if eligible(&without, occasion, &s()).is_ok() {
            prop_assert!(eligible(&with, occasion, &s()).is_ok());
        }
        // And with the remedy, the badge is free exactly from the later of the wait's end and
        // the recognition.
        let free = add_months(base + Duration::days(decided), match form {
            Form::Reprimand => 6, Form::Warning => 9, _ => 12,
        }).max(base + Duration::days(remedy));
        let is_blocked = blocked(&with.disciplines, &[], occasion, &s()).is_some();
        prop_assert_eq!(is_blocked, occasion >= base + Duration::days(decided) && occasion < free);
    }
}
