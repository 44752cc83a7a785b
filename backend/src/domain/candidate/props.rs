//! Properties of rules 24–31 over generated files.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use qldv_api_types::candidates::CandidateStepKind as K;
use qldv_api_types::MemberId;

use super::tests::{d, empty_file, introducer, s};
use super::*;

/// A step drawn from the vocabulary with parameters (`p` picks the variant's facts).
fn fact(kind: u8, p: u16) -> StepFact {
    let vote = || {
        let members = 3 + u32::from(p % 20);
        Vote {
            members,
            agreeing: members.saturating_sub(u32::from(p % 5)),
        }
    };
    match kind % 14 {
        0 => StepFact::HelpersAssigned,
        1 => StepFact::AwarenessCourse,
        2 => StepFact::Application,
        3 => StepFact::PersonalHistory,
        4 => StepFact::HistoryVerified,
        5 => {
            let mut i = introducer(
                i64::from(p % 5),
                d(2024, 1, 1) - Duration::days(i64::from(p % 800)),
            );
            if p % 11 == 0 {
                i.official_on = None;
            }
            if p % 13 == 0 {
                i.left_on = Some(d(2024, 6, 1));
            }
            i.replacing = p % 17 == 0;
            StepFact::Introduction(i)
        }
        6 => StepFact::YouthUnionIntroduction,
        7 => StepFact::TradeUnionIntroduction,
        8 => StepFact::CellResolution(vote()),
        9 => StepFact::GrassrootsResolution(vote()),
        10 => StepFact::DecisionExtended,
        11 => StepFact::AdmissionDecision {
            received_on: None,
            late_reason: p % 2 == 0,
        },
        12 => StepFact::AdmissionRefused {
            late_reason: p % 3 == 0,
        },
        _ => StepFact::Ceremony {
            approval: p % 3 == 0,
        },
    }
}

/// The pipeline's order, for generating files that get far.
const ORDER: [u8; 14] = [0, 1, 2, 3, 4, 6, 5, 5, 7, 8, 9, 10, 11, 13];

fn today() -> NaiveDate {
    d(2030, 1, 1)
}

/// Offers each generated step in turn; keeps those accepted. Checks, after each offer, that
/// the stage never goes back.
fn walk(
    mut file: CandidateFile,
    offers: impl IntoIterator<Item = (NaiveDate, StepFact)>,
) -> Result<CandidateFile, TestCaseError> {
    let settings = s();
    for (on, fact) in offers {
        let before = stage(&file);
        let st = Step { on, fact };
        if check_step(&file, &st, today(), &settings).is_ok() {
            file.steps.push(st);
        }
        prop_assert!(stage(&file) >= before, "{:?} → {:?}", before, stage(&file));
    }
    Ok(file)
}

/// Rule 30: every pair of steps of different phases is in date order, and phases never go
/// back in the order the steps were recorded.
fn in_order(file: &CandidateFile) -> Result<(), TestCaseError> {
    let phased: Vec<&Step> = file
        .steps
        .iter()
        .filter(|s| s.fact.kind() != K::HelpersAssigned)
        .collect();
    for (i, a) in phased.iter().enumerate() {
        for b in &phased[i + 1..] {
            let (pa, pb) = (phase(a.fact.kind()), phase(b.fact.kind()));
            prop_assert!(pa <= pb, "{:?} recorded before {:?}", a, b);
            if pa < pb {
                prop_assert!(a.on <= b.on, "{:?} dated after {:?}", a, b);
            }
        }
    }
    Ok(())
}

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(256)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_file_accepted_step_by_step_is_in_order_and_converts(
        gaps in proptest::collection::vec((0u16..60, any::<u16>(), 0u8..10), 14),
        youth in any::<bool>(),
        grassroots in any::<bool>(),
    ) {
        let mut file = empty_file();
        file.youth_union_member = youth;
        file.grassroots_cell = grassroots;
        let mut on = file.identified_on;
        let offers: Vec<_> = ORDER
            .iter()
            .zip(&gaps)
            .filter(|(_, (_, _, skip))| *skip > 0)
            .map(|(kind, (gap, p, _))| {
                on += Duration::days(i64::from(*gap));
                (on, fact(*kind, *p))
            })
            .collect();
        let file = walk(file, offers)?;
        in_order(&file)?;
        if stage(&file) == CandidateStage::Admitted {
            let converted = convert(&file, today(), &s());
            prop_assert!(converted.is_ok(), "{:?}", converted);
        }
    }

    #[test]
    fn steps_offered_in_any_order_never_break_it(
        offers in proptest::collection::vec((any::<u8>(), 0i64..900, any::<u16>()), 0..40),
        drop_at in proptest::option::of(0usize..40),
    ) {
        let base = empty_file();
        let start = base.identified_on - Duration::days(100);
        let mut file = walk(
            base,
            offers
                .iter()
                .map(|(k, day, p)| (start + Duration::days(*day), fact(*k, *p))),
        )?;
        in_order(&file)?;
        if let Some(at) = drop_at.filter(|a| *a < offers.len()) {
            let on = start + Duration::days(offers[at].1);
            if check_drop(&file, on, today()).is_ok() {
                file.dropped = Some(Dropped { on, reason: CandidateDropReason::Other });
                prop_assert_eq!(stage(&file), CandidateStage::Dropped);
                prop_assert!(next_due(&file, today(), &s()).is_none());
            }
        }
        // An introducer never stands twice in the file at once.
        let mut members: Vec<MemberId> = file
            .introducers()
            .filter(|(_, i)| i.standing(today()).is_ok())
            .map(|(_, i)| i.member)
            .collect();
        let n = members.len();
        members.sort_unstable();
        members.dedup();
        prop_assert_eq!(members.len(), n);
    }

    #[test]
    fn two_thirds_is_exact_in_integers(members in 1u32.., agreeing in any::<u32>()) {
        let vote = Vote { members, agreeing: agreeing % (members.saturating_add(1)).max(1) };
        let needed = vote.needed();
        // needed is the least count reaching two thirds: 3·needed ≥ 2·members > 3·(needed − 1).
        prop_assert!(u64::from(needed) * 3 >= u64::from(members) * 2);
        prop_assert!(u64::from(needed.saturating_sub(1)) * 3 < u64::from(members) * 2 || needed == 0);
        prop_assert_eq!(vote.reaches_two_thirds(), vote.agreeing >= needed);
    }

    #[test]
    fn percent_is_rounded_half_up_in_hundredths(whole in 1u64..u64::MAX / 4, part in any::<u64>()) {
        let part = part % (whole + 1);
        let p = percent(part, whole).unwrap_or(u64::MAX);
        prop_assert!(p <= 10_000);
        // |p·whole − part·10000| ≤ whole / 2, in exact arithmetic.
        let exact = u128::from(part) * 10_000;
        let got = u128::from(p) * u128::from(whole);
        prop_assert!(got.abs_diff(exact) * 2 <= u128::from(whole));
        prop_assert_eq!(percent(whole, whole), Some(10_000));
        prop_assert_eq!(percent(0, whole), Some(0));
    }
}
