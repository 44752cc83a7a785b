//! Statistical reports: the counts of [`crate::models::report`] arranged into printable tables.

mod cell_year;
mod development;
mod dues;
mod labels;
pub mod render;
mod timeliness;

use crate::messages::reports as msg;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use qldv_api_types::reports::{Report, ReportCode, ReportColumn, ReportRow, ReportSection};
use qldv_api_types::OrgId;

use crate::auth::AuthUser;
use crate::db::tally::{Tally, TallyParams};
use crate::db::DbConn;
use crate::domain::report::{self as rules, AskedDates};
use crate::error::{AppError, AppResult};
use crate::models::organization::OrganizationRow;
use crate::models::report::{self, Grouping};

/// What a caller asks for.
#[derive(Debug, Clone, Copy)]
pub struct ReportRequest {
    /// Which report.
    pub code: ReportCode,
    /// The subtree's root (default: the caller's scope root).
    pub organization_id: Option<OrgId>,
    /// The dates asked.
    pub dates: AskedDates,
}

/// Counts by group, then metric.
type Counts = HashMap<String, HashMap<String, i64>>;

fn counts(tallies: Vec<Tally>) -> Counts {
    let mut out: Counts = HashMap::new();
    for t in tallies {
        let g = t.grp.unwrap_or_default();
        let m = t.metric.unwrap_or_default();
        *out.entry(g).or_default().entry(m).or_insert(0) += t.n;
    }
    out
}

fn columns<S: AsRef<str>>(labels: &[(S, S, S)]) -> Vec<ReportColumn> {
    labels
        .iter()
        .map(|(key, vi, en)| ReportColumn {
            key: key.as_ref().into(),
            label: vi.as_ref().into(),
            label_en: en.as_ref().into(),
        })
        .collect()
}

/// Builds a report for a subtree inside the caller's scope.
pub fn build(
    conn: &mut DbConn,
    caller: &AuthUser,
    req: ReportRequest,
    today: NaiveDate,
) -> AppResult<Report> {
    let root_id = match (req.organization_id, caller.scope.root_id()) {
        (Some(id), _) => id,
        (None, Some(root)) => root,
        (None, None) => return Err(crate::messages::requests::report_organization_required()),
    };
    let root = OrganizationRow::find(conn, &caller.scope, root_id)?;
    let dates = if req.code == ReportCode::Development {
        crate::domain::development::report_dates(req.dates, today)
            .map_err(crate::messages::targets::report_dates)?
    } else {
        rules::resolve(req.code.is_period(), req.dates, today).map_err(|v| {
            let field = if v.code == "period_reversed" {
                "from"
            } else {
                "year"
            };
            AppError::field(field, v.code, v.text())
        })?
    };
    let p = TallyParams {
        root: root.id.into(),
        from: dates.from,
        to: dates.to,
        year: i64::from(dates.year),
    };
    let (sections, notes) = match req.code {
        ReportCode::Movement => movement(conn, &root, p)?,
        ReportCode::Composition => composition(conn, p, today)?,
        ReportCode::Admissions => {
            let c = counts(report::admissions(conn, p)?);
            per_org(
                conn,
                &root,
                p,
                c,
                &labels::admissions(),
                vec![msg::admissions_categories().vi],
            )?
        }
        ReportCode::Evaluations => evaluations(conn, &root, p)?,
        ReportCode::Discipline => {
            let mut c = counts(report::discipline(conn, p)?);
            add_sum(
                &mut c,
                "total",
                &["reprimand", "warning", "dismissal", "expulsion"],
            );
            per_org(conn, &root, p, c, &labels::discipline(), vec![])?
        }
        ReportCode::Badges => badges(conn, &root, p)?,
        ReportCode::Timeliness => timeliness::build(conn, &root, p)?,
        ReportCode::Development => development::build(conn, &root, p)?,
        ReportCode::Meetings => cell_year::meetings(conn, &root, p, today)?,
        ReportCode::Duties => cell_year::duties(conn, &root, p)?,
        ReportCode::Dues => dues::build(conn, &root, p, today)?,
        ReportCode::Completeness => {
            let c = counts(report::completeness(conn, p)?);
            per_org(
                conn,
                &root,
                p,
                c,
                &labels::completeness(),
                vec![msg::completeness_year(dates.year).vi],
            )?
        }
    };
    let (title, title_en) = labels::title(req.code);
    let period = req.code.is_period();
    Ok(Report {
        code: req.code,
        title: title.into(),
        title_en: title_en.into(),
        organization_id: root.id,
        organization_name: root.name.clone(),
        as_of: (!period).then_some(dates.to),
        from: period.then_some(dates.from),
        to: period.then_some(dates.to),
        year: matches!(
            req.code,
            ReportCode::Evaluations
                | ReportCode::Development
                | ReportCode::Meetings
                | ReportCode::Duties
        )
        .then_some(dates.year),
        produced_by: caller.username.clone(),
        produced_at: chrono::Utc::now(),
        notes,
        sections,
    })
}

fn add_sum(c: &mut Counts, key: &str, of: &[&str]) {
    for metrics in c.values_mut() {
        let sum = of.iter().filter_map(|k| metrics.get(*k)).sum();
        metrics.insert(key.into(), sum);
    }
}

/// Rows per subordinate organisation (every one under the root at some time in the period),
/// in Vietnamese name order, then the total row.
fn org_rows(
    conn: &mut DbConn,
    root: &OrganizationRow,
    p: TallyParams,
    c: &Counts,
    keys: &[&str],
) -> AppResult<Vec<ReportRow>> {
    let mut ids: Vec<i64> = c.keys().filter_map(|g| g.parse().ok()).collect();
    ids.extend(
        report::subordinates(conn, p)?
            .into_iter()
            .filter_map(|t| t.grp.and_then(|g| g.parse::<i64>().ok())),
    );
    ids.sort_unstable();
    ids.dedup();
    let names = OrganizationRow::names(conn, &ids)?;
    let values = |g: &str| -> Vec<i64> {
        let m = c.get(g);
        keys.iter()
            .map(|k| m.and_then(|m| m.get(*k)).copied().unwrap_or(0))
            .collect()
    };
    let mut rows: Vec<ReportRow> = ids
        .iter()
        .map(|id| {
            let name = names.get(id).cloned().unwrap_or_else(|| format!("#{id}"));
            let label = if *id == root.id.0 {
                format!("{name} {}", labels::DIRECT)
            } else {
                name
            };
            ReportRow {
                key: id.to_string(),
                label,
                organization_id: Some(OrgId(*id)),
                total: false,
                values: values(&id.to_string()),
                share: None,
            }
        })
        .collect();
    rows.sort_by_cached_key(|r| (crate::domain::vn_title::title_key(&r.label), r.key.clone()));
    rows.push(ReportRow {
        key: "total".into(),
        label: labels::TOTAL_ROW.into(),
        organization_id: None,
        total: true,
        values: values("total"),
        share: None,
    });
    Ok(rows)
}

fn section(
    (key, title, row_label): labels::Section,
    cols: Vec<ReportColumn>,
    rows: Vec<ReportRow>,
) -> ReportSection {
    ReportSection {
        key: key.into(),
        title: title.0.into(),
        title_en: title.1.into(),
        row_label: row_label.into(),
        columns: cols,
        rows,
        percent_of: None,
        share: None,
    }
}

type Built = (Vec<ReportSection>, Vec<String>);

fn per_org<S: AsRef<str>>(
    conn: &mut DbConn,
    root: &OrganizationRow,
    p: TallyParams,
    c: Counts,
    cols: &[(S, S, S)],
    notes: Vec<String>,
) -> AppResult<Built> {
    let keys: Vec<&str> = cols.iter().map(|l| l.0.as_ref()).collect();
    let rows = org_rows(conn, root, p, &c, &keys)?;
    Ok((
        vec![section(labels::BY_ORGANIZATION, columns(cols), rows)],
        notes,
    ))
}

/// The movement metric of a column key.
fn movement_metric(key: &str) -> String {
    match key {
        "start" | "end" => key.into(),
        "restructured_in" => "in_restructured".into(),
        "restructured_out" => "out_restructured".into(),
        "admitted" | "transferred_in" | "readmitted" => format!("in_{key}"),
        _ => format!("out_{key}"),
    }
}

fn movement(conn: &mut DbConn, root: &OrganizationRow, p: TallyParams) -> AppResult<Built> {
    let mut c = counts(report::movement(conn, p, Grouping::PerOrganization)?);
    c.remove("total");
    let total = counts(report::movement(conn, p, Grouping::Total)?);
    c.extend(total);
    // Rename metrics to column keys.
    let cols = labels::movement();
    let keys: Vec<&str> = cols.iter().map(|l| l.0).collect();
    let c: Counts = c
        .into_iter()
        .map(|(g, m)| {
            let renamed = keys
                .iter()
                .map(|k| {
                    (
                        (*k).to_string(),
                        m.get(&movement_metric(k)).copied().unwrap_or(0),
                    )
                })
                .collect();
            (g, renamed)
        })
        .collect();
    let rows = org_rows(conn, root, p, &c, &keys)?;
    let notes = vec![
        msg::movement_balance().vi,
        msg::movement_total_row().vi,
        msg::movement_tree_in_time().vi,
        msg::movement_in_transit().vi,
    ];
    Ok((
        vec![section(labels::BY_ORGANIZATION, columns(&cols), rows)],
        notes,
    ))
}

fn composition(conn: &mut DbConn, p: TallyParams, today: NaiveDate) -> AppResult<Built> {
    let c = counts(report::composition(conn, p, today)?);
    let total = c
        .get("total")
        .and_then(|m| m.get("total"))
        .copied()
        .unwrap_or(0);
    let sections = labels::dimensions()
        .into_iter()
        .map(|(dim, vi, en)| {
            let found = c.get(dim).cloned().unwrap_or_default();
            let mut rows: Vec<ReportRow> = match labels::categories(dim) {
                Some(fixed) => fixed
                    .iter()
                    .map(|(k, label, _)| {
                        category_row(k, label, found.get(*k).copied().unwrap_or(0))
                    })
                    .collect(),
                None => {
                    let mut free: Vec<(&String, &i64)> =
                        found.iter().filter(|(k, _)| !k.is_empty()).collect();
                    free.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
                    free.into_iter()
                        .map(|(k, n)| category_row(k, k, *n))
                        .collect()
                }
            };
            if let Some(n) = found.get("").filter(|n| **n > 0) {
                rows.push(category_row("", labels::NOT_RECORDED.0, *n));
            }
            rows.push(ReportRow {
                key: "total".into(),
                label: labels::TOTAL_ROW.into(),
                organization_id: None,
                total: true,
                values: vec![total],
                share: None,
            });
            let mut s = section(
                (dim, (vi, en), vi),
                columns(&[labels::MEMBERS_COLUMN]),
                rows,
            );
            s.percent_of = Some(total);
            s
        })
        .collect();
    Ok((sections, vec![msg::composition_as_of().vi]))
}

fn category_row(key: &str, label: &str, n: i64) -> ReportRow {
    ReportRow {
        key: key.into(),
        label: label.into(),
        organization_id: None,
        total: false,
        values: vec![n],
        share: None,
    }
}

fn evaluations(conn: &mut DbConn, root: &OrganizationRow, p: TallyParams) -> AppResult<Built> {
    let mut c = counts(report::evaluations(conn, p)?);
    for m in c.values_mut() {
        // Rule 16: rated over due to be rated; members not rated (rule 15) are neither.
        let members = m.get("members").copied().unwrap_or(0);
        let missing = m.get("missing").copied().unwrap_or(0);
        let not_rated = m.get("not_rated").copied().unwrap_or(0);
        let due = members - not_rated;
        let pct = if due > 0 {
            ((due - missing) * 100 + due / 2) / due
        } else {
            0
        };
        m.insert("coverage_percent".into(), pct);
    }
    per_org(
        conn,
        root,
        p,
        c,
        &labels::evaluations(),
        vec![msg::evaluations_as_of(p.to, p.year).vi],
    )
}

fn badges(conn: &mut DbConn, root: &OrganizationRow, p: TallyParams) -> AppResult<Built> {
    let mut c = counts(report::badges(conn, p)?);
    let milestones: BTreeMap<i64, String> = c
        .values()
        .flat_map(|m| m.keys())
        .filter_map(|k| {
            k.strip_prefix('m')
                .and_then(|n| n.parse().ok())
                .map(|n| (n, k.clone()))
        })
        .collect();
    let keys: Vec<String> = milestones.values().cloned().collect();
    let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    add_sum(&mut c, "total", &key_refs);
    let mut cols: Vec<ReportColumn> = milestones
        .iter()
        .map(|(n, k)| {
            let (label, label_en) = labels::badge(*n);
            ReportColumn {
                key: k.clone(),
                label,
                label_en,
            }
        })
        .collect();
    cols.extend(columns(&labels::BADGE_TOTALS));
    let all_keys: Vec<&str> = cols.iter().map(|c| c.key.as_str()).collect();
    let rows = org_rows(conn, root, p, &c, &all_keys)?;
    Ok((
        vec![section(labels::BY_ORGANIZATION, cols, rows)],
        vec![msg::badge_occasions().vi],
    ))
}
