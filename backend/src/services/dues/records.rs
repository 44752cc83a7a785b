//! One dues record as the API serves it: the `GET`s of a basis, relief, arrangement and
//! payment (inside the caller's scope, the base masked as the privacy table says), and what the
//! change feed publishes of them (at `Privacy::Full`, masked when read).

use qldv_api_types::dues::{DuesArrangement, DuesBasis, DuesPayment, DuesReliefRecord};
use qldv_api_types::{DuesArrangementId, DuesBasisId, DuesPaymentId, DuesReliefId};

use crate::auth::Scope;
use crate::db::DbConn;
use crate::domain::privacy::Privacy;
use crate::error::AppResult;
use crate::models::dues::{month, ArrangementRow, BasisRow, PaymentRow, ReliefRow};

/// A relief on the wire.
pub fn relief_dto(row: ReliefRow) -> AppResult<DuesReliefRecord> {
    Ok(DuesReliefRecord {
        id: row.id,
        member_id: row.member_id,
        kind: row.kind,
        from_month: month(row.from_month)?,
        to_month: row.to_month.map(month).transpose()?,
        percent: u32::try_from(row.percent).unwrap_or(0),
        application_no: row.application_no,
        decided_on: row.decided_on,
    })
}

/// An arrangement on the wire.
pub fn arrangement_dto(row: ArrangementRow) -> AppResult<DuesArrangement> {
    Ok(DuesArrangement {
        id: row.id,
        member_id: row.member_id,
        kind: row.kind,
        from_month: month(row.from_month)?,
        to_month: month(row.to_month)?,
        decision_no: row.decision_no,
        decided_on: row.decided_on,
    })
}

/// A payment on the wire.
pub fn payment_dto(p: PaymentRow) -> AppResult<DuesPayment> {
    Ok(DuesPayment {
        id: p.id,
        member_id: p.member_id,
        organization_id: p.organization_id,
        paid_on: p.paid_on,
        first_month: month(p.first_month)?,
        months: u32::try_from(p.months).unwrap_or(0),
        amount: p.amount,
        channel: p.channel,
        receipt_no: p.receipt_no,
    })
}

/// `GET /dues-bases/{id}`.
pub fn basis(
    conn: &mut DbConn,
    (scope, privacy): (&Scope, Privacy),
    id: DuesBasisId,
) -> AppResult<DuesBasis> {
    let (row, _) = BasisRow::find(conn, scope, id)?;
    Ok(super::entries::basis_dto(&row, privacy))
}

/// `GET /dues-reliefs/{id}`.
pub fn relief(conn: &mut DbConn, scope: &Scope, id: DuesReliefId) -> AppResult<DuesReliefRecord> {
    relief_dto(ReliefRow::find(conn, scope, id)?.0)
}

/// `GET /dues-arrangements/{id}`.
pub fn arrangement(
    conn: &mut DbConn,
    scope: &Scope,
    id: DuesArrangementId,
) -> AppResult<DuesArrangement> {
    arrangement_dto(ArrangementRow::find(conn, scope, id)?.0)
}

/// `GET /dues-payments/{id}`.
pub fn payment(conn: &mut DbConn, scope: &Scope, id: DuesPaymentId) -> AppResult<DuesPayment> {
    payment_dto(PaymentRow::find(conn, scope, id)?.0)
}
