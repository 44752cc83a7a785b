//! Candidates (issue 22, docs/candidates.md): identification, the admission file step by step
//! (each step judged by `domain::candidate::check_step` in the transaction that stores it),
//! the drop, and the ceremony that turns the same record into a probationary member.

use chrono::NaiveDate;
use qldv_api_types::candidates::{
    self as dto, CandidateStepKind as K, CreateCandidate, DevelopmentCategory, RecordStep,
};
use qldv_api_types::members::{MemberEventKind, MemberStatus};
use qldv_api_types::{CandidateStepId, MemberId};

use crate::auth::AuthUser;
use crate::db::schema::members;
use crate::db::DbConn;
use crate::domain::candidate::{
    self as rules, CandidateFile, Dropped, Introducer, Step, StepFact, Vote,
};
use crate::domain::privacy::Privacy;
use crate::error::{AppError, AppResult, FieldIssue};
use crate::messages::candidates as msg;
use crate::messages::Text;
use crate::models::candidate::{self as model, CandidateRow, FileRow, NewStep, StepRow};
use crate::models::member::MemberRow;
use crate::models::organization::{KindRow, OrganizationRow};
use crate::models::setting;
use crate::models::uow::Uow;
use crate::services::members::profile::{to_changes, Identity};
use diesel::prelude::*;

/// Identifies a candidate in the cell `org_id` (call inside a transaction); the new id.
pub fn create(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    org_id: qldv_api_types::OrgId,
    body: &CreateCandidate,
    today: NaiveDate,
) -> AppResult<MemberId> {
    let org = OrganizationRow::find(conn, &caller.scope, org_id)?;
    let mut errors: Vec<FieldIssue> = Vec::new();
    if !KindRow::get(conn, &org.kind)?.holds_members {
        errors.push(field(
            "organization_id",
            "not_a_cell",
            crate::messages::records::not_a_cell(&org.name),
        ));
    }
    if org.valid_to.is_some() {
        errors.push(field(
            "organization_id",
            "organization_closed",
            crate::messages::organizations::closed(),
        ));
    }
    let (Some(gender), Some(birth)) = (body.profile.gender, body.profile.birth_date) else {
        if body.profile.gender.is_none() {
            errors.push(field(
                "gender",
                "required",
                crate::messages::records::gender_required(),
            ));
        }
        if body.profile.birth_date.is_none() {
            errors.push(field(
                "birth_date",
                "required",
                crate::messages::records::birth_date_required(),
            ));
        }
        return Err(AppError::Validation(errors));
    };
    let changes = to_changes(&body.profile, Identity { gender, birth }, true, &mut errors);
    if body.identified_on > today || body.identified_on < birth {
        errors.push(field(
            "identified_on",
            "date_order",
            msg::text(&rules::StepRefusal::DateInFuture),
        ));
    }
    if let Err(c) = rules::check_occupational(&body.categories) {
        return Err(msg::category_not_entered(&format!(
            "categories[{}]",
            c.as_str()
        )));
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        return Err(AppError::Validation(errors));
    }
    let planned_keys: Vec<_> = [
        changes.national_id.clone().flatten().map(|n| (true, n)),
        changes
            .personal_history_no
            .clone()
            .flatten()
            .map(|h| (false, h)),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (cccd, value) in &planned_keys {
        let key = if *cccd {
            crate::services::members::Key::NationalId(value)
        } else {
            crate::services::members::Key::HistoryNo(value)
        };
        crate::services::disclosure::check(conn, caller, key, None)?;
    }
    let id = MemberId(
        crate::db::bulk::reserve_ids(conn, "members", 1)?
            .pop()
            .ok_or_else(|| AppError::internal("no id reserved"))?,
    );
    let now = crate::models::now();
    diesel::insert_into(members::table)
        .values((
            &changes,
            members::id.eq(id),
            members::organization_id.eq(org.id),
            members::org_path.eq(&org.path),
            members::status.eq(MemberStatus::Candidate),
            members::interruptions.eq(Some(crate::domain::party_age::encode(&[]))),
            members::created_at.eq(now),
            members::updated_at.eq(now),
        ))
        .execute(conn.conn())?;
    let name_folded = changes.name_folded.clone().unwrap_or_default();
    let sort_key = changes.name_sort_key.clone().unwrap_or_default();
    crate::models::name_word::add_all(conn, [(id, name_folded.as_str(), sort_key.as_str())])?;
    let file = FileRow {
        member_id: id,
        source: body.source,
        identified_on: body.identified_on,
        youth_union_member: body.youth_union_member,
        trade_union_member: body.trade_union_member,
        age_consent_no: body.age_consent_no.clone(),
        population_policy: body.population_policy,
        dropped_on: None,
        drop_reason: None,
        drop_note: None,
    };
    let mut cats = body.categories.clone();
    cats.sort();
    cats.dedup();
    model::insert_file(conn, &file, &cats)?;
    let row = CandidateRow::find(conn, &caller.scope, id)?;
    audit(
        conn,
        caller,
        qldv_api_types::audit::AuditAction::Create,
        None,
        &row,
    )?;
    Ok(id)
}

fn field(name: &str, code: &str, message: Text) -> FieldIssue {
    FieldIssue::new(name, code, message)
}

fn audit(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    action: qldv_api_types::audit::AuditAction,
    before: Option<&CandidateRow>,
    after: &CandidateRow,
) -> AppResult<()> {
    crate::models::audit::record(
        conn,
        &caller.actor(),
        action,
        crate::models::audit::Subject {
            entity: qldv_api_types::audit::AuditEntity::Member,
            id: after.id.into(),
            scope_path: Some(&after.org_path),
        },
        before,
        Some(after),
    )
}

/// The rules' view of the file of `row`.
fn file_of(
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

fn vote(members: Option<i32>, agreeing: Option<i32>) -> Vote {
    let n = |v: Option<i32>| v.and_then(|v| u32::try_from(v).ok()).unwrap_or(0);
    Vote {
        members: n(members),
        agreeing: n(agreeing),
    }
}

/// The introducer's facts: official date, departure and disciplines as recorded today.
fn introducer(
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

fn fact_of(conn: &mut DbConn, s: &StepRow) -> AppResult<StepFact> {
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

fn required<T: Copy>(v: Option<T>, name: &str) -> AppResult<T> {
    v.ok_or_else(|| msg::step_field_required(name))
}

/// Records one step (call inside a transaction): judged by rule 30 and the rules it names on
/// the file as stored, then stored; the ceremony converts the record. Returns the computed
/// vote base of a resolution and the warnings.
pub fn record_step(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &RecordStep,
    today: NaiveDate,
) -> AppResult<(Option<u32>, Vec<String>)> {
    let row = CandidateRow::find(conn, &caller.scope, id)?;
    let f = FileRow::get(conn, id)?;
    let steps = model::steps_of(conn, &[id])?;
    let file = file_of(conn, &row, &f, &steps)?;
    let kind = required(body.kind, "kind")?;
    let on = required(body.on, "on")?;
    let to_i32 = |v: Option<u32>| v.map(|v| i32::try_from(v).unwrap_or(i32::MAX));
    let mut stored = StepRow {
        id: CandidateStepId(0),
        member_id: id,
        kind,
        on_date: on,
        document_no: body.document_no.clone(),
        regulation: String::new(),
        received_on: None,
        late_reason: None,
        approval_no: None,
        vote_members: None,
        vote_agreeing: None,
        introducer_id: None,
        together_since: None,
        replacing: false,
        entered_by: caller.actor().user_id.map(|u| u.0),
        entered_at: crate::models::now(),
    };
    let mut helpers = Vec::new();
    let mut base = None;
    let mut warnings = Vec::new();
    match kind {
        K::Introduction => {
            let introducer_id = required(body.introducer_id, "introducer_id")?;
            MemberRow::find(conn, &caller.scope, introducer_id)
                .map_err(|_| msg::member_not_found("introducer_id"))?;
            stored.introducer_id = Some(introducer_id);
            stored.together_since = Some(required(body.together_since, "together_since")?);
            stored.replacing = body.replacing;
        }
        K::CellResolution | K::GrassrootsResolution => {
            stored.vote_members = to_i32(Some(required(body.vote_members, "vote_members")?));
            stored.vote_agreeing = to_i32(Some(required(body.vote_agreeing, "vote_agreeing")?));
            if kind == K::CellResolution {
                let computed = model::vote_base(conn, row.organization_id, on)?;
                base = Some(computed);
                if body.vote_members != Some(computed) {
                    warnings.push(
                        msg::vote_base_differs(body.vote_members.unwrap_or(0), computed).served(),
                    );
                }
            }
        }
        K::AdmissionDecision => {
            stored.received_on = body.received_on;
            stored.late_reason = body.late_reason.clone();
        }
        K::AdmissionRefused => stored.late_reason = body.late_reason.clone(),
        K::Ceremony => stored.approval_no = body.approval_no.clone(),
        K::HelpersAssigned => {
            if body.helper_ids.is_empty() {
                return Err(msg::step_field_required("helper_ids"));
            }
            for h in &body.helper_ids {
                MemberRow::find(conn, &caller.scope, *h)
                    .map_err(|_| msg::member_not_found("helper_ids"))?;
            }
            helpers.clone_from(&body.helper_ids);
        }
        _ => {}
    }
    let step = Step {
        on,
        fact: fact_of(conn, &stored)?,
    };
    let settings = setting::at(conn, on)?;
    rules::check_step(&file, &step, today, &settings).map_err(msg::refused)?;
    stored.regulation.clone_from(&settings.regulation);
    let step_id = CandidateStepId(
        crate::db::bulk::reserve_ids(conn, "candidate_steps", 1)?
            .pop()
            .ok_or_else(|| AppError::internal("no id reserved"))?,
    );
    model::insert_step(
        conn,
        &NewStep {
            id: step_id,
            member_id: id,
            kind,
            on_date: on,
            document_no: stored.document_no.clone(),
            regulation: stored.regulation.clone(),
            received_on: stored.received_on,
            late_reason: stored.late_reason.clone(),
            approval_no: stored.approval_no.clone(),
            vote_members: stored.vote_members,
            vote_agreeing: stored.vote_agreeing,
            introducer_id: stored.introducer_id,
            together_since: stored.together_since,
            replacing: stored.replacing,
            entered_by: stored.entered_by,
            entered_at: stored.entered_at,
        },
        &helpers,
    )?;
    if kind == K::Ceremony {
        let mut after = file.clone();
        after.steps.push(step);
        convert(conn, &row, &after, &steps, today)?;
    }
    let version = bump(conn, id)?;
    let _ = version;
    let after_row = CandidateRow::find(conn, &caller.scope, id)?;
    audit(
        conn,
        caller,
        qldv_api_types::audit::AuditAction::Update,
        Some(&row),
        &after_row,
    )?;
    Ok((base, warnings))
}

fn bump(conn: &mut Uow<'_>, id: MemberId) -> AppResult<i64> {
    Ok(diesel::update(members::table.find(id))
        .set((
            members::version.eq(members::version + 1),
            members::updated_at.eq(crate::models::now()),
        ))
        .returning(members::version)
        .get_result(conn.conn())?)
}

/// Rule 30 at the ceremony: the same record becomes a probationary member, its admission
/// written as `POST /members` writes one (event, membership, derived state, counts).
fn convert(
    conn: &mut Uow<'_>,
    row: &CandidateRow,
    file: &CandidateFile,
    steps: &[StepRow],
    today: NaiveDate,
) -> AppResult<()> {
    let decision_on = file
        .date_of(K::AdmissionDecision)
        .ok_or_else(|| AppError::internal("no decision"))?;
    let settings = setting::at(conn, decision_on)?;
    let c = rules::convert(file, today, &settings).map_err(msg::refused)?;
    let decision = steps.iter().rev().find(|s| s.kind == K::AdmissionDecision);
    let ceremony = steps.iter().rev().find(|s| s.kind == K::Ceremony);
    let mut names = Vec::new();
    for m in &c.introducers {
        let n: Option<String> = members::table
            .find(*m)
            .select(members::full_name)
            .first(conn.conn())
            .optional()?;
        names.extend(n);
    }
    let mut event = crate::services::members::new_event(
        row.organization_id,
        MemberEventKind::Admitted,
        c.dates.decision,
        &settings.regulation,
        serde_json::json!({
            "ceremony_on": c.dates.ceremony,
            "cell_considered_on": c.dates.considered,
            "decision_received_on": c.dates.received,
            "first_admission_decision_on": c.dates.decision,
            "ceremony_delay_approval_no": ceremony.and_then(|s| s.approval_no.clone()),
            "candidate": true,
        }),
    );
    event.member_id = row.id;
    event.decision_no = decision.and_then(|s| s.document_no.clone());
    event.decision_on = Some(c.dates.decision);
    event.entered_at = crate::models::now();
    crate::models::member_event::insert_rows(conn, &[event])?;
    crate::models::member_event::open_memberships(
        conn,
        &[(row.id, row.organization_id, c.dates.decision)],
        crate::models::member_event::Arrival::Admitted,
    )?;
    // The status and the dates are derived from the events, with the counts, by the rule that
    // derives them for every member.
    diesel::update(members::table.find(row.id))
        .set((
            members::admission_decision_no.eq(decision.and_then(|s| s.document_no.clone())),
            members::introducers.eq(Some(names.join(", ")).filter(|s| !s.is_empty())),
        ))
        .execute(conn.conn())?;
    MemberRow::refresh_state(conn, row.id)?;
    Ok(())
}

/// Drops a candidate (rule 30's `check_drop`).
pub fn drop(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &dto::CandidateDrop,
    today: NaiveDate,
) -> AppResult<()> {
    let row = CandidateRow::find(conn, &caller.scope, id)?;
    let f = FileRow::get(conn, id)?;
    let steps = model::steps_of(conn, &[id])?;
    let file = file_of(conn, &row, &f, &steps)?;
    rules::check_drop(&file, body.on, today).map_err(msg::refused)?;
    if body.reason == qldv_api_types::candidates::CandidateDropReason::Other && body.note.is_none()
    {
        return Err(msg::step_field_required("note"));
    }
    FileRow::drop_on(conn, id, body)?;
    bump(conn, id)?;
    let after = CandidateRow::find(conn, &caller.scope, id)?;
    audit(
        conn,
        caller,
        qldv_api_types::audit::AuditAction::Update,
        Some(&row),
        &after,
    )
}

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

/// Corrects an open candidate's identity and dossier (call inside a transaction) with the
/// members' rules (CCCD agreement and uniqueness across members and candidates); `expected`
/// is the `If-Match` version.
pub fn correct(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    expected: Option<i64>,
    p: &qldv_api_types::members::MemberProfile,
    today: NaiveDate,
) -> AppResult<()> {
    use crate::services::members::Key;
    // Take the row's write lock first, as member corrections do.
    CandidateRow::find(conn, &caller.scope, id)?;
    diesel::update(members::table.find(id))
        .set(members::version.eq(members::version))
        .execute(conn.conn())?;
    let before = CandidateRow::find(conn, &caller.scope, id)?;
    if before.status != MemberStatus::Candidate {
        // Once admitted, the record is corrected as a member's (PATCH /members/{id}).
        return Err(msg::refused(rules::StepRefusal::FileClosed(
            qldv_api_types::candidates::CandidateStage::Admitted,
        )));
    }
    let version = crate::models::check_version(expected, before.version)?;
    let mut errors = Vec::new();
    let identity = Identity {
        gender: p.gender.unwrap_or(before.gender),
        birth: p.birth_date.unwrap_or(before.birth_date),
    };
    let mut changes = to_changes(p, identity, false, &mut errors);
    if changes.national_id.is_none() && (p.gender.is_some() || p.birth_date.is_some()) {
        if let Some(n) = &before.national_id {
            let probe = qldv_api_types::members::MemberProfile {
                national_id: Some(n.clone()),
                gender: Some(identity.gender),
                ..Default::default()
            };
            to_changes(&probe, identity, false, &mut errors);
        }
    }
    if p.birth_date.is_some_and(|b| b >= today) {
        errors.push(field(
            "birth_date",
            "date_order",
            msg::text(&rules::StepRefusal::DateInFuture),
        ));
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        return Err(AppError::Validation(errors));
    }
    if let Some(Some(n)) = &changes.national_id {
        crate::services::disclosure::check(conn, caller, Key::NationalId(n), Some(id))?;
    }
    if let Some(Some(h)) = &changes.personal_history_no {
        crate::services::disclosure::check(conn, caller, Key::HistoryNo(h), Some(id))?;
    }
    if changes.full_name.is_none() {
        changes.name_folded = None;
        changes.name_sort_key = None;
    }
    let n = diesel::update(
        members::table
            .filter(members::id.eq(id))
            .filter(members::version.eq(version)),
    )
    .set((
        &changes,
        members::version.eq(members::version + 1),
        members::updated_at.eq(crate::models::now()),
    ))
    .execute(conn.conn())?;
    if n == 0 {
        return Err(AppError::PreconditionFailed(before.version));
    }
    let after = CandidateRow::find(conn, &caller.scope, id)?;
    if changes.name_folded.is_some() {
        crate::models::name_word::set(conn, id, &after.name_folded, &after.name_sort_key)?;
    }
    audit(
        conn,
        caller,
        qldv_api_types::audit::AuditAction::Update,
        Some(&before),
        &after,
    )
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
