//! New member records written set by set: one API creation and an import's thousand rows take
//! the same few statements (the rows, their name words, their counted facts), so both paths
//! write exactly the same thing.

use crate::db::bulk::{Batch, Lit};
use crate::error::AppResult;

use super::member::MemberRow;
use crate::models::uow::Uow;

/// Every column of `members` named once: the list gives both [`COLUMNS`] and
/// [`MemberRow::values`], in one order.
macro_rules! columns {
    ($($column:ident),* $(,)?) => {
        /// Every column of `members`, in the order of [`MemberRow::values`] (creation, import
        /// and the seeder all write with it).
        pub(crate) const COLUMNS: &[&str] = &[$(stringify!($column)),*];

        impl MemberRow {
            /// The row's values in [`COLUMNS`] order.
            pub(crate) fn values(&self) -> Vec<Lit> {
                let m = self.clone();
                vec![$(m.$column.into()),*]
            }
        }
    };
}

columns!(
    id,
    organization_id,
    org_path,
    full_name,
    name_folded,
    name_sort_key,
    birth_name,
    other_names,
    gender,
    birth_date,
    birth_place,
    hometown,
    permanent_address,
    current_address,
    ethnicity,
    religion,
    national_id,
    phone,
    email,
    education_general,
    professional_qualification,
    academic_degree,
    academic_title,
    political_theory,
    state_management,
    foreign_languages,
    it_level,
    occupation,
    job_title,
    workplace,
    youth_union_joined_on,
    personal_history_no,
    introducers,
    first_admission_decision_on,
    admission_decision_on,
    admission_decision_no,
    ceremony_on,
    ceremony_place,
    official_on,
    status,
    card_number,
    in_transit,
    exempt_from,
    exempt_to,
    away_from,
    away_to,
    temporary_org_id,
    exit_reason,
    interruption_days,
    interrupted_since,
    interruptions,
    ever_recognised,
    version,
    created_at,
    updated_at,
    badge_milestone_held,
    next_badge_on,
    legacy_id_no,
);

impl MemberRow {
    /// Writes new records whole (ids reserved with [`crate::db::bulk::reserve_ids`], the state
    /// already derived from their events), with their name words and counted facts, and notes
    /// each for the change feed; in the caller's transaction.
    pub fn insert_new(conn: &mut Uow<'_>, rows: &[MemberRow]) -> AppResult<()> {
        let mut batch = Batch::new(conn, "members", COLUMNS).for_rows(rows.len());
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
            super::change::note(
                conn,
                qldv_api_types::changes::ChangeEntity::Member,
                row.id,
                qldv_api_types::audit::AuditAction::Create,
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use diesel::prelude::*;

    use crate::db::schema::members;

    /// The list names every column of the table, each once (a column added to the schema
    /// and not here would be left empty by every creation and import).
    #[test]
    fn the_list_is_the_tables_columns() {
        let sql = diesel::debug_query::<diesel::sqlite::Sqlite, _>(
            &members::table.select(members::all_columns),
        )
        .to_string();
        let mut in_schema: Vec<&str> = sql
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|name| *name != "members")
            .collect();
        let mut listed = super::COLUMNS.to_vec();
        in_schema.sort_unstable();
        listed.sort_unstable();
        assert_eq!(listed, in_schema);
    }
}
