//! The dues report (rules 33 and 37's ledger; `docs/cell-year.md`): per subordinate
//! organisation and per month of the period, the sums of the cell-months of the subtree —
//! members, due, paid, deferred, arrears, extra, collected — each line checked against
//! due = paid + deferred + arrears before anything is sent; and what each level keeps when the
//! ratios are set.

use std::collections::HashMap;

use qldv_api_types::reports::ReportRow;
use qldv_api_types::vocabulary::{Term, Vietnamese};

use super::{columns, labels, org_rows, section, Built, Counts};
use crate::db::tally::TallyParams;
use crate::db::DbConn;
use crate::domain::cell_year::ledger::{split, Totals};
use crate::domain::cell_year::Month;
use crate::error::{AppError, AppResult};
use crate::models::dues::report::{sums, DuesSums};
use crate::models::organization::OrganizationRow;

fn metrics(s: &DuesSums) -> HashMap<String, i64> {
    let t = s.totals();
    [
        ("members", s.members),
        ("due", t.due),
        ("paid", t.paid),
        ("deferred", t.deferred),
        ("arrears", t.arrears),
        ("extra", t.extra),
        ("collected", t.collected()),
        ("unpaid_members", s.unpaid_members),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// 500 `report_identity_broken` unless every row balances (columns 1–4: due, paid, deferred,
/// arrears).
fn check(rows: &[ReportRow]) -> AppResult<()> {
    for r in rows {
        let v = |i: usize| r.values.get(i).copied().unwrap_or(0);
        let t = Totals {
            due: v(1),
            paid: v(2),
            deferred: v(3),
            arrears: v(4),
            extra: v(5),
        };
        if !t.balances() {
            return Err(AppError::Broken(
                "report_identity_broken",
                crate::messages::reports::dues_identity_broken(&r.label),
            ));
        }
    }
    Ok(())
}

/// Builds the report's sections for the months of `p.from`–`p.to`.
pub(super) fn build(
    conn: &mut DbConn,
    root: &OrganizationRow,
    p: TallyParams,
    today: chrono::NaiveDate,
) -> AppResult<Built> {
    let (from, to) = (Month::of(p.from), Month::of(p.to));
    let (children, months) = sums(conn, &root.path, (from, to))?;
    let mut total = DuesSums {
        grp: "total".into(),
        members: 0,
        due: 0,
        paid: 0,
        deferred: 0,
        arrears: 0,
        extra: 0,
        unpaid_members: 0,
    };
    for s in &children {
        total.members += s.members;
        total.due += s.due;
        total.paid += s.paid;
        total.deferred += s.deferred;
        total.arrears += s.arrears;
        total.extra += s.extra;
        total.unpaid_members += s.unpaid_members;
    }
    let keys: Vec<&str> = labels::DUES.iter().map(|c| c.0).collect();
    let mut c: Counts = children
        .iter()
        .map(|s| {
            let g = if s.grp.is_empty() {
                root.id.0.to_string()
            } else {
                s.grp.clone()
            };
            (g, metrics(s))
        })
        .collect();
    c.insert("total".into(), metrics(&total));
    let by_org = org_rows(conn, root, p, &c, &keys)?;
    let mut by_month: Vec<ReportRow> = from
        .through(to)
        .map(|m| {
            let found = months.iter().find(|s| s.grp == m.to_yyyymm().to_string());
            let values = found.map(metrics).unwrap_or_default();
            ReportRow {
                key: m.iso(),
                label: labels::month_row(m),
                organization_id: None,
                total: false,
                values: keys
                    .iter()
                    .map(|k| values.get(*k).copied().unwrap_or(0))
                    .collect(),
                share: None,
            }
        })
        .collect();
    by_month.push(ReportRow {
        key: "total".into(),
        label: labels::TOTAL_ROW.into(),
        organization_id: None,
        total: true,
        values: keys
            .iter()
            .map(|k| metrics(&total).get(*k).copied().unwrap_or(0))
            .collect(),
        share: None,
    });
    check(&by_org)?;
    check(&by_month)?;
    let mut sections = vec![
        section(labels::BY_ORGANIZATION, columns(&labels::DUES), by_org),
        section(labels::BY_MONTH, columns(&labels::DUES), by_month),
    ];
    let mut notes = vec![crate::messages::reports::dues_identity().vi];
    if !to.ended(today) {
        let first = from.max(Month::of(today));
        notes.push(crate::messages::reports::dues_open_months(&first.to_string()).vi);
    }
    let settings = crate::models::setting::at(conn, p.to)?;
    match &settings.cell_year.split {
        Some(ratios) => {
            let rows: Vec<ReportRow> = split(total.totals().collected(), ratios)
                .into_iter()
                .map(|(level, amount)| ReportRow {
                    key: level.code().into(),
                    label: level.vi().into(),
                    organization_id: None,
                    total: false,
                    values: vec![amount],
                    share: None,
                })
                .collect();
            let mut s = section(
                labels::DUES_SPLIT,
                columns(&[labels::DUES_SPLIT_AMOUNT]),
                rows,
            );
            s.percent_of = Some(total.totals().collected());
            sections.push(s);
        }
        None => notes.push(crate::messages::reports::dues_no_split().vi),
    }
    Ok((sections, notes))
}
