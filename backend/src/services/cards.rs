//! Party cards (rule 17): issue by the superior level, reissue, revoke, collection on exit.

use chrono::NaiveDate;
use qldv_api_types::cards::{CardStatus, IssueCard, ReissueCard, RevokeCard};
use qldv_api_types::movements::MembershipEnd;
use qldv_api_types::CardId;

use crate::auth::{Actor, AuthUser};
use crate::db::DbConn;
use crate::domain::card as rules;
use crate::error::{AppError, AppResult};
use crate::messages::cards as msg;
use crate::models::audit::{self, Subject};
use crate::models::card::{CardRow, NewCard};
use crate::models::member::MemberRow;
use crate::models::organization::OrganizationRow;
use crate::models::setting;
use crate::models::uow::Uow;

fn audit_card(
    conn: &mut Uow<'_>,
    actor: &Actor,
    action: qldv_api_types::audit::AuditAction,
    path: &str,
    before: Option<&CardRow>,
    after: &CardRow,
) -> AppResult<()> {
    audit::record(
        conn,
        actor,
        action,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::Card,
            id: after.id.into(),
            scope_path: Some(path),
        },
        before,
        Some(after),
    )
}

/// 403 unless the caller is of the level above the member's grassroots organisation: its scope
/// root a strict ancestor of it (a national administrator's whole tree always is). A scoped
/// administrator is bound by the level of its organisation as an organizer is.
/// The caller's role was checked by the route (a `Writer`).
fn require_superior(conn: &mut DbConn, caller: &AuthUser, m: &MemberRow) -> AppResult<()> {
    let grassroots = OrganizationRow::grassroots_of(conn, &m.org_path)?;
    if rules::issuer_is_superior(caller.scope.root_path(), &grassroots.path) {
        Ok(())
    } else {
        Err(msg::superior_only())
    }
}

/// The number to print: the given one (checked) or the next generated one.
fn number(conn: &mut DbConn, given: Option<&str>, digits: u32) -> AppResult<String> {
    match given.map(str::trim) {
        Some(n) => {
            rules::check_number(n, digits)
                .map_err(|v| AppError::field("card_number", v.code, v.text()))?;
            if CardRow::number_taken(conn, n)? {
                return Err(msg::number_taken(n));
            }
            Ok(n.to_string())
        }
        None => CardRow::next_number(conn, digits),
    }
}

fn insert_active(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    m: &MemberRow,
    given: Option<&str>,
    issued_on: NaiveDate,
    decision_no: &str,
    replaces_id: Option<CardId>,
) -> AppResult<CardRow> {
    let settings = setting::at(conn, issued_on)?;
    let number = number(conn, given, settings.card_number_digits)?;
    let card = CardRow::insert(
        conn,
        &NewCard {
            member_id: m.id,
            card_number: &number,
            issued_on,
            decision_no: decision_no.trim(),
            replaces_id,
            regulation: &settings.regulation,
            by: caller.id,
        },
    )
    .map_err(|e| match e {
        AppError::Conflict("already_exists", _) => msg::already_active(),
        other => other,
    })?;
    MemberRow::set_card_number(conn, m.id, Some(&card.card_number))?;
    Ok(card)
}

/// Issues a member's first (or next, after a revocation) card.
pub fn issue(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    body: &IssueCard,
) -> AppResult<(CardRow, MemberRow)> {
    let m = MemberRow::find(conn, &caller.scope, body.member_id)?;
    require_superior(conn, caller, &m)?;
    rules::check_member(m.status)?;
    if body.issued_on < m.official_on.unwrap_or(m.ceremony_on) {
        return Err(msg::issued_before_official());
    }
    if CardRow::active_of(conn, m.id)?.is_some() {
        return Err(msg::already_active());
    }
    let card = insert_active(
        conn,
        caller,
        &m,
        body.card_number.as_deref(),
        body.issued_on,
        &body.decision_no,
        None,
    )?;
    audit_card(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Issue,
        &m.org_path,
        None,
        &card,
    )?;
    Ok((card, m))
}

/// Reissues a lost or damaged card, or exchanges it (the 2025 national exchange): the old one
/// is void, the new one replaces it.
pub fn reissue(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: CardId,
    expected: Option<i64>,
    body: &ReissueCard,
) -> AppResult<(CardRow, MemberRow)> {
    let (old, _, _) = CardRow::find(conn, &caller.scope, id)?;
    let m = MemberRow::find(conn, &caller.scope, old.member_id)?;
    require_superior(conn, caller, &m)?;
    rules::check_member(m.status)?;
    if old.status != CardStatus::Active {
        return Err(msg::not_active());
    }
    if body.issued_on < old.issued_on {
        return Err(msg::reissued_before_old());
    }
    let version = crate::models::check_version(expected, old.version)?;
    // The end reason is free text (a revocation's reason, an exit): a reissue writes its code.
    let voided = CardRow::end(
        conn,
        old.id,
        version,
        rules::status_after_reissue(body.reason),
        body.issued_on,
        body.reason.as_str(),
    )?;
    let card = insert_active(
        conn,
        caller,
        &m,
        body.card_number.as_deref(),
        body.issued_on,
        &body.decision_no,
        Some(old.id),
    )?;
    audit_card(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Void,
        &m.org_path,
        Some(&old),
        &voided,
    )?;
    audit_card(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Reissue,
        &m.org_path,
        None,
        &card,
    )?;
    Ok((card, m))
}

/// Revokes a card by decision.
pub fn revoke(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: CardId,
    expected: Option<i64>,
    body: &RevokeCard,
) -> AppResult<(CardRow, String)> {
    let (old, name, path) = CardRow::find(conn, &caller.scope, id)?;
    let m = MemberRow::find(conn, &caller.scope, old.member_id)?;
    require_superior(conn, caller, &m)?;
    let version = crate::models::check_version(expected, old.version)?;
    let card = CardRow::end(
        conn,
        old.id,
        version,
        CardStatus::Revoked,
        body.effective_on,
        body.reason.trim(),
    )?;
    MemberRow::set_card_number(conn, m.id, None)?;
    audit_card(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Revoke,
        &path,
        Some(&old),
        &card,
    )?;
    Ok((card, name))
}

/// Rule 12: on an exit the active card is recorded as collected, or on a death as kept by the
/// family ([`rules::status_on_exit`]); either way it is no longer active.
pub fn end_on_exit(
    conn: &mut Uow<'_>,
    actor: &Actor,
    m: &MemberRow,
    on: NaiveDate,
    reason: MembershipEnd,
) -> AppResult<()> {
    let Some(status) = rules::status_on_exit(reason) else {
        return Ok(());
    };
    let Some(card) = CardRow::active_of(conn, m.id)? else {
        return Ok(());
    };
    let after = CardRow::end(conn, card.id, card.version, status, on, reason.as_str())?;
    MemberRow::set_card_number(conn, m.id, None)?;
    let action = match status {
        CardStatus::Kept => qldv_api_types::audit::AuditAction::Keep,
        _ => qldv_api_types::audit::AuditAction::Collect,
    };
    audit_card(conn, actor, action, &m.org_path, Some(&card), &after)
}
