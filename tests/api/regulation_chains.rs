//! The regulation chains: each decision records the document of its own chain in force on its
//! date, and a national administrator edits the chains and their settings (versioned, audited);
//! a sync package judged by other settings says so.

use qldv_tests::{member_json, official_json, TestApp};
use serde_json::json;

#[actix_web::test]
async fn each_decision_records_the_document_of_its_own_chain_on_its_date() {
    let app = TestApp::builder().today("2025-12-20").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin
        .create_member(official_json(t.cell, "Đỗ Văn Chuỗi", 1970, "2000-03-02", 1))
        .await;
    for (year, document) in [
        (2025, "366-QĐ/TW"),
        (2024, "124-QĐ/TW"),
        (2023, "124-QĐ/TW"),
        (2022, "132-QĐ/TW"),
    ] {
        let res = admin
            .put(
                &format!("/api/v1/members/{id}/evaluations/{year}"),
                json!({"level": "complete"}),
                None,
            )
            .await;
        res.assert_status(200);
        assert_eq!(res.json["regulation"], document, "{year}");
    }
    let d = admin
        .post(
            &format!("/api/v1/members/{id}/disciplines"),
            json!({"form": "reprimand", "decided_on": "2025-06-01", "decision_no": "4-QĐ/UBKT",
                   "reason": "Vi phạm quy định sinh hoạt"}),
        )
        .await;
    d.assert_status(201);
    assert_eq!(d.json["regulation"], "69-QĐ/TW");
    // Admissions are the charter's: 232-QĐ/TW until 30 June 2025, 294-QĐ/TW from 1 July.
    for (decided, ceremony, document, cccd) in [
        ("2025-06-30", "2025-07-10", "232-QĐ/TW", "031090001235"),
        ("2025-07-01", "2025-07-10", "294-QĐ/TW", "031090001236"),
    ] {
        let m = admin
            .create_member(member_json(
                t.cell,
                json!({"admission_decision_on": decided, "ceremony_on": ceremony,
                       "national_id": cccd}),
            ))
            .await;
        let events = admin.get(&format!("/api/v1/members/{m}/events")).await;
        events.assert_status(200);
        let items = events.json["items"].as_array().cloned().unwrap_or_default();
        let admitted = items
            .iter()
            .find(|e| e["kind"] == "admitted")
            .unwrap_or_else(|| panic!("no admission in {}", events.text));
        assert_eq!(admitted["regulation"], document, "{decided}");
    }
}

#[actix_web::test]
async fn a_national_administrator_edits_the_chains_dated_versioned_and_audited() {
    let app = TestApp::builder().today("2025-12-20").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let set = admin.get("/api/v1/regulations").await;
    set.assert_status(200);
    let in_force: Vec<(String, String)> = set.json["in_force"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["chain"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("charter", "294-QĐ/TW"),
        ("badge", "294-QĐ/TW"),
        ("evaluation", "366-QĐ/TW"),
        ("discipline", "69-QĐ/TW"),
        ("dues", "342-QĐ/TW"),
        ("annulment", "117-QĐ/TW"),
    ];
    assert_eq!(
        in_force,
        want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec()
    );
    let version = set.json["settings_version"].as_i64().unwrap();
    let digest = set.json["settings_digest"].as_str().unwrap().to_string();
    // A charter document carries no evaluation keys; 366-QĐ/TW carries the 100-point score.
    let items = set.json["items"].as_array().unwrap();
    let doc = |chain: &str, code: &str| {
        items
            .iter()
            .find(|r| r["chain"] == chain && r["code"] == code)
            .unwrap()
            .clone()
    };
    let keys = |r: &serde_json::Value| -> Vec<String> {
        r["settings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["key"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(keys(&doc("charter", "294-QĐ/TW"))
        .iter()
        .all(|k| !k.starts_with("evaluation.")));
    assert!(keys(&doc("evaluation", "366-QĐ/TW")).contains(&"evaluation.score_bands".to_string()));
    assert_eq!(doc("charter", "294-QĐ/TW")["in_force_from"], "2025-07-01");
    assert_eq!(doc("charter", "294-QĐ/TW")["signed_on"], "2025-05-26");
    // 117-QĐ/TW (annulments) is a chain of its own, in force from its signing.
    let annulment = doc("annulment", "117-QĐ/TW");
    assert_eq!(
        (
            annulment["in_force_from"].clone(),
            annulment["signed_on"].clone()
        ),
        (json!("2023-08-18"), json!("2023-08-18"))
    );

    // Only a national administrator edits; the key must be of the document's chain.
    let scoped = app.user("qt-tinh", "admin", Some(t.province)).await;
    let put = json!({"regulation": "69-QĐ/TW", "key": "discipline.lapse_months", "value": "12"});
    scoped
        .put("/api/v1/regulations/settings", put.clone(), None)
        .await
        .assert_problem(403, "forbidden");
    let res = admin
        .put(
            "/api/v1/regulations/settings",
            json!({"regulation": "69-QĐ/TW", "key": "admission.min_age_months", "value": "216"}),
            None,
        )
        .await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["code"], "setting_other_chain");
    admin
        .put(
            "/api/v1/regulations/settings",
            json!({"regulation": "366-QĐ/TW", "key": "evaluation.excellent_quota_percent", "value": "twenty"}),
            None,
        )
        .await
        .assert_problem(422, "validation_failed");
    let res = admin
        .put("/api/v1/regulations/settings", put.clone(), Some("\"1\""))
        .await;
    res.assert_status(200);
    assert_eq!(res.json["setting"]["version"], 2);
    assert_eq!(res.json["settings_version"], version + 1);
    admin
        .put("/api/v1/regulations/settings", put, Some("\"1\""))
        .await
        .assert_problem(412, "version_mismatch");

    // A new document in a chain: forward only, once; it starts with its predecessor's values.
    let new = json!({"code": "01-QĐ/TW-2027", "title": "Quy định mới về chế độ đảng phí",
                     "chain": "dues", "in_force_from": "2027-01-01"});
    let res = admin.post("/api/v1/regulations", new.clone()).await;
    res.assert_status(201);
    assert_eq!(res.json["chain"], "dues");
    admin
        .post("/api/v1/regulations", new)
        .await
        .assert_problem(422, "validation_failed");
    let res = admin
        .post(
            "/api/v1/regulations",
            json!({"code": "366-QĐ/TW", "title": "Quy định 366-QĐ/TW", "chain": "evaluation", "in_force_from": "2026-01-01"}),
        )
        .await;
    res.assert_problem(409, "regulation_in_chain");
    let after = admin.get("/api/v1/regulations").await;
    assert_ne!(after.json["settings_digest"], digest);
    // Every change is in the audit trail.
    let trail = admin.get("/api/v1/audit?entity=rule_setting").await;
    trail.assert_status(200);
    assert!(
        trail.text.contains("discipline.lapse_months"),
        "{}",
        trail.text
    );
}

#[actix_web::test]
async fn a_sync_package_judged_by_other_settings_says_so() {
    let t = crate::sync::pair().await;
    let package = t.commune.export(t.commune_id, "0").await;
    let same = t.province.import(&package).await;
    same.assert_status(200);
    assert_eq!(same.json["warnings"], json!([]));
    // The province now judges 2025's ratings with another quota base.
    t.province
        .admin
        .put(
            "/api/v1/regulations/settings",
            json!({"regulation": "366-QĐ/TW", "key": "evaluation.quota_base", "value": "good_or_better"}),
            None,
        )
        .await
        .assert_status(200);
    t.commune
        .admin
        .patch(
            &format!("/api/v1/members/{}", t.members[1]),
            json!({"phone": "0987654321"}),
            Some("\"1\""),
        )
        .await
        .assert_status(200);
    let since = same.json["until"].as_str().unwrap().to_string();
    let next = t.commune.export(t.commune_id, &since).await;
    let res = t.province.import(&next).await;
    res.assert_status(200);
    assert_eq!(
        res.json["warnings"][0]["code"], "settings_differ",
        "{}",
        res.text
    );
    assert!(res.json["sender_settings_version"].is_i64());
}
