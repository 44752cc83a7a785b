//! The development report's pipeline (rule 31): candidates of a subtree by the stage their
//! files stood at on a day.

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::candidates::{CandidateDropReason, CandidateStepKind};
use qldv_api_types::MemberId;

use crate::db::schema::{candidate_files, candidate_steps, members};
use crate::db::DbConn;
use crate::error::AppResult;

/// The stage of a file from its step kinds alone (dates up to the day asked, in the order
/// recorded) and whether it was dropped: what `domain::candidate::stage` reads, without the
/// introducers' facts it does not need.
fn stage_from_kinds(
    identified_on: NaiveDate,
    kinds: &[(NaiveDate, CandidateStepKind)],
    dropped: bool,
) -> qldv_api_types::candidates::CandidateStage {
    use crate::domain::candidate::{CandidateFile, Dropped, Introducer, Step, StepFact, Vote};
    let vote = Vote {
        members: 0,
        agreeing: 0,
    };
    let steps = kinds
        .iter()
        .map(|(on, k)| Step {
            on: *on,
            fact: match k {
                CandidateStepKind::HelpersAssigned => StepFact::HelpersAssigned,
                CandidateStepKind::AwarenessCourse => StepFact::AwarenessCourse,
                CandidateStepKind::Application => StepFact::Application,
                CandidateStepKind::PersonalHistory => StepFact::PersonalHistory,
                CandidateStepKind::HistoryVerified => StepFact::HistoryVerified,
                CandidateStepKind::Introduction => StepFact::Introduction(Introducer {
                    member: MemberId(0),
                    official_on: None,
                    together_since: *on,
                    left_on: None,
                    disciplines: Vec::new(),
                    replacing: false,
                }),
                CandidateStepKind::YouthUnionIntroduction => StepFact::YouthUnionIntroduction,
                CandidateStepKind::TradeUnionIntroduction => StepFact::TradeUnionIntroduction,
                CandidateStepKind::CellResolution => StepFact::CellResolution(vote),
                CandidateStepKind::GrassrootsResolution => StepFact::GrassrootsResolution(vote),
                CandidateStepKind::DecisionExtended => StepFact::DecisionExtended,
                CandidateStepKind::AdmissionDecision => StepFact::AdmissionDecision {
                    received_on: None,
                    late_reason: false,
                },
                CandidateStepKind::AdmissionRefused => {
                    StepFact::AdmissionRefused { late_reason: false }
                }
                CandidateStepKind::Ceremony => StepFact::Ceremony { approval: false },
            },
        })
        .collect();
    let file = CandidateFile {
        birth: identified_on,
        youth_union_joined_on: None,
        youth_union_member: false,
        trade_union_member: false,
        age_consent: false,
        grassroots_cell: false,
        identified_on,
        steps,
        dropped: dropped.then_some(Dropped {
            on: identified_on,
            reason: CandidateDropReason::Other,
        }),
    };
    crate::domain::candidate::stage(&file)
}

/// The development report's pipeline: the candidates of the subtree at `path` by the stage
/// their files stood at on `on` (identified by then; steps and drops dated by then), every
/// stage listed, closed ones included (the report picks). A converted candidate counts as
/// admitted from its ceremony. The subtree is today's (`org_path`).
pub fn by_stage(
    conn: &mut DbConn,
    path: &str,
    on: NaiveDate,
) -> AppResult<std::collections::BTreeMap<qldv_api_types::candidates::CandidateStage, i64>> {
    use qldv_api_types::candidates::CandidateStage;
    let (lo, hi) = crate::domain::tree::subtree_range(path);
    let files: Vec<(MemberId, NaiveDate, Option<NaiveDate>)> = candidate_files::table
        .inner_join(members::table)
        .filter(members::org_path.ge(lo))
        .filter(members::org_path.lt(hi))
        .filter(candidate_files::identified_on.le(on))
        .select((
            candidate_files::member_id,
            candidate_files::identified_on,
            candidate_files::dropped_on,
        ))
        .load(conn)?;
    let mut out: std::collections::BTreeMap<CandidateStage, i64> =
        <CandidateStage as qldv_api_types::vocabulary::Term>::ALL
            .iter()
            .map(|s| (*s, 0))
            .collect();
    for chunk in files.chunks(500) {
        let ids: Vec<MemberId> = chunk.iter().map(|(id, _, _)| *id).collect();
        let steps: Vec<(MemberId, NaiveDate, CandidateStepKind)> = candidate_steps::table
            .filter(candidate_steps::member_id.eq_any(&ids))
            .filter(candidate_steps::on_date.le(on))
            .order((candidate_steps::member_id, candidate_steps::id))
            .select((
                candidate_steps::member_id,
                candidate_steps::on_date,
                candidate_steps::kind,
            ))
            .load(conn)?;
        for (id, identified_on, dropped_on) in chunk {
            let kinds: Vec<(NaiveDate, CandidateStepKind)> = steps
                .iter()
                .filter(|(m, _, _)| m == id)
                .map(|(_, d, k)| (*d, *k))
                .collect();
            let dropped = dropped_on.is_some_and(|d| d <= on);
            *out.entry(stage_from_kinds(*identified_on, &kinds, dropped))
                .or_insert(0) += 1;
        }
    }
    Ok(out)
}
