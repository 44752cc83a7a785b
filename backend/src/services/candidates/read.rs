//! Reading candidates: one file, a cell's list, and their alerts.

use std::collections::HashMap;

use super::*;
use crate::domain::candidate::CandidateFile;
use crate::models::candidate::file::FileFacts;

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
    let loaded = Files::load(conn, &rows)?;
    let settings = setting::at(conn, today)?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let Some((f, file)) = loaded.file(&r)? else {
            continue;
        };
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
    let loaded = Files::load(conn, &rows)?;
    let settings = setting::at(conn, today)?;
    let mut out = Vec::new();
    for r in &rows {
        let Some((_, file)) = loaded.file(r)? else {
            continue;
        };
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

/// The files, steps and facts of many candidates, read in a few queries.
struct Files {
    files: HashMap<MemberId, FileRow>,
    steps: HashMap<MemberId, Vec<StepRow>>,
    facts: FileFacts,
}

impl Files {
    fn load(conn: &mut DbConn, rows: &[CandidateRow]) -> AppResult<Self> {
        let ids: Vec<MemberId> = rows.iter().map(|r| r.id).collect();
        let mut files = HashMap::new();
        let mut steps: HashMap<MemberId, Vec<StepRow>> = HashMap::new();
        let mut all_steps = Vec::new();
        for chunk in ids.chunks(1000) {
            files.extend(
                FileRow::of(conn, chunk)?
                    .into_iter()
                    .map(|f| (f.member_id, f)),
            );
            all_steps.extend(model::steps_of(conn, chunk)?);
        }
        let facts = FileFacts::load(conn, rows, &all_steps)?;
        for s in all_steps {
            steps.entry(s.member_id).or_default().push(s);
        }
        Ok(Self {
            files,
            steps,
            facts,
        })
    }

    /// `r`'s file and the rules' view of it; `None` for a candidate without one.
    fn file(&self, r: &CandidateRow) -> AppResult<Option<(&FileRow, CandidateFile)>> {
        let Some(f) = self.files.get(&r.id) else {
            return Ok(None);
        };
        let steps = self.steps.get(&r.id).map_or(&[][..], Vec::as_slice);
        Ok(Some((f, self.facts.file(r, f, steps)?)))
    }
}
