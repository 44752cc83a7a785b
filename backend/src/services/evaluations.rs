//! Yearly ratings (rules 14–15) and closing a grassroots organisation's round (rule 16).

use qldv_api_types::evaluations::{
    EvaluationLevel, EvaluationRound, EvaluationSummary, PutEvaluation,
};
use qldv_api_types::{MemberId, OrgId};

use chrono::NaiveDate;
use qldv_api_types::regulations::RegulationChain;

use crate::auth::{AuthUser, Scope};
use crate::db::DbConn;
use crate::domain::evaluation::{self as rules, Level, Rating, RatingFacts};
use crate::error::AppError;
use crate::error::AppResult;
use crate::messages::{self, evaluations as msg};
use crate::models::audit::{self, Subject};
use crate::models::discipline::DisciplineRow;
use crate::models::evaluation::{year_bounds, EvaluationRow, ListRow, NewRating};
use crate::models::evaluation_round::{round_dto, round_status, RoundRow};
use crate::models::illness::IllnessRow;
use crate::models::member::MemberRow;
use crate::models::member_query::covers;
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
    let maternity = match (body.maternity_from, body.maternity_to) {
        (None, None) => None,
        (Some(from), Some(to)) => {
            rules::check_maternity(year, from, to)
                .map_err(|v| AppError::field("maternity_from", v.code, v.text()))?;
            Some((from, to))
        }
        _ => return Err(crate::messages::records::maternity_incomplete()),
    };
    let illnesses = IllnessRow::of_member(conn, m.id)?;
    // Rule 15: rated on the time worked — illness inside a maternity leave is not counted.
    let in_leave = maternity.map_or(0, |(from, to)| {
        IllnessRow::days_within(&illnesses, from.max(start), to.min(end))
    });
    let disciplined_in_year = DisciplineRow::of_member(conn, m.id)?
        .iter()
        .any(|d| d.decided_on >= start && d.decided_on <= end);
    let facts = RatingFacts {
        year,
        admitted_on: m.admission_decision_on,
        exempt: covers(m.exempt_from, m.exempt_to, judged_on),
        illness_days: IllnessRow::days_within(&illnesses, start, end) - in_leave,
        disciplined_in_year,
    };
    let score = body.score;
    let grounds = rules::Grounds {
        level_reason: body.level_reason.as_deref(),
        self_remedied: body.self_remedied,
    };
    let judged = rules::check_rating(rating_of(body), score, grounds, &facts, &settings)?;
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
            not_rated_reason: judged.not_rated_reason,
            note: body
                .note
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty()),
            regulation: settings.document(RegulationChain::Evaluation),
            level_reason: judged.level_reason.as_deref(),
            self_remedied: judged.self_remedied,
            maternity,
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
            id: after.id.into(),
            scope_path: Some(&m.org_path),
        },
        before.as_ref(),
        Some(&after),
    )?;
    Ok(after)
}

/// The summary of a subtree for a year: its membership of that year (as of the year's end, or
/// `today` in the current year), with the quota of the evaluation regulation in force at the
/// year's end.
pub fn summary(
    conn: &mut DbConn,
    org: &OrganizationRow,
    year: i32,
    today: NaiveDate,
) -> AppResult<EvaluationSummary> {
    let end = year_bounds(year).1;
    let settings = setting::at(conn, end)?;
    EvaluationRow::summary(
        conn,
        org.id,
        year,
        judged_on(year, today),
        (settings.excellent_quota_percent, settings.quota_base),
    )
}

/// The day a year's membership is taken on (rule 16): its last day, or today in the current
/// year. The summary and the member list both use it.
fn judged_on(year: i32, today: NaiveDate) -> NaiveDate {
    year_bounds(year).1.min(today)
}

/// One page of the members of `org`'s subtree to be rated for `year`: its membership of that
/// year (the same members the summary counts), each with its rating.
pub fn members_due(
    conn: &mut DbConn,
    org: &OrganizationRow,
    year: i32,
    today: NaiveDate,
    after: Option<(String, MemberId)>,
    limit: i64,
) -> AppResult<Vec<ListRow>> {
    EvaluationRow::list(conn, org.id, year, judged_on(year, today), after, limit)
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
    today: NaiveDate,
) -> AppResult<EvaluationRound> {
    let org = OrganizationRow::find(conn, &caller.scope, org)?;
    let grassroots = OrganizationRow::grassroots_of(conn, &org.path)?;
    let status = RoundRow::status_of(conn, org.id, year)?;
    let settings = setting::at(conn, year_bounds(year).1)?;
    let live = summary(conn, &org, year, today)?;
    rules::close_round(
        status,
        grassroots.id == org.id,
        live.excellent,
        live.good,
        settings.excellent_quota_percent,
        settings.quota_base,
    )
    .map_err(|r| messages::round_refused(r, year, (&grassroots.name, grassroots.id)))?;
    let row = RoundRow::close(
        conn,
        org.id,
        year,
        &live,
        settings.document(RegulationChain::Evaluation),
        caller.id,
    )?;
    audit::record(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Close,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::EvaluationRound,
            id: row.id.into(),
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
    today: NaiveDate,
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
            id: before.id.into(),
            scope_path: Some(&org.path),
        },
        Some(&before),
        after.as_ref(),
    )?;
    let live = summary(conn, &org, year, today)?;
    Ok(round_dto(org.id, year, after.as_ref(), live))
}
