//! Special award occasions (rule 18), recorded by a provincial standing committee for its subtree.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::badges as dto;
use qldv_api_types::OrgId;
use qldv_api_types::UserId;

use crate::db::schema::{badge_occasions, organizations};
use crate::db::DbConn;
use crate::domain::tree;
use crate::error::AppResult;

/// A recorded special occasion.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = badge_occasions)]
pub struct OccasionRow {
    /// Id.
    pub id: i64,
    /// The organisation whose standing committee decided it.
    pub organization_id: OrgId,
    /// The day.
    pub occasion_on: NaiveDate,
    /// What is celebrated.
    pub title: String,
    /// Decision number.
    pub decision_no: String,
    /// Recorded by.
    pub created_by: Option<UserId>,
    /// Recorded at.
    pub created_at: NaiveDateTime,
}

impl OccasionRow {
    /// Records one (409 `already_exists` when the organisation has that day already).
    pub fn insert(
        conn: &mut DbConn,
        organization_id: OrgId,
        on: NaiveDate,
        title: &str,
        decision_no: &str,
        by: UserId,
    ) -> AppResult<Self> {
        let id: i64 = diesel::insert_into(badge_occasions::table)
            .values((
                badge_occasions::organization_id.eq(organization_id),
                badge_occasions::occasion_on.eq(on),
                badge_occasions::title.eq(title),
                badge_occasions::decision_no.eq(decision_no),
                badge_occasions::created_by.eq(Some(by)),
                badge_occasions::created_at.eq(super::now()),
            ))
            .returning(badge_occasions::id)
            .get_result(conn)
            .map_err(|e| match e {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ) => crate::messages::badges::occasion_recorded(),
                other => other.into(),
            })?;
        Ok(badge_occasions::table
            .find(id)
            .select(Self::as_select())
            .first(conn)?)
    }

    /// The special occasions that apply to the organisation at `path` (those recorded for it or
    /// for an organisation above it; `None`: all of them), between `from` and `to`, by date.
    pub fn applying_to(
        conn: &mut DbConn,
        path: Option<&str>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<Vec<Self>> {
        let mut q = badge_occasions::table.into_boxed();
        if let Some(p) = path {
            q = q.filter(badge_occasions::organization_id.eq_any(tree::ids(p)));
        }
        Ok(q.filter(badge_occasions::occasion_on.ge(from))
            .filter(badge_occasions::occasion_on.le(to))
            .order((
                badge_occasions::occasion_on.asc(),
                badge_occasions::id.asc(),
            ))
            .select(Self::as_select())
            .load(conn)?)
    }

    /// The paths of the organisations that recorded a special occasion on `on` (it applies in
    /// their subtrees).
    pub fn paths_on(conn: &mut DbConn, on: NaiveDate) -> AppResult<Vec<String>> {
        Ok(badge_occasions::table
            .inner_join(
                organizations::table.on(organizations::id.eq(badge_occasions::organization_id)),
            )
            .filter(badge_occasions::occasion_on.eq(on))
            .select(organizations::path)
            .load(conn)?)
    }

    /// The API view.
    pub fn to_dto(&self) -> dto::BadgeOccasion {
        dto::BadgeOccasion {
            occasion_on: self.occasion_on,
            special: true,
            title: Some(self.title.clone()),
            decision_no: Some(self.decision_no.clone()),
            organization_id: Some(self.organization_id),
        }
    }
}
