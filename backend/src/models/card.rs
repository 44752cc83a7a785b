//! Party cards: the rows, the number counter, and the scoped queries.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::cards::{self as dto, CardStatus};
use qldv_api_types::{CardId, MemberId, OrgId, UserId};

use crate::auth::Scope;
use crate::db::schema::{cards, counters, members};
use crate::db::DbConn;
use crate::domain::card as rules;
use crate::error::{AppError, AppResult};
use crate::models::member_query::{after_name, within};

/// A stored card.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = cards)]
pub struct CardRow {
    /// Id.
    pub id: CardId,
    /// Member.
    pub member_id: MemberId,
    /// Number.
    pub card_number: String,
    /// Active, void, revoked or collected.
    pub status: CardStatus,
    /// Issued on.
    pub issued_on: NaiveDate,
    /// Decision number.
    pub decision_no: String,
    /// Replaced card.
    pub replaces_id: Option<CardId>,
    /// Ended on.
    pub ended_on: Option<NaiveDate>,
    /// Why it ended.
    pub end_reason: Option<String>,
    /// Regulation.
    pub regulation: String,
    /// Issued by.
    pub created_by: Option<UserId>,
    /// Version.
    pub version: i64,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Changed.
    pub updated_at: NaiveDateTime,
}

/// A card to insert.
#[derive(Debug, Clone)]
pub struct NewCard<'a> {
    /// Member.
    pub member_id: MemberId,
    /// Number.
    pub card_number: &'a str,
    /// Issued on.
    pub issued_on: NaiveDate,
    /// Decision number.
    pub decision_no: &'a str,
    /// Replaced card.
    pub replaces_id: Option<CardId>,
    /// Regulation.
    pub regulation: &'a str,
    /// Who.
    pub by: UserId,
}

/// Filters of the card list.
#[derive(Debug, Clone, Default)]
pub struct CardFilter {
    /// Subtree (path of its root), already checked to be in scope.
    pub subtree_path: Option<String>,
    /// Status.
    pub status: Option<CardStatus>,
    /// Exact number (any status: finds voided numbers too).
    pub number: Option<String>,
    /// One member's.
    pub member_id: Option<MemberId>,
}

fn in_range<'a>(
    q: diesel::dsl::IntoBoxed<
        'a,
        diesel::dsl::InnerJoin<cards::table, members::table>,
        <DbConn as diesel::Connection>::Backend,
    >,
    range: Option<(String, String)>,
) -> diesel::dsl::IntoBoxed<
    'a,
    diesel::dsl::InnerJoin<cards::table, members::table>,
    <DbConn as diesel::Connection>::Backend,
> {
    match range {
        Some((lo, hi)) => q
            .filter(members::org_path.ge(lo))
            .filter(members::org_path.lt(hi)),
        None => q,
    }
}

impl CardRow {
    /// One card whose member is inside the caller's scope, with the member's name and path.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: CardId) -> AppResult<(Self, String, String)> {
        in_range(
            cards::table.inner_join(members::table).into_boxed(),
            scope.path_range(),
        )
        .filter(cards::id.eq(id))
        .select((Self::as_select(), members::full_name, members::org_path))
        .first(conn)
        .optional()?
        .ok_or_else(crate::messages::cards::not_found)
    }

    /// Cards inside the scope matching `filter`, newest first, before a cursor (an id).
    pub fn list(
        conn: &mut DbConn,
        scope: &Scope,
        filter: &CardFilter,
        before: Option<i64>,
        limit: i64,
    ) -> AppResult<Vec<(Self, String)>> {
        let mut q = in_range(
            cards::table.inner_join(members::table).into_boxed(),
            scope.path_range(),
        );
        q = in_range(
            q,
            filter
                .subtree_path
                .as_deref()
                .map(crate::domain::tree::subtree_range),
        );
        if let Some(s) = &filter.status {
            q = q.filter(cards::status.eq(*s));
        }
        if let Some(n) = &filter.number {
            q = q.filter(cards::card_number.eq(n.clone()));
        }
        if let Some(m) = filter.member_id {
            q = q.filter(cards::member_id.eq(m));
        }
        if let Some(b) = before {
            q = q.filter(cards::id.lt(b));
        }
        Ok(q.order(cards::id.desc())
            .limit(limit)
            .select((Self::as_select(), members::full_name))
            .load(conn)?)
    }

    /// The member's active card.
    pub fn active_of(conn: &mut DbConn, member_id: MemberId) -> AppResult<Option<Self>> {
        Ok(cards::table
            .filter(cards::member_id.eq(member_id))
            .filter(cards::status.eq(CardStatus::Active))
            .select(Self::as_select())
            .first(conn)
            .optional()?)
    }

    /// Whether a number was ever used.
    pub fn number_taken(conn: &mut DbConn, number: &str) -> AppResult<bool> {
        Ok(diesel::select(diesel::dsl::exists(
            cards::table.filter(cards::card_number.eq(number)),
        ))
        .get_result(conn)?)
    }

    /// The next free generated number: a counter bumped in the caller's transaction (the row
    /// lock serialises parallel issues), skipping numbers entered by hand.
    pub fn next_number(conn: &mut DbConn, digits: u32) -> AppResult<String> {
        loop {
            let n: i64 = diesel::update(counters::table.find("card_number"))
                .set(counters::value.eq(counters::value + 1))
                .returning(counters::value)
                .get_result(conn)?;
            if !rules::fits(n, digits) {
                return Err(crate::messages::cards::numbers_exhausted(digits));
            }
            let number = rules::format_number(n, digits);
            if !Self::number_taken(conn, &number)? {
                return Ok(number);
            }
        }
    }

    /// Inserts an active card.
    pub fn insert(conn: &mut DbConn, new: &NewCard<'_>) -> AppResult<Self> {
        let now = super::now();
        let id: CardId = diesel::insert_into(cards::table)
            .values((
                cards::member_id.eq(new.member_id),
                cards::card_number.eq(new.card_number),
                cards::status.eq(CardStatus::Active),
                cards::issued_on.eq(new.issued_on),
                cards::decision_no.eq(new.decision_no),
                cards::replaces_id.eq(new.replaces_id),
                cards::regulation.eq(new.regulation),
                cards::created_by.eq(Some(new.by)),
                cards::created_at.eq(now),
                cards::updated_at.eq(now),
            ))
            .returning(cards::id)
            .get_result(conn)?;
        Self::reload(conn, id)
    }

    /// Ends an active card (void, revoked or collected) when its version is `expected`.
    pub fn end(
        conn: &mut DbConn,
        id: CardId,
        expected: i64,
        status: CardStatus,
        on: NaiveDate,
        reason: &str,
    ) -> AppResult<Self> {
        let n = diesel::update(
            cards::table
                .filter(cards::id.eq(id))
                .filter(cards::status.eq(CardStatus::Active))
                .filter(cards::version.eq(expected)),
        )
        .set((
            cards::status.eq(status),
            cards::ended_on.eq(Some(on)),
            cards::end_reason.eq(Some(reason)),
            cards::version.eq(cards::version + 1),
            cards::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
        let row = Self::reload(conn, id)?;
        if n == 0 {
            return Err(if row.status != CardStatus::Active {
                crate::messages::cards::not_active()
            } else {
                AppError::PreconditionFailed(row.version)
            });
        }
        Ok(row)
    }

    /// Reads a card by id (no scope: for rows the caller already reached through its scope).
    pub fn reload(conn: &mut DbConn, id: CardId) -> AppResult<Self> {
        Ok(cards::table
            .find(id)
            .select(Self::as_select())
            .first(conn)?)
    }

    /// The API view.
    pub fn to_dto(&self, full_name: &str) -> dto::Card {
        dto::Card {
            id: self.id,
            member_id: self.member_id,
            full_name: full_name.to_string(),
            card_number: self.card_number.clone(),
            status: self.status,
            issued_on: self.issued_on,
            decision_no: self.decision_no.clone(),
            replaces_id: self.replaces_id,
            ended_on: self.ended_on,
            end_reason: self.end_reason.clone(),
            version: self.version,
            updated_at: super::utc(self.updated_at),
        }
    }
}

/// Members due a card inside the scope and subtree: official, no active card (the member row's
/// cached `card_number` is empty), in Vietnamese name order after a cursor.
pub fn due(
    conn: &mut DbConn,
    scope: &Scope,
    subtree_path: Option<&str>,
    after: Option<(String, MemberId)>,
    limit: i64,
) -> AppResult<Vec<(dto::CardDue, String)>> {
    let q = members::table
        .filter(members::status.eq(qldv_api_types::members::MemberStatus::Official))
        .filter(members::card_number.is_null())
        .into_boxed();
    let q = after_name(within(q, scope, subtree_path), after);
    let rows: Vec<(i64, String, i64, Option<NaiveDate>, String)> = q
        .order((members::name_sort_key.asc(), members::id.asc()))
        .limit(limit)
        .select((
            members::id,
            members::full_name,
            members::organization_id,
            members::official_on,
            members::name_sort_key,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, full_name, org, official_on, key)| {
            (
                dto::CardDue {
                    member_id: MemberId(id),
                    full_name,
                    organization_id: OrgId(org),
                    official_on,
                },
                key,
            )
        })
        .collect())
}
