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

use std::cell::RefCell;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use qldv_api_types::changes::{Change, ChangeEntity};
use qldv_api_types::{MemberId, OrgId};
use serde::Serialize;

use crate::auth::Scope;
use crate::db::schema::{
    badge_proposals, badges, cards, changes, counters, evaluations, members, organizations,
    transfers,
};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};

use super::badge::BadgeRow;
use super::badge_proposal::ProposalRow;
use super::card::CardRow;
use super::evaluation::EvaluationRow;
use super::member::MemberRow;
use super::organization::OrganizationRow;
use super::transfer::TransferRow;

/// A stored change.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = changes)]
pub struct ChangeRow {
    /// Position in commit order.
    pub seq: i64,
    /// When.
    pub at: NaiveDateTime,
    /// Kind of record.
    pub entity: String,
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

/// What a record looks like to the feed right after a write.
struct Snapshot {
    resource: serde_json::Value,
    version: i64,
    scope_path: String,
    other_path: Option<String>,
}

fn snapshot<T: Serialize>(
    dto: &T,
    version: i64,
    scope_path: String,
    other_path: Option<String>,
) -> AppResult<Snapshot> {
    Ok(Snapshot {
        resource: serde_json::to_value(dto).map_err(|e| AppError::internal(e.to_string()))?,
        version,
        scope_path,
        other_path,
    })
}

/// A member record as the API returns it.
fn member_snapshot(m: &MemberRow, today: chrono::NaiveDate) -> AppResult<Snapshot> {
    snapshot(
        &m.to_dto(today, crate::domain::privacy::Privacy::Full),
        m.version,
        m.org_path.clone(),
        None,
    )
}

/// The record `id` of `entity` as the API returns it now (inside the writing transaction).
fn render(conn: &mut DbConn, entity: ChangeEntity, id: i64) -> AppResult<Snapshot> {
    let all = Scope::system();
    let today = super::today();
    match entity {
        ChangeEntity::Organization => {
            let o = OrganizationRow::find(conn, &all, OrgId(id))?;
            snapshot(&o.to_dto(), o.version, o.path.clone(), None)
        }
        ChangeEntity::Member => member_snapshot(&MemberRow::find(conn, &all, MemberId(id))?, today),
        ChangeEntity::Transfer => {
            let t = TransferRow::reload(conn, id)?;
            let dto = TransferRow::view(conn, &t)?;
            snapshot(&dto, t.version, t.from_path.clone(), t.to_path.clone())
        }
        ChangeEntity::Evaluation => {
            let (e, path): (EvaluationRow, String) = evaluations::table
                .inner_join(members::table)
                .filter(evaluations::id.eq(id))
                .select((EvaluationRow::as_select(), members::org_path))
                .first(conn)?;
            snapshot(&e.to_dto(), e.version, path, None)
        }
        ChangeEntity::Card => {
            let (c, name, path) = CardRow::find(conn, &all, id)?;
            snapshot(&c.to_dto(&name), c.version, path, None)
        }
        ChangeEntity::Badge => {
            let (b, name, path): (BadgeRow, String, String) = badges::table
                .inner_join(members::table)
                .filter(badges::id.eq(id))
                .select((BadgeRow::as_select(), members::full_name, members::org_path))
                .first(conn)?;
            // Awarded badges change only when returned: that is their second version.
            let version = if b.returned_on.is_some() { 2 } else { 1 };
            snapshot(&b.to_dto(&name), version, path, None)
        }
        ChangeEntity::BadgeProposal => {
            let (p, m) = ProposalRow::find(conn, &all, id)?;
            snapshot(
                &p.to_dto(&m.full_name, m.organization_id),
                p.version,
                m.org_path,
                None,
            )
        }
    }
}

/// Records rendered, numbered and written together by [`publish`] (bounding its memory).
const PUBLISH_CHUNK: usize = 5_000;

/// Appends the changes `(entity, id, operation)` now, in that order: each record rendered as
/// the API returns it (members a few thousand per query), numbered by steps of the counter
/// (which the first step locks until the transaction ends), written set by set. A record that
/// no longer exists (its creation was rolled back to a savepoint) has nothing to publish.
fn publish(conn: &mut DbConn, items: &[(ChangeEntity, i64, String)]) -> AppResult<()> {
    use crate::db::bulk::{Batch, Lit};
    let today = super::today();
    let at = super::now();
    let columns = [
        "seq",
        "at",
        "entity",
        "entity_id",
        "operation",
        "version",
        "scope_path",
        "other_path",
        "resource",
    ];
    for items in items.chunks(PUBLISH_CHUNK) {
        let member_ids: Vec<i64> = items
            .iter()
            .filter(|(e, _, _)| *e == ChangeEntity::Member)
            .map(|(_, id, _)| *id)
            .collect();
        let members: std::collections::HashMap<i64, MemberRow> = if member_ids.is_empty() {
            Default::default()
        } else {
            members::table
                .filter(members::id.eq_any(&member_ids))
                .select(MemberRow::as_select())
                .load::<MemberRow>(conn)?
                .into_iter()
                .map(|m| (m.id, m))
                .collect()
        };
        let mut rows = Vec::with_capacity(items.len());
        for (entity, id, operation) in items {
            let snap = match entity {
                ChangeEntity::Member => match members.get(id) {
                    Some(m) => member_snapshot(m, today)?,
                    None => continue,
                },
                _ => match render(conn, *entity, *id) {
                    Ok(s) => s,
                    Err(AppError::NotFound(_)) => continue,
                    Err(e) => return Err(e),
                },
            };
            let resource = serde_json::to_string(&snap.resource)
                .map_err(|e| AppError::internal(e.to_string()))?;
            rows.push((*entity, *id, operation, snap, resource));
        }
        if rows.is_empty() {
            continue;
        }
        let n = i64::try_from(rows.len()).unwrap_or(i64::MAX);
        let last: i64 = diesel::update(counters::table.find("changes"))
            .set(counters::value.eq(counters::value + n))
            .returning(counters::value)
            .get_result(conn)?;
        let mut batch = Batch::new(conn, "changes", &columns).for_rows(rows.len());
        for (seq, (entity, id, operation, snap, resource)) in (last - n + 1..).zip(rows) {
            let full = batch.push(&[
                seq.into(),
                at.into(),
                entity.as_str().into(),
                id.into(),
                operation.as_str().into(),
                snap.version.into(),
                snap.scope_path.into(),
                Lit::from(snap.other_path),
                resource.into(),
            ]);
            if full {
                batch.flush(conn)?;
            }
        }
        batch.flush(conn)?;
    }
    Ok(())
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
    let Some(entity) = ChangeEntity::parse(entity) else {
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
        publish(conn, &[(entity, id, operation.to_string())])
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
        publish(conn, &items)?;
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

    /// The API view (`None` for a kind this version no longer publishes).
    pub fn to_dto(&self) -> Option<Change> {
        Some(Change {
            cursor: self.seq.to_string(),
            entity: ChangeEntity::parse(&self.entity)?,
            id: self.entity_id,
            operation: self.operation.clone(),
            version: self.version,
            at: super::utc(self.at),
            resource: serde_json::from_str(&self.resource).unwrap_or(serde_json::Value::Null),
        })
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
