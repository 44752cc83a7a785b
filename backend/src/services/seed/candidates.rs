//! Candidates for the seeded dataset (issue 22): 0–6 per cell, their files walked step by step
//! to a random stage (at most the decision), each step accepted by `check_step` as the API
//! accepts it, so the pipeline reads like one entered through the API.

use chrono::{Duration, Months, NaiveDate};
use diesel::prelude::*;
use qldv_api_types::candidates::{CandidateSource, CandidateStepKind as K};
use qldv_api_types::members::{Gender, MemberStatus};
use qldv_api_types::{CandidateStepId, MemberId, OrgId};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::db::schema::{members, organization_kinds, organizations};
use crate::db::DbConn;
use crate::domain::candidate::{self as rules, CandidateFile, Introducer, Step, StepFact, Vote};
use crate::domain::vn_text;
use crate::error::{AppError, AppResult};
use crate::models::candidate::{self as model, FileRow, NewStep};
use crate::models::setting;

/// The steps of a file in order, with the gap in days before each.
const WALK: [(K, i64); 9] = [
    (K::AwarenessCourse, 20),
    (K::Application, 15),
    (K::PersonalHistory, 10),
    (K::HistoryVerified, 30),
    (K::Introduction, 5),
    (K::Introduction, 1),
    (K::CellResolution, 14),
    (K::GrassrootsResolution, 14),
    (K::AdmissionDecision, 20),
];

/// Grows the candidates of every open cell; how many.
pub fn grow(conn: &mut DbConn, seed: u64, today: NaiveDate) -> AppResult<u64> {
    let cells: Vec<(OrgId, String)> = organizations::table
        .inner_join(organization_kinds::table)
        .filter(organization_kinds::holds_members.eq(true))
        .filter(organizations::valid_to.is_null())
        .order(organizations::id)
        .select((organizations::id, organizations::path))
        .load(conn)?;
    let mut rng = StdRng::seed_from_u64(seed ^ 0x0022_ca4d);
    crate::db::write_transaction(conn, |c| {
        let mut n = 0u64;
        for (org, path) in cells {
            let k = rng.gen_range(0..=6u32);
            if k == 0 {
                continue;
            }
            let officials: Vec<(MemberId, Option<NaiveDate>)> =
                crate::models::member_query::members_only()
                    .filter(members::organization_id.eq(org))
                    .filter(members::status.eq(MemberStatus::Official))
                    .order(members::id)
                    .limit(12)
                    .select((members::id, members::official_on))
                    .load(c)?;
            let grassroots =
                crate::models::organization::OrganizationRow::grassroots_of(c, &path)?.id == org;
            for _ in 0..k {
                one(c, &mut rng, (org, &path), &officials, grassroots, today)?;
                n += 1;
            }
        }
        Ok(n)
    })
}

/// One candidate, identified a year or two ago, walked to a random number of steps.
fn one(
    c: &mut DbConn,
    rng: &mut StdRng,
    (org, path): (OrgId, &str),
    officials: &[(MemberId, Option<NaiveDate>)],
    grassroots: bool,
    today: NaiveDate,
) -> AppResult<()> {
    let p = super::person::person(rng, "");
    let birth = today - Duration::days(rng.gen_range(19 * 365..35 * 365));
    let identified = today - Duration::days(rng.gen_range(200..700));
    let id = MemberId(
        crate::db::bulk::reserve_ids(c, "members", 1)?
            .pop()
            .ok_or_else(|| AppError::internal("no id reserved"))?,
    );
    let gender = if p.gender == "male" {
        Gender::Male
    } else {
        Gender::Female
    };
    let now = crate::models::now();
    diesel::insert_into(members::table)
        .values((
            members::id.eq(id),
            members::organization_id.eq(org),
            members::org_path.eq(path),
            members::full_name.eq(&p.full_name),
            members::name_folded.eq(vn_text::fold(&p.full_name)),
            members::name_sort_key.eq(vn_text::sort_key(&p.full_name)),
            members::gender.eq(gender),
            members::birth_date.eq(birth),
            members::occupation.eq(p.occupation),
            members::phone.eq(&p.phone),
            members::status.eq(MemberStatus::Candidate),
            members::interruptions.eq(Some(crate::domain::party_age::encode(&[]))),
            members::created_at.eq(now),
            members::updated_at.eq(now),
        ))
        .execute(c)?;
    crate::models::name_word::set(
        c,
        id,
        &vn_text::fold(&p.full_name),
        &vn_text::sort_key(&p.full_name),
    )?;
    let sources = <CandidateSource as qldv_api_types::vocabulary::Term>::ALL;
    model::insert_file(
        c,
        &FileRow {
            member_id: id,
            source: sources[rng.gen_range(0..sources.len())],
            identified_on: identified,
            youth_union_member: false,
            trade_union_member: false,
            age_consent_no: None,
            population_policy: false,
            dropped_on: None,
            drop_reason: None,
            drop_note: None,
        },
        &[],
    )?;
    let mut file = CandidateFile {
        birth,
        youth_union_joined_on: None,
        youth_union_member: false,
        trade_union_member: false,
        age_consent: false,
        grassroots_cell: grassroots,
        identified_on: identified,
        steps: Vec::new(),
        dropped: None,
    };
    let mut on = identified;
    let mut introducers = officials.iter();
    let voters = u32::try_from(officials.len()).unwrap_or(0).max(1);
    for (kind, gap) in WALK.iter().take(rng.gen_range(0..=WALK.len())) {
        if *kind == K::GrassrootsResolution && grassroots {
            continue;
        }
        on += Duration::days(*gap + rng.gen_range(0..10));
        let mut introducer = None;
        let fact = match kind {
            K::AwarenessCourse => StepFact::AwarenessCourse,
            K::Application => StepFact::Application,
            K::PersonalHistory => StepFact::PersonalHistory,
            K::HistoryVerified => StepFact::HistoryVerified,
            K::Introduction => {
                let Some((m, official_on)) = introducers.next() else {
                    break;
                };
                let since = on - Months::new(13);
                introducer = Some((*m, since));
                StepFact::Introduction(Introducer {
                    member: *m,
                    official_on: *official_on,
                    together_since: since,
                    left_on: None,
                    disciplines: Vec::new(),
                    replacing: false,
                })
            }
            K::CellResolution => StepFact::CellResolution(Vote {
                members: voters,
                agreeing: voters,
            }),
            K::GrassrootsResolution => StepFact::GrassrootsResolution(Vote {
                members: 9,
                agreeing: 8,
            }),
            _ => StepFact::AdmissionDecision {
                received_on: None,
                late_reason: false,
            },
        };
        let step = Step { on, fact };
        let settings = setting::at(c, on)?;
        if rules::check_step(&file, &step, today, &settings).is_err() {
            break;
        }
        let (vote_members, vote_agreeing) = match &step.fact {
            StepFact::CellResolution(v) | StepFact::GrassrootsResolution(v) => (
                i32::try_from(v.members).ok(),
                i32::try_from(v.agreeing).ok(),
            ),
            _ => (None, None),
        };
        let step_id = CandidateStepId(
            crate::db::bulk::reserve_ids(c, "candidate_steps", 1)?
                .pop()
                .ok_or_else(|| AppError::internal("no id reserved"))?,
        );
        model::insert_step(
            c,
            &NewStep {
                id: step_id,
                member_id: id,
                kind: *kind,
                on_date: on,
                document_no: Some(format!("{}-NQ/CB", rng.gen_range(1..99))),
                regulation: settings.regulation.clone(),
                received_on: None,
                late_reason: None,
                approval_no: None,
                vote_members,
                vote_agreeing,
                introducer_id: introducer.map(|(m, _)| m),
                together_since: introducer.map(|(_, s)| s),
                replacing: false,
                entered_by: None,
                entered_at: crate::models::now(),
            },
            &[],
        )?;
        file.steps.push(step);
    }
    Ok(())
}
