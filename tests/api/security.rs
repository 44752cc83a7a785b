//! Security headers on every response, CORS only for configured origins, body size limits.

use actix_web::http::Method;
use qldv_tests::TestApp;
use serde_json::json;

fn assert_hardened(res: &qldv_tests::Response, what: &str) {
    assert_eq!(
        res.header("x-content-type-options").as_deref(),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        res.header("x-frame-options").as_deref(),
        Some("DENY"),
        "{what}"
    );
    assert_eq!(
        res.header("referrer-policy").as_deref(),
        Some("no-referrer"),
        "{what}"
    );
    let csp = res.header("content-security-policy").unwrap_or_default();
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert!(
        !csp.contains("unsafe-eval'") || csp.contains("wasm-unsafe-eval"),
        "{what}"
    );
}

#[actix_web::test]
async fn every_response_carries_the_security_headers_errors_included() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let anon = app.anonymous();
    let ok = admin.get("/api/v1/organizations").await;
    ok.assert_status(200);
    assert_hardened(&ok, "a list");
    assert_eq!(ok.header("cache-control").as_deref(), Some("no-store"));
    assert_eq!(
        ok.header("content-security-policy").as_deref(),
        Some("default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
    );
    let unauthenticated = anon.get("/api/v1/members").await;
    unauthenticated.assert_problem(401, "not_authenticated");
    assert_hardened(&unauthenticated, "401");
    let missing = admin.get("/api/v1/no-such-thing").await;
    missing.assert_problem(404, "not_found");
    assert_hardened(&missing, "unknown API path");
    let page = anon.get("/members/1").await;
    assert_hardened(&page, "a page of the client");
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_hardened(&anon.get("/healthz").await, "health");
}

#[actix_web::test]
async fn a_configured_origin_may_call_the_api_from_a_browser_and_no_other() {
    let app = TestApp::builder()
        .cors_origin("https://dichvucong.example.vn")
        .build()
        .await;
    let anon = app.anonymous();
    let preflight = |origin: &'static str| {
        let anon = anon.clone();
        async move {
            anon.send(
                Method::OPTIONS,
                "/api/v1/members",
                None,
                &[
                    ("Origin", origin),
                    ("Access-Control-Request-Method", "GET"),
                    ("Access-Control-Request-Headers", "authorization"),
                ],
            )
            .await
        }
    };
    let allowed = preflight("https://dichvucong.example.vn").await;
    allowed.assert_status(204);
    assert_eq!(
        allowed.header("access-control-allow-origin").as_deref(),
        Some("https://dichvucong.example.vn")
    );
    assert!(allowed
        .header("access-control-allow-headers")
        .unwrap()
        .contains("Authorization"));
    let refused = preflight("https://evil.example.com").await;
    refused.assert_problem(403, "forbidden");
    assert!(refused.header("access-control-allow-origin").is_none());

    let admin = app.admin().await;
    let from = |origin: &'static str| {
        let admin = admin.clone();
        async move {
            admin
                .send(
                    Method::GET,
                    "/api/v1/organizations",
                    None,
                    &[("Origin", origin)],
                )
                .await
        }
    };
    let res = from("https://dichvucong.example.vn").await;
    res.assert_status(200);
    assert_eq!(
        res.header("access-control-allow-origin").as_deref(),
        Some("https://dichvucong.example.vn")
    );
    assert!(res.header("vary").unwrap_or_default().contains("Origin"));
    // Another origin gets the data only if it already holds a token, and its browser is not
    // allowed to read it: no allow-origin header.
    let other = from("https://evil.example.com").await;
    assert!(other.header("access-control-allow-origin").is_none());
}

#[actix_web::test]
async fn without_configuration_no_origin_is_allowed() {
    let app = TestApp::new().await;
    let res = app
        .anonymous()
        .send(
            Method::OPTIONS,
            "/api/v1/auth/login",
            None,
            &[
                ("Origin", "http://localhost:3000"),
                ("Access-Control-Request-Method", "POST"),
            ],
        )
        .await;
    res.assert_problem(403, "forbidden");
    assert!(res.header("access-control-allow-origin").is_none());
}

#[actix_web::test]
async fn a_body_over_the_limit_is_413_and_bad_json_is_400() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let huge = "x".repeat(qldv::JSON_LIMIT + 10);
    admin
        .post(
            "/api/v1/organizations",
            json!({"name": huge, "kind": "province"}),
        )
        .await
        .assert_problem(413, "payload_too_large");
    admin
        .send(
            Method::POST,
            "/api/v1/organizations",
            None,
            &[("content-type", "application/json")],
        )
        .await
        .assert_problem(400, "malformed_request");
}

#[actix_web::test]
async fn hsts_is_sent_behind_tls_and_only_then() {
    let plain = TestApp::new().await;
    let anon = plain.anonymous();
    for path in ["/healthz", "/api/v1/members", "/members/1"] {
        let res = anon.get(path).await;
        assert_eq!(
            res.header("strict-transport-security"),
            None,
            "{path} without QLDV_HSTS"
        );
    }
    let behind_tls = TestApp::builder().hsts().build().await;
    let anon = behind_tls.anonymous();
    let admin = behind_tls.admin().await;
    let answers = [
        ("/healthz", anon.get("/healthz").await),
        ("401", anon.get("/api/v1/members").await),
        ("a list", admin.get("/api/v1/organizations").await),
        ("a page of the client", anon.get("/members/1").await),
    ];
    for (what, res) in answers {
        assert_eq!(
            res.header("strict-transport-security").as_deref(),
            Some("max-age=31536000"),
            "{what} with QLDV_HSTS=1"
        );
    }
}
