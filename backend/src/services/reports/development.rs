//! The development report (phát triển đảng viên, issue 22) for a subtree and a year: per
//! subordinate organisation and in total, its own admission target beside its children's
//! targets summed, the admitted (the Admissions report's count) and their share of the target,
//! the admissions by category, and the candidates by stage.

use qldv_api_types::candidates::{CandidateStage, DevelopmentCategory};
use qldv_api_types::reports::{ReportColumn, ReportShare};
use qldv_api_types::vocabulary::{English, Term, Vietnamese};

use super::{columns, counts, org_rows, section, Built, Counts};
use crate::db::tally::TallyParams;
use crate::db::DbConn;
use crate::domain::development::share;
use crate::error::AppResult;
use crate::messages::targets as notes;
use crate::models::organization::OrganizationRow;
use crate::models::report;

/// The admissions metric of a development category (the population policy is known for
/// admissions through the candidate pipeline only; the categories note says so).
fn admissions_metric(c: DevelopmentCategory) -> Option<&'static str> {
    match c {
        DevelopmentCategory::Women => Some("women"),
        DevelopmentCategory::YouthUnion => Some("youth_union"),
        DevelopmentCategory::PrivateBusinessOwner => Some("business_owners"),
        DevelopmentCategory::Student => Some("students"),
        DevelopmentCategory::Worker => Some("workers"),
        DevelopmentCategory::FreeOrContractLabour => Some("free_or_contract_labour"),
        DevelopmentCategory::Readmitted => Some("readmitted"),
        DevelopmentCategory::PopulationPolicy => Some("population_policy"),
    }
}

/// The stages the pipeline table counts: every stage but `admitted` (those are the admitted).
fn pipeline_stages() -> Vec<CandidateStage> {
    CandidateStage::ALL
        .iter()
        .copied()
        .filter(|s| *s != CandidateStage::Admitted)
        .collect()
}

/// The figures' columns: targets, admitted, then the categories counted.
fn figure_columns() -> Vec<ReportColumn> {
    let mut cols = columns(&[
        ("target", "Chỉ tiêu kết nạp", "Admission target"),
        (
            "children_target",
            "Tổng chỉ tiêu các tổ chức trực thuộc",
            "Subordinate organisations' targets",
        ),
        ("admitted", "Đã kết nạp", "Admitted"),
    ]);
    cols.extend(
        DevelopmentCategory::ALL
            .iter()
            .filter(|c| admissions_metric(**c).is_some())
            .map(|c| ReportColumn {
                key: c.as_str().into(),
                label: c.vi().into(),
                label_en: c.en().into(),
            }),
    );
    cols
}

/// The counts keyed by the columns: admissions renamed to their categories, and the targets.
fn figures(admissions: Counts, targets: Counts) -> Counts {
    let mut out: Counts = admissions
        .into_iter()
        .map(|(g, m)| {
            let mut renamed: std::collections::HashMap<String, i64> = DevelopmentCategory::ALL
                .iter()
                .filter_map(|c| {
                    let metric = admissions_metric(*c)?;
                    Some((c.as_str().to_string(), m.get(metric).copied().unwrap_or(0)))
                })
                .collect();
            renamed.insert("admitted".into(), m.get("total").copied().unwrap_or(0));
            (g, renamed)
        })
        .collect();
    for (g, m) in targets {
        out.entry(g).or_default().extend(m);
    }
    out
}

/// Builds the report's tables and notes.
pub(super) fn build(conn: &mut DbConn, root: &OrganizationRow, p: TallyParams) -> AppResult<Built> {
    let c = figures(
        counts(report::admissions(conn, p)?),
        counts(report::targets(conn, p)?),
    );
    let cols = figure_columns();
    let keys: Vec<&str> = cols.iter().map(|c| c.key.as_str()).collect();
    let at = |k: &str| keys.iter().position(|x| *x == k).unwrap_or(0);
    let (admitted, target) = (at("admitted"), at("target"));
    let mut rows = org_rows(conn, root, p, &c, &keys)?;
    for r in &mut rows {
        let value = |i: usize| r.values.get(i).copied().unwrap_or(0);
        r.share = share(value(admitted), value(target));
    }
    let mut main = section(super::labels::BY_ORGANIZATION, cols, rows);
    main.share = Some(ReportShare {
        of: "admitted".into(),
        per: "target".into(),
        label: "Tỷ lệ đạt chỉ tiêu (%)".into(),
        label_en: "Share of the target (%)".into(),
    });
    let year = i32::try_from(p.year).unwrap_or_default();
    let mut notes: Vec<String> = vec![
        notes::targets_note(year).vi,
        notes::categories_note().vi,
        notes::population_policy_note().vi,
    ];
    let mut sections = vec![main];
    match report::pipeline_by_stage(conn, p)? {
        Some(tallies) => {
            let stages = pipeline_stages();
            let cols: Vec<ReportColumn> = stages
                .iter()
                .map(|s| ReportColumn {
                    key: s.as_str().into(),
                    label: s.vi().into(),
                    label_en: s.en().into(),
                })
                .collect();
            let keys: Vec<&str> = stages.iter().map(|s| s.as_str()).collect();
            let rows = org_rows(conn, root, p, &counts(tallies), &keys)?;
            sections.push(section(PIPELINE, cols, rows));
        }
        None => notes.push(notes::pipeline_note().vi),
    }
    Ok((sections, notes))
}

/// The pipeline table's key, title and row header.
const PIPELINE: super::labels::Section = (
    "pipeline",
    ("Quần chúng ưu tú theo giai đoạn", "Candidates by stage"),
    "Tổ chức",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_is_a_column_or_said_to_have_no_source() {
        let cols: Vec<String> = figure_columns().into_iter().map(|c| c.key).collect();
        for c in DevelopmentCategory::ALL {
            assert_eq!(
                cols.contains(&c.as_str().to_string()),
                admissions_metric(*c).is_some(),
                "{c:?}"
            );
        }
        assert_eq!(&cols[..3], ["target", "children_target", "admitted"]);
    }

    #[test]
    fn admissions_become_their_categories_beside_the_targets() {
        let mut adm: Counts = Counts::new();
        adm.entry("7".into()).or_default().extend([
            ("total".to_string(), 3),
            ("women".to_string(), 2),
            ("workers".to_string(), 1),
        ]);
        let mut tg: Counts = Counts::new();
        tg.entry("7".into()).or_default().insert("target".into(), 5);
        let f = figures(adm, tg);
        let g = &f["7"];
        assert_eq!(g["admitted"], 3);
        assert_eq!(g["women"], 2);
        assert_eq!(g["worker"], 1);
        assert_eq!(g["target"], 5);
        assert_eq!(g.get("population_policy"), Some(&0));
    }
}
