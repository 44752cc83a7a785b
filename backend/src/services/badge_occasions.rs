//! Award occasions (rule 18): the four anniversaries, and the special occasions a provincial
//! standing committee decides, recorded for an organisation and valid in its subtree.

use chrono::{Datelike, NaiveDate};
use qldv_api_types::badges::{BadgeOccasion, RecordOccasion};
use qldv_api_types::OrgId;

use crate::auth::{AuthUser, Scope};
use crate::db::DbConn;
use crate::domain::badge::occasion;
use crate::domain::tree::is_within;
use crate::error::{AppError, AppResult};
use crate::messages::badges as msg;
use crate::models::audit::{self, Subject};
use crate::models::badge_occasion::OccasionRow;
use crate::models::organization::OrganizationRow;
use crate::models::uow::Uow;

/// Where an occasion applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applies {
    /// One of the four anniversaries: everywhere.
    Everywhere,
    /// A special occasion: in the subtrees of these organisation paths.
    Under(Vec<String>),
}

impl Applies {
    /// Whether a member at `path` may be awarded on the occasion.
    pub fn covers(&self, path: &str) -> bool {
        match self {
            Applies::Everywhere => true,
            Applies::Under(roots) => roots.iter().any(|r| is_within(path, r)),
        }
    }
}

fn refuse(on: NaiveDate) -> AppError {
    match occasion::check(on, &[]) {
        Err(v) => v.into(),
        Ok(_) => AppError::internal("an anniversary refused"),
    }
}

/// Checks `on` for a member at `path`: `Ok(true)` for a special occasion that applies there,
/// `Ok(false)` for an anniversary, 422 `not_an_occasion` otherwise.
pub fn check_for(conn: &mut DbConn, path: &str, on: NaiveDate) -> AppResult<bool> {
    if occasion::is_fixed(on) {
        return Ok(false);
    }
    let paths = OccasionRow::paths_on(conn, on)?;
    let specials = if paths.iter().any(|p| is_within(path, p)) {
        vec![on]
    } else {
        Vec::new()
    };
    occasion::check(on, &specials).map_err(Into::into)
}

/// Where `on` applies inside the subtree at `root` (`None`: the whole tree): 422
/// `not_an_occasion` when nowhere in it.
pub fn applies_in(conn: &mut DbConn, root: Option<&str>, on: NaiveDate) -> AppResult<Applies> {
    if occasion::is_fixed(on) {
        return Ok(Applies::Everywhere);
    }
    let relevant: Vec<String> = OccasionRow::paths_on(conn, on)?
        .into_iter()
        .filter(|p| root.is_none_or(|r| is_within(r, p) || is_within(p, r)))
        .collect();
    if relevant.is_empty() {
        return Err(refuse(on));
    }
    Ok(Applies::Under(relevant))
}

/// The next occasion on or after `today` for a member at `path`, and whether it is special.
pub fn next_for(conn: &mut DbConn, path: &str, today: NaiveDate) -> AppResult<(NaiveDate, bool)> {
    let until = NaiveDate::from_ymd_opt(today.year().saturating_add(1), 12, 31).unwrap_or(today);
    let specials: Vec<NaiveDate> = OccasionRow::applying_to(conn, Some(path), today, until)?
        .into_iter()
        .map(|o| o.occasion_on)
        .collect();
    Ok(occasion::next(today, &specials))
}

/// Records a special occasion: the provincial level only (403), for an organisation in the
/// caller's scope (404), on a day other than the anniversaries (422), once (409).
pub fn record(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    body: &RecordOccasion,
) -> AppResult<OccasionRow> {
    super::badges::require_provincial(conn, caller)?;
    let org = OrganizationRow::find(conn, &caller.scope, body.organization_id)?;
    if occasion::is_fixed(body.occasion_on) {
        return Err(msg::occasion_is_fixed());
    }
    let row = OccasionRow::insert(
        conn,
        org.id,
        body.occasion_on,
        body.title.trim(),
        body.decision_no.trim(),
        caller.id,
    )?;
    audit::record(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Create,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::BadgeOccasion,
            id: row.id,
            scope_path: Some(&org.path),
        },
        None::<&OccasionRow>,
        Some(&row),
    )?;
    Ok(row)
}

/// The occasions of `year` for the organisation `org` (default: the caller's scope root; for
/// the whole tree, every recorded one): the four anniversaries and the special occasions that
/// apply there, by date.
pub fn of_year(
    conn: &mut DbConn,
    scope: &Scope,
    org: Option<OrgId>,
    year: i32,
) -> AppResult<Vec<BadgeOccasion>> {
    let path = match org {
        Some(o) => Some(OrganizationRow::find(conn, scope, o)?.path),
        None => scope.root_path().map(str::to_owned),
    };
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Ok(Vec::new());
    };
    let mut out: Vec<BadgeOccasion> = occasion::of_year(year, &[])
        .into_iter()
        .map(|(d, _)| BadgeOccasion {
            occasion_on: d,
            special: false,
            title: None,
            decision_no: None,
            organization_id: None,
        })
        .collect();
    out.extend(
        OccasionRow::applying_to(conn, path.as_deref(), from, to)?
            .iter()
            .map(OccasionRow::to_dto),
    );
    out.sort_by_key(|o| o.occasion_on);
    Ok(out)
}
