//! Recorded illnesses (rule 15: the evaluation cap; rule 19: early badges).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::movements as dto;
use qldv_api_types::{IllnessId, MemberId, UserId};

use crate::db::schema::member_illnesses;
use crate::db::DbConn;
use crate::domain::party_age::{covered_days, Period};
use crate::error::AppResult;

/// A stored illness.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = member_illnesses)]
pub struct IllnessRow {
    /// Id.
    pub id: IllnessId,
    /// Member.
    pub member_id: MemberId,
    /// First day.
    pub from_on: NaiveDate,
    /// Last day.
    pub to_on: Option<NaiveDate>,
    /// Serious.
    pub serious: bool,
    /// The record.
    pub note: String,
    /// Entered by.
    pub created_by: Option<UserId>,
    /// Entered at.
    pub created_at: NaiveDateTime,
}

impl IllnessRow {
    /// Records an illness.
    pub fn insert(
        conn: &mut DbConn,
        member_id: MemberId,
        body: &dto::IllnessRequest,
        by: UserId,
    ) -> AppResult<Self> {
        let id: IllnessId = diesel::insert_into(member_illnesses::table)
            .values((
                member_illnesses::member_id.eq(member_id),
                member_illnesses::from_on.eq(body.from),
                member_illnesses::to_on.eq(body.to),
                member_illnesses::serious.eq(body.serious),
                member_illnesses::note.eq(body.note.trim()),
                member_illnesses::created_by.eq(Some(by)),
                member_illnesses::created_at.eq(super::now()),
            ))
            .returning(member_illnesses::id)
            .get_result(conn)?;
        Ok(member_illnesses::table
            .find(id)
            .select(Self::as_select())
            .first(conn)?)
    }

    /// A member's illnesses, oldest first.
    pub fn of_member(conn: &mut DbConn, member_id: MemberId) -> AppResult<Vec<Self>> {
        Self::of_members(conn, &[member_id])
    }

    /// The illnesses of several members, oldest first.
    pub fn of_members(conn: &mut DbConn, member_ids: &[MemberId]) -> AppResult<Vec<Self>> {
        Ok(member_illnesses::table
            .filter(member_illnesses::member_id.eq_any(member_ids))
            .order((member_illnesses::from_on.asc(), member_illnesses::id.asc()))
            .select(Self::as_select())
            .load(conn)?)
    }

    /// Days of illness inside `[start, end]`.
    pub fn days_within(rows: &[Self], start: NaiveDate, end: NaiveDate) -> i64 {
        let periods: Vec<Period> = rows
            .iter()
            .map(|r| Period {
                from: r.from_on,
                to: r.to_on.and_then(|t| t.succ_opt()),
            })
            .collect();
        covered_days(&periods, start, end.succ_opt().unwrap_or(end))
    }

    /// The API view, the note as `privacy` allows (health data).
    pub fn to_dto(&self, privacy: crate::domain::privacy::Privacy) -> dto::Illness {
        dto::Illness {
            id: self.id,
            member_id: self.member_id,
            from: self.from_on,
            to: self.to_on,
            serious: self.serious,
            note: privacy.show_str(crate::domain::privacy::Field::HealthNote, &self.note),
        }
    }
}
