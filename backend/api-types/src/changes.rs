//! The change feed other agencies' systems poll, and the sync packages between installations.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The kind of record a change is about.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeEntity {
    /// A party organisation.
    Organization,
    /// A member record.
    Member,
    /// A transfer of party activity.
    Transfer,
    /// An annual rating.
    Evaluation,
    /// A party card.
    Card,
    /// An awarded badge.
    Badge,
    /// A badge proposal.
    BadgeProposal,
}

impl ChangeEntity {
    /// Every kind, in the order a receiver applies them (parents before what refers to them).
    pub const ALL: [ChangeEntity; 7] = [
        Self::Organization,
        Self::Member,
        Self::Transfer,
        Self::Evaluation,
        Self::Card,
        Self::BadgeProposal,
        Self::Badge,
    ];

    /// The stored name (`snake_case`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Organization => "organization",
            Self::Member => "member",
            Self::Transfer => "transfer",
            Self::Evaluation => "evaluation",
            Self::Card => "card",
            Self::Badge => "badge",
            Self::BadgeProposal => "badge_proposal",
        }
    }

    /// The kind named `s`, if it is one.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == s)
    }
}

/// One committed change, as the feed returns it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    /// The change's position in commit order; pass it as `after` to read what follows.
    pub cursor: String,
    /// The kind of record.
    pub entity: ChangeEntity,
    /// The record's id.
    pub id: i64,
    /// What was done, e.g. `create`, `update`, `accept`, `merge`.
    pub operation: String,
    /// The record's version after the change (its `ETag`).
    pub version: i64,
    /// When the change was made (UTC).
    pub at: DateTime<Utc>,
    /// The record after the change, exactly as the API's `GET` returned it then.
    pub resource: serde_json::Value,
}

/// One page of the change feed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePage {
    /// Changes after the requested cursor, oldest first.
    pub items: Vec<Change>,
    /// Where to continue: the cursor of the last item, or the requested one when there was
    /// nothing new. Never `null`: a consumer stores it and polls with it.
    pub next_cursor: String,
    /// Whether more changes are waiting right now (poll again at once rather than later).
    pub has_more: bool,
}
