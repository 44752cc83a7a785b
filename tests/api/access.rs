//! Authorisation: roles (403) and scopes (404, never data).

use qldv_tests::{Client, TestApp};
use serde_json::json;

/// Two provinces, each with a commune and a cell, an organizer in province A, and the ids of B's
/// records that A must never see.
struct TwoProvinces {
    app: TestApp,
    a_org: Client,
    a: i64,
    a_cell: i64,
    b: i64,
    b_commune: i64,
    b_cell: i64,
    b_user: i64,
}

async fn two_provinces() -> TwoProvinces {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_org("Tỉnh ủy A", "province", None).await;
    let a_commune = admin.create_org("Đảng ủy xã A1", "commune", Some(a)).await;
    let a_cell = admin
        .create_org("Chi bộ thôn A1-1", "cell", Some(a_commune))
        .await;
    let b = admin.create_org("Tỉnh ủy B", "province", None).await;
    let b_commune = admin.create_org("Đảng ủy xã B1", "commune", Some(b)).await;
    let b_cell = admin
        .create_org("Chi bộ thôn B1-1", "cell", Some(b_commune))
        .await;
    let a_org = app.user("to-chuc-a", "organizer", Some(a)).await;
    let b_user = app.user("to-chuc-b", "organizer", Some(b)).await.id;
    TwoProvinces {
        app,
        a_org,
        a,
        a_cell,
        b,
        b_commune,
        b_cell,
        b_user,
    }
}

#[actix_web::test]
async fn an_organizer_of_province_a_gets_404_for_everything_of_province_b() {
    let t = two_provinces().await;
    let c = &t.a_org;
    for id in [t.b, t.b_commune, t.b_cell] {
        c.get(&format!("/api/v1/organizations/{id}"))
            .await
            .assert_problem(404, "not_found");
        c.get(&format!("/api/v1/organizations/{id}/subtree"))
            .await
            .assert_problem(404, "not_found");
        c.get(&format!("/api/v1/organizations?parent_id={id}"))
            .await
            .assert_problem(404, "not_found");
        c.patch(
            &format!("/api/v1/organizations/{id}"),
            json!({"name": "x"}),
            None,
        )
        .await
        .assert_problem(404, "not_found");
        c.post(
            "/api/v1/organizations",
            json!({"name": "x", "kind": "cell", "parent_id": id}),
        )
        .await
        .assert_problem(404, "not_found");
        c.post(
            "/api/v1/users",
            json!({"username": format!("user-{id}"), "password": "0123456789a", "role": "viewer",
                   "organization_id": id}),
        )
        .await
        .assert_problem(404, "not_found");
    }
    c.get(&format!("/api/v1/users/{}", t.b_user))
        .await
        .assert_problem(404, "not_found");
    c.patch(
        &format!("/api/v1/users/{}", t.b_user),
        json!({"full_name": "x"}),
        None,
    )
    .await
    .assert_problem(404, "not_found");
    // Lists contain only A.
    let users = c.get("/api/v1/users").await;
    assert!(users.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|u| u["id"] != t.b_user));
    let top = c.get("/api/v1/organizations").await;
    let ids: Vec<i64> = top.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![t.a]);
    let audit = c.get("/api/v1/audit").await;
    audit.assert_status(200);
    assert!(
        !audit.text.contains("Tỉnh ủy B"),
        "audit leaks B: {}",
        audit.text
    );
}

#[actix_web::test]
async fn an_organizer_works_inside_its_own_subtree() {
    let t = two_provinces().await;
    let c = &t.a_org;
    c.get(&format!("/api/v1/organizations/{}", t.a_cell))
        .await
        .assert_status(200);
    let sub = c
        .get(&format!("/api/v1/organizations/{}/subtree", t.a))
        .await;
    assert_eq!(sub.json["items"].as_array().unwrap().len(), 3);
    let new = c.create_org("Chi bộ mới", "cell", Some(t.a)).await;
    assert!(new > 0);
}

#[actix_web::test]
async fn viewers_read_but_may_not_write() {
    let t = two_provinces().await;
    let viewer = t.app.user("xem-a", "viewer", Some(t.a)).await;
    viewer
        .get(&format!("/api/v1/organizations/{}", t.a))
        .await
        .assert_status(200);
    viewer
        .post(
            "/api/v1/organizations",
            json!({"name": "x", "kind": "cell", "parent_id": t.a}),
        )
        .await
        .assert_problem(403, "forbidden");
    viewer
        .patch(
            &format!("/api/v1/organizations/{}", t.a),
            json!({"name": "x"}),
            None,
        )
        .await
        .assert_problem(403, "forbidden");
    viewer
        .post(
            "/api/v1/users",
            json!({"username": "yy", "password": "0123456789a", "role": "viewer", "organization_id": t.a}),
        )
        .await
        .assert_problem(403, "forbidden");
    viewer
        .get("/api/v1/audit")
        .await
        .assert_problem(403, "forbidden");
    // Viewers of A see nothing of B either.
    viewer
        .get(&format!("/api/v1/organizations/{}", t.b))
        .await
        .assert_problem(404, "not_found");
}

#[actix_web::test]
async fn only_admins_create_roots() {
    let t = two_provinces().await;
    t.a_org
        .post(
            "/api/v1/organizations",
            json!({"name": "Tỉnh ủy C", "kind": "province"}),
        )
        .await
        .assert_problem(403, "forbidden");
}
