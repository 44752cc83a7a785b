//! New member records written set by set: one API creation and an import's thousand rows take
//! the same few statements (the rows, their name words, their counted facts), so both paths
//! write exactly the same thing.

use crate::db::bulk::{Batch, Lit};
use crate::db::DbConn;
use crate::error::AppResult;

use super::member::MemberRow;

/// Every column of `members`, in the order of [`MemberRow`]'s fields.
const COLUMNS: [&str; 56] = [
    "id",
    "organization_id",
    "org_path",
    "full_name",
    "name_folded",
    "name_sort_key",
    "birth_name",
    "other_names",
    "gender",
    "birth_date",
    "birth_place",
    "hometown",
    "permanent_address",
    "current_address",
    "ethnicity",
    "religion",
    "national_id",
    "phone",
    "email",
    "education_general",
    "professional_qualification",
    "academic_degree",
    "academic_title",
    "political_theory",
    "state_management",
    "foreign_languages",
    "it_level",
    "occupation",
    "job_title",
    "workplace",
    "youth_union_joined_on",
    "personal_history_no",
    "introducers",
    "first_admission_decision_on",
    "admission_decision_on",
    "admission_decision_no",
    "ceremony_on",
    "ceremony_place",
    "official_on",
    "status",
    "card_number",
    "in_transit",
    "exempt_from",
    "exempt_to",
    "away_from",
    "away_to",
    "temporary_org_id",
    "exit_reason",
    "interruption_days",
    "interrupted_since",
    "ever_recognised",
    "version",
    "created_at",
    "updated_at",
    "badge_milestone_held",
    "next_badge_on",
];

impl MemberRow {
    /// The row's values in [`COLUMNS`] order.
    fn values(&self) -> [Lit; 56] {
        let m = self.clone();
        [
            m.id.into(),
            m.organization_id.into(),
            m.org_path.into(),
            m.full_name.into(),
            m.name_folded.into(),
            m.name_sort_key.into(),
            m.birth_name.into(),
            m.other_names.into(),
            m.gender.as_str().into(),
            m.birth_date.into(),
            m.birth_place.into(),
            m.hometown.into(),
            m.permanent_address.into(),
            m.current_address.into(),
            m.ethnicity.into(),
            m.religion.into(),
            m.national_id.into(),
            m.phone.into(),
            m.email.into(),
            m.education_general.into(),
            m.professional_qualification.into(),
            m.academic_degree.into(),
            m.academic_title.into(),
            m.political_theory.map(|t| t.as_str()).into(),
            m.state_management.into(),
            m.foreign_languages.into(),
            m.it_level.into(),
            m.occupation.into(),
            m.job_title.into(),
            m.workplace.into(),
            m.youth_union_joined_on.into(),
            m.personal_history_no.into(),
            m.introducers.into(),
            m.first_admission_decision_on.into(),
            m.admission_decision_on.into(),
            m.admission_decision_no.into(),
            m.ceremony_on.into(),
            m.ceremony_place.into(),
            m.official_on.into(),
            m.status.as_str().into(),
            m.card_number.into(),
            m.in_transit.into(),
            m.exempt_from.into(),
            m.exempt_to.into(),
            m.away_from.into(),
            m.away_to.into(),
            m.temporary_org_id.into(),
            m.exit_reason.map(|r| r.as_str()).into(),
            m.interruption_days.into(),
            m.interrupted_since.into(),
            m.ever_recognised.into(),
            m.version.into(),
            m.created_at.into(),
            m.updated_at.into(),
            m.badge_milestone_held.into(),
            m.next_badge_on.into(),
        ]
    }

    /// Writes new records whole (ids reserved with [`crate::db::bulk::reserve_ids`], the state
    /// already derived from their events), with their name words and counted facts, and notes
    /// each for the change feed; in the caller's transaction.
    pub fn insert_new(conn: &mut DbConn, rows: &[MemberRow]) -> AppResult<()> {
        let mut batch = Batch::new(conn, "members", &COLUMNS).for_rows(rows.len());
        for row in rows {
            if batch.push(&row.values()) {
                batch.flush(conn)?;
            }
        }
        batch.flush(conn)?;
        super::name_word::add_all(
            conn,
            rows.iter()
                .map(|r| (r.id, r.name_folded.as_str(), r.name_sort_key.as_str())),
        )?;
        super::composition_rollup::record_new(conn, rows)?;
        for row in rows {
            super::change::note(conn, "member", row.id, "create")?;
        }
        Ok(())
    }
}
