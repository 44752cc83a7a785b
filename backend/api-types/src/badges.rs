//! Party badges (Huy hiệu Đảng): eligibility, proposals, awards.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::ids::{MemberId, OrgId};

/// A member eligible for a badge on an occasion.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EligibleMember {
    /// The member.
    pub member_id: MemberId,
    /// Full name.
    pub full_name: String,
    /// The member's cell.
    pub organization_id: OrgId,
    /// The milestone (years of party age).
    pub milestone: u32,
    /// Whole years of party age on the occasion (at death for the deceased).
    pub party_age_years: u32,
    /// Early, for a recorded serious illness.
    pub early: bool,
    /// Posthumous (truy tặng), for the deceased.
    pub posthumous: bool,
}

/// `POST /badges`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"member_id": 1, "milestone": 30, "occasion_on": "2027-02-03", "decision_no": "45-QĐ/TU"})))]
pub struct AwardBadge {
    /// The member.
    pub member_id: MemberId,
    /// The milestone.
    pub milestone: u32,
    /// The occasion (3 Feb, 19 May, 2 Sep, 7 Nov, or a special one).
    pub occasion_on: NaiveDate,
    /// Decision number of the provincial standing committee.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
}

crate::vocabulary::vocabulary! {
    /// State of an award.
    pub enum BadgeStatus {
        /// Held.
        Awarded = "awarded",
        /// Returned on the member's exit (rule 12).
        Returned = "returned",
    }
}

/// An awarded badge.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Badge {
    /// Id.
    pub id: crate::BadgeId,
    /// The member.
    pub member_id: MemberId,
    /// The member's full name.
    pub full_name: String,
    /// The milestone.
    pub milestone: u32,
    /// The occasion.
    pub occasion_on: NaiveDate,
    /// Decision number.
    pub decision_no: String,
    /// Held or returned.
    pub status: BadgeStatus,
    /// Early for a serious illness.
    pub early: bool,
    /// Posthumous.
    pub posthumous: bool,
    /// Party age on the occasion.
    pub party_age_years: u32,
    /// The proposal it came from.
    pub proposal_id: Option<crate::ProposalId>,
    /// When it was returned.
    pub returned_on: Option<NaiveDate>,
    /// The regulation it was judged under.
    pub regulation: String,
}

/// `POST /badges/proposals`: the cell or grassroots level proposes members for an occasion.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposeBadges {
    /// The occasion.
    pub occasion_on: NaiveDate,
    /// The members (each with the milestone they are eligible for on the occasion).
    #[validate(length(min = 1, max = 500, message = "Chọn ít nhất một đảng viên"))]
    pub member_ids: Vec<MemberId>,
    /// Remarks.
    #[validate(length(max = 1000))]
    pub note: Option<String>,
}

crate::vocabulary::vocabulary! {
    /// State of a proposal.
    pub enum ProposalStatus {
        /// Waiting for the provincial level.
        Proposed = "proposed",
        /// Approved: the badge is awarded.
        Approved = "approved",
        /// Rejected.
        Rejected = "rejected",
    }
}

/// A proposal for one member.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BadgeProposal {
    /// Id.
    pub id: crate::ProposalId,
    /// The member.
    pub member_id: MemberId,
    /// Full name.
    pub full_name: String,
    /// The member's cell.
    pub organization_id: OrgId,
    /// The milestone.
    pub milestone: u32,
    /// The occasion.
    pub occasion_on: NaiveDate,
    /// State.
    pub status: ProposalStatus,
    /// Remarks.
    pub note: Option<String>,
    /// Decision number, once approved.
    pub decision_no: Option<String>,
    /// Why it was rejected.
    pub reject_reason: Option<String>,
    /// The badge, once approved.
    pub badge_id: Option<crate::BadgeId>,
    /// Proposed at.
    pub created_at: DateTime<Utc>,
}

/// `POST /badges/proposals/approve`: the provincial level approves proposals under one decision.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApproveProposals {
    /// The proposals.
    #[validate(length(min = 1, max = 500))]
    pub proposal_ids: Vec<crate::ProposalId>,
    /// Decision number.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
}

/// `POST /badges/proposals/{id}/reject`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RejectProposal {
    /// Why.
    #[validate(length(min = 1, max = 500, message = "Nhập lý do"))]
    pub reason: String,
}

/// `POST /badges/occasions`: a special award occasion decided by the provincial standing
/// committee (rule 18), valid for the members of the organisation's subtree.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"organization_id": 1, "occasion_on": "2027-03-26", "title": "Kỷ niệm ngày thành lập Đảng bộ tỉnh", "decision_no": "12-QĐ/TU"})))]
pub struct RecordOccasion {
    /// The organisation (a province or the centre) whose standing committee decided it.
    pub organization_id: OrgId,
    /// The day (not one of the four anniversaries, which need no record).
    pub occasion_on: NaiveDate,
    /// What is celebrated.
    #[validate(length(min = 1, max = 200, message = "Nhập tên dịp kỷ niệm"))]
    pub title: String,
    /// Decision number of the provincial standing committee.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
}

/// An award occasion: one of the four anniversaries, or a recorded special occasion.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BadgeOccasion {
    /// The day.
    pub occasion_on: NaiveDate,
    /// A special occasion (recorded), not an anniversary.
    pub special: bool,
    /// What is celebrated (special occasions).
    pub title: Option<String>,
    /// Decision number (special occasions).
    pub decision_no: Option<String>,
    /// The organisation that decided it (special occasions).
    pub organization_id: Option<OrgId>,
}

/// `GET /members/{id}/badge-eligibility`: one member's eligibility on an occasion (rules 18–20).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BadgeEligibility {
    /// The member.
    pub member_id: MemberId,
    /// The occasion judged (the one asked for, or the next one from today).
    pub occasion_on: NaiveDate,
    /// The occasion is a recorded special one.
    pub special_occasion: bool,
    /// Eligible on the occasion.
    pub eligible: bool,
    /// The milestone that may be awarded (when eligible).
    pub milestone: Option<u32>,
    /// Whole years of party age on the occasion (at death for the deceased; 0 without one).
    pub party_age_years: u32,
    /// Before the milestone is reached: a serious illness, or posthumously.
    pub early: bool,
    /// Posthumous (truy tặng).
    pub posthumous: bool,
    /// Why not (when not eligible): `not_eligible`, `discipline_in_force`,
    /// `discipline_under_consideration`.
    pub refusal_code: Option<crate::ErrorCode>,
    /// Why not, in Vietnamese.
    pub refusal: Option<String>,
    /// The next milestone above the badges held.
    pub next_milestone: Option<u32>,
    /// The day that milestone is reached, as things stand.
    pub next_milestone_on: Option<NaiveDate>,
    /// The regulation judged under (in force on the occasion).
    pub regulation: String,
}

/// `POST /members/{id}/disciplines/{discipline_id}/remedy`: the cell recognises that the member
/// remedied the fault (rule 20: a badge after a discipline needs it).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"recognised_on": "2026-10-15", "resolution_no": "12-NQ/CB", "note": "Chi bộ xác nhận đã sửa chữa khuyết điểm"})))]
pub struct RecordRemedy {
    /// The day of the cell's resolution (on or after the discipline decision).
    pub recognised_on: NaiveDate,
    /// The cell's resolution or minutes number.
    #[validate(length(min = 1, max = 50, message = "Nhập số nghị quyết của chi bộ"))]
    pub resolution_no: String,
    /// Remarks.
    #[validate(length(max = 1000))]
    pub note: Option<String>,
}

/// A recorded recognition of the remedy.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DisciplineRemedy {
    /// The discipline decision.
    pub discipline_id: crate::DisciplineId,
    /// The member.
    pub member_id: MemberId,
    /// The day of the cell's resolution.
    pub recognised_on: NaiveDate,
    /// The resolution number.
    pub resolution_no: String,
    /// Remarks.
    pub note: Option<String>,
}
