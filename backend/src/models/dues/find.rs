//! One dues record by id, inside a scope (the `GET`s of a basis, relief, arrangement and
//! payment, and the change feed): with the organisation path it belongs to. A basis, relief or
//! arrangement belongs to its member's organisation; a payment to the cell that collected it.

use diesel::prelude::*;
use qldv_api_types::{DuesArrangementId, DuesBasisId, DuesPaymentId, DuesReliefId};

use super::{ArrangementRow, BasisRow, PaymentRow, ReliefRow};
use crate::auth::Scope;
use crate::db::schema::{
    dues_arrangements, dues_bases, dues_payments, dues_reliefs, members, organizations,
};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::messages::Thing;

fn missing() -> AppError {
    AppError::not_found(Thing::DuesRecord)
}

/// `members.org_path` inside `scope`, as a boxed filter's bounds.
macro_rules! in_scope {
    ($q:expr, $path:expr, $scope:expr) => {{
        let mut q = $q;
        if let Some((lo, hi)) = $scope.path_range() {
            q = q.filter($path.ge(lo)).filter($path.lt(hi));
        }
        q
    }};
}

impl BasisRow {
    /// The basis `id` of a member inside `scope` (else 404), with the member's path.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: DuesBasisId) -> AppResult<(Self, String)> {
        let q = dues_bases::table
            .inner_join(members::table.on(members::id.eq(dues_bases::member_id)))
            .filter(dues_bases::id.eq(id))
            .into_boxed();
        in_scope!(q, members::org_path, scope)
            .select((Self::as_select(), members::org_path))
            .first(conn)
            .optional()?
            .ok_or_else(missing)
    }
}

impl ReliefRow {
    /// The relief `id` of a member inside `scope` (else 404), with the member's path.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: DuesReliefId) -> AppResult<(Self, String)> {
        let q = dues_reliefs::table
            .inner_join(members::table.on(members::id.eq(dues_reliefs::member_id)))
            .filter(dues_reliefs::id.eq(id))
            .into_boxed();
        in_scope!(q, members::org_path, scope)
            .select((Self::as_select(), members::org_path))
            .first(conn)
            .optional()?
            .ok_or_else(missing)
    }
}

impl ArrangementRow {
    /// The arrangement `id` of a member inside `scope` (else 404), with the member's path.
    pub fn find(
        conn: &mut DbConn,
        scope: &Scope,
        id: DuesArrangementId,
    ) -> AppResult<(Self, String)> {
        let q = dues_arrangements::table
            .inner_join(members::table.on(members::id.eq(dues_arrangements::member_id)))
            .filter(dues_arrangements::id.eq(id))
            .into_boxed();
        in_scope!(q, members::org_path, scope)
            .select((Self::as_select(), members::org_path))
            .first(conn)
            .optional()?
            .ok_or_else(missing)
    }
}

impl PaymentRow {
    /// The payment `id` collected by a cell inside `scope` (else 404), with the cell's path.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: DuesPaymentId) -> AppResult<(Self, String)> {
        let q = dues_payments::table
            .inner_join(
                organizations::table.on(organizations::id.eq(dues_payments::organization_id)),
            )
            .filter(dues_payments::id.eq(id))
            .into_boxed();
        in_scope!(q, organizations::path, scope)
            .select((Self::as_select(), organizations::path))
            .first(conn)
            .optional()?
            .ok_or_else(missing)
    }
}
