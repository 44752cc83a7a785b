//! Dated rule settings: the regulation in force on a date, with its parameters.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::schema::{regulations, rule_settings};
use crate::db::DbConn;
use crate::domain::settings::RuleSettings;
use crate::error::AppResult;

/// The settings in force on `date` (the regulation with the latest effective date not after it;
/// before the first regulation, the first one).
pub fn at(conn: &mut DbConn, date: NaiveDate) -> AppResult<RuleSettings> {
    let code: Option<String> = regulations::table
        .filter(regulations::effective_from.le(date))
        .order(regulations::effective_from.desc())
        .select(regulations::code)
        .first(conn)
        .optional()?;
    let code = match code {
        Some(c) => c,
        None => regulations::table
            .order(regulations::effective_from.asc())
            .select(regulations::code)
            .first(conn)?,
    };
    let rows: Vec<(String, String)> = rule_settings::table
        .filter(rule_settings::regulation.eq(&code))
        .select((rule_settings::key, rule_settings::value))
        .load(conn)?;
    let mut settings = RuleSettings::defaults(&code);
    for (key, value) in rows {
        if let Err(e) = settings.apply(&key, &value) {
            tracing::warn!(regulation = %code, error = %e, "ignored a rule setting");
        }
    }
    Ok(settings)
}
