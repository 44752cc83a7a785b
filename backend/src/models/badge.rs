//! Party badges and proposals: rows, the candidate query, and the facts the engine needs.

use qldv_api_types::{BadgeId, MemberId, ProposalId, UserId};
use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::badges::{self as dto, BadgeStatus};
use qldv_api_types::members::MemberStatus;
use qldv_api_types::movements::MembershipEnd;

use crate::auth::Scope;
use crate::db::schema::{badges, members};
use crate::db::DbConn;
use crate::domain::badge::{BadgeDiscipline, BadgeFacts, Standing};
use crate::error::AppResult;
use crate::models::discipline::DisciplineRow;
use crate::models::discipline_remedy::RemedyRow;
use crate::models::illness::IllnessRow;
use crate::models::member::MemberRow;
use crate::models::member_query::within;
use crate::models::JoinedWithMembers;

/// A stored award.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = badges)]
pub struct BadgeRow {
    /// Id.
    pub id: BadgeId,
    /// Member.
    pub member_id: MemberId,
    /// Milestone.
    pub milestone: i32,
    /// Occasion.
    pub occasion_on: NaiveDate,
    /// Decision number.
    pub decision_no: String,
    /// Held or returned.
    pub status: BadgeStatus,
    /// Early.
    pub early: bool,
    /// Posthumous.
    pub posthumous: bool,
    /// Party age on the occasion.
    pub party_age_years: i32,
    /// Proposal.
    pub proposal_id: Option<ProposalId>,
    /// Returned on.
    pub returned_on: Option<NaiveDate>,
    /// Regulation.
    pub regulation: String,
    /// Awarded by.
    pub created_by: Option<UserId>,
    /// Entered at.
    pub created_at: NaiveDateTime,
}

/// An award to insert.
#[derive(Debug, Clone)]
pub struct NewBadge<'a> {
    /// Member.
    pub member_id: MemberId,
    /// Milestone.
    pub milestone: u32,
    /// Occasion.
    pub occasion_on: NaiveDate,
    /// Decision number.
    pub decision_no: &'a str,
    /// Early.
    pub early: bool,
    /// Posthumous.
    pub posthumous: bool,
    /// Party age.
    pub party_age_years: u32,
    /// Proposal.
    pub proposal_id: Option<ProposalId>,
    /// Regulation.
    pub regulation: &'a str,
    /// Who.
    pub by: UserId,
}

pub(crate) fn to_i32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

pub(crate) fn to_u32(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

impl BadgeRow {
    /// Inserts an award (409 `already_held` when the member has that milestone).
    pub fn insert(conn: &mut DbConn, new: &NewBadge<'_>) -> AppResult<Self> {
        let id: BadgeId = diesel::insert_into(badges::table)
            .values((
                badges::member_id.eq(new.member_id),
                badges::milestone.eq(to_i32(new.milestone)),
                badges::occasion_on.eq(new.occasion_on),
                badges::decision_no.eq(new.decision_no),
                badges::status.eq(BadgeStatus::Awarded),
                badges::early.eq(new.early),
                badges::posthumous.eq(new.posthumous),
                badges::party_age_years.eq(to_i32(new.party_age_years)),
                badges::proposal_id.eq(new.proposal_id),
                badges::regulation.eq(new.regulation),
                badges::created_by.eq(Some(new.by)),
                badges::created_at.eq(super::now()),
            ))
            .returning(badges::id)
            .get_result(conn)
            .map_err(|e| match e {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ) => crate::messages::badges::already_held(new.milestone),
                other => other.into(),
            })?;
        Ok(badges::table
            .find(id)
            .select(Self::as_select())
            .first(conn)?)
    }

    /// A member's awards, oldest first.
    pub fn of_member(conn: &mut DbConn, member_id: MemberId) -> AppResult<Vec<Self>> {
        Ok(badges::table
            .filter(badges::member_id.eq(member_id))
            .order(badges::milestone.asc())
            .select(Self::as_select())
            .load(conn)?)
    }

    /// Awards inside the scope and subtree, for the occasions of one year, newest first.
    pub fn list(
        conn: &mut DbConn,
        scope: &Scope,
        subtree_path: Option<&str>,
        year: Option<i32>,
        before: Option<i64>,
        limit: i64,
    ) -> AppResult<Vec<(Self, String)>> {
        let base: JoinedWithMembers<'_, badges::table> =
            badges::table.inner_join(members::table).into_boxed();
        let mut q = within_members!(base, scope, subtree_path);
        if let Some(y) = year {
            let (from, to) = super::evaluation::year_bounds(y);
            q = q
                .filter(badges::occasion_on.ge(from))
                .filter(badges::occasion_on.le(to));
        }
        if let Some(b) = before {
            q = q.filter(badges::id.lt(b));
        }
        Ok(q.order(badges::id.desc())
            .limit(limit)
            .select((Self::as_select(), members::full_name))
            .load(conn)?)
    }

    /// Marks every held badge of a member returned (rule 12).
    pub fn return_all(conn: &mut DbConn, member_id: MemberId, on: NaiveDate) -> AppResult<usize> {
        Ok(diesel::update(
            badges::table
                .filter(badges::member_id.eq(member_id))
                .filter(badges::status.eq(BadgeStatus::Awarded)),
        )
        .set((
            badges::status.eq(BadgeStatus::Returned),
            badges::returned_on.eq(Some(on)),
        ))
        .execute(conn)?)
    }

    /// The milestones ever awarded to each of `member_ids`, returned ones included: each
    /// milestone comes once (rule 20, and a unique index), also after an exit and a re-admission.
    pub fn awarded_to(
        conn: &mut DbConn,
        member_ids: &[MemberId],
    ) -> AppResult<HashMap<MemberId, Vec<u32>>> {
        let rows: Vec<(MemberId, i32)> = badges::table
            .filter(badges::member_id.eq_any(member_ids))
            .select((badges::member_id, badges::milestone))
            .load(conn)?;
        let mut out: HashMap<MemberId, Vec<u32>> = HashMap::new();
        for (m, milestone) in rows {
            out.entry(m).or_default().push(to_u32(milestone));
        }
        Ok(out)
    }

    /// The API view.
    pub fn to_dto(&self, full_name: &str) -> dto::Badge {
        dto::Badge {
            id: self.id,
            member_id: self.member_id,
            full_name: full_name.to_string(),
            milestone: to_u32(self.milestone),
            occasion_on: self.occasion_on,
            decision_no: self.decision_no.clone(),
            status: self.status,
            early: self.early,
            posthumous: self.posthumous,
            party_age_years: to_u32(self.party_age_years),
            proposal_id: self.proposal_id,
            returned_on: self.returned_on,
            regulation: self.regulation.clone(),
        }
    }
}

/// The members inside the scope and subtree who may be eligible on an occasion: those whose
/// next milestone falls on or before it, and those with a serious illness recorded by then or
/// deceased whose next milestone falls within the longest early window (`due_by`) — early
/// awards are for them alone. Their ids come from the `(next_badge_on, org_path, id)` index, never from a walk of
/// every member. Only this scoped query makes them.
#[derive(Debug, Clone, Default)]
pub struct Candidates(Vec<MemberId>);

impl Candidates {
    /// Finds them (ids in ascending order).
    pub fn find(
        conn: &mut DbConn,
        scope: &Scope,
        subtree_path: Option<&str>,
        occasion: NaiveDate,
        due_by: NaiveDate,
    ) -> AppResult<Self> {
        use crate::db::schema::member_illnesses as ill;
        let due = members::table
            .filter(members::next_badge_on.le(occasion))
            .into_boxed();
        let mut ids: Vec<MemberId> = within(due, scope, subtree_path)
            .select(members::id)
            .load(conn)?;
        let ill_ids = ill::table
            .filter(ill::serious.eq(true))
            .filter(ill::from_on.le(occasion))
            .select(ill::member_id);
        let early = members::table
            .filter(members::next_badge_on.gt(occasion))
            .filter(members::next_badge_on.le(due_by))
            .filter(members::id.eq_any(ill_ids))
            .into_boxed();
        ids.extend(
            within(early, scope, subtree_path)
                .select(members::id)
                .load::<MemberId>(conn)?,
        );
        // Rule 19: a posthumous award may come early too.
        let posthumous = members::table
            .filter(members::next_badge_on.gt(occasion))
            .filter(members::next_badge_on.le(due_by))
            .filter(members::exit_reason.eq(Some(MembershipEnd::Deceased)))
            .into_boxed();
        ids.extend(
            within(posthumous, scope, subtree_path)
                .select(members::id)
                .load::<MemberId>(conn)?,
        );
        ids.sort_unstable();
        ids.dedup();
        Ok(Self(ids))
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The records of the `size` candidates from the `k`-th chunk on (empty past the end).
    pub fn chunk(&self, conn: &mut DbConn, k: usize, size: usize) -> AppResult<Vec<MemberRow>> {
        let Some(ids) = self.0.chunks(size.max(1)).nth(k) else {
            return Ok(Vec::new());
        };
        Ok(members::table
            .filter(members::id.eq_any(ids))
            .order(members::id.asc())
            .select(MemberRow::as_select())
            .load(conn)?)
    }
}

/// Where a member stands for badges.
pub fn standing(m: &MemberRow) -> Standing {
    match (m.status, m.exit_reason) {
        (MemberStatus::Probationary | MemberStatus::Official, _) => Standing::Active,
        (MemberStatus::Exited, Some(MembershipEnd::Deceased)) => {
            Standing::Deceased(m.interrupted_since.unwrap_or(m.ceremony_on))
        }
        _ => Standing::Gone,
    }
}

/// The eligibility facts of several members, with four batched queries (disciplines and the
/// recognitions of their remedies, illnesses, badges held), never one per member.
///
/// Periods of a discipline under consideration (rule 20) come from the member's inspection,
/// denunciation and discipline-review cases (one more batched query).
pub fn facts_of(
    conn: &mut DbConn,
    rows: &[MemberRow],
) -> AppResult<HashMap<MemberId, (BadgeFacts, Vec<u32>)>> {
    let ids: Vec<MemberId> = rows.iter().map(|m| m.id).collect();
    let mut held = BadgeRow::awarded_to(conn, &ids)?;
    let mut discipline: HashMap<MemberId, Vec<BadgeDiscipline>> = HashMap::new();
    let rows_d: Vec<DisciplineRow> = DisciplineRow::of_members(conn, &ids)?
        .into_iter()
        .filter(|d| d.annulled_on.is_none())
        .collect();
    let remedies =
        RemedyRow::recognised_on(conn, &rows_d.iter().map(|d| d.id).collect::<Vec<_>>())?;
    for d in rows_d {
        let rule = d.rule();
        discipline
            .entry(d.member_id)
            .or_default()
            .push(BadgeDiscipline {
                form: rule.form,
                decided_on: rule.decided_on,
                held: rule.held,
                remedy_recognised_on: remedies.get(&d.id).copied(),
            });
    }
    let mut cases: HashMap<MemberId, Vec<crate::domain::case::CaseFacts>> = HashMap::new();
    for c in super::member_case::CaseRow::of_members(conn, &ids)? {
        cases.entry(c.member_id).or_default().push(c.facts());
    }
    let mut illness: HashMap<MemberId, NaiveDate> = HashMap::new();
    for i in IllnessRow::of_members(conn, &ids)?
        .into_iter()
        .filter(|i| i.serious)
    {
        illness.entry(i.member_id).or_insert(i.from_on);
    }
    Ok(rows
        .iter()
        .map(|m| {
            let held = held.remove(&m.id).unwrap_or_default();
            let facts = BadgeFacts {
                age: m.party_age_facts(),
                standing: standing(m),
                serious_illness_since: illness.get(&m.id).copied(),
                disciplines: discipline.remove(&m.id).unwrap_or_default(),
                under_consideration: crate::domain::case::consideration_periods(
                    cases.get(&m.id).map_or(&[][..], Vec::as_slice),
                ),
                // Rule 19: probationary while ever recognised = re-admitted, on a new probation.
                on_probation: m.status == MemberStatus::Probationary,
                held: held.iter().copied().max().unwrap_or(0),
            };
            (m.id, (facts, held))
        })
        .collect())
}
