//! A candidate's file as the API returns it (`GET /candidates/{id}`, and the change feed).

use chrono::NaiveDate;
use qldv_api_types::candidates::{self as dto, DevelopmentCategory};
use qldv_api_types::MemberId;

use super::file::file_of;
use super::{categories_of, helpers_of, steps_of, CandidateRow, FileRow};
use crate::auth::Scope;
use crate::db::DbConn;
use crate::domain::candidate as rules;
use crate::domain::privacy::Privacy;
use crate::error::AppResult;
use crate::models::setting;

/// The file of `id` inside `scope` as the API shows it on `today`, masked by `privacy`.
pub fn view(
    conn: &mut DbConn,
    scope: &Scope,
    id: MemberId,
    today: NaiveDate,
    privacy: Privacy,
) -> AppResult<dto::Candidate> {
    let row = CandidateRow::find(conn, scope, id)?;
    let f = FileRow::get(conn, id)?;
    let steps = steps_of(conn, &[id])?;
    let file = file_of(conn, &row, &f, &steps)?;
    let settings = setting::at(conn, today)?;
    let ids: Vec<_> = steps.iter().map(|s| s.id).collect();
    let helpers = helpers_of(conn, &ids)?;
    let categories: Vec<DevelopmentCategory> = categories_of(conn, id)?;
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
