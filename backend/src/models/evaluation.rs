//! Yearly ratings and the grassroots rounds they belong to.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::evaluations::{self as dto, EvaluationLevel, NotRatedReason};
use qldv_api_types::{EvaluationId, MemberId, OrgId, UserId};

use crate::db::schema::evaluations;
use crate::db::tally::{self, TallyParams, SPANS};
use crate::db::DbConn;
use crate::domain::evaluation as rules;
use crate::error::{AppError, AppResult};
use qldv_api_types::regulations::QuotaBase;
use qldv_api_types::Term;

/// A stored rating.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = evaluations)]
pub struct EvaluationRow {
    /// Id.
    pub id: EvaluationId,
    /// Member.
    pub member_id: MemberId,
    /// Year.
    pub year: i32,
    /// Grassroots organisation of the round.
    pub grassroots_org_id: OrgId,
    /// Level.
    pub level: EvaluationLevel,
    /// Score.
    pub score: Option<i32>,
    /// Why not rated.
    pub not_rated_reason: Option<NotRatedReason>,
    /// Remarks.
    pub note: Option<String>,
    /// Regulation.
    pub regulation: String,
    /// Entered by.
    pub created_by: Option<UserId>,
    /// Changed by.
    pub updated_by: Option<UserId>,
    /// Version.
    pub version: i64,
    /// Entered at.
    pub created_at: NaiveDateTime,
    /// Changed at.
    pub updated_at: NaiveDateTime,
    /// Why the level is below the score's band (rule 14).
    pub level_reason: Option<String>,
    /// Self-remedied discipline of the year (rule 15).
    pub self_remedied: bool,
    /// Maternity leave in the year: first day (rule 15).
    pub maternity_from: Option<NaiveDate>,
    /// Its last day.
    pub maternity_to: Option<NaiveDate>,
}

/// A rating to store.
#[derive(Debug, Clone)]
pub struct NewRating<'a> {
    /// Member.
    pub member_id: MemberId,
    /// Year.
    pub year: i32,
    /// Grassroots organisation.
    pub grassroots_org_id: OrgId,
    /// Level.
    pub level: EvaluationLevel,
    /// Score.
    pub score: Option<i32>,
    /// Why not rated.
    pub not_rated_reason: Option<NotRatedReason>,
    /// Remarks.
    pub note: Option<&'a str>,
    /// Regulation.
    pub regulation: &'a str,
    /// Why below the band.
    pub level_reason: Option<&'a str>,
    /// Self-remedied discipline.
    pub self_remedied: bool,
    /// Maternity leave.
    pub maternity: Option<(NaiveDate, NaiveDate)>,
    /// Who.
    pub by: UserId,
}

/// The members due to be rated for a year: those in the subtree, as the tree and the
/// memberships were, on the day the year is judged (`$3`: its last day, or today in the current
/// year), each with the organisation they were in that day. One definition for the summary and
/// the member list (rule 16: the membership of that year, not today's).
const DUE: &str = "due (member_id, org_id) AS (
    SELECT s.member_id, MIN(s.org_id) FROM member_spans s, params p
    WHERE s.a <= p.d_to AND s.b > p.d_to GROUP BY s.member_id
)";

/// A member of the year's list, as read by [`EvaluationRow::list`].
#[derive(Debug, QueryableByName)]
struct DueRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: MemberId,
    #[diesel(sql_type = diesel::sql_types::Text)]
    full_name: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    org_id: OrgId,
    #[diesel(sql_type = diesel::sql_types::Text)]
    name_sort_key: String,
}

/// One member of the list with its rating.
pub type ListRow = (MemberId, String, OrgId, String, Option<EvaluationRow>);

impl EvaluationRow {
    /// The member's rating for a year.
    pub fn find(conn: &mut DbConn, member_id: MemberId, year: i32) -> AppResult<Option<Self>> {
        Ok(evaluations::table
            .filter(evaluations::member_id.eq(member_id))
            .filter(evaluations::year.eq(year))
            .select(Self::as_select())
            .first(conn)
            .optional()?)
    }

    /// The member's ratings, newest year first.
    pub fn of_member(conn: &mut DbConn, member_id: MemberId) -> AppResult<Vec<Self>> {
        Ok(evaluations::table
            .filter(evaluations::member_id.eq(member_id))
            .order(evaluations::year.desc())
            .select(Self::as_select())
            .load(conn)?)
    }

    /// Stores a rating: inserts it, or replaces the year's one when its version is `expected`.
    pub fn save(
        conn: &mut DbConn,
        existing: Option<&Self>,
        expected: Option<i64>,
        new: &NewRating<'_>,
    ) -> AppResult<Self> {
        let now = super::now();
        match existing {
            None => {
                diesel::insert_into(evaluations::table)
                    .values((
                        evaluations::member_id.eq(new.member_id),
                        evaluations::year.eq(new.year),
                        evaluations::grassroots_org_id.eq(new.grassroots_org_id),
                        evaluations::level.eq(new.level),
                        evaluations::score.eq(new.score),
                        evaluations::not_rated_reason.eq(new.not_rated_reason),
                        evaluations::note.eq(new.note),
                        evaluations::regulation.eq(new.regulation),
                        evaluations::level_reason.eq(new.level_reason),
                        evaluations::self_remedied.eq(new.self_remedied),
                        evaluations::maternity_from.eq(new.maternity.map(|m| m.0)),
                        evaluations::maternity_to.eq(new.maternity.map(|m| m.1)),
                        evaluations::created_by.eq(Some(new.by)),
                        evaluations::updated_by.eq(Some(new.by)),
                        evaluations::created_at.eq(now),
                        evaluations::updated_at.eq(now),
                    ))
                    .execute(conn)?;
            }
            Some(old) => {
                let version = super::check_version(expected, old.version)?;
                let n = diesel::update(
                    evaluations::table
                        .filter(evaluations::id.eq(old.id))
                        .filter(evaluations::version.eq(version)),
                )
                .set((
                    evaluations::grassroots_org_id.eq(new.grassroots_org_id),
                    evaluations::level.eq(new.level),
                    evaluations::score.eq(new.score),
                    evaluations::not_rated_reason.eq(new.not_rated_reason),
                    evaluations::note.eq(new.note),
                    evaluations::regulation.eq(new.regulation),
                    evaluations::level_reason.eq(new.level_reason),
                    evaluations::self_remedied.eq(new.self_remedied),
                    evaluations::maternity_from.eq(new.maternity.map(|m| m.0)),
                    evaluations::maternity_to.eq(new.maternity.map(|m| m.1)),
                    evaluations::updated_by.eq(Some(new.by)),
                    evaluations::updated_at.eq(now),
                    evaluations::version.eq(evaluations::version + 1),
                ))
                .execute(conn)?;
                if n == 0 {
                    return Err(AppError::PreconditionFailed(old.version));
                }
            }
        }
        Self::find(conn, new.member_id, new.year)?
            .ok_or_else(|| AppError::internal("rating vanished after save"))
    }

    /// One page of the members to be rated for `year`, in Vietnamese name order after a
    /// cursor: the subtree's membership of that year on `on` (the year's end, or today in the
    /// current year), as the summary counts it. A member who has left or moved since is listed,
    /// with the organisation they were in then; one who arrived since is not.
    pub fn list(
        conn: &mut DbConn,
        root_id: OrgId,
        year: i32,
        on: NaiveDate,
        after: Option<(String, MemberId)>,
        limit: i64,
    ) -> AppResult<Vec<ListRow>> {
        let sql = format!(
            "{SPANS},
{DUE}
SELECT m.id, m.full_name, due.org_id, m.name_sort_key
FROM due JOIN members m ON m.id = due.member_id
WHERE m.name_sort_key > $5 OR (m.name_sort_key = $5 AND m.id > $6)
ORDER BY m.name_sort_key, m.id
LIMIT $7"
        );
        let p = TallyParams {
            root: root_id.into(),
            from: on,
            to: on,
            year: i64::from(year),
        };
        let page = tally::PageParams {
            after: after.map_or_else(|| (String::new(), i64::MIN), |(name, id)| (name, id.0)),
            limit,
        };
        let people: Vec<DueRow> = tally::run_page(conn, &sql, p, &page)?;
        let ids: Vec<MemberId> = people.iter().map(|p| p.id).collect();
        let mut rated: std::collections::HashMap<MemberId, Self> = evaluations::table
            .filter(evaluations::member_id.eq_any(&ids))
            .filter(evaluations::year.eq(year))
            .select(Self::as_select())
            .load::<Self>(conn)?
            .into_iter()
            .map(|e| (e.member_id, e))
            .collect();
        Ok(people
            .into_iter()
            .map(|r| {
                let e = rated.remove(&r.id);
                (r.id, r.full_name, r.org_id, r.name_sort_key, e)
            })
            .collect())
    }

    /// Counts per level over the subtree's membership of that year (rule 16): the members in
    /// the subtree, as the tree was, on `on` (the year's end, or today for the current year),
    /// with their ratings of `year`. A member who has left since still counts for that year; one
    /// who arrived since does not.
    pub fn summary(
        conn: &mut DbConn,
        root_id: OrgId,
        year: i32,
        on: NaiveDate,
        quota: (u32, QuotaBase),
    ) -> AppResult<dto::EvaluationSummary> {
        let sql = format!(
            "{SPANS},
{DUE}
SELECT 'total' AS grp, 'members' AS metric, COUNT(*) AS n FROM due
UNION ALL
SELECT 'total', e.level, COUNT(*) FROM due
    JOIN evaluations e ON e.member_id = due.member_id, params p
    WHERE e.year = p.yr GROUP BY e.level"
        );
        let p = TallyParams {
            root: root_id.into(),
            from: on,
            to: on,
            year: i64::from(year),
        };
        let mut s = dto::EvaluationSummary {
            quota_percent: quota.0,
            quota_base: quota.1,
            ..Default::default()
        };
        let mut rated = 0;
        for t in tally::run(conn, &sql, p)? {
            let n = t.n;
            match t.metric.as_deref().map(EvaluationLevel::parse) {
                Some(Ok(level)) => {
                    rated += n;
                    match level {
                        EvaluationLevel::Excellent => s.excellent += n,
                        EvaluationLevel::Good => s.good += n,
                        EvaluationLevel::Complete => s.complete += n,
                        EvaluationLevel::NotComplete => s.not_complete += n,
                        EvaluationLevel::NotRated => s.not_rated += n,
                    }
                }
                _ => s.total += n,
            }
        }
        s.unrated_yet = (s.total - rated).max(0);
        finish_summary(&mut s);
        Ok(s)
    }

    /// The API view.
    pub fn to_dto(&self) -> dto::Evaluation {
        dto::Evaluation {
            member_id: self.member_id,
            year: self.year,
            level: self.level,
            score: self.score.and_then(|s| u32::try_from(s).ok()),
            not_rated_reason: self.not_rated_reason,
            note: self.note.clone(),
            grassroots_organization_id: self.grassroots_org_id,
            regulation: self.regulation.clone(),
            level_reason: self.level_reason.clone(),
            self_remedied: self.self_remedied,
            maternity_from: self.maternity_from,
            maternity_to: self.maternity_to,
            version: self.version,
            updated_at: super::utc(self.updated_at),
        }
    }
}

/// Fills the derived fields of a summary (due, coverage, quota).
pub fn finish_summary(s: &mut dto::EvaluationSummary) {
    s.due = (s.total - s.not_rated).max(0);
    let rated = s.excellent + s.good + s.complete + s.not_complete;
    s.coverage = rules::coverage(rated, s.due);
    let base = rules::quota_base(s.excellent, s.good, s.quota_base);
    s.max_excellent = rules::max_excellent(base, s.quota_percent);
    s.quota_excess = (s.excellent - s.max_excellent).max(0);
}

/// Dates bounding a year.
pub fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    (rules::year_start(year), rules::year_end(year))
}
