//! Yearly ratings (rules 14–15) and closing a grassroots organisation's round (rule 16).

use qldv_api_types::evaluations::{
    EvaluationLevel, EvaluationRound, EvaluationSummary, PutEvaluation,
};
use qldv_api_types::{MemberId, OrgId};

use crate::auth::{AuthUser, Scope};
use crate::db::DbConn;
use crate::domain::evaluation::{self as rules, Level, Rating, RatingFacts};
use crate::error::AppResult;
use crate::messages::{self, evaluations as msg};
use crate::models::audit::{self, Subject};
use crate::models::evaluation::{year_bounds, EvaluationRow, NewRating};
use crate::models::evaluation_round::{round_dto, round_status, RoundRow};
use crate::models::illness::IllnessRow;
use crate::models::member::{covers, MemberRow};
use crate::models::organization::OrganizationRow;
use crate::models::setting;
use crate::models::uow::Uow;

fn rating_of(body: &PutEvaluation) -> Rating {
    let declared = body.not_rated_reason;
    match body.level {
        EvaluationLevel::Excellent => Rating::Rated(Level::Excellent),
        EvaluationLevel::Good => Rating::Rated(Level::Good),
        EvaluationLevel::Complete => Rating::Rated(Level::Complete),
        EvaluationLevel::NotComplete => Rating::Rated(Level::NotComplete),
        EvaluationLevel::NotRated => Rating::NotRated(declared),
    }
}

/// Records (or corrects) a member's rating for `year`; 409 `round_closed` once the member's
/// grassroots organisation has closed that year.
pub fn put(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    year: i32,
    expected: Option<i64>,
    body: &PutEvaluation,
    today: chrono::NaiveDate,
) -> AppResult<EvaluationRow> {
    let m = MemberRow::find(conn, &caller.scope, id)?;
    if !m.status.is_active() {
        return Err(messages::members::not_active());
    }
    use chrono::Datelike;
    if year > today.year() || year < 1930 {
        return Err(msg::year_range(today.year()));
    }
    let grassroots = OrganizationRow::grassroots_of(conn, &m.org_path)?;
    rules::require_open(RoundRow::status_of(conn, grassroots.id, year)?)
        .map_err(|r| messages::round_refused(r, year, (&grassroots.name, grassroots.id)))?;
    let (start, end) = year_bounds(year);
    let judged_on = end.min(today);
    let settings = setting::at(conn, end)?;
    let illnesses = IllnessRow::of_member(conn, m.id)?;
    let facts = RatingFacts {
        year,
        admitted_on: m.admission_decision_on,
        exempt: covers(m.exempt_from, m.exempt_to, judged_on),
        illness_days: IllnessRow::days_within(&illnesses, start, end),
    };
    let score = body.score;
    let reason = rules::check_rating(rating_of(body), score, &facts, &settings)?;
    let before = EvaluationRow::find(conn, m.id, year)?;
    let after = EvaluationRow::save(
        conn,
        before.as_ref(),
        expected,
        &NewRating {
            member_id: m.id,
            year,
            grassroots_org_id: grassroots.id,
            level: body.level,
            score: score.and_then(|s| i32::try_from(s).ok()),
            not_rated_reason: reason,
            note: body
                .note
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty()),
            regulation: &settings.regulation,
            by: caller.id,
        },
    )?;
    audit::record(
        conn,
        &caller.actor(),
        if before.is_some() {
            qldv_api_types::audit::AuditAction::Update
        } else {
            qldv_api_types::audit::AuditAction::Create
        },
        Subject {
            entity: qldv_api_types::audit::AuditEntity::Evaluation,
            id: after.id,
            scope_path: Some(&m.org_path),
        },
        before.as_ref(),
        Some(&after),
    )?;
    Ok(after)
}

/// The summary of a subtree for a year, with the quota of the regulation in force at its end.
pub fn summary(
    conn: &mut DbConn,
    scope: &Scope,
    subtree_path: &str,
    year: i32,
) -> AppResult<EvaluationSummary> {
    let settings = setting::at(conn, year_bounds(year).1)?;
    EvaluationRow::summary(
        conn,
        scope,
        subtree_path,
        year,
        settings.excellent_quota_percent,
    )
}

/// The round of `org` for `year` when `org` is a grassroots organisation (its own grassroots).
pub fn round(
    conn: &mut DbConn,
    scope: &Scope,
    org: &OrganizationRow,
    year: i32,
    live: EvaluationSummary,
) -> AppResult<Option<EvaluationRound>> {
    let grassroots = OrganizationRow::grassroots_of(conn, &org.path).ok();
    if grassroots.map(|g| g.id) != Some(org.id) || !scope.contains(&org.path) {
        return Ok(None);
    }
    let row = RoundRow::find(conn, org.id, year)?;
    Ok(Some(round_dto(org.id, year, row.as_ref(), live)))
}

/// Closes a grassroots organisation's round for a year: 422 `quota_exceeded` when excellent
/// ratings pass the quota (rule 16), 409 `round_closed` when already closed; the summary is frozen.
pub fn close(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    org: OrgId,
    year: i32,
) -> AppResult<EvaluationRound> {
    let org = OrganizationRow::find(conn, &caller.scope, org)?;
    let grassroots = OrganizationRow::grassroots_of(conn, &org.path)?;
    let status = RoundRow::status_of(conn, org.id, year)?;
    let settings = setting::at(conn, year_bounds(year).1)?;
    let live = EvaluationRow::summary(
        conn,
        &caller.scope,
        &org.path,
        year,
        settings.excellent_quota_percent,
    )?;
    rules::close_round(
        status,
        grassroots.id == org.id,
        live.excellent,
        live.good,
        settings.excellent_quota_percent,
    )
    .map_err(|r| messages::round_refused(r, year, (&grassroots.name, grassroots.id)))?;
    let row = RoundRow::close(conn, org.id, year, &live, &settings.regulation, caller.id)?;
    audit::record(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Close,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::EvaluationRound,
            id: row.id,
            scope_path: Some(&org.path),
        },
        None::<&RoundRow>,
        Some(&row),
    )?;
    Ok(round_dto(org.id, year, Some(&row), live))
}

/// Reopens a closed round (administrators only, checked by the route; audited).
pub fn reopen(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    org: OrgId,
    year: i32,
) -> AppResult<EvaluationRound> {
    let org = OrganizationRow::find(conn, &caller.scope, org)?;
    let found = RoundRow::find(conn, org.id, year)?;
    let refused = |r| messages::round_refused(r, year, (&org.name, org.id));
    rules::reopen_round(round_status(found.as_ref())).map_err(refused)?;
    let before = found.ok_or_else(|| refused(rules::RoundRefusal::NotClosed))?;
    RoundRow::reopen(conn, org.id, year)?;
    let after = RoundRow::find(conn, org.id, year)?;
    audit::record(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Reopen,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::EvaluationRound,
            id: before.id,
            scope_path: Some(&org.path),
        },
        Some(&before),
        after.as_ref(),
    )?;
    let live = summary(conn, &caller.scope, &org.path, year)?;
    Ok(round_dto(org.id, year, after.as_ref(), live))
}
