//! Dated rule settings: the regulation in force on a date, with its parameters.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use qldv_api_types::Term;

use crate::db::schema::{regulation_chains, rule_settings};
use crate::db::DbConn;
use crate::domain::chains::{self, Link, RegulationChain};
use crate::domain::settings::RuleSettings;
use crate::error::AppResult;

/// Settings read once for a run of work on this thread (see [`with_cache`]).
#[derive(Default)]
struct Cache {
    /// The chains' documents and dates of force (`None` until read).
    links: Option<Vec<Link>>,
    /// Settings by the documents in force (one per chain).
    by_documents: HashMap<Vec<(RegulationChain, String)>, RuleSettings>,
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

/// Every chain's documents with their dates of force.
pub fn links(conn: &mut DbConn) -> AppResult<Vec<Link>> {
    let rows: Vec<(String, String, NaiveDate)> = regulation_chains::table
        .order((
            regulation_chains::chain.asc(),
            regulation_chains::in_force_from.asc(),
        ))
        .select((
            regulation_chains::chain,
            regulation_chains::regulation,
            regulation_chains::in_force_from,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(chain, code, from)| {
            let chain = RegulationChain::parse(&chain)
                .map_err(|e| crate::error::AppError::internal(e.to_string()))?;
            Ok(Link { chain, code, from })
        })
        .collect()
}

/// The settings of the documents `docs` (one per chain): each chain's keys read from its own
/// document only, over the defaults.
fn settings_of(conn: &mut DbConn, docs: &[(RegulationChain, String)]) -> AppResult<RuleSettings> {
    let codes: Vec<&str> = docs.iter().map(|(_, c)| c.as_str()).collect();
    let rows: Vec<(String, String, String)> = rule_settings::table
        .filter(rule_settings::regulation.eq_any(&codes))
        .order(rule_settings::id.asc())
        .select((
            rule_settings::regulation,
            rule_settings::key,
            rule_settings::value,
        ))
        .load(conn)?;
    let charter = docs
        .iter()
        .find(|(c, _)| *c == RegulationChain::Charter)
        .map(|(_, code)| code.as_str())
        .unwrap_or_default();
    let mut settings = RuleSettings::defaults(charter);
    settings.documents = docs.to_vec();
    for (code, key, value) in rows {
        let chain = chains::chain_of_key(&key);
        if settings.document(chain) != code {
            continue;
        }
        if let Err(e) = settings.apply(&key, &value) {
            tracing::warn!(regulation = %code, error = %e, "ignored a rule setting");
        }
    }
    settings.calendar = super::calendar::work_calendar(conn)?;
    Ok(settings)
}

/// The settings in force on `date`: for each chain, the document with the latest date of force
/// not after it (before a chain's first document, the first one), with its parameters.
pub fn at(conn: &mut DbConn, date: NaiveDate) -> AppResult<RuleSettings> {
    let cached_links = CACHE.with(|c| c.borrow().as_ref().and_then(|k| k.links.clone()));
    let links = match cached_links {
        Some(links) => links,
        None => links(conn)?,
    };
    if links.is_empty() {
        return Err(crate::error::AppError::internal(
            "no regulation is recorded",
        ));
    }
    let docs = chains::documents_on(&links, date);
    let cached = CACHE.with(|c| {
        c.borrow()
            .as_ref()
            .and_then(|cache| cache.by_documents.get(&docs).cloned())
    });
    if let Some(settings) = cached {
        return Ok(settings);
    }
    let settings = settings_of(conn, &docs)?;
    CACHE.with(|c| {
        if let Some(cache) = c.borrow_mut().as_mut() {
            cache.links = Some(links);
            cache.by_documents.insert(docs, settings.clone());
        }
    });
    Ok(settings)
}
