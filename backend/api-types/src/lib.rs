//! Request and response types of the QLĐV public API (v1).
//!
//! Shared by the server (which documents them in OpenAPI with the `openapi` feature) and the
//! WebAssembly client, so both sides agree on every field.

pub mod audit;
pub mod auth;
pub mod badges;
pub mod calendar;
pub mod candidates;
pub mod cards;
pub mod cases;
pub mod cell_year;
pub mod changes;
pub mod common;
pub mod dues;
pub mod error_code;
pub mod evaluations;
pub mod ids;
pub mod interruptions;
pub mod labels;
pub mod liaisons;
pub mod meetings;
pub mod member_fields;
pub mod members;
pub mod month;
pub mod movements;
pub mod organizations;
pub mod regulations;
pub mod reports;
pub mod targets;
pub mod text;
pub mod users;
pub mod vocabulary;

pub use common::{FieldError, Page, Problem};
pub use error_code::ErrorCode;
pub use ids::{
    AdmissionTargetId, ApiTokenId, AuditEntryId, BadgeId, CandidateStepId, CardId, CaseId,
    DisciplineId, DuesArrangementId, DuesBasisId, DuesPaymentId, DuesReliefId, DutyId,
    EvaluationId, EventId, IllnessId, ImportId, LiaisonId, MeetingId, MemberId, OrgId, PeriodId,
    ProposalId, RoundId, TransferId, UserId,
};
pub use vocabulary::{Lang, Term, UnknownTerm};
