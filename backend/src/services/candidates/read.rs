//! Reading candidates: one file, a cell's list, and their alerts.

use super::*;

/// The file as the API shows it.
pub fn view(
    conn: &mut DbConn,
    caller: &AuthUser,
    id: MemberId,
    today: NaiveDate,
    privacy: Privacy,
) -> AppResult<dto::Candidate> {
    let row = CandidateRow::find(conn, &caller.scope, id)?;
    let f = FileRow::get(conn, id)?;
    let steps = model::steps_of(conn, &[id])?;
    let file = file_of(conn, &row, &f, &steps)?;
    let settings = setting::at(conn, today)?;
    let ids: Vec<_> = steps.iter().map(|s| s.id).collect();
    let helpers = model::helpers_of(conn, &ids)?;
    let categories: Vec<DevelopmentCategory> = model::categories_of(conn, id)?;
    let due = rules::next_due(&file, today, &settings).map(|d| dto::CandidateDue {
        step: d.step,
        by: d.by,
    });
    Ok(dto::Candidate {
        id: row.id,
        organization_id: row.organization_id,
        profile: row.profile(privacy),
        status: row.status,
        source: f.source,
        identified_on: f.identified_on,
        youth_union_member: f.youth_union_member,
        trade_union_member: f.trade_union_member,
        age_consent_no: f.age_consent_no.clone(),
        population_policy: f.population_policy,
        categories,
        stage: rules::stage(&file),
        next_due: due,
        steps: steps
            .iter()
            .map(|s| dto::CandidateStep {
                id: s.id,
                kind: s.kind,
                on: s.on_date,
                document_no: s.document_no.clone(),
                regulation: s.regulation.clone(),
                received_on: s.received_on,
                late_reason: s.late_reason.clone(),
                approval_no: s.approval_no.clone(),
                vote_members: s.vote_members.and_then(|v| u32::try_from(v).ok()),
                vote_agreeing: s.vote_agreeing.and_then(|v| u32::try_from(v).ok()),
                introducer_id: s.introducer_id,
                together_since: s.together_since,
                replacing: s.replacing,
                helper_ids: helpers
                    .iter()
                    .filter(|(st, _)| *st == s.id.0)
                    .map(|(_, h)| MemberId(*h))
                    .collect(),
            })
            .collect(),
        dropped: f
            .dropped_on
            .zip(f.drop_reason)
            .map(|(on, reason)| dto::CandidateDrop {
                on,
                reason,
                note: f.drop_note.clone(),
            }),
        version: row.version,
    })
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
                member_id: r.id,
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
