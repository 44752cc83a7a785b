//! Writing rows set by set (the seeder, imports, new records): rows collected from typed values
//! and written as `COPY … FROM STDIN` on PostgreSQL (its fast path: no statement to parse per
//! row) and as multi-row `INSERT`s on SQLite (the multi-connection cannot batch diesel inserts).
//! Values are formatted here from typed Rust values: numbers, dates and booleans by `Display`,
//! text quoted with every `'` doubled (SQL's only escape in a standard string literal, on both
//! engines; PostgreSQL's `standard_conforming_strings`, on by default since 9.1, keeps backslashes
//! literal) or escaped for `COPY`'s text format, so text from input stays a value.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::{QueryResult, RunQueryDsl};

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
/// Vocabulary terms are written as their stored code.
macro_rules! term_literals {
    ($($term:ty),+ $(,)?) => {
        $(
            impl From<$term> for Lit {
                fn from(v: $term) -> Self {
                    Self::Text(qldv_api_types::Term::code(v).to_string())
                }
            }
        )+
    };
}

term_literals!(
    qldv_api_types::members::Gender,
    qldv_api_types::members::PoliticalTheory,
    qldv_api_types::members::MemberStatus,
    qldv_api_types::movements::MembershipEnd,
    qldv_api_types::audit::AuditEntity,
    qldv_api_types::audit::AuditAction,
    qldv_api_types::cell_year::Attendance,
    qldv_api_types::cell_year::MeetingKind,
    qldv_api_types::cell_year::DutyResult,
);

/// Typed ids are written as their number.
macro_rules! id_literals {
    ($($id:ident),+ $(,)?) => {
        $(
            impl From<qldv_api_types::$id> for Lit {
                fn from(v: qldv_api_types::$id) -> Self {
                    Self::Int(v.0)
                }
            }
        )+
    };
}

id_literals!(MemberId, OrgId, UserId, EventId, MeetingId, DutyId);

impl<T: Into<Lit>> From<Option<T>> for Lit {
    fn from(v: Option<T>) -> Self {
        v.map_or(Self::Null, Into::into)
    }
}

impl Lit {
    /// As a literal of an `INSERT`'s `VALUES`.
    fn write(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = match self {
            Self::Null => write!(out, "NULL"),
            Self::Int(v) => write!(out, "{v}"),
            Self::Bool(v) => write!(out, "{}", if *v { "TRUE" } else { "FALSE" }),
            Self::Text(v) => write!(out, "'{}'", v.replace('\'', "''")),
            Self::Date(v) => write!(out, "'{}'", iso_date(*v)),
            Self::Time(v) => write!(out, "'{}'", iso_time(*v)),
        };
    }

    /// As a field of `COPY`'s text format: `\N` for NULL, backslash escapes for the separators.
    fn write_copy(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = match self {
            Self::Null => write!(out, "\\N"),
            Self::Int(v) => write!(out, "{v}"),
            Self::Bool(v) => write!(out, "{}", if *v { "t" } else { "f" }),
            Self::Text(v) => {
                for ch in v.chars() {
                    match ch {
                        '\\' => out.push_str("\\\\"),
                        '\t' => out.push_str("\\t"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        c => out.push(c),
                    }
                }
                Ok(())
            }
            Self::Date(v) => write!(out, "{}", iso_date(*v)),
            Self::Time(v) => write!(out, "{}", iso_time(*v)),
        };
    }
}

/// `YYYY-MM-DD` (formatted directly: `strftime` parses its pattern on every call, and a
/// million-row load formats millions of dates).
fn iso_date(d: NaiveDate) -> String {
    use chrono::Datelike as _;
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `YYYY-MM-DD HH:MM:SS.ffffff`.
fn iso_time(t: NaiveDateTime) -> String {
    use chrono::Timelike as _;
    format!(
        "{} {:02}:{:02}:{:02}.{:06}",
        iso_date(t.date()),
        t.hour(),
        t.minute(),
        t.second(),
        t.nanosecond() / 1_000
    )
}

/// Rows for one table, written 500 at a time as an `INSERT` (SQLite) or 10,000 at a time as
/// one `COPY` (PostgreSQL).
pub struct Batch {
    target: String,
    copy: bool,
    suffix: &'static str,
    values: String,
    rows: usize,
    /// Rows written so far.
    pub written: u64,
}

impl Batch {
    /// A batch for `table` with these columns, in the form `conn`'s engine loads fastest.
    pub fn new(conn: &DbConn, table: &str, columns: &[&str]) -> Self {
        Self {
            target: format!("{table} ({})", columns.join(", ")),
            copy: matches!(conn, DbConn::Postgresql(_)),
            suffix: "",
            values: String::new(),
            rows: 0,
            written: 0,
        }
    }

    /// The same batch written as `INSERT` statements on both engines (a few rows, where a
    /// `COPY` would cost more than it saves), each ending with `suffix` (such as an
    /// `ON CONFLICT` clause; a constant of the caller's).
    pub fn statements(mut self, suffix: &'static str) -> Self {
        self.copy = false;
        self.suffix = suffix;
        self
    }

    /// The batch written as `INSERT` statements when it will hold only a few rows (`expected`),
    /// where a `COPY` would cost more than it saves.
    pub fn for_rows(self, expected: usize) -> Self {
        if expected < 64 {
            self.statements("")
        } else {
            self
        }
    }

    fn size(&self) -> usize {
        if self.copy {
            10_000
        } else {
            500
        }
    }

    /// Adds a row (values in column order); `true` when the batch is full and should be
    /// written (the caller writes every batch then, parents first, so references hold).
    pub fn push(&mut self, row: &[Lit]) -> bool {
        // COPY's text format: fields by tabs, a row per line; VALUES: `(…, …)` lists by commas.
        let (open, sep, close) = match (self.copy, self.rows) {
            (true, _) => ("", "\t", "\n"),
            (false, 0) => ("(", ", ", ")"),
            (false, _) => (", (", ", ", ")"),
        };
        self.values.push_str(open);
        for (i, v) in row.iter().enumerate() {
            if i > 0 {
                self.values.push_str(sep);
            }
            if self.copy {
                v.write_copy(&mut self.values);
            } else {
                v.write(&mut self.values);
            }
        }
        self.values.push_str(close);
        self.rows += 1;
        self.rows >= self.size()
    }

    fn insert(&self) -> String {
        format!(
            "INSERT INTO {} VALUES {} {}",
            self.target, self.values, self.suffix
        )
    }

    /// Writes what is pending.
    pub fn flush(&mut self, conn: &mut DbConn) -> AppResult<()> {
        if self.rows == 0 {
            return Ok(());
        }
        match conn {
            DbConn::Postgresql(c) if self.copy => copy_in(c, &self.target, &self.values)?,
            DbConn::Postgresql(c) => diesel::sql_query(self.insert()).execute(c)?,
            DbConn::Sqlite(c) => diesel::sql_query(self.insert()).execute(c)?,
        };
        self.written += self.rows as u64;
        self.values.clear();
        self.rows = 0;
        Ok(())
    }
}

thread_local! {
    /// The `table (columns)` of the `COPY` being sent on this thread (diesel names a `COPY`'s
    /// target by a static type; ours are chosen at run time).
    static COPY_TARGET: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The target of a `COPY` named at run time through [`COPY_TARGET`].
struct DynTarget;

impl diesel::pg::CopyTarget for DynTarget {
    // Only names the statement's types; the text comes from `COPY_TARGET`.
    type Table = super::schema::members::table;
    type SqlType = diesel::sql_types::Integer;

    fn walk_target(
        mut pass: diesel::query_builder::AstPass<'_, '_, diesel::pg::Pg>,
    ) -> QueryResult<()> {
        COPY_TARGET.with(|t| pass.push_sql(&t.borrow()));
        Ok(())
    }
}

/// `COPY target FROM STDIN` with `data` in the text format, on one PostgreSQL connection.
fn copy_in(conn: &mut diesel::PgConnection, target: &str, data: &str) -> QueryResult<usize> {
    use diesel::ExecuteCopyFromDsl as _;
    COPY_TARGET.with(|t| target.clone_into(&mut t.borrow_mut()));
    diesel::copy_from(super::schema::members::table)
        .from_raw_data(DynTarget, |out: &mut dyn std::io::Write| {
            out.write_all(data.as_bytes())
                .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))
        })
        .execute(conn)
}

/// Runs a bulk load of `tables` (the caller's own, constant names) with PostgreSQL's per-row
/// foreign-key triggers off when the account may do so (`session_replication_role`, as
/// `pg_restore` loads data before constraints) and then checks every foreign key of those tables
/// in one set-based query each: the same guarantee, without a trigger and an index probe per row
/// (which took over half of PostgreSQL's time). Elsewhere, or without the right (a role that is
/// not a superuser needs `GRANT SET ON PARAMETER session_replication_role TO role`, PostgreSQL
/// 15+), the load runs with the triggers on, and says so in the log.
pub fn load_in_bulk<T>(
    conn: &mut DbConn,
    tables: &[&str],
    load: impl FnOnce(&mut DbConn) -> AppResult<T>,
) -> AppResult<T> {
    use diesel::connection::SimpleConnection as _;
    let deferred = match conn {
        DbConn::Postgresql(c) => match c.batch_execute("SET session_replication_role = replica") {
            Ok(()) => true,
            Err(e) => {
                tracing::info!(
                    reason = %e,
                    "bulk load with per-row foreign-key checks: this database role may not set \
                     session_replication_role (a superuser may allow it, faster: GRANT SET ON \
                     PARAMETER session_replication_role TO <role>)"
                );
                false
            }
        },
        DbConn::Sqlite(_) => false,
    };
    let result = load(conn);
    if let (true, DbConn::Postgresql(c)) = (deferred, &mut *conn) {
        c.batch_execute("RESET session_replication_role")?;
        let value = result?;
        check_foreign_keys(c, tables)?;
        return Ok(value);
    }
    result
}

/// Fails (naming the constraint) when a row of `tables` references nothing.
fn check_foreign_keys(conn: &mut diesel::PgConnection, tables: &[&str]) -> AppResult<()> {
    use diesel::connection::SimpleConnection as _;
    let list = tables
        .iter()
        .map(|t| format!("'{t}'"))
        .collect::<Vec<_>>()
        .join(", ");
    conn.batch_execute(&format!(
        "DO $$ DECLARE r record; bad bigint; BEGIN \
           FOR r IN SELECT c.conname, c.conrelid::regclass AS child, \
                           c.confrelid::regclass AS parent, a.attname AS col, p.attname AS pcol \
                    FROM pg_constraint c \
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
                    JOIN pg_attribute p ON p.attrelid = c.confrelid AND p.attnum = c.confkey[1] \
                    WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 \
                      AND c.conrelid = ANY (ARRAY[{list}]::regclass[]) LOOP \
             EXECUTE format('SELECT count(*) FROM %s x WHERE x.%I IS NOT NULL AND NOT EXISTS \
                             (SELECT 1 FROM %s y WHERE y.%I = x.%I)', \
                            r.child, r.col, r.parent, r.pcol, r.col) INTO bad; \
             IF bad > 0 THEN \
               RAISE EXCEPTION 'foreign key % broken by % rows', r.conname, bad; \
             END IF; \
           END LOOP; END $$"
    ))?;
    Ok(())
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

/// Takes `n` fresh ids of `table`'s identity for rows written with explicit ids (inside the
/// caller's write transaction): from the sequence on PostgreSQL (concurrent writers draw
/// others), after the highest id ever used on SQLite (whose writers are serialised, and whose
/// `AUTOINCREMENT` follows explicit ids by itself).
pub fn reserve_ids(conn: &mut DbConn, table: &str, n: usize) -> AppResult<Vec<i64>> {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    if n == 0 {
        return Ok(Vec::new());
    }
    match conn {
        DbConn::Postgresql(c) => {
            let ids: Vec<Id> = diesel::sql_query(format!(
                "SELECT nextval(pg_get_serial_sequence('{table}', 'id')) AS id \
                 FROM generate_series(1, {n})"
            ))
            .load(c)?;
            Ok(ids.into_iter().map(|i| i.id).collect())
        }
        DbConn::Sqlite(c) => {
            let last: Id = diesel::sql_query(format!(
                "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), \
                        COALESCE((SELECT MAX(id) FROM {table}), 0)) AS id"
            ))
            .get_result(c)?;
            let n = i64::try_from(n).unwrap_or(i64::MAX);
            Ok((last.id + 1..=last.id.saturating_add(n)).collect())
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Dates and times are written as `strftime` writes them.
        #[test]
        fn dates_and_times_as_strftime_writes_them(days in 0i64..80_000, micros in 0i64..86_400_000_000) {
            let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default() + chrono::Duration::days(days);
            let t = d.and_hms_opt(0, 0, 0).unwrap_or_default() + chrono::Duration::microseconds(micros);
            prop_assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
            prop_assert_eq!(iso_time(t), t.format("%Y-%m-%d %H:%M:%S%.6f").to_string());
        }
    }
}
