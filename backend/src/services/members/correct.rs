//! Corrections of a dossier (PATCH): recorded as a `profile_corrected` event with every change.

use chrono::NaiveDate;
use qldv_api_types::members::{MemberEventKind, MemberProfile};
use qldv_api_types::MemberId;
use serde_json::{Map, Value};

use super::profile::{self, Identity};
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::models::member::{MemberRow, ProfileChanges};
use crate::models::member_event::{self, NewEvent};
use crate::models::setting;
use crate::models::uow::Uow;
use crate::services::disclosure;
use crate::services::members::Key;

/// The identity a record will have after `p` is applied.
fn identity_after(row: &MemberRow, p: &MemberProfile) -> Identity {
    Identity {
        gender: p.gender.unwrap_or(row.gender),
        birth: p.birth_date.unwrap_or(row.birth_date),
    }
}

/// Field-by-field differences, for the event.
fn diff(before: &MemberRow, after: &MemberRow) -> Map<String, Value> {
    let (Ok(Value::Object(b)), Ok(Value::Object(a))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Map::new();
    };
    let skip = ["version", "updated_at", "name_folded", "name_sort_key"];
    a.iter()
        .filter(|(k, v)| !skip.contains(&k.as_str()) && b.get(*k) != Some(v))
        .map(|(k, v)| {
            (
                k.clone(),
                serde_json::json!({"before": b.get(k).cloned().unwrap_or(Value::Null), "after": v}),
            )
        })
        .collect()
}

/// Checks a profile change against the record and the other records (uniqueness).
pub(super) fn checked_changes(
    conn: &mut DbConn,
    caller: &AuthUser,
    row: &MemberRow,
    p: &MemberProfile,
    today: NaiveDate,
) -> AppResult<ProfileChanges> {
    let mut errors = Vec::new();
    let identity = identity_after(row, p);
    let mut changes = profile::to_changes(p, identity, false, &mut errors);
    // A change of gender or birth date must still agree with the stored CCCD.
    if changes.national_id.is_none() && (p.gender.is_some() || p.birth_date.is_some()) {
        if let Some(n) = &row.national_id {
            let mut probe = MemberProfile {
                national_id: Some(n.clone()),
                ..Default::default()
            };
            probe.gender = Some(identity.gender);
            profile::to_changes(&probe, identity, false, &mut errors);
        }
    }
    if let Some(b) = p.birth_date {
        if b >= today || b >= row.admission_decision_on {
            errors.push(crate::error::FieldIssue::new(
                "birth_date",
                "date_order",
                crate::messages::records::born_before_admission(),
            ));
        }
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        return Err(AppError::Validation(errors));
    }
    if let Some(Some(n)) = &changes.national_id {
        disclosure::check(conn, caller, Key::NationalId(n), Some(row.id))?;
    }
    if let Some(Some(h)) = &changes.personal_history_no {
        disclosure::check(conn, caller, Key::HistoryNo(h), Some(row.id))?;
    }
    // Clearing the name is refused above; keep the folded forms in step with it.
    if changes.full_name.is_none() {
        changes.name_folded = None;
        changes.name_sort_key = None;
    }
    Ok(changes)
}

/// How a profile change is recorded in the history.
pub(super) struct Recorded {
    /// Event kind.
    pub kind: MemberEventKind,
    /// Its effective date.
    pub occurred_on: NaiveDate,
    /// Details beyond the list of changes.
    pub extra: Option<Value>,
}

/// Applies `changes` and records the event with the differences; returns the new row.
pub(super) fn apply(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    before: &MemberRow,
    version: i64,
    changes: &ProfileChanges,
    recorded: Recorded,
) -> AppResult<MemberRow> {
    let Recorded {
        kind,
        occurred_on,
        extra,
    } = recorded;
    let after = MemberRow::update_profile(conn, before.id, version, changes)?;
    let changed = diff(before, &after);
    let settings = setting::at(conn, occurred_on)?;
    let mut details = Map::new();
    details.insert("changes".into(), Value::Object(changed));
    if let Some(Value::Object(e)) = extra {
        details.extend(e);
    }
    member_event::append(
        conn,
        &caller.actor(),
        &NewEvent {
            member_id: after.id,
            kind,
            occurred_on,
            decision_no: None,
            decision_on: None,
            deciding_org_id: None,
            organization_id: after.organization_id,
            regulation: &settings.regulation,
            details: Some(Value::Object(details)),
        },
    )?;
    super::audit(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Update,
        Some(before),
        &after,
    )?;
    Ok(after)
}

/// Corrects a dossier (call inside a transaction); `expected` is the `If-Match` version.
pub fn correct(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    expected: Option<i64>,
    p: &MemberProfile,
    today: NaiveDate,
) -> AppResult<MemberRow> {
    let before = MemberRow::find_for_change(conn, &caller.scope, id)?;
    let version = crate::models::check_version(expected, before.version)?;
    let changes = checked_changes(conn, caller, &before, p, today)?;
    let recorded = Recorded {
        kind: MemberEventKind::ProfileCorrected,
        occurred_on: today,
        extra: None,
    };
    apply(conn, caller, &before, version, &changes, recorded)
}
