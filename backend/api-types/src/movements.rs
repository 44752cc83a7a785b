//! Movements: transfers, working away, exemptions, discipline, exits, re-admission, alerts.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::ids::{MemberId, OrgId};

crate::vocabulary::vocabulary! {
    /// Kind of transfer.
    pub enum TransferKind {
        /// Chuyển sinh hoạt chính thức: the member moves once the receiver accepts.
        Official = "official",
        /// Chuyển sinh hoạt tạm thời: the member stays in the sender's count.
        Temporary = "temporary",
    }
}

crate::vocabulary::vocabulary! {
    /// Purpose of a temporary transfer (sets its longest duration).
    pub enum TransferPurpose {
        /// Work: 3 months to less than a year.
        Work = "work",
        /// Residence: 3 months to less than a year.
        Residence = "residence",
        /// Study: up to two years.
        Study = "study",
        /// Ra nước ngoài: abroad (work, study, labour, a private visit) for less than a year, to
        /// a party organisation abroad outside the system; a year or more is an official
        /// transfer abroad.
        Abroad = "abroad",
    }
}

crate::vocabulary::vocabulary! {
    /// State of a transfer.
    pub enum TransferStatus {
        /// Issued by the sender, waiting for the receiver (the member is in transit, counted once).
        Pending = "pending",
        /// Received.
        Accepted = "accepted",
        /// Refused by the receiver: the member stays.
        Rejected = "rejected",
        /// Withdrawn by the sender: the member stays.
        Cancelled = "cancelled",
        /// Done in one step (to outside the system).
        Completed = "completed",
    }
}

crate::vocabulary::vocabulary! {
    /// Which side of a transfer to list.
    pub enum TransferDirection {
        /// Into the organisation's subtree (the receiving side's inbox).
        Incoming = "incoming",
        /// Out of it (the sending side's papers).
        Outgoing = "outgoing",
    }
}

/// A transfer to issue.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateTransfer {
    /// The member.
    pub member_id: MemberId,
    /// The receiving cell; omit and give `to_external` for a transfer out of the system.
    pub to_organization_id: Option<OrgId>,
    /// The receiving party organisation outside this system (one step, with a record).
    #[validate(length(min = 1, max = 300))]
    pub to_external: Option<String>,
    /// Official or temporary.
    pub kind: TransferKind,
    /// Temporary transfers: work, residence or study.
    pub purpose: Option<TransferPurpose>,
    /// Date the introduction paper is issued.
    pub issued_on: NaiveDate,
    /// Date of the event that causes the transfer (new job, retirement, move…); default the issue
    /// date.
    pub event_on: Option<NaiveDate>,
    /// Temporary transfers: last day.
    pub until: Option<NaiveDate>,
    /// Why.
    #[validate(length(min = 1, max = 500, message = "Nhập lý do chuyển sinh hoạt"))]
    pub reason: String,
    /// Why the transfer is filed after the deadline.
    #[validate(length(min = 1, max = 500))]
    pub late_reason: Option<String>,
    /// Number of the introduction paper or decision.
    #[validate(length(min = 1, max = 50))]
    pub decision_no: Option<String>,
}

/// Receiving a transfer.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptTransfer {
    /// Date the member reported to the receiving cell.
    pub received_on: NaiveDate,
    /// Why the member reported after the deadline.
    #[validate(length(min = 1, max = 500))]
    pub late_reason: Option<String>,
}

/// Refusing or withdrawing a transfer.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TransferDecision {
    /// Why.
    #[validate(length(max = 500))]
    pub reason: Option<String>,
}

/// A transfer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Transfer {
    /// Id.
    pub id: crate::TransferId,
    /// The member.
    pub member_id: MemberId,
    /// The member's full name (the receiving side sees it before the member arrives).
    pub full_name: String,
    /// Kind.
    pub kind: TransferKind,
    /// Purpose of a temporary transfer.
    pub purpose: Option<TransferPurpose>,
    /// Sending cell.
    pub from_organization_id: OrgId,
    /// Receiving cell (none for a transfer out of the system).
    pub to_organization_id: Option<OrgId>,
    /// Receiving organisation outside the system.
    pub to_external: Option<String>,
    /// Sending organisation outside the system: an arrival (`POST /transfers/arrivals`),
    /// recorded as a completed incoming transfer whose `from_organization_id` is the receiving
    /// cell (the only side on the system).
    pub from_external: Option<String>,
    /// State.
    pub status: TransferStatus,
    /// Triggering event.
    pub event_on: Option<NaiveDate>,
    /// Paper issued.
    pub issued_on: NaiveDate,
    /// Last day of a temporary transfer.
    pub until: Option<NaiveDate>,
    /// Received.
    pub received_on: Option<NaiveDate>,
    /// A temporary registration ended on this day (the return recorded, or an official
    /// transfer took its place).
    pub ended_on: Option<NaiveDate>,
    /// Last day to report at the receiving cell.
    pub report_by: NaiveDate,
    /// Why.
    pub reason: String,
    /// Why late.
    pub late_reason: Option<String>,
    /// Paper or decision number.
    pub decision_no: Option<String>,
    /// Regulation it was judged under.
    pub regulation: String,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Last change (UTC).
    pub updated_at: DateTime<Utc>,
}

crate::vocabulary::vocabulary! {
    /// Forms of discipline.
    pub enum DisciplineForm {
        /// Khiển trách.
        Reprimand = "reprimand",
        /// Cảnh cáo.
        Warning = "warning",
        /// Cách chức: only for a member holding a post.
        Dismissal = "dismissal",
        /// Khai trừ: the member exits.
        Expulsion = "expulsion",
    }
}

/// A discipline decision.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateDiscipline {
    /// Form.
    pub form: DisciplineForm,
    /// Date decided.
    pub decided_on: NaiveDate,
    /// Date announced to the member (rule 11 counts the 12 months from it); on or after the
    /// decision. Default: `decided_on`.
    #[serde(default)]
    pub announced_on: Option<NaiveDate>,
    /// Decision number.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
    /// Why.
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do kỷ luật"))]
    pub reason: String,
    /// For a dismissal: the post the member held.
    #[validate(length(min = 1, max = 200))]
    pub post: Option<String>,
    /// For an expulsion: grounds that bar any re-admission (serious disunity, corruption
    /// conviction, serious crime).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = false))]
    pub bars_readmission: bool,
}

/// A recorded discipline.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Discipline {
    /// Id.
    pub id: crate::DisciplineId,
    /// The member.
    pub member_id: MemberId,
    /// Form.
    pub form: DisciplineForm,
    /// Decided on.
    pub decided_on: NaiveDate,
    /// Decision number.
    pub decision_no: String,
    /// Why.
    pub reason: String,
    /// Announced on: the 12 months of rule 11 count from it (or from a complaint's ruling).
    pub announced_on: NaiveDate,
    /// The form in force: `form`, or the lighter one a complaint's ruling reduced it to.
    pub current_form: DisciplineForm,
    /// Lapses on (none for an expulsion, an annulled discipline, or while a complaint or
    /// re-offence holds it).
    pub lapses_on: Option<NaiveDate>,
    /// Annulled by a complaint's ruling announced on this date.
    pub annulled_on: Option<NaiveDate>,
    /// A complaint against it, lodged on this date, is awaiting its ruling.
    pub complaint_on: Option<NaiveDate>,
    /// A re-offence recorded on.
    pub reoffence_on: Option<NaiveDate>,
    /// In force today.
    pub in_force: bool,
    /// Regulation.
    pub regulation: String,
}

crate::vocabulary::vocabulary! {
    /// What holds a discipline in force past its lapse date.
    pub enum DisciplineHoldKind {
        /// Khiếu nại: a complaint against the decision.
        Complaint = "complaint",
        /// Tái phạm: a re-offence.
        Reoffence = "reoffence",
    }
}

/// A complaint or re-offence that stops a discipline from lapsing.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DisciplineHold {
    /// Complaint or re-offence.
    pub kind: DisciplineHoldKind,
    /// Date recorded.
    pub on: NaiveDate,
}

crate::vocabulary::vocabulary! {
    /// Why a member leaves.
    pub enum ExitReason {
        /// Xóa tên.
        NameRemoved = "name_removed",
        /// Xin ra khỏi Đảng.
        Resigned = "resigned",
        /// Từ trần.
        Deceased = "deceased",
    }
}

crate::vocabulary::vocabulary! {
    /// Why a membership period ended: a move (transfer, restructuring) or an exit from the party.
    /// A member's exit reason is one of the exits (name removed, resigned, expelled, deceased).
    pub enum MembershipEnd {
        /// Chuyển sinh hoạt đi.
        TransferredOut = "transferred_out",
        /// Moved by the restructuring of the organisation.
        Restructured = "restructured",
        /// Xóa tên.
        NameRemoved = "name_removed",
        /// Xin ra khỏi Đảng.
        Resigned = "resigned",
        /// Khai trừ (a discipline).
        Expelled = "expelled",
        /// Từ trần.
        Deceased = "deceased",
    }
}

crate::vocabulary::vocabulary! {
    /// Why a membership period began.
    pub enum MembershipStart {
        /// Kết nạp (or data entry of an existing member).
        Admitted = "admitted",
        /// Official transfer received.
        TransferredIn = "transferred_in",
        /// Kết nạp lại after an exit.
        Readmitted = "readmitted",
        /// The organisation was split or merged.
        Restructured = "restructured",
    }
}

impl From<ExitReason> for MembershipEnd {
    fn from(r: ExitReason) -> Self {
        match r {
            ExitReason::NameRemoved => Self::NameRemoved,
            ExitReason::Resigned => Self::Resigned,
            ExitReason::Deceased => Self::Deceased,
        }
    }
}

/// A member leaving the party (expulsion is a discipline).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExitRequest {
    /// Why.
    pub reason: ExitReason,
    /// Effective date.
    pub effective_on: NaiveDate,
    /// Decision number.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
    /// Name removal for abandoning activities: bars any re-admission.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = false))]
    pub abandoned_activities: bool,
    /// Resignation for family hardship (recorded reason): allows a re-admission.
    #[validate(length(min = 1, max = 500))]
    pub hardship_reason: Option<String>,
}

/// A re-admission (rule 13).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReadmissionRequest {
    /// Date of the new admission decision.
    pub admission_decision_on: NaiveDate,
    /// Date of the new ceremony.
    pub ceremony_on: NaiveDate,
    /// Decision number.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
    /// Written consent of the provincial standing committee.
    #[validate(length(
        min = 1,
        max = 50,
        message = "Nhập số văn bản đồng ý của ban thường vụ tỉnh ủy"
    ))]
    pub consent_no: String,
    /// A less-serious criminal record cleared on this date (60 months must have passed).
    pub criminal_record_cleared_on: Option<NaiveDate>,
    /// Date the cell received the new admission decision (rule 2 counts the ceremony's 30
    /// working days from it). Default: the decision date.
    #[serde(default)]
    pub decision_received_on: Option<NaiveDate>,
    /// Approval of a ceremony later than 30 working days after the decision was received.
    #[validate(length(min = 1, max = 50))]
    pub ceremony_delay_approval_no: Option<String>,
}

crate::vocabulary::vocabulary! {
    /// Kind of a dated period of a member.
    pub enum PeriodKind {
        /// Working away (đi làm ăn xa).
        Absence = "absence",
        /// Exemption from activities (miễn công tác và sinh hoạt).
        Exemption = "exemption",
    }
}

/// A period of working away or of exemption.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeriodRequest {
    /// First day.
    pub from: NaiveDate,
    /// Last day, if known.
    pub to: Option<NaiveDate>,
    /// Where (working away).
    #[validate(length(min = 1, max = 300))]
    pub place: Option<String>,
    /// Why.
    #[validate(length(min = 1, max = 500, message = "Nhập lý do"))]
    pub reason: String,
}

/// A recorded period.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberPeriod {
    /// Id.
    pub id: crate::PeriodId,
    /// The member.
    pub member_id: MemberId,
    /// Kind.
    pub kind: PeriodKind,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: Option<NaiveDate>,
    /// Where.
    pub place: Option<String>,
    /// Why.
    pub reason: String,
}

crate::vocabulary::vocabulary! {
    /// Kind of alert (each names the rule it watches).
    pub enum AlertKind {
        /// Rule 3: the probation ended without a recognition decision.
        RecognitionOverdue = "recognition_overdue",
        /// An official transfer not received in time.
        TransferNotReceived = "transfer_not_received",
        /// Working away longer than allowed.
        AwayTooLong = "away_too_long",
        /// A discipline about to lapse.
        DisciplineLapsing = "discipline_lapsing",
        /// Rule 8: a temporary transfer expired while the member is still registered there.
        TemporaryTransferExpired = "temporary_transfer_expired",
        /// Rule 4: recognition refused and the name removal not yet recorded.
        RemovalNotRecorded = "removal_not_recorded",
        /// An admission, transfer, exit or death entered later than the data-entry deadline
        /// after the event (a dated setting).
        LateEntry = "late_entry",
        /// Rule 23: grounds to propose a name removal (an alert, never an automatic exit).
        NameRemovalProposed = "name_removal_proposed",
        /// Rule 24: a candidate's awareness course certificate lapsed before the cell resolved.
        CandidateCertificateExpired = "candidate_certificate_expired",
        /// Rule 25: a candidate's introducer left the organisation before the ceremony.
        CandidateIntroducerLeft = "candidate_introducer_left",
        /// Rule 25: a candidate's introducer is under a discipline before the ceremony.
        CandidateIntroducerDisciplined = "candidate_introducer_disciplined",
        /// Rule 29: no decision (or refusal) on a candidate by its deadline.
        CandidateDecisionOverdue = "candidate_decision_overdue",
        /// Rule 2: a decided candidate's ceremony not held by its deadline.
        CandidateCeremonyOverdue = "candidate_ceremony_overdue",
        /// Rule 39: the residence cell's yearly comment is missing and the evaluation round of
        /// the member's grassroots organisation has opened.
        LiaisonCommentMissing = "liaison_comment_missing",
        /// Rule 34: a month ended without the cell's regular meeting. An alert about the cell:
        /// `member_id` is 0 and `full_name` names the cell.
        RegularMeetingMissing = "regular_meeting_missing",
        /// Rule 34: a quarter ended without a topical meeting (about the cell, as above).
        TopicalMeetingMissing = "topical_meeting_missing",
        /// Rule 38: a transfer or an exit closed the member's open duties (for 90 days).
        DutiesClosed = "duties_closed",
        /// Rule 33: a member owes dues of ended months (arrears, not deferred).
        DuesArrears = "dues_arrears",
    }
}

/// Something a board should act on.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Alert {
    /// Kind.
    pub kind: AlertKind,
    /// The member; absent (`null`) for an alert about the cell itself (a meeting missing).
    pub member_id: Option<MemberId>,
    /// Their name (the cell's name for an alert about the cell).
    pub full_name: String,
    /// Their cell.
    pub organization_id: OrgId,
    /// The rule of DOMAIN.md it comes from (e.g. 3, 6, 8, 11, 23).
    pub rule: u8,
    /// The date the alert is about (deadline passed or coming).
    pub date: NaiveDate,
    /// What to do, in Vietnamese.
    pub message: String,
}

/// `POST /members/{id}/illnesses`: a recorded illness (rules 15 and 19).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"from": "2025-03-01", "to": "2025-06-30", "serious": true, "note": "Điều trị dài ngày tại bệnh viện tỉnh"})))]
pub struct IllnessRequest {
    /// First day.
    pub from: NaiveDate,
    /// Last day (open while still ill).
    pub to: Option<NaiveDate>,
    /// A serious illness (allows an early party badge).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = false))]
    pub serious: bool,
    /// The medical record or certificate.
    #[validate(length(min = 1, max = 500, message = "Nhập căn cứ (giấy tờ y tế)"))]
    pub note: String,
}

/// A recorded illness.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Illness {
    /// Id.
    pub id: crate::IllnessId,
    /// The member.
    pub member_id: MemberId,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: Option<NaiveDate>,
    /// Serious.
    pub serious: bool,
    /// The record.
    pub note: String,
}
