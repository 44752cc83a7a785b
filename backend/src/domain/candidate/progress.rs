//! Where a candidate stands, what is due next and by when (the cell's list), and what is
//! overdue (the alerts of issue 22).

use chrono::NaiveDate;
use qldv_api_types::candidates::{CandidateStage, CandidateStepKind as K};
use qldv_api_types::MemberId;

use super::check::{certificate_valid_until, decision_deadline, introductions, youth_union_route};
use super::introducer::IntroducerRefusal;
use super::CandidateFile;
use crate::domain::admission::ceremony_deadline;
use crate::domain::settings::RuleSettings;

/// Whether a file in this stage takes no more steps.
pub fn is_closed(stage: CandidateStage) -> bool {
    matches!(
        stage,
        CandidateStage::Admitted | CandidateStage::Refused | CandidateStage::Dropped
    )
}

/// The candidate's stage, from the steps recorded (never entered).
pub fn stage(file: &CandidateFile) -> CandidateStage {
    use CandidateStage as S;
    if file.dropped.is_some() {
        return S::Dropped;
    }
    if file.has(K::Ceremony) {
        return S::Admitted;
    }
    if file.has(K::AdmissionRefused) {
        return S::Refused;
    }
    if file.has(K::AdmissionDecision) {
        return S::Decided;
    }
    if file.has(K::GrassrootsResolution) {
        return S::GrassrootsResolved;
    }
    if file.has(K::CellResolution) {
        return S::CellResolved;
    }
    let (members, union) = introductions_recorded(file);
    let complete = file.has(K::AwarenessCourse)
        && file.has(K::Application)
        && file.has(K::HistoryVerified)
        && members >= 1
        && members + u32::from(union) >= 2;
    if complete {
        return S::Ready;
    }
    let preparing = file
        .steps
        .iter()
        .any(|s| s.fact.kind() != K::HelpersAssigned);
    if preparing {
        S::Preparing
    } else {
        S::Identified
    }
}

/// Introductions recorded (whether or not the introducers still stand: the stage never goes
/// back; an introducer who left is an alert).
fn introductions_recorded(file: &CandidateFile) -> (u32, bool) {
    let members = u32::try_from(file.introducers().count()).unwrap_or(u32::MAX);
    let union = file.has(K::YouthUnionIntroduction) || file.has(K::TradeUnionIntroduction);
    (members, union)
}

/// The next step of an open file and, when a rule sets one, the last day for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    /// The step.
    pub step: K,
    /// Its last day (rule 24: the certificate's validity for the cell's resolution; rule 29:
    /// the decision's deadline, which also bounds the grassroots committee; rule 2: the
    /// ceremony's).
    pub by: Option<NaiveDate>,
}

/// Rules 2, 24, 26, 29: what is due next in an open file on `today`, and by when; `None` for a
/// closed file.
pub fn next_due(file: &CandidateFile, today: NaiveDate, s: &RuleSettings) -> Option<Due> {
    let due = |step, by| Some(Due { step, by });
    match stage(file) {
        CandidateStage::Admitted | CandidateStage::Refused | CandidateStage::Dropped => None,
        CandidateStage::Decided => {
            let decision = file.last(K::AdmissionDecision)?;
            let received = match decision.fact {
                super::StepFact::AdmissionDecision { received_on, .. } => {
                    received_on.unwrap_or(decision.on)
                }
                _ => decision.on,
            };
            due(K::Ceremony, Some(ceremony_deadline(received, s)))
        }
        CandidateStage::CellResolved if !file.grassroots_cell => {
            due(K::GrassrootsResolution, decision_deadline(file, s))
        }
        CandidateStage::CellResolved | CandidateStage::GrassrootsResolved => {
            due(K::AdmissionDecision, decision_deadline(file, s))
        }
        CandidateStage::Identified | CandidateStage::Preparing | CandidateStage::Ready => {
            let valid_until = certificate_valid_until(file, s);
            if valid_until.is_none_or(|v| v < today) {
                return due(K::AwarenessCourse, None);
            }
            for step in [K::Application, K::PersonalHistory, K::HistoryVerified] {
                if !file.has(step) {
                    return due(step, valid_until);
                }
            }
            let (members, union) = introductions(file, today);
            if youth_union_route(file, today, s) && !file.has(K::YouthUnionIntroduction) {
                return due(K::YouthUnionIntroduction, valid_until);
            }
            if members < 1 || members + u32::from(union) < 2 {
                return due(K::Introduction, valid_until);
            }
            due(K::CellResolution, valid_until)
        }
    }
}

/// Something about a candidate a board should act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateAlert {
    /// Rule 24: the certificate lapsed before the cell resolved: the course is to be taken
    /// again.
    CertificateExpired {
        /// Last day it was valid.
        valid_until: NaiveDate,
    },
    /// Rule 25: an introducer left the organisation before the ceremony: the cell assigns
    /// another.
    IntroducerLeft {
        /// The introducer.
        member: MemberId,
        /// Left on.
        on: NaiveDate,
    },
    /// Rule 25: an introducer is under a discipline before the ceremony.
    IntroducerDisciplined {
        /// The introducer.
        member: MemberId,
    },
    /// Rule 29: no decision or refusal by the deadline.
    DecisionOverdue {
        /// The deadline (extended if recorded).
        deadline: NaiveDate,
    },
    /// Rule 2: the ceremony not held by its deadline.
    CeremonyOverdue {
        /// The deadline.
        deadline: NaiveDate,
    },
}

impl CandidateAlert {
    /// Stable code (the future `AlertKind` value).
    pub fn code(self) -> &'static str {
        match self {
            Self::CertificateExpired { .. } => "candidate_certificate_expired",
            Self::IntroducerLeft { .. } => "candidate_introducer_left",
            Self::IntroducerDisciplined { .. } => "candidate_introducer_disciplined",
            Self::DecisionOverdue { .. } => "candidate_decision_overdue",
            Self::CeremonyOverdue { .. } => "candidate_ceremony_overdue",
        }
    }
}

/// Rules 2, 24, 25, 29: the alerts of an open file on `today` (none once it is closed).
pub fn overdue(file: &CandidateFile, today: NaiveDate, s: &RuleSettings) -> Vec<CandidateAlert> {
    let mut out = Vec::new();
    let current = stage(file);
    if is_closed(current) {
        return out;
    }
    if !file.has(K::CellResolution) {
        if let Some(valid_until) = certificate_valid_until(file, s).filter(|v| *v < today) {
            out.push(CandidateAlert::CertificateExpired { valid_until });
        }
    }
    for (_, introducer) in file.introducers() {
        match introducer.standing(today) {
            Err(IntroducerRefusal::Left { on }) => out.push(CandidateAlert::IntroducerLeft {
                member: introducer.member,
                on,
            }),
            Err(IntroducerRefusal::Disciplined) => {
                out.push(CandidateAlert::IntroducerDisciplined {
                    member: introducer.member,
                })
            }
            _ => {}
        }
    }
    let answered = file.has(K::AdmissionDecision) || file.has(K::AdmissionRefused);
    if !answered {
        if let Some(deadline) = decision_deadline(file, s).filter(|d| *d < today) {
            out.push(CandidateAlert::DecisionOverdue { deadline });
        }
    }
    if current == CandidateStage::Decided {
        if let Some(Due {
            by: Some(deadline), ..
        }) = next_due(file, today, s)
        {
            if deadline < today {
                out.push(CandidateAlert::CeremonyOverdue { deadline });
            }
        }
    }
    out
}
