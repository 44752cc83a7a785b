//! Inspections, complaints, denunciations and discipline reviews of a member (rules 9, 11, 20).

use qldv_api_types::UserId;
use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::cases::{self as dto, CaseKind, ComplaintRuling};
use qldv_api_types::movements::DisciplineForm;
use qldv_api_types::{CaseId, DisciplineId, MemberId};

use crate::db::schema::member_cases;
use crate::db::DbConn;
use crate::domain::case::CaseFacts;
use crate::domain::discipline::{Complaint, RulingFacts};
use crate::domain::privacy::{Field, Privacy};
use crate::error::AppResult;

/// A stored case.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = member_cases)]
pub struct CaseRow {
    /// Id.
    pub id: CaseId,
    /// Member.
    pub member_id: MemberId,
    /// What is handled.
    pub kind: CaseKind,
    /// Began on.
    pub opened_on: NaiveDate,
    /// The discipline a complaint is against.
    pub discipline_id: Option<DisciplineId>,
    /// Number of the inspection decision or receipt.
    pub reference_no: Option<String>,
    /// What about.
    pub summary: String,
    /// Settled on.
    pub settled_on: Option<NaiveDate>,
    /// Ruling announced on.
    pub announced_on: Option<NaiveDate>,
    /// Number of the conclusion or ruling.
    pub decision_no: Option<String>,
    /// Ruling on a complaint against a discipline.
    pub ruling: Option<ComplaintRuling>,
    /// The lighter form of a reduction.
    pub reduced_to: Option<DisciplineForm>,
    /// What was concluded.
    pub outcome: Option<String>,
    /// Regulation in force when opened.
    pub regulation: String,
    /// Entered by.
    pub created_by: Option<UserId>,
    /// Entered at.
    pub created_at: NaiveDateTime,
    /// Settlement entered by.
    pub settled_by: Option<UserId>,
    /// Settlement entered at.
    pub settled_at: Option<NaiveDateTime>,
}

/// A case to insert.
#[derive(Debug, Insertable)]
#[diesel(table_name = member_cases)]
pub struct NewCase<'a> {
    /// Member.
    pub member_id: MemberId,
    /// What is handled.
    pub kind: CaseKind,
    /// Began on.
    pub opened_on: NaiveDate,
    /// The discipline a complaint is against.
    pub discipline_id: Option<DisciplineId>,
    /// Number of the inspection decision or receipt.
    pub reference_no: Option<&'a str>,
    /// What about.
    pub summary: &'a str,
    /// Regulation in force when opened.
    pub regulation: &'a str,
    /// Entered by.
    pub created_by: Option<UserId>,
    /// Entered at.
    pub created_at: NaiveDateTime,
}

/// A settlement to record.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = member_cases)]
pub struct Settlement<'a> {
    /// Settled on.
    pub settled_on: Option<NaiveDate>,
    /// Ruling announced on.
    pub announced_on: Option<NaiveDate>,
    /// Number of the conclusion or ruling.
    pub decision_no: Option<&'a str>,
    /// Ruling.
    pub ruling: Option<ComplaintRuling>,
    /// Lighter form.
    pub reduced_to: Option<DisciplineForm>,
    /// What was concluded.
    pub outcome: Option<&'a str>,
    /// Entered by.
    pub settled_by: Option<UserId>,
    /// Entered at.
    pub settled_at: Option<NaiveDateTime>,
}

impl CaseRow {
    /// Inserts a case; the stored row.
    pub fn insert(conn: &mut DbConn, new: &NewCase<'_>) -> AppResult<Self> {
        let id: CaseId = diesel::insert_into(member_cases::table)
            .values(new)
            .returning(member_cases::id)
            .get_result(conn)?;
        Self::get(conn, id)
    }

    /// Records the settlement of case `id`; the stored row.
    pub fn settle(conn: &mut DbConn, id: CaseId, s: &Settlement<'_>) -> AppResult<Self> {
        diesel::update(member_cases::table.find(id))
            .set(s)
            .execute(conn)?;
        Self::get(conn, id)
    }

    fn get(conn: &mut DbConn, id: CaseId) -> AppResult<Self> {
        Ok(member_cases::table
            .find(id)
            .select(Self::as_select())
            .first(conn)?)
    }

    /// The cases of several members, oldest first.
    pub fn of_members(conn: &mut DbConn, member_ids: &[MemberId]) -> AppResult<Vec<Self>> {
        Ok(member_cases::table
            .filter(member_cases::member_id.eq_any(member_ids))
            .order((member_cases::opened_on.asc(), member_cases::id.asc()))
            .select(Self::as_select())
            .load(conn)?)
    }

    /// A member's cases, oldest first.
    pub fn of_member(conn: &mut DbConn, member_id: MemberId) -> AppResult<Vec<Self>> {
        Self::of_members(conn, &[member_id])
    }

    /// The complaints against one discipline, oldest first.
    pub fn against(conn: &mut DbConn, discipline_id: DisciplineId) -> AppResult<Vec<Self>> {
        Ok(member_cases::table
            .filter(member_cases::discipline_id.eq(discipline_id))
            .order((member_cases::opened_on.asc(), member_cases::id.asc()))
            .select(Self::as_select())
            .load(conn)?)
    }

    /// The rules' view.
    pub fn facts(&self) -> CaseFacts {
        CaseFacts {
            kind: self.kind,
            opened_on: self.opened_on,
            settled_on: self.settled_on,
        }
    }

    /// The rule-11 view of a complaint against a discipline.
    pub fn complaint(&self) -> Complaint {
        Complaint {
            lodged_on: self.opened_on,
            ruling: match (self.ruling, self.settled_on) {
                (Some(ruling), Some(settled)) => Some(RulingFacts {
                    ruling,
                    reduced_to: self.reduced_to,
                    announced_on: self.announced_on.unwrap_or(settled),
                }),
                _ => None,
            },
        }
    }

    /// Rule 20: whether a discipline of `member_id` is under consideration on `day` (an
    /// inspection, denunciation or discipline review open that day);
    /// see [`crate::domain::case::under_consideration`].
    pub fn discipline_under_consideration(
        conn: &mut DbConn,
        member_id: MemberId,
        day: NaiveDate,
    ) -> AppResult<bool> {
        Ok(Self::under_consideration_among(conn, &[member_id], day)?.contains(&member_id))
    }

    /// Rule 20, for several members in one query: those of `member_ids` with a discipline under
    /// consideration on `day`.
    pub fn under_consideration_among(
        conn: &mut DbConn,
        member_ids: &[MemberId],
        day: NaiveDate,
    ) -> AppResult<HashSet<MemberId>> {
        let mut by_member: HashMap<MemberId, Vec<CaseFacts>> = HashMap::new();
        for c in Self::of_members(conn, member_ids)? {
            by_member.entry(c.member_id).or_default().push(c.facts());
        }
        Ok(by_member
            .into_iter()
            .filter(|(_, cases)| crate::domain::case::under_consideration(cases, day))
            .map(|(id, _)| id)
            .collect())
    }

    /// The API view, `open` as of `today`; what it is about shown as `privacy` allows (like a
    /// discipline's reason).
    pub fn to_dto(&self, today: NaiveDate, privacy: Privacy) -> dto::MemberCase {
        dto::MemberCase {
            id: self.id,
            member_id: self.member_id,
            kind: self.kind,
            opened_on: self.opened_on,
            discipline_id: self.discipline_id,
            reference_no: self.reference_no.clone(),
            summary: privacy.show_str(Field::DisciplineReason, &self.summary),
            settled_on: self.settled_on,
            announced_on: self.announced_on,
            decision_no: self.decision_no.clone(),
            ruling: self.ruling,
            reduced_to: self.reduced_to,
            outcome: self
                .outcome
                .as_deref()
                .map(|o| privacy.show_str(Field::DisciplineReason, o)),
            open: self.facts().open_on(today),
            regulation: self.regulation.clone(),
        }
    }
}
