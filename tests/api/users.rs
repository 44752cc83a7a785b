//! User accounts: delegation of roles and scopes.

use qldv_tests::{TestApp, USER_PASSWORD};
use serde_json::json;

#[actix_web::test]
async fn an_organizer_creates_users_in_its_subtree_with_roles_up_to_its_own() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_org("Tỉnh ủy A", "province", None).await;
    let commune = admin.create_org("Đảng ủy xã A1", "commune", Some(a)).await;
    let org = app.user("to-chuc-a", "organizer", Some(a)).await;
    for role in ["organizer", "viewer", "integration"] {
        org.post(
            "/api/v1/users",
            json!({"username": format!("u-{role}"), "password": USER_PASSWORD, "role": role,
                   "organization_id": commune}),
        )
        .await
        .assert_status(201);
    }
    org.post(
        "/api/v1/users",
        json!({"username": "u-admin", "password": USER_PASSWORD, "role": "admin", "organization_id": commune}),
    )
    .await
    .assert_problem(403, "forbidden");
    let listed = org.get("/api/v1/users").await;
    assert_eq!(listed.json["items"].as_array().unwrap().len(), 4);
}

#[actix_web::test]
async fn user_names_are_unique_and_passwords_long_enough() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    admin
        .post(
            "/api/v1/users",
            json!({"username": "admin", "password": USER_PASSWORD, "role": "admin"}),
        )
        .await
        .assert_problem(409, "username_taken");
    let res = admin
        .post(
            "/api/v1/users",
            json!({"username": "x1y", "password": "short", "role": "admin"}),
        )
        .await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["field"], "password");
    admin
        .post(
            "/api/v1/users",
            json!({"username": "nobody", "password": USER_PASSWORD, "role": "viewer"}),
        )
        .await
        .assert_problem(422, "validation_failed");
}

#[actix_web::test]
async fn users_are_never_shown_with_their_password_hash() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let res = admin.get(&format!("/api/v1/users/{}", admin.id)).await;
    res.assert_status(200);
    assert!(!res.text.contains("argon2"));
    let audit = admin.get("/api/v1/audit?entity=user").await;
    assert!(!audit.text.contains("argon2"), "audit leaks a hash");
}

#[actix_web::test]
async fn nobody_locks_themselves_out() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    admin
        .patch(
            &format!("/api/v1/users/{}", admin.id),
            json!({"active": false}),
            None,
        )
        .await
        .assert_problem(422, "cannot_change_self");
}
