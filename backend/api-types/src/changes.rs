//! The change feed other agencies' systems poll, and the sync packages between installations.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

crate::vocabulary::vocabulary! {
    /// The kind of record a change is about. Values are listed in the order a receiver applies
    /// them (parents before what refers to them).
    pub enum ChangeEntity {
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
        /// A badge proposal.
        BadgeProposal = "badge_proposal",
        /// An awarded badge.
        Badge = "badge",
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

/// A record of a sync package the receiving installation did not apply.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncConflict {
    /// The kind of record.
    pub entity: ChangeEntity,
    /// The record's id.
    pub id: i64,
    /// The version the package carries.
    pub package_version: i64,
    /// The version held here, if any.
    pub local_version: Option<i64>,
    /// Why: `newer_local_version`, `diverged` (same version, different edit) or the error code
    /// of the write that failed (e.g. `already_exists` for a CCCD recorded here on someone else).
    pub code: String,
    /// Explanation for the clerk.
    pub message: String,
}

/// What applying a sync package did.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncReport {
    /// SHA-256 of the signed content: the package's identity.
    pub digest: String,
    /// The sending installation's public key (base64).
    pub sender_key: String,
    /// The organisation whose subtree the package carries.
    pub organization_id: i64,
    /// The sender's feed cursor the package starts after.
    pub since: String,
    /// The sender's feed cursor the package reaches (the next package's `since`).
    pub until: String,
    /// Records written.
    pub applied: u64,
    /// Records already as the package has them.
    pub unchanged: u64,
    /// Records not applied, with the reason.
    pub conflicts: Vec<SyncConflict>,
    /// `true` when this package had been applied before: nothing was changed now.
    pub already_applied: bool,
}

/// An installation whose packages are accepted.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrustedKey {
    /// Its Ed25519 public key (base64, 32 bytes).
    pub public_key: String,
    /// Who it is, e.g. `Đảng ủy xã Tân Lạc`.
    pub name: String,
    /// The organisation whose subtree its packages may write here (required to trust a key;
    /// `null` for a key trusted before keys were bound: refused until trusted again).
    #[serde(default)]
    pub organization_id: Option<i64>,
}

/// This installation's identity for sync packages.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncIdentity {
    /// The Ed25519 public key its packages are signed with (base64); the receiving
    /// installation must trust it.
    pub public_key: String,
}
