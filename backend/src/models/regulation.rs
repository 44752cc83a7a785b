//! The regulation documents, their places in the chains and their stored parameters, as the
//! national administrator edits them (each change versioned and audited by the service).

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::regulations::{self as dto, RegulationChain};
use qldv_api_types::UserId;

use crate::db::schema::{counters, regulation_chains, regulations, rule_settings};
use crate::db::DbConn;
use crate::domain::chains::{self, chain_of_key, Link};
use crate::error::{AppError, AppResult};
use crate::messages::regulations as msg;

/// The counter of settings changes at this installation.
const VERSION_COUNTER: &str = "settings_version";

/// A stored parameter, as audited.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = rule_settings)]
pub struct SettingRow {
    /// Id.
    pub id: i64,
    /// The document.
    pub regulation: String,
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
    /// Its version.
    pub version: i64,
}

/// A document's place in a chain, as audited.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LinkRow {
    /// Id.
    pub id: i64,
    /// The chain.
    pub chain: RegulationChain,
    /// The document.
    pub regulation: String,
    /// In force in that chain from.
    pub in_force_from: NaiveDate,
}

/// Every stored parameter as `(document, key, value)`.
pub fn all_settings(conn: &mut DbConn) -> AppResult<Vec<SettingRow>> {
    Ok(rule_settings::table
        .order((rule_settings::regulation.asc(), rule_settings::key.asc()))
        .select(SettingRow::as_select())
        .load(conn)?)
}

/// This installation's settings version (0 before any is recorded).
pub fn version(conn: &mut DbConn) -> AppResult<i64> {
    Ok(counters::table
        .find(VERSION_COUNTER)
        .select(counters::value)
        .first(conn)
        .optional()?
        .unwrap_or(0))
}

/// Counts one more change of the settings; the new version.
pub fn bump_version(conn: &mut DbConn) -> AppResult<i64> {
    let n = diesel::update(counters::table.find(VERSION_COUNTER))
        .set(counters::value.eq(counters::value + 1))
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(counters::table)
            .values((counters::name.eq(VERSION_COUNTER), counters::value.eq(1i64)))
            .execute(conn)?;
    }
    version(conn)
}

/// The version and digest of the settings: what a sync package carries.
pub fn fingerprint(conn: &mut DbConn) -> AppResult<(i64, String)> {
    let links = super::setting::links(conn)?;
    let settings: Vec<(String, String, String)> = all_settings(conn)?
        .into_iter()
        .map(|s| (s.regulation, s.key, s.value))
        .collect();
    Ok((version(conn)?, chains::digest(&links, &settings)))
}

/// Every chain's documents with their parameters, and the documents in force on `today`.
pub fn set(conn: &mut DbConn, today: NaiveDate) -> AppResult<dto::RegulationSet> {
    type Doc = (String, String, Option<NaiveDate>, Option<String>);
    let docs: Vec<Doc> = regulations::table
        .select((
            regulations::code,
            regulations::title,
            regulations::signed_on,
            regulations::guide,
        ))
        .load(conn)?;
    let links = super::setting::links(conn)?;
    let settings = all_settings(conn)?;
    let mut items: Vec<dto::Regulation> = links
        .iter()
        .filter_map(|l| {
            let (code, title, signed_on, guide) = docs.iter().find(|d| d.0 == l.code)?.clone();
            Some(dto::Regulation {
                settings: settings
                    .iter()
                    .filter(|s| s.regulation == code && chain_of_key(&s.key) == l.chain)
                    .map(|s| dto::RuleSetting {
                        key: s.key.clone(),
                        chain: l.chain,
                        value: s.value.clone(),
                        version: s.version,
                    })
                    .collect(),
                code,
                title,
                chain: l.chain,
                in_force_from: l.from,
                signed_on,
                guide,
            })
        })
        .collect();
    items.sort_by(|a, b| {
        (a.chain, a.in_force_from, &a.code).cmp(&(b.chain, b.in_force_from, &b.code))
    });
    let in_force = chains::documents_on(&links, today)
        .into_iter()
        .map(|(chain, code)| dto::InForce { chain, code })
        .collect();
    let flat: Vec<(String, String, String)> = settings
        .into_iter()
        .map(|s| (s.regulation, s.key, s.value))
        .collect();
    Ok(dto::RegulationSet {
        items,
        in_force,
        settings_version: version(conn)?,
        settings_digest: chains::digest(&links, &flat),
    })
}

/// Adds a document to a chain from a date (the document itself when new), its parameters
/// copied from the chain's document in force the day before (those of its own chain only).
pub fn add_link(conn: &mut DbConn, body: &dto::NewRegulation, by: UserId) -> AppResult<LinkRow> {
    let links = super::setting::links(conn)?;
    chains::check_new_link(&links, body.chain, body.in_force_from).map_err(msg::goes_back)?;
    let code = body.code.trim();
    if links
        .iter()
        .any(|l| l.chain == body.chain && l.code == code)
    {
        return Err(msg::already_in_chain(code));
    }
    let known: i64 = regulations::table
        .filter(regulations::code.eq(code))
        .count()
        .get_result(conn)?;
    if known == 0 {
        let taken: i64 = regulations::table
            .filter(regulations::effective_from.eq(body.in_force_from))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            return Err(msg::date_taken());
        }
        diesel::insert_into(regulations::table)
            .values((
                regulations::code.eq(code),
                regulations::title.eq(body.title.trim()),
                regulations::effective_from.eq(body.in_force_from),
                regulations::signed_on.eq(body.signed_on),
                regulations::guide.eq(body.guide.as_deref().map(str::trim)),
            ))
            .execute(conn)?;
    }
    let previous = body
        .in_force_from
        .pred_opt()
        .and_then(|d| chains::in_force(&links, body.chain, d))
        .map(str::to_string);
    if let Some(previous) = previous {
        let rows: Vec<(String, String)> = rule_settings::table
            .filter(rule_settings::regulation.eq(&previous))
            .select((rule_settings::key, rule_settings::value))
            .load(conn)?;
        for (key, value) in rows
            .into_iter()
            .filter(|(k, _)| chain_of_key(k) == body.chain)
        {
            let exists: i64 = rule_settings::table
                .filter(rule_settings::regulation.eq(code))
                .filter(rule_settings::key.eq(&key))
                .count()
                .get_result(conn)?;
            if exists == 0 {
                diesel::insert_into(rule_settings::table)
                    .values((
                        rule_settings::regulation.eq(code),
                        rule_settings::key.eq(&key),
                        rule_settings::value.eq(&value),
                        rule_settings::updated_by.eq(Some(by)),
                        rule_settings::updated_at.eq(Some(super::now())),
                    ))
                    .execute(conn)?;
            }
        }
    }
    let id: i64 = diesel::insert_into(regulation_chains::table)
        .values((
            regulation_chains::chain.eq(body.chain.as_str()),
            regulation_chains::regulation.eq(code),
            regulation_chains::in_force_from.eq(body.in_force_from),
            regulation_chains::created_by.eq(Some(by)),
            regulation_chains::created_at.eq(super::now()),
        ))
        .returning(regulation_chains::id)
        .get_result(conn)?;
    Ok(LinkRow {
        id,
        chain: body.chain,
        regulation: code.to_string(),
        in_force_from: body.in_force_from,
    })
}

/// The chains `code` stands in.
pub fn chains_of(conn: &mut DbConn, code: &str) -> AppResult<Vec<Link>> {
    Ok(super::setting::links(conn)?
        .into_iter()
        .filter(|l| l.code == code)
        .collect())
}

/// The stored parameter, if any.
pub fn find_setting(conn: &mut DbConn, code: &str, key: &str) -> AppResult<Option<SettingRow>> {
    Ok(rule_settings::table
        .filter(rule_settings::regulation.eq(code))
        .filter(rule_settings::key.eq(key))
        .select(SettingRow::as_select())
        .first(conn)
        .optional()?)
}

/// Stores a parameter: a new key, or the value of `existing` when its version is still
/// `expected` (412 otherwise).
pub fn save_setting(
    conn: &mut DbConn,
    existing: Option<&SettingRow>,
    expected: Option<i64>,
    (code, key, value): (&str, &str, &str),
    by: UserId,
) -> AppResult<SettingRow> {
    let now = super::now();
    match existing {
        None => {
            diesel::insert_into(rule_settings::table)
                .values((
                    rule_settings::regulation.eq(code),
                    rule_settings::key.eq(key),
                    rule_settings::value.eq(value),
                    rule_settings::updated_by.eq(Some(by)),
                    rule_settings::updated_at.eq(Some(now)),
                ))
                .execute(conn)?;
        }
        Some(old) => {
            let version = super::check_version(expected, old.version)?;
            let n = diesel::update(
                rule_settings::table
                    .filter(rule_settings::id.eq(old.id))
                    .filter(rule_settings::version.eq(version)),
            )
            .set((
                rule_settings::value.eq(value),
                rule_settings::version.eq(rule_settings::version + 1),
                rule_settings::updated_by.eq(Some(by)),
                rule_settings::updated_at.eq(Some(now)),
            ))
            .execute(conn)?;
            if n == 0 {
                return Err(AppError::PreconditionFailed(old.version));
            }
        }
    }
    find_setting(conn, code, key)?.ok_or_else(|| AppError::internal("setting vanished"))
}
