//! The development report's own queries (issue 22): the year's admission targets per
//! subordinate organisation, and the hook for the pipeline of candidates by stage.

use crate::db::tally::{self, Tally, TallyParams, SPANS};
use crate::db::DbConn;
use crate::error::AppResult;

/// The targets of the year (`p.year`): per subordinate organisation of the root (`grp` its id)
/// and for the root (`total`), `target` (the organisation's own) and `children_target` (the sum
/// of the targets of the organisations directly under it on the period's last day). An
/// organisation without a target has no `target` row; no child with one, no `children_target`.
pub fn targets(conn: &mut DbConn, p: TallyParams) -> AppResult<Vec<Tally>> {
    let sql = format!(
        "{SPANS},
tops AS (
    SELECT DISTINCT top_id FROM org_spans, params p
    WHERE org_id = top_id AND org_id <> p.root AND a <= p.d_to AND b > p.d_from
),
own AS (
    SELECT t.organization_id AS org_id, t.target FROM admission_targets t, params p
    WHERE t.year = p.yr
),
kids AS (
    SELECT l.parent_id, l.organization_id FROM organization_links l, params p
    WHERE COALESCE(l.from_on, {{min_date}}) <= p.d_to AND COALESCE(l.to_on, {{max_date}}) > p.d_to
)
SELECT CAST(o.org_id AS TEXT) AS grp, 'target' AS metric, CAST(o.target AS BIGINT) AS n
    FROM own o JOIN tops ON tops.top_id = o.org_id
UNION ALL
SELECT 'total', 'target', CAST(o.target AS BIGINT) FROM own o, params p WHERE o.org_id = p.root
UNION ALL
SELECT CAST(k.parent_id AS TEXT), 'children_target', CAST(SUM(o.target) AS BIGINT)
    FROM kids k JOIN own o ON o.org_id = k.organization_id JOIN tops ON tops.top_id = k.parent_id
    GROUP BY k.parent_id
UNION ALL
SELECT 'total', 'children_target', CAST(SUM(o.target) AS BIGINT)
    FROM kids k JOIN own o ON o.org_id = k.organization_id, params p
    WHERE k.parent_id = p.root
    GROUP BY k.parent_id"
    );
    tally::run(conn, &sql, p)
}

/// HOOK for the pipeline by stage (issue 22, candidate storage): the candidates open on the
/// period's last day (or today for the current year) and those dropped or refused in the period,
/// per subordinate organisation of the root (`grp` its id) and in total (`total`), one metric
/// per `CandidateStage` code (`identified` … `decided`, `refused`, `dropped`).
///
/// Returns `None` while the system stores no candidates: the report then prints a note instead
/// of a table of zeros. The candidate storage replaces the body with its query (one `CASE` over
/// the latest step kind per candidate, see `docs/candidates.md`) and returns `Some`.
pub fn pipeline_by_stage(_conn: &mut DbConn, _p: TallyParams) -> AppResult<Option<Vec<Tally>>> {
    Ok(None)
}
