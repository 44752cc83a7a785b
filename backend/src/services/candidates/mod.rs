//! Candidates (issue 22, docs/candidates.md): identification, the admission file step by step
//! (each step judged by `domain::candidate::check_step` in the transaction that stores it),
//! the drop, and the ceremony that turns the same record into a probationary member.

use chrono::NaiveDate;
use qldv_api_types::candidates::{
    self as dto, CandidateStepKind as K, CreateCandidate, RecordStep,
};
use qldv_api_types::members::{MemberEventKind, MemberStatus};
use qldv_api_types::{CandidateStepId, MemberId};

use crate::auth::AuthUser;
use crate::db::schema::members;
use crate::db::DbConn;
use crate::domain::candidate::{self as rules, CandidateFile, Step};
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

mod correct;
mod read;
mod readmission;
mod steps;

use crate::models::candidate::file::{fact_of, file_of};
pub use correct::correct;
pub use read::{alerts, list, view};
pub use steps::{drop, record_step};

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
    // Rule 13 through the pipeline: a former member's CCCD names the same person, who keeps
    // the record (and its history) rather than getting a second one.
    if let Some(Some(n)) = &changes.national_id {
        if let Some(former) = model::former_member(conn, &caller.scope, n)? {
            return readmission::reidentify(conn, caller, &org, former, body);
        }
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

/// A field's issue.
pub(super) fn field(name: &str, code: &str, message: Text) -> FieldIssue {
    FieldIssue::new(name, code, message)
}

/// Audits a write to a candidate (and so notes it for the change feed).
pub(super) fn audit(
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
            entity: qldv_api_types::audit::AuditEntity::Candidate,
            id: after.id.into(),
            scope_path: Some(&after.org_path),
        },
        before,
        Some(after),
    )
}

/// Marks a candidate changed: the record's version (its `ETag`) and the file's (sync).
pub(super) fn bump(conn: &mut Uow<'_>, id: MemberId) -> AppResult<i64> {
    model::touch(conn, id)?;
    Ok(diesel::update(members::table.find(id))
        .set((
            members::version.eq(members::version + 1),
            members::updated_at.eq(crate::models::now()),
        ))
        .returning(members::version)
        .get_result(conn.conn())?)
}
