//! The composition report: the active members of a subtree on a day by gender, age band,
//! ethnicity, religion, education, qualifications, political theory, occupation, standing,
//! exemption and absence — from the counts kept ahead of time for today at the top two levels,
//! else counted from the records (today) or from the history (another day).

use chrono::NaiveDate;

use crate::db::tally::{self, Tally, TallyParams, SPANS};
use crate::db::DbConn;
use crate::domain::composition::{self, AGE_BANDS, OLDEST_BAND, VALUE_DIMS};
use crate::error::AppResult;
use crate::models::composition_rollup;

/// Exemptions and absences in force on `to`, read once for everyone (a hash, not two probes per
/// member).
const ON_LEAVE: &str = "
on_leave (member_id, exempt, away) AS (
    SELECT x.member_id, MAX(CASE WHEN x.kind = 'exemption' THEN 1 ELSE 0 END),
           MAX(CASE WHEN x.kind = 'absence' THEN 1 ELSE 0 END)
    FROM member_periods x, params p
    WHERE x.from_on <= p.d_to AND (x.to_on IS NULL OR x.to_on > p.d_to)
    GROUP BY x.member_id
)";

/// The attributes composition counts, of members `m` with their leave `l` on `p.d_to`.
const SNAP_COLUMNS: &str = "
    SELECT m.gender, m.ethnicity, m.religion, m.education_general,
           m.professional_qualification, m.academic_degree, m.academic_title,
           m.political_theory, m.occupation,
           CASE WHEN m.official_on IS NOT NULL AND m.official_on <= p.d_to
                THEN 'official' ELSE 'probationary' END AS standing,
           {age} AS age,
           COALESCE(l.exempt, 0) AS exempt,
           COALESCE(l.away, 0) AS away";

/// Who composition counts on `to`, from the history: members with a period inside the subtree
/// as the tree was that day.
fn snapshot_from_history() -> String {
    format!(
        "{SPANS},{ON_LEAVE},
snap AS ({SNAP_COLUMNS}
    FROM member_spans s JOIN members m ON m.id = s.member_id
         LEFT JOIN on_leave l ON l.member_id = m.id, params p
    WHERE s.a <= p.d_to AND s.b > p.d_to
)"
    )
}

/// Members `m` active now in the subtree of `p.root` (its path range, from the `(org_path, …)`
/// index).
const ACTIVE_IN_ROOT: &str = "m.status IN ('official', 'probationary')
      AND m.org_path >= (SELECT o.path FROM organizations o WHERE o.id = p.root)
      AND m.org_path < (SELECT substr(o.path, 1, length(o.path) - 1) || '0'
                        FROM organizations o WHERE o.id = p.root)";

/// Who composition counts today, from the records as they stand: the active members whose cell
/// lies in the subtree now — the same members as the history gives for today (a test holds the
/// two together), read from the `(org_path, …)` index or one scan instead of the tree's history.
fn snapshot_today() -> String {
    format!(
        "WITH params (root, d_from, d_to, yr) AS (SELECT $1, $2, $3, $4),{ON_LEAVE},
snap AS ({SNAP_COLUMNS}
    FROM members m LEFT JOIN on_leave l ON l.member_id = m.id, params p
    WHERE {ACTIVE_IN_ROOT}
)"
    )
}

/// The age-band expression of [`composition_dimensions`], from the domain's bands.
fn age_band_sql() -> String {
    let whens: Vec<String> = AGE_BANDS
        .iter()
        .map(|(top, key)| format!("WHEN age <= {top} THEN '{key}'"))
        .collect();
    format!("CASE {} ELSE '{OLDEST_BAND}' END", whens.join(" "))
}

/// The dimensions of the composition report: key and the SQL expression of its category (the
/// age bands are the domain's, [`AGE_BANDS`]).
fn composition_dimensions() -> Vec<(&'static str, String)> {
    let mut dims = vec![("gender", "gender".to_string()), ("age", age_band_sql())];
    dims.extend(VALUE_DIMS[1..].iter().map(|d| (*d, (*d).to_string())));
    dims.extend([
        ("standing", "standing".to_string()),
        (
            "exempt",
            "CASE WHEN exempt = 1 THEN 'yes' ELSE 'no' END".to_string(),
        ),
        (
            "away",
            "CASE WHEN away = 1 THEN 'yes' ELSE 'no' END".to_string(),
        ),
    ]);
    dims
}

/// Composition on `to`: one group per dimension, one metric per category (empty values as
/// `NULL`), and `total`/`total` — in one pass over the members: `GROUPING SETS` on PostgreSQL,
/// each member's categories unpivoted into one `GROUP BY` on SQLite (which has no grouping sets).
/// Today's is read from the records as they stand, another day's from the history.
/// Today's for the top two levels of the tree comes from the counts kept ahead of time
/// ([`composition_rollup`]): a few thousand rows instead of every member.
pub fn composition(conn: &mut DbConn, p: TallyParams, today: NaiveDate) -> AppResult<Vec<Tally>> {
    if p.to != today {
        return composition_of(conn, p, &snapshot_from_history());
    }
    match composition_rollup::counts_of(conn, p.root)? {
        Some(counts) => composition_from_counts(conn, p, &counts),
        None => composition_of(conn, p, &snapshot_today()),
    }
}

/// Composition on `p.to` from kept counts of the subtree's active members, with exemptions and
/// absences in force that day read from the periods (a few per cent of the members).
fn composition_from_counts(
    conn: &mut DbConn,
    p: TallyParams,
    counts: &[(String, String, i64)],
) -> AppResult<Vec<Tally>> {
    let mut cats = composition::categories(
        counts.iter().map(|(d, v, n)| (d.as_str(), v.as_str(), *n)),
        p.to,
    );
    let total = cats
        .get(&("total".to_string(), Some("total".to_string())))
        .copied()
        .unwrap_or(0);
    let sql = format!(
        "WITH params (root, d_from, d_to, yr) AS (SELECT $1, $2, $3, $4),{ON_LEAVE}
SELECT 'exempt' AS grp, 'yes' AS metric, COUNT(*) AS n
    FROM on_leave l JOIN members m ON m.id = l.member_id, params p
    WHERE l.exempt = 1 AND {ACTIVE_IN_ROOT}
UNION ALL
SELECT 'away', 'yes', COUNT(*)
    FROM on_leave l JOIN members m ON m.id = l.member_id, params p
    WHERE l.away = 1 AND {ACTIVE_IN_ROOT}"
    );
    for t in tally::run(conn, &sql, p)? {
        let grp = t.grp.unwrap_or_default();
        cats.insert((grp.clone(), Some("yes".into())), t.n);
        cats.insert((grp, Some("no".into())), total - t.n);
    }
    cats.retain(|_, n| *n != 0);
    Ok(cats
        .into_iter()
        .map(|((grp, metric), n)| Tally {
            grp: Some(grp),
            metric,
            n,
        })
        .collect())
}

/// Composition on `to` from the history, whatever the day: the reference today's is tested
/// against.
pub fn composition_from_history(conn: &mut DbConn, p: TallyParams) -> AppResult<Vec<Tally>> {
    composition_of(conn, p, &snapshot_from_history())
}

fn composition_of(conn: &mut DbConn, p: TallyParams, snapshot: &str) -> AppResult<Vec<Tally>> {
    // Values are grouped as stored; blanks are trimmed and merged here, on a few dozen rows,
    // rather than on every member's every value in SQL.
    let sql = match conn {
        DbConn::Postgresql(_) => {
            let dims = composition_dimensions();
            let cols: Vec<String> = dims
                .iter()
                .enumerate()
                .map(|(i, (_, expr))| format!("{expr} AS c{i}"))
                .collect();
            let grp: Vec<String> = dims
                .iter()
                .enumerate()
                .map(|(i, (key, _))| format!("WHEN GROUPING(c{i}) = 0 THEN '{key}'"))
                .collect();
            let metric: Vec<String> = (0..dims.len())
                .map(|i| format!("WHEN GROUPING(c{i}) = 0 THEN c{i}"))
                .collect();
            let sets: Vec<String> = (0..dims.len()).map(|i| format!("(c{i})")).collect();
            format!(
                "{snapshot},\ncats AS (SELECT {} FROM snap)\n\
                 SELECT CASE {} ELSE 'total' END AS grp, CASE {} ELSE 'total' END AS metric, \
                 COUNT(*) AS n FROM cats GROUP BY GROUPING SETS ((), {})",
                cols.join(", "),
                grp.join(" "),
                metric.join(" "),
                sets.join(", ")
            )
        }
        DbConn::Sqlite(_) => {
            let dims = composition_dimensions();
            let keys: Vec<String> = std::iter::once("('total')".to_string())
                .chain(dims.iter().map(|(k, _)| format!("('{k}')")))
                .collect();
            let metric: Vec<String> = dims
                .iter()
                .map(|(k, expr)| format!("WHEN '{k}' THEN {expr}"))
                .collect();
            format!(
                "{snapshot},\ndims (k) AS (VALUES {})\n\
                 SELECT d.k AS grp, CASE d.k WHEN 'total' THEN 'total' {} END AS metric, \
                 COUNT(*) AS n FROM snap, dims d GROUP BY 1, 2",
                keys.join(", "),
                metric.join(" ")
            )
        }
    };
    let mut merged: std::collections::BTreeMap<(Option<String>, Option<String>), i64> =
        std::collections::BTreeMap::new();
    for t in tally::run(conn, &sql, p)? {
        let metric = t
            .metric
            .map(|m| m.trim().to_string())
            .filter(|m| !m.is_empty());
        *merged.entry((t.grp, metric)).or_default() += t.n;
    }
    Ok(merged
        .into_iter()
        .map(|((grp, metric), n)| Tally { grp, metric, n })
        .collect())
}
