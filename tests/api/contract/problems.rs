//! The contract integrators generate clients from (issue 19): problem codes catalogued per
//! operation, 412 and 429 only where they can happen, operationIds that say what they do. These
//! read the served document (the `openapi` tests keep the committed one equal to it).

use qldv_api_types::ErrorCode;
use serde_json::Value;

use super::{doc as committed, operations};

fn response<'a>(doc: &'a Value, r: &'a Value) -> &'a Value {
    match r["$ref"].as_str() {
        Some(at) => {
            let name = at.trim_start_matches("#/components/responses/");
            &doc["components"]["responses"][name]
        }
        None => r,
    }
}

fn has_param(op: &Value, name: &str) -> bool {
    op["parameters"]
        .as_array()
        .is_some_and(|ps| ps.iter().any(|p| p["name"] == name))
}

#[test]
fn problem_codes_are_a_published_enum_with_every_code_the_server_sends() {
    let doc = committed();
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["Problem"]["properties"]["code"]["$ref"], "#/components/schemas/ErrorCode",
        "Problem.code is not the ErrorCode catalogue"
    );
    let listed: Vec<&str> = schemas["ErrorCode"]["enum"]
        .as_array()
        .expect("ErrorCode is an enum")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for code in ErrorCode::ALL {
        assert!(listed.contains(&code.as_str()), "{code} not published");
    }
    for code in [
        "probation_not_finished",
        "quota_exceeded",
        "transfer_not_pending",
    ] {
        assert!(listed.contains(&code), "{code} not published");
    }
}

#[test]
fn every_operation_lists_the_problem_codes_it_can_answer() {
    let doc = committed();
    for (method, path, op) in operations(&doc) {
        for (status, r) in op["responses"].as_object().unwrap() {
            if !status.starts_with('4') && !status.starts_with('5') {
                continue;
            }
            let r = response(&doc, r);
            let codes = r["x-problem-codes"]
                .as_array()
                .unwrap_or_else(|| panic!("{method} {path} {status} lists no codes"));
            assert!(!codes.is_empty(), "{method} {path} {status} lists no codes");
            for code in codes {
                let code = code.as_str().unwrap();
                let known = ErrorCode::from_wire(code)
                    .unwrap_or_else(|| panic!("{method} {path}: {code} is not catalogued"));
                assert_eq!(
                    known.status().to_string(),
                    *status,
                    "{method} {path}: {code} is not a {status}"
                );
            }
        }
    }
}

#[test]
fn precondition_and_rate_limit_answers_are_declared_only_where_they_happen() {
    let doc = committed();
    let mut throttled = 0;
    for (method, path, op) in operations(&doc) {
        let responses = op["responses"].as_object().unwrap();
        assert_eq!(
            responses.contains_key("412"),
            has_param(&op, "If-Match"),
            "{method} {path}: 412 declared without If-Match, or If-Match without 412"
        );
        if let Some(r) = responses.get("429") {
            throttled += 1;
            assert!(
                response(&doc, r)["headers"]["Retry-After"].is_object(),
                "{method} {path}: 429 without Retry-After"
            );
        }
    }
    // Sign-in, password confirmation, imports (members', candidates', a cell's meetings and
    // dues) and the identifier checks of member writes.
    assert!(
        (4..=11).contains(&throttled),
        "429 declared on {throttled} operations"
    );
}

#[test]
fn versioned_resources_declare_their_etag() {
    let doc = committed();
    for (path, status, method) in [
        ("/api/v1/members/{id}", "200", "get"),
        ("/api/v1/members/{id}", "200", "patch"),
        ("/api/v1/members", "201", "post"),
        ("/api/v1/organizations/{id}", "200", "get"),
        ("/api/v1/cards/{id}", "200", "get"),
        ("/api/v1/users/{id}", "200", "get"),
    ] {
        let r = &doc["paths"][path][method]["responses"][status];
        assert!(
            r["headers"]["ETag"].is_object(),
            "{method} {path} {status} does not declare ETag"
        );
    }
}

#[test]
fn operation_ids_use_the_verb_of_their_path() {
    let doc = committed();
    for (method, path, op) in operations(&doc) {
        let id = op["operationId"].as_str().unwrap();
        let last = path
            .rsplit('/')
            .find(|s| !s.starts_with('{'))
            .unwrap_or_default()
            .replace('-', "_");
        let verb = id.split('_').next().unwrap_or_default();
        let ok = match method.as_str() {
            "get" => ["list", "get", "export"].contains(&verb),
            "put" => verb == "put",
            "patch" => verb == "update",
            "delete" => verb == "delete",
            // A POST creates, or names the action its path ends with (`/accept`, `/login`).
            "post" => {
                verb == "create"
                    || last.starts_with(verb)
                    || (last == "recognition" && verb == "recognize")
                    || (last == "readmission" && verb == "readmit")
                    || (last == "non_recognition" && verb == "refuse")
            }
            _ => true,
        };
        assert!(
            ok,
            "{method} {path}: operationId {id} does not say what it does"
        );
    }
}

/// The caller is refused before its body is judged, whichever extractor finishes first: a
/// viewer's invalid body is 403, an anonymous one 401, never 422.
#[actix_web::test]
async fn a_refused_caller_is_refused_before_its_body_is_judged() {
    let app = qldv_tests::TestApp::new().await;
    let admin = app.admin().await;
    let province = admin.create_org("Tỉnh", "province", None).await;
    let viewer = app.user("xem", "viewer", Some(province)).await;
    for _ in 0..20 {
        viewer
            .post("/api/v1/organizations", serde_json::json!({"name": ""}))
            .await
            .assert_problem(403, "forbidden");
        viewer
            .post("/api/v1/transfers/1/accept", serde_json::json!({}))
            .await
            .assert_problem(403, "forbidden");
        app.anonymous()
            .post("/api/v1/organizations", serde_json::json!({"name": ""}))
            .await
            .assert_problem(401, "not_authenticated");
    }
}

#[test]
fn every_created_or_accepted_response_declares_location() {
    let doc = committed();
    let mut seen = 0;
    for (method, path, op) in operations(&doc) {
        for status in ["201", "202"] {
            let r = &op["responses"][status];
            if r.is_null() {
                continue;
            }
            seen += 1;
            let location = &response(&doc, r)["headers"]["Location"];
            assert_eq!(
                location["schema"]["type"], "string",
                "{method} {path} {status}: no Location"
            );
        }
    }
    assert!(seen > 10, "only {seen} 201/202 responses");
}
