//! The integrity check behind `qldv check` (after a crash, a restore or a sync): the membership
//! invariant and the tree's consistency, read straight from the tables.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use crate::db::schema::{members, memberships, organizations, transfers};
use crate::db::DbConn;
use crate::domain::tree;
use crate::error::AppResult;

/// Rows read per statement.
const BATCH: i64 = 50_000;

/// Every break of the invariants, in words (empty: the database is consistent):
/// - every organisation's path is its parent's path and its id (so subtree counts, which are
///   ranges of paths, add up: a subtree is its own members plus its children's subtrees);
/// - every active member has exactly one open membership period, in the cell it belongs to, and
///   carries that cell's path (so it is counted once, where it is);
/// - a member is in transit exactly when an official transfer of it is pending;
/// - the composition counts kept ahead of time are the counts of the members as they stand;
/// - the dues report's kept subtree sums are the sums of the cell-months under them.
pub fn check(conn: &mut DbConn) -> AppResult<Vec<String>> {
    let mut problems = Vec::new();
    let orgs: Vec<(i64, Option<i64>, String)> = organizations::table
        .select((
            organizations::id,
            organizations::parent_id,
            organizations::path,
        ))
        .load(conn)?;
    let path_of: HashMap<i64, &str> = orgs.iter().map(|(id, _, p)| (*id, p.as_str())).collect();
    for (id, parent, path) in &orgs {
        let expected = match parent {
            None => Some(tree::root_path(*id)),
            Some(p) => path_of.get(p).map(|pp| tree::child_path(pp, *id)),
        };
        if expected.as_deref() != Some(path.as_str()) {
            problems.push(format!(
                "tổ chức {id}: đường dẫn {path} không khớp với tổ chức cấp trên"
            ));
        }
    }
    let pending: HashSet<i64> = transfers::table
        .filter(transfers::status.eq(qldv_api_types::movements::TransferStatus::Pending))
        .filter(transfers::kind.eq(qldv_api_types::movements::TransferKind::Official))
        .select(transfers::member_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    let mut open: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut after = 0_i64;
    loop {
        let rows: Vec<(i64, i64, i64)> = memberships::table
            .filter(memberships::to_on.is_null())
            .filter(memberships::id.gt(after))
            .order(memberships::id)
            .limit(BATCH)
            .select((
                memberships::id,
                memberships::member_id,
                memberships::organization_id,
            ))
            .load(conn)?;
        let Some(last) = rows.last() else { break };
        after = last.0;
        for (_, member, org) in rows {
            open.entry(member).or_default().push(org);
        }
    }
    let mut active = HashSet::new();
    let mut after = 0_i64;
    loop {
        let rows: Vec<(i64, i64, String, bool)> = members::table
            .filter(members::status.eq_any(qldv_api_types::members::MemberStatus::ACTIVE))
            .filter(members::id.gt(after))
            .order(members::id)
            .limit(BATCH)
            .select((
                members::id,
                members::organization_id,
                members::org_path,
                members::in_transit,
            ))
            .load(conn)?;
        let Some(last) = rows.last() else { break };
        after = last.0;
        for (id, org, path, in_transit) in rows {
            active.insert(id);
            let periods = open.get(&id).map(Vec::as_slice).unwrap_or_default();
            if periods != [org] {
                problems.push(format!(
                    "đảng viên {id}: thời kỳ sinh hoạt đang mở {periods:?}, chi bộ {org}"
                ));
            }
            if path_of.get(&org) != Some(&path.as_str()) {
                problems.push(format!(
                    "đảng viên {id}: đường dẫn {path} khác đường dẫn của chi bộ {org}"
                ));
            }
            if in_transit != pending.contains(&id) {
                problems.push(format!(
                    "đảng viên {id}: trạng thái đang chuyển ({in_transit}) không khớp với giấy chuyển"
                ));
            }
        }
    }
    for (member, periods) in &open {
        if !active.contains(member) {
            problems.push(format!(
                "đảng viên {member} không còn sinh hoạt nhưng có thời kỳ đang mở {periods:?}"
            ));
        }
    }
    problems.extend(crate::models::composition_rollup::verify(conn)?);
    problems.extend(crate::models::dues::subtree::verify(conn)?);
    problems.sort();
    Ok(problems)
}
