//! Badge proposals: the cell or grassroots level proposes, the provincial level decides.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::badges::{self as dto, ProposalStatus};
use qldv_api_types::{BadgeId, MemberId, OrgId, ProposalId, UserId};

use crate::auth::Scope;
use crate::db::schema::{badge_proposals, members};
use crate::db::DbConn;
use crate::error::AppResult;
use crate::models::badge::{to_i32, to_u32};
use crate::models::member::MemberRow;
use crate::models::JoinedWithMembers;

/// A stored proposal.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = badge_proposals)]
pub struct ProposalRow {
    /// Id.
    pub id: ProposalId,
    /// Member.
    pub member_id: MemberId,
    /// Milestone.
    pub milestone: i32,
    /// Occasion.
    pub occasion_on: NaiveDate,
    /// Proposed, approved or rejected (the schema also allows `withdrawn`, which nothing writes:
    /// such a row is refused when read).
    pub status: ProposalStatus,
    /// Remarks.
    pub note: Option<String>,
    /// Proposed by.
    pub proposed_by: Option<UserId>,
    /// Decided by.
    pub decided_by: Option<UserId>,
    /// Decision number.
    pub decision_no: Option<String>,
    /// Why rejected.
    pub reject_reason: Option<String>,
    /// The badge.
    pub badge_id: Option<BadgeId>,
    /// Version.
    pub version: i64,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Changed.
    pub updated_at: NaiveDateTime,
}

/// Filters of the proposal list.
#[derive(Debug, Clone, Default)]
pub struct ProposalFilter {
    /// Subtree path, already in scope.
    pub subtree_path: Option<String>,
    /// Status.
    pub status: Option<ProposalStatus>,
    /// Occasion.
    pub occasion_on: Option<NaiveDate>,
}

impl ProposalRow {
    /// Inserts a proposal (409 when one is already open for that member and milestone).
    pub fn insert(
        conn: &mut DbConn,
        member_id: MemberId,
        milestone: u32,
        occasion_on: NaiveDate,
        note: Option<&str>,
        by: UserId,
    ) -> AppResult<Self> {
        let now = super::now();
        let id: ProposalId = diesel::insert_into(badge_proposals::table)
            .values((
                badge_proposals::member_id.eq(member_id),
                badge_proposals::milestone.eq(to_i32(milestone)),
                badge_proposals::occasion_on.eq(occasion_on),
                badge_proposals::status.eq(ProposalStatus::Proposed),
                badge_proposals::note.eq(note),
                badge_proposals::proposed_by.eq(Some(by)),
                badge_proposals::created_at.eq(now),
                badge_proposals::updated_at.eq(now),
            ))
            .returning(badge_proposals::id)
            .get_result(conn)
            .map_err(|e| match e {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ) => crate::messages::badges::already_proposed(milestone),
                other => other.into(),
            })?;
        Self::reload(conn, id)
    }

    /// Reads a proposal by id (no scope).
    fn reload(conn: &mut DbConn, id: ProposalId) -> AppResult<Self> {
        Ok(badge_proposals::table
            .find(id)
            .select(Self::as_select())
            .first(conn)?)
    }

    /// One proposal whose member is inside the scope, with the member.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: ProposalId) -> AppResult<(Self, MemberRow)> {
        let base: JoinedWithMembers<'_, badge_proposals::table> = badge_proposals::table
            .inner_join(members::table)
            .into_boxed();
        within_members!(base, scope, None::<&str>)
            .filter(badge_proposals::id.eq(id))
            .select((Self::as_select(), MemberRow::as_select()))
            .first(conn)
            .optional()?
            .ok_or_else(crate::messages::badges::proposal_not_found)
    }

    /// Proposals inside the scope, newest first, before a cursor.
    pub fn list(
        conn: &mut DbConn,
        scope: &Scope,
        filter: &ProposalFilter,
        before: Option<i64>,
        limit: i64,
    ) -> AppResult<Vec<(Self, String, OrgId)>> {
        let base: JoinedWithMembers<'_, badge_proposals::table> = badge_proposals::table
            .inner_join(members::table)
            .into_boxed();
        let mut q = within_members!(base, scope, filter.subtree_path.as_deref());
        if let Some(s) = &filter.status {
            q = q.filter(badge_proposals::status.eq(*s));
        }
        if let Some(o) = filter.occasion_on {
            q = q.filter(badge_proposals::occasion_on.eq(o));
        }
        if let Some(b) = before {
            q = q.filter(badge_proposals::id.lt(b));
        }
        Ok(q.order(badge_proposals::id.desc())
            .limit(limit)
            .select((
                Self::as_select(),
                members::full_name,
                members::organization_id,
            ))
            .load(conn)?)
    }

    /// Moves an open proposal to `status` (409 when it was decided meanwhile).
    pub fn decide(
        conn: &mut DbConn,
        id: ProposalId,
        status: ProposalStatus,
        by: UserId,
        decision_no: Option<&str>,
        reject_reason: Option<&str>,
        badge_id: Option<BadgeId>,
    ) -> AppResult<Self> {
        let n = diesel::update(
            badge_proposals::table
                .filter(badge_proposals::id.eq(id))
                .filter(badge_proposals::status.eq(ProposalStatus::Proposed)),
        )
        .set((
            badge_proposals::status.eq(match status {
                ProposalStatus::Proposed => "proposed",
                ProposalStatus::Approved => "approved",
                ProposalStatus::Rejected => "rejected",
            }),
            badge_proposals::decided_by.eq(Some(by)),
            badge_proposals::decision_no.eq(decision_no),
            badge_proposals::reject_reason.eq(reject_reason),
            badge_proposals::badge_id.eq(badge_id),
            badge_proposals::version.eq(badge_proposals::version + 1),
            badge_proposals::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
        if n == 0 {
            return Err(crate::messages::badges::proposal_decided(id));
        }
        Self::reload(conn, id)
    }

    /// The API view.
    pub fn to_dto(&self, full_name: &str, organization_id: OrgId) -> dto::BadgeProposal {
        dto::BadgeProposal {
            id: self.id,
            member_id: self.member_id,
            full_name: full_name.to_string(),
            organization_id,
            milestone: to_u32(self.milestone),
            occasion_on: self.occasion_on,
            status: self.status,
            note: self.note.clone(),
            decision_no: self.decision_no.clone(),
            reject_reason: self.reject_reason.clone(),
            badge_id: self.badge_id,
            created_at: super::utc(self.created_at),
        }
    }
}
