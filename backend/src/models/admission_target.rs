//! Organisations' yearly admission targets (issue 22): read inside the caller's scope, written
//! with the optimistic version of the row.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::{AdmissionTargetId, OrgId, UserId};

use crate::auth::Scope;
use crate::db::schema::{admission_targets, organizations, users};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};

/// A stored target.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = admission_targets)]
pub struct TargetRow {
    /// Id.
    pub id: AdmissionTargetId,
    /// The organisation.
    pub organization_id: OrgId,
    /// The year.
    pub year: i32,
    /// New members to admit in the year (> 0).
    pub target: i32,
    /// Number of the congress resolution.
    pub resolution_no: String,
    /// Date of the resolution.
    pub resolution_on: NaiveDate,
    /// Who entered it.
    pub entered_by: Option<UserId>,
    /// When (UTC).
    pub entered_at: NaiveDateTime,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// What a board records.
#[derive(Debug, Clone)]
pub struct TargetValues<'a> {
    /// The target.
    pub target: i32,
    /// Number of the resolution.
    pub resolution_no: &'a str,
    /// Date of the resolution.
    pub resolution_on: NaiveDate,
}

/// A subordinate organisation and its target of the year, if recorded.
#[derive(Debug, Clone)]
pub struct ChildRow {
    /// The organisation.
    pub id: OrgId,
    /// Its name.
    pub name: String,
    /// Its target.
    pub target: Option<i32>,
}

type Boxed<'a> = organizations::BoxedQuery<'a, <DbConn as diesel::Connection>::Backend>;

/// Organisations inside `scope`.
fn in_scope<'a>(scope: &Scope) -> Boxed<'a> {
    let q = organizations::table.into_boxed();
    match scope.path_range() {
        Some((lo, hi)) => q
            .filter(organizations::path.ge(lo))
            .filter(organizations::path.lt(hi)),
        None => q,
    }
}

impl TargetRow {
    /// The target of `org` for `year` when `org` is inside `scope` and one was recorded.
    pub fn find(
        conn: &mut DbConn,
        scope: &Scope,
        org: OrgId,
        year: i32,
    ) -> AppResult<Option<Self>> {
        let visible: Option<i64> = in_scope(scope)
            .filter(organizations::id.eq(org.0))
            .select(organizations::id)
            .first(conn)
            .optional()?;
        if visible.is_none() {
            return Ok(None);
        }
        Ok(admission_targets::table
            .filter(admission_targets::organization_id.eq(org))
            .filter(admission_targets::year.eq(year))
            .select(Self::as_select())
            .first(conn)
            .optional()?)
    }

    /// The user name of whoever entered it.
    pub fn entered_by_name(&self, conn: &mut DbConn) -> AppResult<Option<String>> {
        let Some(user) = self.entered_by else {
            return Ok(None);
        };
        Ok(users::table
            .find(user.0)
            .select(users::username)
            .first(conn)
            .optional()?)
    }

    /// The organisations directly under `parent` inside `scope` that existed in `year` (not
    /// closed before it began), each with its target of the year.
    pub fn children(
        conn: &mut DbConn,
        scope: &Scope,
        parent: OrgId,
        year: i32,
    ) -> AppResult<Vec<ChildRow>> {
        let began = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        let rows: Vec<(i64, String, Option<i32>)> = in_scope(scope)
            .filter(organizations::parent_id.eq(parent.0))
            .filter(
                organizations::valid_to
                    .is_null()
                    .or(organizations::valid_to.ge(began)),
            )
            .left_join(
                admission_targets::table.on(admission_targets::organization_id
                    .eq(organizations::id)
                    .and(admission_targets::year.eq(year))),
            )
            .select((
                organizations::id,
                organizations::name,
                admission_targets::target.nullable(),
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(id, name, target)| ChildRow {
                id: OrgId(id),
                name,
                target,
            })
            .collect())
    }

    /// Records the target of `org` for `year` (the caller checked the organisation is in its
    /// scope): inserts it, or replaces it when the stored version is `expected` (any version
    /// without `If-Match`); 412 otherwise. Returns the row before (if any) and after.
    pub fn put(
        conn: &mut DbConn,
        org: OrgId,
        year: i32,
        values: &TargetValues<'_>,
        by: Option<UserId>,
        expected: Option<i64>,
    ) -> AppResult<(Option<Self>, Self)> {
        let before: Option<Self> = admission_targets::table
            .filter(admission_targets::organization_id.eq(org))
            .filter(admission_targets::year.eq(year))
            .select(Self::as_select())
            .first(conn)
            .optional()?;
        let now = super::now();
        let after = match &before {
            None => {
                if expected.is_some() {
                    // If-Match names a version of a target that was never recorded.
                    return Err(AppError::PreconditionFailed(0));
                }
                diesel::insert_into(admission_targets::table)
                    .values((
                        admission_targets::organization_id.eq(org),
                        admission_targets::year.eq(year),
                        admission_targets::target.eq(values.target),
                        admission_targets::resolution_no.eq(values.resolution_no),
                        admission_targets::resolution_on.eq(values.resolution_on),
                        admission_targets::entered_by.eq(by),
                        admission_targets::entered_at.eq(now),
                        admission_targets::version.eq(1_i64),
                    ))
                    .returning(admission_targets::all_columns)
                    .get_result::<Self>(conn)?
            }
            Some(row) => {
                let version = super::check_version(expected, row.version)?;
                diesel::update(
                    admission_targets::table
                        .filter(admission_targets::id.eq(row.id))
                        .filter(admission_targets::version.eq(version)),
                )
                .set((
                    admission_targets::target.eq(values.target),
                    admission_targets::resolution_no.eq(values.resolution_no),
                    admission_targets::resolution_on.eq(values.resolution_on),
                    admission_targets::entered_by.eq(by),
                    admission_targets::entered_at.eq(now),
                    admission_targets::version.eq(version + 1),
                ))
                .returning(admission_targets::all_columns)
                .get_result::<Self>(conn)
                .optional()?
                .ok_or(AppError::PreconditionFailed(row.version))?
            }
        };
        Ok((before, after))
    }
}
