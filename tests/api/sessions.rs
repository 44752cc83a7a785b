//! Sessions and secrets: one's own password changes only with the current one, a sign-in has an
//! absolute lifetime, access tokens carry and check `iss`/`aud`, files holding secrets are created
//! private, and no idempotency record keeps a token secret.

use actix_web::http::Method;
use diesel::prelude::*;
use qldv::db::schema::{idempotency_keys, refresh_tokens};
use qldv_tests::{TestApp, ADMIN_PASSWORD, JWT_SECRET};
use serde_json::json;

#[actix_web::test]
async fn changing_ones_own_password_needs_the_current_one() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let me = format!("/api/v1/users/{}", admin.id);
    // A stolen access token alone cannot take the account over.
    let res = admin
        .patch(&me, json!({"password": "a-new-password-1"}), None)
        .await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["field"], "current_password");
    let res = admin
        .patch(
            &me,
            json!({"password": "a-new-password-1", "current_password": "not-it-at-all"}),
            None,
        )
        .await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["field"], "current_password");
    app.login("admin", ADMIN_PASSWORD).await;
    admin
        .patch(
            &me,
            json!({"password": "a-new-password-1", "current_password": ADMIN_PASSWORD}),
            None,
        )
        .await
        .assert_status(200);
    app.login("admin", "a-new-password-1").await;
    // Resetting someone else's password is an administrator's act and needs no current one.
    let org = admin.create_org("Tỉnh ủy A", "province", None).await;
    let clerk = admin
        .post(
            "/api/v1/users",
            json!({"username": "clerk", "password": "clerk-password-1", "role": "organizer",
                   "organization_id": org}),
        )
        .await
        .id();
    admin
        .patch(
            &format!("/api/v1/users/{clerk}"),
            json!({"password": "reset-by-admin-1"}),
            None,
        )
        .await
        .assert_status(200);
    app.login("clerk", "reset-by-admin-1").await;
}

#[actix_web::test]
async fn a_sign_in_cannot_be_kept_alive_past_its_absolute_lifetime() {
    let app = TestApp::new().await;
    let anon = app.anonymous();
    let login = anon
        .post(
            "/api/v1/auth/login",
            json!({"username": "admin", "password": ADMIN_PASSWORD}),
        )
        .await;
    let r1 = login.json["refresh_token"].as_str().unwrap().to_string();
    let r2 = anon
        .post("/api/v1/auth/refresh", json!({"refresh_token": r1}))
        .await
        .json["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    // The sign-in began 31 days ago (the default absolute lifetime is 30 days); its latest token
    // is fresh, but the sign-in is over.
    {
        let mut conn = app.state.pool.get().unwrap();
        diesel::update(refresh_tokens::table)
            .set(refresh_tokens::issued_at.eq(qldv::models::now() - chrono::Duration::days(31)))
            .filter(refresh_tokens::used_at.is_not_null())
            .execute(&mut conn)
            .unwrap();
    }
    anon.post("/api/v1/auth/refresh", json!({"refresh_token": r2}))
        .await
        .assert_problem(401, "invalid_refresh_token");
}

fn forge(claims: serde_json::Value) -> String {
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(JWT_SECRET),
    )
    .unwrap()
}

#[actix_web::test]
async fn access_tokens_must_name_this_issuer_and_audience() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let now = chrono::Utc::now().timestamp();
    let base = json!({"sub": admin.id.to_string(), "iat": now, "exp": now + 600, "typ": "access"});
    let with = |extra: serde_json::Value| {
        let mut c = base.clone();
        for (k, v) in extra.as_object().unwrap() {
            c[k] = v.clone();
        }
        forge(c)
    };
    // Signed with the right key, but not minted as this server's access token.
    for token in [
        forge(base.clone()),
        with(json!({"iss": "qldv"})),
        with(json!({"aud": "qldv-api"})),
        with(json!({"iss": "other", "aud": "qldv-api"})),
        with(json!({"iss": "qldv", "aud": "qldv-sync"})),
    ] {
        app.with_token(&token)
            .get("/api/v1/auth/me")
            .await
            .assert_problem(401, "invalid_token");
    }
    app.with_token(&with(json!({"iss": "qldv", "aud": "qldv-api"})))
        .get("/api/v1/auth/me")
        .await
        .assert_status(200);
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[actix_web::test]
async fn the_database_file_keys_and_secrets_are_created_readable_by_the_server_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qldv.db");
    let url = format!("sqlite://{}", db.display());
    drop(qldv::db::connect(&url).unwrap());
    assert_eq!(mode(&db), 0o600, "database file");
    qldv::config::jwt_secret(&url).unwrap();
    assert_eq!(mode(&dir.path().join("jwt.secret")), 0o600, "jwt.secret");
    qldv::config::sync_key(&url).unwrap();
    assert_eq!(mode(&dir.path().join("sync.key")), 0o600, "sync.key");
}

#[actix_web::test]
async fn an_api_token_secret_is_never_kept_for_an_idempotent_replay() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let org = admin.create_org("Tỉnh ủy A", "province", None).await;
    let system = app.user("cong-dvc", "integration", Some(org)).await;
    let body = json!({"user_id": system.id, "name": "Cổng dịch vụ công"});
    let key = [("idempotency-key", "token-once")];
    let created = admin
        .send(Method::POST, "/api/v1/api-tokens", Some(body.clone()), &key)
        .await;
    created.assert_status(201);
    let secret = created.json["secret"].as_str().unwrap().to_string();
    let stored: Vec<Option<String>> = {
        let mut conn = app.state.pool.get().unwrap();
        idempotency_keys::table
            .select(idempotency_keys::response_body)
            .load(&mut conn)
            .unwrap()
    };
    for body in stored.iter().flatten() {
        assert!(!body.contains(&secret), "the secret is stored: {body}");
    }
    // A retry does not create a second token, and cannot show the secret again.
    let again = admin
        .send(Method::POST, "/api/v1/api-tokens", Some(body), &key)
        .await;
    again.assert_problem(409, "idempotency_secret_not_replayed");
    assert!(!again.text.contains(&secret));
    let list = admin
        .get_all(&format!("/api/v1/api-tokens?user_id={}", system.id), 50)
        .await;
    assert_eq!(list.len(), 1);
    // Sign-in and refresh answers are never kept at all.
    let login = app
        .anonymous()
        .send(
            Method::POST,
            "/api/v1/auth/login",
            Some(json!({"username": "admin", "password": ADMIN_PASSWORD})),
            &[("idempotency-key", "login-once")],
        )
        .await;
    login.assert_status(200);
    let mut conn = app.state.pool.get().unwrap();
    let bodies: Vec<Option<String>> = idempotency_keys::table
        .select(idempotency_keys::response_body)
        .load(&mut conn)
        .unwrap();
    let refresh = login.json["refresh_token"].as_str().unwrap();
    assert!(bodies.iter().flatten().all(|b| !b.contains(refresh)));
}

#[cfg(unix)]
#[actix_web::test]
async fn a_generated_admin_password_goes_to_a_private_file_not_the_log() {
    use qldv::services::bootstrap::{ensure_admin, AdminPassword, Bootstrap};
    let db = qldv_tests::TestDb::create();
    let mut conn = qldv::db::connect(&db.url).unwrap();
    qldv::db::run_migrations(&mut conn).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secrets").join("admin.password");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    // A file left by an earlier installation, readable by others: replaced, not reused.
    std::fs::write(&file, "stale\n").unwrap();
    let outcome = ensure_admin(&mut conn, AdminPassword::GenerateInto(&file)).unwrap();
    assert_eq!(outcome, Bootstrap::GeneratedInto(file.clone()));
    assert_eq!(mode(&file), 0o600);
    let password = std::fs::read_to_string(&file).unwrap().trim().to_string();
    assert_ne!(password, "stale");
    // What the server logs is the outcome: it names the file, never the password.
    assert!(!format!("{outcome:?}").contains(&password));
    let admin = qldv::models::user::UserRow::by_username(&mut conn, "admin")
        .unwrap()
        .unwrap();
    assert!(qldv::auth::password::verify(
        &password,
        &admin.password_hash
    ));
    // Once there are users, nothing is generated or written again.
    assert_eq!(
        ensure_admin(&mut conn, AdminPassword::GenerateInto(&file)).unwrap(),
        Bootstrap::AlreadyHasUsers
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap().trim(),
        password.as_str()
    );
}
