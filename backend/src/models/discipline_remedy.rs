//! The cell's recognition that a disciplined member remedied the fault (rule 20).

use qldv_api_types::{DisciplineId, UserId};
use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::badges as dto;
use qldv_api_types::MemberId;

use crate::db::schema::discipline_remedies;
use crate::db::DbConn;
use crate::error::AppResult;

/// A recorded recognition.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = discipline_remedies)]
pub struct RemedyRow {
    /// Id.
    pub id: i64,
    /// The discipline decision.
    pub discipline_id: DisciplineId,
    /// The day of the cell's resolution.
    pub recognised_on: NaiveDate,
    /// Resolution number.
    pub resolution_no: String,
    /// Remarks.
    pub note: Option<String>,
    /// Recorded by.
    pub created_by: Option<UserId>,
    /// Recorded at.
    pub created_at: NaiveDateTime,
}

impl RemedyRow {
    /// Records one (409 `already_exists` when the discipline has one).
    pub fn insert(
        conn: &mut DbConn,
        discipline_id: DisciplineId,
        on: NaiveDate,
        resolution_no: &str,
        note: Option<&str>,
        by: UserId,
    ) -> AppResult<Self> {
        let id: i64 = diesel::insert_into(discipline_remedies::table)
            .values((
                discipline_remedies::discipline_id.eq(discipline_id),
                discipline_remedies::recognised_on.eq(on),
                discipline_remedies::resolution_no.eq(resolution_no),
                discipline_remedies::note.eq(note),
                discipline_remedies::created_by.eq(Some(by)),
                discipline_remedies::created_at.eq(super::now()),
            ))
            .returning(discipline_remedies::id)
            .get_result(conn)
            .map_err(|e| match e {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ) => crate::messages::badges::remedy_recorded(),
                other => other.into(),
            })?;
        Ok(discipline_remedies::table
            .find(id)
            .select(Self::as_select())
            .first(conn)?)
    }

    /// The day each of `discipline_ids` had its remedy recognised (one batched query).
    pub fn recognised_on(
        conn: &mut DbConn,
        discipline_ids: &[DisciplineId],
    ) -> AppResult<HashMap<DisciplineId, NaiveDate>> {
        Ok(discipline_remedies::table
            .filter(discipline_remedies::discipline_id.eq_any(discipline_ids))
            .select((
                discipline_remedies::discipline_id,
                discipline_remedies::recognised_on,
            ))
            .load::<(DisciplineId, NaiveDate)>(conn)?
            .into_iter()
            .collect())
    }

    /// The API view.
    pub fn to_dto(&self, member_id: MemberId) -> dto::DisciplineRemedy {
        dto::DisciplineRemedy {
            discipline_id: self.discipline_id,
            member_id,
            recognised_on: self.recognised_on,
            resolution_no: self.resolution_no.clone(),
            note: self.note.clone(),
        }
    }
}
