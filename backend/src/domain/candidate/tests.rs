//! Unit tests of rules 25–28 and 30 at the boundaries issue 22 names (introducer with 11
//! months together, vote just under two thirds), and the helpers the other tests share.

use chrono::NaiveDate;
use qldv_api_types::candidates::CandidateStage as S;
use qldv_api_types::MemberId;

use super::*;
use crate::domain::discipline::Discipline;
use crate::domain::settings::RuleSettings;
use qldv_api_types::movements::DisciplineForm;

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

pub(super) fn s() -> RuleSettings {
    RuleSettings::defaults("294-QĐ/TW")
}

const TODAY: (i32, u32, u32) = (2024, 12, 2);

pub(super) fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

pub(super) fn introducer(member: i64, together_since: NaiveDate) -> Introducer {
    Introducer {
        member: MemberId(member),
        official_on: Some(d(2010, 1, 1)),
        together_since,
        left_on: None,
        disciplines: Vec::new(),
        replacing: false,
    }
}

pub(super) fn empty_file() -> CandidateFile {
    CandidateFile {
        birth: d(1990, 5, 10),
        youth_union_joined_on: None,
        youth_union_member: false,
        trade_union_member: false,
        age_consent: false,
        grassroots_cell: false,
        identified_on: d(2024, 1, 15),
        steps: Vec::new(),
        dropped: None,
    }
}

pub(super) fn step(on: NaiveDate, fact: StepFact) -> Step {
    Step { on, fact }
}

/// Records `fact` on `on`, which must be accepted.
pub(super) fn accept(file: &mut CandidateFile, on: NaiveDate, fact: StepFact) {
    let st = step(on, fact);
    assert_eq!(check_step(file, &st, today(), &s()), Ok(()), "{st:?}");
    file.steps.push(st);
}

/// What recording `fact` on `on` gives, without recording it.
pub(super) fn try_step(
    file: &CandidateFile,
    on: NaiveDate,
    fact: StepFact,
) -> Result<(), &'static str> {
    check_step(file, &step(on, fact), today(), &s()).map_err(|r| r.code())
}

/// A file ready for the cell's resolution (certificate, application, verified history, two
/// introducers of 12+ months).
pub(super) fn ready_file() -> CandidateFile {
    let mut f = empty_file();
    accept(&mut f, d(2024, 1, 15), StepFact::HelpersAssigned);
    accept(&mut f, d(2024, 3, 1), StepFact::AwarenessCourse);
    accept(&mut f, d(2024, 4, 1), StepFact::Application);
    accept(&mut f, d(2024, 4, 15), StepFact::PersonalHistory);
    accept(&mut f, d(2024, 6, 10), StepFact::HistoryVerified);
    accept(
        &mut f,
        d(2024, 6, 14),
        StepFact::Introduction(introducer(1, d(2020, 1, 1))),
    );
    accept(
        &mut f,
        d(2024, 6, 14),
        StepFact::Introduction(introducer(2, d(2023, 6, 14))),
    );
    f
}

pub(super) fn cell_vote() -> StepFact {
    StepFact::CellResolution(Vote {
        members: 12,
        agreeing: 8,
    })
}

pub(super) fn resolved_file() -> CandidateFile {
    let mut f = ready_file();
    accept(&mut f, d(2024, 7, 1), cell_vote());
    accept(
        &mut f,
        d(2024, 7, 15),
        StepFact::GrassrootsResolution(Vote {
            members: 9,
            agreeing: 6,
        }),
    );
    f
}

pub(super) fn decision(late_reason: bool) -> StepFact {
    StepFact::AdmissionDecision {
        received_on: None,
        late_reason,
    }
}

#[test]
fn a_whole_file_walks_to_the_ceremony_and_converts_with_its_dates() {
    let mut f = resolved_file();
    assert_eq!(stage(&f), S::GrassrootsResolved);
    accept(
        &mut f,
        d(2024, 8, 20),
        StepFact::AdmissionDecision {
            received_on: Some(d(2024, 8, 22)),
            late_reason: false,
        },
    );
    assert_eq!(stage(&f), S::Decided);
    accept(
        &mut f,
        d(2024, 9, 10),
        StepFact::Ceremony { approval: false },
    );
    assert_eq!(stage(&f), S::Admitted);
    let c = convert(&f, today(), &s());
    let Ok(c) = c else {
        unreachable!("{c:?}");
    };
    assert_eq!(c.dates.considered, Some(d(2024, 7, 1)));
    assert_eq!(c.dates.decision, d(2024, 8, 20));
    assert_eq!(c.dates.received, Some(d(2024, 8, 22)));
    assert_eq!(c.dates.ceremony, d(2024, 9, 10));
    assert_eq!(c.official_due, d(2025, 9, 10));
    assert_eq!(c.introducers, [MemberId(1), MemberId(2)]);
    assert_eq!(next_due(&f, today(), &s()), None);
    assert_eq!(
        try_step(&f, d(2024, 9, 11), StepFact::HelpersAssigned),
        Err("candidate_file_closed")
    );
}

#[test]
fn an_introducer_with_eleven_months_together_is_refused_twelve_accepted() {
    let mut f = ready_file();
    f.steps.pop();
    let on = d(2024, 6, 14);
    // 2023-07-14 → 2024-06-14: eleven whole months.
    let eleven = StepFact::Introduction(introducer(2, d(2023, 7, 14)));
    assert_eq!(
        try_step(&f, on, eleven),
        Err("introducer_too_short_together")
    );
    let refusal = check_step(
        &f,
        &step(on, StepFact::Introduction(introducer(2, d(2023, 7, 14)))),
        today(),
        &s(),
    );
    assert_eq!(
        refusal,
        Err(StepRefusal::Introducer(
            IntroducerRefusal::TooShortTogether {
                months: 11,
                needed: 12
            }
        ))
    );
    // One day short of twelve months is still eleven.
    let almost = StepFact::Introduction(introducer(2, d(2023, 6, 15)));
    assert_eq!(
        try_step(&f, on, almost),
        Err("introducer_too_short_together")
    );
    let twelve = StepFact::Introduction(introducer(2, d(2023, 6, 14)));
    assert_eq!(try_step(&f, on, twelve), Ok(()));
}

#[test]
fn an_introducer_must_be_official_present_and_not_disciplined() {
    let mut f = ready_file();
    f.steps.pop();
    let on = d(2024, 6, 14);
    let mut probationary = introducer(3, d(2020, 1, 1));
    probationary.official_on = None;
    assert_eq!(
        try_step(&f, on, StepFact::Introduction(probationary)),
        Err("introducer_not_official")
    );
    // Official since only a month: allowed (the months together count, not party age).
    let mut recent = introducer(3, d(2020, 1, 1));
    recent.official_on = Some(d(2024, 5, 14));
    assert_eq!(try_step(&f, on, StepFact::Introduction(recent)), Ok(()));
    let mut gone = introducer(3, d(2020, 1, 1));
    gone.left_on = Some(d(2024, 6, 1));
    assert_eq!(
        try_step(&f, on, StepFact::Introduction(gone)),
        Err("introducer_left")
    );
    let mut disciplined = introducer(3, d(2020, 1, 1));
    disciplined.disciplines.push(Discipline {
        form: DisciplineForm::Reprimand,
        decided_on: d(2024, 2, 1),
        announced_on: d(2024, 2, 5),
        lapses_on: Some(d(2025, 2, 5)),
        held: false,
        annulled_on: None,
    });
    assert_eq!(
        try_step(&f, on, StepFact::Introduction(disciplined)),
        Err("introducer_disciplined")
    );
    assert_eq!(
        try_step(&f, on, StepFact::Introduction(introducer(1, d(2020, 1, 1)))),
        Err("introducer_repeated")
    );
}

#[test]
fn an_introducer_who_left_is_replaced_without_the_twelve_months() {
    let mut f = ready_file();
    if let Some(StepFact::Introduction(i)) = f.steps.last_mut().map(|s| &mut s.fact) {
        i.left_on = Some(d(2024, 6, 20));
    }
    assert_eq!(
        overdue(&f, d(2024, 6, 21), &s()),
        [CandidateAlert::IntroducerLeft {
            member: MemberId(2),
            on: d(2024, 6, 20)
        }]
    );
    // The cell cannot resolve with one introducer left.
    assert_eq!(
        try_step(&f, d(2024, 7, 1), cell_vote()),
        Err("introductions_incomplete")
    );
    let mut new = introducer(5, d(2024, 5, 1));
    new.replacing = true;
    assert_eq!(
        try_step(&f, d(2024, 6, 10), StepFact::Introduction(new.clone())),
        Err("introducer_nothing_to_replace")
    );
    accept(&mut f, d(2024, 6, 25), StepFact::Introduction(new));
    accept(&mut f, d(2024, 7, 1), cell_vote());
}

#[test]
fn a_vote_just_under_two_thirds_of_all_official_members_is_refused() {
    let f = ready_file();
    let vote = |members, agreeing| StepFact::CellResolution(Vote { members, agreeing });
    let on = d(2024, 7, 1);
    // 12 official members: 8 needed, whatever the number present.
    assert_eq!(try_step(&f, on, vote(12, 7)), Err("vote_under_two_thirds"));
    assert_eq!(try_step(&f, on, vote(12, 8)), Ok(()));
    // 10 members: 20/3 = 6.67, so 7.
    assert_eq!(try_step(&f, on, vote(10, 6)), Err("vote_under_two_thirds"));
    assert_eq!(try_step(&f, on, vote(10, 7)), Ok(()));
    // Exactly two thirds is enough.
    assert_eq!(try_step(&f, on, vote(3, 2)), Ok(()));
    assert_eq!(try_step(&f, on, vote(3, 4)), Err("vote_inconsistent"));
    assert_eq!(try_step(&f, on, vote(0, 0)), Err("vote_inconsistent"));
    assert_eq!(
        check_step(&f, &step(on, vote(12, 7)), today(), &s()),
        Err(StepRefusal::VoteUnderTwoThirds {
            agreeing: 7,
            needed: 8,
            members: 12
        })
    );
    let mut g = ready_file();
    accept(&mut g, on, vote(12, 8));
    let grassroots = |members, agreeing| StepFact::GrassrootsResolution(Vote { members, agreeing });
    assert_eq!(
        try_step(&g, d(2024, 7, 15), grassroots(9, 5)),
        Err("vote_under_two_thirds")
    );
    assert_eq!(try_step(&g, d(2024, 7, 15), grassroots(9, 6)), Ok(()));
}

#[test]
fn a_youth_union_member_of_youth_age_is_introduced_by_the_youth_union() {
    let mut f = ready_file();
    f.birth = d(2000, 5, 10);
    f.youth_union_member = true;
    assert_eq!(
        try_step(&f, d(2024, 7, 1), cell_vote()),
        Err("youth_union_introduction_required")
    );
    // The union's resolution and one introducer.
    f.steps.pop();
    accept(&mut f, d(2024, 6, 20), StepFact::YouthUnionIntroduction);
    assert_eq!(
        try_step(&f, d(2024, 6, 21), StepFact::TradeUnionIntroduction),
        Err("not_union_member")
    );
    assert_eq!(
        try_step(
            &f,
            d(2024, 6, 21),
            StepFact::Introduction(introducer(7, d(2020, 1, 1)))
        ),
        Err("introductions_complete")
    );
    accept(&mut f, d(2024, 7, 1), cell_vote());
    // Past 30 (31 on the resolution's date) two members introduce without the Youth Union.
    let mut older = ready_file();
    older.birth = d(1993, 6, 30);
    older.youth_union_member = true;
    assert_eq!(try_step(&older, d(2024, 7, 1), cell_vote()), Ok(()));
    older.birth = d(1993, 7, 2);
    assert_eq!(
        try_step(&older, d(2024, 7, 1), cell_vote()),
        Err("youth_union_introduction_required")
    );
}

#[test]
fn steps_keep_their_order() {
    let f = empty_file();
    assert_eq!(
        try_step(&f, d(2024, 2, 1), StepFact::PersonalHistory),
        Err("step_out_of_order")
    );
    let r = ready_file();
    assert_eq!(
        try_step(&r, d(2024, 6, 9), cell_vote()),
        Err("date_before_earlier_step")
    );
    assert_eq!(
        try_step(&r, d(2024, 6, 20), StepFact::Application),
        Err("step_already_recorded")
    );
    let g = resolved_file();
    assert_eq!(
        try_step(
            &g,
            d(2024, 7, 20),
            StepFact::Introduction(introducer(9, d(2020, 1, 1)))
        ),
        Err("step_after_later_step")
    );
    assert_eq!(
        try_step(&g, d(2024, 7, 20), StepFact::Ceremony { approval: false }),
        Err("step_out_of_order")
    );
    assert_eq!(
        try_step(&empty_file(), d(2024, 1, 10), StepFact::Application),
        Err("before_identification")
    );
    // A certificate may predate the identification.
    assert_eq!(
        try_step(&empty_file(), d(2023, 11, 10), StepFact::AwarenessCourse),
        Ok(())
    );
    let mut c = ready_file();
    accept(&mut c, d(2024, 7, 1), cell_vote());
    assert_eq!(
        try_step(&c, d(2024, 7, 20), decision(false)),
        Err("step_out_of_order")
    );
}

#[test]
fn a_grassroots_cell_goes_straight_to_the_competent_committee() {
    let mut f = ready_file();
    f.grassroots_cell = true;
    accept(&mut f, d(2024, 7, 1), cell_vote());
    assert_eq!(
        try_step(
            &f,
            d(2024, 7, 10),
            StepFact::GrassrootsResolution(Vote {
                members: 5,
                agreeing: 5
            })
        ),
        Err("no_grassroots_committee")
    );
    accept(&mut f, d(2024, 7, 20), decision(false));
    assert_eq!(stage(&f), S::Decided);
}

#[test]
fn rule_one_is_judged_on_the_cells_resolution() {
    let mut f = ready_file();
    f.birth = d(1964, 5, 10);
    assert_eq!(
        try_step(&f, d(2024, 7, 1), cell_vote()),
        Err("consent_required")
    );
    f.age_consent = true;
    assert_eq!(try_step(&f, d(2024, 7, 1), cell_vote()), Ok(()));
}
