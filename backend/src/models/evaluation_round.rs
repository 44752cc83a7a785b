//! A grassroots organisation's evaluation round for a year: open, or closed with its summary
//! frozen (rule 16).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use qldv_api_types::evaluations::{self as dto, RoundStatus};
use qldv_api_types::{OrgId, RoundId, UserId};

use crate::db::schema::evaluation_rounds;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::models::evaluation::finish_summary;

/// A stored round.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = evaluation_rounds)]
pub struct RoundRow {
    /// Id.
    pub id: RoundId,
    /// Grassroots organisation.
    pub organization_id: OrgId,
    /// Year.
    pub year: i32,
    /// Open or closed.
    pub status: RoundStatus,
    /// Members to be rated at closing.
    pub total: i64,
    /// Excellent.
    pub excellent: i64,
    /// Good.
    pub good: i64,
    /// Complete.
    pub complete: i64,
    /// Not complete.
    pub not_complete: i64,
    /// Not rated.
    pub not_rated: i64,
    /// Regulation.
    pub regulation: String,
    /// Closed by.
    pub closed_by: Option<UserId>,
    /// Closed at.
    pub closed_at: Option<NaiveDateTime>,
    /// Created.
    pub created_at: NaiveDateTime,
}

impl RoundRow {
    /// The round of a grassroots organisation for a year, if one was recorded.
    pub fn find(conn: &mut DbConn, org_id: OrgId, year: i32) -> AppResult<Option<Self>> {
        Ok(evaluation_rounds::table
            .filter(evaluation_rounds::organization_id.eq(org_id))
            .filter(evaluation_rounds::year.eq(year))
            .select(Self::as_select())
            .first(conn)
            .optional()?)
    }

    /// The state of the round of `org_id` for `year` (open when none was recorded).
    pub fn status_of(conn: &mut DbConn, org_id: OrgId, year: i32) -> AppResult<RoundStatus> {
        Ok(round_status(Self::find(conn, org_id, year)?.as_ref()))
    }

    /// Closes the round with its summary frozen (inserting it when none was recorded).
    pub fn close(
        conn: &mut DbConn,
        org_id: OrgId,
        year: i32,
        s: &dto::EvaluationSummary,
        regulation: &str,
        by: UserId,
    ) -> AppResult<Self> {
        let now = super::now();
        let values = (
            evaluation_rounds::status.eq(RoundStatus::Closed),
            evaluation_rounds::total.eq(s.total),
            evaluation_rounds::excellent.eq(s.excellent),
            evaluation_rounds::good.eq(s.good),
            evaluation_rounds::complete.eq(s.complete),
            evaluation_rounds::not_complete.eq(s.not_complete),
            evaluation_rounds::not_rated.eq(s.not_rated),
            evaluation_rounds::regulation.eq(regulation),
            evaluation_rounds::closed_by.eq(Some(by)),
            evaluation_rounds::closed_at.eq(Some(now)),
        );
        if Self::find(conn, org_id, year)?.is_some() {
            diesel::update(
                evaluation_rounds::table
                    .filter(evaluation_rounds::organization_id.eq(org_id))
                    .filter(evaluation_rounds::year.eq(year)),
            )
            .set(values)
            .execute(conn)?;
        } else {
            diesel::insert_into(evaluation_rounds::table)
                .values((
                    evaluation_rounds::organization_id.eq(org_id),
                    evaluation_rounds::year.eq(year),
                    evaluation_rounds::created_at.eq(now),
                    values,
                ))
                .execute(conn)?;
        }
        Self::find(conn, org_id, year)?.ok_or_else(|| AppError::internal("round vanished"))
    }

    /// Reopens a closed round (administrators correcting a mistake).
    pub fn reopen(conn: &mut DbConn, org_id: OrgId, year: i32) -> AppResult<()> {
        diesel::update(
            evaluation_rounds::table
                .filter(evaluation_rounds::organization_id.eq(org_id))
                .filter(evaluation_rounds::year.eq(year)),
        )
        .set((
            evaluation_rounds::status.eq(RoundStatus::Open),
            evaluation_rounds::closed_at.eq(None::<NaiveDateTime>),
            evaluation_rounds::closed_by.eq(None::<i64>),
        ))
        .execute(conn)?;
        Ok(())
    }

    /// The frozen summary.
    pub fn summary(
        &self,
        quota_percent: u32,
        quota_base: qldv_api_types::regulations::QuotaBase,
    ) -> dto::EvaluationSummary {
        let rated = self.excellent + self.good + self.complete + self.not_complete + self.not_rated;
        let mut s = dto::EvaluationSummary {
            total: self.total,
            excellent: self.excellent,
            good: self.good,
            complete: self.complete,
            not_complete: self.not_complete,
            not_rated: self.not_rated,
            unrated_yet: (self.total - rated).max(0),
            quota_percent,
            quota_base,
            ..Default::default()
        };
        finish_summary(&mut s);
        s
    }
}

/// The state of a recorded round, or of none (open).
pub fn round_status(row: Option<&RoundRow>) -> RoundStatus {
    row.map_or(RoundStatus::Open, |r| r.status)
}

/// The API view of a round: the frozen summary when closed, else the live one.
pub fn round_dto(
    org_id: OrgId,
    year: i32,
    row: Option<&RoundRow>,
    live: dto::EvaluationSummary,
) -> dto::EvaluationRound {
    match row {
        Some(r) if r.status == RoundStatus::Closed => dto::EvaluationRound {
            organization_id: org_id,
            year,
            status: RoundStatus::Closed,
            summary: r.summary(live.quota_percent, live.quota_base),
            closed_at: r.closed_at.map(super::utc),
        },
        _ => dto::EvaluationRound {
            organization_id: org_id,
            year,
            status: RoundStatus::Open,
            summary: live,
            closed_at: None,
        },
    }
}

/// The day each grassroots organisation's round of `year` opened, for the grassroots
/// organisations above or inside the subtree at `path`: a round opens with its first rating of
/// the year (rounds are not opened by a request; rule 39 reads this). As `(path, day)`.
pub fn opened(
    conn: &mut DbConn,
    path: &str,
    year: i32,
) -> AppResult<Vec<(String, chrono::NaiveDate)>> {
    use crate::db::schema::{evaluations, organizations};
    let (lo, hi) = crate::domain::tree::subtree_range(path);
    let above = crate::domain::tree::ancestor_paths(path);
    let rows: Vec<(String, Option<NaiveDateTime>)> = evaluations::table
        .inner_join(organizations::table.on(organizations::id.eq(evaluations::grassroots_org_id)))
        .filter(evaluations::year.eq(year))
        .filter(
            organizations::path
                .eq_any(above)
                .or(organizations::path.ge(lo).and(organizations::path.lt(hi))),
        )
        .group_by(organizations::path)
        .select((
            organizations::path,
            diesel::dsl::min(evaluations::created_at),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(p, at)| at.map(|t| (p, t.date())))
        .collect())
}
