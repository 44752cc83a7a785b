//! Developing new members (phát triển đảng viên): the candidates (quần chúng ưu tú) a cell
//! prepares for admission, the steps of their admission file, and the categories the
//! development report counts (issue 22; `docs/rules.md`, rules 24–31).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::ids::{CandidateStepId, MemberId, OrgId};
use crate::members::{Gender, MemberProfile, MemberStatus};

crate::vocabulary::vocabulary! {
    /// Where a candidate stands in the admission pipeline, derived from the dated steps of the
    /// file (never entered). In pipeline order; the last two end the file without an admission.
    pub enum CandidateStage {
        /// Quần chúng ưu tú: identified by the cell, official members assigned to help; no step
        /// of the file yet.
        Identified = "identified",
        /// Đang hoàn thiện hồ sơ: some of the certificate, application, personal history,
        /// verification and introductions are recorded, not all.
        Preparing = "preparing",
        /// Đủ hồ sơ: certificate, application, verified personal history and introductions
        /// recorded; the cell's resolution is next.
        Ready = "ready",
        /// Chi bộ đã có nghị quyết đề nghị kết nạp (≥ two thirds of the official members).
        CellResolved = "cell_resolved",
        /// Đảng ủy cơ sở đã có nghị quyết đề nghị kết nạp.
        GrassrootsResolved = "grassroots_resolved",
        /// Có quyết định kết nạp: the ceremony is due (rule 2).
        Decided = "decided",
        /// Đã kết nạp: the ceremony was held; the candidate is a probationary member.
        Admitted = "admitted",
        /// The competent committee did not agree to the admission.
        Refused = "refused",
        /// Thôi theo dõi: dropped from the pipeline with a reason.
        Dropped = "dropped",
    }
}

crate::vocabulary::vocabulary! {
    /// The organisation a candidate comes from (who proposed them to the cell).
    pub enum CandidateSource {
        /// Đoàn Thanh niên Cộng sản Hồ Chí Minh.
        YouthUnion = "youth_union",
        /// Hội Liên hiệp Phụ nữ.
        WomensUnion = "womens_union",
        /// Hội Cựu chiến binh.
        Veterans = "veterans",
        /// Công đoàn.
        TradeUnion = "trade_union",
        /// The agency, unit or enterprise where the candidate works.
        Workplace = "workplace",
        /// Another organisation, or none.
        Other = "other",
    }
}

crate::vocabulary::vocabulary! {
    /// One dated step of a candidate's admission file, each with its document number.
    pub enum CandidateStepKind {
        /// Nghị quyết phân công đảng viên chính thức giúp đỡ quần chúng (may be recorded again
        /// when a helper is replaced).
        HelpersAssigned = "helpers_assigned",
        /// Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng: valid 60 months (rule 24).
        AwarenessCourse = "awareness_course",
        /// Đơn xin vào Đảng.
        Application = "application",
        /// Lý lịch của người xin vào Đảng: written after the application.
        PersonalHistory = "personal_history",
        /// Thẩm tra lý lịch: the personal history verified and certified.
        HistoryVerified = "history_verified",
        /// An official member introduces the candidate (rule 25).
        Introduction = "introduction",
        /// The Youth Union's resolution introducing one of its members (rule 26).
        YouthUnionIntroduction = "youth_union_introduction",
        /// The trade union's resolution introducing one of its members (rule 26).
        TradeUnionIntroduction = "trade_union_introduction",
        /// The cell's resolution proposing the admission, with its vote (rule 27).
        CellResolution = "cell_resolution",
        /// The grassroots committee's resolution, with its vote (rule 28); none when the cell
        /// is itself a grassroots cell (chi bộ cơ sở).
        GrassrootsResolution = "grassroots_resolution",
        /// The competent committee extends its deadline (at most 30 working days, rule 29).
        DecisionExtended = "decision_extended",
        /// Quyết định kết nạp đảng viên (rule 29's deadline).
        AdmissionDecision = "admission_decision",
        /// The competent committee does not agree (same deadline as a decision).
        AdmissionRefused = "admission_refused",
        /// Lễ kết nạp (rule 2): the candidate becomes a probationary member.
        Ceremony = "ceremony",
    }
}

crate::vocabulary::vocabulary! {
    /// Why a candidate was dropped from the pipeline.
    pub enum CandidateDropReason {
        /// The candidate no longer wishes to join.
        Withdrew = "withdrew",
        /// Found not to meet the standards or conditions (e.g. by the verification).
        NotQualified = "not_qualified",
        /// The cell's vote did not reach two thirds of its official members (rule 27).
        CellNotApproved = "cell_not_approved",
        /// Moved to work, study or live under another party organisation.
        MovedAway = "moved_away",
        /// Died.
        Deceased = "deceased",
        /// Another reason, written out.
        Other = "other",
    }
}

crate::vocabulary::vocabulary! {
    /// A category the development report counts among the year's admissions (rule 31). One
    /// admission may count in several.
    pub enum DevelopmentCategory {
        /// Women.
        Women = "women",
        /// Members of the Youth Union when the cell resolved.
        YouthUnion = "youth_union",
        /// Private business owners (chủ doanh nghiệp tư nhân).
        PrivateBusinessOwner = "private_business_owner",
        /// Pupils and students.
        Student = "student",
        /// Workers (công nhân).
        Worker = "worker",
        /// Free and contract labour.
        FreeOrContractLabour = "free_or_contract_labour",
        /// Re-admissions (kết nạp lại, rule 13).
        Readmitted = "readmitted",
        /// Admissions and re-admissions of people who broke the population policy (Quy định
        /// 05-QĐi/TW 2018).
        PopulationPolicy = "population_policy",
    }
}

impl DevelopmentCategory {
    /// The categories that come from the candidate's occupation, entered with the record; the
    /// others are derived (gender, Youth Union membership, re-admission, population policy).
    pub const OCCUPATIONAL: [DevelopmentCategory; 4] = [
        DevelopmentCategory::PrivateBusinessOwner,
        DevelopmentCategory::Student,
        DevelopmentCategory::Worker,
        DevelopmentCategory::FreeOrContractLabour,
    ];
}

/// A new candidate in a cell: the identity (the same fields and rules as a member's dossier)
/// and where the candidate comes from.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"full_name": "Trần Thị Bình", "gender": "female", "birth_date": "1995-05-10", "national_id": "031195001111", "source": "youth_union", "identified_on": "2025-01-15", "youth_union_member": true, "categories": ["worker"]})))]
pub struct CreateCandidate {
    /// Identity and dossier fields; `full_name`, `gender` and `birth_date` are required.
    #[serde(flatten)]
    #[validate(nested)]
    pub profile: MemberProfile,
    /// The organisation that proposed the candidate.
    pub source: CandidateSource,
    /// The day the cell recorded the person as a candidate.
    #[cfg_attr(feature = "openapi", schema(example = "2025-01-15"))]
    pub identified_on: NaiveDate,
    /// Still a member of the Youth Union (rule 26).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = false))]
    pub youth_union_member: bool,
    /// A member of the trade union (rule 26).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = false))]
    pub trade_union_member: bool,
    /// Rule 1: the consent to admit a person aged 60 or more.
    #[validate(length(min = 1, max = 50))]
    pub age_consent_no: Option<String>,
    /// Rule 31: a population-policy case.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = false))]
    pub population_policy: bool,
    /// Rule 31: the occupational categories (`private_business_owner`, `student`, `worker`,
    /// `free_or_contract_labour`).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = json!([])))]
    pub categories: Vec<DevelopmentCategory>,
}

/// A correction of a candidate (`PATCH /candidates/{id}`): the identity (the members' fields and
/// rules) and the file's own fields. Absent fields stay; an empty string clears a text field.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"phone": "0987654321", "source": "womens_union", "categories": ["worker"]})))]
pub struct CandidatePatch {
    /// Identity and dossier fields to correct.
    #[serde(flatten)]
    #[validate(nested)]
    pub profile: crate::members::MemberProfile,
    /// The organisation that proposed the candidate.
    pub source: Option<CandidateSource>,
    /// The day the cell recorded the person as a candidate.
    pub identified_on: Option<NaiveDate>,
    /// Still a member of the Youth Union (rule 26).
    pub youth_union_member: Option<bool>,
    /// A member of the trade union (rule 26).
    pub trade_union_member: Option<bool>,
    /// Rule 1: the consent to admit a person aged 60 or more (an empty string clears it).
    #[validate(length(max = 50))]
    pub age_consent_no: Option<String>,
    /// Rule 31: a population-policy case.
    pub population_policy: Option<bool>,
    /// Rule 31: the occupational categories, replacing those recorded.
    pub categories: Option<Vec<DevelopmentCategory>>,
}

/// A candidate and the admission file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Candidate {
    /// Id: the same record becomes the member at the ceremony.
    pub id: MemberId,
    /// The cell.
    pub organization_id: OrgId,
    /// Identity and dossier fields (masked by the caller's role like a member's).
    #[serde(flatten)]
    pub profile: MemberProfile,
    /// `candidate`, or `probationary` once the ceremony is recorded.
    pub status: MemberStatus,
    /// Where the candidate came from.
    pub source: CandidateSource,
    /// Recorded as a candidate on.
    pub identified_on: NaiveDate,
    /// Still a member of the Youth Union.
    pub youth_union_member: bool,
    /// A member of the trade union.
    pub trade_union_member: bool,
    /// Rule 1's consent, if recorded.
    pub age_consent_no: Option<String>,
    /// A population-policy case.
    pub population_policy: bool,
    /// Occupational categories.
    pub categories: Vec<DevelopmentCategory>,
    /// Where the file stands.
    pub stage: CandidateStage,
    /// What is due next and by when (none once the file is closed).
    pub next_due: Option<CandidateDue>,
    /// The steps recorded, in the order they were.
    pub steps: Vec<CandidateStep>,
    /// Dropped on, with the reason and note.
    pub dropped: Option<CandidateDrop>,
    /// Version, for `If-Match`.
    pub version: i64,
}

/// One candidate in a cell's list.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidateSummary {
    /// Id.
    pub id: MemberId,
    /// Full name.
    #[cfg_attr(feature = "openapi", schema(example = "Trần Thị Bình"))]
    pub full_name: String,
    /// Gender.
    pub gender: Gender,
    /// Date of birth.
    pub birth_date: NaiveDate,
    /// Where the candidate came from.
    pub source: CandidateSource,
    /// Where the file stands.
    pub stage: CandidateStage,
    /// What is due next and by when.
    pub next_due: Option<CandidateDue>,
}

/// The next step of a file and its last day, when a rule sets one.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidateDue {
    /// The step.
    pub step: CandidateStepKind,
    /// Its last day (rules 2, 24, 29).
    pub by: Option<NaiveDate>,
}

/// A step to record in a candidate's file. Fields a kind does not use must be absent.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"kind": "cell_resolution", "on": "2025-05-20", "document_no": "5-NQ/CB", "vote_members": 9, "vote_agreeing": 7})))]
pub struct RecordStep {
    /// The step.
    pub kind: Option<CandidateStepKind>,
    /// Date of the document (certificate issued, resolution adopted, decision signed,
    /// ceremony held…).
    #[cfg_attr(feature = "openapi", schema(example = "2025-03-01"))]
    pub on: Option<NaiveDate>,
    /// Its number.
    #[validate(length(min = 1, max = 50))]
    #[cfg_attr(feature = "openapi", schema(example = "15-NQ/CB"))]
    pub document_no: Option<String>,
    /// `admission_decision`: the day the cell received it (rule 2; default its date).
    pub received_on: Option<NaiveDate>,
    /// `admission_decision` or `admission_refused` after the deadline: why (rule 29).
    #[validate(length(min = 1, max = 500))]
    pub late_reason: Option<String>,
    /// `ceremony` after rule 2's deadline: the superior committee's approval.
    /// `admission_decision` of a former member (a re-admission, rule 13): the provincial
    /// standing committee's written consent.
    #[validate(length(min = 1, max = 50))]
    pub approval_no: Option<String>,
    /// `cell_resolution` / `grassroots_resolution`: the members the vote is counted on, as the
    /// minutes say (rule 27).
    pub vote_members: Option<u32>,
    /// Those who agreed.
    pub vote_agreeing: Option<u32>,
    /// `introduction`: the official member who introduces.
    pub introducer_id: Option<MemberId>,
    /// `introduction`: worked, studied or lived with the candidate since (rule 25).
    pub together_since: Option<NaiveDate>,
    /// `introduction`: assigned in place of an introducer who left or was disciplined.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = false))]
    pub replacing: bool,
    /// `helpers_assigned`: the official members assigned.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = json!([])))]
    pub helper_ids: Vec<MemberId>,
}

/// A recorded step.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidateStep {
    /// Id.
    pub id: CandidateStepId,
    /// The step.
    pub kind: CandidateStepKind,
    /// Date of its document.
    pub on: NaiveDate,
    /// Its number.
    pub document_no: Option<String>,
    /// The charter document in force on that date.
    pub regulation: String,
    /// A decision: received by the cell on.
    pub received_on: Option<NaiveDate>,
    /// A late decision or refusal: why.
    pub late_reason: Option<String>,
    /// A late ceremony: the approval; a re-admission's decision: the provincial standing
    /// committee's consent (rule 13).
    pub approval_no: Option<String>,
    /// A resolution: members counted.
    pub vote_members: Option<u32>,
    /// A resolution: agreeing.
    pub vote_agreeing: Option<u32>,
    /// An introduction: the introducer.
    pub introducer_id: Option<MemberId>,
    /// An introduction: together since.
    pub together_since: Option<NaiveDate>,
    /// An introduction in place of another.
    pub replacing: bool,
    /// Helpers assigned.
    pub helper_ids: Vec<MemberId>,
}

/// The answer to a recorded step: the file as it now stands, and warnings that do not refuse
/// the step.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepRecorded {
    /// The file.
    pub candidate: Candidate,
    /// A resolution: the cell's official members on that date as the records count them
    /// (rule 27), for comparison with `vote_members`.
    pub computed_vote_base: Option<u32>,
    /// Warnings in Vietnamese (e.g. the vote base differs from the records').
    pub warnings: Vec<String>,
}

/// Dropping a candidate from the pipeline.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidateDrop {
    /// On this date.
    #[cfg_attr(feature = "openapi", schema(example = "2025-06-01"))]
    pub on: NaiveDate,
    /// Why.
    pub reason: CandidateDropReason,
    /// A note (required for `other`).
    #[validate(length(min = 1, max = 500))]
    pub note: Option<String>,
}
