//! Set-based counting queries written once for both engines.
//!
//! Reports are aggregates over a subtree as the tree was at a date, which needs a recursive
//! common table expression and date arithmetic: beyond diesel's query builder, so they are SQL
//! text with a few engine-specific spellings filled in here. Every tally query returns rows of
//! `(grp, metric, n)` (long format) and takes the same four parameters, referenced once in a
//! `params` expression: `$1` the root organisation, `$2` the first day, `$3` the last day (or the
//! date of a point-in-time report), `$4` a year.

use chrono::NaiveDate;
use diesel::sql_types::{BigInt, Date, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};

use super::DbConn;
use crate::error::AppResult;

/// One counted cell: a group (an organisation id, a dimension, `total`), a metric, a count.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct Tally {
    /// The group.
    #[diesel(sql_type = Nullable<Text>)]
    pub grp: Option<String>,
    /// The metric (column key or category value).
    #[diesel(sql_type = Nullable<Text>)]
    pub metric: Option<String>,
    /// The count.
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

/// The parameters every tally query takes.
#[derive(Debug, Clone, Copy)]
pub struct TallyParams {
    /// Root organisation of the subtree.
    pub root: i64,
    /// First day of the period (the day before it is the "start").
    pub from: NaiveDate,
    /// Last day of the period, or the date of a point-in-time report.
    pub to: NaiveDate,
    /// Year (evaluations, supplements).
    pub year: i64,
}

/// The engine-neutral placeholders a template may use.
const PLACEHOLDERS: [&str; 6] = [
    "{min_date}",
    "{max_date}",
    "{greatest}",
    "{least}",
    "{ilike}",
    "{age}",
];

/// Fills a template for PostgreSQL.
fn postgresql(template: &str) -> String {
    fill(
        template,
        [
            "DATE '0001-01-01'",
            "DATE '9999-12-31'",
            "GREATEST",
            "LEAST",
            "ILIKE",
            "CAST(EXTRACT(YEAR FROM AGE(p.d_to, m.birth_date)) AS INTEGER)",
        ],
    )
}

/// Fills a template for SQLite: dates are ISO text, so they compare and sort as dates; numbered
/// parameters (`?1`) so that each is bound once.
fn sqlite(template: &str) -> String {
    let s = fill(
        template,
        [
            "'0001-01-01'",
            "'9999-12-31'",
            "MAX",
            "MIN",
            "LIKE",
            "(CAST(strftime('%Y', p.d_to) AS INTEGER) - CAST(strftime('%Y', m.birth_date) AS INTEGER) \
             - (strftime('%m-%d', p.d_to) < strftime('%m-%d', m.birth_date)))",
        ],
    );
    (1..=7).fold(s, |s, i| s.replace(&format!("${i}"), &format!("?{i}")))
}

fn fill(template: &str, with: [&str; 6]) -> String {
    PLACEHOLDERS
        .iter()
        .zip(with)
        .fold(template.to_string(), |s, (p, w)| s.replace(p, w))
}

/// The common start of every tally query: the parameters, the subtree's organisations with the
/// periods they were inside it (from the tree's history, so a past date sees the past tree) and
/// the subordinate organisation of the root each belonged to (`top_id`), and the members'
/// periods inside the subtree with why each began and ended and the organisation (`org_id`).
pub const SPANS: &str = "
WITH RECURSIVE
params (root, d_from, d_to, yr) AS (SELECT $1, $2, $3, $4),
org_spans (org_id, top_id, a, b) AS (
    SELECT p.root, p.root, {min_date}, {max_date} FROM params p
    UNION ALL
    SELECT l.organization_id,
           CASE WHEN s.org_id = (SELECT root FROM params) THEN l.organization_id ELSE s.top_id END,
           {greatest}(s.a, COALESCE(l.from_on, {min_date})),
           {least}(s.b, COALESCE(l.to_on, {max_date}))
    FROM organization_links l JOIN org_spans s ON l.parent_id = s.org_id
    WHERE {greatest}(s.a, COALESCE(l.from_on, {min_date})) < {least}(s.b, COALESCE(l.to_on, {max_date}))
),
member_spans (member_id, top_id, a, b, in_reason, out_reason, org_id) AS (
    SELECT ms.member_id, s.top_id,
           {greatest}(ms.from_on, s.a),
           {least}(COALESCE(ms.to_on, {max_date}), s.b),
           CASE WHEN ms.from_on >= s.a THEN ms.start_reason ELSE 'restructured' END,
           CASE WHEN COALESCE(ms.to_on, {max_date}) <= s.b THEN ms.end_reason ELSE 'restructured' END,
           ms.organization_id
    FROM org_spans s JOIN memberships ms ON ms.organization_id = s.org_id
    WHERE ms.from_on < s.b AND COALESCE(ms.to_on, {max_date}) > s.a
)";

/// Runs a tally query (a template beginning with [`SPANS`]) on either engine.
pub fn run(conn: &mut DbConn, template: &str, p: TallyParams) -> AppResult<Vec<Tally>> {
    run_as(conn, template, p)
}

/// Runs a query over the subtree's spans (a template beginning with [`SPANS`]) returning rows of
/// another shape than [`Tally`] (when counting needs a rule applied row by row).
pub fn run_as<T>(conn: &mut DbConn, template: &str, p: TallyParams) -> AppResult<Vec<T>>
where
    T: QueryableByName<diesel::pg::Pg> + QueryableByName<diesel::sqlite::Sqlite> + 'static,
{
    Ok(match conn {
        DbConn::Postgresql(c) => diesel::sql_query(postgresql(template))
            .bind::<BigInt, _>(p.root)
            .bind::<Date, _>(p.from)
            .bind::<Date, _>(p.to)
            .bind::<BigInt, _>(p.year)
            .load(c)?,
        DbConn::Sqlite(c) => diesel::sql_query(sqlite(template))
            .bind::<BigInt, _>(p.root)
            .bind::<Date, _>(p.from)
            .bind::<Date, _>(p.to)
            .bind::<BigInt, _>(p.year)
            .load(c)?,
    })
}

/// Where a page begins and how long it is: rows whose `(sort key, id)` follow `after`, at most
/// `limit` of them. A template run with [`run_page`] takes them as `$5` (key), `$6` (id) and `$7`
/// (limit).
#[derive(Debug, Clone)]
pub struct PageParams {
    /// The last row of the previous page (`("", i64::MIN)` for the first page).
    pub after: (String, i64),
    /// Rows wanted.
    pub limit: i64,
}

/// Runs a query over the subtree's spans that returns one page of rows (see [`PageParams`]).
pub fn run_page<T>(
    conn: &mut DbConn,
    template: &str,
    p: TallyParams,
    page: &PageParams,
) -> AppResult<Vec<T>>
where
    T: QueryableByName<diesel::pg::Pg> + QueryableByName<diesel::sqlite::Sqlite> + 'static,
{
    Ok(match conn {
        DbConn::Postgresql(c) => diesel::sql_query(postgresql(template))
            .bind::<BigInt, _>(p.root)
            .bind::<Date, _>(p.from)
            .bind::<Date, _>(p.to)
            .bind::<BigInt, _>(p.year)
            .bind::<Text, _>(&page.after.0)
            .bind::<BigInt, _>(page.after.1)
            .bind::<BigInt, _>(page.limit)
            .load(c)?,
        DbConn::Sqlite(c) => diesel::sql_query(sqlite(template))
            .bind::<BigInt, _>(p.root)
            .bind::<Date, _>(p.from)
            .bind::<Date, _>(p.to)
            .bind::<BigInt, _>(p.year)
            .bind::<Text, _>(&page.after.0)
            .bind::<BigInt, _>(page.after.1)
            .bind::<BigInt, _>(page.limit)
            .load(c)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_parameters_are_numbered_and_functions_renamed() {
        let s = sqlite("SELECT {greatest}($1, $2), {least}($3, $4), {max_date}");
        assert_eq!(s, "SELECT MAX(?1, ?2), MIN(?3, ?4), '9999-12-31'");
        let p = postgresql("SELECT {greatest}($1, $2) WHERE x {ilike} 'a%'");
        assert_eq!(p, "SELECT GREATEST($1, $2) WHERE x ILIKE 'a%'");
    }
}
