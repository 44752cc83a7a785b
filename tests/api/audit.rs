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
