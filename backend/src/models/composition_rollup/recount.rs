//! Counting again from the members: building the kept counts (after a bulk load, or when the
//! migration marked them stale) and comparing them with the records (`qldv check`).

use std::collections::HashMap;

use diesel::prelude::*;

use super::{holders, stale, DeltaRow, MemberFacts, ACTIVE, BATCH};
use crate::db::bulk::{Batch, Lit};
use crate::db::schema::{composition_counts, composition_deltas, composition_state, members};
use crate::db::DbConn;
use crate::domain::composition::{BIRTH, OFFICIAL, VALUE_DIMS};
use crate::error::AppResult;

/// Every stored dimension: the value dimensions, then birth dates and dates of recognition.
fn dims() -> impl Iterator<Item = &'static str> {
    VALUE_DIMS.into_iter().chain([BIRTH, OFFICIAL])
}

/// Counts by organisation, dimension and value, each distinct value kept once (a national
/// recount holds 1.8 million counts of some 50,000 distinct values: tens of megabytes, not
/// hundreds).
#[derive(Default)]
struct Sheet {
    values: Vec<String>,
    index: HashMap<String, u32>,
    counts: HashMap<(i64, u8, u32), i64>,
}

impl Sheet {
    /// Adds `n` to a count; `false` for a dimension that is not stored.
    fn add(&mut self, org: i64, dim: &str, val: &str, n: i64) -> bool {
        let Some(d) = dims()
            .position(|k| k == dim)
            .and_then(|d| u8::try_from(d).ok())
        else {
            return false;
        };
        let v = match self.index.get(val) {
            Some(v) => *v,
            None => {
                let v = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
                self.values.push(val.to_string());
                self.index.insert(val.to_string(), v);
                v
            }
        };
        *self.counts.entry((org, d, v)).or_default() += n;
        true
    }

    /// The counts that are not zero, as `(organisation, dimension, value, n)`.
    fn rows(&self) -> impl Iterator<Item = (i64, &'static str, &str, i64)> + '_ {
        self.counts
            .iter()
            .filter(|(_, n)| **n != 0)
            .filter_map(|((org, d, v), n)| {
                let dim = dims().nth(usize::from(*d))?;
                let val = self.values.get(usize::try_from(*v).ok()?)?;
                Some((*org, dim, val.as_str(), *n))
            })
    }
}

/// Counts of every organisation holding counts, from the members as they stand.
fn count_from_members(conn: &mut DbConn) -> AppResult<Sheet> {
    let mut sheet = Sheet::default();
    let mut after = 0_i64;
    loop {
        let rows: Vec<MemberFacts> = members::table
            .filter(members::id.gt(after))
            .filter(members::status.eq_any(ACTIVE))
            .order(members::id)
            .limit(BATCH)
            .select(MemberFacts::as_select())
            .load(conn)?;
        let Some(last) = rows.last() else { break };
        after = last.id;
        for c in rows.into_iter().filter_map(MemberFacts::counted) {
            for org in holders(&c.path) {
                for (dim, val) in c.facts.keys() {
                    sheet.add(org, dim, &val, 1);
                }
            }
        }
    }
    Ok(sheet)
}

/// Builds every count again from the members (after a bulk load, or at start-up when the
/// counts are marked stale), in one transaction.
pub fn rebuild(conn: &mut DbConn) -> AppResult<usize> {
    crate::db::write_transaction(conn, |conn| {
        diesel::delete(composition_deltas::table).execute(conn)?;
        diesel::delete(composition_counts::table).execute(conn)?;
        let sheet = count_from_members(conn)?;
        let mut batch = Batch::new(conn, "composition_counts", &["org_id", "dim", "val", "n"]);
        let mut written = 0;
        for (org, dim, val, n) in sheet.rows() {
            written += 1;
            if batch.push(&[Lit::from(org), Lit::from(dim), Lit::from(val), Lit::from(n)]) {
                batch.flush(conn)?;
            }
        }
        batch.flush(conn)?;
        diesel::update(composition_state::table.find(1))
            .set(composition_state::stale.eq(0))
            .execute(conn)?;
        Ok(written)
    })
}

/// Builds the counts when they are marked stale (the first start after the migration); the
/// number of counts built, or `None` when they were current.
pub fn build_if_stale(conn: &mut DbConn) -> AppResult<Option<usize>> {
    if stale(conn)? {
        rebuild(conn).map(Some)
    } else {
        Ok(None)
    }
}

/// Differences between the counts kept (folded and pending) and the counts of the members as
/// they stand, in words (empty when they agree); nothing while they are being built.
pub fn verify(conn: &mut DbConn) -> AppResult<Vec<String>> {
    if stale(conn)? {
        return Ok(Vec::new());
    }
    // The recount, less what is kept: every count left that is not zero is a difference.
    let mut sheet = count_from_members(conn)?;
    let mut problems = Vec::new();
    let stored: Vec<(i64, String, String, i64)> = composition_counts::table
        .select((
            composition_counts::org_id,
            composition_counts::dim,
            composition_counts::val,
            composition_counts::n,
        ))
        .load(conn)?;
    for (org, dim, val, n) in stored {
        if !sheet.add(org, &dim, &val, -n) && n != 0 {
            problems.push(format!(
                "tổ chức {org}: số đếm cơ cấu theo '{dim}' không có nghĩa"
            ));
        }
    }
    let pending: Vec<DeltaRow> = composition_deltas::table
        .select(DeltaRow::as_select())
        .load(conn)?;
    for d in &pending {
        for (dim, val) in d.facts().keys() {
            sheet.add(d.org_id, dim, &val, -i64::from(d.sign));
        }
    }
    problems.extend(sheet.rows().map(|(org, dim, val, n)| {
        format!(
            "tổ chức {org}: số đếm cơ cấu {dim} = '{val}' lệch {} so với hồ sơ",
            -n
        )
    }));
    Ok(problems)
}
