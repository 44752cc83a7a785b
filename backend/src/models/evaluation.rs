//! Yearly ratings and the grassroots rounds they belong to.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::evaluations::{self as dto, EvaluationLevel, NotRatedReason};
use qldv_api_types::{EvaluationId, MemberId, OrgId, UserId};

use crate::auth::Scope;
use crate::db::schema::{evaluations, members};
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

/// Path bounds of the scope, or of the whole tree (every path starts with `/`, and `0` follows
/// `/`), so that the queries below need no boxing.
fn scope_bounds(scope: &Scope) -> (String, String) {
    scope
        .path_range()
        .unwrap_or_else(|| ("/".to_string(), "0".to_string()))
}

/// Members to be rated in `year`: active, admitted by the year's end, inside the scope and the
/// subtree at `subtree_path`.
macro_rules! to_rate {
    ($scope:expr, $subtree_path:expr, $year:expr) => {{
        let (lo, hi) = crate::domain::tree::subtree_range($subtree_path);
        let (slo, shi) = scope_bounds($scope);
        members::org_path
            .ge(lo)
            .and(members::org_path.lt(hi))
            .and(members::org_path.ge(slo))
            .and(members::org_path.lt(shi))
            .and(members::status.eq_any(qldv_api_types::members::MemberStatus::ACTIVE))
            .and(members::admission_decision_on.le(rules::year_end($year)))
    }};
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

    /// One page of the members to be rated, in Vietnamese name order after a cursor.
    pub fn list(
        conn: &mut DbConn,
        scope: &Scope,
        subtree_path: &str,
        year: i32,
        after: Option<(String, MemberId)>,
        limit: i64,
    ) -> AppResult<Vec<ListRow>> {
        let q = members::table
            .filter(to_rate!(scope, subtree_path, year))
            .into_boxed();
        let q = crate::models::member::after_name(q, after);
        let people: Vec<(MemberId, String, OrgId, String)> = q
            .order((members::name_sort_key.asc(), members::id.asc()))
            .limit(limit)
            .select((
                members::id,
                members::full_name,
                members::organization_id,
                members::name_sort_key,
            ))
            .load(conn)?;
        let ids: Vec<MemberId> = people.iter().map(|p| p.0).collect();
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
            .map(|(id, name, org, key)| {
                let e = rated.remove(&id);
                (id, name, org, key, e)
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
due AS (
    SELECT DISTINCT s.member_id FROM member_spans s, params p WHERE s.a <= p.d_to AND s.b > p.d_to
)
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
