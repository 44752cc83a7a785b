//! Duties a cell assigns its members (issue 23, rule 38): read inside the caller's scope
//! (through the assigning cell), reviewed at a meeting, closed by a transfer or an exit.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::cell_year::{DutyClosure, DutyResult};
use qldv_api_types::{DutyId, MeetingId, MemberId, OrgId, UserId};

use crate::auth::Scope;
use crate::db::schema::{duties, members, organizations};
use crate::db::DbConn;
use crate::domain::cell_year::duties as rules;
use crate::error::{AppError, AppResult};

/// A stored duty.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = duties)]
pub struct DutyRow {
    /// Id.
    pub id: DutyId,
    /// The member.
    pub member_id: MemberId,
    /// The cell that assigned it.
    pub organization_id: OrgId,
    /// What is asked.
    pub description: String,
    /// Assigned on.
    pub assigned_on: NaiveDate,
    /// The meeting that assigned it.
    pub assigned_meeting_id: Option<MeetingId>,
    /// By when.
    pub due_by: Option<NaiveDate>,
    /// Reviewed on.
    pub reviewed_on: Option<NaiveDate>,
    /// The meeting that reviewed it.
    pub review_meeting_id: Option<MeetingId>,
    /// The review's result.
    pub result: Option<DutyResult>,
    /// Closed on without a review.
    pub closed_on: Option<NaiveDate>,
    /// Why.
    pub closure: Option<DutyClosure>,
    /// Who entered it.
    pub entered_by: Option<UserId>,
    /// When (UTC).
    pub entered_at: NaiveDateTime,
}

/// A duty to store.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = duties)]
pub struct NewDutyRow<'a> {
    /// The member.
    pub member_id: MemberId,
    /// The assigning cell.
    pub organization_id: OrgId,
    /// What is asked.
    pub description: &'a str,
    /// Assigned on.
    pub assigned_on: NaiveDate,
    /// The meeting that assigned it.
    pub assigned_meeting_id: Option<MeetingId>,
    /// By when.
    pub due_by: Option<NaiveDate>,
    /// Who entered it.
    pub entered_by: Option<UserId>,
    /// When (UTC).
    pub entered_at: NaiveDateTime,
}

impl DutyRow {
    /// The pure rule's view of the row.
    pub fn rule(&self) -> rules::Duty {
        rules::Duty {
            assigned_on: self.assigned_on,
            due_by: self.due_by,
            review: self.reviewed_on.zip(self.result),
            closed: self.closed_on.zip(self.closure),
        }
    }

    /// One duty whose cell is inside `scope` (else 404), with the cell's path.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: DutyId) -> AppResult<(Self, String)> {
        let mut q = duties::table
            .inner_join(organizations::table.on(organizations::id.eq(duties::organization_id)))
            .filter(duties::id.eq(id))
            .into_boxed();
        if let Some((lo, hi)) = scope.path_range() {
            q = q
                .filter(organizations::path.ge(lo))
                .filter(organizations::path.lt(hi));
        }
        q.select((Self::as_select(), organizations::path))
            .first(conn)
            .optional()?
            .ok_or(AppError::not_found(crate::messages::Thing::Duty))
    }

    /// These duties (any scope: the caller found them first), by id.
    pub fn many(conn: &mut DbConn, ids: &[DutyId]) -> AppResult<Vec<Self>> {
        Ok(duties::table
            .filter(duties::id.eq_any(ids))
            .order(duties::id.asc())
            .select(Self::as_select())
            .load(conn)?)
    }

    /// Stores duties; their ids in order.
    pub fn insert_all(conn: &mut DbConn, rows: &[NewDutyRow<'_>]) -> AppResult<Vec<DutyId>> {
        let mut ids = Vec::with_capacity(rows.len());
        for row in rows {
            ids.push(
                diesel::insert_into(duties::table)
                    .values(row)
                    .returning(duties::id)
                    .get_result(conn)?,
            );
        }
        Ok(ids)
    }

    /// Records a review.
    pub fn set_review(
        conn: &mut DbConn,
        id: DutyId,
        on: NaiveDate,
        meeting: MeetingId,
        result: DutyResult,
    ) -> AppResult<()> {
        diesel::update(duties::table.find(id))
            .set((
                duties::reviewed_on.eq(Some(on)),
                duties::review_meeting_id.eq(Some(meeting)),
                duties::result.eq(Some(result)),
            ))
            .execute(conn)?;
        Ok(())
    }

    /// A member's duties, oldest first, each with the member's name.
    pub fn of_member(conn: &mut DbConn, member: MemberId) -> AppResult<Vec<(Self, String)>> {
        Ok(duties::table
            .inner_join(members::table.on(members::id.eq(duties::member_id)))
            .filter(duties::member_id.eq(member))
            .order((duties::assigned_on.asc(), duties::id.asc()))
            .select((Self::as_select(), members::full_name))
            .load(conn)?)
    }

    /// A cell's duties (the cell already found in scope), open ones only if asked, in member
    /// name order then oldest first, each with the member's name and its sort key.
    pub fn of_cell(
        conn: &mut DbConn,
        cell: OrgId,
        open_only: bool,
    ) -> AppResult<Vec<(Self, String, String)>> {
        let mut q = duties::table
            .inner_join(members::table.on(members::id.eq(duties::member_id)))
            .filter(duties::organization_id.eq(cell))
            .into_boxed();
        if open_only {
            q = q
                .filter(duties::result.is_null())
                .filter(duties::closed_on.is_null());
        }
        Ok(q.order((
            members::name_sort_key.asc(),
            duties::assigned_on.asc(),
            duties::id.asc(),
        ))
        .select((
            Self::as_select(),
            members::full_name,
            members::name_sort_key,
        ))
        .load(conn)?)
    }

    /// Rule 38: closes the member's open duties on `on` (`domain::cell_year::duties::close_open`
    /// decides which); the ids closed, each with its cell. Call in the transaction that records
    /// the transfer or exit.
    pub fn close_open(
        conn: &mut DbConn,
        member: MemberId,
        on: NaiveDate,
        why: DutyClosure,
    ) -> AppResult<Vec<(DutyId, OrgId)>> {
        let open: Vec<Self> = duties::table
            .filter(duties::member_id.eq(member))
            .filter(duties::result.is_null())
            .filter(duties::closed_on.is_null())
            .order(duties::id.asc())
            .select(Self::as_select())
            .load(conn)?;
        let mut facts: Vec<rules::Duty> = open.iter().map(Self::rule).collect();
        let closed: Vec<(DutyId, OrgId)> = rules::close_open(&mut facts, on, why)
            .into_iter()
            .filter_map(|i| open.get(i).map(|d| (d.id, d.organization_id)))
            .collect();
        let ids: Vec<DutyId> = closed.iter().map(|c| c.0).collect();
        if !ids.is_empty() {
            diesel::update(duties::table.filter(duties::id.eq_any(&ids)))
                .set((
                    duties::closed_on.eq(Some(on)),
                    duties::closure.eq(Some(why)),
                ))
                .execute(conn)?;
        }
        Ok(closed)
    }

    /// Rule 38's alert: duties closed by a transfer or exit since `since`, in the cells of a
    /// subtree (organisation paths in `[lo, hi)`), each with the member's name and the cell's
    /// path.
    pub fn closed_since(
        conn: &mut DbConn,
        (lo, hi): (&str, &str),
        since: NaiveDate,
    ) -> AppResult<Vec<(Self, String, String)>> {
        Ok(duties::table
            .inner_join(members::table.on(members::id.eq(duties::member_id)))
            .inner_join(organizations::table.on(organizations::id.eq(duties::organization_id)))
            .filter(organizations::path.ge(lo))
            .filter(organizations::path.lt(hi))
            .filter(duties::closed_on.ge(since))
            .filter(duties::closure.eq_any([DutyClosure::Transfer, DutyClosure::Exit]))
            .order((duties::closed_on.desc(), duties::id.asc()))
            .select((Self::as_select(), members::full_name, organizations::path))
            .load(conn)?)
    }
}
