//! Dated rule settings: the regulation in force on a date, with its parameters.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::schema::{regulations, rule_settings};
use crate::db::DbConn;
use crate::domain::settings::RuleSettings;
use crate::error::AppResult;

/// Settings read once for a run of work on this thread (see [`with_cache`]).
#[derive(Default)]
struct Cache {
    /// Regulations by effective date, earliest first (`None` until read).
    regulations: Option<Vec<(NaiveDate, String)>>,
    /// Settings by regulation code.
    by_code: HashMap<String, RuleSettings>,
}

thread_local! {
    static CACHE: RefCell<Option<Cache>> = const { RefCell::new(None) };
}

/// Runs `work` with the settings read at most once: every [`at`] on this thread inside it sees
/// the regulations and parameters as first read (an import judges all its rows by the same
/// rules, without reading them again for each row). Nested calls share the outer cache.
pub fn with_cache<T>(work: impl FnOnce() -> T) -> T {
    /// Drops the cache when the work ends, however it ends.
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            CACHE.with(|c| *c.borrow_mut() = None);
        }
    }
    if CACHE.with(|c| c.borrow().is_some()) {
        return work();
    }
    CACHE.with(|c| *c.borrow_mut() = Some(Cache::default()));
    let _reset = Reset;
    work()
}

/// The regulation in force on `date` among `regs` (earliest first): the latest effective on or
/// before it; before the first regulation, the first one.
fn code_on(regs: &[(NaiveDate, String)], date: NaiveDate) -> Option<&str> {
    regs.iter()
        .rev()
        .find(|(from, _)| *from <= date)
        .or_else(|| regs.first())
        .map(|(_, code)| code.as_str())
}

fn regulations(conn: &mut DbConn) -> AppResult<Vec<(NaiveDate, String)>> {
    Ok(regulations::table
        .order((regulations::effective_from.asc(), regulations::code.asc()))
        .select((regulations::effective_from, regulations::code))
        .load(conn)?)
}

fn settings_of(conn: &mut DbConn, code: &str) -> AppResult<RuleSettings> {
    let rows: Vec<(String, String)> = rule_settings::table
        .filter(rule_settings::regulation.eq(code))
        .select((rule_settings::key, rule_settings::value))
        .load(conn)?;
    let mut settings = RuleSettings::defaults(code);
    for (key, value) in rows {
        if let Err(e) = settings.apply(&key, &value) {
            tracing::warn!(regulation = %code, error = %e, "ignored a rule setting");
        }
    }
    settings.calendar = super::calendar::work_calendar(conn)?;
    Ok(settings)
}

/// The settings in force on `date` (the regulation with the latest effective date not after it;
/// before the first regulation, the first one).
pub fn at(conn: &mut DbConn, date: NaiveDate) -> AppResult<RuleSettings> {
    let cached = CACHE.with(|c| {
        c.borrow().as_ref().and_then(|cache| {
            let code = code_on(cache.regulations.as_deref()?, date)?;
            cache.by_code.get(code).cloned()
        })
    });
    if let Some(settings) = cached {
        return Ok(settings);
    }
    let regs = match CACHE.with(|c| c.borrow().as_ref().and_then(|k| k.regulations.clone())) {
        Some(regs) => regs,
        None => regulations(conn)?,
    };
    let code = code_on(&regs, date)
        .ok_or_else(|| crate::error::AppError::internal("no regulation is recorded"))?
        .to_string();
    let settings = settings_of(conn, &code)?;
    CACHE.with(|c| {
        if let Some(cache) = c.borrow_mut().as_mut() {
            cache.regulations = Some(regs);
            cache.by_code.insert(code, settings.clone());
        }
    });
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_regulation_in_force_is_the_latest_begun_or_else_the_first() {
        let regs = vec![
            (d(2011, 1, 1), "a".to_string()),
            (d(2021, 10, 1), "b".to_string()),
        ];
        assert_eq!(code_on(&regs, d(2000, 1, 1)), Some("a"));
        assert_eq!(code_on(&regs, d(2021, 9, 30)), Some("a"));
        assert_eq!(code_on(&regs, d(2021, 10, 1)), Some("b"));
        assert_eq!(code_on(&regs, d(2030, 1, 1)), Some("b"));
        assert_eq!(code_on(&[], d(2030, 1, 1)), None);
    }
}
