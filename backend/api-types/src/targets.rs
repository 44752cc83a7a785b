//! Yearly admission targets (chỉ tiêu kết nạp đảng viên): each organisation's target from its
//! congress resolution, and its progress (issue 22).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::ids::OrgId;

/// The target of an organisation for a year, as its board records it from the congress
/// resolution (`PUT /organizations/{id}/admission-targets/{year}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "openapi",
    schema(example = json!({"target": 25, "resolution_no": "01-NQ/ĐH", "resolution_on": "2025-07-18"}))
)]
pub struct PutAdmissionTarget {
    /// How many new members the organisation's subtree is to admit in the year (at least 1).
    #[validate(range(min = 1, max = 1_000_000, message = "Chỉ tiêu phải là số nguyên dương"))]
    #[cfg_attr(feature = "openapi", schema(example = 25, minimum = 1))]
    pub target: i32,
    /// Number of the congress resolution that set the target (e.g. `01-NQ/ĐH`).
    #[validate(length(min = 1, max = 50, message = "Nhập số nghị quyết"))]
    #[cfg_attr(feature = "openapi", schema(example = "01-NQ/ĐH"))]
    pub resolution_no: String,
    /// Date of the resolution.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date, example = "2025-07-18"))]
    pub resolution_on: NaiveDate,
}

/// A directly subordinate organisation's target and progress in the same year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChildTarget {
    /// The subordinate organisation.
    pub organization_id: OrgId,
    /// Its name.
    #[cfg_attr(feature = "openapi", schema(example = "Đảng ủy xã An Lư"))]
    pub organization_name: String,
    /// Its own target for the year, when recorded.
    pub target: Option<i32>,
    /// Admitted and re-admitted in its subtree so far in the year.
    pub admitted: i64,
    /// `admitted` as a percentage of `target`, to two decimals; none without a target.
    pub share: Option<f64>,
}

/// An organisation's admission target for a year and its progress, live: the admissions and
/// re-admissions of the year counted as the Admissions report counts them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "openapi",
    schema(example = json!({
        "organization_id": 12, "organization_name": "Đảng ủy xã An Lư", "year": 2026,
        "target": 5, "resolution_no": "01-NQ/ĐH", "resolution_on": "2025-07-18",
        "entered_by": "bithu.anlu", "entered_at": "2026-01-05T02:30:00Z",
        "admitted": 3, "share": 60.0,
        "children": [{"organization_id": 31, "organization_name": "Chi bộ thôn 1",
                      "target": 2, "admitted": 2, "share": 100.0}],
        "children_target": 2, "children_admitted": 2
    }))
)]
pub struct AdmissionTarget {
    /// The organisation.
    pub organization_id: OrgId,
    /// Its name.
    pub organization_name: String,
    /// The year.
    #[cfg_attr(feature = "openapi", schema(example = 2026))]
    pub year: i32,
    /// Its own target (none until recorded).
    pub target: Option<i32>,
    /// Number of the congress resolution that set it.
    pub resolution_no: Option<String>,
    /// Date of the resolution.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub resolution_on: Option<NaiveDate>,
    /// Who recorded it (user name).
    pub entered_by: Option<String>,
    /// When it was recorded (UTC).
    pub entered_at: Option<DateTime<Utc>>,
    /// Admitted and re-admitted in the subtree so far in the year.
    pub admitted: i64,
    /// `admitted` as a percentage of `target`, to two decimals (60.0 for 3 of 5); none without
    /// a target.
    pub share: Option<f64>,
    /// The organisations directly under it (now), each with its own target and progress, in
    /// Vietnamese name order.
    pub children: Vec<ChildTarget>,
    /// The sum of the children's targets (those recorded), to set beside `target`.
    pub children_target: i64,
    /// The sum of the children's admissions.
    pub children_admitted: i64,
}
