//! The report queries: set-based counts over a subtree as the tree was, one SQL statement per
//! report (see [`crate::db::tally`]). Groups are the root's subordinate organisations (`top_id`)
//! and `total`; nothing is loaded member by member.

use chrono::NaiveDate;

use crate::db::tally::{self, Tally, TallyParams, SPANS};
use crate::db::DbConn;
use crate::domain::composition::{self, AGE_BANDS, OLDEST_BAND, VALUE_DIMS};
use crate::error::AppResult;
use crate::models::composition_rollup;
use crate::models::member_view::REQUIRED_FIELDS;

/// The grouping of a period query: per subordinate organisation, or the whole subtree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// One group per subordinate organisation of the root (its id as text).
    PerOrganization,
    /// One group, `total`.
    Total,
}

/// `GROUP BY` for a group expression and further keys: PostgreSQL refuses a constant, and an
/// aggregate without one still yields its (zero) row.
fn group_by(grp: &str, more: &str) -> String {
    let keys: Vec<&str> = [grp, more]
        .into_iter()
        .filter(|k| !k.is_empty() && !k.starts_with('\''))
        .collect();
    if keys.is_empty() {
        String::new()
    } else {
        format!("GROUP BY {}", keys.join(", "))
    }
}

impl Grouping {
    fn grp(self) -> &'static str {
        match self {
            Self::PerOrganization => "CAST(top_id AS TEXT)",
            Self::Total => "'total'",
        }
    }

    fn partition(self) -> &'static str {
        match self {
            Self::PerOrganization => "member_id, top_id",
            Self::Total => "member_id",
        }
    }
}

/// The root's subordinate organisations at any time in the period (`grp` = id), so that a
/// report has a row for each even when it counted nothing there.
pub fn subordinates(conn: &mut DbConn, p: TallyParams) -> AppResult<Vec<Tally>> {
    let sql = format!(
        "{SPANS}
SELECT CAST(top_id AS TEXT) AS grp, 'organizations' AS metric, COUNT(*) AS n
FROM org_spans s, params p
WHERE s.org_id = s.top_id AND s.org_id <> p.root AND s.a <= p.d_to AND s.b > p.d_from
GROUP BY top_id"
    );
    tally::run(conn, &sql, p)
}

/// Movement over the period: members at the start (the day before `from`) and at the end (`to`),
/// and every arrival (`in_<reason>`) and departure (`out_<reason>`) in between. A move between
/// two organisations of the same group on one day is internal and counted neither way, so that
/// a province's figures do not count its own transfers; the identity start + in − out = end
/// holds for every group by construction.
pub fn movement(conn: &mut DbConn, p: TallyParams, g: Grouping) -> AppResult<Vec<Tally>> {
    let sql = format!(
        "{SPANS},
flows AS (
    SELECT {grp} AS grp, a, b, in_reason, out_reason,
           LAG(b) OVER (PARTITION BY {part} ORDER BY a, b) AS prev_b,
           LEAD(a) OVER (PARTITION BY {part} ORDER BY a, b) AS next_a
    FROM member_spans
)
SELECT grp, 'start' AS metric, COUNT(*) AS n FROM flows, params p
    WHERE a < p.d_from AND b >= p.d_from GROUP BY grp
UNION ALL
SELECT grp, 'end', COUNT(*) FROM flows, params p
    WHERE a <= p.d_to AND b > p.d_to GROUP BY grp
UNION ALL
SELECT grp, 'in_' || in_reason, COUNT(*) FROM flows, params p
    WHERE a >= p.d_from AND a <= p.d_to AND (prev_b IS NULL OR prev_b <> a)
    GROUP BY grp, in_reason
UNION ALL
SELECT grp, 'out_' || out_reason, COUNT(*) FROM flows, params p
    WHERE b >= p.d_from AND b <= p.d_to AND (next_a IS NULL OR next_a <> b)
    GROUP BY grp, out_reason",
        grp = g.grp(),
        part = g.partition(),
    );
    tally::run(conn, &sql, p)
}

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
    let category = |expr: &str| expr.to_string();
    let sql = match conn {
        DbConn::Postgresql(_) => {
            let dims = composition_dimensions();
            let cols: Vec<String> = dims
                .iter()
                .enumerate()
                .map(|(i, (_, expr))| format!("{} AS c{i}", category(expr)))
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
                .map(|(k, expr)| format!("WHEN '{k}' THEN {}", category(expr)))
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

/// Occupation patterns of the admission categories (matched without regard to letter case).
pub const ADMISSION_CATEGORIES: [(&str, &str); 3] = [
    (
        "business_owners",
        "(m.occupation {ilike} '%chủ doanh nghiệp%' OR m.occupation {ilike} '%doanh nhân%')",
    ),
    (
        "students",
        "(m.occupation {ilike} '%sinh viên%' OR m.occupation {ilike} '%học sinh%')",
    ),
    ("workers", "m.occupation {ilike} '%công nhân%'"),
];

/// Admissions and re-admissions in the period, per subordinate organisation and in total:
/// `total`, `women`, `youth_union`, the occupation categories, `readmitted`.
pub fn admissions(conn: &mut DbConn, p: TallyParams) -> AppResult<Vec<Tally>> {
    let mut metrics = vec![
        ("total", "1 = 1".to_string()),
        ("women", "m.gender = 'female'".to_string()),
        (
            "youth_union",
            "m.youth_union_joined_on IS NOT NULL AND m.in_reason = 'admitted'".to_string(),
        ),
    ];
    metrics.extend(
        ADMISSION_CATEGORIES
            .iter()
            .map(|(k, cond)| (*k, format!("m.in_reason = 'admitted' AND {cond}"))),
    );
    metrics.push(("readmitted", "m.in_reason = 'readmitted'".to_string()));
    let per_group = |grp: &str| {
        metrics
            .iter()
            .map(|(key, cond)| {
                format!(
                    "SELECT {grp} AS grp, '{key}' AS metric, COUNT(*) AS n FROM adm m WHERE {cond} {}",
                    group_by(grp, "")
                )
            })
            .collect::<Vec<_>>()
            .join("\nUNION ALL ")
    };
    let sql = format!(
        "{SPANS},
adm AS MATERIALIZED (
    SELECT s.top_id, s.in_reason, m.gender, m.youth_union_joined_on, m.occupation
    FROM member_spans s JOIN members m ON m.id = s.member_id, params p
    WHERE s.in_reason IN ('admitted', 'readmitted') AND s.a >= p.d_from AND s.a <= p.d_to
)
{}
UNION ALL {}",
        per_group("CAST(m.top_id AS TEXT)"),
        per_group("'total'"),
    );
    tally::run(conn, &sql, p)
}

/// Evaluation results of the year for the members inside the subtree on `to` (the year's end):
/// `members`, one metric per level, `missing` (no rating recorded).
pub fn evaluations(conn: &mut DbConn, p: TallyParams) -> AppResult<Vec<Tally>> {
    let one = |grp: &str| {
        format!(
            "SELECT {grp} AS grp, 'members' AS metric, COUNT(*) AS n FROM ev {}
UNION ALL SELECT {grp}, COALESCE(level, 'missing'), COUNT(*) FROM ev {}",
            group_by(grp, ""),
            group_by(grp, "COALESCE(level, 'missing')")
        )
    };
    let sql = format!(
        "{SPANS},
ev AS (
    SELECT s.top_id, e.level FROM member_spans s
    JOIN params p ON s.a <= p.d_to AND s.b > p.d_to
    LEFT JOIN evaluations e ON e.member_id = s.member_id AND e.year = p.yr
)
{}
UNION ALL {}",
        one("CAST(top_id AS TEXT)"),
        one("'total'")
    );
    tally::run(conn, &sql, p)
}

/// Discipline decisions of the period by form, attributed to where the member was on the day
/// (an expulsion ends the membership that day, so the period ending then counts).
pub fn discipline(conn: &mut DbConn, p: TallyParams) -> AppResult<Vec<Tally>> {
    let sql = format!(
        "{SPANS},
dis AS (
    SELECT s.top_id, d.form FROM disciplines d
    JOIN params p ON d.decided_on >= p.d_from AND d.decided_on <= p.d_to
    JOIN member_spans s ON s.member_id = d.member_id AND s.a <= d.decided_on
        AND (d.decided_on < s.b OR (d.decided_on = s.b AND s.out_reason = 'expelled'))
)
SELECT CAST(top_id AS TEXT) AS grp, form AS metric, COUNT(*) AS n FROM dis GROUP BY top_id, form
UNION ALL SELECT 'total', form, COUNT(*) FROM dis GROUP BY form"
    );
    tally::run(conn, &sql, p)
}

/// Badges of the period's occasions by milestone (`m30`, `m40`, …) and `returned`, attributed
/// to where the member was on the occasion (for a posthumous award, where they were last).
pub fn badges(conn: &mut DbConn, p: TallyParams) -> AppResult<Vec<Tally>> {
    let sql = format!(
        "{SPANS},
bdg AS (
    SELECT s.top_id, CAST(b.milestone AS TEXT) AS milestone, b.status FROM badges b
    JOIN params p ON b.occasion_on >= p.d_from AND b.occasion_on <= p.d_to
    JOIN member_spans s ON s.member_id = b.member_id AND s.a <= b.occasion_on
        AND (b.occasion_on < s.b OR (s.out_reason = 'deceased' AND NOT EXISTS (
            SELECT 1 FROM memberships later WHERE later.member_id = b.member_id AND later.from_on > s.a)))
)
SELECT CAST(top_id AS TEXT) AS grp, 'm' || milestone AS metric, COUNT(*) AS n FROM bdg GROUP BY top_id, milestone
UNION ALL SELECT 'total', 'm' || milestone, COUNT(*) FROM bdg GROUP BY milestone
UNION ALL SELECT CAST(top_id AS TEXT), 'returned', COUNT(*) FROM bdg WHERE status = 'returned' GROUP BY top_id
UNION ALL SELECT 'total', 'returned', COUNT(*) FROM bdg WHERE status = 'returned'"
    );
    tally::run(conn, &sql, p)
}

/// Dossier completeness on `to`: `members`, `missing_<field>` per required field, `incomplete`
/// (any missing), `no_card` (no active card), `no_supplement` (no annual supplement for the year).
pub fn completeness(conn: &mut DbConn, p: TallyParams) -> AppResult<Vec<Tally>> {
    let empty = |f: &str| format!("COALESCE(TRIM(m.{f}), '') = ''");
    let any_missing = REQUIRED_FIELDS
        .iter()
        .map(|f| empty(f))
        .collect::<Vec<_>>()
        .join(" OR ");
    let mut metrics: Vec<(String, String)> = vec![("members".into(), "1 = 1".into())];
    metrics.extend(
        REQUIRED_FIELDS
            .iter()
            .map(|f| (format!("missing_{f}"), empty(f))),
    );
    metrics.push(("incomplete".into(), format!("({any_missing})")));
    metrics.push(("no_card".into(), "m.card_number IS NULL".into()));
    metrics.push(("no_supplement".into(), "m.supplement = 0".into()));
    let per_group = |grp: &str| {
        metrics
            .iter()
            .map(|(key, cond)| {
                format!(
                    "SELECT {grp} AS grp, '{key}' AS metric, COUNT(*) AS n FROM cur m WHERE {cond} {}",
                    group_by(grp, "")
                )
            })
            .collect::<Vec<_>>()
            .join("\nUNION ALL ")
    };
    let fields = REQUIRED_FIELDS
        .iter()
        .map(|f| format!("m.{f}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "{SPANS},
cur AS MATERIALIZED (
    SELECT s.top_id, m.card_number, {fields},
           CASE WHEN EXISTS (SELECT 1 FROM member_supplements x WHERE x.member_id = m.id
                AND x.year = p.yr) THEN 1 ELSE 0 END AS supplement
    FROM member_spans s JOIN members m ON m.id = s.member_id, params p
    WHERE s.a <= p.d_to AND s.b > p.d_to
)
{}
UNION ALL {}",
        per_group("CAST(m.top_id AS TEXT)"),
        per_group("'total'"),
    );
    tally::run(conn, &sql, p)
}
