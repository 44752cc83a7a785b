//! Developing new members (issue 22; rules 24–31 of `docs/rules.md`): a candidate's admission
//! file as a value — who the candidate is, as far as the rules need, and the dated steps
//! recorded so far — and the pure rules over it:
//!
//! - [`check_step`]: may this step be recorded next? (order, dates, introducers, votes,
//!   certificate, deadlines; each refusal a [`StepRefusal`] with a stable code);
//! - [`check_drop`]: may the candidate be dropped now?
//! - [`stage`], [`next_due`], [`overdue`]: the cell's list and the alerts;
//! - [`convert`]: the admission facts (every date carried over) that rules 1–3 take when the
//!   candidate becomes a probationary member;
//! - [`categories`], [`percent`]: the development report.
//!
//! Nothing here reads storage: the caller gathers the facts (an introducer's official date,
//! disciplines and departure; the cell's count of official members) and stores the steps.

mod category;
mod check;
mod convert;
mod introducer;
mod level;
mod progress;
mod refusal;
mod replay;
mod vote;

#[cfg(test)]
mod deadline_tests;
#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
pub use qldv_api_types::candidates::{
    CandidateDropReason, CandidateStage, CandidateStepKind, DevelopmentCategory,
};

pub use category::{categories, check_occupational, percent, CategoryFacts};
pub use check::{check_drop, check_step, decision_deadline};
pub use convert::{convert, Converted};
pub use introducer::{Introducer, IntroducerRefusal};
pub use level::{check_level, deciding_path, level, StepLevel};
pub use progress::{is_closed, next_due, overdue, stage, CandidateAlert, Due};
pub use refusal::StepRefusal;
pub use replay::check_replay;
pub use vote::Vote;

/// A candidate's admission file: the facts the rules read, and the steps in the order they were
/// recorded (each accepted by [`check_step`] when it was).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateFile {
    /// Date of birth (rule 1 at the cell's resolution; rule 26's youth age).
    pub birth: NaiveDate,
    /// Joined the Youth Union (carried over to the member record).
    pub youth_union_joined_on: Option<NaiveDate>,
    /// Still a member of the Youth Union (rule 26).
    pub youth_union_member: bool,
    /// A member of the trade union (rule 26).
    pub trade_union_member: bool,
    /// Rule 1: the consent of the committee directly under the Central Committee to admit a
    /// person over 60 is recorded.
    pub age_consent: bool,
    /// The cell is itself a grassroots organisation (chi bộ cơ sở): no grassroots committee
    /// resolution between the cell and the competent committee.
    pub grassroots_cell: bool,
    /// The cell recorded the person as a candidate (quần chúng ưu tú) on this date.
    pub identified_on: NaiveDate,
    /// The steps recorded, in the order they were accepted.
    pub steps: Vec<Step>,
    /// Dropped from the pipeline, if so.
    pub dropped: Option<Dropped>,
}

/// A candidate dropped from the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dropped {
    /// On this date.
    pub on: NaiveDate,
    /// Why.
    pub reason: CandidateDropReason,
}

/// One dated step of the file. Its document number is stored with it; no rule reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Date of the document (certificate issued, resolution adopted, decision signed, ceremony
    /// held…).
    pub on: NaiveDate,
    /// What it is, with the facts its rule reads.
    pub fact: StepFact,
}

/// What a step is, with what its rule reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepFact {
    /// Official members assigned to help the candidate.
    HelpersAssigned,
    /// The awareness course certificate (rule 24).
    AwarenessCourse,
    /// The application.
    Application,
    /// The personal history written.
    PersonalHistory,
    /// The personal history verified.
    HistoryVerified,
    /// An official member's introduction (rule 25).
    Introduction(Introducer),
    /// The Youth Union's resolution introducing the candidate (rule 26).
    YouthUnionIntroduction,
    /// The trade union's resolution introducing the candidate (rule 26).
    TradeUnionIntroduction,
    /// The cell's resolution with its vote (rule 27).
    CellResolution(Vote),
    /// The grassroots committee's resolution with its vote (rule 28).
    GrassrootsResolution(Vote),
    /// The competent committee extended its deadline (rule 29).
    DecisionExtended,
    /// The admission decision (rule 29).
    AdmissionDecision {
        /// The cell received it on (rule 2 counts from it; default the decision's date).
        received_on: Option<NaiveDate>,
        /// A reason for signing after the deadline is recorded (rule 29).
        late_reason: bool,
    },
    /// The competent committee did not agree (rule 29's deadline too).
    AdmissionRefused {
        /// A reason for answering after the deadline is recorded.
        late_reason: bool,
    },
    /// The ceremony (rule 2).
    Ceremony {
        /// The superior committee approved holding it after rule 2's deadline.
        approval: bool,
    },
}

impl StepFact {
    /// The vocabulary's name of the step.
    pub fn kind(&self) -> CandidateStepKind {
        use CandidateStepKind as K;
        match self {
            StepFact::HelpersAssigned => K::HelpersAssigned,
            StepFact::AwarenessCourse => K::AwarenessCourse,
            StepFact::Application => K::Application,
            StepFact::PersonalHistory => K::PersonalHistory,
            StepFact::HistoryVerified => K::HistoryVerified,
            StepFact::Introduction(_) => K::Introduction,
            StepFact::YouthUnionIntroduction => K::YouthUnionIntroduction,
            StepFact::TradeUnionIntroduction => K::TradeUnionIntroduction,
            StepFact::CellResolution(_) => K::CellResolution,
            StepFact::GrassrootsResolution(_) => K::GrassrootsResolution,
            StepFact::DecisionExtended => K::DecisionExtended,
            StepFact::AdmissionDecision { .. } => K::AdmissionDecision,
            StepFact::AdmissionRefused { .. } => K::AdmissionRefused,
            StepFact::Ceremony { .. } => K::Ceremony,
        }
    }
}

/// Rule 30: the phase of a step kind. A step may not be recorded once a step of a later phase
/// is (the cell cannot add an introduction after it resolved), and its date may not precede
/// the date of a recorded step of an earlier phase.
pub fn phase(kind: CandidateStepKind) -> u8 {
    use CandidateStepKind as K;
    match kind {
        K::HelpersAssigned | K::AwarenessCourse | K::Application => 1,
        K::PersonalHistory => 2,
        K::HistoryVerified
        | K::Introduction
        | K::YouthUnionIntroduction
        | K::TradeUnionIntroduction => 3,
        K::CellResolution => 4,
        K::GrassrootsResolution => 5,
        K::DecisionExtended => 6,
        K::AdmissionDecision | K::AdmissionRefused => 7,
        K::Ceremony => 8,
    }
}

impl CandidateFile {
    /// The latest recorded step of `kind`, if any.
    pub fn last(&self, kind: CandidateStepKind) -> Option<&Step> {
        self.steps.iter().rev().find(|s| s.fact.kind() == kind)
    }

    /// The date of the latest recorded step of `kind`, if any.
    pub fn date_of(&self, kind: CandidateStepKind) -> Option<NaiveDate> {
        self.last(kind).map(|s| s.on)
    }

    /// Whether a step of `kind` is recorded.
    pub fn has(&self, kind: CandidateStepKind) -> bool {
        self.last(kind).is_some()
    }

    /// The introducers recorded, in order.
    pub fn introducers(&self) -> impl Iterator<Item = (NaiveDate, &Introducer)> {
        self.steps.iter().filter_map(|s| match &s.fact {
            StepFact::Introduction(i) => Some((s.on, i)),
            _ => None,
        })
    }

    /// The candidate's age in whole months on `on` (rules 1 and 26).
    pub fn age_months(&self, on: NaiveDate) -> u32 {
        super::calendar::full_months(self.birth, on)
    }
}
