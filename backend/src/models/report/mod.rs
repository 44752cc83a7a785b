//! The report queries: set-based counts over a subtree as the tree was, one SQL statement per
//! report (see [`crate::db::tally`]). Groups are the root's subordinate organisations (`top_id`)
//! and `total`; nothing is loaded member by member.

use crate::db::tally::{self, Tally, TallyParams, SPANS};
use crate::db::DbConn;
use crate::error::AppResult;
use crate::models::member_view::REQUIRED_FIELDS;

mod composition;
mod development;

pub use composition::{composition, composition_from_history};
pub use development::{pipeline_by_stage, targets};

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

/// Occupation patterns of the admission categories (matched without regard to letter case).
/// The Admissions report prints the first three; the development report all four.
pub const ADMISSION_CATEGORIES: [(&str, &str); 4] = [
    (
        "business_owners",
        "(m.occupation {ilike} '%chủ doanh nghiệp%' OR m.occupation {ilike} '%doanh nhân%')",
    ),
    (
        "students",
        "(m.occupation {ilike} '%sinh viên%' OR m.occupation {ilike} '%học sinh%')",
    ),
    ("workers", "m.occupation {ilike} '%công nhân%'"),
    (
        "free_or_contract_labour",
        "(m.occupation {ilike} '%lao động tự do%' OR m.occupation {ilike} '%hợp đồng%')",
    ),
];

/// Admissions and re-admissions in the period, per subordinate organisation and in total:
/// `total`, `women`, `youth_union`, the occupation categories ([`ADMISSION_CATEGORIES`]),
/// `readmitted`, `population_policy` (admissions through the pipeline whose file says so).
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
    // Rule 31: known only for admissions through the candidate pipeline (its file says so).
    metrics.push(("population_policy", "m.population_policy".to_string()));
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
    SELECT s.top_id, s.in_reason, m.gender, m.youth_union_joined_on, m.occupation,
        cf.population_policy
    FROM member_spans s JOIN members m ON m.id = s.member_id
    LEFT JOIN candidate_files cf ON cf.member_id = m.id, params p
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
