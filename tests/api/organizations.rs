//! The organisation tree.

use qldv_tests::TestApp;
use serde_json::json;

#[actix_web::test]
async fn the_tree_has_variable_depth_and_materialised_paths() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let p = admin
        .create_org("Thành ủy Hải Phòng", "province", None)
        .await;
    // Old data: a district between province and grassroots; new data: communes directly.
    let d = admin
        .create_org("Huyện ủy Thủy Nguyên", "district", Some(p))
        .await;
    let g = admin
        .create_org("Đảng bộ Công ty X", "grassroots_committee", Some(d))
        .await;
    let s = admin
        .create_org("Đảng bộ bộ phận Xưởng 1", "sub_committee", Some(g))
        .await;
    let cell = admin.create_org("Chi bộ Tổ máy 3", "cell", Some(s)).await;
    let commune = admin
        .create_org("Đảng ủy phường Lê Chân", "commune", Some(p))
        .await;
    let res = admin.get(&format!("/api/v1/organizations/{cell}")).await;
    res.assert_status(200);
    assert_eq!(res.json["path"], format!("/{p}/{d}/{g}/{s}/{cell}/"));
    assert_eq!(res.json["depth"], 4);
    let res = admin.get(&format!("/api/v1/organizations/{commune}")).await;
    assert_eq!(res.json["depth"], 1);
}

#[actix_web::test]
async fn kinds_go_downwards_and_cells_are_leaves() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let p = admin.create_org("Tỉnh ủy", "province", None).await;
    let cell = admin.create_org("Chi bộ", "cell", Some(p)).await;
    admin
        .post(
            "/api/v1/organizations",
            json!({"name": "x", "kind": "cell", "parent_id": cell}),
        )
        .await
        .assert_problem(422, "invalid_parent_kind");
    let c = admin.create_org("Đảng ủy xã", "commune", Some(p)).await;
    admin
        .post(
            "/api/v1/organizations",
            json!({"name": "x", "kind": "province", "parent_id": c}),
        )
        .await
        .assert_problem(422, "invalid_parent_kind");
    let res = admin
        .post(
            "/api/v1/organizations",
            json!({"name": "x", "kind": "galaxy", "parent_id": p}),
        )
        .await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["field"], "kind");
    let kinds = admin.get_all("/api/v1/organization-kinds", 4).await;
    assert_eq!(kinds.len(), 9);
}

#[actix_web::test]
async fn children_and_subtrees_page_with_cursors() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let p = admin.create_org("Tỉnh ủy", "province", None).await;
    let mut names = Vec::new();
    for i in 0..7 {
        let name = format!("Đảng ủy xã {i:02}");
        let c = admin.create_org(&name, "commune", Some(p)).await;
        admin
            .create_org(&format!("Chi bộ {i}"), "cell", Some(c))
            .await;
        names.push(name);
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let url = match &cursor {
            Some(c) => format!("/api/v1/organizations?parent_id={p}&limit=3&cursor={c}"),
            None => format!("/api/v1/organizations?parent_id={p}&limit=3"),
        };
        let page = admin.get(&url).await;
        page.assert_status(200);
        for o in page.json["items"].as_array().unwrap() {
            seen.push(o["name"].as_str().unwrap().to_string());
        }
        match page.json["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen, names);

    let sub = admin
        .get(&format!("/api/v1/organizations/{p}/subtree?limit=500"))
        .await;
    let items = sub.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 15);
    assert_eq!(items[0]["id"], p);
    // Parents come before their children.
    for (i, o) in items.iter().enumerate() {
        if let Some(parent) = o["parent_id"].as_i64() {
            assert!(items[..i].iter().any(|x| x["id"] == parent));
        }
    }
    let shallow = admin
        .get(&format!("/api/v1/organizations/{p}/subtree?max_depth=1"))
        .await;
    assert_eq!(shallow.json["items"].as_array().unwrap().len(), 8);
    admin
        .get(&format!(
            "/api/v1/organizations/{p}/subtree?cursor=garbage!"
        ))
        .await
        .assert_problem(400, "malformed_request");
}

#[actix_web::test]
async fn edits_need_the_current_version() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let p = admin.create_org("Tỉnh ủy", "province", None).await;
    let res = admin.get(&format!("/api/v1/organizations/{p}")).await;
    let etag = res.header("etag").unwrap();
    assert_eq!(etag, "\"1\"");
    let ok = admin
        .patch(
            &format!("/api/v1/organizations/{p}"),
            json!({"name": "Tỉnh ủy mới"}),
            Some(&etag),
        )
        .await;
    ok.assert_status(200);
    assert_eq!(ok.header("etag").as_deref(), Some("\"2\""));
    admin
        .patch(
            &format!("/api/v1/organizations/{p}"),
            json!({"name": "Lần hai"}),
            Some(&etag),
        )
        .await
        .assert_problem(412, "version_mismatch");
}

#[actix_web::test]
async fn of_concurrent_edits_with_one_etag_exactly_one_wins() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let p = admin.create_org("Tỉnh ủy", "province", None).await;
    let path = format!("/api/v1/organizations/{p}");
    let edits = (0..6).map(|i| {
        let admin = admin.clone();
        let path = path.clone();
        async move {
            admin
                .patch(&path, json!({"name": format!("Tên {i}")}), Some("\"1\""))
                .await
        }
    });
    let results = futures_util::future::join_all(edits).await;
    let won = results.iter().filter(|r| r.status == 200).count();
    let lost = results.iter().filter(|r| r.status == 412).count();
    assert_eq!((won, lost), (1, 5), "{results:?}");
}

#[actix_web::test]
async fn codes_are_unique() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    admin
        .post(
            "/api/v1/organizations",
            json!({"name": "A", "kind": "province", "code": "HP"}),
        )
        .await
        .assert_status(201);
    admin
        .post(
            "/api/v1/organizations",
            json!({"name": "B", "kind": "province", "code": "HP"}),
        )
        .await
        .assert_problem(409, "already_exists");
}
