//! Party cards (thẻ đảng viên).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::ids::MemberId;

crate::vocabulary::vocabulary! {
    /// State of a card.
    pub enum CardStatus {
        /// The member's current card.
        Active = "active",
        /// Replaced by a reissue (lost or damaged).
        Void = "void",
        /// Revoked by decision.
        Revoked = "revoked",
        /// Collected on the member's exit (rule 12).
        Collected = "collected",
        /// Kept by the family of a deceased member (rule 12): not active.
        Kept = "kept",
    }
}

crate::vocabulary::vocabulary! {
    /// Why a card is reissued (stored as its code in the old card's end reason).
    pub enum ReissueReason {
        /// Lost.
        Lost = "lost",
        /// Damaged.
        Damaged = "damaged",
        /// The national card exchange (Chỉ thị 51-CT/TW, 2025): a new card for the old one.
        Exchange = "exchange",
    }
}

/// `POST /cards`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"member_id": 1, "issued_on": "2026-02-03", "decision_no": "312-QĐ/TU"})))]
pub struct IssueCard {
    /// The member (official).
    pub member_id: MemberId,
    /// The number printed on the card; generated when absent.
    #[validate(length(min = 1, max = 20))]
    pub card_number: Option<String>,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// Decision number of the superior committee.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
}

/// `POST /cards/{id}/reissue`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReissueCard {
    /// Lost, damaged, or the 2025 national exchange.
    pub reason: ReissueReason,
    /// Date of the new card.
    pub issued_on: NaiveDate,
    /// Decision number.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
    /// The new number; generated when absent.
    #[validate(length(min = 1, max = 20))]
    pub card_number: Option<String>,
}

/// `POST /cards/{id}/revoke`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevokeCard {
    /// Why.
    #[validate(length(min = 1, max = 500, message = "Nhập lý do thu hồi"))]
    pub reason: String,
    /// From when.
    pub effective_on: NaiveDate,
}

/// A party card.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Card {
    /// Id.
    pub id: crate::CardId,
    /// The member.
    pub member_id: MemberId,
    /// The member's full name.
    pub full_name: String,
    /// The number.
    pub card_number: String,
    /// State.
    pub status: CardStatus,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// Decision number.
    pub decision_no: String,
    /// The card this one replaced.
    pub replaces_id: Option<crate::CardId>,
    /// When it stopped being active.
    pub ended_on: Option<NaiveDate>,
    /// Why (lost, damaged, exchange, the revocation reason, the exit; `deceased` when kept).
    pub end_reason: Option<String>,
    /// Version (`ETag`).
    pub version: i64,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// A member due a card: official, with no active card.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardDue {
    /// The member.
    pub member_id: MemberId,
    /// Full name.
    pub full_name: String,
    /// The member's cell.
    pub organization_id: crate::ids::OrgId,
    /// Official since.
    pub official_on: Option<NaiveDate>,
}
