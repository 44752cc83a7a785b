//! What a member's dues are computed from: a dated basis (`PUT /members/{id}/dues-basis`), a
//! relief and an arrangement (`POST …/dues-reliefs`, `…/dues-arrangements`). Each is checked
//! by its rule, stored, audited, and settles the member's months again from its first month.

use chrono::NaiveDate;
use qldv_api_types::audit::{AuditAction, AuditEntity};
use qldv_api_types::dues::{
    DuesArrangement, DuesBasis, DuesReliefRecord, NewDuesArrangement, NewDuesRelief, SetDuesBasis,
};
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::domain::cell_year::dues::{check_basis, check_relief, Basis, Relief};
use crate::domain::cell_year::ledger::Arrangement;
use crate::domain::cell_year::Month;
use crate::domain::privacy::{Field, Privacy};
use crate::error::AppResult;
use crate::models::audit::{self, Subject};
use crate::models::dues::{ArrangementRow, BasisRow, ReliefRow};
use crate::models::member::MemberRow;
use crate::models::uow::Uow;

/// A basis on the wire, its base shown as `privacy` allows.
pub fn basis_dto(row: &BasisRow, privacy: Privacy) -> DuesBasis {
    DuesBasis {
        id: row.id,
        member_id: row.member_id,
        from_on: row.from_on,
        category: row.category,
        base: privacy.show_amount(Field::DuesBase, Some(row.base)),
    }
}

/// Records a member's dated basis (rule 32), replacing one of the same day.
pub fn put_basis(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    member: MemberId,
    body: &SetDuesBasis,
    today: NaiveDate,
) -> AppResult<DuesBasis> {
    let m = MemberRow::find_for_change(uow, &caller.scope, member)?;
    let basis = Basis {
        from: body.from_on,
        category: body.category,
        base: body.base,
    };
    check_basis(&basis).map_err(crate::messages::dues::refused)?;
    let (before, after) = BasisRow::put(uow, member, &basis, caller.id)?;
    audit::record(
        uow,
        &caller.actor(),
        if before.is_some() {
            AuditAction::Update
        } else {
            AuditAction::Create
        },
        Subject {
            entity: AuditEntity::DuesBasis,
            id: after.id.0,
            scope_path: Some(&m.org_path),
        },
        before.as_ref(),
        Some(&after),
    )?;
    super::recompute(uow, &[(member, Month::of(body.from_on))], today)?;
    Ok(basis_dto(&after, caller.privacy()))
}

/// Records an exemption or reduction (rule 32, 01-QĐ/TW art. 5).
pub fn add_relief(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    member: MemberId,
    body: &NewDuesRelief,
    today: NaiveDate,
) -> AppResult<DuesReliefRecord> {
    let m = MemberRow::find_for_change(uow, &caller.scope, member)?;
    let relief = Relief {
        kind: body.kind,
        from: body.from_month,
        to: body.to_month,
        percent: body.percent,
    };
    let settings = crate::models::setting::at(uow, body.from_month.first_day())?;
    check_relief(&relief, &settings.cell_year).map_err(crate::messages::dues::refused)?;
    let row = ReliefRow::insert(
        uow,
        member,
        &relief,
        (body.application_no.as_deref(), body.decided_on),
        caller.id,
    )?;
    audit::record(
        uow,
        &caller.actor(),
        AuditAction::Create,
        Subject {
            entity: AuditEntity::DuesRelief,
            id: row.id.0,
            scope_path: Some(&m.org_path),
        },
        None::<&ReliefRow>,
        Some(&row),
    )?;
    super::recompute(uow, &[(member, body.from_month)], today)?;
    super::records::relief_dto(row)
}

/// Records a deferral or a prepayment arrangement (01-QĐ/TW art. 5 §2).
pub fn add_arrangement(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    member: MemberId,
    body: &NewDuesArrangement,
    today: NaiveDate,
) -> AppResult<DuesArrangement> {
    let m = MemberRow::find_for_change(uow, &caller.scope, member)?;
    if body.to_month < body.from_month {
        return Err(crate::messages::dues::arrangement_backwards());
    }
    let a = Arrangement {
        kind: body.kind,
        from: body.from_month,
        to: body.to_month,
    };
    let row = ArrangementRow::insert(
        uow,
        member,
        &a,
        (body.decision_no.trim(), body.decided_on),
        caller.id,
    )?;
    audit::record(
        uow,
        &caller.actor(),
        AuditAction::Create,
        Subject {
            entity: AuditEntity::DuesArrangement,
            id: row.id.0,
            scope_path: Some(&m.org_path),
        },
        None::<&ArrangementRow>,
        Some(&row),
    )?;
    super::recompute(uow, &[(member, body.from_month)], today)?;
    super::records::arrangement_dto(row)
}
