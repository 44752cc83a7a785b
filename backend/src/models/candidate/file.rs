//! The candidate's file as the pure rules read it: its steps, votes and introducers' facts.

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::candidates::CandidateStepKind as K;
use qldv_api_types::members::MemberStatus;
use qldv_api_types::MemberId;

use super::{CandidateRow, FileRow, StepRow};
use crate::db::schema::members;
use crate::db::DbConn;
use crate::domain::candidate::{CandidateFile, Dropped, Introducer, Step, StepFact, Vote};
use crate::error::{AppError, AppResult};
use crate::messages::candidates as msg;
use crate::models::organization::OrganizationRow;

/// The rules' view of the file of `row`.
pub fn file_of(
    conn: &mut DbConn,
    row: &CandidateRow,
    f: &FileRow,
    steps: &[StepRow],
) -> AppResult<CandidateFile> {
    let grassroots = OrganizationRow::grassroots_of(conn, &row.org_path)?.id == row.organization_id;
    let mut out = Vec::with_capacity(steps.len());
    for s in steps {
        out.push(Step {
            on: s.on_date,
            fact: fact_of(conn, s)?,
        });
    }
    Ok(CandidateFile {
        birth: row.birth_date,
        youth_union_joined_on: row.youth_union_joined_on,
        youth_union_member: f.youth_union_member,
        trade_union_member: f.trade_union_member,
        age_consent: f.age_consent_no.is_some(),
        grassroots_cell: grassroots,
        identified_on: f.identified_on,
        steps: out,
        dropped: f
            .dropped_on
            .zip(f.drop_reason)
            .map(|(on, reason)| Dropped { on, reason }),
    })
}

/// A resolution's vote as the rules read it (absent counts as 0).
pub fn vote(members: Option<i32>, agreeing: Option<i32>) -> Vote {
    let n = |v: Option<i32>| v.and_then(|v| u32::try_from(v).ok()).unwrap_or(0);
    Vote {
        members: n(members),
        agreeing: n(agreeing),
    }
}

/// The introducer's facts: official date, departure and disciplines as recorded today.
pub fn introducer(
    conn: &mut DbConn,
    id: MemberId,
    since: NaiveDate,
    replacing: bool,
) -> AppResult<Introducer> {
    let m: Option<(Option<NaiveDate>, MemberStatus)> = crate::models::member_query::members_only()
        .filter(members::id.eq(id))
        .select((members::official_on, members::status))
        .first(conn)
        .optional()?;
    let Some((official_on, status)) = m else {
        return Err(msg::member_not_found("introducer_id"));
    };
    let left_on = if status.is_active() {
        None
    } else {
        crate::models::member_event::of_member(conn, id)?
            .last()
            .map(|e| e.occurred_on)
    };
    let disciplines = crate::models::discipline::DisciplineRow::of_member(conn, id)?
        .iter()
        .map(|d| d.rule())
        .collect();
    Ok(Introducer {
        member: id,
        official_on,
        together_since: since,
        left_on,
        disciplines,
        replacing,
    })
}

/// The fact the rules read of a stored step (an introducer's as recorded today).
pub fn fact_of(conn: &mut DbConn, s: &StepRow) -> AppResult<StepFact> {
    Ok(match s.kind {
        K::HelpersAssigned => StepFact::HelpersAssigned,
        K::AwarenessCourse => StepFact::AwarenessCourse,
        K::Application => StepFact::Application,
        K::PersonalHistory => StepFact::PersonalHistory,
        K::HistoryVerified => StepFact::HistoryVerified,
        K::Introduction => {
            let (Some(id), Some(since)) = (s.introducer_id, s.together_since) else {
                return Err(AppError::internal("an introduction without its introducer"));
            };
            StepFact::Introduction(introducer(conn, id, since, s.replacing)?)
        }
        K::YouthUnionIntroduction => StepFact::YouthUnionIntroduction,
        K::TradeUnionIntroduction => StepFact::TradeUnionIntroduction,
        K::CellResolution => StepFact::CellResolution(vote(s.vote_members, s.vote_agreeing)),
        K::GrassrootsResolution => {
            StepFact::GrassrootsResolution(vote(s.vote_members, s.vote_agreeing))
        }
        K::DecisionExtended => StepFact::DecisionExtended,
        K::AdmissionDecision => StepFact::AdmissionDecision {
            received_on: s.received_on,
            late_reason: s.late_reason.is_some(),
        },
        K::AdmissionRefused => StepFact::AdmissionRefused {
            late_reason: s.late_reason.is_some(),
        },
        K::Ceremony => StepFact::Ceremony {
            approval: s.approval_no.is_some(),
        },
    })
}
