//! Correcting a candidate (`PATCH /candidates/{id}`, with `If-Match`): the identity with the
//! members' rules, and the file's own fields with the rules of its steps (the corrected file
//! must still accept every step recorded: `domain::candidate::check_replay`), audited whole.

use super::*;
use qldv_api_types::candidates::DevelopmentCategory;

/// What the audit trail keeps of a candidate: the identity, the file's own fields and the
/// categories.
#[derive(serde::Serialize)]
struct Audited<'a> {
    #[serde(flatten)]
    identity: &'a CandidateRow,
    file: &'a FileRow,
    categories: &'a [DevelopmentCategory],
}

/// Corrects an open candidate (call inside a transaction): the identity and dossier with the
/// members' rules (CCCD agreement and uniqueness across members and candidates), the file's
/// own fields with rule 30's replay and rule 31's categories; `expected` is the `If-Match`
/// version.
pub fn correct(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    expected: Option<i64>,
    patch: &dto::CandidatePatch,
    today: NaiveDate,
) -> AppResult<()> {
    let p = &patch.profile;
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
    model::touch(conn, id)?;
    let after = CandidateRow::find(conn, &caller.scope, id)?;
    if changes.name_folded.is_some() {
        crate::models::name_word::set(conn, id, &after.name_folded, &after.name_sort_key)?;
    }
    let (file_before, cats_before) = (FileRow::get(conn, id)?, model::categories_of(conn, id)?);
    let (file_after, cats_after) = correct_file(conn, &after, &file_before, patch, today)?;
    crate::models::audit::record(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Update,
        crate::models::audit::Subject {
            entity: qldv_api_types::audit::AuditEntity::Candidate,
            id: id.into(),
            scope_path: Some(&after.org_path),
        },
        Some(&Audited {
            identity: &before,
            file: &file_before,
            categories: &cats_before,
        }),
        Some(&Audited {
            identity: &after,
            file: &file_after,
            categories: cats_after.as_deref().unwrap_or(&cats_before),
        }),
    )
}

/// The file's own fields corrected by `patch` and checked: the day of identification not in
/// the future nor before birth, the categories occupational, the file still open and still
/// accepting each of its steps (with the identity as corrected); written. The file and the new
/// categories, if they change.
fn correct_file(
    conn: &mut Uow<'_>,
    row: &CandidateRow,
    before: &FileRow,
    patch: &dto::CandidatePatch,
    today: NaiveDate,
) -> AppResult<(FileRow, Option<Vec<DevelopmentCategory>>)> {
    let mut f = before.clone();
    if let Some(v) = patch.source {
        f.source = v;
    }
    if let Some(v) = patch.identified_on {
        if v > today || v < row.birth_date {
            return Err(AppError::Validation(vec![field(
                "identified_on",
                "date_order",
                msg::text(&rules::StepRefusal::DateInFuture),
            )]));
        }
        f.identified_on = v;
    }
    if let Some(v) = patch.youth_union_member {
        f.youth_union_member = v;
    }
    if let Some(v) = patch.trade_union_member {
        f.trade_union_member = v;
    }
    if let Some(v) = &patch.age_consent_no {
        let v = v.trim();
        f.age_consent_no = (!v.is_empty()).then(|| v.to_string());
    }
    if let Some(v) = patch.population_policy {
        f.population_policy = v;
    }
    let cats = match &patch.categories {
        Some(c) => {
            if let Err(bad) = rules::check_occupational(c) {
                return Err(msg::category_not_entered(&format!(
                    "categories[{}]",
                    bad.as_str()
                )));
            }
            let mut c = c.clone();
            c.sort();
            c.dedup();
            Some(c)
        }
        None => None,
    };
    let steps = model::steps_of(conn, &[row.id])?;
    let file = file_of(conn, row, &f, &steps)?;
    let file_changed = f != *before || cats.is_some();
    if file_changed {
        let stage = rules::stage(&file);
        if crate::domain::candidate::is_closed(stage) {
            return Err(msg::refused(rules::StepRefusal::FileClosed(stage)));
        }
    }
    let mut settings = Vec::with_capacity(steps.len());
    for s in &steps {
        settings.push(setting::at(conn, s.on_date)?);
    }
    rules::check_replay(&file, today, &settings).map_err(msg::refused)?;
    if f != *before {
        FileRow::correct(conn, &f)?;
    }
    if let Some(c) = &cats {
        model::set_categories(conn, row.id, c)?;
    }
    if file_changed {
        model::touch(conn, row.id)?;
    }
    Ok((f, cats))
}
