//! Whether a step may be recorded next (rules 24–30), and whether the candidate may be dropped.

use chrono::NaiveDate;
use qldv_api_types::candidates::CandidateStepKind as K;

use super::introducer::IntroducerRefusal;
use super::{phase, stage, CandidateFile, Step, StepFact, StepRefusal, Vote};
use crate::domain::admission::{check_age, check_ceremony};
use crate::domain::calendar::{add_months, add_working_days};
use crate::domain::settings::RuleSettings;

/// Steps recorded at most once (a certificate may be renewed, helpers reassigned, an
/// introducer replaced).
fn once(kind: K) -> bool {
    !matches!(
        kind,
        K::HelpersAssigned | K::AwarenessCourse | K::Introduction
    )
}

/// Rule 30: whether `step` may be recorded next in `file`, judged with `s` (the settings of
/// the charter chain in force on the step's date); `today` bounds the dates.
pub fn check_step(
    file: &CandidateFile,
    step: &Step,
    today: NaiveDate,
    s: &RuleSettings,
) -> Result<(), StepRefusal> {
    let kind = step.fact.kind();
    let current = stage(file);
    if super::progress::is_closed(current) {
        return Err(StepRefusal::FileClosed(current));
    }
    if step.on > today {
        return Err(StepRefusal::DateInFuture);
    }
    if step.on < file.identified_on && kind != K::AwarenessCourse {
        return Err(StepRefusal::BeforeIdentification);
    }
    if once(kind) && file.has(kind) {
        return Err(StepRefusal::AlreadyRecorded(kind));
    }
    check_phase(file, step)?;
    match &step.fact {
        StepFact::HelpersAssigned | StepFact::AwarenessCourse | StepFact::Application => Ok(()),
        StepFact::PersonalHistory => needs(file, K::Application),
        StepFact::HistoryVerified => needs(file, K::PersonalHistory),
        StepFact::Introduction(_)
        | StepFact::YouthUnionIntroduction
        | StepFact::TradeUnionIntroduction => check_introduction(file, step, s),
        StepFact::CellResolution(vote) => check_cell(file, step.on, *vote, s),
        StepFact::GrassrootsResolution(vote) => {
            if file.grassroots_cell {
                return Err(StepRefusal::NoGrassrootsCommittee);
            }
            needs(file, K::CellResolution)?;
            check_vote(*vote)
        }
        StepFact::DecisionExtended => {
            needs(file, proposing(file))?;
            let deadline = base_deadline(file, s).ok_or(StepRefusal::OutOfOrder {
                needs: K::CellResolution,
            })?;
            if step.on > deadline {
                return Err(StepRefusal::ExtensionAfterDeadline { deadline });
            }
            Ok(())
        }
        StepFact::AdmissionDecision {
            received_on,
            late_reason,
        } => {
            if file.has(K::AdmissionRefused) {
                return Err(StepRefusal::AlreadyRecorded(K::AdmissionRefused));
            }
            check_answer(file, step.on, *late_reason, s)?;
            if received_on.is_some_and(|r| r < step.on) {
                return Err(StepRefusal::ReceivedOutOfOrder);
            }
            if received_on.is_some_and(|r| r > today) {
                return Err(StepRefusal::DateInFuture);
            }
            Ok(())
        }
        StepFact::AdmissionRefused { late_reason } => {
            if file.has(K::AdmissionDecision) {
                return Err(StepRefusal::AlreadyRecorded(K::AdmissionDecision));
            }
            check_answer(file, step.on, *late_reason, s)
        }
        StepFact::Ceremony { approval } => {
            let Some(Step {
                on: decided,
                fact: StepFact::AdmissionDecision { received_on, .. },
            }) = file.last(K::AdmissionDecision)
            else {
                return Err(StepRefusal::OutOfOrder {
                    needs: K::AdmissionDecision,
                });
            };
            let received = received_on.unwrap_or(*decided);
            if received > step.on {
                return Err(StepRefusal::ReceivedOutOfOrder);
            }
            check_ceremony(received, step.on, *approval, s).map_err(StepRefusal::Admission)
        }
    }
}

/// Rule 30: no step once a later phase is recorded, and not dated before an earlier phase's
/// step. Assigning helpers is outside the phases (the cell may reassign them until the
/// ceremony).
fn check_phase(file: &CandidateFile, step: &Step) -> Result<(), StepRefusal> {
    let kind = step.fact.kind();
    if kind == K::HelpersAssigned {
        return Ok(());
    }
    let p = phase(kind);
    for recorded in file
        .steps
        .iter()
        .filter(|r| r.fact.kind() != K::HelpersAssigned)
    {
        let rk = recorded.fact.kind();
        if phase(rk) > p {
            return Err(StepRefusal::AfterLaterStep { later: rk });
        }
        if phase(rk) < p && step.on < recorded.on {
            return Err(StepRefusal::DateBeforeEarlierStep {
                earlier: rk,
                on: recorded.on,
            });
        }
    }
    Ok(())
}

fn needs(file: &CandidateFile, kind: K) -> Result<(), StepRefusal> {
    if file.has(kind) {
        Ok(())
    } else {
        Err(StepRefusal::OutOfOrder { needs: kind })
    }
}

/// The resolution the competent committee answers: the grassroots committee's, or the cell's
/// when the cell is a grassroots cell.
fn proposing(file: &CandidateFile) -> K {
    if file.grassroots_cell {
        K::CellResolution
    } else {
        K::GrassrootsResolution
    }
}

/// Rules 25–26: an introduction, before the cell resolves.
fn check_introduction(
    file: &CandidateFile,
    step: &Step,
    s: &RuleSettings,
) -> Result<(), StepRefusal> {
    needs(file, K::Application)?;
    let union = file.has(K::YouthUnionIntroduction) || file.has(K::TradeUnionIntroduction);
    let standing: Vec<_> = file
        .introducers()
        .filter(|(_, i)| i.standing(step.on).is_ok())
        .map(|(_, i)| i.member)
        .collect();
    let count = standing.len() + usize::from(union);
    match &step.fact {
        StepFact::Introduction(introducer) => {
            if standing.contains(&introducer.member) {
                return Err(StepRefusal::SameIntroducer);
            }
            if introducer.replacing && file.introducers().all(|(_, i)| i.standing(step.on).is_ok())
            {
                return Err(StepRefusal::Introducer(IntroducerRefusal::NothingToReplace));
            }
            if count >= 2 {
                return Err(StepRefusal::IntroductionsComplete);
            }
            introducer
                .check_introduction(step.on, s)
                .map_err(StepRefusal::Introducer)
        }
        StepFact::YouthUnionIntroduction | StepFact::TradeUnionIntroduction => {
            let member = match step.fact.kind() {
                K::YouthUnionIntroduction => file.youth_union_member,
                _ => file.trade_union_member,
            };
            if !member {
                return Err(StepRefusal::NotUnionMember(step.fact.kind()));
            }
            if union || count >= 2 {
                return Err(StepRefusal::IntroductionsComplete);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Rule 24: the last day the latest certificate is valid, if one is recorded.
pub(super) fn certificate_valid_until(file: &CandidateFile, s: &RuleSettings) -> Option<NaiveDate> {
    let issued = file.date_of(K::AwarenessCourse)?;
    add_months(issued, s.certificate_valid_months).pred_opt()
}

/// Rule 26: whether the candidate must be introduced by the Youth Union on `on`: a member of
/// it, of youth age (up to the day before the birthday after `youth_age_max_years`).
pub(super) fn youth_union_route(file: &CandidateFile, on: NaiveDate, s: &RuleSettings) -> bool {
    file.youth_union_member && file.age_months(on) < (s.youth_age_max_years + 1) * 12
}

/// Rule 26: the introductions standing on `on`: members still standing, plus one union's
/// resolution.
pub(super) fn introductions(file: &CandidateFile, on: NaiveDate) -> (u32, bool) {
    let members = file
        .introducers()
        .filter(|(_, i)| i.standing(on).is_ok())
        .count();
    let union = file.has(K::YouthUnionIntroduction) || file.has(K::TradeUnionIntroduction);
    (u32::try_from(members).unwrap_or(u32::MAX), union)
}

/// Rules 1, 24, 26, 27: the cell's resolution.
fn check_cell(
    file: &CandidateFile,
    on: NaiveDate,
    vote: Vote,
    s: &RuleSettings,
) -> Result<(), StepRefusal> {
    for kind in [K::AwarenessCourse, K::Application, K::HistoryVerified] {
        needs(file, kind)?;
    }
    if let Some(valid_until) = certificate_valid_until(file, s) {
        if on > valid_until {
            return Err(StepRefusal::CertificateExpired { valid_until });
        }
    }
    let (members, union) = introductions(file, on);
    if youth_union_route(file, on, s) && !file.has(K::YouthUnionIntroduction) {
        return Err(StepRefusal::YouthUnionIntroductionRequired);
    }
    let have = members + u32::from(union);
    if members < 1 || have < 2 {
        return Err(StepRefusal::IntroductionsIncomplete { have });
    }
    check_age(file.birth, on, file.age_consent, s).map_err(StepRefusal::Admission)?;
    check_vote(vote)
}

/// Rules 27–28: two thirds of the members counted.
fn check_vote(vote: Vote) -> Result<(), StepRefusal> {
    if !vote.is_consistent() {
        return Err(StepRefusal::VoteInconsistent);
    }
    if !vote.reaches_two_thirds() {
        return Err(StepRefusal::VoteUnderTwoThirds {
            agreeing: vote.agreeing,
            needed: vote.needed(),
            members: vote.members,
        });
    }
    Ok(())
}

/// Rule 29: the deadline counted from the cell's resolution, without extension.
fn base_deadline(file: &CandidateFile, s: &RuleSettings) -> Option<NaiveDate> {
    let cell = file.date_of(K::CellResolution)?;
    Some(add_working_days(
        cell,
        s.decision_deadline_working_days,
        &s.calendar,
    ))
}

/// Rule 29: the last day for the competent committee's decision or refusal: 60 working days
/// from the cell's resolution, 90 when an extension is recorded. `None` before the cell
/// resolves.
pub fn decision_deadline(file: &CandidateFile, s: &RuleSettings) -> Option<NaiveDate> {
    let cell = file.date_of(K::CellResolution)?;
    let mut days = s.decision_deadline_working_days;
    if file.has(K::DecisionExtended) {
        days += s.decision_extension_working_days;
    }
    Some(add_working_days(cell, days, &s.calendar))
}

/// Rule 29: a decision or refusal answers the proposing resolution, by its deadline or with a
/// recorded reason.
fn check_answer(
    file: &CandidateFile,
    on: NaiveDate,
    late_reason: bool,
    s: &RuleSettings,
) -> Result<(), StepRefusal> {
    needs(file, proposing(file))?;
    if let Some(deadline) = decision_deadline(file, s) {
        if on > deadline && !late_reason {
            return Err(StepRefusal::DecisionPastDeadline { deadline });
        }
    }
    Ok(())
}

/// Rule 30: whether the candidate may be dropped on `on`: the file is open, and the date is
/// not before its last step nor after today.
pub fn check_drop(
    file: &CandidateFile,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<(), StepRefusal> {
    let current = stage(file);
    if super::progress::is_closed(current) {
        return Err(StepRefusal::FileClosed(current));
    }
    if on > today {
        return Err(StepRefusal::DateInFuture);
    }
    if on < file.identified_on {
        return Err(StepRefusal::BeforeIdentification);
    }
    if let Some(last) = file.steps.iter().max_by_key(|s| s.on) {
        if on < last.on {
            return Err(StepRefusal::DateBeforeEarlierStep {
                earlier: last.fact.kind(),
                on: last.on,
            });
        }
    }
    Ok(())
}
