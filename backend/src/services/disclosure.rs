//! Identifiers held outside the caller's scope. That a CCCD or personal-history number is held
//! by a record the caller cannot see is told only for otherwise valid input (the rules answer
//! first), without saying where (409 `recorded_elsewhere`), audited where the holder's board
//! and the nation read it — in a transaction of its own, since the refused write rolls back —
//! and allowed [`DAILY_ALLOWANCE`] times a day per account; past that every check by the account
//! is refused before anything is looked at (429 `identifier_checks_exhausted`), held or not, so
//! the refusal itself tells nothing. National administrators see every record anyway.

use chrono::Duration;
use qldv_api_types::MemberId;
use serde_json::json;

use crate::auth::AuthUser;
use crate::db::{DbConn, DbPool};
use crate::domain::disclosure::{
    allowance_left, HeldElsewhere, Identifier, DAILY_ALLOWANCE, WINDOW_SECONDS,
};
use crate::error::{AppError, AppResult};
use crate::models::audit::{self, Subject};
use crate::models::member::MemberRow;
use crate::models::uow::Uow;
use crate::services::members::{taken, Key};

/// The audit action of an identifier found held outside the caller's scope.
pub const ACTION: qldv_api_types::audit::AuditAction =
    qldv_api_types::audit::AuditAction::IdentifierHeldElsewhere;
/// The audit entity of those entries (the holder's id; not a record the change feed publishes).
pub const ENTITY: qldv_api_types::audit::AuditEntity =
    qldv_api_types::audit::AuditEntity::IdentifierCheck;

/// How many more "held elsewhere" answers `caller` may get today (`u32::MAX` for a national
/// scope, which sees every record).
pub fn allowance(conn: &mut DbConn, caller: &AuthUser) -> AppResult<u32> {
    if caller.scope.is_national() {
        return Ok(u32::MAX);
    }
    let since = crate::models::now() - Duration::seconds(WINDOW_SECONDS);
    let used = audit::count_since(conn, caller.id, ACTION, since)?;
    Ok(allowance_left(used))
}

/// The refusal once the allowance is used up.
pub fn exhausted() -> AppError {
    crate::messages::records::identifier_checks_exhausted(DAILY_ALLOWANCE, WINDOW_SECONDS)
}

/// The caller's allowance, or 429 when it is used up.
pub fn require_allowance(conn: &mut DbConn, caller: &AuthUser) -> AppResult<u32> {
    match allowance(conn, caller)? {
        0 => Err(exhausted()),
        left => Ok(left),
    }
}

/// The answer for an identifier held by the record at `holder` (id, organisation path): a
/// conflict naming the number inside the caller's scope, "held elsewhere" outside it.
pub fn held(caller: &AuthUser, key: Key<'_>, holder: (MemberId, String)) -> AppError {
    let (member_id, org_path) = holder;
    if caller.scope.contains(&org_path) {
        return taken(key);
    }
    AppError::HeldElsewhere(Box::new(HeldElsewhere {
        member_id,
        org_path,
        identifier: match key {
            Key::NationalId(_) => Identifier::NationalId,
            Key::HistoryNo(_) => Identifier::HistoryNo,
        },
    }))
}

/// Checks that no record but `except` holds `key`.
pub fn check(
    conn: &mut DbConn,
    caller: &AuthUser,
    key: Key<'_>,
    except: Option<MemberId>,
) -> AppResult<()> {
    let holder = match key {
        Key::NationalId(n) => MemberRow::national_id_holder(conn, n, except)?,
        Key::HistoryNo(h) => MemberRow::history_no_holder(conn, h, except)?,
    };
    match holder {
        Some(h) => Err(held(caller, key, h)),
        None => Ok(()),
    }
}

/// Audits identifiers told to `caller` as held elsewhere, in a transaction of its own.
pub fn record(conn: &mut DbConn, caller: &AuthUser, found: &[HeldElsewhere]) -> AppResult<()> {
    if found.is_empty() {
        return Ok(());
    }
    let actor = caller.actor();
    crate::db::unit_of_work(conn, |c: &mut Uow<'_>| {
        for h in found {
            audit::record(
                c,
                &actor,
                ACTION,
                Subject {
                    entity: ENTITY,
                    id: h.member_id.into(),
                    scope_path: Some(&h.org_path),
                },
                None::<&()>,
                Some(&json!({
                    "identifier": h.identifier.as_str(),
                    "asked_from": caller.scope.root_path(),
                })),
            )?;
        }
        Ok(())
    })
}

/// Runs a write that may check identifiers, in one transaction: refused at once when the
/// caller's allowance is used up; an identifier found held elsewhere is audited after the
/// write has rolled back.
pub async fn transaction<T, F>(pool: &DbPool, caller: &AuthUser, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut Uow<'_>) -> Result<T, AppError> + Send + 'static,
{
    let checked = caller.clone();
    let result = crate::db::transaction(pool, move |c| {
        require_allowance(c, &checked)?;
        f(c)
    })
    .await;
    match result {
        Err(AppError::HeldElsewhere(h)) => {
            let caller = caller.clone();
            let found = (*h).clone();
            crate::db::run(pool, move |c| record(c, &caller, &[found])).await?;
            Err(AppError::HeldElsewhere(h))
        }
        other => other,
    }
}
