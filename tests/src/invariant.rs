//! The membership invariant, checked straight against the database after tests that move members.

use std::collections::HashMap;

use diesel::prelude::*;
use qldv::db::schema::{members, memberships, organizations, transfers};

/// Panics unless: every active member belongs to exactly one cell, with exactly one open
/// membership period pointing at it, and the member's stored path is that cell's path; a member
/// is in transit exactly when an official transfer of it is pending; and for every organisation,
/// its subtree count equals its own members plus its children's subtree counts (so an in-transit
/// member is counted once).
pub fn assert_membership_invariant(pool: &qldv::db::DbPool) {
    let mut conn = pool.get().expect("connection");
    let conn = &mut *conn;
    let active: Vec<(i64, i64, String, bool)> = members::table
        .filter(members::status.eq_any(["probationary", "official"]))
        .select((
            members::id,
            members::organization_id,
            members::org_path,
            members::in_transit,
        ))
        .load(conn)
        .expect("members");
    let orgs: Vec<(i64, Option<i64>, String)> = organizations::table
        .select((
            organizations::id,
            organizations::parent_id,
            organizations::path,
        ))
        .load(conn)
        .expect("organizations");
    let path_of: HashMap<i64, String> = orgs.iter().map(|(id, _, p)| (*id, p.clone())).collect();
    let open: Vec<(i64, i64)> = memberships::table
        .filter(memberships::to_on.is_null())
        .select((memberships::member_id, memberships::organization_id))
        .load(conn)
        .expect("memberships");
    let pending: Vec<i64> = transfers::table
        .filter(transfers::status.eq("pending"))
        .filter(transfers::kind.eq("official"))
        .select(transfers::member_id)
        .load(conn)
        .expect("transfers");
    for (id, org, path, in_transit) in &active {
        let periods: Vec<i64> = open
            .iter()
            .filter(|(m, _)| m == id)
            .map(|(_, o)| *o)
            .collect();
        assert_eq!(
            periods,
            vec![*org],
            "member {id}: open membership periods {periods:?}, cell {org}"
        );
        assert_eq!(
            path_of.get(org),
            Some(path),
            "member {id}: stored path differs from its cell's"
        );
        assert_eq!(
            *in_transit,
            pending.contains(id),
            "member {id}: in_transit vs pending transfer"
        );
    }
    let own = |o: i64| active.iter().filter(|(_, org, _, _)| *org == o).count();
    let subtree = |p: &str| {
        active
            .iter()
            .filter(|(_, _, path, _)| path.starts_with(p))
            .count()
    };
    for (id, _, path) in &orgs {
        let children: usize = orgs
            .iter()
            .filter(|(_, parent, _)| *parent == Some(*id))
            .map(|(_, _, p)| subtree(p))
            .sum();
        assert_eq!(
            subtree(path),
            own(*id) + children,
            "organisation {id}: subtree ≠ own + children"
        );
    }
}
