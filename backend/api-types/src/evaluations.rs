//! Yearly evaluations (đánh giá, xếp loại chất lượng đảng viên) and their rounds.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::ids::{MemberId, OrgId};

crate::vocabulary::vocabulary! {
    /// A rating level (rule 14).
    pub enum EvaluationLevel {
        /// Hoàn thành xuất sắc nhiệm vụ (score ≥ 90 under the 2025 regulation).
        Excellent = "excellent",
        /// Hoàn thành tốt nhiệm vụ (70–< 90).
        Good = "good",
        /// Hoàn thành nhiệm vụ (50–< 70).
        Complete = "complete",
        /// Không hoàn thành nhiệm vụ (< 50).
        NotComplete = "not_complete",
        /// Không xếp loại (recently admitted, exempt or suspended).
        NotRated = "not_rated",
    }
}

crate::vocabulary::vocabulary! {
    /// Why a member is not rated (rule 15).
    pub enum NotRatedReason {
        /// Admitted less than 6 months before the year's end (set by the server).
        RecentlyAdmitted = "recently_admitted",
        /// Exempt from activities (set by the server).
        Exempt = "exempt",
        /// Suspended from activities (declared by the cell).
        Suspended = "suspended",
    }
}

/// A member's rating for a year (`PUT /members/{id}/evaluations/{year}`).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"level": "good", "score": 82, "note": "Hoàn thành tốt nhiệm vụ được giao"})))]
pub struct PutEvaluation {
    /// The level; `not_rated` only for the cases of rule 15.
    pub level: EvaluationLevel,
    /// The 100-point score (2025 regulation); must fall in the level's band.
    #[validate(range(min = 0, max = 100, message = "Điểm từ 0 đến 100"))]
    pub score: Option<u32>,
    /// With `not_rated`: why (`suspended` must be declared; the others are checked).
    pub not_rated_reason: Option<NotRatedReason>,
    /// Remarks of the cell.
    #[validate(length(max = 1000))]
    pub note: Option<String>,
    /// Rule 14: why the level is lower than the score's band (required then: the band is
    /// necessary, not sufficient).
    #[validate(length(max = 1000))]
    pub level_reason: Option<String>,
    /// Rule 15: the member, disciplined during the year, found and remedied the fault
    /// themselves (then the level need not be "not complete").
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = false))]
    pub self_remedied: bool,
    /// Rule 15: first day of a maternity leave in the year (rated on the time worked: the leave
    /// is not counted as illness).
    pub maternity_from: Option<NaiveDate>,
    /// Last day of that maternity leave.
    pub maternity_to: Option<NaiveDate>,
}

/// A stored rating.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evaluation {
    /// The member.
    pub member_id: MemberId,
    /// The year.
    pub year: i32,
    /// The level.
    pub level: EvaluationLevel,
    /// The score, if one was given.
    pub score: Option<u32>,
    /// Why not rated.
    pub not_rated_reason: Option<NotRatedReason>,
    /// Remarks.
    pub note: Option<String>,
    /// The grassroots organisation whose round it belongs to.
    pub grassroots_organization_id: OrgId,
    /// The evaluation regulation it was judged under (132-QĐ/TW, 124-QĐ/TW, 366-QĐ/TW by the
    /// year's end).
    pub regulation: String,
    /// Why the level is lower than the score's band.
    pub level_reason: Option<String>,
    /// The member remedied this year's discipline themselves (recorded).
    pub self_remedied: bool,
    /// A maternity leave in the year: first day.
    pub maternity_from: Option<NaiveDate>,
    /// Its last day.
    pub maternity_to: Option<NaiveDate>,
    /// Version (`ETag`).
    pub version: i64,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// One member in a year's evaluation list.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationListItem {
    /// The member.
    pub member_id: MemberId,
    /// Full name.
    pub full_name: String,
    /// The member's cell.
    pub organization_id: OrgId,
    /// The rating, `null` while not yet rated.
    pub evaluation: Option<Evaluation>,
    /// Rule 39: the state of the year's comment of the cell where the member lives, for a
    /// member with a residence liaison that ran that year (`null` without one).
    pub residence_comment_state: Option<crate::cell_year::LiaisonCommentState>,
    /// That comment's text, once written.
    pub residence_comment: Option<String>,
    /// Rule 35: the year's attendance at the cell's meetings, for a member with recorded lines.
    pub attendance: Option<crate::meetings::AttendanceCounts>,
    /// Rule 38: the year's duty shares, for a member with duties in the year.
    pub duty_shares: Option<crate::meetings::DutyShares>,
    /// Rule 38: the highest level those duties allow (offered to the rating, never imposed).
    pub highest_level: Option<EvaluationLevel>,
}

/// Counts of a year's ratings inside a subtree.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationSummary {
    /// Members of the subtree that year (its membership at the year's end, or today for the
    /// current year; not today's membership).
    pub total: i64,
    /// Excellent.
    pub excellent: i64,
    /// Good.
    pub good: i64,
    /// Complete.
    pub complete: i64,
    /// Not complete.
    pub not_complete: i64,
    /// Not rated (rule 15).
    pub not_rated: i64,
    /// No rating entered yet.
    pub unrated_yet: i64,
    /// Members due to be rated: the year's members less those not rated (rule 15).
    pub due: i64,
    /// Rule 16: members rated at a level over those due, percent (not-rated members are
    /// neither).
    pub coverage: f64,
    /// Rule 16: excellent allowed for this share of the base, percent.
    pub quota_percent: u32,
    /// Rule 16: what the quota is a share of (a dated setting of the evaluation regulation).
    pub quota_base: crate::regulations::QuotaBase,
    /// Rule 16: the most excellent ratings allowed now.
    pub max_excellent: i64,
    /// Rule 16: excellent ratings beyond the quota (0 when within it).
    pub quota_excess: i64,
}

crate::vocabulary::vocabulary! {
    /// State of a grassroots organisation's round for a year.
    pub enum RoundStatus {
        /// Ratings may be entered and changed.
        Open = "open",
        /// Closed: read-only.
        Closed = "closed",
    }
}

/// A grassroots organisation's evaluation round.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationRound {
    /// The grassroots organisation.
    pub organization_id: OrgId,
    /// The year.
    pub year: i32,
    /// Open or closed.
    pub status: RoundStatus,
    /// The summary (frozen when closed).
    pub summary: EvaluationSummary,
    /// When it was closed.
    pub closed_at: Option<DateTime<Utc>>,
}

/// `GET /evaluations`: one page of members with their ratings, and the summary of the subtree.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationList {
    /// Members in Vietnamese name order, with their rating.
    pub items: Vec<EvaluationListItem>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
    /// Counts over the whole subtree (not only this page).
    pub summary: EvaluationSummary,
    /// The round, when the organisation is a grassroots organisation.
    pub round: Option<EvaluationRound>,
}
