//! The change feed: every write to a published record appends, in its own transaction, the
//! record as the API returns it after the write.
//!
//! Writes *note* what they changed ([`note`]); the outermost write transaction renders each noted
//! record once, as it stands at commit, and appends the changes last ([`Collector::flush`]).
//!
//! Commit order: each change takes its sequence number from the `changes` counter with an
//! `UPDATE … RETURNING`. The row lock that update takes is held until the transaction ends, so a
//! second writer asking for a number waits until the first has committed (or rolled back, which
//! also returns its numbers). Sequence order is therefore commit order, and a reader that has seen
//! `n` can never later find a committed change numbered `n` or below that it did not see. SQLite
//! serialises writers anyway; the counter makes PostgreSQL behave the same.

mod publish;

use std::cell::RefCell;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use qldv_api_types::changes::{Change, ChangeEntity};
use qldv_api_types::Term;

use crate::auth::Scope;
use crate::db::schema::{
    badge_proposals, badges, cards, changes, evaluations, members, organizations, transfers,
};
use crate::db::DbConn;
use crate::error::AppResult;

/// A stored change.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = changes)]
pub struct ChangeRow {
    /// Position in commit order.
    pub seq: i64,
    /// When.
    pub at: NaiveDateTime,
    /// Kind of record.
    pub entity: ChangeEntity,
    /// Record id.
    pub entity_id: i64,
    /// What was done.
    pub operation: String,
    /// The record's version after the change.
    pub version: i64,
    /// The organisation path the record belongs to.
    pub scope_path: String,
    /// A second path it also belongs to (a transfer's receiving side).
    pub other_path: Option<String>,
    /// The record as the API returned it (JSON).
    pub resource: String,
}

/// The records changed by the write transactions open on this thread (diesel runs a
/// transaction on one thread from `BEGIN` to `COMMIT`).
#[derive(Default)]
struct Pending {
    depth: u32,
    items: Vec<(ChangeEntity, i64, String)>,
    /// Where each record's item is in `items` (an import notes a million).
    at: std::collections::HashMap<(ChangeEntity, i64), usize>,
    audited: Vec<i64>,
}

thread_local! {
    static PENDING: RefCell<Pending> = RefCell::new(Pending::default());
}

/// Notes that `operation` changed the record `id` of kind `entity` (kinds the feed does not
/// publish, such as users and tokens, are ignored). Inside a write transaction the change is
/// published when it commits, once per record (with the first operation noted other than a
/// generic `update`); outside one, at once.
pub fn note(conn: &mut DbConn, entity: &str, id: i64, operation: &str) -> AppResult<()> {
    let Ok(entity) = ChangeEntity::parse(entity) else {
        return Ok(());
    };
    let deferred = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if p.depth == 0 {
            return false;
        }
        let p = &mut *p;
        match p.at.get(&(entity, id)) {
            // A generic update gives way to the named operation that caused it.
            Some(&i) => {
                if let Some((_, _, op)) = p.items.get_mut(i).filter(|(_, _, op)| op == "update") {
                    *op = operation.to_string();
                }
            }
            None => {
                p.at.insert((entity, id), p.items.len());
                p.items.push((entity, id, operation.to_string()));
            }
        }
        true
    });
    if deferred {
        Ok(())
    } else {
        publish::publish(conn, &[(entity, id, operation.to_string())])
    }
}

/// Notes an audit entry written by the open write transaction, to be chained when it commits;
/// `false` outside a write transaction.
pub fn note_audit(id: i64) -> bool {
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if p.depth == 0 {
            return false;
        }
        p.audited.push(id);
        true
    })
}

/// Collects the changes of one write transaction; the outermost one publishes them.
pub struct Collector {
    outermost: bool,
}

impl Collector {
    /// Starts collecting (nested transactions join the outermost one).
    pub fn start() -> Self {
        let outermost = PENDING.with(|p| {
            let mut p = p.borrow_mut();
            p.depth += 1;
            if p.depth == 1 {
                p.items.clear();
                p.at.clear();
                p.audited.clear();
            }
            p.depth == 1
        });
        Self { outermost }
    }

    /// Publishes what the transaction changed, last before its commit (so the counter is held
    /// only for the end of the transaction).
    pub fn flush(&self, conn: &mut DbConn) -> AppResult<()> {
        if !self.outermost {
            return Ok(());
        }
        let (items, audited) = PENDING.with(|p| {
            let mut p = p.borrow_mut();
            p.at.clear();
            (std::mem::take(&mut p.items), std::mem::take(&mut p.audited))
        });
        publish::publish(conn, &items)?;
        // Always after the feed's counter: every writer takes the two locks in this order.
        super::audit_chain::seal(conn, &audited)
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        PENDING.with(|p| {
            let mut p = p.borrow_mut();
            p.depth = p.depth.saturating_sub(1);
            if self.outermost {
                p.items.clear();
                p.at.clear();
                p.audited.clear();
            }
        });
    }
}

impl ChangeRow {
    /// Changes inside the scope (and, optionally, a subtree of it) after `after`, oldest first.
    pub fn after(
        conn: &mut DbConn,
        scope: &Scope,
        subtree: Option<&str>,
        after: i64,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        let mut q = changes::table.filter(changes::seq.gt(after)).into_boxed();
        let ranges = [
            scope.path_range(),
            subtree.map(crate::domain::tree::subtree_range),
        ];
        for (lo, hi) in ranges.into_iter().flatten() {
            q = q.filter(
                changes::scope_path
                    .ge(lo.clone())
                    .and(changes::scope_path.lt(hi.clone()))
                    .or(changes::other_path
                        .ge(lo)
                        .and(changes::other_path.lt(hi))
                        .assume_not_null()),
            );
        }
        Ok(q.order(changes::seq.asc())
            .limit(limit)
            .select(Self::as_select())
            .load(conn)?)
    }

    /// The API view.
    pub fn to_dto(&self) -> Change {
        Change {
            cursor: self.seq.to_string(),
            entity: self.entity,
            id: self.entity_id,
            operation: self.operation.clone(),
            version: self.version,
            at: super::utc(self.at),
            resource: serde_json::from_str(&self.resource).unwrap_or(serde_json::Value::Null),
        }
    }
}

/// Every published record of the subtree at `path` (organisations, members and what hangs on
/// them, transfers from or to it), whether or not the feed has a change for it: what a first
/// sync package carries.
pub fn records_in(conn: &mut DbConn, path: &str) -> AppResult<Vec<(ChangeEntity, i64)>> {
    let (lo, hi) = crate::domain::tree::subtree_range(path);
    let mut out = Vec::new();
    let mut add = |entity: ChangeEntity, ids: Vec<i64>| {
        out.extend(ids.into_iter().map(|id| (entity, id)));
    };
    add(
        ChangeEntity::Organization,
        organizations::table
            .filter(organizations::path.ge(&lo).and(organizations::path.lt(&hi)))
            .select(organizations::id)
            .load(conn)?,
    );
    let in_subtree = members::org_path
        .ge(lo.clone())
        .and(members::org_path.lt(hi.clone()));
    add(
        ChangeEntity::Member,
        members::table
            .filter(in_subtree.clone())
            .select(members::id)
            .load(conn)?,
    );
    add(
        ChangeEntity::Transfer,
        transfers::table
            .filter(
                transfers::from_path
                    .ge(&lo)
                    .and(transfers::from_path.lt(&hi))
                    .or(transfers::to_path
                        .ge(&lo)
                        .and(transfers::to_path.lt(&hi))
                        .assume_not_null()),
            )
            .select(transfers::id)
            .load(conn)?,
    );
    add(
        ChangeEntity::Evaluation,
        evaluations::table
            .inner_join(members::table)
            .filter(in_subtree.clone())
            .select(evaluations::id)
            .load(conn)?,
    );
    add(
        ChangeEntity::Card,
        cards::table
            .inner_join(members::table)
            .filter(in_subtree.clone())
            .select(cards::id)
            .load(conn)?,
    );
    add(
        ChangeEntity::BadgeProposal,
        badge_proposals::table
            .inner_join(members::table)
            .filter(in_subtree.clone())
            .select(badge_proposals::id)
            .load(conn)?,
    );
    add(
        ChangeEntity::Badge,
        badges::table
            .inner_join(members::table)
            .filter(in_subtree)
            .select(badges::id)
            .load(conn)?,
    );
    Ok(out)
}
