//! Discipline decisions.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::movements::{self as dto, DisciplineForm};
use qldv_api_types::MemberId;

use crate::db::schema::disciplines;
use crate::db::DbConn;
use crate::domain::discipline::Discipline;
use crate::error::AppResult;

/// A stored discipline.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = disciplines)]
pub struct DisciplineRow {
    /// Id.
    pub id: i64,
    /// Member.
    pub member_id: i64,
    /// Form.
    pub form: DisciplineForm,
    /// Decided on.
    pub decided_on: NaiveDate,
    /// Decision number.
    pub decision_no: String,
    /// Why.
    pub reason: String,
    /// Lapses on.
    pub lapses_on: Option<NaiveDate>,
    /// Complaint recorded.
    pub complaint_on: Option<NaiveDate>,
    /// Re-offence recorded.
    pub reoffence_on: Option<NaiveDate>,
    /// Regulation.
    pub regulation: String,
    /// Entered by.
    pub created_by: Option<i64>,
    /// Entered at.
    pub created_at: NaiveDateTime,
    /// Annulled as wrongful (117-QĐ/TW) on this date: it no longer counts.
    pub annulled_on: Option<NaiveDate>,
}

impl DisciplineRow {
    /// The rules' view; an annulled discipline was never in force.
    pub fn rule(&self) -> Discipline {
        if self.annulled_on.is_some() {
            return Discipline {
                form: self.form,
                decided_on: self.decided_on,
                lapses_on: Some(self.decided_on),
                held: false,
            };
        }
        Discipline {
            form: self.form,
            decided_on: self.decided_on,
            lapses_on: self.lapses_on,
            held: self.complaint_on.is_some() || self.reoffence_on.is_some(),
        }
    }

    /// Marks a discipline annulled as wrongful on `on`; `false` when it was already.
    pub fn annul(conn: &mut DbConn, id: i64, on: NaiveDate) -> AppResult<bool> {
        Ok(diesel::update(
            disciplines::table
                .filter(disciplines::id.eq(id))
                .filter(disciplines::annulled_on.is_null()),
        )
        .set(disciplines::annulled_on.eq(Some(on)))
        .execute(conn)?
            == 1)
    }

    /// A member's disciplines, oldest first.
    pub fn of_member(conn: &mut DbConn, member_id: i64) -> AppResult<Vec<Self>> {
        Self::of_members(conn, &[member_id])
    }

    /// The disciplines of several members, oldest first.
    pub fn of_members(conn: &mut DbConn, member_ids: &[i64]) -> AppResult<Vec<Self>> {
        Ok(disciplines::table
            .filter(disciplines::member_id.eq_any(member_ids))
            .order((disciplines::decided_on.asc(), disciplines::id.asc()))
            .select(Self::as_select())
            .load(conn)?)
    }

    /// Whether a discipline of the member is in force on `day`.
    pub fn any_in_force(conn: &mut DbConn, member_id: i64, day: NaiveDate) -> AppResult<bool> {
        Ok(Self::of_member(conn, member_id)?
            .iter()
            .any(|d| d.rule().in_force(day)))
    }

    /// The API view, with `in_force` as of `today`.
    pub fn to_dto(
        &self,
        today: NaiveDate,
        privacy: crate::domain::privacy::Privacy,
    ) -> dto::Discipline {
        dto::Discipline {
            id: qldv_api_types::DisciplineId(self.id),
            member_id: MemberId(self.member_id),
            form: self.form,
            decided_on: self.decided_on,
            decision_no: self.decision_no.clone(),
            reason: privacy.show_str(
                crate::domain::privacy::Field::DisciplineReason,
                &self.reason,
            ),
            lapses_on: self.lapses_on,
            complaint_on: self.complaint_on,
            reoffence_on: self.reoffence_on,
            in_force: self.rule().in_force(today),
            regulation: self.regulation.clone(),
        }
    }
}
