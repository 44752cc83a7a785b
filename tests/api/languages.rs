//! Problems come in the caller's language: Vietnamese by default, English when
//! `Accept-Language` prefers it; the code never changes and `Content-Language` says which.

use actix_web::http::Method;
use qldv_tests::{Client, Response, TestApp};
use serde_json::{json, Value};

const ENGLISH: &str = "en-US,en;q=0.9";

async fn post_in(client: &Client, path: &str, body: Value, lang: Option<&str>) -> Response {
    let headers: Vec<(&str, &str)> = lang
        .map(|l| vec![("accept-language", l)])
        .unwrap_or_default();
    client.send(Method::POST, path, Some(body), &headers).await
}

async fn get_in(client: &Client, path: &str, lang: Option<&str>) -> Response {
    let headers: Vec<(&str, &str)> = lang
        .map(|l| vec![("accept-language", l)])
        .unwrap_or_default();
    client.send(Method::GET, path, None, &headers).await
}

fn has_vietnamese(s: &str) -> bool {
    s.chars().any(|c| {
        "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
            .contains(c.to_lowercase().next().unwrap_or(c))
    })
}

/// Asserts the pair is the same problem, the first in Vietnamese, the second in English.
fn same_problem_two_languages(vi: &Response, en: &Response, status: u16, code: &str) {
    vi.assert_problem(status, code);
    en.assert_problem(status, code);
    assert_eq!(vi.header("content-language").as_deref(), Some("vi"));
    assert_eq!(en.header("content-language").as_deref(), Some("en"));
    for key in ["title", "detail"] {
        let (v, e) = (
            vi.json[key].as_str().unwrap_or_default(),
            en.json[key].as_str().unwrap_or_default(),
        );
        assert_ne!(v, e, "{key} is the same in both languages");
        assert!(has_vietnamese(v), "{key} not Vietnamese: {v}");
        assert!(!has_vietnamese(e), "{key} not English: {e}");
    }
}

#[actix_web::test]
async fn a_rule_refusal_in_vietnamese_by_default_and_in_english_on_request() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let p = admin.create_org("Tỉnh ủy", "province", None).await;
    let cell = admin.create_org("Chi bộ", "cell", Some(p)).await;
    let body = json!({"name": "x", "kind": "cell", "parent_id": cell});
    let vi = post_in(&admin, "/api/v1/organizations", body.clone(), None).await;
    let en = post_in(&admin, "/api/v1/organizations", body, Some(ENGLISH)).await;
    same_problem_two_languages(&vi, &en, 422, "invalid_parent_kind");
    assert!(
        en.json["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("is a cell"),
        "{}",
        en.text
    );
}

#[actix_web::test]
async fn field_messages_follow_the_language() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let body = json!({"name": "", "kind": ""});
    let vi = post_in(&admin, "/api/v1/organizations", body.clone(), None).await;
    let en = post_in(&admin, "/api/v1/organizations", body, Some(ENGLISH)).await;
    same_problem_two_languages(&vi, &en, 422, "validation_failed");
    let fields = |r: &Response| -> Vec<(String, String)> {
        r.json["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| (e["field"].to_string(), e["code"].to_string()))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(fields(&vi), fields(&en), "same fields and codes");
    let name_message = |r: &Response| {
        r.json["errors"][1]["message"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert!(has_vietnamese(&name_message(&vi)), "{}", vi.text);
    assert!(!has_vietnamese(&name_message(&en)), "{}", en.text);
}

#[actix_web::test]
async fn not_found_names_the_record_in_each_language() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let vi = get_in(&admin, "/api/v1/organizations/999999", None).await;
    let en = get_in(&admin, "/api/v1/organizations/999999", Some(ENGLISH)).await;
    same_problem_two_languages(&vi, &en, 404, "not_found");
    assert!(
        en.json["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("organisation"),
        "{}",
        en.text
    );
}

#[actix_web::test]
async fn the_preferred_range_decides_and_anything_else_is_vietnamese() {
    let app = TestApp::new().await;
    let anonymous = app.anonymous();
    for (header, lang) in [
        ("vi;q=0.5, en;q=0.8", "en"),
        ("EN", "en"),
        ("fr-FR", "vi"),
        ("en;q=0, vi", "vi"),
        ("vi-VN,vi;q=0.9,en;q=0.8", "vi"),
    ] {
        let res = get_in(&anonymous, "/api/v1/auth/me", Some(header)).await;
        res.assert_problem(401, "not_authenticated");
        assert_eq!(
            res.header("content-language").as_deref(),
            Some(lang),
            "{header}"
        );
    }
}
