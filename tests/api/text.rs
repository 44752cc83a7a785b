//! Text at the edge (rule 22): decomposed input stored composed, and legacy-font names found.

use qldv_tests::{member_json, Client, TestApp};
use serde_json::json;

/// "Nguyễn Văn Ánh" as macOS or a "Unicode tổ hợp" keyboard sends it (NFD).
const DECOMPOSED: &str = "Nguye\u{302}\u{303}n Va\u{306}n A\u{301}nh";

fn names(res: &qldv_tests::Response) -> Vec<String> {
    res.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["full_name"].as_str().unwrap().to_string())
        .collect()
}

async fn with_members(people: &[(&str, &str)]) -> (TestApp, Client) {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    for (name, cccd) in people {
        admin
            .create_member(member_json(
                t.cell,
                json!({"full_name": name, "national_id": cccd}),
            ))
            .await;
    }
    (app, admin)
}

#[actix_web::test]
async fn a_decomposed_name_is_stored_composed_and_found() {
    let (_app, admin) = with_members(&[(DECOMPOSED, "031090000001")]).await;
    let res = admin.get("/api/v1/members?q=nguyen%20van%20anh").await;
    res.assert_status(200);
    assert_eq!(names(&res), vec!["Nguyễn Văn Ánh"]);
    // Typed composed, with its diacritics.
    let res = admin
        .get("/api/v1/members?q=Nguy%E1%BB%85n%20%C3%81nh")
        .await;
    assert_eq!(names(&res), vec!["Nguyễn Văn Ánh"]);
}

#[actix_web::test]
async fn a_decomposed_name_sorts_like_a_composed_one() {
    let (_app, admin) = with_members(&[
        ("Lê Văn Bình", "031090000001"),
        (DECOMPOSED, "031090000002"),
        ("Trần Văn Anh", "031090000003"),
    ])
    .await;
    let res = admin.get("/api/v1/members?sort=name").await;
    assert_eq!(
        names(&res),
        vec!["Trần Văn Anh", "Nguyễn Văn Ánh", "Lê Văn Bình"]
    );
}

#[actix_web::test]
async fn a_decomposed_query_finds_a_composed_name() {
    let (_app, admin) = with_members(&[("Nguyễn Văn Ánh", "031090000001")]).await;
    // "Nguyễn" decomposed in the query string.
    let res = admin.get("/api/v1/members?q=Nguye%CC%82%CC%83n").await;
    assert_eq!(names(&res), vec!["Nguyễn Văn Ánh"]);
}

#[actix_web::test]
async fn names_typed_in_legacy_fonts_are_found_like_the_letters_they_stand_for() {
    let (_app, admin) = with_members(&[
        ("NguyÔn V¨n §øc", "031090000001"),
        ("Traàn Vaên Tuaán", "031090000002"),
    ])
    .await;
    let res = admin.get("/api/v1/members?q=nguyen%20van%20duc").await;
    assert_eq!(names(&res), vec!["NguyÔn V¨n §øc"]);
    let res = admin.get("/api/v1/members?q=tran%20tuan").await;
    assert_eq!(names(&res), vec!["Traàn Vaên Tuaán"]);
}
