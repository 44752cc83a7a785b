//! Interruptions of party age (rule 5) and arrivals from outside the system (rule 7): out of
//! contact, past interruptions entered for the record, annulment of a wrongful decision
//! (117-QĐ/TW), an arrival from the army, the police, abroad or an installation not yet on the
//! system, and the end of a temporary registration (rule 8).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::ids::{DisciplineId, OrgId};
use crate::members::CreateMember;

/// The decision an event is recorded under: its number, its date, the document it was judged
/// under and the organisation that took it.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionRef {
    /// Decision number.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    #[cfg_attr(feature = "openapi", schema(example = "12-QĐ/ĐU"))]
    pub decision_no: String,
    /// Date the decision was signed.
    pub decision_on: NaiveDate,
    /// The document it applies (e.g. `117-QĐ/TW`); the regulation in force on the decision
    /// date when absent.
    #[validate(length(min = 1, max = 100))]
    pub document: Option<String>,
    /// The organisation that decided, when it is on the system.
    pub deciding_organization_id: Option<OrgId>,
}

/// `POST /members/{id}/out-of-contact`: the member lost contact with the party organisation
/// (mất liên lạc) from `from`; party age stops until contact is restored.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"from": "2024-03-01", "decision_no": "05-TB/CB", "decision_on": "2024-06-10", "note": "Không liên lạc được từ tháng 3/2024"})))]
pub struct OutOfContactRequest {
    /// First day out of contact.
    pub from: NaiveDate,
    /// The record of it (the cell's or committee's finding).
    #[serde(flatten)]
    #[validate(nested)]
    pub decision: DecisionRef,
    /// Note.
    #[validate(length(max = 500))]
    pub note: Option<String>,
}

/// `POST /members/{id}/out-of-contact/end`: contact restored on `on`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactRestoredRequest {
    /// First day back in contact.
    pub on: NaiveDate,
    /// The decision recognising it.
    #[serde(flatten)]
    #[validate(nested)]
    pub decision: DecisionRef,
    /// Note.
    #[validate(length(max = 500))]
    pub note: Option<String>,
}

crate::vocabulary::vocabulary! {
    /// Kind of a past interruption of party age entered for the record.
    pub enum PastInterruptionKind {
        /// Mất liên lạc với tổ chức đảng: out of contact with the party organisation.
        OutOfContact = "out_of_contact",
        /// Ra khỏi Đảng (khai trừ, xóa tên, xin ra) before a re-admission.
        OutOfParty = "out_of_party",
        /// Gián đoạn do chuyển sinh hoạt đảng: between leaving one cell and arriving in the next.
        TransferGap = "transfer_gap",
    }
}

/// `POST /members/{id}/past-interruptions`: an interruption from before the system (data entry
/// of a member re-admitted, or once out of contact, before the records were kept here).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"kind": "out_of_party", "from": "1998-04-01", "to": "2003-04-01", "decision_no": "87-QĐ/TU", "decision_on": "2003-04-01", "note": "Xóa tên năm 1998, kết nạp lại năm 2003"})))]
pub struct PastInterruptionRequest {
    /// Kind.
    pub kind: PastInterruptionKind,
    /// First day of the interruption.
    pub from: NaiveDate,
    /// First day after it (the re-admission decision, contact restored, the arrival).
    pub to: NaiveDate,
    /// The decision that ended it (e.g. the re-admission decision).
    #[serde(flatten)]
    #[validate(nested)]
    pub decision: DecisionRef,
    /// Where it is written (the dossier, the personal history).
    #[validate(length(max = 500))]
    pub note: Option<String>,
}

crate::vocabulary::vocabulary! {
    /// What a decision of annulment (117-QĐ/TW) annuls.
    pub enum AnnulledDecision {
        /// A wrongful exit (expulsion, name removal): membership restored as continuous.
        Exit = "exit",
        /// A wrongful discipline: it no longer counts.
        Discipline = "discipline",
    }
}

/// `POST /members/{id}/annulments`: a wrongful exit or discipline annulled (117-QĐ/TW, xin lỗi và
/// phục hồi quyền lợi): the exit is no interruption of party age; the discipline no longer
/// counts.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"annuls": "exit", "decision_no": "15-QĐ/UBKTTU", "decision_on": "2026-02-10", "document": "117-QĐ/TW", "reason": "Kết luận kỷ luật oan"})))]
pub struct AnnulmentRequest {
    /// What is annulled.
    pub annuls: AnnulledDecision,
    /// With `annuls = discipline`: the discipline.
    pub discipline_id: Option<DisciplineId>,
    /// The decision of annulment.
    #[serde(flatten)]
    #[validate(nested)]
    pub decision: DecisionRef,
    /// Why (the finding that it was wrongful).
    #[validate(length(min = 1, max = 1000, message = "Nhập căn cứ kết luận oan, sai"))]
    pub reason: String,
}

crate::vocabulary::vocabulary! {
    /// Where a member arriving from outside the system comes from.
    pub enum ArrivalSource {
        /// Quân đội: the army keeps its own records.
        Army = "army",
        /// Công an: the police keep their own records.
        Police = "police",
        /// Ngoài nước: a party organisation abroad.
        Abroad = "abroad",
        /// A party organisation whose installation is not yet on the system.
        NotOnSystem = "not_on_system",
    }
}

/// `POST /transfers/arrivals`: a member arriving from outside the system, in one step: counted
/// as a transfer in (never an admission), with the original dates, so that the party age is
/// carried over.
///
/// Give `member_id` for a member this system once transferred out; otherwise `member`, the
/// record with its original admission, ceremony and official dates (`status` `official` with
/// `official_on`, or `probationary`), in the receiving cell (`member.organization_id`).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArrivalRequest {
    /// Where the member comes from.
    pub source: ArrivalSource,
    /// The sending party organisation, as on its paper.
    #[validate(length(min = 1, max = 300, message = "Nhập tổ chức đảng nơi chuyển đến"))]
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Đảng ủy Quân sự tỉnh Hải Dương")
    )]
    pub from_external: String,
    /// The receiving cell.
    pub to_organization_id: OrgId,
    /// Date of the sender's introduction paper (the gap until the arrival is an interruption).
    pub issued_on: Option<NaiveDate>,
    /// Date the member reported to the receiving cell: the membership here begins.
    pub received_on: NaiveDate,
    /// Number of the introduction paper.
    #[validate(length(min = 1, max = 50))]
    pub decision_no: Option<String>,
    /// A member transferred out of this system earlier, now back.
    pub member_id: Option<crate::MemberId>,
    /// The record of a member new to the system, with the original dates.
    #[validate(nested)]
    pub member: Option<CreateMember>,
    /// Interruptions of the member's party age written in the dossier (before the arrival).
    #[serde(default)]
    #[validate(nested)]
    #[cfg_attr(feature = "openapi", schema(default = json!([])))]
    pub past_interruptions: Vec<PastInterruptionRequest>,
    /// Whole years of party age the sender's paper states on the arrival date: when given, the
    /// party age computed from the dates must agree (a check of the dates typed in).
    pub declared_party_age_years: Option<u32>,
}

/// `POST /transfers/{id}/return`: the end of a temporary registration: the member's recorded
/// return to the home cell (rule 8).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TemporaryReturn {
    /// First day back at the home cell.
    pub returned_on: NaiveDate,
    /// Note.
    #[validate(length(max = 500))]
    pub note: Option<String>,
}
