//! Whole table rows as JSON objects, for sync packages: read with the database's own JSON
//! functions and written back column by column, on either engine. Table and column names come
//! from the caller's fixed list and the database's catalogue, never from a package.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use serde_json::{Map, Value};

use super::DbConn;
use crate::error::{AppError, AppResult};

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Json {
    #[diesel(sql_type = Text)]
    json: String,
}

/// The columns of `table`, in table order.
pub fn columns(conn: &mut DbConn, table: &str) -> AppResult<Vec<String>> {
    let names: Vec<Name> = match conn {
        DbConn::Postgresql(c) => diesel::sql_query(
            "SELECT column_name::text AS name FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        )
        .bind::<Text, _>(table)
        .load(c)?,
        DbConn::Sqlite(c) => {
            diesel::sql_query("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind::<Text, _>(table)
                .load(c)?
        }
    };
    if names.is_empty() {
        return Err(AppError::internal(format!("no table {table}")));
    }
    Ok(names.into_iter().map(|n| n.name).collect())
}

/// The rows of `table` whose `column` is `value`, ordered by their first column, as JSON
/// objects (dates and times as text).
pub fn select(conn: &mut DbConn, table: &str, column: &str, value: i64) -> AppResult<Vec<Value>> {
    select_in(conn, table, column, &[value])
}

/// The rows of `table` whose `column` is one of `values` (any number: read 500 at a time),
/// ordered by their first column within each batch of 500, as JSON objects.
pub fn select_in(
    conn: &mut DbConn,
    table: &str,
    column: &str,
    values: &[i64],
) -> AppResult<Vec<Value>> {
    let cols = columns(conn, table)?;
    let first = cols.first().cloned().unwrap_or_else(|| "1".into());
    let mut out = Vec::new();
    for chunk in values.chunks(500) {
        // Integers only, formatted here: nothing from outside reaches the statement text.
        let list = chunk
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let rows: Vec<Json> = match conn {
            DbConn::Postgresql(c) => diesel::sql_query(format!(
                "SELECT row_to_json(t)::text AS json FROM {table} t WHERE {column} IN ({list}) ORDER BY t.{first}"
            ))
            .load(c)?,
            DbConn::Sqlite(c) => {
                let pairs: Vec<String> = cols.iter().map(|n| format!("'{n}', {n}")).collect();
                diesel::sql_query(format!(
                    "SELECT json_object({}) AS json FROM {table} WHERE {column} IN ({list}) ORDER BY {first}",
                    pairs.join(", ")
                ))
                .load(c)?
            }
        };
        for r in rows {
            out.push(
                serde_json::from_str(&r.json)
                    .map_err(|e| AppError::internal(format!("row json: {e}")))?,
            );
        }
    }
    Ok(out)
}

/// Inserts `row` into `table`, or replaces the row with the same `key` columns. Columns the
/// row lacks keep their defaults.
pub fn upsert(
    conn: &mut DbConn,
    table: &str,
    key: &[&str],
    row: &Map<String, Value>,
) -> AppResult<()> {
    let cols: Vec<String> = columns(conn, table)?
        .into_iter()
        .filter(|c| row.contains_key(c))
        .collect();
    let json = Value::Object(row.clone()).to_string();
    let list = cols.join(", ");
    let set: Vec<String> = cols
        .iter()
        .filter(|c| !key.contains(&c.as_str()))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    let on_conflict = if set.is_empty() {
        "DO NOTHING".to_string()
    } else {
        format!("DO UPDATE SET {}", set.join(", "))
    };
    let key = key.join(", ");
    match conn {
        DbConn::Postgresql(c) => {
            diesel::sql_query(format!(
                "INSERT INTO {table} ({list}) SELECT {list} FROM json_populate_record(NULL::{table}, $1::json) \
                 ON CONFLICT ({key}) {on_conflict}"
            ))
            .bind::<Text, _>(json)
            .execute(c)?;
        }
        DbConn::Sqlite(c) => {
            let values: Vec<String> = cols
                .iter()
                .map(|n| format!("json_extract(?1, '$.{n}')"))
                .collect();
            diesel::sql_query(format!(
                "INSERT INTO {table} ({list}) SELECT {} WHERE true ON CONFLICT ({key}) {on_conflict}",
                values.join(", ")
            ))
            .bind::<Text, _>(json)
            .execute(c)?;
        }
    }
    Ok(())
}

/// Makes the ids this installation gives new rows start at `block` × 10¹² (unless they are
/// past it already), so that installations exchanging packages never hand out the same id.
pub fn reserve_id_block(conn: &mut DbConn, tables: &[&str], block: i64) -> AppResult<()> {
    let start = block
        .checked_mul(1_000_000_000_000)
        .ok_or_else(|| AppError::internal("id block too large"))?;
    for table in tables {
        match conn {
            DbConn::Postgresql(c) => {
                diesel::sql_query(format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                     GREATEST($1, (SELECT COALESCE(MAX(id), 0) FROM {table}) + 1), false)"
                ))
                .bind::<BigInt, _>(start)
                .execute(c)?;
            }
            DbConn::Sqlite(c) => {
                diesel::sql_query("DELETE FROM sqlite_sequence WHERE name = ?")
                    .bind::<Text, _>(*table)
                    .execute(c)?;
                diesel::sql_query(format!(
                    "INSERT INTO sqlite_sequence (name, seq) \
                     SELECT ?, MAX(?, (SELECT COALESCE(MAX(id), 0) FROM {table}))"
                ))
                .bind::<Text, _>(*table)
                .bind::<BigInt, _>(start - 1)
                .execute(c)?;
            }
        }
    }
    Ok(())
}
