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

/// `find` of a record owned by a member: the row `id` of a member inside `scope` (else 404),
/// with the member's path; scoped by the models' one `within_members!`.
macro_rules! find_of_member {
    ($row:ty, $table:ident, $id:ty, $doc:literal) => {
        impl $row {
            #[doc = $doc]
            pub fn find(conn: &mut DbConn, scope: &Scope, id: $id) -> AppResult<(Self, String)> {
                let q = $table::table
                    .inner_join(members::table.on(members::id.eq($table::member_id)))
                    .filter($table::id.eq(id))
                    .into_boxed();
                within_members!(q, scope, None::<&str>)
                    .select((Self::as_select(), members::org_path))
                    .first(conn)
                    .optional()?
                    .ok_or_else(missing)
            }
        }
    };
}

find_of_member!(
    BasisRow,
    dues_bases,
    DuesBasisId,
    "The basis `id` of a member inside `scope` (else 404), with the member's path."
);
find_of_member!(
    ReliefRow,
    dues_reliefs,
    DuesReliefId,
    "The relief `id` of a member inside `scope` (else 404), with the member's path."
);
find_of_member!(
    ArrangementRow,
    dues_arrangements,
    DuesArrangementId,
    "The arrangement `id` of a member inside `scope` (else 404), with the member's path."
);

impl PaymentRow {
    /// The payment `id` collected by a cell inside `scope` (else 404), with the cell's path.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: DuesPaymentId) -> AppResult<(Self, String)> {
        let q = dues_payments::table
            .inner_join(
                organizations::table.on(organizations::id.eq(dues_payments::organization_id)),
            )
            .filter(dues_payments::id.eq(id))
            .into_boxed();
        let q = match scope.path_range() {
            Some((lo, hi)) => q
                .filter(organizations::path.ge(lo))
                .filter(organizations::path.lt(hi)),
            None => q,
        };
        q.select((Self::as_select(), organizations::path))
            .first(conn)
            .optional()?
            .ok_or_else(missing)
    }
}
