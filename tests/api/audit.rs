//! Every write leaves an audit entry: who, when, what, before and after.

use qldv_tests::TestApp;
use serde_json::json;

#[actix_web::test]
async fn creating_and_editing_an_organisation_is_audited_with_before_and_after() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let p = admin.create_org("Tỉnh ủy", "province", None).await;
    let res = admin
        .patch(
            &format!("/api/v1/organizations/{p}"),
            json!({"name": "Tỉnh ủy mới"}),
            None,
        )
        .await;
    res.assert_status(200);
    let request_id = res.header("x-request-id").unwrap();
    let trail = admin
        .get(&format!("/api/v1/audit?entity=organization&entity_id={p}"))
        .await;
    trail.assert_status(200);
    let items = trail.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    let update = &items[0];
    assert_eq!(update["action"], "update");
    assert_eq!(update["actor_username"], "admin");
    assert_eq!(update["actor_id"], admin.id);
    assert_eq!(update["request_id"], request_id);
    assert_eq!(update["before"]["name"], "Tỉnh ủy");
    assert_eq!(update["after"]["name"], "Tỉnh ủy mới");
    assert_eq!(items[1]["action"], "create");
    assert!(items[1]["before"].is_null());
}

#[actix_web::test]
async fn a_refused_write_leaves_no_entry() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let p = admin.create_org("Tỉnh ủy", "province", None).await;
    admin
        .patch(
            &format!("/api/v1/organizations/{p}"),
            json!({"name": "x"}),
            Some("\"9\""),
        )
        .await
        .assert_status(412);
    let trail = admin
        .get(&format!("/api/v1/audit?entity=organization&entity_id={p}"))
        .await;
    assert_eq!(trail.json["items"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn user_creation_is_audited() {
    let app = TestApp::new().await;
    let p = app
        .admin()
        .await
        .create_org("Tỉnh ủy", "province", None)
        .await;
    let clerk = app.user("clerk", "organizer", Some(p)).await;
    let admin = app.admin().await;
    let trail = admin
        .get(&format!("/api/v1/audit?entity=user&entity_id={}", clerk.id))
        .await;
    assert_eq!(trail.json["items"][0]["action"], "create");
    assert_eq!(trail.json["items"][0]["after"]["username"], "clerk");
}

/// Recomputes the chain of the app's trail.
fn verify(app: &TestApp, expect: Option<(i64, &str)>) -> qldv::models::audit_chain::Verification {
    let mut conn = app.state.pool.get().unwrap();
    qldv::models::audit_chain::verify(&mut conn, expect).unwrap()
}

fn sql(app: &TestApp, statement: &str) {
    use diesel::RunQueryDsl;
    let mut conn = app.state.pool.get().unwrap();
    diesel::sql_query(statement).execute(&mut conn).unwrap();
}

/// An administrator's trail of a few writes: three organisations, one renamed.
async fn a_trail() -> TestApp {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let p = admin.create_org("Tỉnh ủy", "province", None).await;
    let c = admin.create_org("Đảng ủy xã", "commune", Some(p)).await;
    admin.create_org("Chi bộ 1", "cell", Some(c)).await;
    admin
        .patch(
            &format!("/api/v1/organizations/{p}"),
            json!({"name": "Tỉnh ủy mới"}),
            None,
        )
        .await
        .assert_status(200);
    app
}

#[actix_web::test]
async fn the_trail_is_a_hash_chain_that_verifies_intact() {
    let app = a_trail().await;
    let v = verify(&app, None);
    assert!(v.intact(), "{:?}", v.problems);
    assert!(v.entries >= 4);
    assert_eq!(v.head_seq, v.entries);
    assert_eq!(v.head_hash.len(), 64);
    // A head recorded earlier still checks out after more writes.
    let head = (v.head_seq, v.head_hash.clone());
    app.admin()
        .await
        .create_org("Tỉnh ủy khác", "province", None)
        .await;
    let later = verify(&app, Some((head.0, &head.1)));
    assert!(later.intact(), "{:?}", later.problems);
    assert!(later.head_seq > head.0);
}

#[actix_web::test]
async fn an_edited_entry_is_found() {
    let app = a_trail().await;
    sql(
        &app,
        "UPDATE audit_log SET actor_username = 'someone-else' WHERE chain_seq = 2",
    );
    let v = verify(&app, None);
    assert_eq!(v.problems.len(), 1, "{:?}", v.problems);
    assert!(v.problems[0].contains("vị trí 2"), "{:?}", v.problems);
}

#[actix_web::test]
async fn a_removed_entry_in_the_middle_or_at_the_end_is_found() {
    let app = a_trail().await;
    sql(&app, "DELETE FROM audit_log WHERE chain_seq = 2");
    let v = verify(&app, None);
    assert_eq!(v.problems.len(), 1, "{:?}", v.problems);
    assert!(v.problems[0].contains("Thiếu mục 2–2"), "{:?}", v.problems);

    let app = a_trail().await;
    let head = verify(&app, None).head_seq;
    sql(
        &app,
        &format!("DELETE FROM audit_log WHERE chain_seq = {head}"),
    );
    let v = verify(&app, None);
    assert!(!v.intact());
    assert!(v.problems[0].contains("đầu chuỗi"), "{:?}", v.problems);
}

#[actix_web::test]
async fn an_entry_written_around_the_server_or_a_rewritten_chain_is_found() {
    let app = a_trail().await;
    sql(
        &app,
        "INSERT INTO audit_log (at, actor_username, action, entity, entity_id) \
         VALUES ('2026-01-01 00:00:00', 'admin', 'delete', 'member', '1')",
    );
    let v = verify(&app, None);
    assert_eq!(v.problems.len(), 1, "{:?}", v.problems);
    assert!(v.problems[0].contains("không nằm trong chuỗi"));

    // Someone with the database rewrites an entry and recomputes every hash and the head: only a
    // head recorded outside the database shows it.
    let app = a_trail().await;
    let before = verify(&app, None);
    sql(
        &app,
        "UPDATE audit_log SET actor_username = 'x' WHERE chain_seq = 1",
    );
    {
        use diesel::prelude::*;
        use qldv::db::schema::{audit_chain, audit_log};
        use qldv::models::audit::AuditRow;
        use qldv::models::audit_chain::{entry_hash, GENESIS};
        let mut conn = app.state.pool.get().unwrap();
        let rows: Vec<AuditRow> = audit_log::table
            .order(audit_log::chain_seq)
            .select(AuditRow::as_select())
            .load(&mut conn)
            .unwrap();
        let mut prev = GENESIS.to_string();
        for r in rows {
            prev = entry_hash(&prev, r.chain_seq.unwrap(), &r);
            diesel::update(audit_log::table.find(r.id))
                .set(audit_log::chain_hash.eq(&prev))
                .execute(&mut conn)
                .unwrap();
        }
        diesel::update(audit_chain::table.find(1))
            .set(audit_chain::hash.eq(&prev))
            .execute(&mut conn)
            .unwrap();
    }
    assert!(verify(&app, None).intact());
    let v = verify(&app, Some((before.head_seq, &before.head_hash)));
    assert!(!v.intact());
    assert!(v.problems[0].contains("viết lại"), "{:?}", v.problems);
}

#[actix_web::test]
async fn entries_from_before_the_chain_are_chained_once_at_start_up() {
    let app = a_trail().await;
    // As if these entries had been written by the version before the chain.
    sql(
        &app,
        "INSERT INTO audit_log (at, actor_username, action, entity, entity_id) \
         VALUES ('2026-01-01 00:00:00', 'admin', 'create', 'member', '1')",
    );
    sql(
        &app,
        "UPDATE audit_chain SET legacy_until = (SELECT MAX(id) FROM audit_log)",
    );
    let mut conn = app.state.pool.get().unwrap();
    assert_eq!(
        qldv::models::audit_chain::seal_legacy(&mut conn).unwrap(),
        1
    );
    assert_eq!(
        qldv::models::audit_chain::seal_legacy(&mut conn).unwrap(),
        0
    );
    let v = verify(&app, None);
    assert!(v.intact(), "{:?}", v.problems);
}
