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

/// The schema named by a `$ref`, or the schema itself.
fn resolve<'a>(doc: &'a serde_json::Value, s: &'a serde_json::Value) -> &'a serde_json::Value {
    match s["$ref"].as_str().and_then(|r| r.rsplit('/').next()) {
        Some(name) => &doc["components"]["schemas"][name],
        None => s,
    }
}

/// The object parts of a schema: itself and, through `allOf` (a flattened struct), its parts.
fn object_parts<'a>(
    doc: &'a serde_json::Value,
    s: &'a serde_json::Value,
    out: &mut Vec<&'a serde_json::Value>,
) {
    let s = resolve(doc, s);
    for part in s["allOf"].as_array().into_iter().flatten() {
        object_parts(doc, part, out);
    }
    if s["properties"].is_object() {
        out.push(s);
    }
}

/// Whether a property accepts `null` (an `Option` field).
fn nullable(p: &serde_json::Value) -> bool {
    let null_type = |t: &serde_json::Value| {
        t["type"] == "null"
            || t["type"]
                .as_array()
                .is_some_and(|a| a.contains(&"null".into()))
    };
    null_type(p)
        || ["oneOf", "anyOf"]
            .iter()
            .any(|k| p[*k].as_array().is_some_and(|a| a.iter().any(null_type)))
}

/// Issue 20: a client generated from the document must know which fields of a request body it
/// has to send. Every property of every request body that is neither nullable (`Option`) nor
/// given a default (`#[serde(default)]`) is listed as required.
#[actix_web::test]
async fn every_request_body_lists_its_required_fields() {
    let doc = serde_json::to_value(qldv::openapi_document()).unwrap();
    let mut missing = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let content = op["requestBody"]["content"].as_object().cloned();
            for body in content.iter().flat_map(|c| c.values()) {
                let mut parts = Vec::new();
                object_parts(&doc, &body["schema"], &mut parts);
                for part in parts {
                    let required: Vec<&str> = part["required"]
                        .as_array()
                        .map(|r| r.iter().filter_map(|v| v.as_str()).collect())
                        .unwrap_or_default();
                    for (name, p) in part["properties"].as_object().unwrap() {
                        if !nullable(p)
                            && p.get("default").is_none()
                            && !required.contains(&&**name)
                        {
                            missing.push(format!("{method} {path}: {name}"));
                        }
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "neither required, nullable nor defaulted:\n{}",
        missing.join("\n")
    );
}
