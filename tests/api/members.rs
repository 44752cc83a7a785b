//! Member records: creation with validation, corrections, recognition, party age, supplements.

use actix_web::http::Method;
use qldv_tests::{member_json, TestApp};
use serde_json::json;

#[actix_web::test]
async fn a_created_member_location_leads_to_a_get_of_it() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("L").await;
    let res = admin
        .post("/api/v1/members", member_json(t.cell, json!({})))
        .await;
    res.assert_status(201);
    let location = res.header("location").expect("a 201 without Location");
    assert_eq!(location, format!("/api/v1/members/{}", res.id()));
    let read = admin.get(&location).await;
    read.assert_status(200);
    assert_eq!(read.json, res.json);
}

#[actix_web::test]
async fn an_admission_creates_a_probationary_member_with_its_history() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let res = admin
        .post("/api/v1/members", member_json(t.cell, json!({})))
        .await;
    res.assert_status(201);
    assert_eq!(res.json["status"], "probationary");
    assert!(res.json["party_age_years"].is_null());
    assert_eq!(res.json["full_name"], "Nguyễn Văn An");
    assert_eq!(res.json["in_transit"], false);
    assert!(res.json["missing_fields"]
        .as_array()
        .unwrap()
        .contains(&json!("hometown")));
    assert_eq!(res.header("etag").as_deref(), Some("\"1\""));
    let id = res.id();
    let events = admin
        .get_all(&format!("/api/v1/members/{id}/events"), 50)
        .await;
    assert_eq!(events[0]["kind"], "admitted");
    assert_eq!(events[0]["decision_no"], "125-QĐ/ĐU");
    // Decided on 3 March 2025: 232-QĐ/TW (in force 20 Jan – 30 Jun 2025) of the charter chain.
    assert_eq!(events[0]["regulation"], "232-QĐ/TW");
    assert_eq!(events[0]["entered_by"], "admin");
}

#[actix_web::test]
async fn invalid_records_name_every_field_and_write_nothing() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let res = admin
        .post(
            "/api/v1/members",
            member_json(
                t.cell,
                json!({
                    "national_id": "031190001234",   // digit 4 says female
                    "email": "not-an-email",
                    "ceremony_on": "2025-03-01",     // before the decision
                    "personal_history_no": "12345",
                    "phone": "12",
                }),
            ),
        )
        .await;
    res.assert_problem(422, "validation_failed");
    let fields: Vec<(String, String)> = res.json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().into(),
                e["code"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(
        fields.contains(&("email".into(), "email".into())),
        "{fields:?}"
    );
    // The validator stops at the first failing stage: fix the formats first, then the rules.
    let res = admin
        .post(
            "/api/v1/members",
            member_json(
                t.cell,
                json!({"national_id": "031190001234", "ceremony_on": "2025-03-01",
                       "personal_history_no": "12345", "phone": "12"}),
            ),
        )
        .await;
    res.assert_problem(422, "validation_failed");
    let fields: Vec<String> = res.json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["field"].as_str().unwrap(),
                e["code"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        fields,
        vec![
            "ceremony_on:date_order",
            "national_id:gender_mismatch",
            "personal_history_no:format",
            "phone:format",
        ]
    );
    let list = admin.get("/api/v1/members").await;
    assert_eq!(list.json["items"].as_array().unwrap().len(), 0);
}

#[actix_web::test]
async fn applicants_are_18_in_whole_months_and_over_60_need_consent() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    // Born 2007-03-04: 18 years on 2025-03-04, one day after the decision.
    let young = member_json(
        t.cell,
        json!({"birth_date": "2007-03-04", "national_id": "031207001234"}),
    );
    let res = admin.post("/api/v1/members", young).await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["code"], "too_young");
    let just = member_json(
        t.cell,
        json!({"birth_date": "2007-03-03", "national_id": "031207001234"}),
    );
    admin.post("/api/v1/members", just).await.assert_status(201);

    let old = json!({"full_name": "Trần Văn Bình", "birth_date": "1960-01-01", "national_id": "031060001234"});
    let res = admin
        .post("/api/v1/members", member_json(t.cell, old.clone()))
        .await;
    assert_eq!(res.json["errors"][0]["code"], "consent_required");
    let mut with_consent = member_json(t.cell, old);
    with_consent["age_consent_no"] = json!("88-CV/TU");
    admin
        .post("/api/v1/members", with_consent)
        .await
        .assert_status(201);
}

#[actix_web::test]
async fn the_ceremony_is_due_within_30_working_days() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    // Decision Monday 2025-03-03: the 30th working day is 2025-04-15 (Hùng Kings' day, Monday
    // 7 April, is not a working day).
    let late = member_json(t.cell, json!({"ceremony_on": "2025-04-16"}));
    let res = admin.post("/api/v1/members", late.clone()).await;
    assert_eq!(res.json["errors"][0]["code"], "ceremony_too_late");
    let mut approved = late;
    approved["ceremony_delay_approval_no"] = json!("12-CV/ĐU");
    admin
        .post("/api/v1/members", approved)
        .await
        .assert_status(201);
    let on_time = member_json(
        t.cell,
        json!({"ceremony_on": "2025-04-15", "national_id": "031090005678"}),
    );
    admin
        .post("/api/v1/members", on_time)
        .await
        .assert_status(201);
}

#[actix_web::test]
async fn members_live_in_cells_and_cccd_is_unique() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let res = admin
        .post("/api/v1/members", member_json(t.commune, json!({})))
        .await;
    assert_eq!(res.json["errors"][0]["code"], "not_a_cell");
    admin.create_member(member_json(t.cell, json!({}))).await;
    admin
        .post(
            "/api/v1/members",
            member_json(t.cell, json!({"full_name": "Người Khác"})),
        )
        .await
        .assert_problem(409, "national_id_taken");
}

#[actix_web::test]
async fn recognition_is_ceremony_plus_twelve_months_exactly() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin.create_member(member_json(t.cell, json!({}))).await;
    let url = format!("/api/v1/members/{id}/recognition");
    // The day before the end of probation.
    admin
        .post(
            &url,
            json!({"decided_on": "2026-03-19", "decision_no": "301-QĐ/ĐU"}),
        )
        .await
        .assert_problem(422, "probation_not_finished");
    admin
        .get(&format!("/api/v1/members/{id}/party-age"))
        .await
        .assert_problem(422, "no_party_age");
    // A late decision: the official date stays ceremony + 12 months.
    let res = admin
        .post(
            &url,
            json!({"decided_on": "2026-04-20", "decision_no": "301-QĐ/ĐU"}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["status"], "official");
    assert_eq!(res.json["official_on"], "2026-03-20");
    admin
        .post(
            &url,
            json!({"decided_on": "2026-04-20", "decision_no": "301-QĐ/ĐU"}),
        )
        .await
        .assert_problem(409, "not_probationary");
    let events = admin
        .get_all(&format!("/api/v1/members/{id}/events"), 50)
        .await;
    let last = &events[1];
    assert_eq!(last["kind"], "recognized");
    assert_eq!(last["occurred_on"], "2026-03-20");
    assert_eq!(last["decision_on"], "2026-04-20");
    assert_eq!(last["regulation"], "294-QĐ/TW");
}

#[actix_web::test]
async fn recognition_on_the_last_day_of_probation_is_allowed() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin.create_member(member_json(t.cell, json!({}))).await;
    admin
        .post(
            &format!("/api/v1/members/{id}/recognition"),
            json!({"decided_on": "2026-03-20", "decision_no": "1"}),
        )
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn party_age_counts_from_the_first_decision() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let body = member_json(
        t.cell,
        json!({"birth_date": "1970-02-01", "national_id": "031070001234",
               "admission_decision_on": "1995-05-19", "ceremony_on": "1995-06-01",
               "status": "official", "official_on": "1996-06-01"}),
    );
    let id = admin.create_member(body).await;
    let age = admin
        .get(&format!("/api/v1/members/{id}/party-age?as_of=2025-05-19"))
        .await;
    age.assert_status(200);
    assert_eq!(
        age.json,
        json!({"years": 30, "months": 0, "days": 0, "since": "1995-05-19",
                                "interruptions_days": 0, "as_of": "2025-05-19"})
    );
    let age = admin
        .get(&format!("/api/v1/members/{id}/party-age?as_of=2025-05-18"))
        .await;
    assert_eq!(age.json["years"], 29);
    let m = admin.get(&format!("/api/v1/members/{id}")).await;
    assert_eq!(m.json["party_age_years"], 31);
}

#[actix_web::test]
async fn data_entry_of_an_official_member_needs_the_exact_official_date() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let res = admin
        .post(
            "/api/v1/members",
            member_json(
                t.cell,
                json!({"status": "official", "official_on": "2026-03-19"}),
            ),
        )
        .await;
    assert_eq!(res.json["errors"][0]["code"], "official_date_mismatch");
    let res = admin
        .post(
            "/api/v1/members",
            member_json(t.cell, json!({"status": "official"})),
        )
        .await;
    assert_eq!(res.json["errors"][0]["field"], "official_on");
}

#[actix_web::test]
async fn corrections_need_the_current_version_and_are_recorded() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin.create_member(member_json(t.cell, json!({}))).await;
    let url = format!("/api/v1/members/{id}");
    let res = admin
        .patch(
            &url,
            json!({"hometown": "Thủy Nguyên, Hải Phòng", "phone": "0912345678"}),
            Some("\"1\""),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["version"], 2);
    assert_eq!(res.json["hometown"], "Thủy Nguyên, Hải Phòng");
    admin
        .patch(&url, json!({"hometown": "x"}), Some("\"1\""))
        .await
        .assert_problem(412, "version_mismatch");
    // A gender change that would contradict the stored CCCD is refused.
    let res = admin.patch(&url, json!({"gender": "female"}), None).await;
    assert_eq!(res.json["errors"][0]["code"], "gender_mismatch");
    let events = admin.get_all(&format!("{url}/events"), 50).await;
    let correction = &events[1];
    assert_eq!(correction["kind"], "profile_corrected");
    assert_eq!(
        correction["details"]["changes"]["hometown"]["after"],
        "Thủy Nguyên, Hải Phòng"
    );
    assert!(correction["details"]["changes"]["hometown"]["before"].is_null());
}

#[actix_web::test]
async fn of_concurrent_corrections_with_one_etag_exactly_one_wins() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin.create_member(member_json(t.cell, json!({}))).await;
    let url = format!("/api/v1/members/{id}");
    let edits = (0..5).map(|i| {
        let admin = admin.clone();
        let url = url.clone();
        async move {
            admin
                .patch(
                    &url,
                    json!({"workplace": format!("Nơi {i}")}),
                    Some("\"1\""),
                )
                .await
        }
    });
    let results = futures_util::future::join_all(edits).await;
    let statuses: Vec<u16> = results.iter().map(|r| r.status.as_u16()).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 412).count(),
        4,
        "{statuses:?}"
    );
}

#[actix_web::test]
async fn annual_supplements_update_the_dossier_and_completeness() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin.create_member(member_json(t.cell, json!({}))).await;
    let before = admin.get(&format!("/api/v1/members/{id}")).await;
    let missing_before = before.json["missing_fields"].as_array().unwrap().len();
    let res = admin
        .send(
            Method::PUT,
            &format!("/api/v1/members/{id}/supplements/2025"),
            Some(json!({"filed_on": "2026-01-15", "note": "Bổ sung năm 2025",
                        "changes": {"hometown": "Kiến An", "ethnicity": "Kinh", "religion": "Không"}})),
            &[],
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["year"], 2025);
    let missing_after = res.json["member"]["missing_fields"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(missing_after, missing_before - 3);
    let events = admin
        .get_all(&format!("/api/v1/members/{id}/events"), 50)
        .await;
    assert_eq!(events[1]["kind"], "supplement_filed");
    assert_eq!(events[1]["details"]["year"], 2025);
    admin
        .send(
            Method::PUT,
            &format!("/api/v1/members/{id}/supplements/2030"),
            Some(json!({"filed_on": "2026-01-15"})),
            &[],
        )
        .await
        .assert_problem(422, "validation_failed");
}

#[actix_web::test]
async fn members_outside_the_scope_are_404() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let b = admin.create_tree("B").await;
    let theirs = admin.create_member(member_json(b.cell, json!({}))).await;
    let ours = admin
        .create_member(member_json(
            a.cell,
            json!({"full_name": "Lê Thị Lan", "gender": "female", "national_id": "031190005678"}),
        ))
        .await;
    let org_a = app.user("to-chuc-a", "organizer", Some(a.province)).await;
    for path in [
        format!("/api/v1/members/{theirs}"),
        format!("/api/v1/members/{theirs}/events"),
        format!("/api/v1/members/{theirs}/party-age"),
        format!("/api/v1/members?organization_id={}", b.cell),
    ] {
        org_a.get(&path).await.assert_problem(404, "not_found");
    }
    org_a
        .patch(
            &format!("/api/v1/members/{theirs}"),
            json!({"hometown": "x"}),
            None,
        )
        .await
        .assert_problem(404, "not_found");
    org_a
        .post(
            &format!("/api/v1/members/{theirs}/recognition"),
            json!({"decided_on": "2026-04-01", "decision_no": "1"}),
        )
        .await
        .assert_problem(404, "not_found");
    org_a
        .post(
            "/api/v1/members",
            member_json(b.cell, json!({"national_id": "031090009999"})),
        )
        .await
        .assert_problem(404, "not_found");
    let all = org_a.get("/api/v1/members").await;
    let ids: Vec<i64> = all.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![ours]);
    let by_cccd = org_a.get("/api/v1/members?q=031090001234").await;
    assert_eq!(by_cccd.json["items"].as_array().unwrap().len(), 0);
    // Viewers read but may not write.
    let viewer = app.user("xem-a", "viewer", Some(a.province)).await;
    viewer
        .get(&format!("/api/v1/members/{ours}"))
        .await
        .assert_status(200);
    viewer
        .patch(
            &format!("/api/v1/members/{ours}"),
            json!({"hometown": "x"}),
            None,
        )
        .await
        .assert_problem(403, "forbidden");
}
