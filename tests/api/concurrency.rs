//! Concurrent writes to one member: a change the caller made without `If-Match` states no
//! precondition, so a concurrent change it races with makes it wait, never fail with 412.

use std::sync::mpsc;
use std::time::Duration;

use diesel::prelude::*;
use qldv_tests::{member_json, TestApp};
use serde_json::json;

#[actix_web::test]
async fn a_member_change_without_if_match_waits_for_a_concurrent_one_instead_of_failing() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin.create_member(member_json(t.cell, json!({}))).await;
    let wait = Duration::from_secs(30);

    // Another writer changes the member and stays open before committing.
    let (locked_tx, locked_rx) = mpsc::channel();
    let (commit_tx, commit_rx) = mpsc::channel::<()>();
    let pool = app.state.pool.clone();
    let other = std::thread::spawn(move || {
        let mut c = pool.get().unwrap();
        c.transaction(|c| {
            diesel::sql_query(format!(
                "UPDATE members SET version = version + 1 WHERE id = {id}"
            ))
            .execute(c)?;
            locked_tx.send(()).unwrap();
            commit_rx.recv_timeout(wait).unwrap();
            Ok::<_, diesel::result::Error>(())
        })
        .unwrap();
    });
    locked_rx.recv_timeout(wait).unwrap();

    // The request starts while the other change is open; the other change then commits. (If the
    // request has not reached the database by then, the test shows nothing, and still passes.)
    let path = format!("/api/v1/members/{id}/exemptions");
    let request = admin.post(
        &path,
        json!({"from": "2025-05-19", "to": "2025-08-19", "reason": "Ốm dài ngày"}),
    );
    let release = async {
        actix_web::rt::time::sleep(Duration::from_millis(500)).await;
        commit_tx.send(()).unwrap();
    };
    let (res, ()) = futures_util::future::join(request, release).await;
    other.join().unwrap();
    // Before: 412 `version_mismatch` on PostgreSQL, a precondition the caller never stated.
    res.assert_status(201);
}
