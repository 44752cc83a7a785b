//! Transfers between cells (and out of the system).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::movements::{self as dto, TransferKind, TransferPurpose, TransferStatus};
use qldv_api_types::{MemberId, OrgId, TransferId, UserId};

use crate::auth::Scope;
use crate::db::schema::{members, transfers};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};

/// A stored transfer.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = transfers)]
pub struct TransferRow {
    /// Id.
    pub id: TransferId,
    /// Member.
    pub member_id: MemberId,
    /// Official or temporary.
    pub kind: TransferKind,
    /// Temporary transfers: work, residence or study.
    pub purpose: Option<TransferPurpose>,
    /// Sending cell.
    pub from_org_id: OrgId,
    /// Its path when issued.
    pub from_path: String,
    /// Receiving cell.
    pub to_org_id: Option<OrgId>,
    /// Its path when issued.
    pub to_path: Option<String>,
    /// Receiving organisation outside the system.
    pub external_org: Option<String>,
    /// State.
    pub status: TransferStatus,
    /// Triggering event.
    pub event_on: Option<NaiveDate>,
    /// Issued.
    pub issued_on: NaiveDate,
    /// Temporary: last day.
    pub until_on: Option<NaiveDate>,
    /// Received.
    pub received_on: Option<NaiveDate>,
    /// Last day to report.
    pub report_by: NaiveDate,
    /// Why.
    pub reason: String,
    /// Why late.
    pub late_reason: Option<String>,
    /// Paper number.
    pub decision_no: Option<String>,
    /// Regulation.
    pub regulation: String,
    /// Issued by.
    pub created_by: Option<UserId>,
    /// Decided by.
    pub decided_by: Option<UserId>,
    /// Version.
    pub version: i64,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Changed.
    pub updated_at: NaiveDateTime,
    /// Temporary: the day the registration ended (return recorded, or an official transfer).
    pub ended_on: Option<NaiveDate>,
    /// An arrival from outside the system: the sending organisation (then `from_org_id` is the
    /// receiving cell).
    pub from_external: Option<String>,
}

/// A new transfer.
#[derive(Debug, Insertable)]
#[diesel(table_name = transfers)]
pub struct NewTransfer {
    /// Member.
    pub member_id: MemberId,
    /// Kind.
    pub kind: TransferKind,
    /// Purpose.
    pub purpose: Option<TransferPurpose>,
    /// Sending cell.
    pub from_org_id: OrgId,
    /// Its path.
    pub from_path: String,
    /// Receiving cell.
    pub to_org_id: Option<OrgId>,
    /// Its path.
    pub to_path: Option<String>,
    /// Outside organisation.
    pub external_org: Option<String>,
    /// State.
    pub status: TransferStatus,
    /// Triggering event.
    pub event_on: Option<NaiveDate>,
    /// Issued.
    pub issued_on: NaiveDate,
    /// Temporary: last day.
    pub until_on: Option<NaiveDate>,
    /// Received (one-step transfers).
    pub received_on: Option<NaiveDate>,
    /// Last day to report.
    pub report_by: NaiveDate,
    /// Why.
    pub reason: String,
    /// Why late.
    pub late_reason: Option<String>,
    /// Paper number.
    pub decision_no: Option<String>,
    /// Regulation.
    pub regulation: String,
    /// Issued by.
    pub created_by: Option<UserId>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Changed.
    pub updated_at: NaiveDateTime,
    /// An arrival from outside the system: the sending organisation.
    pub from_external: Option<String>,
}

pub use crate::domain::transfer::Sides;

/// Filters of the transfer list.
#[derive(Debug, Clone, Default)]
pub struct TransferFilter {
    /// Subtree (path) whose incoming and outgoing transfers to list.
    pub subtree_path: Option<String>,
    /// State.
    pub status: Option<TransferStatus>,
    /// One member's transfers.
    pub member_id: Option<MemberId>,
    /// Only into (`Some(true)`) or only out of (`Some(false)`) the scope and subtree.
    pub incoming: Option<bool>,
}

impl TransferRow {
    /// Inserts a transfer; a second pending transfer of the same member is 409.
    pub fn insert(conn: &mut DbConn, new: &NewTransfer) -> AppResult<Self> {
        let inserted = diesel::insert_into(transfers::table)
            .values(new)
            .returning(transfers::id)
            .get_result::<i64>(conn);
        let id = match inserted {
            Ok(id) => id,
            Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => return Err(crate::messages::transfers::already_pending()),
            Err(e) => return Err(e.into()),
        };
        Ok(transfers::table
            .find(id)
            .select(Self::as_select())
            .first(conn)?)
    }

    /// A transfer either side of which is in the caller's scope, with the caller's sides; else 404.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: TransferId) -> AppResult<(Self, Sides)> {
        let row = transfers::table
            .find(id)
            .select(Self::as_select())
            .first::<Self>(conn)
            .optional()?
            .ok_or_else(crate::messages::transfers::not_found)?;
        let sides = Sides {
            sender: scope.contains(&row.from_path),
            receiver: row.to_path.as_deref().is_some_and(|p| scope.contains(p)),
        };
        if !sides.sender && !sides.receiver {
            return Err(crate::messages::transfers::not_found());
        }
        Ok((row, sides))
    }

    /// Whether the member has a pending transfer.
    pub fn pending_of(conn: &mut DbConn, member_id: MemberId) -> AppResult<bool> {
        Ok(diesel::select(diesel::dsl::exists(
            transfers::table
                .filter(transfers::member_id.eq(member_id))
                .filter(transfers::status.eq(TransferStatus::Pending)),
        ))
        .get_result(conn)?)
    }

    /// Moves a pending transfer to `status`; `false` when it was no longer pending (someone
    /// else decided first).
    pub fn decide(
        conn: &mut DbConn,
        id: TransferId,
        status: TransferStatus,
        received_on: Option<NaiveDate>,
        late_reason: Option<&str>,
        by: UserId,
    ) -> AppResult<bool> {
        let n = diesel::update(
            transfers::table
                .filter(transfers::id.eq(id))
                .filter(transfers::status.eq(TransferStatus::Pending)),
        )
        .set((
            transfers::status.eq(status),
            transfers::received_on.eq(received_on),
            transfers::late_reason.eq(late_reason),
            transfers::decided_by.eq(Some(by)),
            transfers::version.eq(transfers::version + 1),
            transfers::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// Transfers in or out of the caller's scope matching `filter`, newest first.
    pub fn list(
        conn: &mut DbConn,
        scope: &Scope,
        filter: &TransferFilter,
        before: Option<i64>,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        let mut q = transfers::table.into_boxed();
        for range in [
            scope.path_range(),
            filter
                .subtree_path
                .as_deref()
                .map(crate::domain::tree::subtree_range),
        ]
        .into_iter()
        .flatten()
        {
            let (lo, hi) = range;
            q = match filter.incoming {
                Some(true) => q
                    .filter(transfers::to_path.ge(lo))
                    .filter(transfers::to_path.lt(hi)),
                Some(false) => q
                    .filter(transfers::from_path.ge(lo))
                    .filter(transfers::from_path.lt(hi))
                    .filter(transfers::from_external.is_null()),
                None => q.filter(
                    transfers::from_path
                        .ge(lo.clone())
                        .and(transfers::from_path.lt(hi.clone()))
                        .or(transfers::to_path.ge(lo).and(transfers::to_path.lt(hi))),
                ),
            };
        }
        if let Some(s) = &filter.status {
            q = q.filter(transfers::status.eq(*s));
        }
        if let Some(m) = filter.member_id {
            q = q.filter(transfers::member_id.eq(m));
        }
        if let Some(b) = before {
            q = q.filter(transfers::id.lt(b));
        }
        Ok(q.order(transfers::id.desc())
            .limit(limit)
            .select(Self::as_select())
            .load(conn)?)
    }

    /// The member's temporary registrations in effect (received, or done in one step abroad,
    /// and not ended), oldest first.
    pub fn temporary_in_effect(conn: &mut DbConn, member_id: MemberId) -> AppResult<Vec<Self>> {
        Ok(transfers::table
            .filter(transfers::member_id.eq(member_id))
            .filter(transfers::kind.eq(TransferKind::Temporary))
            .filter(transfers::status.eq_any([TransferStatus::Accepted, TransferStatus::Completed]))
            .filter(transfers::ended_on.is_null())
            .order(transfers::id.asc())
            .select(Self::as_select())
            .load(conn)?)
    }

    /// Ends a temporary registration on `on` (rule 8); `false` when it had ended already.
    pub fn end_temporary(conn: &mut DbConn, id: TransferId, on: NaiveDate) -> AppResult<bool> {
        let n = diesel::update(
            transfers::table
                .filter(transfers::id.eq(id))
                .filter(transfers::ended_on.is_null()),
        )
        .set((
            transfers::ended_on.eq(Some(on)),
            transfers::version.eq(transfers::version + 1),
            transfers::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// Reloads a transfer.
    pub fn reload(conn: &mut DbConn, id: TransferId) -> AppResult<Self> {
        Ok(transfers::table
            .find(id)
            .select(Self::as_select())
            .first(conn)?)
    }

    /// The API views of transfers, with their members' names (one query for all of them).
    pub fn views(conn: &mut DbConn, rows: &[Self]) -> AppResult<Vec<dto::Transfer>> {
        let ids: Vec<MemberId> = rows.iter().map(|r| r.member_id).collect();
        let names: std::collections::HashMap<MemberId, String> = members::table
            .filter(members::id.eq_any(&ids))
            .select((members::id, members::full_name))
            .load::<(MemberId, String)>(conn)?
            .into_iter()
            .collect();
        Ok(rows
            .iter()
            .map(|r| r.to_dto(names.get(&r.member_id).cloned().unwrap_or_default()))
            .collect())
    }

    /// The API view of one transfer.
    pub fn view(conn: &mut DbConn, row: &Self) -> AppResult<dto::Transfer> {
        Self::views(conn, std::slice::from_ref(row))?
            .pop()
            .ok_or_else(|| AppError::internal("transfer view missing"))
    }

    /// The API view, with the member's name.
    pub fn to_dto(&self, full_name: String) -> dto::Transfer {
        dto::Transfer {
            id: self.id,
            member_id: self.member_id,
            full_name,
            kind: self.kind,
            purpose: self.purpose,
            from_organization_id: self.from_org_id,
            to_organization_id: self.to_org_id,
            to_external: self.external_org.clone(),
            from_external: self.from_external.clone(),
            status: self.status,
            event_on: self.event_on,
            issued_on: self.issued_on,
            until: self.until_on,
            received_on: self.received_on,
            ended_on: self.ended_on,
            report_by: self.report_by,
            reason: self.reason.clone(),
            late_reason: self.late_reason.clone(),
            decision_no: self.decision_no.clone(),
            regulation: self.regulation.clone(),
            version: self.version,
            updated_at: super::utc(self.updated_at),
        }
    }
}
