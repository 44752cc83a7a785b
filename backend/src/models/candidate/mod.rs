//! Candidates (issue 22): the member row with status `candidate`, its file (`candidate_files`),
//! the dated steps (`candidate_steps`, `candidate_helpers`) and the occupational categories.
//! Every query here is scoped like the member queries; member queries never read these rows.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::candidates::{
    self as dto, CandidateDropReason, CandidateSource, CandidateStepKind, DevelopmentCategory,
};
use qldv_api_types::members::{Gender, MemberProfile, MemberStatus, PoliticalTheory};
use qldv_api_types::{CandidateStepId, MemberId, OrgId};

use crate::auth::Scope;
use crate::db::schema::{
    candidate_categories, candidate_files, candidate_helpers, candidate_steps, members,
};
use crate::db::DbConn;
use crate::domain::privacy::Privacy;
use crate::error::AppResult;
use crate::models::member_query::{after_name, within, Boxed};

pub mod file;
mod pipeline;
pub mod view;

pub use pipeline::by_stage;

/// A candidate's member row, as far as the file shows it (no lifecycle dates).
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = members)]
pub struct CandidateRow {
    /// Id.
    pub id: MemberId,
    /// The member's cell.
    pub organization_id: OrgId,
    /// Path of that cell.
    pub org_path: String,
    /// Full name.
    pub full_name: String,
    /// Folded name (search).
    pub name_folded: String,
    /// Vietnamese sort key.
    pub name_sort_key: String,
    /// Birth name.
    pub birth_name: Option<String>,
    /// Other names.
    pub other_names: Option<String>,
    /// Gender.
    pub gender: Gender,
    /// Date of birth.
    pub birth_date: NaiveDate,
    /// Place of birth.
    pub birth_place: Option<String>,
    /// Home town.
    pub hometown: Option<String>,
    /// Permanent residence.
    pub permanent_address: Option<String>,
    /// Current residence.
    pub current_address: Option<String>,
    /// Ethnicity.
    pub ethnicity: Option<String>,
    /// Religion.
    pub religion: Option<String>,
    /// CCCD.
    pub national_id: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// General education.
    pub education_general: Option<String>,
    /// Professional qualification.
    pub professional_qualification: Option<String>,
    /// Academic degree.
    pub academic_degree: Option<String>,
    /// Academic title.
    pub academic_title: Option<String>,
    /// Political theory level.
    pub political_theory: Option<PoliticalTheory>,
    /// State-management level.
    pub state_management: Option<String>,
    /// Foreign languages.
    pub foreign_languages: Option<String>,
    /// IT level.
    pub it_level: Option<String>,
    /// Occupation.
    pub occupation: Option<String>,
    /// Job title.
    pub job_title: Option<String>,
    /// Workplace.
    pub workplace: Option<String>,
    /// Joined the Youth Union.
    pub youth_union_joined_on: Option<NaiveDate>,
    /// Personal-history number.
    pub personal_history_no: Option<String>,
    /// Introducers.
    pub introducers: Option<String>,
    /// Its number.
    pub admission_decision_no: Option<String>,
    /// Ceremony place.
    pub ceremony_place: Option<String>,
    /// Membership status.
    pub status: MemberStatus,
    /// Version.
    pub version: i64,
    /// Legacy 9-digit CMND (rule 21), not unique: an old record of the person may carry it.
    pub legacy_id_no: Option<String>,
    /// Changed.
    pub updated_at: NaiveDateTime,
}

/// The file's own columns.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = candidate_files)]
pub struct FileRow {
    /// The candidate.
    pub member_id: MemberId,
    /// Where the candidate came from.
    pub source: CandidateSource,
    /// Recorded as a candidate on.
    pub identified_on: NaiveDate,
    /// Still a member of the Youth Union.
    pub youth_union_member: bool,
    /// A member of the trade union.
    pub trade_union_member: bool,
    /// Rule 1's consent.
    pub age_consent_no: Option<String>,
    /// A population-policy case.
    pub population_policy: bool,
    /// Dropped on.
    pub dropped_on: Option<NaiveDate>,
    /// Why.
    pub drop_reason: Option<CandidateDropReason>,
    /// Note.
    pub drop_note: Option<String>,
}

/// One stored step.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = candidate_steps)]
pub struct StepRow {
    /// Id.
    pub id: CandidateStepId,
    /// The candidate.
    pub member_id: MemberId,
    /// The step.
    pub kind: CandidateStepKind,
    /// Date of its document.
    pub on_date: NaiveDate,
    /// Its number.
    pub document_no: Option<String>,
    /// Charter document in force on that date.
    pub regulation: String,
    /// A decision: received on.
    pub received_on: Option<NaiveDate>,
    /// A late answer: why.
    pub late_reason: Option<String>,
    /// A late ceremony: approval.
    pub approval_no: Option<String>,
    /// A resolution: members counted.
    pub vote_members: Option<i32>,
    /// A resolution: agreeing.
    pub vote_agreeing: Option<i32>,
    /// An introduction: the introducer.
    pub introducer_id: Option<MemberId>,
    /// An introduction: together since.
    pub together_since: Option<NaiveDate>,
    /// An introduction in place of another.
    pub replacing: bool,
    /// Entered by.
    pub entered_by: Option<i64>,
    /// Entered at.
    pub entered_at: NaiveDateTime,
}

/// A step to insert (its id reserved by the caller).
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = candidate_steps)]
pub struct NewStep {
    /// Id.
    pub id: CandidateStepId,
    /// The candidate.
    pub member_id: MemberId,
    /// The step.
    pub kind: CandidateStepKind,
    /// Date.
    pub on_date: NaiveDate,
    /// Document number.
    pub document_no: Option<String>,
    /// Charter document in force.
    pub regulation: String,
    /// Received on.
    pub received_on: Option<NaiveDate>,
    /// Late reason.
    pub late_reason: Option<String>,
    /// Approval.
    pub approval_no: Option<String>,
    /// Members counted.
    pub vote_members: Option<i32>,
    /// Agreeing.
    pub vote_agreeing: Option<i32>,
    /// Introducer.
    pub introducer_id: Option<MemberId>,
    /// Together since.
    pub together_since: Option<NaiveDate>,
    /// Replacing.
    pub replacing: bool,
    /// Entered by.
    pub entered_by: Option<i64>,
    /// Entered at.
    pub entered_at: NaiveDateTime,
}

/// Candidates' rows inside the scope (open and converted files both carry a file row).
fn scoped_candidates<'a>(scope: &Scope) -> Boxed<'a> {
    within(members::table.into_boxed(), scope, None)
        .filter(members::id.eq_any(candidate_files::table.select(candidate_files::member_id)))
}

impl CandidateRow {
    /// One candidate (or a member admitted through the pipeline) inside the scope, else 404.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: MemberId) -> AppResult<Self> {
        scoped_candidates(scope)
            .filter(members::id.eq(id))
            .select(Self::as_select())
            .first(conn)
            .optional()?
            .ok_or_else(crate::messages::candidates::not_found)
    }

    /// The open candidates (status `candidate`) of the subtree at `path`, in Vietnamese name
    /// order after the keyset cursor.
    pub fn list(
        conn: &mut DbConn,
        scope: &Scope,
        path: &str,
        after: Option<(String, MemberId)>,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        let q = within(members::table.into_boxed(), scope, Some(path))
            .filter(members::status.eq(MemberStatus::Candidate));
        Ok(after_name(q, after)
            .order((members::name_sort_key.asc(), members::id.asc()))
            .limit(limit)
            .select(Self::as_select())
            .load(conn)?)
    }

    /// The identity and dossier as `privacy` shows them (the members' privacy table).
    pub fn profile(&self, privacy: Privacy) -> MemberProfile {
        crate::models::member_view::masked_profile!(self, privacy)
    }
}

impl FileRow {
    /// The file of `id`.
    pub fn get(conn: &mut DbConn, id: MemberId) -> AppResult<Self> {
        candidate_files::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .optional()?
            .ok_or_else(crate::messages::candidates::not_found)
    }

    /// The files of `ids`.
    pub fn of(conn: &mut DbConn, ids: &[MemberId]) -> AppResult<Vec<Self>> {
        Ok(candidate_files::table
            .filter(candidate_files::member_id.eq_any(ids))
            .select(Self::as_select())
            .load(conn)?)
    }

    /// Writes the file's own fields as corrected (not the drop).
    pub fn correct(conn: &mut DbConn, f: &FileRow) -> AppResult<()> {
        diesel::update(candidate_files::table.find(f.member_id))
            .set((
                candidate_files::source.eq(f.source),
                candidate_files::identified_on.eq(f.identified_on),
                candidate_files::youth_union_member.eq(f.youth_union_member),
                candidate_files::trade_union_member.eq(f.trade_union_member),
                candidate_files::age_consent_no.eq(f.age_consent_no.clone()),
                candidate_files::population_policy.eq(f.population_policy),
            ))
            .execute(conn)?;
        Ok(())
    }

    /// Records the drop.
    pub fn drop_on(conn: &mut DbConn, id: MemberId, d: &dto::CandidateDrop) -> AppResult<()> {
        diesel::update(candidate_files::table.find(id))
            .set((
                candidate_files::dropped_on.eq(d.on),
                candidate_files::drop_reason.eq(d.reason),
                candidate_files::drop_note.eq(d.note.clone()),
            ))
            .execute(conn)?;
        Ok(())
    }
}

/// The steps of the candidates `ids`, each candidate's in the order recorded.
pub fn steps_of(conn: &mut DbConn, ids: &[MemberId]) -> AppResult<Vec<StepRow>> {
    Ok(candidate_steps::table
        .filter(candidate_steps::member_id.eq_any(ids))
        .order((candidate_steps::member_id, candidate_steps::id))
        .select(StepRow::as_select())
        .load(conn)?)
}

/// The helpers assigned by the steps `ids`: (step, helper).
pub fn helpers_of(conn: &mut DbConn, ids: &[CandidateStepId]) -> AppResult<Vec<(i64, i64)>> {
    Ok(candidate_helpers::table
        .filter(candidate_helpers::step_id.eq_any(ids.iter().map(|i| i.0)))
        .select((candidate_helpers::step_id, candidate_helpers::helper_id))
        .load(conn)?)
}

/// The occupational categories of `id`.
pub fn categories_of(conn: &mut DbConn, id: MemberId) -> AppResult<Vec<DevelopmentCategory>> {
    Ok(candidate_categories::table
        .filter(candidate_categories::member_id.eq(id))
        .order(candidate_categories::category)
        .select(candidate_categories::category)
        .load::<DevelopmentCategory>(conn)?)
}

/// Replaces the occupational categories of `id`.
pub fn set_categories(
    conn: &mut DbConn,
    id: MemberId,
    categories: &[DevelopmentCategory],
) -> AppResult<()> {
    diesel::delete(candidate_categories::table.filter(candidate_categories::member_id.eq(id)))
        .execute(conn)?;
    for c in categories {
        diesel::insert_into(candidate_categories::table)
            .values((
                candidate_categories::member_id.eq(id),
                candidate_categories::category.eq(*c),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Writes a new candidate's file and categories.
pub fn insert_file(
    conn: &mut DbConn,
    file: &FileRow,
    categories: &[DevelopmentCategory],
) -> AppResult<()> {
    diesel::insert_into(candidate_files::table)
        .values((file, candidate_files::updated_at.eq(crate::models::now())))
        .execute(conn)?;
    for c in categories {
        diesel::insert_into(candidate_categories::table)
            .values((
                candidate_categories::member_id.eq(file.member_id),
                candidate_categories::category.eq(*c),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The former member (status `exited`) inside `scope` whose CCCD is `national_id`, if any: the
/// person a new candidate with that CCCD is (rule 13 through the pipeline).
pub fn former_member(
    conn: &mut DbConn,
    scope: &Scope,
    national_id: &str,
) -> AppResult<Option<MemberId>> {
    Ok(within(members::table.into_boxed(), scope, None)
        .filter(members::national_id.eq(national_id))
        .filter(members::status.eq(MemberStatus::Exited))
        .select(members::id)
        .first(conn)
        .optional()?)
}

/// Whether the record `id` was a member before its file (it has member events): a candidate
/// re-identified after an exit, whose ceremony is a re-admission.
pub fn is_former_member(conn: &mut DbConn, id: MemberId) -> AppResult<bool> {
    use crate::db::schema::member_events;
    Ok(diesel::select(diesel::dsl::exists(
        member_events::table.filter(member_events::member_id.eq(id)),
    ))
    .get_result(conn)?)
}

/// Marks the file of `id` changed: its version (what a sync receiver compares) and the time.
/// Every write to a candidate calls it in the transaction of the write.
pub fn touch(conn: &mut DbConn, id: MemberId) -> AppResult<()> {
    diesel::update(candidate_files::table.find(id))
        .set((
            candidate_files::version.eq(candidate_files::version + 1),
            candidate_files::updated_at.eq(crate::models::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Writes a step and the helpers it assigns.
pub fn insert_step(conn: &mut DbConn, step: &NewStep, helpers: &[MemberId]) -> AppResult<()> {
    diesel::insert_into(candidate_steps::table)
        .values(step)
        .execute(conn)?;
    for h in helpers {
        diesel::insert_into(candidate_helpers::table)
            .values((
                candidate_helpers::step_id.eq(step.id.0),
                candidate_helpers::helper_id.eq(h.0),
                candidate_helpers::member_id.eq(step.member_id.0),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// What rule 27's base reads of a member: official date, temporary registration elsewhere,
/// exemption period.
type BaseFacts = (
    Option<NaiveDate>,
    Option<OrgId>,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

/// Rule 27: the official members of the cell `org` on `on`, less those registered temporarily
/// elsewhere and those exempt then (what the records know; the minutes may differ).
pub fn vote_base(conn: &mut DbConn, org: OrgId, on: NaiveDate) -> AppResult<u32> {
    let rows: Vec<BaseFacts> = crate::models::member_query::members_only()
        .filter(members::organization_id.eq(org))
        .filter(members::status.eq(MemberStatus::Official))
        .select((
            members::official_on,
            members::temporary_org_id,
            members::exempt_from,
            members::exempt_to,
        ))
        .load(conn)?;
    let n = rows
        .into_iter()
        .filter(|(official, temp, from, to)| {
            official.is_some_and(|o| o <= on)
                && temp.is_none()
                && !crate::models::member_query::covers(*from, *to, on)
        })
        .count();
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
