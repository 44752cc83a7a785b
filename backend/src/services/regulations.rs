//! The national administrator's edits of the regulation chains and their settings: each one
//! checked against the rules of settings, counted in the settings version and audited.

use qldv_api_types::audit::{AuditAction, AuditEntity};
use qldv_api_types::regulations::{NewRegulation, PutRuleSetting, RuleSetting, RuleSettingChange};

use crate::auth::AuthUser;
use crate::domain::chains::chain_of_key;
use crate::domain::settings::RuleSettings;
use crate::error::{AppError, AppResult};
use crate::messages::regulations as msg;
use crate::models::audit::{self, Subject};
use crate::models::regulation::{self, LinkRow, SettingRow};
use crate::models::uow::Uow;

/// Adds a document to a chain from its date of force (422 when the chain would go back, 409
/// when it is already there); its parameters start as those of the document it replaces.
pub fn add(conn: &mut Uow<'_>, caller: &AuthUser, body: &NewRegulation) -> AppResult<LinkRow> {
    let row = regulation::add_link(conn, body, caller.id)?;
    regulation::bump_version(conn)?;
    audit::record(
        conn,
        &caller.actor(),
        AuditAction::Create,
        Subject {
            entity: AuditEntity::Regulation,
            id: row.id,
            scope_path: None,
        },
        None::<&LinkRow>,
        Some(&row),
    )?;
    Ok(row)
}

/// Sets one parameter of one document: the key must belong to a chain the document stands in,
/// and the value must be one the rules read (422 otherwise); 412 when `expected` (the version
/// named by `If-Match`) is stale.
pub fn put_setting(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    body: &PutRuleSetting,
    expected: Option<i64>,
) -> AppResult<RuleSettingChange> {
    let (code, key, value) = (body.regulation.trim(), body.key.trim(), body.value.trim());
    let chains = regulation::chains_of(conn, code)?;
    if chains.is_empty() {
        return Err(msg::unknown_regulation());
    }
    let chain = chain_of_key(key);
    if !chains.iter().any(|l| l.chain == chain) {
        return Err(msg::other_chain(code, key));
    }
    RuleSettings::defaults(code)
        .apply(key, value)
        .map_err(|e| AppError::field("value", "setting_invalid", msg::invalid_value(&e)))?;
    let before = regulation::find_setting(conn, code, key)?;
    let after = regulation::save_setting(
        conn,
        before.as_ref(),
        expected,
        (code, key, value),
        caller.id,
    )?;
    let settings_version = regulation::bump_version(conn)?;
    audit::record(
        conn,
        &caller.actor(),
        if before.is_some() {
            AuditAction::Update
        } else {
            AuditAction::Create
        },
        Subject {
            entity: AuditEntity::RuleSetting,
            id: after.id,
            scope_path: None,
        },
        before.as_ref(),
        Some(&after),
    )?;
    Ok(change_dto(&after, chain, settings_version))
}

fn change_dto(
    row: &SettingRow,
    chain: qldv_api_types::regulations::RegulationChain,
    settings_version: i64,
) -> RuleSettingChange {
    RuleSettingChange {
        regulation: row.regulation.clone(),
        setting: RuleSetting {
            key: row.key.clone(),
            chain,
            value: row.value.clone(),
            version: row.version,
        },
        settings_version,
        changed_at: chrono::Utc::now(),
    }
}
