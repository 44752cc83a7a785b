//! The candidate's file as the pure rules read it: its steps, votes and introducers' facts.

use std::collections::{BTreeSet, HashMap};

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
    FileFacts::load(conn, std::slice::from_ref(row), steps)?.file(row, f, steps)
}

/// A resolution's vote as the rules read it (absent counts as 0).
pub fn vote(members: Option<i32>, agreeing: Option<i32>) -> Vote {
    let n = |v: Option<i32>| v.and_then(|v| u32::try_from(v).ok()).unwrap_or(0);
    Vote {
        members: n(members),
        agreeing: n(agreeing),
    }
}

/// The fact the rules read of a stored step (an introducer's as recorded today, judged against
/// the candidate's grassroots organisation at path `grassroots`).
pub fn fact_of(conn: &mut DbConn, s: &StepRow, grassroots: &str) -> AppResult<StepFact> {
    FileFacts::load(conn, &[], std::slice::from_ref(s))?.fact(s, grassroots)
}

/// An introducer as recorded today.
struct IntroducerRecord {
    official_on: Option<NaiveDate>,
    active: bool,
    /// The day of the last event (an exit, for one no longer active).
    last_event_on: Option<NaiveDate>,
    /// The first day of the current period and its organisation's path.
    current: Option<(NaiveDate, String)>,
    disciplines: Vec<crate::domain::discipline::Discipline>,
}

/// What the rules read beyond the candidates' own rows, loaded for many files at once in a few
/// queries (the alerts and the lists read hundreds of files): the grassroots organisation of
/// each candidate's cell and the facts of every introducer named by the steps.
pub struct FileFacts {
    grassroots: HashMap<String, OrganizationRow>,
    introducers: HashMap<MemberId, IntroducerRecord>,
}

/// Ids per statement: under both engines' limits on bound parameters.
const CHUNK: usize = 1000;

impl FileFacts {
    /// Loads the facts of the candidates `rows` and the introducers named by `steps`.
    pub fn load(conn: &mut DbConn, rows: &[CandidateRow], steps: &[StepRow]) -> AppResult<Self> {
        let mut grassroots = HashMap::new();
        for r in rows {
            if !grassroots.contains_key(&r.org_path) {
                let g = OrganizationRow::grassroots_of(conn, &r.org_path)?;
                grassroots.insert(r.org_path.clone(), g);
            }
        }
        let ids: BTreeSet<MemberId> = steps.iter().filter_map(|s| s.introducer_id).collect();
        let ids: Vec<MemberId> = ids.into_iter().collect();
        Ok(Self {
            grassroots,
            introducers: introducers(conn, &ids)?,
        })
    }

    /// The rules' view of the file of `row` (loaded with it).
    pub fn file(
        &self,
        row: &CandidateRow,
        f: &FileRow,
        steps: &[StepRow],
    ) -> AppResult<CandidateFile> {
        let root = self.grassroots.get(&row.org_path).ok_or_else(|| {
            AppError::internal("a candidate's grassroots organisation not loaded")
        })?;
        let mut out = Vec::with_capacity(steps.len());
        for s in steps {
            out.push(Step {
                on: s.on_date,
                fact: self.fact(s, &root.path)?,
            });
        }
        Ok(CandidateFile {
            birth: row.birth_date,
            youth_union_joined_on: row.youth_union_joined_on,
            youth_union_member: f.youth_union_member,
            trade_union_member: f.trade_union_member,
            age_consent: f.age_consent_no.is_some(),
            grassroots_cell: root.id == row.organization_id,
            identified_on: f.identified_on,
            steps: out,
            dropped: f
                .dropped_on
                .zip(f.drop_reason)
                .map(|(on, reason)| Dropped { on, reason }),
        })
    }

    /// The fact the rules read of a stored step, judged against the grassroots organisation
    /// at path `grassroots`.
    pub fn fact(&self, s: &StepRow, grassroots: &str) -> AppResult<StepFact> {
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
                StepFact::Introduction(self.introducer(id, since, s.replacing, grassroots)?)
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

    /// The introducer's facts: official date, departure and disciplines as recorded today. The
    /// departure (rule 25, docs/candidates.md): the exit of a member no longer active, or, for
    /// one whose current period is in another grassroots organisation than `grassroots` (the
    /// candidate's, by path), the day that period began.
    fn introducer(
        &self,
        id: MemberId,
        since: NaiveDate,
        replacing: bool,
        grassroots: &str,
    ) -> AppResult<Introducer> {
        let r = self
            .introducers
            .get(&id)
            .ok_or_else(|| msg::member_not_found("introducer_id"))?;
        let left_on = if r.active {
            r.current
                .as_ref()
                .filter(|(_, path)| !crate::domain::tree::is_within(path, grassroots))
                .map(|(from, _)| *from)
        } else {
            r.last_event_on
        };
        Ok(Introducer {
            member: id,
            official_on: r.official_on,
            together_since: since,
            left_on,
            disciplines: r.disciplines.clone(),
            replacing,
        })
    }
}

/// The introducers `ids` as recorded today (members only: a candidate introduces nobody).
fn introducers(
    conn: &mut DbConn,
    ids: &[MemberId],
) -> AppResult<HashMap<MemberId, IntroducerRecord>> {
    use crate::db::schema::{member_events, memberships, organizations};
    let mut out = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let found: Vec<(MemberId, Option<NaiveDate>, MemberStatus)> =
            crate::models::member_query::members_only()
                .filter(members::id.eq_any(chunk))
                .select((members::id, members::official_on, members::status))
                .load(conn)?;
        // The current period of each: the open membership begun last, with its path.
        let periods: Vec<(i64, NaiveDate, String)> = memberships::table
            .inner_join(organizations::table.on(organizations::id.eq(memberships::organization_id)))
            .filter(memberships::member_id.eq_any(chunk.iter().map(|m| m.0)))
            .filter(memberships::to_on.is_null())
            .order((memberships::member_id, memberships::from_on.asc()))
            .select((
                memberships::member_id,
                memberships::from_on,
                organizations::path,
            ))
            .load(conn)?;
        let mut current: HashMap<i64, (NaiveDate, String)> = HashMap::new();
        for (m, from, path) in periods {
            current.insert(m, (from, path));
        }
        let events: Vec<(i64, NaiveDate)> = member_events::table
            .filter(member_events::member_id.eq_any(chunk.iter().map(|m| m.0)))
            .order((
                member_events::member_id,
                member_events::occurred_on.asc(),
                member_events::id.asc(),
            ))
            .select((member_events::member_id, member_events::occurred_on))
            .load(conn)?;
        let mut last_event: HashMap<i64, NaiveDate> = HashMap::new();
        for (m, on) in events {
            last_event.insert(m, on);
        }
        let mut disciplines: HashMap<MemberId, Vec<_>> = HashMap::new();
        for d in crate::models::discipline::DisciplineRow::of_members(conn, chunk)? {
            disciplines.entry(d.member_id).or_default().push(d.rule());
        }
        for (id, official_on, status) in found {
            out.insert(
                id,
                IntroducerRecord {
                    official_on,
                    active: status.is_active(),
                    last_event_on: last_event.get(&id.0).copied(),
                    current: current.remove(&id.0),
                    disciplines: disciplines.remove(&id).unwrap_or_default(),
                },
            );
        }
    }
    Ok(out)
}
