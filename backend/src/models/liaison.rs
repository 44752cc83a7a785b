//! Residence liaisons (213-QĐ/TW, rule 39) and the residence organisation's yearly comments.
//!
//! Two sides read a liaison, each through its own scope-taking query: the working side finds
//! it through the member (`find_working`: the member's cell is in the caller's scope), the
//! residence side through the residence organisation (`find_residence`). The residence side
//! reads the member only through [`LiaisonRow::views`], which selects the view's columns and
//! nothing else: no query here returns a member row to it.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::cell_year::LiaisonMode;
use qldv_api_types::{LiaisonId, MemberId, OrgId, UserId};

use crate::auth::Scope;
use crate::db::schema::{liaison_comments, members, organizations, residence_liaisons};
use crate::db::DbConn;
use crate::domain::cell_year::liaison::Liaison;
use crate::error::AppResult;

/// A stored liaison.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = residence_liaisons)]
pub struct LiaisonRow {
    /// Id.
    pub id: LiaisonId,
    /// The member.
    pub member_id: MemberId,
    /// The residence organisation (any province).
    pub residence_org_id: OrgId,
    /// Yearly comment or on request.
    pub mode: LiaisonMode,
    /// Introduced on.
    pub introduced_on: NaiveDate,
    /// Ended on.
    pub ended_on: Option<NaiveDate>,
    /// The introduction letter's number.
    pub introduction_no: Option<String>,
    /// Who entered it.
    pub entered_by: Option<UserId>,
    /// When (UTC).
    pub entered_at: NaiveDateTime,
}

/// A stored comment.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = liaison_comments)]
pub struct CommentRow {
    /// The liaison.
    pub liaison_id: LiaisonId,
    /// The year commented on.
    pub year: i32,
    /// The comment.
    pub text: String,
    /// Who wrote it.
    pub written_by: Option<UserId>,
    /// When (UTC).
    pub written_at: NaiveDateTime,
}

/// The columns of the liaison view, and only those (rule 39: never the dossier).
#[derive(Debug, Clone, Queryable)]
pub struct ViewRow {
    /// The liaison.
    pub liaison_id: LiaisonId,
    /// Full name.
    pub full_name: String,
    /// Current address.
    pub current_address: Option<String>,
    /// Permanent address (shown when no current one is recorded).
    pub permanent_address: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Mode.
    pub mode: LiaisonMode,
    /// Introduced on.
    pub introduced_on: NaiveDate,
}

/// A liaison of a member of the working side, with what its lists show.
#[derive(Debug, Clone)]
pub struct WorkingRow {
    /// The liaison.
    pub liaison: LiaisonRow,
    /// The member's name.
    pub full_name: String,
    /// The member's cell.
    pub organization_id: OrgId,
    /// The member's cell's path.
    pub org_path: String,
    /// The residence organisation's name.
    pub residence_name: String,
    /// The comment of the year asked, if written.
    pub comment: Option<String>,
}

type Joined = (LiaisonRow, String, i64, String, String, Option<String>);

impl From<Joined> for WorkingRow {
    fn from((liaison, full_name, org, org_path, residence_name, comment): Joined) -> Self {
        Self {
            liaison,
            full_name,
            organization_id: OrgId(org),
            org_path,
            residence_name,
            comment,
        }
    }
}

impl LiaisonRow {
    /// The rule's view of the row.
    pub fn facts(&self) -> Liaison {
        Liaison {
            introduced_on: self.introduced_on,
            ended_on: self.ended_on,
            mode: self.mode,
        }
    }

    /// Records an introduction.
    pub fn insert(
        conn: &mut DbConn,
        member: MemberId,
        residence: OrgId,
        (mode, introduced_on, introduction_no): (LiaisonMode, NaiveDate, Option<&str>),
        by: UserId,
    ) -> AppResult<Self> {
        Ok(diesel::insert_into(residence_liaisons::table)
            .values((
                residence_liaisons::member_id.eq(member),
                residence_liaisons::residence_org_id.eq(residence),
                residence_liaisons::mode.eq(mode),
                residence_liaisons::introduced_on.eq(introduced_on),
                residence_liaisons::introduction_no.eq(introduction_no),
                residence_liaisons::entered_by.eq(by),
                residence_liaisons::entered_at.eq(super::now()),
            ))
            .returning(residence_liaisons::all_columns)
            .get_result(conn)?)
    }

    /// The member's liaisons not ended.
    pub fn open_of(conn: &mut DbConn, member: MemberId) -> AppResult<Vec<Self>> {
        Ok(residence_liaisons::table
            .filter(residence_liaisons::member_id.eq(member))
            .filter(residence_liaisons::ended_on.is_null())
            .select(Self::as_select())
            .load(conn)?)
    }

    /// Whether the member has a liaison not ended.
    pub fn has_open(conn: &mut DbConn, member: MemberId) -> AppResult<bool> {
        Ok(diesel::select(diesel::dsl::exists(
            residence_liaisons::table
                .filter(residence_liaisons::member_id.eq(member))
                .filter(residence_liaisons::ended_on.is_null()),
        ))
        .get_result(conn)?)
    }

    /// A member's liaisons (the member was found in the caller's scope), newest first, each with
    /// the residence organisation's name.
    pub fn of_member(conn: &mut DbConn, member: MemberId) -> AppResult<Vec<(Self, String)>> {
        Ok(residence_liaisons::table
            .inner_join(
                organizations::table.on(organizations::id.eq(residence_liaisons::residence_org_id)),
            )
            .filter(residence_liaisons::member_id.eq(member))
            .order((
                residence_liaisons::introduced_on.desc(),
                residence_liaisons::id.desc(),
            ))
            .select((Self::as_select(), organizations::name))
            .load(conn)?)
    }

    /// A liaison seen from the working side: its member is inside `scope`. Returns the member's
    /// cell path (for the audit) and the residence organisation's name.
    pub fn find_working(
        conn: &mut DbConn,
        scope: &Scope,
        id: LiaisonId,
    ) -> AppResult<Option<(Self, String, String)>> {
        let mut q = residence_liaisons::table
            .inner_join(members::table.on(members::id.eq(residence_liaisons::member_id)))
            .inner_join(
                organizations::table.on(organizations::id.eq(residence_liaisons::residence_org_id)),
            )
            .filter(residence_liaisons::id.eq(id))
            .into_boxed();
        if let Some((lo, hi)) = scope.path_range() {
            q = q
                .filter(members::org_path.ge(lo))
                .filter(members::org_path.lt(hi));
        }
        Ok(
            q.select((Self::as_select(), members::org_path, organizations::name))
                .first(conn)
                .optional()?,
        )
    }

    /// A liaison seen from the residence side: its residence organisation is inside `scope`.
    /// Returns the residence organisation's path (for the audit).
    pub fn find_residence(
        conn: &mut DbConn,
        scope: &Scope,
        id: LiaisonId,
    ) -> AppResult<Option<(Self, String)>> {
        let mut q = residence_liaisons::table
            .inner_join(
                organizations::table.on(organizations::id.eq(residence_liaisons::residence_org_id)),
            )
            .filter(residence_liaisons::id.eq(id))
            .into_boxed();
        if let Some((lo, hi)) = scope.path_range() {
            q = q
                .filter(organizations::path.ge(lo))
                .filter(organizations::path.lt(hi));
        }
        Ok(q.select((Self::as_select(), organizations::path))
            .first(conn)
            .optional()?)
    }

    /// Ends a liaison.
    pub fn end(conn: &mut DbConn, id: LiaisonId, ended_on: NaiveDate) -> AppResult<Self> {
        Ok(
            diesel::update(residence_liaisons::table.filter(residence_liaisons::id.eq(id)))
                .set(residence_liaisons::ended_on.eq(ended_on))
                .returning(residence_liaisons::all_columns)
                .get_result(conn)?,
        )
    }

    /// The liaison view of the members introduced to `residence` (an organisation the caller
    /// found in its scope) and running on `today`, by name: the view's columns only.
    pub fn views(conn: &mut DbConn, residence: OrgId, today: NaiveDate) -> AppResult<Vec<ViewRow>> {
        Ok(residence_liaisons::table
            .inner_join(members::table.on(members::id.eq(residence_liaisons::member_id)))
            .filter(residence_liaisons::residence_org_id.eq(residence))
            .filter(residence_liaisons::introduced_on.le(today))
            .filter(
                residence_liaisons::ended_on
                    .is_null()
                    .or(residence_liaisons::ended_on.gt(today)),
            )
            .order((members::name_sort_key, residence_liaisons::id))
            .select((
                residence_liaisons::id,
                members::full_name,
                members::current_address,
                members::permanent_address,
                members::phone,
                residence_liaisons::mode,
                residence_liaisons::introduced_on,
            ))
            .load(conn)?)
    }

    /// The liaisons of the members of the subtree at `path` (an organisation the caller found in
    /// its scope) that ran during `year`, each with `year`'s comment when written.
    pub fn of_subtree(conn: &mut DbConn, path: &str, year: i32) -> AppResult<Vec<WorkingRow>> {
        let (lo, hi) = crate::domain::tree::subtree_range(path);
        working(conn, year, Among::Subtree(lo, hi))
    }

    /// The liaisons of `ids` that ran during `year`, by member (the newest of the year when a
    /// member moved house in it), each with `year`'s comment when written (the members were
    /// found in the caller's scope).
    pub fn of_members(
        conn: &mut DbConn,
        ids: &[MemberId],
        year: i32,
    ) -> AppResult<HashMap<MemberId, WorkingRow>> {
        let ids = ids.iter().map(|m| m.0).collect();
        Ok(working(conn, year, Among::Members(ids))?
            .into_iter()
            .map(|r| (r.liaison.member_id, r))
            .collect())
    }
}

/// Whose liaisons the working side reads.
enum Among {
    /// The members of a subtree (`[low, high)` path bounds).
    Subtree(String, String),
    /// These members.
    Members(Vec<i64>),
}

/// The working side's query: liaisons that ran during `year` with the member's name and cell,
/// the residence organisation's name and `year`'s comment; oldest first.
fn working(conn: &mut DbConn, year: i32, among: Among) -> AppResult<Vec<WorkingRow>> {
    let (first, last) = year_bounds(year);
    let mut q = residence_liaisons::table
        .inner_join(members::table.on(members::id.eq(residence_liaisons::member_id)))
        .inner_join(
            organizations::table.on(organizations::id.eq(residence_liaisons::residence_org_id)),
        )
        .left_join(
            liaison_comments::table.on(liaison_comments::liaison_id
                .eq(residence_liaisons::id)
                .and(liaison_comments::year.eq(year))),
        )
        .filter(residence_liaisons::introduced_on.le(last))
        .filter(
            residence_liaisons::ended_on
                .is_null()
                .or(residence_liaisons::ended_on.ge(first)),
        )
        .into_boxed();
    q = match among {
        Among::Subtree(lo, hi) => q
            .filter(members::org_path.ge(lo))
            .filter(members::org_path.lt(hi)),
        Among::Members(ids) => q.filter(members::id.eq_any(ids)),
    };
    let rows: Vec<Joined> = q
        .order((residence_liaisons::introduced_on, residence_liaisons::id))
        .select((
            LiaisonRow::as_select(),
            members::full_name,
            members::organization_id,
            members::org_path,
            organizations::name,
            liaison_comments::text.nullable(),
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(WorkingRow::from).collect())
}

/// The first and last days of `year`.
pub fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX),
    )
}

impl CommentRow {
    /// The comments on `liaisons`, newest year first.
    pub fn of(conn: &mut DbConn, liaisons: &[LiaisonId]) -> AppResult<Vec<Self>> {
        let ids: Vec<i64> = liaisons.iter().map(|l| l.0).collect();
        Ok(liaison_comments::table
            .filter(liaison_comments::liaison_id.eq_any(ids))
            .order((liaison_comments::liaison_id, liaison_comments::year.desc()))
            .select(Self::as_select())
            .load(conn)?)
    }

    /// Writes or replaces the comment of `year` on `liaison`; returns the one before, if any,
    /// and the one after.
    pub fn put(
        conn: &mut DbConn,
        liaison: LiaisonId,
        year: i32,
        text: &str,
        by: UserId,
    ) -> AppResult<(Option<Self>, Self)> {
        let key = liaison_comments::table
            .filter(liaison_comments::liaison_id.eq(liaison))
            .filter(liaison_comments::year.eq(year));
        let before: Option<Self> = key.select(Self::as_select()).first(conn).optional()?;
        let now = super::now();
        let after = match before {
            Some(_) => diesel::update(key)
                .set((
                    liaison_comments::text.eq(text),
                    liaison_comments::written_by.eq(by),
                    liaison_comments::written_at.eq(now),
                ))
                .returning(liaison_comments::all_columns)
                .get_result(conn)?,
            None => diesel::insert_into(liaison_comments::table)
                .values((
                    liaison_comments::liaison_id.eq(liaison),
                    liaison_comments::year.eq(year),
                    liaison_comments::text.eq(text),
                    liaison_comments::written_by.eq(by),
                    liaison_comments::written_at.eq(now),
                ))
                .returning(liaison_comments::all_columns)
                .get_result(conn)?,
        };
        Ok((before, after))
    }
}
