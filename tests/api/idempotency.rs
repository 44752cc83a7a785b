//! `Idempotency-Key`: a retried create returns the first result instead of creating twice.

use actix_web::http::Method;
use qldv_tests::TestApp;
use serde_json::json;

#[actix_web::test]
async fn the_same_key_and_body_return_the_first_result_and_create_once() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let body = json!({"name": "Tỉnh ủy A", "kind": "province"});
    let key = [("idempotency-key", "7f0c-create-a")];
    let first = admin
        .send(
            Method::POST,
            "/api/v1/organizations",
            Some(body.clone()),
            &key,
        )
        .await;
    first.assert_status(201);
    let again = admin
        .send(Method::POST, "/api/v1/organizations", Some(body), &key)
        .await;
    again.assert_status(201);
    assert_eq!(again.json, first.json);
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    let roots = admin.get("/api/v1/organizations").await;
    assert_eq!(roots.json["items"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn the_same_key_with_another_body_is_refused() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let key = [("idempotency-key", "k1")];
    admin
        .send(
            Method::POST,
            "/api/v1/organizations",
            Some(json!({"name": "A", "kind": "province"})),
            &key,
        )
        .await
        .assert_status(201);
    admin
        .send(
            Method::POST,
            "/api/v1/organizations",
            Some(json!({"name": "B", "kind": "province"})),
            &key,
        )
        .await
        .assert_problem(422, "idempotency_key_reused");
}

#[actix_web::test]
async fn a_failed_request_can_be_retried_with_its_key_and_keys_are_per_user() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let key = [("idempotency-key", "k2")];
    admin
        .send(
            Method::POST,
            "/api/v1/organizations",
            Some(json!({"name": "", "kind": "province"})),
            &key,
        )
        .await
        .assert_problem(422, "validation_failed");
    let p = admin
        .send(
            Method::POST,
            "/api/v1/organizations",
            Some(json!({"name": "A", "kind": "province"})),
            &key,
        )
        .await;
    p.assert_status(201);
    let organizer = app.user("clerk", "organizer", Some(p.id())).await;
    let child = organizer
        .send(
            Method::POST,
            "/api/v1/organizations",
            Some(json!({"name": "A", "kind": "province"})),
            &key,
        )
        .await;
    // Another user's identical key is unrelated: this one is judged on its own (organizers may
    // not create roots).
    child.assert_problem(403, "forbidden");
}

/// The request kept to recognise a retry is a keyed digest: a `POST /users` body holds the new
/// account's password, and an unsalted SHA-256 of it in the database could be guessed offline.
#[actix_web::test]
async fn the_kept_digest_of_a_request_cannot_be_recomputed_from_the_database() {
    use diesel::prelude::*;
    use qldv::db::schema::idempotency_keys;
    use sha2::{Digest, Sha256};
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let org = admin.create_org("Tỉnh ủy A", "province", None).await;
    let body = json!({"username": "moi", "password": "mat-khau-ban-dau-2026", "role": "viewer",
                      "organization_id": org});
    admin
        .send(
            Method::POST,
            "/api/v1/users",
            Some(body.clone()),
            &[("idempotency-key", "user-moi-1")],
        )
        .await
        .assert_status(201);
    let mut conn = app.state.pool.get().unwrap();
    let kept: String = idempotency_keys::table
        .filter(idempotency_keys::idem_key.eq("user-moi-1"))
        .select(idempotency_keys::request_hash)
        .first(&mut conn)
        .unwrap();
    let mut unsalted = Sha256::new();
    unsalted.update(b"/api/v1/users?\n");
    unsalted.update(serde_json::to_vec(&body).unwrap());
    assert_ne!(
        kept,
        hex::encode(unsalted.finalize()),
        "an unsalted digest of the password"
    );
}
