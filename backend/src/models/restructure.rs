//! Set-based rewrites for restructures: a subtree's paths, its members' and transfers' paths,
//! and the tree's history.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
use qldv_api_types::{MemberId, OrgId};

use crate::db::schema::{members, organization_links, organizations, transfers};
use crate::db::DbConn;
use crate::domain::tree::subtree_range;
use crate::error::AppResult;

diesel::define_sql_function! {
    /// SQL `substr(text, start)`, 1-based, on both engines.
    fn substr(x: Text, start: Integer) -> Text;
}

/// Moves every path under `old` to under `new` (organisations, their depth, members, transfers),
/// in set-based statements.
pub fn rebase(conn: &mut DbConn, old: &str, new: &str, depth_delta: i32) -> AppResult<()> {
    // The composition counts: the subtree's members leave the counts above them, and arrive
    // under the new path once it is written.
    let recount = super::composition_rollup::moves_counts(old, new);
    if recount {
        super::composition_rollup::shift(conn, old, -1)?;
    }
    let (lo, hi) = subtree_range(old);
    let start = i32::try_from(old.len())
        .unwrap_or(i32::MAX)
        .saturating_add(1);
    diesel::update(
        organizations::table
            .filter(organizations::path.ge(&lo))
            .filter(organizations::path.lt(&hi)),
    )
    .set((
        organizations::path.eq(new
            .into_sql::<Text>()
            .concat(substr(organizations::path, start))),
        organizations::depth.eq(organizations::depth + depth_delta),
        organizations::version.eq(organizations::version + 1),
        organizations::updated_at.eq(super::now()),
    ))
    .execute(conn)?;
    diesel::update(
        members::table
            .filter(members::org_path.ge(&lo))
            .filter(members::org_path.lt(&hi)),
    )
    .set(
        members::org_path.eq(new
            .into_sql::<Text>()
            .concat(substr(members::org_path, start))),
    )
    .execute(conn)?;
    diesel::update(
        transfers::table
            .filter(transfers::from_path.ge(&lo))
            .filter(transfers::from_path.lt(&hi)),
    )
    .set(
        transfers::from_path.eq(new
            .into_sql::<Text>()
            .concat(substr(transfers::from_path, start))),
    )
    .execute(conn)?;
    diesel::update(
        transfers::table
            .filter(transfers::to_path.ge(&lo))
            .filter(transfers::to_path.lt(&hi)),
    )
    .set(
        transfers::to_path.eq(new
            .into_sql::<Text>()
            .concat(substr(transfers::to_path.assume_not_null(), start))
            .nullable()),
    )
    .execute(conn)?;
    if recount {
        super::composition_rollup::shift(conn, new, 1)?;
    }
    Ok(())
}

/// Records a new parent from `on` in the tree's history (closing the previous link).
pub fn relink(
    conn: &mut DbConn,
    org: OrgId,
    parent: Option<OrgId>,
    on: NaiveDate,
    decision_no: &str,
) -> AppResult<()> {
    diesel::update(
        organization_links::table
            .filter(organization_links::organization_id.eq(org))
            .filter(organization_links::to_on.is_null()),
    )
    .set(organization_links::to_on.eq(Some(on)))
    .execute(conn)?;
    if let Some(p) = parent {
        diesel::insert_into(organization_links::table)
            .values((
                organization_links::organization_id.eq(org),
                organization_links::parent_id.eq(Some(p)),
                organization_links::from_on.eq(Some(on)),
                organization_links::decision_no.eq(Some(decision_no)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Sets a new parent and closes or reopens nothing else.
pub fn set_parent(conn: &mut DbConn, org: OrgId, parent: OrgId) -> AppResult<()> {
    diesel::update(organizations::table.find(org))
        .set((
            organizations::parent_id.eq(Some(parent)),
            organizations::version.eq(organizations::version + 1),
            organizations::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Closes an organisation on `on`, with its successor after a merge.
pub fn close(
    conn: &mut DbConn,
    org: OrgId,
    on: NaiveDate,
    successor: Option<i64>,
    decision_no: &str,
) -> AppResult<()> {
    diesel::update(organizations::table.find(org))
        .set((
            organizations::valid_to.eq(Some(on)),
            organizations::successor_id.eq(successor),
            organizations::version.eq(organizations::version + 1),
            organizations::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    relink(conn, org, None, on, decision_no)
}

/// Active members registered directly in an organisation.
pub fn active_members_of(conn: &mut DbConn, org: OrgId) -> AppResult<Vec<MemberId>> {
    Ok(members::table
        .filter(members::organization_id.eq(org))
        .filter(members::status.eq_any(qldv_api_types::members::MemberStatus::ACTIVE))
        .select(members::id)
        .order(members::id)
        .load(conn)?)
}

/// Active members anywhere in a subtree.
pub fn active_members_in(conn: &mut DbConn, path: &str) -> AppResult<i64> {
    let (lo, hi) = subtree_range(path);
    Ok(members::table
        .filter(members::org_path.ge(lo))
        .filter(members::org_path.lt(hi))
        .filter(members::status.eq_any(qldv_api_types::members::MemberStatus::ACTIVE))
        .count()
        .get_result(conn)?)
}

/// Pending transfers from or to a subtree.
pub fn pending_transfers_in(conn: &mut DbConn, path: &str) -> AppResult<i64> {
    let (lo, hi) = subtree_range(path);
    Ok(transfers::table
        .filter(transfers::status.eq(qldv_api_types::movements::TransferStatus::Pending))
        .filter(
            transfers::from_path
                .ge(&lo)
                .and(transfers::from_path.lt(&hi))
                .or(transfers::to_path.ge(&lo).and(transfers::to_path.lt(&hi))),
        )
        .count()
        .get_result(conn)?)
}

/// Active children of an organisation.
pub fn active_children(conn: &mut DbConn, org: OrgId) -> AppResult<Vec<OrgId>> {
    Ok(organizations::table
        .filter(organizations::parent_id.eq(org))
        .filter(organizations::valid_to.is_null())
        .select(organizations::id)
        .order(organizations::id)
        .load(conn)?)
}

/// The organisations strictly below `path`, by id.
pub fn descendants(conn: &mut DbConn, path: &str) -> AppResult<Vec<i64>> {
    let (lo, hi) = subtree_range(path);
    Ok(organizations::table
        .filter(organizations::path.ge(lo))
        .filter(organizations::path.lt(hi))
        .filter(organizations::path.ne(path))
        .select(organizations::id)
        .order(organizations::id)
        .load(conn)?)
}
