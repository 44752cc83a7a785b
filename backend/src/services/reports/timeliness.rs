//! The data-entry timeliness report: per subordinate organisation and per kind of event, how
//! many admissions, transfers, exits and deaths of the period were entered within the deadline.

use qldv_api_types::reports::{EntryKind, ReportRow};
use qldv_api_types::vocabulary::{Term, Vietnamese};

use super::{columns, labels, org_rows, section, Built, Counts};
use crate::db::tally::TallyParams;
use crate::db::DbConn;
use crate::domain::entry::Timeliness;
use crate::error::AppResult;
use crate::models::organization::OrganizationRow;
use crate::models::setting;

fn values(t: &Timeliness) -> Vec<(&'static str, i64)> {
    vec![
        ("entered", t.entered),
        ("on_time", t.on_time),
        ("late", t.late),
        ("on_time_percent", t.on_time_percent()),
        ("mean_delay_days", t.mean_delay()),
        ("max_delay_days", t.max_delay),
    ]
}

/// Builds the report's two sections: by subordinate organisation, and by kind of event.
pub(super) fn build(conn: &mut DbConn, root: &OrganizationRow, p: TallyParams) -> AppResult<Built> {
    let deadline = setting::at(conn, p.to)?.entry_deadline_days;
    let (by_org, by_kind) = crate::services::entry::counts(conn, p, deadline)?;
    let c: Counts = by_org
        .iter()
        .map(|(g, t)| {
            let m = values(t)
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
            (g.clone(), m)
        })
        .collect();
    let keys: Vec<&str> = labels::TIMELINESS.iter().map(|l| l.0).collect();
    let mut rows_by_org = org_rows(conn, root, p, &c, &keys)?;
    // An organisation with nothing entered has nothing late: 100 % on time.
    for r in &mut rows_by_org {
        if r.values.first() == Some(&0) {
            r.values[3] = 100;
        }
    }
    let total = by_org.get("total").copied().unwrap_or_default();
    let mut rows_by_kind: Vec<ReportRow> = EntryKind::ALL
        .iter()
        .map(|k| {
            let t = by_kind.get(k).copied().unwrap_or_default();
            ReportRow {
                key: k.code().into(),
                label: k.vi().into(),
                organization_id: None,
                total: false,
                values: values(&t).into_iter().map(|(_, v)| v).collect(),
                share: None,
            }
        })
        .collect();
    rows_by_kind.push(ReportRow {
        key: "total".into(),
        label: labels::TOTAL_ROW.into(),
        organization_id: None,
        total: true,
        values: values(&total).into_iter().map(|(_, v)| v).collect(),
        share: None,
    });
    Ok((
        vec![
            section(labels::BY_ORGANIZATION, columns(&labels::TIMELINESS), rows_by_org),
            section(labels::BY_KIND, columns(&labels::TIMELINESS), rows_by_kind),
        ],
        vec![
            format!(
                "Đúng hạn: nhập vào hệ thống trong vòng {deadline} ngày kể từ ngày xảy ra (kết nạp: ngày quyết định; chuyển sinh hoạt: ngày tiếp nhận; ra khỏi Đảng, từ trần: ngày có hiệu lực)."
            ),
            "Tổ chức theo cây tổ chức tại ngày xảy ra việc; ngày nhập theo giờ Việt Nam.".into(),
        ],
    ))
}
