//! The unit of work: one write transaction, the connection it runs on, and what its writes
//! noted for the end of it.
//!
//! A write receives a [`UnitOfWork`] and notes on it what the transaction must do last, before
//! its `COMMIT` (the layer above decides what that is: publishing the change feed and chaining
//! the audit entries). Nothing is collected behind the caller's back: a function that notes
//! needs the unit of work in its signature, so a write outside one does not compile.
//!
//! `db` knows nothing of what is noted: the notes are any type implementing [`Pending`], which
//! the layer that renders records provides (no import from `db` upwards).

use std::ops::{Deref, DerefMut};

use super::{write_transaction, DbConn};
use crate::error::AppResult;

/// What the writes of one unit of work noted, finished last before the `COMMIT`.
pub trait Pending: Default {
    /// Runs last in the transaction, with everything the writes noted (an error rolls the whole
    /// unit of work back).
    fn finish(self, conn: &mut DbConn) -> AppResult<()>;
}

/// One write transaction in progress: the connection it runs on and the notes of its writes.
///
/// Reads take `&mut DbConn`; a unit of work gives one by dereference (`find(uow, …)`), or
/// [`UnitOfWork::conn`] where a query needs the connection's own type.
pub struct UnitOfWork<'c, P> {
    conn: &'c mut DbConn,
    pending: P,
}

impl<P> UnitOfWork<'_, P> {
    /// The connection, for queries (diesel's `execute`, `load`…).
    pub fn conn(&mut self) -> &mut DbConn {
        self.conn
    }

    /// The notes of the writes so far.
    pub fn pending(&mut self) -> &mut P {
        &mut self.pending
    }
}

impl<P> Deref for UnitOfWork<'_, P> {
    type Target = DbConn;

    fn deref(&self) -> &DbConn {
        self.conn
    }
}

impl<P> DerefMut for UnitOfWork<'_, P> {
    fn deref_mut(&mut self) -> &mut DbConn {
        self.conn
    }
}

/// Runs `f` as one unit of work on an open connection: a write transaction (see
/// [`write_transaction`]) whose notes are finished last, just before it commits. An error from
/// `f` or from finishing rolls everything back, notes included. Refused inside another
/// transaction: its notes would be finished before that transaction's end, not last.
pub fn unit_of_work<T, P, F>(conn: &mut DbConn, f: F) -> AppResult<T>
where
    P: Pending,
    F: FnOnce(&mut UnitOfWork<'_, P>) -> AppResult<T>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    let depth = match conn {
        DbConn::Postgresql(c) => {
            AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth()?
        }
        DbConn::Sqlite(c) => {
            AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth()?
        }
    };
    if depth.is_some() {
        return Err(crate::error::AppError::internal(
            "a unit of work was started inside another transaction",
        ));
    }
    write_transaction(conn, |conn| {
        let mut work = UnitOfWork {
            conn,
            pending: P::default(),
        };
        let value = f(&mut work)?;
        let UnitOfWork { conn, pending } = work;
        pending.finish(conn)?;
        Ok(value)
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failing step is the test failing
mod tests {
    use super::*;
    use diesel::RunQueryDsl;

    /// Notes written, when finished, as one row `finished:<notes>`; or refused.
    #[derive(Default)]
    struct Notes {
        notes: Vec<&'static str>,
        refuse: bool,
    }

    impl Pending for Notes {
        fn finish(self, conn: &mut DbConn) -> AppResult<()> {
            let row = format!("finished:{}", self.notes.join(","));
            diesel::sql_query(format!("INSERT INTO t (v) VALUES ('{row}')")).execute(conn)?;
            if self.refuse {
                return Err(crate::error::AppError::internal("refused"));
            }
            Ok(())
        }
    }

    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        v: String,
    }

    fn memory() -> DbConn {
        let mut c = super::super::connect("sqlite://:memory:").unwrap();
        diesel::sql_query("CREATE TABLE t (n INTEGER PRIMARY KEY, v TEXT)")
            .execute(&mut c)
            .unwrap();
        c
    }

    fn rows(c: &mut DbConn) -> Vec<String> {
        let rows: Vec<Row> = diesel::sql_query("SELECT v FROM t ORDER BY n")
            .load(c)
            .unwrap();
        rows.into_iter().map(|r| r.v).collect()
    }

    #[test]
    fn the_notes_are_finished_once_last_in_the_same_transaction() {
        let mut c = memory();
        unit_of_work(&mut c, |w: &mut UnitOfWork<'_, Notes>| {
            diesel::sql_query("INSERT INTO t (v) VALUES ('write')").execute(w.conn())?;
            w.pending().notes.push("a");
            diesel::sql_query("INSERT INTO t (v) VALUES ('write')").execute(w.conn())?;
            w.pending().notes.push("b");
            Ok(())
        })
        .unwrap();
        assert_eq!(rows(&mut c), ["write", "write", "finished:a,b"]);
    }

    #[test]
    fn a_failed_write_or_a_refused_finish_leaves_nothing() {
        let mut c = memory();
        let failed = unit_of_work(&mut c, |w: &mut UnitOfWork<'_, Notes>| {
            diesel::sql_query("INSERT INTO t (v) VALUES ('write')").execute(w.conn())?;
            w.pending().notes.push("a");
            Err::<(), _>(crate::error::AppError::internal("the write failed"))
        });
        assert!(failed.is_err());
        let refused = unit_of_work(&mut c, |w: &mut UnitOfWork<'_, Notes>| {
            diesel::sql_query("INSERT INTO t (v) VALUES ('write')").execute(w.conn())?;
            w.pending().refuse = true;
            Ok(())
        });
        assert!(refused.is_err());
        assert_eq!(rows(&mut c), Vec::<String>::new());
    }

    #[test]
    fn a_unit_of_work_inside_another_is_refused() {
        let mut c = memory();
        let nested = unit_of_work(&mut c, |w: &mut UnitOfWork<'_, Notes>| {
            w.pending().notes.push("outer");
            unit_of_work(w.conn(), |inner: &mut UnitOfWork<'_, Notes>| {
                inner.pending().notes.push("inner");
                Ok(())
            })
        });
        assert!(nested.is_err());
        assert_eq!(rows(&mut c), Vec::<String>::new());
    }
}
