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
    // Newest first: the clerk's sign-in, then its creation.
    let items = trail.json["items"].as_array().unwrap();
    let create = items.iter().find(|i| i["action"] == "create").unwrap();
    assert_eq!(create["after"]["username"], "clerk");
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
}

#[actix_web::test]
async fn a_chain_recomputed_without_the_key_is_found() {
    // Someone with the database but not the audit key rewrites an entry and recomputes every
    // hash and the head with the unkeyed SHA-256 chain: the keyed chain no longer verifies.
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
    let v = verify(&app, None);
    assert!(!v.intact(), "a chain recomputed without the key verified");
    // A head recorded outside the database shows it as well.
    let v = verify(&app, Some((before.head_seq, &before.head_hash)));
    assert!(
        v.problems.iter().any(|p| p.contains("viết lại")),
        "{:?}",
        v.problems
    );
}

/// A database writer slips an entry into the trail and moves the recorded boundary of the
/// entries that predate the chain over it, so that it passes for an old one.
fn slip_in_an_entry(app: &TestApp) {
    sql(
        app,
        "INSERT INTO audit_log (at, actor_username, action, entity, entity_id) \
         VALUES ('2026-01-01 00:00:00', 'admin', 'delete', 'member', '1')",
    );
    sql(
        app,
        "UPDATE audit_chain SET legacy_until = (SELECT MAX(id) FROM audit_log)",
    );
}

fn unchained(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    use qldv::db::schema::audit_log;
    let mut conn = app.state.pool.get().unwrap();
    audit_log::table
        .filter(audit_log::chain_seq.is_null())
        .count()
        .get_result(&mut conn)
        .unwrap()
}

fn chain_head(app: &TestApp) -> (i64, String, i64) {
    use diesel::prelude::*;
    use qldv::db::schema::audit_chain;
    let mut conn = app.state.pool.get().unwrap();
    audit_chain::table
        .find(1)
        .select((
            audit_chain::seq,
            audit_chain::hash,
            audit_chain::legacy_until,
        ))
        .first(&mut conn)
        .unwrap()
}

/// The server starting again on the app's database.
fn restart(app: &TestApp) {
    let opts = qldv::state::StateOptions {
        database_url: app.db.url.clone(),
        jwt_secret: vec![7; 48],
        access_token_minutes: 15,
        refresh_token_days: 14,
        refresh_family_days: 30,
        pool: Default::default(),
    };
    drop(qldv::startup::open(&opts).unwrap());
}

/// What `qldv audit verify` does.
fn cli_verify(app: &TestApp) -> qldv::models::audit_chain::Verification {
    // Before the fix, the command opened the state (migrating and chaining the entries below
    // `legacy_until`), then verified: `restart(app); verify(app, None)`.
    qldv::models::audit_chain::verify_database(&app.db.url, None).unwrap()
}

#[actix_web::test]
async fn restarting_the_server_does_not_launder_an_entry_slipped_in() {
    let app = a_trail().await;
    slip_in_an_entry(&app);
    // The server starts again on the same database.
    restart(&app);
    assert_eq!(
        unchained(&app),
        1,
        "the start-up chained the slipped-in entry"
    );
    let v = verify(&app, None);
    assert!(!v.intact(), "the slipped-in entry went unnoticed");
}

#[actix_web::test]
async fn the_command_line_verify_reports_an_entry_slipped_in_and_changes_nothing() {
    let app = a_trail().await;
    slip_in_an_entry(&app);
    let head = chain_head(&app);
    let v = cli_verify(&app);
    assert!(!v.intact(), "verify passed a slipped-in entry");
    assert_eq!(unchained(&app), 1, "verify chained the slipped-in entry");
    assert_eq!(chain_head(&app), head, "verify wrote to the database");
}

#[actix_web::test]
async fn the_recorded_boundaries_of_the_chain_cannot_be_moved() {
    // Moving the boundary of the pre-chain entries (or of the unkeyed part) breaks every keyed
    // entry: the boundaries are part of what each entry's HMAC covers.
    for statement in [
        "UPDATE audit_chain SET legacy_until = legacy_until + 1000",
        "UPDATE audit_chain SET keyed_from = keyed_from + 2",
    ] {
        let app = a_trail().await;
        sql(&app, statement);
        let v = verify(&app, None);
        assert!(!v.intact(), "{statement} went unnoticed");
    }
}

/// The trail's entries about `entity`, newest first.
async fn trail(app: &TestApp, entity: &str) -> Vec<serde_json::Value> {
    let res = app
        .admin()
        .await
        .get(&format!("/api/v1/audit?entity={entity}"))
        .await;
    res.assert_status(200);
    res.json["items"].as_array().unwrap().clone()
}

#[actix_web::test]
async fn sign_ins_are_audited_with_the_name_and_address_but_never_the_password() {
    let app = TestApp::new().await;
    app.anonymous()
        .post(
            "/api/v1/auth/login",
            json!({"username": "admin", "password": "wrong-password-123"}),
        )
        .await
        .assert_status(401);
    app.anonymous()
        .post(
            "/api/v1/auth/login",
            json!({"username": "nobody", "password": "wrong-password-456"}),
        )
        .await
        .assert_status(401);
    let admin = app.admin().await;
    let items = trail(&app, "user").await;
    let text = serde_json::to_string(&items).unwrap();
    assert!(!text.contains("wrong-password"), "{text}");
    assert!(!text.contains(qldv_tests::ADMIN_PASSWORD), "{text}");
    let actions: Vec<(&str, &str)> = items
        .iter()
        .map(|i| {
            (
                i["action"].as_str().unwrap(),
                i["after"]["username"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        actions.contains(&("sign_in_failed", "admin")),
        "{actions:?}"
    );
    assert!(
        actions.contains(&("sign_in_failed", "nobody")),
        "{actions:?}"
    );
    let ok = items
        .iter()
        .find(|i| i["action"] == "sign_in")
        .expect("a successful sign-in entry");
    assert_eq!(ok["actor_id"], admin.id);
    assert_eq!(ok["entity_id"], admin.id.to_string());
    assert!(ok["after"]["address"].is_string(), "{ok}");
    assert!(verify(&app, None).intact());
}

#[actix_web::test]
async fn exports_and_report_downloads_are_audited() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let tree = admin.create_tree("Tỉnh").await;
    for q in ["", "&format=xlsx"] {
        admin
            .get(&format!(
                "/api/v1/members/export?organization_id={}{q}",
                tree.province
            ))
            .await
            .assert_status(200);
    }
    admin
        .get(&format!(
            "/api/v1/reports/composition?organization_id={}&format=csv",
            tree.province
        ))
        .await
        .assert_status(200);
    admin
        .get(&format!(
            "/api/v1/sync/export?organization_id={}&since=0",
            tree.province
        ))
        .await
        .assert_status(200);
    let items = trail(&app, "export").await;
    let what: Vec<String> = items
        .iter()
        .map(|i| {
            format!(
                "{}:{}:{}",
                i["after"]["what"].as_str().unwrap_or("?"),
                i["after"]["format"].as_str().unwrap_or("?"),
                i["entity_id"].as_str().unwrap_or("?"),
            )
        })
        .collect();
    let p = tree.province;
    for expected in [
        format!("members:csv:{p}"),
        format!("members:xlsx:{p}"),
        format!("report/composition:csv:{p}"),
        format!("sync:json:{p}"),
    ] {
        assert!(what.contains(&expected), "{expected} not in {what:?}");
    }
    assert!(items.iter().all(|i| i["actor_id"] == admin.id));
    assert!(verify(&app, None).intact());
}

#[actix_web::test]
async fn trusting_a_sync_key_is_audited() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let key = qldv::services::sync::SyncKey::generate().public_key();
    let org = admin.create_org("Tỉnh bạn", "province", None).await;
    admin
        .post(
            "/api/v1/sync/trusted-keys",
            json!({"public_key": key, "name": "Tỉnh bạn", "organization_id": org}),
        )
        .await
        .assert_status(201);
    let items = trail(&app, "sync_key").await;
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["action"], "sync_trust");
    assert_eq!(items[0]["after"]["public_key"], key);
    assert_eq!(items[0]["after"]["name"], "Tỉnh bạn");
    assert_eq!(items[0]["actor_id"], admin.id);
}

#[actix_web::test]
async fn holding_a_discipline_is_audited_with_before_and_after() {
    let app = TestApp::builder().today("2026-06-01").build().await;
    let admin = app.admin().await;
    let tree = admin.create_tree("Tỉnh").await;
    let id = admin
        .create_member(qldv_tests::official_json(
            tree.cell,
            "Nguyễn Văn A",
            1980,
            "2010-05-01",
            1,
        ))
        .await;
    let d = admin
        .post(
            &format!("/api/v1/members/{id}/disciplines"),
            json!({"form": "reprimand", "decided_on": "2025-03-10", "decision_no": "1",
                   "reason": "x"}),
        )
        .await;
    d.assert_status(201);
    admin
        .post(
            &format!("/api/v1/members/{id}/disciplines/{}/hold", d.id()),
            json!({"kind": "complaint", "on": "2025-04-01"}),
        )
        .await
        .assert_status(200);
    let items = trail(&app, "discipline").await;
    let hold = items
        .iter()
        .find(|i| {
            i["action"] == "hold"
                && i["entity_id"].as_str().and_then(|s| s.parse().ok()) == Some(d.id())
        })
        .unwrap_or_else(|| panic!("no hold entry in {items:?}"));
    assert!(hold["before"]["complaint_on"].is_null(), "{hold}");
    assert_eq!(hold["after"]["complaint_on"], "2025-04-01");
    assert_eq!(hold["actor_id"], admin.id);
}

/// Rewrites the whole trail with the unkeyed SHA-256 links, as someone holding the database but
/// not the key can, and moves the keyed boundary past the head so that every link looks like one
/// from before the key.
fn downgrade(app: &TestApp) {
    use diesel::prelude::*;
    use qldv::db::schema::{audit_chain, audit_log};
    use qldv::models::audit::AuditRow;
    use qldv::models::audit_chain::{entry_hash, GENESIS};
    let mut conn = app.state.pool.get().unwrap();
    let rows: Vec<AuditRow> = audit_log::table
        .filter(audit_log::chain_seq.is_not_null())
        .order(audit_log::chain_seq)
        .select(AuditRow::as_select())
        .load(&mut conn)
        .unwrap();
    let mut prev = GENESIS.to_string();
    let mut head = 0;
    for r in rows {
        head = r.chain_seq.unwrap();
        prev = entry_hash(&prev, head, &r);
        diesel::update(audit_log::table.find(r.id))
            .set(audit_log::chain_hash.eq(&prev))
            .execute(&mut conn)
            .unwrap();
    }
    diesel::update(audit_chain::table.find(1))
        .set((
            audit_chain::hash.eq(&prev),
            audit_chain::keyed_from.eq(head + 1),
        ))
        .execute(&mut conn)
        .unwrap();
}

#[actix_web::test]
async fn a_trail_downgraded_to_unkeyed_links_is_found() {
    let app = a_trail().await;
    assert!(verify(&app, None).intact());
    sql(
        &app,
        "UPDATE audit_log SET actor_username = 'x' WHERE chain_seq = 1",
    );
    downgrade(&app);
    let v = verify(&app, None);
    assert!(!v.intact(), "a trail downgraded to unkeyed links verified");
    // A restart does not confirm the moved boundary.
    restart(&app);
    assert!(!verify(&app, None).intact());
}
