//! The committed OpenAPI document is what the code serves.

use qldv_tests::TestApp;

const REGENERATE: &str = "cargo run -p qldv -- openapi --out openapi/openapi.json";

#[actix_web::test]
async fn the_committed_document_matches_the_served_one() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(path)
            .unwrap_or_else(|_| panic!("{path} missing; run {REGENERATE}")),
    )
    .unwrap();
    let app = TestApp::new().await;
    let served = app.anonymous().get("/api/v1/openapi.json").await;
    served.assert_status(200);
    assert!(
        committed == served.json,
        "openapi/openapi.json is out of date: run `{REGENERATE}` and commit it"
    );
    assert_eq!(served.json["openapi"], "3.1.0");
}

#[actix_web::test]
async fn every_operation_is_documented() {
    let doc = serde_json::to_value(qldv::openapi_document()).unwrap();
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 10);
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let where_ = format!("{method} {path}");
            assert!(op["summary"].is_string(), "{where_} has no summary");
            assert!(
                op["tags"].as_array().is_some_and(|t| !t.is_empty()),
                "{where_} has no tag"
            );
            assert!(op["operationId"].is_string(), "{where_} has no operationId");
            let responses = op["responses"].as_object().unwrap();
            assert!(
                responses.keys().any(|k| k.starts_with('2')),
                "{where_} has no success response"
            );
            assert!(
                responses.contains_key("500"),
                "{where_} lacks the shared errors"
            );
            if path.starts_with("/api/v1/")
                && !path.starts_with("/api/v1/auth/login")
                && !path.starts_with("/api/v1/auth/refresh")
                && !path.starts_with("/api/v1/auth/logout")
            {
                assert!(
                    op["security"].is_array(),
                    "{where_} is not marked as needing a token"
                );
            }
        }
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}
