//! Admission rules 1, 2 and 4 as DOMAIN.md states them: age on the cell's consideration date
//! (exactly 60 needs no consent), the ceremony's 30 working days from the day the cell received
//! the decision, and a "not recognised" decision followed by the name removal.

use qldv_tests::{member_json, TestApp};
use serde_json::{json, Value};

fn applicant(cell: i64, birth: &str, cccd: &str, extra: Value) -> Value {
    let mut m = member_json(
        cell,
        json!({"birth_date": birth, "national_id": cccd,
               "cell_considered_on": "2025-02-20",
               "admission_decision_on": "2025-03-03", "ceremony_on": "2025-03-20"}),
    );
    if let (Some(m), Some(e)) = (m.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            m.insert(k.clone(), v.clone());
        }
    }
    m
}

#[actix_web::test]
async fn exactly_sixty_on_the_cells_consideration_date_needs_no_consent() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    // The cell considered on 2025-02-20; the decision was signed on 2025-03-03.
    // Born 1965-02-20: exactly 60 years 0 months on the consideration date.
    let exactly = applicant(t.cell, "1965-02-20", "031065001234", json!({}));
    admin
        .post("/api/v1/members", exactly)
        .await
        .assert_status(201);
    // Born 1965-02-19: 60 years and 1 day, still 60 years 0 months counted in whole months.
    let one_day = applicant(t.cell, "1965-02-19", "031065001235", json!({}));
    admin
        .post("/api/v1/members", one_day)
        .await
        .assert_status(201);
    // Born 1965-01-20: 60 years 1 month, over 60: the consent is needed.
    let over = applicant(t.cell, "1965-01-20", "031065001236", json!({}));
    let res = admin.post("/api/v1/members", over.clone()).await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["field"], "age_consent_no");
    assert_eq!(res.json["errors"][0]["code"], "consent_required");
    let mut with_consent = over;
    with_consent["age_consent_no"] = json!("88-CV/TU");
    admin
        .post("/api/v1/members", with_consent)
        .await
        .assert_status(201);
}

#[actix_web::test]
async fn age_is_judged_on_the_consideration_date_not_the_decision() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    // Born 1965-01-25: 60 years 0 months when the cell considered (2025-02-20), 60 years 1
    // month when the decision was signed (2025-03-03). The consideration date decides.
    let body = applicant(t.cell, "1965-01-25", "031065001237", json!({}));
    let id = admin.create_member(body).await;
    let events = admin
        .get_all(&format!("/api/v1/members/{id}/events"), 50)
        .await;
    let admitted = events
        .iter()
        .find(|e| e["kind"] == "admitted")
        .expect("admission event");
    assert_eq!(admitted["details"]["cell_considered_on"], "2025-02-20");
    assert_eq!(admitted["details"]["decision_received_on"], "2025-03-03");
    // A consideration after the decision is refused.
    let late = applicant(
        t.cell,
        "1990-01-01",
        "031090001238",
        json!({"cell_considered_on": "2025-03-04"}),
    );
    let res = admin.post("/api/v1/members", late).await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["field"], "cell_considered_on");
}

#[actix_web::test]
async fn the_ceremony_deadline_counts_from_the_day_the_cell_received_the_decision() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    // Signed Monday 2025-10-06, received a week later, Monday 2025-10-13. Thirty working days
    // from receipt end on Monday 2025-11-24 (from the signature they would end on 2025-11-17).
    let body = |ceremony: &str, cccd: &str| {
        member_json(
            t.cell,
            json!({"national_id": cccd, "admission_decision_on": "2025-10-06",
                   "decision_received_on": "2025-10-13", "ceremony_on": ceremony}),
        )
    };
    admin
        .post("/api/v1/members", body("2025-11-24", "031090001241"))
        .await
        .assert_status(201);
    let res = admin
        .post("/api/v1/members", body("2025-11-25", "031090001242"))
        .await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["code"], "ceremony_too_late");
    // Without the receipt date the deadline counts from the signature.
    let unreceived = member_json(
        t.cell,
        json!({"national_id": "031090001243", "admission_decision_on": "2025-10-06",
               "ceremony_on": "2025-11-18"}),
    );
    let res = admin.post("/api/v1/members", unreceived).await;
    assert_eq!(res.json["errors"][0]["code"], "ceremony_too_late");
    // Received before it was signed, or after the ceremony: refused.
    let mut bad = body("2025-11-24", "031090001244");
    bad["decision_received_on"] = json!("2025-10-05");
    let res = admin.post("/api/v1/members", bad).await;
    res.assert_problem(422, "validation_failed");
    let fields: Vec<&str> = res.json["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert!(fields.contains(&"decision_received_on"), "{}", res.text);
}

#[actix_web::test]
async fn a_probationary_member_not_recognised_is_removed_and_the_gap_is_an_alert() {
    let app = TestApp::builder().today("2026-06-01").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    // Ceremony 2025-03-20: the probation ends 2026-03-20.
    let id = admin.create_member(member_json(t.cell, json!({}))).await;
    let m = format!("/api/v1/members/{id}");
    let refuse = |on: &str| json!({"decided_on": on, "decision_no": "45-QĐ/ĐU", "reason": "Không đủ tư cách đảng viên"});
    admin
        .post(&format!("{m}/non-recognition"), refuse("2026-03-19"))
        .await
        .assert_problem(422, "probation_not_finished");
    let res = admin
        .post(&format!("{m}/non-recognition"), refuse("2026-03-25"))
        .await;
    res.assert_status(200);
    assert_eq!(res.json["status"], "probationary");
    // Never made official afterwards, nor refused twice.
    admin
        .post(
            &format!("{m}/recognition"),
            json!({"decided_on": "2026-03-26", "decision_no": "46-QĐ/ĐU"}),
        )
        .await
        .assert_problem(409, "recognition_refused");
    admin
        .post(&format!("{m}/non-recognition"), refuse("2026-03-26"))
        .await
        .assert_problem(409, "recognition_refused");
    // The gap: refused, not yet removed.
    let alerts = admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", t.province),
            50,
        )
        .await;
    let gap: Vec<&Value> = alerts
        .iter()
        .filter(|a| a["kind"] == "removal_not_recorded")
        .collect();
    assert_eq!(gap.len(), 1, "{alerts:?}");
    assert_eq!(gap[0]["member_id"], id);
    assert_eq!(gap[0]["rule"], 4);
    assert_eq!(gap[0]["date"], "2026-03-25");
    // The recognition-overdue alert no longer fires for a decided probation.
    assert!(!alerts
        .iter()
        .any(|a| a["kind"] == "recognition_overdue" && a["member_id"] == id));
    // Only a name removal (or a death) ends it.
    let exit = |reason: &str| json!({"reason": reason, "effective_on": "2026-04-10", "decision_no": "50-QĐ/ĐU"});
    let res = admin.post(&format!("{m}/exit"), exit("resigned")).await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["code"], "name_removal_required");
    admin
        .post(&format!("{m}/exit"), exit("name_removed"))
        .await
        .assert_status(200);
    let alerts = admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", t.province),
            50,
        )
        .await;
    assert!(!alerts.iter().any(|a| a["kind"] == "removal_not_recorded"));
    let events = admin.get_all(&format!("{m}/events"), 50).await;
    let kinds: Vec<&str> = events.iter().filter_map(|e| e["kind"].as_str()).collect();
    assert!(
        kinds.contains(&"not_recognized") && kinds.contains(&"exited"),
        "{kinds:?}"
    );
    app.assert_invariant();
}
