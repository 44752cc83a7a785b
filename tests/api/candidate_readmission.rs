//! Re-admission through the pipeline (rule 13, issue 22): a former member identified again as a
//! candidate is the same record (no duplicate-CCCD refusal), the decision is judged by rule 13
//! (36 months after the exit, the provincial standing committee's consent), the ceremony writes
//! `readmitted`, and the history keeps both periods. A drop leaves the record exited.

use qldv_tests::{official_json, Client, TestApp, Tree};
use serde_json::{json, Value};

use crate::candidates::{fixture, introduce_and_resolve, prepare, step};

/// A former member of `t.cell` (born 1975-01-15), removed from the Party on `exit_on`.
async fn former(admin: &Client, t: &Tree, n: u32, exit_on: &str) -> (i64, String) {
    let body = official_json(t.cell, "Đỗ Văn Sáu", 1975, "2005-03-01", n);
    let cccd = body["national_id"].as_str().unwrap().to_string();
    let id = admin.create_member(body).await;
    admin
        .post(
            &format!("/api/v1/members/{id}/exit"),
            json!({"reason": "name_removed", "effective_on": exit_on, "decision_no": "7-QĐ/ĐU"}),
        )
        .await
        .assert_status(200);
    (id, cccd)
}

fn again(cccd: &str) -> Value {
    json!({"full_name": "Đỗ Văn Sáu", "gender": "male", "birth_date": "1975-01-15",
           "national_id": cccd, "source": "workplace", "identified_on": "2024-01-10"})
}

#[actix_web::test]
async fn a_former_member_is_readmitted_through_the_pipeline_on_the_same_record() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (t, officials, _) = fixture(&admin, "Kết nạp lại").await;
    // Out since 2 July 2021: 36 months end on 2 July 2024.
    let (id, cccd) = former(&admin, &t, 40, "2021-07-02").await;
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/candidates", t.cell),
            again(&cccd),
        )
        .await;
    res.assert_status(201);
    assert_eq!(res.id(), id, "the same record, not a second one");
    assert_eq!(res.json["status"], "candidate");
    prepare(&admin, id).await;
    introduce_and_resolve(&admin, id, &officials).await;
    let decision = |on: &str, consent: Option<&str>| {
        let mut b = json!({"kind": "admission_decision", "on": on, "document_no": "88-QĐ/HU"});
        if let Some(c) = consent {
            b["approval_no"] = json!(c);
        }
        b
    };
    let url = format!("/api/v1/candidates/{id}/steps");
    admin
        .post(&url, decision("2024-07-02", None))
        .await
        .assert_problem(422, "consent_required");
    admin
        .post(&url, decision("2024-07-01", Some("3-CV/TU")))
        .await
        .assert_problem(422, "readmission_too_early");
    step(&admin, id, decision("2024-07-02", Some("3-CV/TU"))).await;
    let done = step(&admin, id, json!({"kind": "ceremony", "on": "2024-07-20"})).await;
    assert_eq!(done["candidate"]["status"], "probationary");
    let m = admin.get(&format!("/api/v1/members/{id}")).await;
    m.assert_status(200);
    assert_eq!(m.json["status"], "probationary");
    assert_eq!(m.json["first_admission_decision_on"], "2005-03-01");
    assert_eq!(m.json["admission_decision_on"], "2024-07-02");
    let events = admin
        .get_all(&format!("/api/v1/members/{id}/events"), 50)
        .await;
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    for k in ["admitted", "exited", "readmitted"] {
        assert!(kinds.contains(&k), "{k} in {kinds:?}");
    }
    let readmitted = events.iter().find(|e| e["kind"] == "readmitted").unwrap();
    assert_eq!(readmitted["details"]["consent_no"], "3-CV/TU");
    // The feed tells integrators it is a re-admission.
    let feed = admin.get("/api/v1/changes?limit=500").await;
    assert!(feed.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["entity"] == "member" && c["id"] == id && c["operation"] == "readmit"));
    app.assert_invariant();
}

#[actix_web::test]
async fn a_former_member_dropped_from_the_pipeline_is_exited_again() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (t, _officials, _) = fixture(&admin, "Thôi").await;
    let (id, cccd) = former(&admin, &t, 41, "2019-01-02").await;
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/candidates", t.cell),
            again(&cccd),
        )
        .await;
    res.assert_status(201);
    assert_eq!(res.id(), id);
    admin
        .post(
            &format!("/api/v1/candidates/{id}/drop"),
            json!({"on": "2024-02-01", "reason": "withdrew"}),
        )
        .await
        .assert_status(200);
    let m = admin.get(&format!("/api/v1/members/{id}")).await;
    m.assert_status(200);
    assert_eq!(m.json["status"], "exited");
    app.assert_invariant();
}
