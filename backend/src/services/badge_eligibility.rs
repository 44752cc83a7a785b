//! One member's badge eligibility on an occasion (rules 18–20), with the reason when not.

use chrono::NaiveDate;
use qldv_api_types::badges::BadgeEligibility;
use qldv_api_types::{ErrorCode, MemberId};

use crate::auth::Scope;
use crate::db::DbConn;
use crate::domain::badge as rules;
use crate::error::{AppError, AppResult};
use crate::models::badge;
use crate::models::member::MemberRow;
use crate::models::setting;

/// The member's eligibility on `occasion` (422 `not_an_occasion` when it is none for the
/// member), or on the next occasion from `today` when none is given.
pub fn of_member(
    conn: &mut DbConn,
    scope: &Scope,
    id: MemberId,
    occasion: Option<NaiveDate>,
    today: NaiveDate,
) -> AppResult<BadgeEligibility> {
    let m = MemberRow::find(conn, scope, id)?;
    let (on, special) = match occasion {
        Some(on) => (
            on,
            super::badge_occasions::check_for(conn, &m.org_path, on)?,
        ),
        None => super::badge_occasions::next_for(conn, &m.org_path, today)?,
    };
    let settings = setting::at(conn, on)?;
    let facts = badge::facts_of(conn, std::slice::from_ref(&m))?;
    let (f, _) = facts
        .get(&m.id)
        .ok_or_else(|| AppError::internal("facts of a loaded member missing"))?;
    let result = rules::eligible(f, on, &settings);
    let next = rules::next_milestone(f, &settings);
    let (eligibility, refusal) = match result {
        Ok(e) => (Some(e), None),
        Err(v) => (None, Some(v)),
    };
    Ok(BadgeEligibility {
        member_id: m.id,
        occasion_on: on,
        special_occasion: special,
        eligible: eligibility.is_some(),
        milestone: eligibility.map(|e| e.milestone),
        party_age_years: eligibility.map_or_else(|| rules::years_on(f, on), |e| e.party_age_years),
        early: eligibility.is_some_and(|e| e.early),
        posthumous: eligibility.is_some_and(|e| e.posthumous),
        refusal_code: refusal
            .as_ref()
            .map(|v| ErrorCode::from_wire(v.code).unwrap_or(ErrorCode::Unrecognised)),
        refusal: refusal.map(|v| v.message),
        next_milestone: next.map(|(m, _)| m),
        next_milestone_on: next.map(|(_, d)| d),
        regulation: settings.regulation,
    })
}
