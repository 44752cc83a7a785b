//! Organisations of the party tree.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::ids::OrgId;

/// A new organisation.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateOrganization {
    /// Official name.
    #[validate(length(min = 1, max = 300, message = "Tên tổ chức dài 1–300 ký tự"))]
    #[cfg_attr(feature = "openapi", schema(example = "Chi bộ Khu phố 3"))]
    pub name: String,
    /// Kind, one of `GET /organization-kinds` (e.g. `province`, `commune`, `cell`).
    #[validate(length(min = 1, max = 40))]
    #[cfg_attr(feature = "openapi", schema(example = "cell"))]
    pub kind: String,
    /// The parent organisation; `null` only for a root (administrators only).
    pub parent_id: Option<OrgId>,
    /// Optional unique code used by other systems.
    #[validate(length(min = 1, max = 50))]
    #[cfg_attr(feature = "openapi", schema(example = "HP-LC-KP3"))]
    pub code: Option<String>,
    /// Date the organisation was established.
    pub valid_from: Option<NaiveDate>,
}

/// Changes to an organisation; absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateOrganization {
    /// New name (a rename).
    #[validate(length(min = 1, max = 300, message = "Tên tổ chức dài 1–300 ký tự"))]
    pub name: Option<String>,
    /// New code.
    #[validate(length(min = 1, max = 50))]
    pub code: Option<String>,
    /// New kind.
    #[validate(length(min = 1, max = 40))]
    pub kind: Option<String>,
}

/// An organisation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organization {
    /// Id.
    pub id: OrgId,
    /// Parent, `null` for a root.
    pub parent_id: Option<OrgId>,
    /// Kind code.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Code used by other systems.
    pub code: Option<String>,
    /// Materialised path of ids from the root, e.g. `/1/17/342/`.
    pub path: String,
    /// Depth in the tree (a root is 0).
    pub depth: i32,
    /// Established on.
    pub valid_from: Option<NaiveDate>,
    /// Closed on (merged, dissolved); `null` while active.
    pub valid_to: Option<NaiveDate>,
    /// The organisation that took over after a merge.
    pub successor_id: Option<OrgId>,
    /// Optimistic-concurrency version (also the `ETag`).
    pub version: i64,
    /// Last change (UTC).
    pub updated_at: DateTime<Utc>,
}

/// A kind of organisation (kinds are data, not code).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganizationKind {
    /// Code, e.g. `cell`.
    pub code: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Conventional order from the top of the tree.
    pub sort_order: i32,
    /// Whether members can be registered directly in it (cells and grassroots cells).
    pub holds_members: bool,
}

/// Moving an organisation (and its whole subtree) under another parent; a split is moving cells.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MoveOrganization {
    /// The new parent.
    pub new_parent_id: OrgId,
    /// Effective date.
    pub effective_on: NaiveDate,
    /// Decision number.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
}

/// Merging an organisation into another: its members and children move; it closes with a
/// successor link.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MergeOrganization {
    /// The organisation that takes over.
    pub into_id: OrgId,
    /// Effective date.
    pub effective_on: NaiveDate,
    /// Decision number.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
}

/// Dissolving an empty organisation.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DissolveOrganization {
    /// Effective date.
    pub effective_on: NaiveDate,
    /// Decision number.
    #[validate(length(min = 1, max = 50, message = "Nhập số quyết định"))]
    pub decision_no: String,
}
