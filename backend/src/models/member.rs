//! Member records: the row (a cache of the state derived from the events), its queries, scoped.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::members::{Gender, MemberStatus, PoliticalTheory};
use qldv_api_types::movements::MembershipEnd;
use qldv_api_types::{MemberId, OrgId};

use crate::auth::Scope;
use crate::db::schema::members;
use crate::db::DbConn;
use crate::domain::lifecycle;
use crate::error::{AppError, AppResult};
pub use crate::models::member_changes::ProfileChanges;
use crate::models::member_query::scoped;
use crate::models::uow::Uow;

/// An admission date of a member row. The column is NULL only on a candidate's row (issue 22),
/// which member queries never read ([`scoped`] keeps candidates out): reading one anyway is an
/// error of the query, reported as such, never a panic.
#[derive(Debug, Clone, Copy)]
pub struct AdmittedOn(NaiveDate);

impl<DB> diesel::deserialize::Queryable<diesel::sql_types::Nullable<diesel::sql_types::Date>, DB>
    for AdmittedOn
where
    DB: diesel::backend::Backend,
    Option<NaiveDate>: diesel::deserialize::FromStaticSqlRow<
        diesel::sql_types::Nullable<diesel::sql_types::Date>,
        DB,
    >,
{
    type Row = Option<NaiveDate>;

    fn build(row: Option<NaiveDate>) -> diesel::deserialize::Result<Self> {
        row.map(Self)
            .ok_or_else(|| "a candidate's row read as a member's: no admission date".into())
    }
}

impl From<AdmittedOn> for NaiveDate {
    fn from(d: AdmittedOn) -> Self {
        d.0
    }
}

/// A stored member record.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable, serde::Serialize)]
#[diesel(table_name = members)]
pub struct MemberRow {
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
    /// First admission decision.
    #[diesel(deserialize_as = AdmittedOn)]
    pub first_admission_decision_on: NaiveDate,
    /// Latest admission decision.
    #[diesel(deserialize_as = AdmittedOn)]
    pub admission_decision_on: NaiveDate,
    /// Its number.
    pub admission_decision_no: Option<String>,
    /// Ceremony.
    #[diesel(deserialize_as = AdmittedOn)]
    pub ceremony_on: NaiveDate,
    /// Ceremony place.
    pub ceremony_place: Option<String>,
    /// Official date.
    pub official_on: Option<NaiveDate>,
    /// Membership status.
    pub status: MemberStatus,
    /// Active card.
    pub card_number: Option<String>,
    /// In transit.
    pub in_transit: bool,
    /// Current or latest exemption: first day.
    pub exempt_from: Option<NaiveDate>,
    /// Its last day, if set.
    pub exempt_to: Option<NaiveDate>,
    /// Current or latest absence (working away): first day.
    pub away_from: Option<NaiveDate>,
    /// Its last day, if set.
    pub away_to: Option<NaiveDate>,
    /// Where the member is temporarily registered (accepted temporary transfer).
    pub temporary_org_id: Option<OrgId>,
    /// Why the member exited (name removed, resigned, expelled, deceased).
    pub exit_reason: Option<MembershipEnd>,
    /// Days of closed interruptions (party age).
    pub interruption_days: i64,
    /// Start of an open interruption (party age frozen).
    pub interrupted_since: Option<NaiveDate>,
    /// Closed interruptions as dated periods (`domain::party_age::encode`); `None` for a row
    /// written before they were kept, until it is derived again from its events.
    pub interruptions: Option<String>,
    /// Ever recognised official (party age exists).
    pub ever_recognised: bool,
    /// Version.
    pub version: i64,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Changed.
    pub updated_at: NaiveDateTime,
    /// Highest party-badge milestone ever awarded (0 for none).
    pub badge_milestone_held: i32,
    /// The day the next badge milestone is reached (none when no badge can come).
    pub next_badge_on: Option<NaiveDate>,
    /// Legacy 9-digit CMND (rule 21), not unique: an old record of the person may carry it.
    pub legacy_id_no: Option<String>,
}

impl MemberRow {
    /// One member inside the caller's scope, else 404.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: MemberId) -> AppResult<Self> {
        scoped(scope)
            .filter(members::id.eq(id.0))
            .select(Self::as_select())
            .first(conn)
            .optional()?
            .ok_or(AppError::not_found(crate::messages::Thing::Member))
    }

    /// Reads a member in order to change it: takes the row's write lock first (an update that
    /// changes nothing), so that a concurrent change of the same member waits for this one to
    /// commit and is then read as it stands, instead of being read stale and refused with 412
    /// although its caller stated no precondition (`If-Match`). Out of scope is still 404.
    pub fn find_for_change(conn: &mut Uow<'_>, scope: &Scope, id: MemberId) -> AppResult<Self> {
        Self::find(conn, scope, id)?; // out of scope: 404, and no lock taken
        diesel::update(members::table.filter(members::id.eq(id.0)))
            .set(members::version.eq(members::version))
            .execute(conn.conn())?;
        Self::find(conn, scope, id)
    }

    /// Applies dossier changes when the stored version is `expected` (412 with the current one
    /// otherwise).
    pub fn update_profile(
        conn: &mut Uow<'_>,
        id: MemberId,
        expected: i64,
        changes: &ProfileChanges,
    ) -> AppResult<Self> {
        let before = super::composition_rollup::of_member(conn, id)?;
        let n = diesel::update(
            members::table
                .filter(members::id.eq(id))
                .filter(members::version.eq(expected)),
        )
        .set((
            changes,
            members::version.eq(members::version + 1),
            members::updated_at.eq(super::now()),
        ))
        .execute(conn.conn())?;
        let row = Self::after_versioned_update(conn, id, n)?;
        let after = super::composition_rollup::counted(&row);
        super::composition_rollup::record(conn, before.as_ref(), after.as_ref())?;
        if changes.name_folded.is_some() {
            super::name_word::set(conn, id, &row.name_folded, &row.name_sort_key)?;
        }
        Ok(row)
    }

    /// Claims the next version of a record for a lifecycle change (412 with the current version
    /// when `expected` is stale): two clerks never both apply a change to the same state.
    pub fn touch(conn: &mut Uow<'_>, id: MemberId, expected: i64) -> AppResult<Self> {
        let n = diesel::update(
            members::table
                .filter(members::id.eq(id))
                .filter(members::version.eq(expected)),
        )
        .set((
            members::version.eq(members::version + 1),
            members::updated_at.eq(super::now()),
        ))
        .execute(conn.conn())?;
        Self::after_versioned_update(conn, id, n)
    }

    /// Moves a member to another cell (the membership periods are the caller's to keep).
    pub fn move_to(
        conn: &mut DbConn,
        id: MemberId,
        org_id: OrgId,
        org_path: &str,
    ) -> AppResult<()> {
        super::composition_rollup::track(conn, id, |conn| {
            diesel::update(members::table.find(id))
                .set((
                    members::organization_id.eq(org_id),
                    members::org_path.eq(org_path),
                    members::temporary_org_id.eq(None::<i64>),
                ))
                .execute(conn)?;
            Ok(())
        })
    }

    /// Records why a member exited (cleared on re-admission).
    pub fn set_exit_reason(
        conn: &mut DbConn,
        id: MemberId,
        reason: Option<MembershipEnd>,
    ) -> AppResult<()> {
        diesel::update(members::table.find(id))
            .set(members::exit_reason.eq(reason))
            .execute(conn)?;
        Ok(())
    }

    /// Records the member's current or latest period of exemption or absence.
    pub fn set_period(
        conn: &mut DbConn,
        id: MemberId,
        exemption: bool,
        from: NaiveDate,
        to: Option<NaiveDate>,
    ) -> AppResult<()> {
        let q = diesel::update(members::table.find(id));
        if exemption {
            q.set((
                members::exempt_from.eq(Some(from)),
                members::exempt_to.eq(to),
            ))
            .execute(conn)?;
        } else {
            q.set((members::away_from.eq(Some(from)), members::away_to.eq(to)))
                .execute(conn)?;
        }
        Ok(())
    }

    /// Records (or clears) where a member is temporarily registered.
    pub fn set_temporary_org(
        conn: &mut DbConn,
        id: MemberId,
        org_id: Option<OrgId>,
    ) -> AppResult<()> {
        diesel::update(members::table.find(id))
            .set(members::temporary_org_id.eq(org_id))
            .execute(conn)?;
        Ok(())
    }

    /// Recomputes the cached lifecycle state from all the member's events (call after appending
    /// events, in the same transaction).
    pub fn refresh_state(conn: &mut DbConn, id: MemberId) -> AppResult<Self> {
        let events = super::member_event::of_member(conn, id)?;
        let facts: Vec<_> = events
            .iter()
            .map(super::member_event::EventRow::fact)
            .collect();
        let derived = lifecycle::derive(&facts)
            .ok_or_else(|| AppError::internal(format!("member {id} has no admission event")))?;
        let update = diesel::update(members::table.find(id)).set((
            members::status.eq(derived.status),
            members::first_admission_decision_on.eq(derived.first_decision),
            members::admission_decision_on.eq(derived.decision),
            members::ceremony_on.eq(derived.ceremony),
            members::official_on.eq(derived.official_on),
            members::ever_recognised.eq(derived.ever_recognised),
            members::interruption_days.eq(derived.interruption_days),
            members::interrupted_since.eq(derived.interrupted_since),
            members::interruptions.eq(Some(crate::domain::party_age::encode(
                &derived.interruptions,
            ))),
            members::in_transit.eq(derived.in_transit),
        ));
        let before = super::composition_rollup::of_member(conn, id)?;
        update.execute(conn)?;
        let row = Self::refresh_badge_due(conn, id)?;
        let after = super::composition_rollup::counted(&row);
        super::composition_rollup::record(conn, before.as_ref(), after.as_ref())?;
        Ok(row)
    }

    /// Derives again, from their events, the rows whose interruptions were cached only as a
    /// number of days (written before the dated periods were kept); the number of rows.
    pub fn derive_pending_interruptions(conn: &mut DbConn) -> AppResult<usize> {
        let ids: Vec<MemberId> = crate::models::member_query::members_only()
            .filter(members::interruptions.is_null())
            .select(members::id)
            .load(conn)?;
        for id in &ids {
            Self::refresh_state(conn, *id)?;
        }
        Ok(ids.len())
    }

    /// Recomputes the cached badge columns (highest milestone held, the day the next one is
    /// reached) from the row, the badges held and the settings in force today; call after the
    /// events or the awards change, in the same transaction.
    pub fn refresh_badge_due(conn: &mut DbConn, id: MemberId) -> AppResult<Self> {
        let row = members::table
            .find(id)
            .select(Self::as_select())
            .first::<Self>(conn)?;
        let held = super::badge::BadgeRow::awarded_to(conn, &[id])?
            .remove(&id)
            .unwrap_or_default()
            .into_iter()
            .max()
            .unwrap_or(0);
        let settings = super::setting::at(conn, super::today())?;
        let due = crate::domain::badge::next_due(
            &row.party_age_facts(),
            super::badge::standing(&row),
            held,
            &settings,
        );
        let held = i32::try_from(held).unwrap_or(i32::MAX);
        if row.next_badge_on == due && row.badge_milestone_held == held {
            return Ok(row);
        }
        diesel::update(members::table.find(id))
            .set((
                members::next_badge_on.eq(due),
                members::badge_milestone_held.eq(held),
            ))
            .execute(conn)?;
        Ok(Self {
            next_badge_on: due,
            badge_milestone_held: held,
            ..row
        })
    }

    /// Records the member's active card number (`None` when the member has no active card); the
    /// record's version moves on, since its representation changed.
    pub fn set_card_number(
        conn: &mut Uow<'_>,
        id: MemberId,
        number: Option<&str>,
    ) -> AppResult<()> {
        diesel::update(members::table.find(id))
            .set((
                members::card_number.eq(number),
                members::version.eq(members::version + 1),
                members::updated_at.eq(super::now()),
            ))
            .execute(conn.conn())?;
        super::change::note(
            conn,
            qldv_api_types::changes::ChangeEntity::Member,
            id,
            qldv_api_types::audit::AuditAction::Update,
        )
    }

    fn after_versioned_update(conn: &mut Uow<'_>, id: MemberId, updated: usize) -> AppResult<Self> {
        let row = members::table
            .find(id)
            .select(Self::as_select())
            .first::<Self>(conn.conn())?;
        if updated == 0 {
            return Err(AppError::PreconditionFailed(row.version));
        }
        super::change::note(
            conn,
            qldv_api_types::changes::ChangeEntity::Member,
            id,
            qldv_api_types::audit::AuditAction::Update,
        )?;
        Ok(row)
    }
}
