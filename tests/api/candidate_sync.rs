//! Candidates in the change feed and the sync packages (issue 22): every candidate write
//! publishes the file as `GET /candidates/{id}` returns it; a package from one installation
//! recreates the candidate's identity, file and steps in another, and after the ceremony the
//! member record the file became.

use qldv_tests::TestApp;
use serde_json::{json, Value};

use crate::candidates::{candidate_json, introduce_and_resolve, prepare, step};

/// The feed's items about record `id`, oldest first.
async fn feed_of(admin: &qldv_tests::Client, id: i64) -> Vec<Value> {
    let feed = admin.get("/api/v1/changes?limit=500").await;
    feed.assert_status(200);
    feed.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["id"] == id && (c["entity"] == "candidate" || c["entity"] == "member"))
        .cloned()
        .collect()
}

#[actix_web::test]
async fn every_candidate_write_publishes_the_file_and_the_ceremony_the_member() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("Dòng").await;
    let mut officials = Vec::new();
    for (i, n) in ["Lê Văn Ba", "Phạm Thị Tư"].iter().enumerate() {
        let body =
            qldv_tests::official_json(t.cell, n, 1970 + i as i32, "2010-01-11", i as u32 + 1);
        officials.push(admin.create_member(body).await);
    }
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/candidates", t.cell),
            candidate_json("Trần Thị Bình", "031195001111"),
        )
        .await;
    res.assert_status(201);
    let id = res.id();
    let items = feed_of(&admin, id).await;
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["entity"], "candidate");
    assert_eq!(items[0]["operation"], "create");
    assert_eq!(items[0]["resource"]["stage"], "identified");
    assert_eq!(items[0]["resource"]["national_id"], "031195001111");
    prepare(&admin, id).await;
    introduce_and_resolve(&admin, id, &officials).await;
    let items = feed_of(&admin, id).await;
    assert!(
        items.iter().all(|c| c["entity"] == "candidate"),
        "a candidate is never published as a member: {items:?}"
    );
    let last = items.last().unwrap();
    assert_eq!(last["resource"]["stage"], "grassroots_resolved");
    assert_eq!(last["version"], last["resource"]["version"]);
    assert_eq!(
        last["resource"]["steps"].as_array().unwrap().len(),
        8,
        "four preparing steps, two introductions, two resolutions"
    );
    let seen = items.len();
    step(
        &admin,
        id,
        json!({"kind": "admission_decision", "on": "2024-07-01", "document_no": "88-QĐ/HU",
               "received_on": "2024-07-03"}),
    )
    .await;
    step(&admin, id, json!({"kind": "ceremony", "on": "2024-07-20"})).await;
    let items = feed_of(&admin, id).await;
    let after: Vec<&Value> = items[seen..].iter().collect();
    let member = after
        .iter()
        .find(|c| c["entity"] == "member")
        .expect("the ceremony publishes the member record");
    assert_eq!(member["operation"], "create");
    assert_eq!(member["resource"]["status"], "probationary");
    assert_eq!(member["resource"]["ceremony_on"], "2024-07-20");
    let file = after
        .iter()
        .rev()
        .find(|c| c["entity"] == "candidate")
        .unwrap();
    assert_eq!(file["resource"]["stage"], "admitted");
    // The audit trail names the candidate's writes as a candidate's.
    let trail = admin
        .get(&format!("/api/v1/audit?entity=candidate&entity_id={id}"))
        .await;
    trail.assert_status(200);
    assert!(
        trail.json["items"].as_array().unwrap().len() >= 11,
        "{}",
        trail.text
    );
    app.assert_invariant();
}

#[actix_web::test]
async fn a_package_recreates_the_candidates_file_and_then_the_member_it_became() {
    let t = crate::sync::pair().await;
    let first = t.commune.export(t.commune_id, "0").await;
    let report = t.province.import(&first).await;
    report.assert_status(200);
    let res = t
        .commune
        .admin
        .post(
            &format!("/api/v1/organizations/{}/candidates", t.cell),
            candidate_json("Trần Thị Bình", "031195001111"),
        )
        .await;
    res.assert_status(201);
    let id = res.id();
    let admin = &t.commune.admin;
    step(
        admin,
        id,
        json!({"kind": "helpers_assigned", "on": "2024-01-15", "document_no": "1-NQ/CB",
               "helper_ids": [t.members[0], t.members[1]]}),
    )
    .await;
    prepare(admin, id).await;
    introduce_and_resolve(admin, id, &t.members).await;
    let since = report.json["until"].as_str().unwrap().to_string();
    let package = t.commune.export(t.commune_id, &since).await;
    let res = t.province.import(&package).await;
    res.assert_status(200);
    assert_eq!(res.json["conflicts"], json!([]), "{}", res.text);
    assert_eq!(res.json["applied"], 1, "the candidate: {}", res.text);
    let file = format!("/api/v1/candidates/{id}");
    assert_eq!(t.province.get(&file).await, t.commune.get(&file).await);
    let list = format!("/api/v1/organizations/{}/candidates", t.cell);
    assert_eq!(t.province.get(&list).await, t.commune.get(&list).await);
    // The province's own feed carries what arrived.
    let feed = t.province.get("/api/v1/changes?limit=500").await;
    assert!(feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == id && c["entity"] == "candidate" && c["operation"] == "sync"));
    // The province now judges by another setting: the next package says so, as for members.
    t.province
        .admin
        .put(
            "/api/v1/regulations/settings",
            json!({"regulation": "366-QĐ/TW", "key": "evaluation.quota_base", "value": "good_or_better"}),
            None,
        )
        .await
        .assert_status(200);
    step(
        admin,
        id,
        json!({"kind": "admission_decision", "on": "2024-07-01", "document_no": "88-QĐ/HU",
               "received_on": "2024-07-03"}),
    )
    .await;
    step(admin, id, json!({"kind": "ceremony", "on": "2024-07-20"})).await;
    let since = res.json["until"].as_str().unwrap().to_string();
    let package = t.commune.export(t.commune_id, &since).await;
    let res = t.province.import(&package).await;
    res.assert_status(200);
    assert_eq!(res.json["conflicts"], json!([]), "{}", res.text);
    assert_eq!(res.json["warnings"][0]["code"], "settings_differ");
    for path in [
        file.clone(),
        format!("/api/v1/members/{id}"),
        format!("/api/v1/members/{id}/events"),
        format!("/api/v1/members?organization_id={}", t.commune_id),
    ] {
        assert_eq!(
            t.province.get(&path).await,
            t.commune.get(&path).await,
            "{path}"
        );
    }
    t.province.app.assert_invariant();
    // A first package of the subtree carries the file too (older than any feed).
    let fresh = crate::sync::Site::new(2).await;
    fresh
        .trust(&t.commune, "Đảng ủy xã Tân Lạc", t.commune_id)
        .await;
    let all = t.commune.export(t.commune_id, "0").await;
    let res = fresh.import(&all).await;
    res.assert_status(200);
    assert_eq!(res.json["conflicts"], json!([]), "{}", res.text);
    assert_eq!(fresh.get(&file).await, t.commune.get(&file).await);
    fresh.app.assert_invariant();
}
