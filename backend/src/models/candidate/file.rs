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
    let root = OrganizationRow::grassroots_of(conn, &row.org_path)?;
    let grassroots = root.id == row.organization_id;
    let mut out = Vec::with_capacity(steps.len());
    for s in steps {
        out.push(Step {
            on: s.on_date,
            fact: fact_of(conn, s, &root.path)?,
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

/// The introducer's facts: official date, departure and disciplines as recorded today. The
/// departure (rule 25, docs/candidates.md): the exit of a member no longer active, or, for one
/// whose current period is in another grassroots organisation than `grassroots` (the
/// candidate's, by path), the day that period began.
pub fn introducer(
    conn: &mut DbConn,
    id: MemberId,
    since: NaiveDate,
    replacing: bool,
    grassroots: &str,
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
        moved_out_on(conn, id, grassroots)?
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

/// The first day of the member's current period, if it is spent outside the grassroots
/// organisation at `grassroots` (an official transfer moved them out).
fn moved_out_on(conn: &mut DbConn, id: MemberId, grassroots: &str) -> AppResult<Option<NaiveDate>> {
    use crate::db::schema::{memberships, organizations};
    let current: Option<(NaiveDate, i64)> = memberships::table
        .filter(memberships::member_id.eq(id.0))
        .filter(memberships::to_on.is_null())
        .order(memberships::from_on.desc())
        .select((memberships::from_on, memberships::organization_id))
        .first(conn)
        .optional()?;
    let Some((from, org)) = current else {
        return Ok(None);
    };
    let path: Option<String> = organizations::table
        .find(org)
        .select(organizations::path)
        .first(conn)
        .optional()?;
    Ok(path
        .filter(|p| !crate::domain::tree::is_within(p, grassroots))
        .map(|_| from))
}

/// The fact the rules read of a stored step (an introducer's as recorded today, judged against
/// the candidate's grassroots organisation at path `grassroots`).
pub fn fact_of(conn: &mut DbConn, s: &StepRow, grassroots: &str) -> AppResult<StepFact> {
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
            StepFact::Introduction(introducer(conn, id, since, s.replacing, grassroots)?)
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
