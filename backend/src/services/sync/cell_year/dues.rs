//! Dues in a package: each member's entries (bases, reliefs, arrangements) and each cell's
//! sheets of payments, replaced whole when they differ; then the members touched settled again.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::audit::AuditEntity;
use qldv_api_types::changes::{ChangeEntity, SyncReport};
use qldv_api_types::month::Month;
use qldv_api_types::MemberId;

use super::super::guard::Bound;
use super::super::package::Row;
use super::apply::{
    audit_rows, held, lines_held_here, member_within, org_within, write_set, Owner, Tally,
};
use super::{by, first_settled, int, read, CellYear, MemberDues, SheetSet};
use crate::auth::Actor;
use crate::db::schema::{dues_arrangements, dues_bases, dues_payments, dues_reliefs};
use crate::db::{rows, DbConn};
use crate::domain::sync_cell_year::{canonical, recompute_from, same_rows};
use crate::error::AppResult;
use crate::models::uow::Uow;

/// The dues entries of `people` (bases only `with_bases`), with their first settled months.
pub(super) fn export(
    conn: &mut DbConn,
    people: &[i64],
    with_bases: bool,
) -> AppResult<Vec<MemberDues>> {
    let mut bases = by(read(conn, "dues_bases", "member_id", people)?, "member_id");
    let mut reliefs = by(
        read(conn, "dues_reliefs", "member_id", people)?,
        "member_id",
    );
    let mut arrangements = by(
        read(conn, "dues_arrangements", "member_id", people)?,
        "member_id",
    );
    let first = first_settled(conn, people)?;
    let who: BTreeSet<i64> = bases
        .keys()
        .chain(reliefs.keys())
        .chain(arrangements.keys())
        .chain(first.keys())
        .copied()
        .collect();
    Ok(who
        .into_iter()
        .map(|m| MemberDues {
            member_id: m,
            settled_from: first.get(&m).copied(),
            bases: with_bases.then(|| bases.remove(&m).unwrap_or_default()),
            reliefs: reliefs.remove(&m).unwrap_or_default(),
            arrangements: arrangements.remove(&m).unwrap_or_default(),
        })
        .collect())
}

/// The month a dues row starts at: a basis's `from_on`, a relief's or arrangement's
/// `from_month`, a payment's `first_month`.
fn month_of(row: &Row) -> Option<Month> {
    if let Some(m) = row
        .get("from_month")
        .or_else(|| row.get("first_month"))
        .and_then(serde_json::Value::as_i64)
    {
        return Month::from_yyyymm(i32::try_from(m).ok()?);
    }
    let on = row.get("from_on")?.as_str()?.get(..10)?;
    Some(Month::of(NaiveDate::parse_from_str(on, "%Y-%m-%d").ok()?))
}

/// The months of the rows that one of the two sets has and the other has not.
fn changed_months(held: &[Row], incoming: &[Row]) -> Vec<Month> {
    let key = |r: &Row| serde_json::Value::Object(canonical(r)).to_string();
    let h: BTreeSet<String> = held.iter().map(key).collect();
    let i: BTreeSet<String> = incoming.iter().map(key).collect();
    held.iter()
        .filter(|r| !i.contains(&key(r)))
        .chain(incoming.iter().filter(|r| !h.contains(&key(r))))
        .filter_map(month_of)
        .collect()
}

/// A member's entries: each table's set replaced when it differs.
pub(super) fn member(
    conn: &mut Uow<'_>,
    actor: &Actor,
    bound: &Bound,
    d: &MemberDues,
    report: &mut SyncReport,
    tally: &mut Tally,
) -> AppResult<()> {
    let m = d.member_id;
    let what = crate::messages::sync::member_dues(m);
    let carried = [
        ("dues_bases", d.bases.as_deref(), AuditEntity::DuesBasis),
        (
            "dues_reliefs",
            Some(&d.reliefs[..]),
            AuditEntity::DuesRelief,
        ),
        (
            "dues_arrangements",
            Some(&d.arrangements[..]),
            AuditEntity::DuesArrangement,
        ),
    ];
    for (table, rows, _) in &carried {
        let Some(rows) = rows else { continue };
        if rows.iter().any(|r| int(r, "member_id") != Some(m)) {
            return Err(crate::messages::sync::rows_repeated(m, table).into());
        }
        // An id held here under another member is another member's row: never taken over.
        let ids: Vec<i64> = rows.iter().filter_map(|r| int(r, "id")).collect();
        if read(conn, table, "id", &ids)?
            .iter()
            .any(|held| int(held, "member_id") != Some(m))
        {
            return Err(crate::messages::sync::rows_repeated(m, table).into());
        }
    }
    let path = member_within(conn, bound, m, &what)?;
    let mut changes = Vec::new();
    for (table, rows, entity) in carried {
        let Some(rows) = rows else { continue };
        let before = held(conn, table, "member_id", m)?;
        if !same_rows(&before, rows) {
            changes.push((table, rows, entity, before));
        }
    }
    if changes.is_empty() {
        report.unchanged += 1;
        return Ok(());
    }
    let owner = Owner {
        entity: ChangeEntity::Member,
        id: m,
        what,
    };
    let written = write_set(conn, report, &owner, |c| {
        for (table, rows, _, _) in &changes {
            match *table {
                "dues_bases" => {
                    diesel::delete(dues_bases::table.filter(dues_bases::member_id.eq(m)))
                        .execute(c)?
                }
                "dues_reliefs" => {
                    diesel::delete(dues_reliefs::table.filter(dues_reliefs::member_id.eq(m)))
                        .execute(c)?
                }
                _ => diesel::delete(
                    dues_arrangements::table.filter(dues_arrangements::member_id.eq(m)),
                )
                .execute(c)?,
            };
            for row in rows.iter() {
                rows::upsert(c, table, &["id"], row)?;
            }
        }
        Ok(())
    })?;
    if written {
        for (_, rows, entity, before) in &changes {
            audit_rows(conn, actor, *entity, &path, before, rows)?;
            tally
                .changed
                .entry(m)
                .or_default()
                .extend(changed_months(before, rows));
        }
    }
    Ok(())
}

/// A cell's sheet of a month: its payments replaced when they differ.
pub(super) fn sheet(
    conn: &mut Uow<'_>,
    actor: &Actor,
    bound: &Bound,
    s: &SheetSet,
    report: &mut SyncReport,
    tally: &mut Tally,
) -> AppResult<()> {
    let (org, month) = (s.organization_id, s.sheet_month);
    let what = crate::messages::sync::sheet(org, month);
    if s.payments.iter().any(|p| {
        int(p, "organization_id") != Some(org) || int(p, "sheet_month") != Some(i64::from(month))
    }) {
        return Err(crate::messages::sync::rows_repeated(org, "dues_payments").into());
    }
    let path = org_within(conn, bound, org, None, &what)?;
    let ids: Vec<i64> = s.payments.iter().filter_map(|p| int(p, "id")).collect();
    // A payment id held here under another sheet is another record's row.
    for p in read(conn, "dues_payments", "id", &ids)? {
        if int(&p, "organization_id") != Some(org)
            || int(&p, "sheet_month") != Some(i64::from(month))
        {
            return Err(crate::messages::sync::rows_repeated(org, "dues_payments").into());
        }
    }
    let sheet_rows = || {
        dues_payments::table
            .filter(dues_payments::organization_id.eq(org))
            .filter(dues_payments::sheet_month.eq(month))
    };
    let held_ids: Vec<i64> = sheet_rows().select(dues_payments::id).load(conn.conn())?;
    let before_full: Vec<Row> = rows::select_in(conn, "dues_payments", "id", &held_ids)?
        .into_iter()
        .filter_map(|v| match v {
            serde_json::Value::Object(m) => Some(m),
            _ => None,
        })
        .collect();
    let before: Vec<Row> = before_full.iter().map(super::scrub).collect();
    let owner = Owner {
        entity: ChangeEntity::Organization,
        id: org,
        what,
    };
    let payments = lines_held_here(conn, report, &owner, &s.payments)?;
    if same_rows(&before, &payments) {
        report.unchanged += 1;
        return Ok(());
    }
    let written = write_set(conn, report, &owner, |c| {
        diesel::delete(sheet_rows()).execute(c)?;
        for row in &payments {
            rows::upsert(c, "dues_payments", &["id"], row)?;
        }
        Ok(())
    })?;
    if written {
        audit_rows(
            conn,
            actor,
            AuditEntity::DuesPayment,
            &path,
            &before_full,
            &payments,
        )?;
        let (old, new) = (
            by(before.clone(), "member_id"),
            by(payments.clone(), "member_id"),
        );
        for m in old
            .keys()
            .chain(new.keys())
            .copied()
            .collect::<BTreeSet<_>>()
        {
            let months = changed_months(
                old.get(&m).map(Vec::as_slice).unwrap_or_default(),
                new.get(&m).map(Vec::as_slice).unwrap_or_default(),
            );
            tally.changed.entry(m).or_default().extend(months);
        }
    }
    Ok(())
}

/// Settles again the dues of the members whose entries or payments changed, or whose first
/// settled month differs from the sender's, from the month `recompute_from` gives.
pub(super) fn settle(
    conn: &mut Uow<'_>,
    cell_year: &CellYear,
    tally: &Tally,
    today: NaiveDate,
) -> AppResult<()> {
    let sender: BTreeMap<i64, Option<Month>> = cell_year
        .dues
        .iter()
        .map(|d| (d.member_id, d.settled_from.and_then(Month::from_yyyymm)))
        .collect();
    let who: Vec<i64> = sender
        .keys()
        .chain(tally.changed.keys())
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let held = first_settled(conn, &who)?;
    let mut from = Vec::new();
    for m in who {
        let held_first = held.get(&m).copied().and_then(Month::from_yyyymm);
        // A member the package carries no entries of: the sender's first month is unknown,
        // the receiver's stands for it.
        let sender_first = sender.get(&m).copied().unwrap_or(held_first);
        let changed = tally.changed.get(&m).map(Vec::as_slice).unwrap_or_default();
        if let Some(first) = recompute_from(sender_first, held_first, changed) {
            from.push((MemberId(m), first));
        }
    }
    if from.is_empty() {
        return Ok(());
    }
    crate::services::dues::recompute(conn, &from, today)
}
