//! The membership invariant, checked straight against the database after tests that move members.

/// Panics unless `qldv check` would pass: every organisation's path follows its parent's (so a
/// subtree count equals its own members plus its children's subtree counts); every active member
/// has exactly one open membership period, in its cell, and carries that cell's path (so it is
/// counted once); a member is in transit exactly when an official transfer of it is pending; no
/// member who left keeps an open period.
pub fn assert_membership_invariant(pool: &qldv::db::DbPool) {
    let mut conn = pool.get().expect("connection");
    let problems = qldv::services::integrity::check(&mut conn).expect("integrity check");
    assert!(
        problems.is_empty(),
        "invariant broken:\n{}",
        problems.join("\n")
    );
}
