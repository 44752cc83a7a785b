//! Bulk loading for the seeder: rows collected as SQL literals and written as multi-row
//! `INSERT`s (the multi-connection cannot batch diesel inserts). Values are formatted here from
//! typed Rust values, never copied from input, so nothing outside reaches the statement text.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::RunQueryDsl;

use super::DbConn;
use crate::error::AppResult;

/// One SQL literal.
#[derive(Debug, Clone)]
pub enum Lit {
    /// `NULL`.
    Null,
    /// An integer.
    Int(i64),
    /// A boolean (`TRUE`/`FALSE` on both engines).
    Bool(bool),
    /// Text, quoted.
    Text(String),
    /// A date, `'YYYY-MM-DD'`.
    Date(NaiveDate),
    /// A timestamp, `'YYYY-MM-DD HH:MM:SS.ffffff'`.
    Time(NaiveDateTime),
}

impl From<i64> for Lit {
    fn from(v: i64) -> Self {
        Self::Int(v)
    }
}
impl From<i32> for Lit {
    fn from(v: i32) -> Self {
        Self::Int(i64::from(v))
    }
}
impl From<bool> for Lit {
    fn from(v: bool) -> Self {
        Self::Bool(v)
    }
}
impl From<&str> for Lit {
    fn from(v: &str) -> Self {
        Self::Text(v.to_string())
    }
}
impl From<String> for Lit {
    fn from(v: String) -> Self {
        Self::Text(v)
    }
}
impl From<NaiveDate> for Lit {
    fn from(v: NaiveDate) -> Self {
        Self::Date(v)
    }
}
impl From<NaiveDateTime> for Lit {
    fn from(v: NaiveDateTime) -> Self {
        Self::Time(v)
    }
}
impl<T: Into<Lit>> From<Option<T>> for Lit {
    fn from(v: Option<T>) -> Self {
        v.map_or(Self::Null, Into::into)
    }
}

impl Lit {
    fn write(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = match self {
            Self::Null => write!(out, "NULL"),
            Self::Int(v) => write!(out, "{v}"),
            Self::Bool(v) => write!(out, "{}", if *v { "TRUE" } else { "FALSE" }),
            Self::Text(v) => write!(out, "'{}'", v.replace('\'', "''")),
            Self::Date(v) => write!(out, "'{}'", v.format("%Y-%m-%d")),
            Self::Time(v) => write!(out, "'{}'", v.format("%Y-%m-%d %H:%M:%S%.6f")),
        };
    }
}

/// Rows for one table, written 500 at a time.
pub struct Batch {
    head: String,
    values: String,
    rows: usize,
    /// Rows written so far.
    pub written: u64,
}

impl Batch {
    const SIZE: usize = 500;

    /// A batch for `table` with these columns.
    pub fn new(table: &str, columns: &[&str]) -> Self {
        Self {
            head: format!("INSERT INTO {table} ({}) VALUES ", columns.join(", ")),
            values: String::new(),
            rows: 0,
            written: 0,
        }
    }

    /// Adds a row (values in column order); `true` when the batch is full and should be
    /// written (the caller writes every batch then, parents first, so references hold).
    pub fn push(&mut self, row: &[Lit]) -> bool {
        if self.rows > 0 {
            self.values.push_str(", ");
        }
        self.values.push('(');
        for (i, v) in row.iter().enumerate() {
            if i > 0 {
                self.values.push_str(", ");
            }
            v.write(&mut self.values);
        }
        self.values.push(')');
        self.rows += 1;
        self.rows >= Self::SIZE
    }

    /// Writes what is pending.
    pub fn flush(&mut self, conn: &mut DbConn) -> AppResult<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let sql = format!("{}{}", self.head, self.values);
        match conn {
            DbConn::Postgresql(c) => diesel::sql_query(sql).execute(c)?,
            DbConn::Sqlite(c) => diesel::sql_query(sql).execute(c)?,
        };
        self.written += self.rows as u64;
        self.values.clear();
        self.rows = 0;
        Ok(())
    }
}

/// The next free id of each table's identity (after rows were loaded with explicit ids).
pub fn next_id(conn: &mut DbConn, table: &str) -> AppResult<i64> {
    #[derive(diesel::QueryableByName)]
    struct Max {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let sql = format!("SELECT COALESCE(MAX(id), 0) + 1 AS n FROM {table}");
    let m: Max = match conn {
        DbConn::Postgresql(c) => diesel::sql_query(sql).get_result(c)?,
        DbConn::Sqlite(c) => diesel::sql_query(sql).get_result(c)?,
    };
    Ok(m.n)
}

/// Moves the identity of each table past the ids loaded explicitly (PostgreSQL; SQLite's
/// `AUTOINCREMENT` follows by itself).
pub fn resync_identities(conn: &mut DbConn, tables: &[&str]) -> AppResult<()> {
    if let DbConn::Postgresql(c) = conn {
        for table in tables {
            diesel::sql_query(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
            ))
            .execute(c)?;
        }
    }
    Ok(())
}
