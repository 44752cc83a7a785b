//! Member records (hồ sơ đảng viên).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::ids::{MemberId, OrgId};

crate::vocabulary::vocabulary! {
    /// Gender, as on the CCCD.
    pub enum Gender {
        /// Nam.
        Male = "male",
        /// Nữ.
        Female = "female",
    }
}

crate::vocabulary::vocabulary! {
    /// Political theory level (trình độ lý luận chính trị).
    pub enum PoliticalTheory {
        /// Chưa qua đào tạo.
        None = "none",
        /// Sơ cấp.
        Elementary = "elementary",
        /// Trung cấp.
        Intermediate = "intermediate",
        /// Cao cấp.
        Advanced = "advanced",
        /// Cử nhân.
        Bachelor = "bachelor",
    }
}

crate::vocabulary::vocabulary! {
    /// Membership status.
    pub enum MemberStatus {
        /// Đảng viên dự bị: in the 12-month probation.
        Probationary = "probationary",
        /// Đảng viên chính thức.
        Official = "official",
        /// No longer a member (name removed, resigned, expelled, deceased).
        Exited = "exited",
        /// Transferred to a party organisation outside this system.
        TransferredOut = "transferred_out",
        /// Quần chúng ưu tú: a candidate in the admission pipeline (issue 22), not a member yet.
        /// Never active: never counted, rated, transferred, carded or badged.
        Candidate = "candidate",
    }
}

impl MemberStatus {
    /// The statuses of members still active in the party (counted, rated, transferable).
    pub const ACTIVE: [MemberStatus; 2] = [MemberStatus::Probationary, MemberStatus::Official];

    /// Whether a member with this status is still active in the party.
    pub fn is_active(self) -> bool {
        Self::ACTIVE.contains(&self)
    }
}

/// Fields of the dossier that a correction or an annual supplement may change. Absent fields stay
/// as they are; lifecycle dates and the organisation change through their own actions.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberProfile {
    /// Full name as on the CCCD, with diacritics.
    #[validate(length(min = 2, max = 200, message = "Họ tên dài 2–200 ký tự"))]
    #[cfg_attr(feature = "openapi", schema(example = "Nguyễn Văn An"))]
    pub full_name: Option<String>,
    /// Birth name (tên khai sinh) when different.
    #[validate(length(max = 200))]
    pub birth_name: Option<String>,
    /// Other names (bí danh).
    #[validate(length(max = 200))]
    pub other_names: Option<String>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Date of birth.
    pub birth_date: Option<NaiveDate>,
    /// Place of birth.
    #[validate(length(max = 300))]
    pub birth_place: Option<String>,
    /// Home town (quê quán).
    #[validate(length(max = 300))]
    pub hometown: Option<String>,
    /// Permanent residence (read by a viewer: only its last part, the province).
    #[validate(length(max = 300))]
    pub permanent_address: Option<String>,
    /// Current residence (read by a viewer: only its last part, the province).
    #[validate(length(max = 300))]
    pub current_address: Option<String>,
    /// Ethnicity (one of the 54 groups, or other).
    #[validate(length(max = 60))]
    #[cfg_attr(feature = "openapi", schema(example = "Kinh"))]
    pub ethnicity: Option<String>,
    /// Religion (`Không` for none).
    #[validate(length(max = 60))]
    #[cfg_attr(feature = "openapi", schema(example = "Không"))]
    pub religion: Option<String>,
    /// CCCD: 12 digits agreeing with gender and birth year (read by a viewer: `********1234`).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "031085001234", pattern = r"^(?:[0-9]{12}|\*{8}[0-9]{4})$")
    )]
    pub national_id: Option<String>,
    /// Legacy 9-digit identity card number (CMND), kept in its own field (masked like the CCCD).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "012345678", pattern = r"^(?:[0-9]{9}|\*{5}[0-9]{4})$")
    )]
    pub legacy_id_no: Option<String>,
    /// Phone number (read by a viewer: the last three digits).
    #[validate(length(max = 20))]
    #[cfg_attr(feature = "openapi", schema(example = "0912345678"))]
    pub phone: Option<String>,
    /// E-mail address (read by a viewer: `a***@domain`).
    #[validate(email(message = "Địa chỉ email không hợp lệ"))]
    pub email: Option<String>,
    /// General education, e.g. `12/12`.
    #[validate(length(max = 20))]
    #[cfg_attr(feature = "openapi", schema(example = "12/12"))]
    pub education_general: Option<String>,
    /// Professional qualification.
    #[validate(length(max = 200))]
    pub professional_qualification: Option<String>,
    /// Academic degree.
    #[validate(length(max = 100))]
    pub academic_degree: Option<String>,
    /// Academic title.
    #[validate(length(max = 100))]
    pub academic_title: Option<String>,
    /// Political theory level.
    pub political_theory: Option<PoliticalTheory>,
    /// State-management level.
    #[validate(length(max = 100))]
    pub state_management: Option<String>,
    /// Foreign languages.
    #[validate(length(max = 200))]
    pub foreign_languages: Option<String>,
    /// IT level.
    #[validate(length(max = 100))]
    pub it_level: Option<String>,
    /// Occupation and social class.
    #[validate(length(max = 200))]
    pub occupation: Option<String>,
    /// Job title.
    #[validate(length(max = 200))]
    pub job_title: Option<String>,
    /// Workplace.
    #[validate(length(max = 300))]
    pub workplace: Option<String>,
    /// Date joined the Youth Union.
    pub youth_union_joined_on: Option<NaiveDate>,
    /// Personal-history number: 6 digits and 1–3 letters (the provincial symbol).
    #[cfg_attr(feature = "openapi", schema(example = "123456HP"))]
    pub personal_history_no: Option<String>,
    /// Number of the admission decision.
    #[validate(length(max = 50))]
    pub admission_decision_no: Option<String>,
    /// Introducers (người giới thiệu).
    #[validate(length(max = 300))]
    pub introducers: Option<String>,
    /// Place of the admission ceremony.
    #[validate(length(max = 300))]
    pub ceremony_place: Option<String>,
}

/// A new member record: an admission, or the data entry of an existing member.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateMember {
    /// The cell (or grassroots cell) the member belongs to.
    pub organization_id: OrgId,
    /// Dossier fields; `full_name`, `gender` and `birth_date` are required.
    #[serde(flatten)]
    #[validate(nested)]
    pub profile: MemberProfile,
    /// Date the admission decision was signed.
    pub admission_decision_on: NaiveDate,
    /// Date of the admission ceremony.
    pub ceremony_on: NaiveDate,
    /// `probationary` for an admission; `official` for data entry of an existing member.
    pub status: MemberStatus,
    /// With `status = official`: the official date (ceremony + 12 months).
    pub official_on: Option<NaiveDate>,
    /// For a re-entered member: the date of the first admission decision, if earlier.
    pub first_admission_decision_on: Option<NaiveDate>,
    /// Consent of the provincial standing committee for an applicant aged 60 or more.
    #[validate(length(min = 1, max = 50))]
    pub age_consent_no: Option<String>,
    /// Approval of a ceremony later than 30 working days after the decision.
    #[validate(length(min = 1, max = 50))]
    pub ceremony_delay_approval_no: Option<String>,
    /// Date the cell met and resolved to propose the admission (rule 1 judges the age on it);
    /// on or before the decision. Default: the decision date.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = "2025-02-20"))]
    pub cell_considered_on: Option<NaiveDate>,
    /// Date the cell received the admission decision (rule 2 counts the ceremony's 30 working
    /// days from it); on or after the decision. Default: the decision date.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = "2025-03-10"))]
    pub decision_received_on: Option<NaiveDate>,
}

/// A member record.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Member {
    /// Id.
    pub id: MemberId,
    /// The member's cell.
    pub organization_id: OrgId,
    /// Dossier fields.
    #[serde(flatten)]
    pub profile: MemberProfile,
    /// Date of the first admission decision (party age counts from it).
    pub first_admission_decision_on: NaiveDate,
    /// Date of the (latest) admission decision.
    pub admission_decision_on: NaiveDate,
    /// Date of the admission ceremony.
    pub ceremony_on: NaiveDate,
    /// Official date: ceremony + 12 months; `null` while probationary.
    pub official_on: Option<NaiveDate>,
    /// Status derived from the events.
    pub status: MemberStatus,
    /// Whole years of party age today (`null` if never official).
    pub party_age_years: Option<u32>,
    /// Number of the active party card.
    pub card_number: Option<String>,
    /// An official transfer was issued and not yet received.
    pub in_transit: bool,
    /// Exempt from activities.
    pub exempt: bool,
    /// Working away.
    pub away: bool,
    /// Required dossier fields still empty (data completeness).
    pub missing_fields: Vec<String>,
    /// Optimistic-concurrency version (also the `ETag`).
    pub version: i64,
    /// Last change (UTC).
    pub updated_at: DateTime<Utc>,
}

crate::vocabulary::vocabulary! {
    /// Kind of a dated event of a member's history: exactly the events the server records.
    pub enum MemberEventKind {
        /// Kết nạp (or data entry of an existing member's admission).
        Admitted = "admitted",
        /// Công nhận đảng viên chính thức.
        Recognized = "recognized",
        /// Sửa hồ sơ: a correction of the dossier (details carry the values before and after).
        ProfileCorrected = "profile_corrected",
        /// Phiếu bổ sung hồ sơ hằng năm.
        SupplementFiled = "supplement_filed",
        /// Giới thiệu chuyển sinh hoạt chính thức (awaiting the receiver).
        TransferIssued = "transfer_issued",
        /// Tiếp nhận chuyển sinh hoạt chính thức: the member moved to the receiving cell.
        TransferReceived = "transfer_received",
        /// The receiver refused an official transfer: the member stays.
        TransferRejected = "transfer_rejected",
        /// The sender cancelled an official transfer: the member stays.
        TransferCancelled = "transfer_cancelled",
        /// Giới thiệu sinh hoạt tạm thời.
        TemporaryTransferIssued = "temporary_transfer_issued",
        /// The receiver accepted a temporary transfer.
        TemporaryTransferReceived = "temporary_transfer_received",
        /// The receiver refused a temporary transfer.
        TemporaryTransferRejected = "temporary_transfer_rejected",
        /// The sender cancelled a temporary transfer.
        TemporaryTransferCancelled = "temporary_transfer_cancelled",
        /// Chuyển sinh hoạt ra ngoài hệ thống: the member left for an organisation outside it.
        TransferredOut = "transferred_out",
        /// The member's cell was split or merged: moved by the restructuring.
        MovedByRestructure = "moved_by_restructure",
        /// Kỷ luật.
        Disciplined = "disciplined",
        /// A complaint or re-offence holding a discipline.
        DisciplineHeld = "discipline_held",
        /// Ra khỏi Đảng (name removed, resigned, expelled or deceased; details say why).
        Exited = "exited",
        /// Kết nạp lại.
        Readmitted = "readmitted",
        /// A wrongful exit annulled (117-QĐ/TW): the membership was never interrupted.
        ExitAnnulled = "exit_annulled",
        /// A period of working away was recorded.
        AbsenceRecorded = "absence_recorded",
        /// A period of exemption from activities was recorded.
        ExemptionRecorded = "exemption_recorded",
        /// Mất liên lạc: out of contact with the party organisation from this date (party age
        /// stops).
        LostContact = "lost_contact",
        /// Back in contact: the time out of contact is an interruption of party age.
        ContactRestored = "contact_restored",
        /// A past interruption of party age entered for the record (details: kind, from, to).
        InterruptionRecorded = "interruption_recorded",
        /// A wrongful discipline annulled (117-QĐ/TW): it no longer counts.
        DisciplineAnnulled = "discipline_annulled",
        /// Tiếp nhận từ ngoài hệ thống: arrived from the army, the police, abroad or an
        /// installation not yet on the system (a transfer in, never an admission).
        ArrivedFromOutside = "arrived_from_outside",
        /// A temporary registration ended: the member's return recorded, or an official
        /// transfer took its place.
        TemporaryTransferEnded = "temporary_transfer_ended",
        /// Không công nhận đảng viên chính thức (rule 4): the name removal follows.
        NotRecognized = "not_recognized",
        /// An inspection, complaint, denunciation or discipline review began (rule 9).
        CaseOpened = "case_opened",
        /// An inspection, complaint, denunciation or discipline review was settled.
        CaseSettled = "case_settled",
    }
}

/// A dated event of a member's history.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberEvent {
    /// Id.
    pub id: crate::EventId,
    /// Kind.
    pub kind: MemberEventKind,
    /// Effective date.
    pub occurred_on: NaiveDate,
    /// Decision number.
    pub decision_no: Option<String>,
    /// Decision date.
    pub decision_on: Option<NaiveDate>,
    /// Organisation that decided.
    pub deciding_organization_id: Option<OrgId>,
    /// The member's organisation at the time.
    pub organization_id: OrgId,
    /// Regulation the event was judged under.
    pub regulation: String,
    /// Kind-specific details.
    pub details: Option<serde_json::Value>,
    /// Who entered it.
    pub entered_by: String,
    /// When it was entered (UTC).
    pub entered_at: DateTime<Utc>,
}

/// Party age on a date.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartyAgeDto {
    /// Whole years.
    pub years: u32,
    /// Whole months after the years.
    pub months: u32,
    /// Days after the months.
    pub days: u32,
    /// Date of the first admission decision.
    pub since: NaiveDate,
    /// Days of interruption subtracted.
    pub interruptions_days: i64,
    /// The reference date.
    pub as_of: NaiveDate,
}

/// Recognition as an official member.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recognition {
    /// Date of the superior committee's decision.
    pub decided_on: NaiveDate,
    /// Decision number.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
}

/// `POST /members/{id}/non-recognition`: the competent committee's decision not to recognise a
/// probationary member as official (rule 4); the name removal follows.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NonRecognition {
    /// Date of the decision.
    pub decided_on: NaiveDate,
    /// Decision number.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
    /// Why the member is not recognised.
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do"))]
    pub reason: String,
}

/// An annual supplement (phiếu bổ sung hồ sơ) for a year.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupplementRequest {
    /// Date the supplement form was filed.
    pub filed_on: NaiveDate,
    /// Note.
    #[validate(length(max = 1000))]
    pub note: Option<String>,
    /// Dossier changes reported in the supplement (applied to the record); none when absent.
    /// Nullable rather than defaulted in the schema: generated clients cannot give an object
    /// property a default.
    #[serde(default)]
    #[validate(nested)]
    pub changes: Option<MemberProfile>,
}

/// A recorded annual supplement.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Supplement {
    /// The member.
    pub member_id: MemberId,
    /// The year.
    pub year: i32,
    /// Date filed.
    pub filed_on: NaiveDate,
    /// Note.
    pub note: Option<String>,
    /// The record after the changes.
    pub member: Member,
}

/// A period of membership in one cell.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MembershipPeriod {
    /// The cell.
    pub organization_id: OrgId,
    /// First day there.
    pub from: NaiveDate,
    /// First day no longer there (`null` while current).
    pub to: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::{Lang, Term, Vietnamese};

    /// Every label of `T` is a word in both languages, and the Vietnamese one is not the code.
    fn labelled<T: Term + std::fmt::Display>() {
        for t in T::ALL.iter().copied() {
            for lang in Lang::ALL {
                let l = t.label(lang);
                assert!(!l.trim().is_empty(), "{} {t}", T::CONCEPT);
                assert!(!l.contains('_'), "{} {t}: {l}", T::CONCEPT);
            }
            assert_ne!(t.vi(), t.code(), "{} {t}", T::CONCEPT);
            assert!(
                !t.meaning().trim().is_empty(),
                "{} {t} undocumented",
                T::CONCEPT
            );
        }
    }

    #[test]
    fn every_member_term_has_labels_in_both_languages() {
        labelled::<MemberEventKind>();
        labelled::<MemberStatus>();
        labelled::<Gender>();
        labelled::<PoliticalTheory>();
        labelled::<crate::movements::DisciplineForm>();
        labelled::<crate::movements::DisciplineHoldKind>();
        labelled::<crate::movements::ExitReason>();
        labelled::<crate::movements::MembershipEnd>();
        labelled::<crate::movements::MembershipStart>();
        labelled::<crate::movements::PeriodKind>();
        labelled::<crate::movements::AlertKind>();
        labelled::<crate::cases::CaseKind>();
        labelled::<crate::cases::ComplaintRuling>();
        labelled::<crate::auth::Role>();
        labelled::<crate::changes::ChangeEntity>();
        labelled::<crate::reports::ImportStatus>();
        labelled::<crate::reports::ImportKind>();
        labelled::<crate::interruptions::PastInterruptionKind>();
        labelled::<crate::interruptions::AnnulledDecision>();
        labelled::<crate::interruptions::ArrivalSource>();
    }

    #[test]
    fn event_kinds_the_old_client_showed_as_codes_have_vietnamese_labels() {
        assert_eq!(
            MemberEventKind::TransferReceived.vi(),
            "Tiếp nhận chuyển sinh hoạt"
        );
        assert_eq!(
            MemberEventKind::MovedByRestructure.vi(),
            "Chuyển do sắp xếp tổ chức"
        );
        assert!(MemberEventKind::parse("transfer_accepted").is_err());
    }

    #[test]
    fn active_statuses() {
        assert!(MemberStatus::Official.is_active() && MemberStatus::Probationary.is_active());
        assert!(!MemberStatus::Exited.is_active() && !MemberStatus::TransferredOut.is_active());
    }
}
