//! Candidates for admission (issue 22): a candidate walked from identification to official
//! member through the API, each rule's boundary (introducer's 12 months, two thirds of the
//! vote, the decision's deadline), the drop, the order of the steps, scope and masking, and a
//! candidate kept out of everything that counts members.

use qldv_tests::{official_json, Client, TestApp, Tree};
use serde_json::{json, Value};

/// A candidate in `cell` (born 1995, not in the Youth Union), identified on 2024-01-10.
pub(crate) fn candidate_json(name: &str, cccd: &str) -> Value {
    json!({"full_name": name, "gender": "female", "birth_date": "1995-05-10",
           "national_id": cccd, "phone": "0912345678",
           "source": "workplace", "identified_on": "2024-01-10",
           "categories": ["worker"]})
}

/// The cell's three official members (two will introduce) and a new candidate's id.
pub(crate) async fn fixture(admin: &Client, name: &str) -> (Tree, Vec<i64>, i64) {
    let t = admin.create_tree(name).await;
    let mut officials = Vec::new();
    for (i, n) in ["Lê Văn Ba", "Phạm Thị Tư", "Hoàng Văn Năm"]
        .iter()
        .enumerate()
    {
        let body = official_json(t.cell, n, 1970 + i as i32, "2010-01-11", i as u32 + 1);
        officials.push(admin.create_member(body).await);
    }
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/candidates", t.cell),
            candidate_json("Trần Thị Bình", "031195001111"),
        )
        .await;
    res.assert_status(201);
    (t, officials, res.id())
}

pub(crate) async fn step(admin: &Client, id: i64, body: Value) -> Value {
    let res = admin
        .post(&format!("/api/v1/candidates/{id}/steps"), body.clone())
        .await;
    assert_eq!(res.status.as_u16(), 200, "{body} refused: {}", res.json);
    res.json.clone()
}

pub(crate) async fn refused(admin: &Client, id: i64, body: Value, code: &str) {
    admin
        .post(&format!("/api/v1/candidates/{id}/steps"), body)
        .await
        .assert_problem(422, code);
}

/// The file up to the introductions (exclusive).
pub(crate) async fn prepare(admin: &Client, id: i64) {
    for (kind, on, no) in [
        ("awareness_course", "2024-02-01", "12/GCN"),
        ("application", "2024-03-01", ""),
        ("personal_history", "2024-03-15", ""),
        ("history_verified", "2024-04-15", "3-BC/CB"),
    ] {
        let mut b = json!({"kind": kind, "on": on});
        if !no.is_empty() {
            b["document_no"] = json!(no);
        }
        step(admin, id, b).await;
    }
}

/// The two introductions, 12 months together each, and the cell's vote of 6 out of 9.
pub(crate) async fn introduce_and_resolve(admin: &Client, id: i64, officials: &[i64]) {
    for o in &officials[..2] {
        step(
            admin,
            id,
            json!({"kind": "introduction", "on": "2024-05-02", "introducer_id": o,
                   "together_since": "2023-05-02"}),
        )
        .await;
    }
    step(
        admin,
        id,
        json!({"kind": "cell_resolution", "on": "2024-05-20", "document_no": "5-NQ/CB",
               "vote_members": 9, "vote_agreeing": 6}),
    )
    .await;
    step(
        admin,
        id,
        json!({"kind": "grassroots_resolution", "on": "2024-06-03", "document_no": "20-NQ/ĐU",
               "vote_members": 7, "vote_agreeing": 5}),
    )
    .await;
}

#[actix_web::test]
async fn a_candidate_walks_from_identification_to_official_member() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (t, officials, id) = fixture(&admin, "Đi").await;
    let file = admin.get(&format!("/api/v1/candidates/{id}")).await;
    file.assert_status(200);
    assert_eq!(file.json["status"], "candidate");
    assert_eq!(file.json["stage"], "identified");
    assert_eq!(file.json["categories"], json!(["worker"]));
    step(
        &admin,
        id,
        json!({"kind": "helpers_assigned", "on": "2024-01-15", "document_no": "1-NQ/CB",
               "helper_ids": [officials[0], officials[1]]}),
    )
    .await;
    prepare(&admin, id).await;
    let list = admin
        .get(&format!("/api/v1/organizations/{}/candidates", t.cell))
        .await;
    list.assert_status(200);
    assert_eq!(list.json["items"][0]["stage"], "preparing");
    assert_eq!(list.json["items"][0]["next_due"]["step"], "introduction");
    introduce_and_resolve(&admin, id, &officials).await;
    let file = admin.get(&format!("/api/v1/candidates/{id}")).await;
    assert_eq!(file.json["stage"], "grassroots_resolved");
    assert_eq!(file.json["next_due"]["step"], "admission_decision");
    let deadline = file.json["next_due"]["by"].as_str().unwrap().to_string();
    step(
        &admin,
        id,
        json!({"kind": "admission_decision", "on": "2024-07-01", "document_no": "88-QĐ/HU",
               "received_on": "2024-07-03"}),
    )
    .await;
    assert!(deadline.as_str() >= "2024-07-01");
    let done = step(&admin, id, json!({"kind": "ceremony", "on": "2024-07-20"})).await;
    assert_eq!(done["candidate"]["status"], "probationary");
    assert_eq!(done["candidate"]["stage"], "admitted");
    // The same record is now a member, every date carried over.
    let m = admin.get(&format!("/api/v1/members/{id}")).await;
    m.assert_status(200);
    assert_eq!(m.json["status"], "probationary");
    assert_eq!(m.json["full_name"], "Trần Thị Bình");
    assert_eq!(m.json["admission_decision_on"], "2024-07-01");
    assert_eq!(m.json["first_admission_decision_on"], "2024-07-01");
    assert_eq!(m.json["ceremony_on"], "2024-07-20");
    assert_eq!(m.json["admission_decision_no"], "88-QĐ/HU");
    let events = admin
        .get_all(&format!("/api/v1/members/{id}/events"), 50)
        .await;
    let admitted = events.iter().find(|e| e["kind"] == "admitted").unwrap();
    assert_eq!(admitted["details"]["cell_considered_on"], "2024-05-20");
    assert_eq!(admitted["details"]["decision_received_on"], "2024-07-03");
    app.assert_invariant();
    // No more steps once admitted.
    refused(
        &admin,
        id,
        json!({"kind": "ceremony", "on": "2024-07-21"}),
        "candidate_file_closed",
    )
    .await;
    // Recognition 12 months after the ceremony, through the members' endpoint.
    admin
        .post(
            &format!("/api/v1/members/{id}/recognition"),
            json!({"decided_on": "2025-07-25", "decision_no": "301-QĐ/HU"}),
        )
        .await
        .assert_status(200);
    let m = admin.get(&format!("/api/v1/members/{id}")).await;
    assert_eq!(m.json["status"], "official");
    assert_eq!(m.json["official_on"], "2025-07-20");
    app.assert_invariant();
}

#[actix_web::test]
async fn an_introducer_needs_twelve_months_together_eleven_are_refused() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (_t, officials, id) = fixture(&admin, "Giới thiệu").await;
    prepare(&admin, id).await;
    // Together since 2023-06-02: 11 whole months on 2024-05-02.
    refused(
        &admin,
        id,
        json!({"kind": "introduction", "on": "2024-05-02", "introducer_id": officials[0],
               "together_since": "2023-06-02"}),
        "introducer_too_short_together",
    )
    .await;
    // Since 2023-05-02: exactly 12 months.
    step(
        &admin,
        id,
        json!({"kind": "introduction", "on": "2024-05-02", "introducer_id": officials[0],
               "together_since": "2023-05-02"}),
    )
    .await;
}

#[actix_web::test]
async fn the_cells_vote_needs_two_thirds_of_its_members() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (_t, officials, id) = fixture(&admin, "Biểu quyết").await;
    prepare(&admin, id).await;
    for o in &officials[..2] {
        step(
            &admin,
            id,
            json!({"kind": "introduction", "on": "2024-05-02", "introducer_id": o,
                   "together_since": "2023-01-01"}),
        )
        .await;
    }
    // 5 of 9 is just under two thirds (5 × 3 = 15 < 18).
    let res = admin
        .post(
            &format!("/api/v1/candidates/{id}/steps"),
            json!({"kind": "cell_resolution", "on": "2024-05-20", "vote_members": 9,
                   "vote_agreeing": 5}),
        )
        .await;
    res.assert_problem(422, "vote_under_two_thirds");
    assert!(res.json["detail"].as_str().unwrap().contains("6/9"));
    // 6 of 9 is exactly two thirds; the records count 3 official members: a warning.
    let ok = step(
        &admin,
        id,
        json!({"kind": "cell_resolution", "on": "2024-05-20", "vote_members": 9,
               "vote_agreeing": 6}),
    )
    .await;
    assert_eq!(ok["computed_vote_base"], 3);
    assert_eq!(ok["warnings"].as_array().unwrap().len(), 1);
    assert_eq!(ok["candidate"]["stage"], "cell_resolved");
}

#[actix_web::test]
async fn a_decision_one_day_past_its_deadline_needs_the_reason_for_the_delay() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (_t, officials, id) = fixture(&admin, "Thời hạn").await;
    prepare(&admin, id).await;
    introduce_and_resolve(&admin, id, &officials).await;
    let file = admin.get(&format!("/api/v1/candidates/{id}")).await;
    let by: chrono::NaiveDate = file.json["next_due"]["by"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let day_after = (by + chrono::Duration::days(1)).to_string();
    refused(
        &admin,
        id,
        json!({"kind": "admission_decision", "on": day_after, "document_no": "9-QĐ/HU"}),
        "decision_past_deadline",
    )
    .await;
    // On the deadline itself: accepted without a reason.
    step(
        &admin,
        id,
        json!({"kind": "admission_decision", "on": by.to_string(), "document_no": "9-QĐ/HU"}),
    )
    .await;
}

#[actix_web::test]
async fn a_late_decision_with_its_reason_is_recorded() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (_t, officials, id) = fixture(&admin, "Chậm").await;
    prepare(&admin, id).await;
    introduce_and_resolve(&admin, id, &officials).await;
    let file = admin.get(&format!("/api/v1/candidates/{id}")).await;
    let by: chrono::NaiveDate = file.json["next_due"]["by"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let day_after = (by + chrono::Duration::days(1)).to_string();
    step(
        &admin,
        id,
        json!({"kind": "admission_decision", "on": day_after, "document_no": "9-QĐ/HU",
               "late_reason": "Chờ kết quả thẩm tra bổ sung"}),
    )
    .await;
}

#[actix_web::test]
async fn steps_out_of_order_are_refused_and_a_dropped_file_is_closed() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (_t, _officials, id) = fixture(&admin, "Thứ tự").await;
    refused(
        &admin,
        id,
        json!({"kind": "personal_history", "on": "2024-03-15"}),
        "step_out_of_order",
    )
    .await;
    refused(
        &admin,
        id,
        json!({"kind": "application", "on": "2026-02-01"}),
        "date_in_future",
    )
    .await;
    step(
        &admin,
        id,
        json!({"kind": "application", "on": "2024-03-01"}),
    )
    .await;
    // Not dated before its last step.
    admin
        .post(
            &format!("/api/v1/candidates/{id}/drop"),
            json!({"on": "2024-02-01", "reason": "withdrew"}),
        )
        .await
        .assert_problem(422, "date_before_earlier_step");
    let res = admin
        .post(
            &format!("/api/v1/candidates/{id}/drop"),
            json!({"on": "2024-04-01", "reason": "withdrew"}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["stage"], "dropped");
    assert_eq!(res.json["dropped"]["reason"], "withdrew");
    refused(
        &admin,
        id,
        json!({"kind": "personal_history", "on": "2024-04-02"}),
        "candidate_file_closed",
    )
    .await;
}

#[actix_web::test]
async fn another_cells_organizer_sees_no_candidate_and_a_viewer_sees_it_masked() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (t, _officials, id) = fixture(&admin, "Phạm vi").await;
    let other = admin.create_tree("Khác").await;
    let stranger = app.user("khac", "organizer", Some(other.cell)).await;
    stranger
        .get(&format!("/api/v1/candidates/{id}"))
        .await
        .assert_status(404);
    stranger
        .post(
            &format!("/api/v1/candidates/{id}/steps"),
            json!({"kind": "application", "on": "2024-03-01"}),
        )
        .await
        .assert_status(404);
    stranger
        .get(&format!("/api/v1/organizations/{}/candidates", t.cell))
        .await
        .assert_status(404);
    let viewer = app.user("xem", "viewer", Some(t.cell)).await;
    let seen = viewer.get(&format!("/api/v1/candidates/{id}")).await;
    seen.assert_status(200);
    assert_ne!(seen.json["national_id"], "031195001111");
    assert_ne!(seen.json["phone"], "0912345678");
    let full = admin.get(&format!("/api/v1/candidates/{id}")).await;
    assert_eq!(full.json["national_id"], "031195001111");
    // The CCCD is unique across members and candidates.
    admin
        .post(
            &format!("/api/v1/organizations/{}/candidates", t.cell),
            candidate_json("Trần Thị Bình", "031195001111"),
        )
        .await
        .assert_status(409);
}

/// Everything that lists, counts or reports members, as JSON or text.
async fn member_views(admin: &Client, t: &Tree) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let p = t.province;
    let mut paths = vec![
        format!("/api/v1/members?organization_id={p}"),
        format!("/api/v1/members?q=binh"),
        format!("/api/v1/members/export?organization_id={p}"),
        format!("/api/v1/alerts?organization_id={p}"),
        format!("/api/v1/organizations/{p}"),
        format!("/api/v1/cards/due?organization_id={p}"),
    ];
    for code in [
        "composition",
        "completeness",
        "evaluations",
        "badges",
        "discipline",
    ] {
        paths.push(format!(
            "/api/v1/reports/{code}?organization_id={p}&as_of=2025-12-31&year=2025"
        ));
    }
    for code in ["movement", "admissions", "timeliness"] {
        paths.push(format!(
            "/api/v1/reports/{code}?organization_id={p}&from=2024-01-01&to=2025-12-31"
        ));
    }
    for path in paths {
        let res = admin.get(&path).await;
        let body = if res.json.is_null() {
            String::from_utf8_lossy(&res.body).to_string()
        } else {
            let mut v = res.json.clone();
            if let Some(o) = v.as_object_mut() {
                o.remove("produced_at");
                // The candidates' own alerts (rules 2, 24, 25, 29) are theirs, not members'.
                if let Some(Value::Array(items)) = o.get_mut("items") {
                    items.retain(|a| {
                        !a["kind"]
                            .as_str()
                            .is_some_and(|k| k.starts_with("candidate_"))
                    });
                }
            }
            v.to_string()
        };
        out.push((path, format!("{} {body}", res.status.as_u16())));
    }
    out
}

#[actix_web::test]
async fn a_candidate_appears_in_no_report_count_alert_roll_up_or_export_of_members() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("Ngoài").await;
    let mut officials = Vec::new();
    for (i, n) in ["Lê Văn Ba", "Phạm Thị Tư", "Hoàng Văn Năm"]
        .iter()
        .enumerate()
    {
        let body = official_json(t.cell, n, 1970 + i as i32, "2010-01-11", i as u32 + 1);
        officials.push(admin.create_member(body).await);
    }
    let before = member_views(&admin, &t).await;
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/candidates", t.cell),
            candidate_json("Trần Thị Bình", "031195001111"),
        )
        .await;
    res.assert_status(201);
    let id = res.id();
    prepare(&admin, id).await;
    introduce_and_resolve(&admin, id, &officials).await;
    let after = member_views(&admin, &t).await;
    for ((path, b), (_, a)) in before.iter().zip(&after) {
        assert!(b.starts_with("200"), "{path}: {b}");
        assert_eq!(b, a, "{path} changed with a candidate");
    }
    admin
        .get(&format!("/api/v1/members/{id}"))
        .await
        .assert_status(404);
    app.assert_invariant();
}

#[actix_web::test]
async fn a_candidate_is_corrected_with_if_match_and_the_members_identity_rules() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (_t, _officials, id) = fixture(&admin, "Sửa").await;
    let path = format!("/api/v1/candidates/{id}");
    let etag = admin.get(&path).await.header("etag").unwrap();
    // The CCCD's gender digit says female: a male candidate with it is refused.
    admin
        .patch(&path, json!({"gender": "male"}), Some(&etag))
        .await
        .assert_problem(422, "validation_failed");
    let res = admin
        .patch(&path, json!({"full_name": "Trần Thị Bích"}), Some(&etag))
        .await;
    res.assert_status(200);
    assert_eq!(res.json["full_name"], "Trần Thị Bích");
    // The old version is stale now.
    admin
        .patch(&path, json!({"phone": "0987654321"}), Some(&etag))
        .await
        .assert_status(412);
    let list = admin
        .get(&format!("/api/v1/organizations/{}/candidates", _t.cell))
        .await;
    assert_eq!(list.json["items"][0]["full_name"], "Trần Thị Bích");
}

#[actix_web::test]
async fn a_decision_missing_past_its_deadline_is_an_alert() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (t, officials, id) = fixture(&admin, "Cảnh báo").await;
    prepare(&admin, id).await;
    introduce_and_resolve(&admin, id, &officials).await;
    let file = admin.get(&format!("/api/v1/candidates/{id}")).await;
    let by = file.json["next_due"]["by"].clone();
    let alerts = admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", t.province),
            50,
        )
        .await;
    let mine: Vec<&Value> = alerts.iter().filter(|a| a["member_id"] == id).collect();
    assert_eq!(mine.len(), 1, "{alerts:?}");
    assert_eq!(mine[0]["kind"], "candidate_decision_overdue");
    assert_eq!(mine[0]["rule"], 29);
    assert_eq!(mine[0]["date"], by);
    // Answered: the alert goes.
    step(
        &admin,
        id,
        json!({"kind": "admission_decision", "on": "2024-07-01", "document_no": "88-QĐ/HU"}),
    )
    .await;
    let alerts = admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", t.province),
            50,
        )
        .await;
    assert!(alerts
        .iter()
        .all(|a| a["kind"] != "candidate_decision_overdue"));
}

#[actix_web::test]
async fn the_pipeline_by_stage_agrees_with_each_files_stage() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (t, officials, id) = fixture(&admin, "Giai đoạn").await;
    let mut stages = Vec::new();
    for (k, cccd) in ["031196002001", "031196002002", "031196002003"]
        .iter()
        .enumerate()
    {
        let mut body = candidate_json(&format!("Ngô Thị Hoa {k}"), cccd);
        body["birth_date"] = json!("1996-03-03");
        let res = admin
            .post(
                &format!("/api/v1/organizations/{}/candidates", t.cell),
                body,
            )
            .await;
        res.assert_status(201);
        let other = res.id();
        if k >= 1 {
            prepare(&admin, other).await;
        }
        if k == 2 {
            admin
                .post(
                    &format!("/api/v1/candidates/{other}/drop"),
                    json!({"on": "2024-05-01", "reason": "moved_away"}),
                )
                .await
                .assert_status(200);
        }
        stages.push(other);
    }
    prepare(&admin, id).await;
    introduce_and_resolve(&admin, id, &officials).await;
    stages.push(id);
    let path = admin
        .get(&format!("/api/v1/organizations/{}", t.province))
        .await
        .json["path"]
        .as_str()
        .unwrap()
        .to_string();
    let mut conn = app.state.pool.get().unwrap();
    let today = "2026-01-15".parse().unwrap();
    let counted = qldv::models::candidate::by_stage(&mut conn, &path, today).unwrap();
    let mut expected = std::collections::BTreeMap::new();
    for c in &stages {
        let stage = admin.get(&format!("/api/v1/candidates/{c}")).await.json["stage"]
            .as_str()
            .unwrap()
            .to_string();
        *expected.entry(stage).or_insert(0i64) += 1;
    }
    let counted: std::collections::BTreeMap<String, i64> = counted
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| (s.as_str().to_string(), n))
        .collect();
    assert_eq!(counted, expected);
    assert_eq!(expected.len(), 4, "{expected:?}");
    // Before the grassroots committee resolved, the same file stood one stage earlier.
    let before =
        qldv::models::candidate::by_stage(&mut conn, &path, "2024-05-25".parse().unwrap()).unwrap();
    assert_eq!(
        before[&qldv_api_types::candidates::CandidateStage::CellResolved],
        1
    );
}

#[actix_web::test]
async fn a_population_policy_case_admitted_through_the_pipeline_is_counted_by_the_development_report(
) {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (t, officials, _) = fixture(&admin, "Dân số").await;
    let mut body = candidate_json("Đỗ Văn Sáu", "031095002222");
    body["gender"] = json!("male");
    body["birth_date"] = json!("1995-02-10");
    body["population_policy"] = json!(true);
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/candidates", t.cell),
            body,
        )
        .await;
    res.assert_status(201);
    let id = res.id();
    prepare(&admin, id).await;
    introduce_and_resolve(&admin, id, &officials).await;
    step(
        &admin,
        id,
        json!({"kind": "admission_decision", "on": "2024-07-01", "document_no": "89-QĐ/HU",
               "received_on": "2024-07-03"}),
    )
    .await;
    step(&admin, id, json!({"kind": "ceremony", "on": "2024-07-20"})).await;
    let r = admin
        .get(&format!(
            "/api/v1/reports/development?organization_id={}&year=2024",
            t.province
        ))
        .await;
    r.assert_status(200);
    let s = &r.json["sections"][0];
    let col = s["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["key"] == "population_policy");
    let total = s["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["key"] == "total")
        .unwrap();
    // One admission in 2024, and it is the population-policy case (the other candidate of the
    // fixture is still identified).
    assert_eq!(col.map(|i| total["values"][i].clone()), Some(json!(1)));
    assert!(r.json["notes"]
        .to_string()
        .contains("qua hồ sơ quần chúng ưu tú"));
}
