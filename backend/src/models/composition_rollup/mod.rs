//! Composition counts kept ahead of time for the top of the tree (migration
//! `000011_composition_rollup`): for each organisation at depth 0 or 1 (the roots and the
//! organisations directly under them — the Central Committee and the provinces), how many active
//! members under it have each value of each attribute ([`crate::domain::composition`]).
//!
//! Writers never update a count, so concurrent writes in one province never wait for each other
//! nor deadlock: each change of a member appends its counted facts before (`-1`) and after
//! (`+1`) to `composition_deltas`, once per organisation holding counts above it, in the
//! writer's transaction. [`fold`] moves the changes into `composition_counts` (rows deleted and
//! returned in one statement, so each change is folded exactly once). A report reads the counts
//! and the changes not yet folded: the same answer either way.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::members::{Gender, MemberStatus, PoliticalTheory};

use crate::db::bulk::{Batch, Lit};
use crate::db::schema::{composition_counts, composition_deltas, composition_state, members};
use crate::db::DbConn;
use crate::domain::composition::{Facts, VALUE_DIMS};
use crate::domain::tree;
use crate::error::AppResult;

mod recount;

pub use recount::{build_if_stale, rebuild, verify};

/// The deepest level of the tree whose organisations hold counts.
pub const DEPTH: i32 = 1;

/// Pending changes of one organisation past which reading its counts folds every change.
const FOLD_AFTER: usize = 2_000;

/// Rows read or folded per statement.
const BATCH: i64 = 20_000;

/// The columns of a change, in the order [`delta`] gives its values: the value dimensions are
/// columns of the same names.
fn delta_columns() -> Vec<&'static str> {
    let mut columns = vec!["org_id", "sign"];
    columns.extend(VALUE_DIMS);
    columns.extend(["birth_date", "official_on"]);
    columns
}

/// The statuses of the members counted.
const ACTIVE: [MemberStatus; 2] = MemberStatus::ACTIVE;

/// The facts of a row carrying the counted columns (`gender` and `theory` given, as their types
/// differ: terms in a member row, codes in a delta row).
macro_rules! facts_of {
    ($row:expr, $gender:expr, $theory:expr) => {
        Facts::new(
            [
                $gender,
                $row.ethnicity.as_deref(),
                $row.religion.as_deref(),
                $row.education_general.as_deref(),
                $row.professional_qualification.as_deref(),
                $row.academic_degree.as_deref(),
                $row.academic_title.as_deref(),
                $theory,
                $row.occupation.as_deref(),
            ],
            $row.birth_date,
            $row.official_on,
        )
    };
}

/// Counts as read: `(dimension, value, members)`.
pub type Counts = Vec<(String, String, i64)>;

/// What an active member is counted as, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    /// Path of the member's cell.
    pub path: String,
    /// The member's counted facts.
    pub facts: Facts,
}

/// The columns of a member the counts read.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = members)]
struct MemberFacts {
    id: i64,
    org_path: String,
    status: MemberStatus,
    gender: Gender,
    ethnicity: Option<String>,
    religion: Option<String>,
    education_general: Option<String>,
    professional_qualification: Option<String>,
    academic_degree: Option<String>,
    academic_title: Option<String>,
    political_theory: Option<PoliticalTheory>,
    occupation: Option<String>,
    birth_date: NaiveDate,
    official_on: Option<NaiveDate>,
}

impl MemberFacts {
    /// `None` for a member who is not active (not counted anywhere).
    fn counted(self) -> Option<Counted> {
        if !ACTIVE.contains(&self.status) {
            return None;
        }
        let facts = facts_of!(
            self,
            Some(self.gender.as_str()),
            self.political_theory.map(PoliticalTheory::as_str)
        );
        Some(Counted {
            path: self.org_path,
            facts,
        })
    }
}

/// One pending change as stored.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = composition_deltas)]
struct DeltaRow {
    org_id: i64,
    sign: i32,
    gender: Option<String>,
    ethnicity: Option<String>,
    religion: Option<String>,
    education_general: Option<String>,
    professional_qualification: Option<String>,
    academic_degree: Option<String>,
    academic_title: Option<String>,
    political_theory: Option<String>,
    occupation: Option<String>,
    birth_date: NaiveDate,
    official_on: Option<NaiveDate>,
}

impl DeltaRow {
    fn facts(&self) -> Facts {
        facts_of!(
            self,
            self.gender.as_deref(),
            self.political_theory.as_deref()
        )
    }
}

/// The organisations holding counts that a member in the cell at `path` is counted in.
fn holders(path: &str) -> impl Iterator<Item = i64> {
    tree::ids(path)
        .into_iter()
        .take(usize::try_from(DEPTH).unwrap_or(0) + 1)
}

/// A change's values in [`delta_columns`] order.
fn delta(org: i64, sign: i32, f: &Facts) -> Vec<Lit> {
    let mut row = vec![Lit::from(org), Lit::from(sign)];
    row.extend(f.values.iter().map(|v| Lit::from(v.clone())));
    row.push(Lit::from(f.birth_date));
    row.push(Lit::from(f.official_on));
    row
}

/// Adds the changes of one member counted (`+1`) or no longer counted (`-1`) as `c`.
fn push(conn: &mut DbConn, batch: &mut Batch, c: &Counted, sign: i32) -> AppResult<()> {
    for org in holders(&c.path) {
        if batch.push(&delta(org, sign, &c.facts)) {
            batch.flush(conn)?;
        }
    }
    Ok(())
}

/// How a member read in full is counted (`None` when not active).
pub fn counted(row: &super::member::MemberRow) -> Option<Counted> {
    ACTIVE.contains(&row.status).then(|| Counted {
        path: row.org_path.clone(),
        facts: facts_of!(
            row,
            Some(row.gender.as_str()),
            row.political_theory.map(PoliticalTheory::as_str)
        ),
    })
}

/// How one member is counted now (`None` when not active, or absent).
pub fn of_member(conn: &mut DbConn, id: qldv_api_types::MemberId) -> AppResult<Option<Counted>> {
    Ok(members::table
        .find(id)
        .select(MemberFacts::as_select())
        .first(conn)
        .optional()?
        .and_then(MemberFacts::counted))
}

/// Records that a member counted as `before` is now counted as `after` (nothing when the two
/// are the same), in the caller's transaction.
pub fn record(
    conn: &mut DbConn,
    before: Option<&Counted>,
    after: Option<&Counted>,
) -> AppResult<()> {
    if before == after {
        return Ok(());
    }
    let mut batch = Batch::new(conn, "composition_deltas", &delta_columns()).statements("");
    for (c, sign) in [(before, -1), (after, 1)] {
        if let Some(c) = c {
            push(conn, &mut batch, c, sign)?;
        }
    }
    batch.flush(conn)
}

/// Records new members as counted (those active), in the caller's transaction.
pub fn record_new(conn: &mut DbConn, rows: &[super::member::MemberRow]) -> AppResult<()> {
    let mut batch = Batch::new(conn, "composition_deltas", &delta_columns()).for_rows(rows.len());
    for c in rows.iter().filter_map(counted) {
        push(conn, &mut batch, &c, 1)?;
    }
    batch.flush(conn)
}

/// Runs `change` on member `id` and records how it changed what the member is counted as.
pub fn track<T>(
    conn: &mut DbConn,
    id: qldv_api_types::MemberId,
    change: impl FnOnce(&mut DbConn) -> AppResult<T>,
) -> AppResult<T> {
    let before = of_member(conn, id)?;
    let value = change(conn)?;
    let after = of_member(conn, id)?;
    record(conn, before.as_ref(), after.as_ref())?;
    Ok(value)
}

/// Whether moving the subtree at `old` to `new` changes where its members are counted: not
/// when both lie under the same organisations holding counts (a cell or a commune moved inside
/// its province), since every member below keeps those same holders.
pub fn moves_counts(old: &str, new: &str) -> bool {
    // Every path below `old` starts with it: when `old` has the holding levels' ids, they are
    // its members' holders; when it is shallower, the move changes its own ids, hence theirs.
    holders(old).ne(holders(new))
}

/// Records every active member of the subtree at `path` as leaving its counts (`sign` −1, before
/// a restructure rewrites the subtree's paths) or arriving (`+1`, after), set by set.
pub fn shift(conn: &mut DbConn, path: &str, sign: i32) -> AppResult<()> {
    let (lo, hi) = tree::subtree_range(path);
    let rows: Vec<MemberFacts> = members::table
        .filter(members::org_path.ge(lo))
        .filter(members::org_path.lt(hi))
        .filter(members::status.eq_any(ACTIVE))
        .select(MemberFacts::as_select())
        .load(conn)?;
    let mut batch = Batch::new(conn, "composition_deltas", &delta_columns());
    for c in rows.into_iter().filter_map(MemberFacts::counted) {
        push(conn, &mut batch, &c, sign)?;
    }
    batch.flush(conn)
}

/// Whether the counts are being (or must be) built from the members.
fn stale(conn: &mut DbConn) -> AppResult<bool> {
    let flag: Option<i32> = composition_state::table
        .find(1)
        .select(composition_state::stale)
        .first(conn)
        .optional()?;
    Ok(flag != Some(0))
}

/// The upsert that adds a folded change to its count.
const ADD_TO_COUNT: &str =
    "ON CONFLICT (org_id, dim, val) DO UPDATE SET n = composition_counts.n + excluded.n";

/// Moves every pending change into the counts; the number of changes folded. Each round takes
/// the oldest changes by deleting them (the rows deleted are the rows returned, so a change
/// written meanwhile waits for the next round and none is counted twice) and adds them up, in
/// one transaction; on PostgreSQL one fold runs at a time (the counts are updated in key order,
/// but two folds of different changes could otherwise wait on each other's rows).
pub fn fold(conn: &mut DbConn) -> AppResult<usize> {
    let mut folded = 0;
    loop {
        let n = crate::db::write_transaction(conn, |conn| {
            if let DbConn::Postgresql(c) = conn {
                diesel::sql_query("SELECT pg_advisory_xact_lock(7020011)").execute(c)?;
            }
            let upto: Option<i64> = composition_deltas::table
                .select(composition_deltas::id)
                .order(composition_deltas::id)
                .offset(BATCH - 1)
                .limit(1)
                .first(conn)
                .optional()?;
            let oldest = composition_deltas::table
                .filter(composition_deltas::id.le(upto.unwrap_or(i64::MAX)));
            let rows: Vec<DeltaRow> = match conn {
                DbConn::Postgresql(c) => diesel::delete(oldest)
                    .returning(DeltaRow::as_returning())
                    .get_results(c)?,
                DbConn::Sqlite(c) => diesel::delete(oldest)
                    .returning(DeltaRow::as_returning())
                    .get_results(c)?,
            };
            let mut sums: BTreeMap<(i64, &'static str, String), i64> = BTreeMap::new();
            for d in &rows {
                for (dim, val) in d.facts().keys() {
                    *sums.entry((d.org_id, dim, val)).or_default() += i64::from(d.sign);
                }
            }
            let mut batch = Batch::new(conn, "composition_counts", &["org_id", "dim", "val", "n"])
                .statements(ADD_TO_COUNT);
            for ((org, dim, val), n) in sums.into_iter().filter(|(_, n)| *n != 0) {
                if batch.push(&[Lit::from(org), Lit::from(dim), Lit::from(val), Lit::from(n)]) {
                    batch.flush(conn)?;
                }
            }
            batch.flush(conn)?;
            Ok(rows.len())
        })?;
        folded += n;
        if n < usize::try_from(BATCH).unwrap_or(usize::MAX) {
            return Ok(folded);
        }
    }
}

/// The counts of organisation `org` (`(dimension, value, members)`, folded and pending), or
/// `None` when it holds none (deeper than [`DEPTH`]) or they are being built. Reading an
/// organisation with many pending changes folds them afterwards.
pub fn counts_of(conn: &mut DbConn, org: i64) -> AppResult<Option<Counts>> {
    use crate::db::schema::organizations;
    let depth: Option<i32> = organizations::table
        .find(org)
        .select(organizations::depth)
        .first(conn)
        .optional()?;
    if depth.is_none_or(|d| d > DEPTH) {
        return Ok(None);
    }
    let Some((rows, pending)) = in_snapshot(conn, |conn| read(conn, org))? else {
        return Ok(None);
    };
    if pending > FOLD_AFTER {
        fold(conn)?;
    }
    Ok(Some(rows))
}

/// Runs reads on one snapshot of the database (a fold committing between reading the counts
/// and reading the pending changes would otherwise count its changes twice or not at all).
fn in_snapshot<T>(
    conn: &mut DbConn,
    reads: impl FnOnce(&mut DbConn) -> AppResult<T>,
) -> AppResult<T> {
    use diesel::Connection as _;
    conn.transaction(|conn| {
        if let DbConn::Postgresql(c) = conn {
            use diesel::connection::{AnsiTransactionManager, TransactionManager};
            // Only a transaction of its own can choose its isolation (not a savepoint).
            let depth = AnsiTransactionManager::transaction_manager_status_mut(c)
                .transaction_depth()?
                .map(std::num::NonZeroU32::get);
            if depth == Some(1) {
                diesel::sql_query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute(c)?;
            }
        }
        reads(conn)
    })
}

/// The counts of `org`, folded and pending, and how many changes were pending (`None` while
/// the counts are being built).
fn read(conn: &mut DbConn, org: i64) -> AppResult<Option<(Counts, usize)>> {
    if stale(conn)? {
        return Ok(None);
    }
    let mut rows: Counts = composition_counts::table
        .filter(composition_counts::org_id.eq(org))
        .filter(composition_counts::n.ne(0))
        .select((
            composition_counts::dim,
            composition_counts::val,
            composition_counts::n,
        ))
        .load(conn)?;
    let pending: Vec<DeltaRow> = composition_deltas::table
        .filter(composition_deltas::org_id.eq(org))
        .select(DeltaRow::as_select())
        .load(conn)?;
    for d in &pending {
        rows.extend(
            d.facts()
                .keys()
                .map(|(dim, val)| (dim.to_string(), val, i64::from(d.sign))),
        );
    }
    Ok(Some((rows, pending.len())))
}

#[cfg(test)]
mod tests {
    use super::moves_counts;

    #[test]
    fn only_moves_across_the_top_two_levels_change_the_counts() {
        // A cell moved between communes of one district: the same holders.
        assert!(!moves_counts("/1/2/3/4/", "/1/2/5/4/"));
        // A commune moved under another district, or a district under another province.
        assert!(moves_counts("/1/2/3/", "/1/6/3/"));
        assert!(moves_counts("/1/2/", "/7/2/"));
        // A district becoming a commune of another district, and the other way round.
        assert!(moves_counts("/1/2/", "/1/6/2/"));
        assert!(moves_counts("/1/6/2/", "/1/2/"));
        // A root moved under another root.
        assert!(moves_counts("/1/", "/7/1/"));
    }
}
