//! The audit trail.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
    /// The kind of record, e.g. `organization`.
    pub entity: String,
    /// The record's id.
    pub entity_id: String,
    /// The record before the change (JSON), `null` for a creation.
    pub before: Option<serde_json::Value>,
    /// The record after the change (JSON).
    pub after: Option<serde_json::Value>,
}
