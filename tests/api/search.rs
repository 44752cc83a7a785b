//! Vietnamese search and order of the member list.

use qldv_tests::{member_json, Client, TestApp};
use serde_json::json;

const PEOPLE: [(&str, &str, &str); 8] = [
    ("Nguyễn Văn An", "male", "031090000001"),
    ("Trần Thị Ánh", "female", "031190000002"),
    ("Lê Văn Anh", "male", "031090000003"),
    ("Phạm Đức Bình", "male", "031090000004"),
    ("Đỗ Thị Lan", "female", "031190000005"),
    ("Hoàng Văn Đạt", "male", "031090000006"),
    ("Vũ Thị Dung", "female", "031190000007"),
    ("Nguyễn An", "male", "031090000008"),
];

async fn seeded() -> (TestApp, Client, i64) {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    for (name, gender, cccd) in PEOPLE {
        admin
            .create_member(member_json(
                t.cell,
                json!({"full_name": name, "gender": gender, "national_id": cccd}),
            ))
            .await;
    }
    (app, admin, t.province)
}

fn names(res: &qldv_tests::Response) -> Vec<String> {
    res.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["full_name"].as_str().unwrap().to_string())
        .collect()
}

#[actix_web::test]
async fn search_works_without_diacritics() {
    let (_app, admin, province) = seeded().await;
    let res = admin
        .get(&format!(
            "/api/v1/members?organization_id={province}&q=nguyen%20van%20an"
        ))
        .await;
    res.assert_status(200);
    assert_eq!(names(&res), vec!["Nguyễn Văn An"]);
    // Word prefixes; đ is d.
    let res = admin.get("/api/v1/members?q=dat").await;
    assert_eq!(names(&res), vec!["Hoàng Văn Đạt"]);
    let res = admin.get("/api/v1/members?q=an").await;
    assert_eq!(
        names(&res),
        vec!["Nguyễn An", "Nguyễn Văn An", "Lê Văn Anh", "Trần Thị Ánh"]
    );
    // Typed with diacritics it still matches.
    let res = admin.get("/api/v1/members?q=%C4%90%E1%BB%97%20lan").await; // "Đỗ lan"
    assert_eq!(names(&res), vec!["Đỗ Thị Lan"]);
    // An exact CCCD.
    let res = admin.get("/api/v1/members?q=031090000004").await;
    assert_eq!(names(&res), vec!["Phạm Đức Bình"]);
    // Inside words does not match ("lan" is not a prefix of a word of "Đạt").
    let res = admin.get("/api/v1/members?q=at").await;
    assert!(names(&res).is_empty());
}

#[actix_web::test]
async fn the_list_is_in_vietnamese_order_by_given_name() {
    let (_app, admin, _) = seeded().await;
    let res = admin.get("/api/v1/members?sort=name").await;
    assert_eq!(
        names(&res),
        vec![
            "Nguyễn An",
            "Nguyễn Văn An",
            "Lê Văn Anh",
            "Trần Thị Ánh",
            "Phạm Đức Bình",
            "Vũ Thị Dung",
            "Hoàng Văn Đạt",
            "Đỗ Thị Lan",
        ]
    );
    admin
        .get("/api/v1/members?sort=age")
        .await
        .assert_problem(400, "malformed_request");
}

#[actix_web::test]
async fn keyset_pages_are_stable_under_inserts() {
    let (app, admin, _) = seeded().await;
    let first = admin.get("/api/v1/members?limit=3").await;
    assert_eq!(
        names(&first),
        vec!["Nguyễn An", "Nguyễn Văn An", "Lê Văn Anh"]
    );
    let cursor = first.json["next_cursor"].as_str().unwrap().to_string();
    // Someone adds a member who sorts before the cursor, and one after.
    let cell = first.json["items"][0]["organization_id"].as_i64().unwrap();
    admin
        .create_member(member_json(
            cell,
            json!({"full_name": "Bùi Thị Ái", "gender": "female", "national_id": "031190000009"}),
        ))
        .await;
    admin
        .create_member(member_json(
            cell,
            json!({"full_name": "Bùi Văn Cường", "national_id": "031090000010"}),
        ))
        .await;
    let second = admin
        .get(&format!("/api/v1/members?limit=3&cursor={cursor}"))
        .await;
    assert_eq!(
        names(&second),
        vec!["Trần Thị Ánh", "Phạm Đức Bình", "Bùi Văn Cường"]
    );
    let _ = app;
}

#[actix_web::test]
async fn status_filters_the_list() {
    let (_app, admin, _) = seeded().await;
    let res = admin.get("/api/v1/members?status=official").await;
    assert!(names(&res).is_empty());
    let res = admin
        .get("/api/v1/members?status=probationary&limit=2")
        .await;
    assert_eq!(names(&res).len(), 2);
    assert!(res.json["next_cursor"].is_string());
}

#[actix_web::test]
async fn a_corrected_name_is_found_by_its_new_words_and_not_its_old_ones() {
    let (_app, admin, _) = seeded().await;
    let res = admin.get("/api/v1/members?q=dung").await;
    let id = res.json["items"][0]["id"].as_i64().unwrap();
    let version = res.json["items"][0]["version"]
        .as_i64()
        .unwrap()
        .to_string();
    admin
        .patch(
            &format!("/api/v1/members/{id}"),
            json!({"full_name": "Vũ Thị Thùy Dương"}),
            Some(&format!("\"{version}\"")),
        )
        .await
        .assert_status(200);
    assert_eq!(
        names(&admin.get("/api/v1/members?q=thuy%20duong").await),
        vec!["Vũ Thị Thùy Dương"]
    );
    assert!(names(&admin.get("/api/v1/members?q=dung").await).is_empty());
    // The index the search starts from holds exactly the new words.
    let mut conn = _app.state.pool.get().unwrap();
    qldv::models::name_word::refresh_stats(&mut conn).unwrap();
    for (word, n) in [("duong", 1), ("thuy", 1), ("dung", 0)] {
        assert_eq!(
            qldv::models::name_word::count_prefix(&mut conn, word).unwrap(),
            n,
            "{word}"
        );
    }
}
