//! Sign-in, refresh rotation, re-use detection, throttling, API tokens.

use qldv_tests::{TestApp, ADMIN_PASSWORD, USER_PASSWORD};
use serde_json::json;

async fn login_pair(app: &TestApp, user: &str, pw: &str) -> (String, String) {
    let res = app
        .anonymous()
        .post(
            "/api/v1/auth/login",
            json!({"username": user, "password": pw}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["token_type"], "Bearer");
    assert!(res.json["expires_in"].as_i64().unwrap() > 0);
    (
        res.json["access_token"].as_str().unwrap().into(),
        res.json["refresh_token"].as_str().unwrap().into(),
    )
}

#[actix_web::test]
async fn login_returns_tokens_that_identify_the_user() {
    let app = TestApp::new().await;
    let (access, _) = login_pair(&app, "admin", ADMIN_PASSWORD).await;
    let me = app.with_token(&access).get("/api/v1/auth/me").await;
    me.assert_status(200);
    assert_eq!(me.json["username"], "admin");
    assert_eq!(me.json["role"], "admin");
    assert!(me.json["organization_id"].is_null());
}

#[actix_web::test]
async fn wrong_password_and_unknown_user_get_the_same_401() {
    let app = TestApp::new().await;
    let anon = app.anonymous();
    let a = anon
        .post(
            "/api/v1/auth/login",
            json!({"username": "admin", "password": "nope"}),
        )
        .await;
    a.assert_problem(401, "invalid_credentials");
    let b = anon
        .post(
            "/api/v1/auth/login",
            json!({"username": "ghost", "password": "nope"}),
        )
        .await;
    b.assert_problem(401, "invalid_credentials");
    assert_eq!(a.json["detail"], b.json["detail"]);
}

#[actix_web::test]
async fn refresh_rotates_and_the_old_token_stops_working() {
    let app = TestApp::new().await;
    let (_, r1) = login_pair(&app, "admin", ADMIN_PASSWORD).await;
    let anon = app.anonymous();
    let res = anon
        .post("/api/v1/auth/refresh", json!({"refresh_token": r1}))
        .await;
    res.assert_status(200);
    let r2 = res.json["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(r1, r2);
    let access = res.json["access_token"].as_str().unwrap();
    app.with_token(access)
        .get("/api/v1/auth/me")
        .await
        .assert_status(200);
    // r2 works once.
    let res = anon
        .post("/api/v1/auth/refresh", json!({"refresh_token": r2}))
        .await;
    res.assert_status(200);
}

#[actix_web::test]
async fn reusing_a_spent_refresh_token_revokes_the_whole_family() {
    let app = TestApp::new().await;
    let (_, r1) = login_pair(&app, "admin", ADMIN_PASSWORD).await;
    let (_, other_session) = login_pair(&app, "admin", ADMIN_PASSWORD).await;
    let anon = app.anonymous();
    let r2 = anon
        .post("/api/v1/auth/refresh", json!({"refresh_token": r1}))
        .await
        .json["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    // An attacker replays r1: refused, and the legitimate r2 dies with it.
    anon.post("/api/v1/auth/refresh", json!({"refresh_token": r1}))
        .await
        .assert_problem(401, "refresh_token_reused");
    anon.post("/api/v1/auth/refresh", json!({"refresh_token": r2}))
        .await
        .assert_problem(401, "invalid_refresh_token");
    // Another sign-in of the same user is a different family and keeps working.
    anon.post(
        "/api/v1/auth/refresh",
        json!({"refresh_token": other_session}),
    )
    .await
    .assert_status(200);
}

#[actix_web::test]
async fn logout_ends_the_session() {
    let app = TestApp::new().await;
    let (_, r1) = login_pair(&app, "admin", ADMIN_PASSWORD).await;
    let anon = app.anonymous();
    anon.post("/api/v1/auth/logout", json!({"refresh_token": r1}))
        .await
        .assert_status(204);
    anon.post("/api/v1/auth/refresh", json!({"refresh_token": r1}))
        .await
        .assert_problem(401, "invalid_refresh_token");
}

#[actix_web::test]
async fn missing_bad_and_expired_tokens_are_401() {
    let app = TestApp::new().await;
    app.anonymous()
        .get("/api/v1/auth/me")
        .await
        .assert_problem(401, "not_authenticated");
    let res = app
        .with_token("not-a-jwt")
        .get("/api/v1/organizations")
        .await;
    res.assert_problem(401, "invalid_token");
    assert_eq!(res.header("www-authenticate").as_deref(), Some("Bearer"));

    let expired = TestApp::builder().access_token_minutes(-1).build().await;
    let res = expired
        .anonymous()
        .post(
            "/api/v1/auth/login",
            json!({"username": "admin", "password": ADMIN_PASSWORD}),
        )
        .await;
    let access = res.json["access_token"].as_str().unwrap();
    expired
        .with_token(access)
        .get("/api/v1/auth/me")
        .await
        .assert_problem(401, "invalid_token");
}

#[actix_web::test]
async fn five_failures_from_one_address_lock_that_user_name_for_15_minutes() {
    let app = TestApp::new().await;
    let org = app
        .admin()
        .await
        .create_org("Tỉnh ủy A", "province", None)
        .await;
    app.user("clerk", "organizer", Some(org)).await;
    let anon = app.anonymous();
    for _ in 0..5 {
        anon.post(
            "/api/v1/auth/login",
            json!({"username": "admin", "password": "wrong"}),
        )
        .await
        .assert_problem(401, "invalid_credentials");
    }
    // The sixth attempt is refused even with the right password.
    let res = anon
        .post(
            "/api/v1/auth/login",
            json!({"username": "admin", "password": ADMIN_PASSWORD}),
        )
        .await;
    res.assert_problem(429, "rate_limited");
    let retry: i64 = res.header("retry-after").unwrap().parse().unwrap();
    assert!(retry > 0 && retry <= 15 * 60, "Retry-After {retry}");
    // Another user name from the same address is not affected.
    app.login("clerk", USER_PASSWORD).await;
}

#[actix_web::test]
async fn a_deactivated_user_can_no_longer_use_its_tokens() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let org = admin.create_org("Tỉnh ủy A", "province", None).await;
    let (user_id, refresh) = {
        let c = app.user("clerk", "organizer", Some(org)).await;
        let (_, r) = login_pair(&app, "clerk", USER_PASSWORD).await;
        (c.id, r)
    };
    admin
        .patch(
            &format!("/api/v1/users/{user_id}"),
            json!({"active": false}),
            None,
        )
        .await
        .assert_status(200);
    app.anonymous()
        .post("/api/v1/auth/refresh", json!({"refresh_token": refresh}))
        .await
        .assert_problem(401, "invalid_refresh_token");
    app.anonymous()
        .post(
            "/api/v1/auth/login",
            json!({"username": "clerk", "password": USER_PASSWORD}),
        )
        .await
        .assert_problem(401, "invalid_credentials");
}

#[actix_web::test]
async fn api_tokens_work_for_integration_accounts_until_revoked() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let org = admin.create_org("Tỉnh ủy A", "province", None).await;
    let system = app.user("cong-dvc", "integration", Some(org)).await;
    let created = admin
        .post(
            "/api/v1/api-tokens",
            json!({"user_id": system.id, "name": "Cổng dịch vụ công"}),
        )
        .await;
    created.assert_status(201);
    let secret = created.json["secret"].as_str().unwrap().to_string();
    assert!(secret.starts_with("qldv_"));
    let token_id = created.id();

    let integration = app.with_token(&secret);
    let me = integration.get("/api/v1/auth/me").await;
    me.assert_status(200);
    assert_eq!(me.json["role"], "integration");
    integration
        .get(&format!("/api/v1/organizations/{org}"))
        .await
        .assert_status(200);
    // Read-only: it may not write.
    integration
        .post(
            "/api/v1/organizations",
            json!({"name": "X", "kind": "commune", "parent_id": org}),
        )
        .await
        .assert_problem(403, "forbidden");
    // The listing never shows the secret again.
    let list = admin
        .get_all(&format!("/api/v1/api-tokens?user_id={}", system.id), 50)
        .await;
    assert!(!json!(list).to_string().contains(&secret));
    assert_eq!(list[0]["token_prefix"], secret[..11]);

    admin
        .post(&format!("/api/v1/api-tokens/{token_id}/revoke"), json!({}))
        .await
        .assert_status(200);
    integration
        .get("/api/v1/auth/me")
        .await
        .assert_problem(401, "invalid_token");
}

#[actix_web::test]
async fn api_tokens_are_only_for_integration_accounts_and_only_admins_make_them() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let org = admin.create_org("Tỉnh ủy A", "province", None).await;
    let organizer = app.user("clerk", "organizer", Some(org)).await;
    admin
        .post(
            "/api/v1/api-tokens",
            json!({"user_id": organizer.id, "name": "x"}),
        )
        .await
        .assert_problem(422, "validation_failed");
    organizer
        .post(
            "/api/v1/api-tokens",
            json!({"user_id": organizer.id, "name": "x"}),
        )
        .await
        .assert_problem(403, "forbidden");
}
