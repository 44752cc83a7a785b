//! The cell's year in sync packages (issue 23; docs/rules.md, "Sync packages: the cell's year"): meetings with their attendance sheets,
//! duties with their reviews, residence liaisons with their comments, members' dues entries
//! (bases, reliefs, arrangements) and the cells' payments.
//!
//! These records have no version and the feed does not name them to a package, so a package
//! carries them for its whole subtree as they are now, grouped in sets the receiver compares
//! with what it holds and replaces whole when they differ (`domain::sync_cell_year`). Derived
//! rows (`dues_months`, `dues_cell_months`) never travel: the receiver settles the members it
//! touched through `services::dues::recompute`.
//!
//! A liaison has two ends. The working side (the subtree holding the member) sends the liaison
//! and its comments with the member's dossier. The residence side (the subtree holding the
//! residence organisation, not the member) sends only the comments it wrote: the liaison's id,
//! the year, the text and when it was written, never the member's record, which it does not
//! hold in its package.

mod apply;
mod dues;
mod liaisons;

pub use apply::apply;

use std::collections::{BTreeMap, BTreeSet};

use diesel::dsl::min;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::package::Row;
use crate::db::schema::{dues_months, members, organizations};
use crate::db::{rows, DbConn};
use crate::domain::privacy::{Field, Privacy, Shown};
use crate::domain::sync_cell_year::LOCAL_COLUMNS;
use crate::domain::tree;
use crate::error::AppResult;

/// What a package carries of the cell's year (absent from packages of older senders).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CellYear {
    /// The subtree's cells' meetings, each with its whole attendance sheet.
    #[serde(default)]
    pub meetings: Vec<MeetingSet>,
    /// The subtree's cells' duties (a review is a duty's columns).
    #[serde(default)]
    pub duties: Vec<Row>,
    /// The liaisons of the subtree's members, each with the comments written on it.
    #[serde(default)]
    pub liaisons: Vec<LiaisonSet>,
    /// Comments the subtree's residence organisations wrote on members held elsewhere.
    #[serde(default)]
    pub residence_comments: Vec<Row>,
    /// The subtree's members' dues entries.
    #[serde(default)]
    pub dues: Vec<MemberDues>,
    /// The subtree's cells' payments, one set per sheet (cell and month).
    #[serde(default)]
    pub sheets: Vec<SheetSet>,
}

/// A meeting and its attendance sheet.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MeetingSet {
    /// The `meetings` row.
    pub meeting: Row,
    /// Its `meeting_attendance` rows.
    pub attendance: Vec<Row>,
}

/// A liaison and its yearly comments.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LiaisonSet {
    /// The `residence_liaisons` row.
    pub liaison: Row,
    /// Its `liaison_comments` rows.
    pub comments: Vec<Row>,
}

/// A member's dues entries and the first month the sender settled.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MemberDues {
    /// The member.
    pub member_id: i64,
    /// The sender's first settled month (`yyyymm`), if it settled any.
    pub settled_from: Option<i32>,
    /// The `dues_bases` rows: income bases, personal data. Absent when the exporter's privacy
    /// masks them; the receiver then keeps its own.
    pub bases: Option<Vec<Row>>,
    /// The `dues_reliefs` rows.
    pub reliefs: Vec<Row>,
    /// The `dues_arrangements` rows.
    pub arrangements: Vec<Row>,
}

/// The payments one cell's sheet of one month recorded.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SheetSet {
    /// The collecting cell.
    pub organization_id: i64,
    /// The sheet's month (`yyyymm`).
    pub sheet_month: i32,
    /// Its `dues_payments` rows.
    pub payments: Vec<Row>,
}

impl CellYear {
    /// Every organisation the sets name (the package's context carries them).
    pub fn organizations(&self) -> BTreeSet<i64> {
        let int = |r: &Row, c: &str| r.get(c).and_then(serde_json::Value::as_i64);
        let mut out = BTreeSet::new();
        out.extend(
            self.meetings
                .iter()
                .filter_map(|m| int(&m.meeting, "organization_id")),
        );
        out.extend(self.duties.iter().filter_map(|d| int(d, "organization_id")));
        out.extend(
            self.liaisons
                .iter()
                .filter_map(|l| int(&l.liaison, "residence_org_id")),
        );
        out.extend(self.sheets.iter().map(|s| s.organization_id));
        out
    }

    /// Whether there is nothing in it.
    pub fn is_empty(&self) -> bool {
        self.meetings.is_empty()
            && self.duties.is_empty()
            && self.liaisons.is_empty()
            && self.residence_comments.is_empty()
            && self.dues.is_empty()
            && self.sheets.is_empty()
    }
}

/// Reads rows of `table` whose `column` is one of `ids`, without the local columns.
fn read(conn: &mut DbConn, table: &str, column: &str, ids: &[i64]) -> AppResult<Vec<Row>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(rows::select_in(conn, table, column, ids)?
        .into_iter()
        .filter_map(|v| match v {
            serde_json::Value::Object(m) => Some(scrub(&m)),
            _ => None,
        })
        .collect())
}

/// A row without the columns local to an installation (the users who entered it).
fn scrub(row: &Row) -> Row {
    let mut row = row.clone();
    for c in LOCAL_COLUMNS {
        row.remove(*c);
    }
    row
}

fn int(row: &Row, column: &str) -> Option<i64> {
    row.get(column).and_then(serde_json::Value::as_i64)
}

/// Groups rows by an integer column.
fn by(rows: Vec<Row>, column: &str) -> BTreeMap<i64, Vec<Row>> {
    let mut out: BTreeMap<i64, Vec<Row>> = BTreeMap::new();
    for r in rows {
        if let Some(k) = int(&r, column) {
            out.entry(k).or_default().push(r);
        }
    }
    out
}

/// The cell's year of the subtree at `path` as it is now, as `privacy` lets the exporter send
/// it (income bases travel as the member's dossier does: only to a reader who sees them).
pub fn export(conn: &mut DbConn, path: &str, privacy: Privacy) -> AppResult<CellYear> {
    let (lo, hi) = tree::subtree_range(path);
    let orgs: Vec<i64> = organizations::table
        .filter(organizations::path.ge(&lo).and(organizations::path.lt(&hi)))
        .select(organizations::id)
        .load(conn)?;
    let people: Vec<i64> = members::table
        .filter(members::org_path.ge(&lo).and(members::org_path.lt(&hi)))
        .select(members::id)
        .load(conn)?;
    let mut out = CellYear::default();

    let meetings = read(conn, "meetings", "organization_id", &orgs)?;
    let ids: Vec<i64> = meetings.iter().filter_map(|m| int(m, "id")).collect();
    let mut attendance = by(
        read(conn, "meeting_attendance", "meeting_id", &ids)?,
        "meeting_id",
    );
    out.meetings = meetings
        .into_iter()
        .map(|meeting| {
            let lines = int(&meeting, "id")
                .and_then(|id| attendance.remove(&id))
                .unwrap_or_default();
            MeetingSet {
                meeting,
                attendance: lines,
            }
        })
        .collect();
    out.duties = read(conn, "duties", "organization_id", &orgs)?;

    let liaisons = read(conn, "residence_liaisons", "member_id", &people)?;
    let ids: Vec<i64> = liaisons.iter().filter_map(|l| int(l, "id")).collect();
    let mut comments = by(
        read(conn, "liaison_comments", "liaison_id", &ids)?,
        "liaison_id",
    );
    out.liaisons = liaisons
        .into_iter()
        .map(|liaison| {
            let c = int(&liaison, "id")
                .and_then(|id| comments.remove(&id))
                .unwrap_or_default();
            LiaisonSet {
                liaison,
                comments: c,
            }
        })
        .collect();
    // The residence end: comments on liaisons of members this subtree does not hold.
    let people_here: BTreeSet<i64> = people.iter().copied().collect();
    let received: Vec<i64> = read(conn, "residence_liaisons", "residence_org_id", &orgs)?
        .iter()
        .filter(|l| int(l, "member_id").is_some_and(|m| !people_here.contains(&m)))
        .filter_map(|l| int(l, "id"))
        .collect();
    out.residence_comments = read(conn, "liaison_comments", "liaison_id", &received)?;

    out.dues = dues::export(conn, &people, privacy.shows(Field::DuesBase) == Shown::Full)?;
    let payments = read(conn, "dues_payments", "organization_id", &orgs)?;
    let mut sheets: BTreeMap<(i64, i64), Vec<Row>> = BTreeMap::new();
    for p in payments {
        if let (Some(o), Some(m)) = (int(&p, "organization_id"), int(&p, "sheet_month")) {
            sheets.entry((o, m)).or_default().push(p);
        }
    }
    out.sheets = sheets
        .into_iter()
        .filter_map(|((organization_id, month), payments)| {
            Some(SheetSet {
                organization_id,
                sheet_month: i32::try_from(month).ok()?,
                payments,
            })
        })
        .collect();
    Ok(out)
}

/// Each member's first settled month (`yyyymm`).
fn first_settled(conn: &mut DbConn, people: &[i64]) -> AppResult<BTreeMap<i64, i32>> {
    let mut out = BTreeMap::new();
    for chunk in people.chunks(500) {
        let found: Vec<(i64, Option<i32>)> = dues_months::table
            .filter(dues_months::member_id.eq_any(chunk))
            .group_by(dues_months::member_id)
            .select((dues_months::member_id, min(dues_months::month)))
            .load(conn)?;
        out.extend(found.into_iter().filter_map(|(m, f)| Some((m, f?))));
    }
    Ok(out)
}
