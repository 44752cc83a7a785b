//! The documents the rules come from (quy định, hướng dẫn), the chains they form, and the dated
//! settings of each: readable by everyone, editable by a national administrator.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

crate::vocabulary::vocabulary! {
    /// A chain of documents: each replaces the previous one for its own rules, and a decision is
    /// judged by the document of its chain in force on the decision's date.
    pub enum RegulationChain {
        /// Charter implementing regulation (29-QĐ/TW → 24-QĐ/TW → 232-QĐ/TW → 294-QĐ/TW):
        /// admission, probation, party age, transfers, cards.
        Charter = "charter",
        /// Party badge rules (the charter regulation's badge section and its guide).
        Badge = "badge",
        /// Evaluation (132-QĐ/TW → 124-QĐ/TW → 366-QĐ/TW).
        Evaluation = "evaluation",
        /// Discipline (69-QĐ/TW).
        Discipline = "discipline",
        /// Party dues (342-QĐ/TW → 01-QĐ/TW).
        Dues = "dues",
        /// Apology and restoration of the rights of members disciplined wrongfully (117-QĐ/TW of
        /// 18 Aug 2023): the annulment of a wrongful exit or discipline.
        Annulment = "annulment",
    }
}

crate::vocabulary::vocabulary! {
    /// Rule 16: what the quota of excellent ratings is a share of.
    pub enum QuotaBase {
        /// The members rated "good" only.
        Good = "good",
        /// The members rated "good" or "excellent".
        GoodOrBetter = "good_or_better",
    }
}

/// One stored parameter of a document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RuleSetting {
    /// The key, e.g. `evaluation.excellent_quota_percent`.
    pub key: String,
    /// The chain the key belongs to (read only from that chain's documents).
    pub chain: RegulationChain,
    /// The value as stored (a number, a list of numbers, a term).
    pub value: String,
    /// Version of this value (1 when seeded; +1 on every change).
    pub version: i64,
}

/// A document in a chain, with its date of force there and its parameters.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Regulation {
    /// The document's number, e.g. `294-QĐ/TW`.
    pub code: String,
    /// Its title.
    pub title: String,
    /// The chain.
    pub chain: RegulationChain,
    /// The day it came into force in that chain.
    pub in_force_from: NaiveDate,
    /// The day it was signed, when recorded.
    pub signed_on: Option<NaiveDate>,
    /// The guide that accompanies it (e.g. `HD 06-HD/TW (09/6/2025)`), when recorded.
    pub guide: Option<String>,
    /// The parameters stored for it (only the keys of its chain).
    pub settings: Vec<RuleSetting>,
}

/// `GET /regulations`: every chain's documents, and the version of the whole set.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegulationSet {
    /// Documents, by chain then date of force.
    pub items: Vec<Regulation>,
    /// The documents in force today, one per chain.
    pub in_force: Vec<InForce>,
    /// This installation's settings version (+1 on every change through the API).
    pub settings_version: i64,
    /// SHA-256 of the chains and their values (equal digests: the same rules everywhere).
    pub settings_digest: String,
}

/// The document of a chain in force on a date.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InForce {
    /// The chain.
    pub chain: RegulationChain,
    /// The document.
    pub code: String,
}

/// `POST /regulations`: a new document in a chain (a replacement of the one in force), with its
/// date of force. Its parameters start as those of the document it replaces.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"code": "01-QĐ/TW", "title": "Quy định 01-QĐ/TW ngày 03/02/2026 về chế độ đảng phí", "chain": "dues", "in_force_from": "2026-02-03", "signed_on": "2026-02-03"})))]
pub struct NewRegulation {
    /// The document's number (a new one, or one already recorded in another chain).
    #[validate(length(min = 2, max = 40, message = "Nhập số hiệu văn bản"))]
    pub code: String,
    /// Its title.
    #[validate(length(min = 2, max = 300, message = "Nhập trích yếu văn bản"))]
    pub title: String,
    /// The chain it belongs to.
    pub chain: RegulationChain,
    /// The day it comes into force in that chain.
    pub in_force_from: NaiveDate,
    /// The day it was signed.
    pub signed_on: Option<NaiveDate>,
    /// The guide that accompanies it.
    #[validate(length(max = 200))]
    pub guide: Option<String>,
}

/// `PUT /regulations/settings`: a parameter of one document (`If-Match`: the setting's
/// `version`).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"regulation": "366-QĐ/TW", "key": "evaluation.quota_base", "value": "good_or_better"})))]
pub struct PutRuleSetting {
    /// The document.
    #[validate(length(min = 2, max = 40))]
    pub regulation: String,
    /// The key.
    #[validate(length(min = 3, max = 80))]
    pub key: String,
    /// The value.
    #[validate(length(max = 2000))]
    pub value: String,
}

/// A setting change as recorded.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RuleSettingChange {
    /// The document.
    pub regulation: String,
    /// The setting after the change.
    pub setting: RuleSetting,
    /// The installation's settings version after the change.
    pub settings_version: i64,
    /// When.
    pub changed_at: DateTime<Utc>,
}

impl Default for QuotaBase {
    /// "Good" only: HD 21-HD/BTCTW's reading (excellent ≤ 20 % of the members rated good).
    fn default() -> Self {
        Self::Good
    }
}
