//! Inspections, complaints, denunciations and discipline reviews of a member (rules 9 and 11):
//! each a dated record, open until its settlement is recorded.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::movements::DisciplineForm;
use crate::{CaseId, DisciplineId, MemberId};

crate::vocabulary::vocabulary! {
    /// What is being handled about a member. While one is open the member gets no official
    /// transfer (rule 9); a temporary one is allowed.
    pub enum CaseKind {
        /// Thanh tra, kiểm tra: the member is under inspection.
        Inspection = "inspection",
        /// Khiếu nại: a complaint is being handled (against a discipline decision when it names
        /// one: the discipline stays in force until the ruling, rule 11).
        Complaint = "complaint",
        /// Tố cáo: a denunciation concerning the member is being handled.
        Denunciation = "denunciation",
        /// Xem xét kỷ luật: the competent body is considering disciplining the member.
        DisciplineReview = "discipline_review",
    }
}

crate::vocabulary::vocabulary! {
    /// The ruling on a complaint against a discipline decision (69-QĐ/TW art. 2): the 12 months
    /// of rule 11 run again from the ruling's announcement, or the discipline ends.
    pub enum ComplaintRuling {
        /// Giữ nguyên: the decision stands; 12 months from the ruling's announcement.
        Upheld = "upheld",
        /// Giảm hình thức: a lighter form; 12 months from the ruling's announcement.
        Reduced = "reduced",
        /// Xóa bỏ (hủy) quyết định kỷ luật: the discipline ends on the ruling's announcement.
        Annulled = "annulled",
    }
}

/// `POST /members/{id}/cases`: an inspection, complaint, denunciation or discipline review
/// begins.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateCase {
    /// What is being handled.
    pub kind: CaseKind,
    /// Date it began: the inspection decision, or the day the complaint or denunciation was
    /// received.
    #[cfg_attr(feature = "openapi", schema(example = "2026-03-02"))]
    pub opened_on: NaiveDate,
    /// For a complaint against a discipline decision: that discipline (of the same member).
    pub discipline_id: Option<DisciplineId>,
    /// Number of the inspection decision or of the complaint's receipt.
    #[validate(length(min = 1, max = 50))]
    pub reference_no: Option<String>,
    /// Who handles it and what about.
    #[validate(length(min = 1, max = 1000, message = "Nhập nội dung"))]
    pub summary: String,
}

/// `POST /members/{id}/cases/{case_id}/settle`: the conclusion of an inspection, or the ruling
/// on a complaint or denunciation.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SettleCase {
    /// Date of the conclusion or ruling.
    #[cfg_attr(feature = "openapi", schema(example = "2026-05-15"))]
    pub settled_on: NaiveDate,
    /// Date the ruling was announced to the member (default `settled_on`): rule 11 counts the
    /// 12 months from it.
    pub announced_on: Option<NaiveDate>,
    /// Number of the conclusion or ruling.
    #[validate(length(min = 1, max = 50, message = "Nhập số văn bản"))]
    pub decision_no: String,
    /// For a complaint against a discipline: the ruling (required there, refused elsewhere).
    pub ruling: Option<ComplaintRuling>,
    /// With `ruling = reduced`: the lighter form.
    pub reduced_to: Option<DisciplineForm>,
    /// What was concluded.
    #[validate(length(max = 1000))]
    pub outcome: Option<String>,
}

/// A recorded case.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberCase {
    /// Id.
    pub id: CaseId,
    /// The member.
    pub member_id: MemberId,
    /// What is being handled.
    pub kind: CaseKind,
    /// Date it began.
    pub opened_on: NaiveDate,
    /// The discipline a complaint is against.
    pub discipline_id: Option<DisciplineId>,
    /// Number of the inspection decision or receipt.
    pub reference_no: Option<String>,
    /// What about.
    pub summary: String,
    /// Date settled (`null` while open).
    pub settled_on: Option<NaiveDate>,
    /// Date the ruling was announced.
    pub announced_on: Option<NaiveDate>,
    /// Number of the conclusion or ruling.
    pub decision_no: Option<String>,
    /// The ruling on a complaint against a discipline.
    pub ruling: Option<ComplaintRuling>,
    /// The lighter form of a reduced discipline.
    pub reduced_to: Option<DisciplineForm>,
    /// What was concluded.
    pub outcome: Option<String>,
    /// Open today: blocks an official transfer (rule 9).
    pub open: bool,
    /// Regulation in force on the opening date.
    pub regulation: String,
}
