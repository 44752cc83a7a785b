//! The unit of work of the records' writes: a [`crate::db::UnitOfWork`] whose notes are the
//! change feed's records and the audit entries of the transaction.
//!
//! A write notes on the unit of work it is given what it changed ([`super::change::note`]) and
//! the audit entries it appended ([`super::audit::record`]); when the work commits, each noted
//! record is rendered once, as it stands then, and published, and the audit entries are chained,
//! in that order, last before the `COMMIT` (see [`super::change`] for why that order is the
//! commit order).

use std::collections::HashMap;

use qldv_api_types::audit::AuditAction;
use qldv_api_types::changes::ChangeEntity;
use qldv_api_types::AuditEntryId;

use crate::db::DbConn;
use crate::error::AppResult;

/// A write transaction of records: the connection, the records changed and the audit entries
/// appended, committed together.
pub type Uow<'c> = crate::db::UnitOfWork<'c, Notes>;

/// What the writes of one unit of work changed and audited.
#[derive(Default)]
pub struct Notes {
    /// Each record changed once, with its operation, in the order first noted.
    changes: Vec<(ChangeEntity, i64, AuditAction)>,
    /// Where each record is in `changes` (an import notes a million).
    at: HashMap<(ChangeEntity, i64), usize>,
    /// The audit entries appended, to be chained.
    audited: Vec<AuditEntryId>,
}

impl Notes {
    /// Notes that `operation` changed the record `id` of `entity`: published once per record,
    /// with the first operation noted other than a generic `update`.
    pub fn change(&mut self, entity: ChangeEntity, id: i64, operation: AuditAction) {
        match self.at.get(&(entity, id)) {
            // A generic update gives way to the named operation that caused it.
            Some(&i) => {
                if let Some((_, _, op)) = self
                    .changes
                    .get_mut(i)
                    .filter(|(_, _, op)| *op == AuditAction::Update)
                {
                    *op = operation;
                }
            }
            None => {
                self.at.insert((entity, id), self.changes.len());
                self.changes.push((entity, id, operation));
            }
        }
    }

    /// Notes an audit entry appended, to be chained at the commit.
    pub fn audited(&mut self, id: AuditEntryId) {
        self.audited.push(id);
    }

    /// The records noted so far, in order, with their operation.
    pub fn changes(&self) -> &[(ChangeEntity, i64, AuditAction)] {
        &self.changes
    }

    /// The audit entries noted so far.
    pub fn audit_entries(&self) -> &[AuditEntryId] {
        &self.audited
    }
}

impl crate::db::Pending for Notes {
    /// Publishes what the transaction changed, then chains its audit entries: last before its
    /// commit (so the counters are held only for the end of the transaction), always the feed's
    /// counter first, so every writer takes the two locks in the same order.
    fn finish(self, conn: &mut DbConn) -> AppResult<()> {
        super::change::publish(conn, &self.changes)?;
        super::audit_chain::seal(conn, &self.audited)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_noted_once_in_first_order_with_its_named_operation() {
        let mut n = Notes::default();
        n.change(ChangeEntity::Member, 7, AuditAction::Update);
        n.change(ChangeEntity::Organization, 1, AuditAction::Create);
        n.change(ChangeEntity::Member, 7, AuditAction::Exit);
        n.change(ChangeEntity::Member, 7, AuditAction::Update);
        n.change(ChangeEntity::Organization, 1, AuditAction::Update);
        n.change(ChangeEntity::Member, 8, AuditAction::Create);
        assert_eq!(
            n.changes(),
            [
                (ChangeEntity::Member, 7, AuditAction::Exit),
                (ChangeEntity::Organization, 1, AuditAction::Create),
                (ChangeEntity::Member, 8, AuditAction::Create),
            ]
        );
    }
}
