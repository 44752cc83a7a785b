//! Unit tests of rules 24, 29–31: deadlines, validity, what is due, alerts, drops, categories.

use qldv_api_types::candidates::{
    CandidateDropReason, CandidateStage as S, CandidateStepKind as K, DevelopmentCategory as C,
};
use qldv_api_types::members::Gender;

use super::tests::{
    accept, cell_vote, d, decision, empty_file, ready_file, resolved_file, s, step, today, try_step,
};
use super::*;

#[test]
fn a_decision_one_day_past_its_deadline_needs_a_reason_or_an_extension() {
    let f = resolved_file();
    let deadline = decision_deadline(&f, &s()).unwrap_or_default();
    // 60 working days from Monday 1 July 2024, with 2–3 September off.
    assert_eq!(deadline, d(2024, 9, 25));
    assert_eq!(try_step(&f, deadline, decision(false)), Ok(()));
    let late = deadline.succ_opt().unwrap_or_default();
    assert_eq!(
        check_step(&f, &step(late, decision(false)), late, &s()),
        Err(StepRefusal::DecisionPastDeadline { deadline })
    );
    assert_eq!(
        check_step(&f, &step(late, decision(true)), late, &s()),
        Ok(())
    );
    let refused = StepFact::AdmissionRefused { late_reason: false };
    assert_eq!(
        check_step(&f, &step(late, refused), late, &s()).map_err(|r| r.code()),
        Err("decision_past_deadline")
    );
    // An extension, recorded within the deadline, gives 30 more working days.
    let mut g = f.clone();
    assert_eq!(
        check_step(&g, &step(late, StepFact::DecisionExtended), late, &s()).map_err(|r| r.code()),
        Err("extension_after_deadline")
    );
    accept(&mut g, d(2024, 9, 20), StepFact::DecisionExtended);
    assert_eq!(decision_deadline(&g, &s()), Some(d(2024, 11, 6)));
    assert_eq!(
        check_step(&g, &step(late, decision(false)), late, &s()),
        Ok(())
    );
}

#[test]
fn the_decision_alert_comes_the_day_after_the_deadline() {
    let f = resolved_file();
    let deadline = d(2024, 9, 25);
    assert_eq!(overdue(&f, deadline, &s()), []);
    assert_eq!(
        overdue(&f, d(2024, 9, 26), &s()),
        [CandidateAlert::DecisionOverdue { deadline }]
    );
    assert_eq!(
        next_due(&f, d(2024, 8, 1), &s()),
        Some(Due {
            step: K::AdmissionDecision,
            by: Some(deadline)
        })
    );
}

#[test]
fn the_certificate_is_valid_sixty_months() {
    // HD 06-HD/TW §5.4's example: issued 15/1/2020, expired on 15/1/2025.
    let mut f = ready_file();
    f.steps.retain(|s| s.fact.kind() != K::AwarenessCourse);
    f.steps
        .insert(0, step(d(2020, 1, 15), StepFact::AwarenessCourse));
    f.identified_on = d(2024, 1, 15);
    let vote = cell_vote();
    assert_eq!(
        try_step(&f, d(2025, 1, 14), vote.clone()),
        Err("date_in_future")
    );
    let late = d(2025, 2, 3);
    assert_eq!(
        check_step(&f, &step(late, vote.clone()), late, &s()),
        Err(StepRefusal::CertificateExpired {
            valid_until: d(2025, 1, 14)
        })
    );
    assert_eq!(
        check_step(&f, &step(d(2025, 1, 14), vote.clone()), late, &s()),
        Ok(())
    );
    assert_eq!(
        check_step(&f, &step(d(2025, 1, 15), vote), late, &s()).map_err(|r| r.code()),
        Err("certificate_expired")
    );
    assert_eq!(
        overdue(&f, d(2025, 1, 15), &s()),
        [CandidateAlert::CertificateExpired {
            valid_until: d(2025, 1, 14)
        }]
    );
    assert_eq!(
        next_due(&f, d(2025, 1, 15), &s()).map(|d| d.step),
        Some(K::AwarenessCourse)
    );
}

#[test]
fn the_ceremony_follows_rule_two() {
    let mut f = resolved_file();
    accept(&mut f, d(2024, 8, 20), decision(false));
    // 30 working days from Tuesday 20 August 2024, with 2–3 September off.
    let deadline = d(2024, 10, 3);
    assert_eq!(
        next_due(&f, d(2024, 8, 21), &s()),
        Some(Due {
            step: K::Ceremony,
            by: Some(deadline)
        })
    );
    let late = d(2024, 10, 4);
    assert_eq!(
        check_step(
            &f,
            &step(late, StepFact::Ceremony { approval: false }),
            late,
            &s()
        )
        .map_err(|r| r.code()),
        Err("ceremony_too_late")
    );
    assert_eq!(
        check_step(
            &f,
            &step(late, StepFact::Ceremony { approval: true }),
            late,
            &s()
        ),
        Ok(())
    );
    assert_eq!(
        overdue(&f, late, &s()),
        [CandidateAlert::CeremonyOverdue { deadline }]
    );
}

#[test]
fn the_stage_and_what_is_due_follow_the_steps() {
    let mut f = empty_file();
    assert_eq!(stage(&f), S::Identified);
    assert_eq!(
        next_due(&f, d(2024, 2, 1), &s()).map(|d| d.step),
        Some(K::AwarenessCourse)
    );
    accept(&mut f, d(2024, 1, 15), StepFact::HelpersAssigned);
    assert_eq!(stage(&f), S::Identified);
    accept(&mut f, d(2024, 3, 1), StepFact::AwarenessCourse);
    assert_eq!(stage(&f), S::Preparing);
    assert_eq!(
        next_due(&f, d(2024, 3, 2), &s()),
        Some(Due {
            step: K::Application,
            by: Some(d(2029, 2, 28))
        })
    );
    assert_eq!(stage(&ready_file()), S::Ready);
    assert_eq!(
        next_due(&ready_file(), d(2024, 6, 20), &s()).map(|d| d.step),
        Some(K::CellResolution)
    );
    let mut g = ready_file();
    accept(&mut g, d(2024, 7, 1), cell_vote());
    assert_eq!(stage(&g), S::CellResolved);
    assert_eq!(
        next_due(&g, d(2024, 7, 2), &s()).map(|d| d.step),
        Some(K::GrassrootsResolution)
    );
}

#[test]
fn a_dropped_candidate_takes_no_more_steps() {
    let mut f = ready_file();
    assert_eq!(
        check_drop(&f, d(2024, 6, 1), today()).map_err(|r| r.code()),
        Err("date_before_earlier_step")
    );
    assert_eq!(check_drop(&f, d(2024, 6, 20), today()), Ok(()));
    f.dropped = Some(Dropped {
        on: d(2024, 6, 20),
        reason: CandidateDropReason::Withdrew,
    });
    assert_eq!(stage(&f), S::Dropped);
    assert_eq!(
        try_step(&f, d(2024, 7, 1), cell_vote()),
        Err("candidate_file_closed")
    );
    assert_eq!(next_due(&f, today(), &s()), None);
    assert_eq!(overdue(&f, d(2030, 1, 1), &s()), []);
}

#[test]
fn categories_and_shares() {
    let facts = CategoryFacts {
        gender: Gender::Female,
        youth_union_member: true,
        occupational: vec![C::Worker],
        readmission: false,
        population_policy: false,
    };
    assert_eq!(
        categories(&facts).into_iter().collect::<Vec<_>>(),
        [C::Women, C::YouthUnion, C::Worker]
    );
    assert_eq!(check_occupational(&[C::Student, C::Worker]), Ok(()));
    assert_eq!(check_occupational(&[C::Women]), Err(C::Women));
    // Seed 002: 2,079 women of 3,298 admitted is 63.04 %.
    assert_eq!(percent(2079, 3298), Some(6304));
    assert_eq!(percent(2, 3), Some(6667));
    assert_eq!(percent(1, 0), None);
}

#[test]
fn refusals_have_stable_codes_and_vietnamese_messages() {
    let r = StepRefusal::VoteUnderTwoThirds {
        agreeing: 7,
        needed: 8,
        members: 12,
    };
    let v: crate::domain::Violation = r.into();
    assert_eq!(v.code, "vote_under_two_thirds");
    assert!(v.message.contains("8/12"), "{}", v.message);
    assert_eq!(
        CandidateAlert::DecisionOverdue {
            deadline: d(2024, 1, 1)
        }
        .code(),
        "candidate_decision_overdue"
    );
}
