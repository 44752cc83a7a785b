//! Applying a package's cell's year: each set placed inside the subtree the sender's key speaks
//! for (a set naming a cell or member outside it refuses the whole package, as a record does),
//! compared with the set held here, replaced whole in a savepoint when it differs (a set that
//! cannot be written is reported, the rest still apply), audited; then the dues of the members
//! touched settled again through the one `recompute`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::audit::{AuditAction, AuditEntity};
use qldv_api_types::changes::{ChangeEntity, SyncConflict, SyncReport};
use qldv_api_types::month::Month;

use super::super::guard::{self, Bound};
use super::super::package::Row;
use super::{int, CellYear};
use crate::auth::Actor;
use crate::db::schema::{meeting_attendance, members};
use crate::db::{rows, DbConn};
use crate::domain::sync_cell_year::same_rows;
use crate::error::{AppError, AppResult};
use crate::messages::Text;
use crate::models::audit::{self, Subject};
use crate::models::uow::Uow;

/// What applying the sets did, and the months of the members whose dues changed.
#[derive(Default)]
pub(super) struct Tally {
    /// Months changed per member (dues entries and payments).
    pub changed: BTreeMap<i64, Vec<Month>>,
}

/// Where a set sits here and who it is reported under when it cannot be written.
pub(super) struct Owner {
    /// The record a conflict names.
    pub entity: ChangeEntity,
    /// Its id.
    pub id: i64,
    /// The set, for the clerk.
    pub what: Text,
}

/// The rows held here of `table` whose `column` is `value`.
pub(super) fn held(
    conn: &mut DbConn,
    table: &str,
    column: &str,
    value: i64,
) -> AppResult<Vec<Row>> {
    Ok(rows::select(conn, table, column, value)?
        .into_iter()
        .filter_map(|v| match v {
            serde_json::Value::Object(m) => Some(m),
            _ => None,
        })
        .collect())
}

/// The path here of organisation `id`, which must lie in the key's subtree (and so must the
/// organisation a held row sat in, `before`); refuses the whole package otherwise.
pub(super) fn org_within(
    conn: &mut DbConn,
    bound: &Bound,
    id: i64,
    before: Option<i64>,
    what: &Text,
) -> AppResult<String> {
    let root = bound.root()?.to_string();
    let path = |conn: &mut DbConn, id: i64| -> AppResult<Option<String>> {
        Ok(guard::org_place(conn, id)?.map(|(_, p)| p))
    };
    let here = path(conn, id)?
        .ok_or_else(|| AppError::from(crate::messages::sync::organization_unknown(id)))?;
    let held = match before {
        Some(b) => path(conn, b)?,
        None => None,
    };
    crate::domain::sync::check_placement(&root, held.as_deref(), &here, what)?;
    Ok(here)
}

/// The path here of member `id`, who must be here and in the key's subtree.
pub(super) fn member_within(
    conn: &mut DbConn,
    bound: &Bound,
    id: i64,
    what: &Text,
) -> AppResult<String> {
    let root = bound.root()?.to_string();
    let here: Option<String> = members::table
        .find(id)
        .select(members::org_path)
        .first(conn)
        .optional()?;
    let here =
        here.ok_or_else(|| AppError::from(crate::messages::sync::member_absent("cell_year", id)))?;
    crate::domain::sync::check_placement(&root, Some(&here), &here, what)?;
    Ok(here)
}

/// The lines of a set whose member is held here; the others (a member who has left the
/// subtree since, held only by the sender) are reported once, and the set is compared and
/// written without them, so that applying it again still changes nothing.
pub(super) fn lines_held_here(
    conn: &mut DbConn,
    report: &mut SyncReport,
    owner: &Owner,
    lines: &[Row],
) -> AppResult<Vec<Row>> {
    let ids: Vec<i64> = lines.iter().filter_map(|l| int(l, "member_id")).collect();
    let mut here = std::collections::BTreeSet::new();
    for chunk in ids.chunks(500) {
        here.extend(
            members::table
                .filter(members::id.eq_any(chunk))
                .select(members::id)
                .load::<i64>(conn)?,
        );
    }
    let (kept, absent): (Vec<Row>, Vec<Row>) = lines
        .iter()
        .cloned()
        .partition(|l| int(l, "member_id").is_some_and(|m| here.contains(&m)));
    if !absent.is_empty() {
        report.conflicts.push(SyncConflict {
            entity: owner.entity,
            id: owner.id,
            package_version: 0,
            local_version: None,
            code: "sync_outside_subtree".into(),
            message: crate::messages::sync::lines_of_absent_members(&owner.what, absent.len())
                .served(),
        });
    }
    Ok(kept)
}

/// Writes a set in a savepoint: applied (audited by the caller), or reported.
pub(super) fn write_set(
    conn: &mut Uow<'_>,
    report: &mut SyncReport,
    owner: &Owner,
    write: impl FnOnce(&mut DbConn) -> AppResult<()>,
) -> AppResult<bool> {
    match conn.conn().transaction(write) {
        Ok(()) => {
            report.applied += 1;
            Ok(true)
        }
        Err(e) => {
            report.conflicts.push(SyncConflict {
                entity: owner.entity,
                id: owner.id,
                package_version: 0,
                local_version: None,
                code: e.code().to_string(),
                message: crate::messages::sync::set_refused(&owner.what, &e.detail()).served(),
            });
            Ok(false)
        }
    }
}

/// Audits what a set replaced: one entry per row (by `id`) that differs.
pub(super) fn audit_rows(
    conn: &mut Uow<'_>,
    actor: &Actor,
    entity: AuditEntity,
    path: &str,
    before: &[Row],
    after: &[Row],
) -> AppResult<()> {
    let by_id = |rows: &[Row]| -> BTreeMap<i64, Row> {
        rows.iter()
            .filter_map(|r| Some((int(r, "id")?, r.clone())))
            .collect()
    };
    let (b, a) = (by_id(before), by_id(after));
    let ids: std::collections::BTreeSet<i64> = b.keys().chain(a.keys()).copied().collect();
    for id in ids {
        let (old, new) = (b.get(&id), a.get(&id));
        let same = match (old, new) {
            (Some(o), Some(n)) => same_rows(std::slice::from_ref(o), std::slice::from_ref(n)),
            _ => false,
        };
        if !same {
            audit::record(
                conn,
                actor,
                AuditAction::SyncApply,
                Subject {
                    entity,
                    id,
                    scope_path: Some(path),
                },
                old,
                new,
            )?;
        }
    }
    Ok(())
}

/// Applies the cell's year of a package (after its records: the members and cells exist).
pub fn apply(
    conn: &mut Uow<'_>,
    actor: &Actor,
    bound: &Bound,
    cell_year: &CellYear,
    today: NaiveDate,
    report: &mut SyncReport,
) -> AppResult<()> {
    for set in &cell_year.meetings {
        meeting(conn, actor, bound, set, report)?;
    }
    for row in &cell_year.duties {
        duty(conn, actor, bound, row, report)?;
    }
    for set in &cell_year.liaisons {
        super::liaisons::liaison(conn, actor, bound, set, report)?;
    }
    for row in &cell_year.residence_comments {
        super::liaisons::residence_comment(conn, actor, bound, row, report)?;
    }
    let mut tally = Tally::default();
    for d in &cell_year.dues {
        super::dues::member(conn, actor, bound, d, report, &mut tally)?;
    }
    for s in &cell_year.sheets {
        super::dues::sheet(conn, actor, bound, s, report, &mut tally)?;
    }
    super::dues::settle(conn, cell_year, &tally, today)
}

fn meeting(
    conn: &mut Uow<'_>,
    actor: &Actor,
    bound: &Bound,
    set: &super::MeetingSet,
    report: &mut SyncReport,
) -> AppResult<()> {
    let id = int(&set.meeting, "id").ok_or_else(|| crate::messages::sync::record_without_row(0))?;
    let org = int(&set.meeting, "organization_id").unwrap_or_default();
    let what = crate::messages::sync::meeting(id);
    if set
        .attendance
        .iter()
        .any(|a| int(a, "meeting_id") != Some(id))
    {
        return Err(crate::messages::sync::record_inconsistent(id));
    }
    let held_meeting = held(conn, "meetings", "id", id)?;
    let before = held_meeting.first().and_then(|m| int(m, "organization_id"));
    let path = org_within(conn, bound, org, before, &what)?;
    let held_lines = held(conn, "meeting_attendance", "meeting_id", id)?;
    let owner = Owner {
        entity: ChangeEntity::Organization,
        id: org,
        what,
    };
    let attendance = lines_held_here(conn, report, &owner, &set.attendance)?;
    if same_rows(&held_meeting, std::slice::from_ref(&set.meeting))
        && same_rows(&held_lines, &attendance)
    {
        report.unchanged += 1;
        return Ok(());
    }
    let written = write_set(conn, report, &owner, |c| {
        rows::upsert(c, "meetings", &["id"], &set.meeting)?;
        diesel::delete(meeting_attendance::table.filter(meeting_attendance::meeting_id.eq(id)))
            .execute(c)?;
        for line in &attendance {
            rows::upsert(c, "meeting_attendance", &["meeting_id", "member_id"], line)?;
        }
        Ok(())
    })?;
    if written {
        let as_set =
            |m: &[Row], a: &[Row]| serde_json::json!({"meeting": m.first(), "attendance": a});
        audit::record(
            conn,
            actor,
            AuditAction::SyncApply,
            Subject {
                entity: AuditEntity::Meeting,
                id,
                scope_path: Some(&path),
            },
            (!held_meeting.is_empty())
                .then(|| as_set(&held_meeting, &held_lines))
                .as_ref(),
            Some(&as_set(std::slice::from_ref(&set.meeting), &attendance)),
        )?;
    }
    Ok(())
}

fn duty(
    conn: &mut Uow<'_>,
    actor: &Actor,
    bound: &Bound,
    row: &Row,
    report: &mut SyncReport,
) -> AppResult<()> {
    let id = int(row, "id").ok_or_else(|| crate::messages::sync::record_without_row(0))?;
    let what = crate::messages::sync::duty(id);
    let held_row = held(conn, "duties", "id", id)?;
    let before = held_row.first().and_then(|d| int(d, "organization_id"));
    let org = int(row, "organization_id").unwrap_or_default();
    let path = org_within(conn, bound, org, before, &what)?;
    if same_rows(&held_row, std::slice::from_ref(row)) {
        report.unchanged += 1;
        return Ok(());
    }
    let owner = Owner {
        entity: ChangeEntity::Member,
        id: int(row, "member_id").unwrap_or_default(),
        what,
    };
    if write_set(conn, report, &owner, |c| {
        rows::upsert(c, "duties", &["id"], row)
    })? {
        audit_rows(
            conn,
            actor,
            AuditEntity::Duty,
            &path,
            &held_row,
            std::slice::from_ref(row),
        )?;
    }
    Ok(())
}
