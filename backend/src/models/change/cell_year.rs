//! The cell's year in the feed (issue 23): meetings with their sheets, duties with their
//! reviews, liaisons with the residence cell's comments, and the dues records, each rendered by
//! the view its `GET` serves (the services build those views; the feed renders them at
//! `Privacy::Full` and masks them for the reader, [`super::masked`]).
//!
//! These records have no version column: the feed numbers each record's changes 1, 2, … from
//! its own previous change ([`previous`]). A record a write deleted (a payment a corrected sheet
//! replaced) is published once more, `void`, with the body it had last.

use diesel::prelude::*;
use qldv_api_types::changes::ChangeEntity;
use qldv_api_types::{
    DuesArrangementId, DuesBasisId, DuesPaymentId, DuesReliefId, DutyId, LiaisonId, MeetingId,
};

use crate::auth::Scope;
use crate::db::schema::changes;
use crate::db::DbConn;
use crate::domain::privacy::Privacy;
use crate::error::{AppError, AppResult};
use crate::services::dues::records;

/// Whether the records of `entity` are numbered by the feed (they have no version of their own).
pub(super) fn numbered_by_feed(entity: ChangeEntity) -> bool {
    matches!(
        entity,
        ChangeEntity::Meeting
            | ChangeEntity::Duty
            | ChangeEntity::Liaison
            | ChangeEntity::DuesBasis
            | ChangeEntity::DuesRelief
            | ChangeEntity::DuesArrangement
            | ChangeEntity::DuesPayment
    )
}

fn json<T: serde::Serialize>(dto: &T) -> AppResult<serde_json::Value> {
    serde_json::to_value(dto).map_err(|e| AppError::internal(e.to_string()))
}

/// The record as its `GET` serves it in full, and the path of the organisation it belongs to.
pub(super) fn render(
    conn: &mut DbConn,
    entity: ChangeEntity,
    id: i64,
) -> AppResult<(serde_json::Value, String)> {
    let all = Scope::system();
    Ok(match entity {
        ChangeEntity::Meeting => {
            let (m, path) = crate::services::meetings::view_in(conn, &all, MeetingId(id))?;
            (json(&m)?, path)
        }
        ChangeEntity::Duty => {
            let (d, path) = crate::services::duties::view(conn, &all, DutyId(id))?;
            (json(&d)?, path)
        }
        ChangeEntity::Liaison => {
            let (l, path) = crate::services::liaisons::published(conn, LiaisonId(id))?;
            (json(&l)?, path)
        }
        ChangeEntity::DuesBasis => {
            let (row, path) = crate::models::dues::BasisRow::find(conn, &all, DuesBasisId(id))?;
            let dto = crate::services::dues::entries::basis_dto(&row, Privacy::Full);
            (json(&dto)?, path)
        }
        ChangeEntity::DuesRelief => {
            let (row, path) = crate::models::dues::ReliefRow::find(conn, &all, DuesReliefId(id))?;
            (json(&records::relief_dto(row)?)?, path)
        }
        ChangeEntity::DuesArrangement => {
            let (row, path) =
                crate::models::dues::ArrangementRow::find(conn, &all, DuesArrangementId(id))?;
            (json(&records::arrangement_dto(row)?)?, path)
        }
        ChangeEntity::DuesPayment => {
            let (row, path) = crate::models::dues::PaymentRow::find(conn, &all, DuesPaymentId(id))?;
            (json(&records::payment_dto(row)?)?, path)
        }
        ChangeEntity::Organization
        | ChangeEntity::Member
        | ChangeEntity::Transfer
        | ChangeEntity::Evaluation
        | ChangeEntity::Card
        | ChangeEntity::Badge
        | ChangeEntity::BadgeProposal
        | ChangeEntity::Candidate => {
            return Err(AppError::internal(format!(
                "{} is not of the cell's year",
                entity.as_str()
            )))
        }
    })
}

/// The last change published of a record: its version, paths and body.
pub(super) struct Previous {
    /// Its version.
    pub version: i64,
    /// Its organisation path.
    pub scope_path: String,
    /// Its second path.
    pub other_path: Option<String>,
    /// Its body (JSON text).
    pub resource: String,
}

/// The last change published of the record `id` of `entity`, if any.
pub(super) fn previous(
    conn: &mut DbConn,
    entity: ChangeEntity,
    id: i64,
) -> AppResult<Option<Previous>> {
    Ok(changes::table
        .filter(changes::entity.eq(entity))
        .filter(changes::entity_id.eq(id))
        .order(changes::seq.desc())
        .select((
            changes::version,
            changes::scope_path,
            changes::other_path,
            changes::resource,
        ))
        .first::<(i64, String, Option<String>, String)>(conn)
        .optional()?
        .map(|(version, scope_path, other_path, resource)| Previous {
            version,
            scope_path,
            other_path,
            resource,
        }))
}

/// A published body as `privacy`'s reader may see it, as the record's `GET` would serve it to
/// them: a dues basis's income base (`Field::DuesBase`) is absent for integrations (and
/// viewers). The other records of the cell's year carry no governed field their `GET` masks.
pub(super) fn mask(entity: ChangeEntity, resource: &mut serde_json::Value, privacy: Privacy) {
    if entity != ChangeEntity::DuesBasis {
        return;
    }
    if let Some(base) = resource.get_mut("base") {
        *base = privacy
            .show_amount(crate::domain::privacy::Field::DuesBase, base.as_i64())
            .into();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dues_base_is_shown_to_the_clerks_only() {
        let body =
            serde_json::json!({"id": 1, "member_id": 2, "category": "pension", "base": 7_000_000});
        let seen = |entity: ChangeEntity, privacy: Privacy| {
            let mut b = body.clone();
            mask(entity, &mut b, privacy);
            b
        };
        assert_eq!(seen(ChangeEntity::DuesBasis, Privacy::Full), body);
        for p in [Privacy::Integration, Privacy::Masked, Privacy::Liaison] {
            let b = seen(ChangeEntity::DuesBasis, p);
            assert_eq!(b["base"], serde_json::Value::Null, "{p:?}");
            assert_eq!(b["category"], "pension");
        }
        // Only a basis has a base: another record's field of that name is its own business.
        assert_eq!(seen(ChangeEntity::DuesPayment, Privacy::Integration), body);
    }
}
