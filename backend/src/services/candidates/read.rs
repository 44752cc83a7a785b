//! Reading candidates: one file, a cell's list, and their alerts.

use super::*;

/// The file as the API shows it to `caller`.
pub fn view(
    conn: &mut DbConn,
    caller: &AuthUser,
    id: MemberId,
    today: NaiveDate,
    privacy: Privacy,
) -> AppResult<dto::Candidate> {
    model::view::view(conn, &caller.scope, id, today, privacy)
}

/// One page of a cell's open candidates (stage and what is due computed for the page only).
pub fn list(
    conn: &mut DbConn,
    caller: &AuthUser,
    org: qldv_api_types::OrgId,
    after: Option<(String, MemberId)>,
    limit: i64,
    today: NaiveDate,
) -> AppResult<Vec<(CandidateRow, dto::CandidateSummary)>> {
    let o = OrganizationRow::find(conn, &caller.scope, org)?;
    let rows = CandidateRow::list(conn, &caller.scope, &o.path, after, limit)?;
    let ids: Vec<_> = rows.iter().map(|r| r.id).collect();
    let files = FileRow::of(conn, &ids)?;
    let steps = model::steps_of(conn, &ids)?;
    let settings = setting::at(conn, today)?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let Some(f) = files.iter().find(|f| f.member_id == r.id) else {
            continue;
        };
        let mine: Vec<StepRow> = steps
            .iter()
            .filter(|s| s.member_id == r.id)
            .cloned()
            .collect();
        let file = file_of(conn, &r, f, &mine)?;
        let summary = dto::CandidateSummary {
            id: r.id,
            full_name: r.full_name.clone(),
            gender: r.gender,
            birth_date: r.birth_date,
            source: f.source,
            stage: rules::stage(&file),
            next_due: rules::next_due(&file, today, &settings).map(|d| dto::CandidateDue {
                step: d.step,
                by: d.by,
            }),
        };
        out.push((r, summary));
    }
    Ok(out)
}

/// Rules 2, 24, 25, 29: the alerts of the open candidates of the subtree `[lo, hi)` on
/// `today`, one per finding (`GET /alerts`).
pub fn alerts(
    conn: &mut DbConn,
    (lo, hi): (&str, &str),
    today: NaiveDate,
) -> AppResult<Vec<qldv_api_types::movements::Alert>> {
    use crate::domain::candidate::CandidateAlert as A;
    use qldv_api_types::movements::{Alert, AlertKind};
    let rows: Vec<CandidateRow> = members::table
        .filter(members::org_path.ge(lo))
        .filter(members::org_path.lt(hi))
        .filter(members::status.eq(MemberStatus::Candidate))
        .select(CandidateRow::as_select())
        .load(conn)?;
    let ids: Vec<_> = rows.iter().map(|r| r.id).collect();
    let files = FileRow::of(conn, &ids)?;
    let steps = model::steps_of(conn, &ids)?;
    let settings = setting::at(conn, today)?;
    let mut out = Vec::new();
    for r in &rows {
        let Some(f) = files.iter().find(|f| f.member_id == r.id) else {
            continue;
        };
        let mine: Vec<StepRow> = steps
            .iter()
            .filter(|s| s.member_id == r.id)
            .cloned()
            .collect();
        let file = file_of(conn, r, f, &mine)?;
        for a in rules::overdue(&file, today, &settings) {
            let (kind, rule, date) = match a {
                A::CertificateExpired { valid_until } => {
                    (AlertKind::CandidateCertificateExpired, 24, valid_until)
                }
                A::IntroducerLeft { on, .. } => (AlertKind::CandidateIntroducerLeft, 25, on),
                A::IntroducerDisciplined { .. } => {
                    (AlertKind::CandidateIntroducerDisciplined, 25, today)
                }
                A::DecisionOverdue { deadline } => {
                    (AlertKind::CandidateDecisionOverdue, 29, deadline)
                }
                A::CeremonyOverdue { deadline } => {
                    (AlertKind::CandidateCeremonyOverdue, 2, deadline)
                }
            };
            out.push(Alert {
                kind,
                member_id: Some(r.id),
                full_name: r.full_name.clone(),
                organization_id: r.organization_id,
                rule,
                date,
                message: msg::alert(&a).served(),
            });
        }
    }
    Ok(out)
}
