//! Errors are RFC 9457 problem documents with stable codes and the request id.

use actix_web::http::Method;
use qldv_tests::TestApp;
use serde_json::json;

#[actix_web::test]
async fn validation_errors_name_each_field() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let res = admin
        .post("/api/v1/organizations", json!({"name": "", "kind": ""}))
        .await;
    res.assert_problem(422, "validation_failed");
    let fields: Vec<&str> = res.json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["kind", "name"]);
    assert!(res.json["errors"][1]["message"]
        .as_str()
        .unwrap()
        .contains("Tên"));
}

#[actix_web::test]
async fn unreadable_json_is_400() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let res = admin
        .send(
            Method::POST,
            "/api/v1/organizations",
            None,
            &[("content-type", "application/json")],
        )
        .await;
    res.assert_problem(400, "malformed_request");
    let res = admin
        .post("/api/v1/organizations", json!({"name": 5}))
        .await;
    res.assert_problem(400, "malformed_request");
    admin
        .get("/api/v1/organizations/abc")
        .await
        .assert_problem(400, "malformed_request");
}

#[actix_web::test]
async fn the_request_id_is_in_the_header_and_the_body() {
    let app = TestApp::new().await;
    let res = app
        .anonymous()
        .send(
            Method::GET,
            "/api/v1/auth/me",
            None,
            &[("x-request-id", "trace-123")],
        )
        .await;
    res.assert_problem(401, "not_authenticated");
    assert_eq!(res.header("x-request-id").as_deref(), Some("trace-123"));
    assert_eq!(res.json["request_id"], "trace-123");
    // A forged id with line breaks or spaces is replaced.
    let res = app
        .anonymous()
        .send(
            Method::GET,
            "/api/v1/auth/me",
            None,
            &[("x-request-id", "a b")],
        )
        .await;
    assert_ne!(res.header("x-request-id").as_deref(), Some("a b"));
}

#[actix_web::test]
async fn unknown_api_paths_are_problem_404s_and_other_paths_reach_the_web_client() {
    let app = TestApp::new().await;
    app.anonymous()
        .get("/api/v1/nothing-here")
        .await
        .assert_problem(404, "not_found");
    let page = app.anonymous().get("/members/12").await;
    page.assert_status(200);
    assert!(page.text.contains("QLĐV"));
}

#[actix_web::test]
async fn a_known_path_with_another_method_is_405_naming_the_methods_it_has() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let res = admin
        .send(
            actix_web::http::Method::DELETE,
            "/api/v1/members/12",
            None,
            &[],
        )
        .await;
    res.assert_problem(405, "method_not_allowed");
    assert_eq!(res.header("allow").as_deref(), Some("GET, PATCH"));
    // A literal path wins over the template that caught the request.
    let res = admin
        .patch("/api/v1/members/export", serde_json::json!({}), None)
        .await;
    res.assert_problem(405, "method_not_allowed");
    assert_eq!(res.header("allow").as_deref(), Some("GET"));
    let res = app
        .anonymous()
        .send(actix_web::http::Method::TRACE, "/healthz", None, &[])
        .await;
    res.assert_problem(405, "method_not_allowed");
    admin
        .get("/api/v1/members/1/nothing")
        .await
        .assert_problem(404, "not_found");
}

#[actix_web::test]
async fn out_of_range_page_sizes_and_years_are_refused_not_bent() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    for q in ["limit=0", "limit=501", "limit=-3"] {
        admin
            .get(&format!("/api/v1/members?{q}"))
            .await
            .assert_problem(400, "malformed_request");
    }
    admin
        .get("/api/v1/members?limit=500")
        .await
        .assert_status(200);
    admin
        .get("/api/v1/organizations/1/subtree?max_depth=-1")
        .await
        .assert_problem(400, "malformed_request");
    admin
        .get("/api/v1/badges?year=-2147483648")
        .await
        .assert_problem(400, "malformed_request");
    admin
        .get("/api/v1/evaluations?organization_id=1&year=99999")
        .await
        .assert_problem(400, "malformed_request");
}
