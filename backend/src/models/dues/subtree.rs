//! The kept subtree sums (`dues_subtree_months`, `domain::cell_year::subtree`): differences
//! applied in the transaction that rewrites the cell-months, in key order. Every write of a
//! month touches the root's row of that month, so the writers of dues take turns from their
//! first difference to their commit: on PostgreSQL they take one transaction lock first
//! (advisory, 7020013), so that a transaction that rewrites cell-months twice cannot wait on
//! another's rows while holding rows the other wants; SQLite has one writer at a time anyway.

use std::collections::BTreeMap;

use diesel::sql_types::{BigInt, Integer, Text};
use diesel::RunQueryDsl;

use crate::db::DbConn;
use crate::domain::cell_year::subtree::{parent, Sums};
use crate::error::AppResult;

const COLUMNS: &str = "org_path, parent_path, month, cell_months, members, due, paid, deferred, \
                       arrears, extra, unpaid_members";

const ADDED: [&str; 8] = [
    "cell_months",
    "members",
    "due",
    "paid",
    "deferred",
    "arrears",
    "extra",
    "unpaid_members",
];

/// Adds each difference to its subtree-month (a new row when there is none), and deletes the
/// rows left with no cell-month.
pub fn apply(conn: &mut DbConn, deltas: &BTreeMap<(String, i32), Sums>) -> AppResult<()> {
    let set: Vec<String> = ADDED
        .iter()
        .map(|c| format!("{c} = dues_subtree_months.{c} + excluded.{c}"))
        .collect();
    let pg = matches!(conn, DbConn::Postgresql(_));
    let ph = |i: usize| if pg { format!("${i}") } else { format!("?{i}") };
    let values: Vec<String> = (1..=11).map(ph).collect();
    let upsert = format!(
        "INSERT INTO dues_subtree_months ({COLUMNS}) VALUES ({}) \
         ON CONFLICT (org_path, month) DO UPDATE SET {}",
        values.join(", "),
        set.join(", ")
    );
    let delete = format!(
        "DELETE FROM dues_subtree_months WHERE org_path = {} AND month = {} AND cell_months = 0",
        ph(1),
        ph(2)
    );
    if deltas.is_empty() {
        return Ok(());
    }
    if let DbConn::Postgresql(c) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock(7020013)").execute(c)?;
    }
    for ((path, month), d) in deltas {
        let t = &d.totals;
        let ints = [
            d.cell_months,
            d.members,
            t.due,
            t.paid,
            t.deferred,
            t.arrears,
            t.extra,
            d.unpaid_members,
        ];
        macro_rules! run {
            ($c:expr) => {{
                let [a, b, c, e, f, g, h, i] = ints;
                diesel::sql_query(&upsert)
                    .bind::<Text, _>(path)
                    .bind::<Text, _>(parent(path))
                    .bind::<Integer, _>(*month)
                    .bind::<BigInt, _>(a)
                    .bind::<BigInt, _>(b)
                    .bind::<BigInt, _>(c)
                    .bind::<BigInt, _>(e)
                    .bind::<BigInt, _>(f)
                    .bind::<BigInt, _>(g)
                    .bind::<BigInt, _>(h)
                    .bind::<BigInt, _>(i)
                    .execute($c)?;
                if d.cell_months < 0 {
                    diesel::sql_query(&delete)
                        .bind::<Text, _>(path)
                        .bind::<Integer, _>(*month)
                        .execute($c)?;
                }
            }};
        }
        match conn {
            DbConn::Postgresql(c) => run!(c),
            DbConn::Sqlite(c) => run!(c),
        }
    }
    Ok(())
}

/// Every kept subtree-month that is not the sum of the cell-months under it, in words (empty:
/// consistent); `qldv check` runs it.
pub fn verify(conn: &mut DbConn) -> AppResult<Vec<String>> {
    use crate::db::schema::{dues_cell_months as c, dues_subtree_months as s};
    use crate::domain::cell_year::ledger::Totals;
    use crate::domain::cell_year::subtree::rollup;
    use diesel::prelude::*;
    type Row = (String, i32, i64, i64, i64, i64, i64, i64, i64, i64);
    let sums = |r: &Row| Sums {
        cell_months: r.2,
        members: r.3,
        totals: Totals {
            due: r.4,
            paid: r.5,
            deferred: r.6,
            arrears: r.7,
            extra: r.8,
        },
        unpaid_members: r.9,
    };
    let cells: Vec<Row> = c::table
        .select((
            c::org_path,
            c::month,
            c::members,
            c::due,
            c::paid,
            c::deferred,
            c::arrears,
            c::extra,
            c::unpaid_members,
        ))
        .load::<(String, i32, i32, i64, i64, i64, i64, i64, i32)>(conn)?
        .into_iter()
        .map(|r| {
            let (p, m, n, due, paid, deferred, arrears, extra, unpaid) = r;
            let (n, unpaid) = (i64::from(n), i64::from(unpaid));
            (p, m, 1, n, due, paid, deferred, arrears, extra, unpaid)
        })
        .collect();
    let mut want = rollup(cells.iter().map(|r| (r.0.as_str(), r.1, sums(r))));
    let kept: Vec<Row> = s::table
        .select((
            s::org_path,
            s::month,
            s::cell_months,
            s::members,
            s::due,
            s::paid,
            s::deferred,
            s::arrears,
            s::extra,
            s::unpaid_members,
        ))
        .load(conn)?;
    let mut problems = Vec::new();
    for r in &kept {
        if want.remove(&(r.0.clone(), r.1)) != Some(sums(r)) {
            problems.push(format!(
                "đảng phí giữ sẵn của {} tháng {} khác tổng các chi bộ-tháng",
                r.0, r.1
            ));
        }
    }
    problems.extend(
        want.keys()
            .map(|(p, m)| format!("đảng phí giữ sẵn thiếu dòng của {p} tháng {m}")),
    );
    Ok(problems)
}
