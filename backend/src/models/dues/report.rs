//! The dues report's sums: the cell-months of a subtree (by each cell's path as it was that
//! month) added up per subordinate organisation and per month, in SQL, from the kept subtree
//! sums (`dues_subtree_months`: one row per subordinate and month, never every cell-month or
//! member-month under the root) and the root's own cell-months.

use diesel::sql_types::{BigInt, Integer, Text};
use diesel::{QueryableByName, RunQueryDsl};

use crate::db::DbConn;
use crate::domain::cell_year::ledger::Totals;
use crate::domain::cell_year::Month;
use crate::error::AppResult;

/// One group's sums.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct DuesSums {
    /// The group: a subordinate organisation's id (empty: the root's own cell-months), or the
    /// month `yyyymm` as text.
    #[diesel(sql_type = Text)]
    pub grp: String,
    /// Member-months with dues in force.
    #[diesel(sql_type = BigInt)]
    pub members: i64,
    /// Due.
    #[diesel(sql_type = BigInt)]
    pub due: i64,
    /// Paid.
    #[diesel(sql_type = BigInt)]
    pub paid: i64,
    /// Deferred.
    #[diesel(sql_type = BigInt)]
    pub deferred: i64,
    /// In arrears.
    #[diesel(sql_type = BigInt)]
    pub arrears: i64,
    /// Extra.
    #[diesel(sql_type = BigInt)]
    pub extra: i64,
    /// Member-months with arrears.
    #[diesel(sql_type = BigInt)]
    pub unpaid_members: i64,
}

impl DuesSums {
    /// The ledger's totals.
    pub fn totals(&self) -> Totals {
        Totals {
            due: self.due,
            paid: self.paid,
            deferred: self.deferred,
            arrears: self.arrears,
            extra: self.extra,
        }
    }
}

const SUMS: &str = "CAST(SUM(c.members) AS BIGINT) AS members, CAST(SUM(c.due) AS BIGINT) AS due,
    CAST(SUM(c.paid) AS BIGINT) AS paid, CAST(SUM(c.deferred) AS BIGINT) AS deferred,
    CAST(SUM(c.arrears) AS BIGINT) AS arrears, CAST(SUM(c.extra) AS BIGINT) AS extra,
    CAST(SUM(c.unpaid_members) AS BIGINT) AS unpaid_members";

/// Sums of the cell-months whose path lies under `root_path` for the months `[from, to]`: per
/// subordinate organisation (the path's segment after the root's; the root's own cell-months
/// under the empty group) and per month.
pub fn sums(
    conn: &mut DbConn,
    root_path: &str,
    (from, to): (Month, Month),
) -> AppResult<(Vec<DuesSums>, Vec<DuesSums>)> {
    let root_path = root_path.to_string();
    let rest = "substr(c.org_path, length($3) + 1)";
    let child = match conn {
        DbConn::Postgresql(_) => format!("split_part({rest}, '/', 1)"),
        DbConn::Sqlite(_) => format!(
            "CASE WHEN instr({rest}, '/') > 0 THEN substr({rest}, 1, instr({rest}, '/') - 1) ELSE '' END"
        ),
    };
    let months = "c.month >= $1 AND c.month <= $2";
    // Each subordinate's subtree, and the root's own cell-months (the group '').
    let by_child = format!(
        "SELECT {child} AS grp, {SUMS} FROM dues_subtree_months c \
         WHERE c.parent_path = $3 AND {months} GROUP BY 1 \
         UNION ALL SELECT '' AS grp, {SUMS} FROM dues_cell_months c \
         WHERE c.org_path = $3 AND {months} GROUP BY c.org_path"
    );
    let by_month = format!(
        "SELECT CAST(c.month AS TEXT) AS grp, {SUMS} FROM dues_subtree_months c \
         WHERE c.org_path = $3 AND {months} GROUP BY c.month"
    );
    let run = |conn: &mut DbConn, sql: &str| -> AppResult<Vec<DuesSums>> {
        let (f, t) = (from.to_yyyymm(), to.to_yyyymm());
        Ok(match conn {
            DbConn::Postgresql(c) => diesel::sql_query(sql)
                .bind::<Integer, _>(f)
                .bind::<Integer, _>(t)
                .bind::<Text, _>(&root_path)
                .load(c)?,
            DbConn::Sqlite(c) => {
                let sql = ["$1", "$2", "$3"]
                    .iter()
                    .zip(["?1", "?2", "?3"])
                    .fold(sql.to_string(), |s, (a, b)| s.replace(a, b));
                diesel::sql_query(sql)
                    .bind::<Integer, _>(f)
                    .bind::<Integer, _>(t)
                    .bind::<Text, _>(&root_path)
                    .load(c)?
            }
        })
    };
    let children = run(conn, &by_child)?;
    let months = run(conn, &by_month)?;
    Ok((children, months))
}
