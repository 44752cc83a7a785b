//! Publishing: each noted record rendered as the API returns it, numbered from the `changes`
//! counter and written to the feed.

use diesel::prelude::*;
use qldv_api_types::audit::AuditAction;
use qldv_api_types::changes::ChangeEntity;
use qldv_api_types::{CardId, MemberId, OrgId, ProposalId, TransferId};
use serde::Serialize;

use crate::auth::Scope;
use crate::db::schema::{badges, counters, evaluations, members};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::models::badge::BadgeRow;
use crate::models::badge_proposal::ProposalRow;
use crate::models::card::CardRow;
use crate::models::evaluation::EvaluationRow;
use crate::models::member::MemberRow;
use crate::models::organization::OrganizationRow;
use crate::models::transfer::TransferRow;

use super::cell_year;

/// What a record looks like to the feed right after a write.
struct Snapshot {
    resource: serde_json::Value,
    version: i64,
    scope_path: String,
    other_path: Option<String>,
}

fn snapshot<T: Serialize>(
    dto: &T,
    version: i64,
    scope_path: String,
    other_path: Option<String>,
) -> AppResult<Snapshot> {
    Ok(Snapshot {
        resource: serde_json::to_value(dto).map_err(|e| AppError::internal(e.to_string()))?,
        version,
        scope_path,
        other_path,
    })
}

/// A member record as the API returns it.
fn member_snapshot(m: &MemberRow, today: chrono::NaiveDate) -> AppResult<Snapshot> {
    snapshot(
        &m.to_dto(today, crate::domain::privacy::Privacy::Full),
        m.version,
        m.org_path.clone(),
        None,
    )
}

/// The record `id` of `entity` as the API returns it now (inside the writing transaction).
fn render(conn: &mut DbConn, entity: ChangeEntity, id: i64) -> AppResult<Snapshot> {
    let all = Scope::system();
    let today = crate::models::today();
    match entity {
        ChangeEntity::Organization => {
            let o = OrganizationRow::find(conn, &all, OrgId(id))?;
            snapshot(&o.to_dto(), o.version, o.path.clone(), None)
        }
        ChangeEntity::Member => member_snapshot(&MemberRow::find(conn, &all, MemberId(id))?, today),
        ChangeEntity::Transfer => {
            let t = TransferRow::reload(conn, TransferId(id))?;
            let dto = TransferRow::view(conn, &t)?;
            snapshot(&dto, t.version, t.from_path.clone(), t.to_path.clone())
        }
        ChangeEntity::Evaluation => {
            let (e, path): (EvaluationRow, String) = evaluations::table
                .inner_join(members::table)
                .filter(evaluations::id.eq(id))
                .select((EvaluationRow::as_select(), members::org_path))
                .first(conn)?;
            snapshot(&e.to_dto(), e.version, path, None)
        }
        ChangeEntity::Card => {
            let (c, name, path) = CardRow::find(conn, &all, CardId(id))?;
            snapshot(&c.to_dto(&name), c.version, path, None)
        }
        ChangeEntity::Badge => {
            let (b, name, path): (BadgeRow, String, String) = badges::table
                .inner_join(members::table)
                .filter(badges::id.eq(id))
                .select((BadgeRow::as_select(), members::full_name, members::org_path))
                .first(conn)?;
            // Awarded badges change only when returned: that is their second version.
            let version = if b.returned_on.is_some() { 2 } else { 1 };
            snapshot(&b.to_dto(&name), version, path, None)
        }
        ChangeEntity::Candidate => {
            let c = crate::models::candidate::view::view(
                conn,
                &all,
                MemberId(id),
                today,
                crate::domain::privacy::Privacy::Full,
            )?;
            let path =
                crate::models::candidate::CandidateRow::find(conn, &all, MemberId(id))?.org_path;
            snapshot(&c, c.version, path, None)
        }
        ChangeEntity::BadgeProposal => {
            let (p, m) = ProposalRow::find(conn, &all, ProposalId(id))?;
            snapshot(
                &p.to_dto(&m.full_name, m.organization_id),
                p.version,
                m.org_path,
                None,
            )
        }
        ChangeEntity::Meeting
        | ChangeEntity::Duty
        | ChangeEntity::Liaison
        | ChangeEntity::DuesBasis
        | ChangeEntity::DuesRelief
        | ChangeEntity::DuesArrangement
        | ChangeEntity::DuesPayment => {
            let (resource, scope_path) = cell_year::render(conn, entity, id)?;
            Ok(Snapshot {
                resource,
                // Numbered from the record's previous change by `publish`.
                version: 0,
                scope_path,
                other_path: None,
            })
        }
    }
}

/// A record numbered by the feed: its version follows its previous change's; one the write
/// deleted is published with the body it had last (nothing, if it never was published).
fn numbered(
    conn: &mut DbConn,
    (entity, id): (ChangeEntity, i64),
    rendered: AppResult<Snapshot>,
) -> AppResult<Option<Snapshot>> {
    let previous = cell_year::previous(conn, entity, id)?;
    let next = previous.as_ref().map_or(1, |p| p.version + 1);
    match rendered {
        Ok(snap) => Ok(Some(Snapshot {
            version: next,
            ..snap
        })),
        Err(AppError::NotFound(_)) => match previous {
            Some(p) => Ok(Some(Snapshot {
                resource: serde_json::from_str(&p.resource)
                    .map_err(|e| AppError::internal(e.to_string()))?,
                version: next,
                scope_path: p.scope_path,
                other_path: p.other_path,
            })),
            None => Ok(None),
        },
        Err(e) => Err(e),
    }
}

/// Records rendered, numbered and written together by [`publish`] (bounding its memory).
const PUBLISH_CHUNK: usize = 5_000;

/// Appends the changes `(entity, id, operation)` now, in that order: each record rendered as
/// the API returns it (members a few thousand per query), numbered by steps of the counter
/// (which the first step locks until the transaction ends), written set by set. A record that
/// no longer exists (its creation was rolled back to a savepoint) has nothing to publish.
pub(super) fn publish(
    conn: &mut DbConn,
    items: &[(ChangeEntity, i64, AuditAction)],
) -> AppResult<()> {
    use crate::db::bulk::{Batch, Lit};
    let today = crate::models::today();
    let at = crate::models::now();
    let columns = [
        "seq",
        "at",
        "entity",
        "entity_id",
        "operation",
        "version",
        "scope_path",
        "other_path",
        "resource",
    ];
    for items in items.chunks(PUBLISH_CHUNK) {
        let member_ids: Vec<MemberId> = items
            .iter()
            .filter(|(e, _, _)| *e == ChangeEntity::Member)
            .map(|(_, id, _)| MemberId(*id))
            .collect();
        let members: std::collections::HashMap<MemberId, MemberRow> = if member_ids.is_empty() {
            Default::default()
        } else {
            // A candidate's changes are not published as a member's (issue 22).
            crate::models::member_query::members_only()
                .filter(members::id.eq_any(&member_ids))
                .select(MemberRow::as_select())
                .load::<MemberRow>(conn)?
                .into_iter()
                .map(|m| (m.id, m))
                .collect()
        };
        let mut rows = Vec::with_capacity(items.len());
        for (entity, id, operation) in items {
            let snap = match entity {
                ChangeEntity::Member => match members.get(&MemberId(*id)) {
                    Some(m) => member_snapshot(m, today)?,
                    None => continue,
                },
                e if cell_year::numbered_by_feed(*e) => {
                    let rendered = render(conn, *e, *id);
                    match numbered(conn, (*e, *id), rendered)? {
                        Some(s) => s,
                        None => continue,
                    }
                }
                _ => match render(conn, *entity, *id) {
                    Ok(s) => s,
                    Err(AppError::NotFound(_)) => continue,
                    Err(e) => return Err(e),
                },
            };
            let resource = serde_json::to_string(&snap.resource)
                .map_err(|e| AppError::internal(e.to_string()))?;
            rows.push((*entity, *id, operation, snap, resource));
        }
        if rows.is_empty() {
            continue;
        }
        let n = i64::try_from(rows.len()).unwrap_or(i64::MAX);
        let last: i64 = diesel::update(counters::table.find("changes"))
            .set(counters::value.eq(counters::value + n))
            .returning(counters::value)
            .get_result(conn)?;
        let mut batch = Batch::new(conn, "changes", &columns).for_rows(rows.len());
        for (seq, (entity, id, operation, snap, resource)) in (last - n + 1..).zip(rows) {
            let full = batch.push(&[
                seq.into(),
                at.into(),
                entity.as_str().into(),
                id.into(),
                (*operation).into(),
                snap.version.into(),
                snap.scope_path.into(),
                Lit::from(snap.other_path),
                resource.into(),
            ]);
            if full {
                batch.flush(conn)?;
            }
        }
        batch.flush(conn)?;
    }
    Ok(())
}
