//! The residence liaison of members working at agencies (213-QĐ/TW; issue 23, rule 39).
//!
//! The residence cell never reads the member's dossier: it reads `LiaisonView`, its own
//! resource with name, address, phone and its own comments only.

use crate::cell_year::{LiaisonCommentState, LiaisonMode};
use crate::ids::{LiaisonId, MemberId, OrgId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// Introduce a member to the party organisation where they live.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IntroduceLiaison {
    /// The residence cell (any province).
    pub residence_org_id: OrgId,
    /// Regular (yearly comment) or on request.
    pub mode: LiaisonMode,
    /// Introduced on.
    pub introduced_on: NaiveDate,
    /// The introduction letter's number.
    #[validate(length(min = 1, max = 100))]
    pub introduction_no: Option<String>,
}

/// End a liaison (the member moved, retired, or left the agency).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EndLiaison {
    /// Ended on.
    pub ended_on: NaiveDate,
}

/// A liaison as the working side sees it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Liaison {
    /// Id.
    pub id: LiaisonId,
    /// The member.
    pub member_id: MemberId,
    /// The residence cell.
    pub residence_org_id: OrgId,
    /// Its name.
    pub residence_org_name: String,
    /// Mode.
    pub mode: LiaisonMode,
    /// Introduced on.
    pub introduced_on: NaiveDate,
    /// Ended on.
    pub ended_on: Option<NaiveDate>,
    /// The introduction letter's number.
    pub introduction_no: Option<String>,
    /// The residence cell's yearly comments, newest first (what the working side reads of it).
    #[serde(default)]
    pub comments: Vec<LiaisonComment>,
}

/// A yearly comment of the residence cell.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LiaisonComment {
    /// The year commented on.
    pub year: i32,
    /// The comment.
    pub text: String,
    /// Written on.
    pub written_on: NaiveDate,
}

/// Write or replace the residence cell's comment for a year.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WriteLiaisonComment {
    /// The comment.
    #[validate(length(min = 1, max = 4000))]
    pub text: String,
}

/// A member introduced to a residence cell, as that cell sees them: never the dossier.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LiaisonView {
    /// The liaison (the residence cell's handle on the member; not the member's id).
    pub liaison_id: LiaisonId,
    /// Full name.
    pub full_name: String,
    /// Current address.
    pub address: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Mode.
    pub mode: LiaisonMode,
    /// Introduced on.
    pub introduced_on: NaiveDate,
    /// This cell's own comments, newest first.
    pub comments: Vec<LiaisonComment>,
}

/// A liaison member's residence comment for a year, as the working cell sees it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LiaisonCommentStatus {
    /// The liaison.
    pub liaison_id: LiaisonId,
    /// The member.
    pub member_id: MemberId,
    /// Full name.
    pub full_name: String,
    /// The residence cell's name.
    pub residence_org_name: String,
    /// Due, missing or written.
    pub state: LiaisonCommentState,
    /// The comment, when written.
    pub text: Option<String>,
}
