//! Discipline decisions.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::movements::{self as dto, DisciplineForm};
use qldv_api_types::{DisciplineId, MemberId, UserId};

use crate::db::schema::disciplines;
use crate::db::DbConn;
use crate::domain::discipline::{self, Discipline, DisciplineFacts};
use crate::domain::settings::RuleSettings;
use crate::error::AppResult;
use crate::models::member_case::CaseRow;

/// A stored discipline.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = disciplines)]
pub struct DisciplineRow {
    /// Id.
    pub id: DisciplineId,
    /// Member.
    pub member_id: MemberId,
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
    pub created_by: Option<UserId>,
    /// Entered at.
    pub created_at: NaiveDateTime,
    /// Announced on (`null` in rows written before it was recorded: the decision date).
    pub announced_on: Option<NaiveDate>,
    /// The lighter form a complaint's ruling reduced it to.
    pub current_form: Option<DisciplineForm>,
    /// Annulled on this date: by a complaint's ruling, or as wrongful (117-QĐ/TW). Badges and
    /// party age treat it as void; rule 11's schedule ends it on this date.
    pub annulled_on: Option<NaiveDate>,
}

impl DisciplineRow {
    /// The announcement date (the decision's for rows written before it was recorded).
    pub fn announced(&self) -> NaiveDate {
        self.announced_on.unwrap_or(self.decided_on)
    }

    /// The rules' view of the cached schedule (rule 11): the form in force, the lapse, held by
    /// a pending complaint or an undecided re-offence, annulled.
    pub fn rule(&self) -> Discipline {
        Discipline {
            form: self.current_form.unwrap_or(self.form),
            decided_on: self.decided_on,
            announced_on: self.announced(),
            lapses_on: self.lapses_on,
            held: self.complaint_on.is_some()
                || (self.reoffence_on.is_some() && self.lapses_on.is_none()),
            annulled_on: self.annulled_on,
        }
    }

    /// Everything rule 11 knows about this discipline: its complaints and, for a re-offence,
    /// the announcement of the member's next discipline decided on or after it (`all`: the
    /// member's disciplines).
    pub fn facts(&self, complaints: &[CaseRow], all: &[DisciplineRow]) -> DisciplineFacts {
        let reoffence_decided_on = self.reoffence_on.and_then(|r| {
            all.iter()
                .filter(|d| d.id != self.id && d.decided_on >= r)
                .map(DisciplineRow::announced)
                .min()
        });
        DisciplineFacts {
            form: self.form,
            decided_on: self.decided_on,
            announced_on: self.announced(),
            complaints: complaints
                .iter()
                .filter(|c| c.discipline_id == Some(self.id))
                .map(CaseRow::complaint)
                .collect(),
            reoffence_on: self.reoffence_on,
            reoffence_decided_on,
        }
    }

    /// Marks a discipline annulled as wrongful on `on`; `false` when it was already.
    pub fn annul(conn: &mut DbConn, id: DisciplineId, on: NaiveDate) -> AppResult<bool> {
        Ok(diesel::update(
            disciplines::table
                .filter(disciplines::id.eq(id))
                .filter(disciplines::annulled_on.is_null()),
        )
        .set(disciplines::annulled_on.eq(Some(on)))
        .execute(conn)?
            == 1)
    }

    /// Rule 11: recomputes and stores the cached schedule of every discipline of the member
    /// (form in force, lapse, pending complaint, annulment) from its complaints and re-offence,
    /// after any of them changed.
    pub fn reschedule(conn: &mut DbConn, member_id: MemberId, s: &RuleSettings) -> AppResult<()> {
        let all = Self::of_member(conn, member_id)?;
        let cases = CaseRow::of_member(conn, member_id)?;
        for d in &all {
            let facts = d.facts(&cases, &all);
            let cached = discipline::schedule(&facts, s);
            let pending = facts
                .complaints
                .iter()
                .filter(|c| c.ruling.is_none())
                .map(|c| c.lodged_on)
                .min();
            diesel::update(disciplines::table.find(d.id))
                .set((
                    disciplines::lapses_on.eq(cached.lapses_on),
                    disciplines::complaint_on.eq(pending.filter(|_| cached.annulled_on.is_none())),
                    disciplines::current_form.eq((cached.form != d.form).then_some(cached.form)),
                    disciplines::annulled_on.eq(cached.annulled_on.or(d.annulled_on)),
                ))
                .execute(conn)?;
        }
        Ok(())
    }

    /// A member's disciplines, oldest first.
    pub fn of_member(conn: &mut DbConn, member_id: MemberId) -> AppResult<Vec<Self>> {
        Self::of_members(conn, &[member_id])
    }

    /// The disciplines of several members, oldest first.
    pub fn of_members(conn: &mut DbConn, member_ids: &[MemberId]) -> AppResult<Vec<Self>> {
        Ok(disciplines::table
            .filter(disciplines::member_id.eq_any(member_ids))
            .order((disciplines::decided_on.asc(), disciplines::id.asc()))
            .select(Self::as_select())
            .load(conn)?)
    }

    /// The API view, with `in_force` as of `today`.
    pub fn to_dto(
        &self,
        today: NaiveDate,
        privacy: crate::domain::privacy::Privacy,
    ) -> dto::Discipline {
        dto::Discipline {
            id: self.id,
            member_id: self.member_id,
            form: self.form,
            decided_on: self.decided_on,
            announced_on: self.announced(),
            current_form: self.current_form.unwrap_or(self.form),
            annulled_on: self.annulled_on,
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
