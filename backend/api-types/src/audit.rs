//! The audit trail.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::changes::ChangeEntity;

crate::vocabulary::vocabulary! {
    /// The kind of record an audit entry is about: every record the feed publishes, and the
    /// records it does not (accounts, tokens, keys, identifier checks, exports…).
    pub enum AuditEntity {
        /// A party organisation.
        Organization = "organization",
        /// A member record.
        Member = "member",
        /// A transfer of party activity.
        Transfer = "transfer",
        /// An annual rating.
        Evaluation = "evaluation",
        /// A party card.
        Card = "card",
        /// An awarded badge.
        Badge = "badge",
        /// A badge proposal.
        BadgeProposal = "badge_proposal",
        /// A member's badges as a whole (their standing recomputed).
        MemberBadges = "member_badges",
        /// A grassroots organisation's evaluation round of a year.
        EvaluationRound = "evaluation_round",
        /// A discipline decision.
        Discipline = "discipline",
        /// A serious illness recorded for a member.
        Illness = "illness",
        /// A user account (and its sign-ins).
        User = "user",
        /// An integration API token.
        ApiToken = "api_token",
        /// A trusted installation's signing key.
        SyncKey = "sync_key",
        /// A sync package applied.
        SyncPackage = "sync_package",
        /// A check of whether an identifier (CCCD) is recorded elsewhere.
        IdentifierCheck = "identifier_check",
        /// An export of records (a list, a report, a sync package).
        Export = "export",
    }
}

impl AuditEntity {
    /// The kind of record the change feed publishes for this entity, if it publishes it.
    pub fn feed(self) -> Option<ChangeEntity> {
        match self {
            Self::Organization => Some(ChangeEntity::Organization),
            Self::Member => Some(ChangeEntity::Member),
            Self::Transfer => Some(ChangeEntity::Transfer),
            Self::Evaluation => Some(ChangeEntity::Evaluation),
            Self::Card => Some(ChangeEntity::Card),
            Self::Badge => Some(ChangeEntity::Badge),
            Self::BadgeProposal => Some(ChangeEntity::BadgeProposal),
            Self::MemberBadges
            | Self::EvaluationRound
            | Self::Discipline
            | Self::Illness
            | Self::User
            | Self::ApiToken
            | Self::SyncKey
            | Self::SyncPackage
            | Self::IdentifierCheck
            | Self::Export => None,
        }
    }
}

impl From<ChangeEntity> for AuditEntity {
    fn from(e: ChangeEntity) -> Self {
        match e {
            ChangeEntity::Organization => Self::Organization,
            ChangeEntity::Member => Self::Member,
            ChangeEntity::Transfer => Self::Transfer,
            ChangeEntity::Evaluation => Self::Evaluation,
            ChangeEntity::Card => Self::Card,
            ChangeEntity::Badge => Self::Badge,
            ChangeEntity::BadgeProposal => Self::BadgeProposal,
        }
    }
}

/// One audited write.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Sequence number.
    pub id: crate::AuditEntryId,
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// The request that made the change.
    pub request_id: Option<String>,
    /// Who (user id), `null` for the system.
    pub actor_id: Option<crate::UserId>,
    /// Who (user name).
    pub actor_username: String,
    /// What was done, e.g. `create`, `update`.
    pub action: String,
    /// The kind of record.
    pub entity: AuditEntity,
    /// The record's id.
    pub entity_id: String,
    /// The record before the change (JSON), `null` for a creation.
    pub before: Option<serde_json::Value>,
    /// The record after the change (JSON).
    pub after: Option<serde_json::Value>,
}
