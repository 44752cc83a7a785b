//! Rule 9 (an open inspection, complaint or denunciation blocks an official transfer only; a
//! discipline no longer blocks a transfer) and rule 11 (the 12 months of a discipline count from
//! its announcement or its complaint's ruling, which upholds, reduces or annuls it).

use qldv_tests::{member_json, Client, TestApp, Tree};
use serde_json::{json, Value};

async fn setup() -> (TestApp, Client, Tree, Tree, i64) {
    let app = TestApp::builder().today("2026-06-01").build().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let b = admin.create_tree("B").await;
    let id = admin
        .create_member(member_json(
            a.cell,
            json!({"birth_date": "1970-02-01", "national_id": "031070001234",
                   "admission_decision_on": "2000-03-06", "ceremony_on": "2000-03-20",
                   "status": "official", "official_on": "2001-03-20"}),
        ))
        .await;
    (app, admin, a, b, id)
}

fn official(id: i64, to: i64, issued: &str) -> Value {
    json!({"member_id": id, "to_organization_id": to, "kind": "official",
           "issued_on": issued, "reason": "Chuyển công tác"})
}

fn temporary(id: i64, to: i64, issued: &str) -> Value {
    json!({"member_id": id, "to_organization_id": to, "kind": "temporary",
           "purpose": "work", "issued_on": issued, "until": "2025-12-01",
           "reason": "Đi công tác dài ngày"})
}

async fn cancel(admin: &Client, transfer: &qldv_tests::Response) {
    transfer.assert_status(201);
    admin
        .post(
            &format!("/api/v1/transfers/{}/cancel", transfer.id()),
            json!({}),
        )
        .await
        .assert_status(200);
}

async fn discipline(admin: &Client, id: i64) -> Value {
    let list = admin
        .get_all(&format!("/api/v1/members/{id}/disciplines"), 50)
        .await;
    list[0].clone()
}

#[actix_web::test]
async fn a_discipline_in_force_no_longer_blocks_a_transfer() {
    let (app, admin, _, b, id) = setup().await;
    admin
        .post(
            &format!("/api/v1/members/{id}/disciplines"),
            json!({"form": "warning", "decided_on": "2025-03-10", "decision_no": "1",
                   "reason": "Vi phạm quy chế"}),
        )
        .await
        .assert_status(201);
    // In force until 2026-03-10: both kinds of transfer are allowed all the same.
    let t = admin
        .post("/api/v1/transfers", official(id, b.cell, "2025-06-02"))
        .await;
    cancel(&admin, &t).await;
    let t = admin
        .post("/api/v1/transfers", temporary(id, b.cell, "2025-06-02"))
        .await;
    cancel(&admin, &t).await;
    app.assert_invariant();
}

#[actix_web::test]
async fn a_complaint_being_handled_blocks_an_official_transfer_until_its_ruling() {
    let (app, admin, _, b, id) = setup().await;
    let d = admin
        .post(
            &format!("/api/v1/members/{id}/disciplines"),
            json!({"form": "warning", "decided_on": "2025-03-10", "announced_on": "2025-03-17",
                   "decision_no": "12-QĐ/UBKT", "reason": "Vi phạm quy chế"}),
        )
        .await;
    d.assert_status(201);
    // Rule 11: twelve months from the announcement.
    assert_eq!(d.json["announced_on"], "2025-03-17");
    assert_eq!(d.json["lapses_on"], "2026-03-17");
    // The member complains on 2025-04-01.
    let case = admin
        .post(
            &format!("/api/v1/members/{id}/cases"),
            json!({"kind": "complaint", "opened_on": "2025-04-01", "discipline_id": d.id(),
                   "reference_no": "07/ĐKN", "summary": "Khiếu nại quyết định kỷ luật cảnh cáo"}),
        )
        .await;
    case.assert_status(201);
    assert_eq!(case.json["open"], true);
    assert_eq!(case.json["kind"], "complaint");
    let held = discipline(&admin, id).await;
    assert_eq!(held["complaint_on"], "2025-04-01");
    assert!(held["lapses_on"].is_null());
    // While it is handled: no official transfer; a temporary one is allowed.
    admin
        .post("/api/v1/transfers", official(id, b.cell, "2025-06-02"))
        .await
        .assert_problem(422, "official_transfer_blocked");
    let t = admin
        .post("/api/v1/transfers", temporary(id, b.cell, "2025-06-02"))
        .await;
    cancel(&admin, &t).await;
    // The ruling, decided 2025-07-01 and announced 2025-07-07, reduces it to a reprimand.
    let settle = format!("/api/v1/members/{id}/cases/{}/settle", case.id());
    let ruling = json!({"settled_on": "2025-07-01", "announced_on": "2025-07-07",
                        "decision_no": "30-QĐ/UBKT", "ruling": "reduced",
                        "reduced_to": "reprimand", "outcome": "Giảm xuống khiển trách"});
    let res = admin.post(&settle, ruling.clone()).await;
    res.assert_status(200);
    assert_eq!(res.json["open"], false);
    assert_eq!(res.json["ruling"], "reduced");
    admin
        .post(&settle, ruling)
        .await
        .assert_problem(409, "case_settled");
    let reduced = discipline(&admin, id).await;
    assert_eq!(reduced["form"], "warning");
    assert_eq!(reduced["current_form"], "reprimand");
    assert!(reduced["complaint_on"].is_null());
    // Twelve months again, from the ruling's announcement.
    assert_eq!(reduced["lapses_on"], "2026-07-07");
    assert_eq!(reduced["in_force"], true);
    // Settled: the official transfer goes ahead.
    admin
        .post("/api/v1/transfers", official(id, b.cell, "2025-07-08"))
        .await
        .assert_status(201);
    let cases = admin
        .get_all(&format!("/api/v1/members/{id}/cases"), 50)
        .await;
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0]["settled_on"], "2025-07-01");
    let kinds: Vec<String> = admin
        .get_all(&format!("/api/v1/members/{id}/events"), 50)
        .await
        .iter()
        .filter_map(|e| e["kind"].as_str().map(String::from))
        .collect();
    assert!(
        kinds.contains(&"case_opened".into()) && kinds.contains(&"case_settled".into()),
        "{kinds:?}"
    );
    // Audited: the case opened and settled, the discipline before and after the ruling.
    let audit = admin.get("/api/v1/audit?entity=member_case").await;
    audit.assert_status(200);
    let actions: Vec<&str> = audit.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["action"].as_str())
        .collect();
    assert!(
        actions.contains(&"create") && actions.contains(&"settle"),
        "{actions:?}"
    );
    let trail = admin.get("/api/v1/audit?entity=discipline").await;
    let settled = trail.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["action"] == "settle")
        .cloned()
        .unwrap_or_else(|| panic!("no settle entry in {}", trail.json));
    assert!(settled["before"]["current_form"].is_null());
    assert_eq!(settled["after"]["current_form"], "reprimand");
    app.assert_invariant();
}

#[actix_web::test]
async fn an_inspection_blocks_an_official_transfer_and_a_ruling_is_only_for_a_complaint() {
    let (app, admin, _, b, id) = setup().await;
    let case = admin
        .post(
            &format!("/api/v1/members/{id}/cases"),
            json!({"kind": "inspection", "opened_on": "2025-05-05",
                   "summary": "Thanh tra tỉnh thanh tra dự án"}),
        )
        .await;
    case.assert_status(201);
    admin
        .post("/api/v1/transfers", official(id, b.cell, "2025-06-02"))
        .await
        .assert_problem(422, "official_transfer_blocked");
    let settle = format!("/api/v1/members/{id}/cases/{}/settle", case.id());
    let res = admin
        .post(
            &settle,
            json!({"settled_on": "2025-08-01", "decision_no": "5/KL-TTr", "ruling": "upheld"}),
        )
        .await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["field"], "ruling");
    let res = admin
        .post(
            &settle,
            json!({"settled_on": "2025-05-04", "decision_no": "5/KL-TTr"}),
        )
        .await;
    assert_eq!(res.json["errors"][0]["field"], "settled_on");
    admin
        .post(
            &settle,
            json!({"settled_on": "2025-08-01", "decision_no": "5/KL-TTr",
                   "outcome": "Không có vi phạm"}),
        )
        .await
        .assert_status(200);
    // Before the inspection began and after it ended, an official transfer is allowed.
    let t = admin
        .post("/api/v1/transfers", official(id, b.cell, "2025-08-01"))
        .await;
    cancel(&admin, &t).await;
    // A discipline only takes a complaint.
    let d = admin
        .post(
            &format!("/api/v1/members/{id}/disciplines"),
            json!({"form": "reprimand", "decided_on": "2025-09-01", "decision_no": "2",
                   "reason": "x"}),
        )
        .await;
    let res = admin
        .post(
            &format!("/api/v1/members/{id}/cases"),
            json!({"kind": "inspection", "opened_on": "2025-09-02", "discipline_id": d.id(),
                   "summary": "x"}),
        )
        .await;
    assert_eq!(res.json["errors"][0]["field"], "discipline_id");
    app.assert_invariant();
}

#[actix_web::test]
async fn a_ruling_upholds_or_annuls_and_no_discipline_is_held_for_ever() {
    let (app, admin, _, _, id) = setup().await;
    let d = admin
        .post(
            &format!("/api/v1/members/{id}/disciplines"),
            json!({"form": "warning", "decided_on": "2024-03-10", "decision_no": "1",
                   "reason": "x"}),
        )
        .await;
    // The older way of recording a complaint still works, and opens a complaint case.
    admin
        .post(
            &format!("/api/v1/members/{id}/disciplines/{}/hold", d.id()),
            json!({"kind": "complaint", "on": "2024-04-01"}),
        )
        .await
        .assert_status(200);
    let cases = admin
        .get_all(&format!("/api/v1/members/{id}/cases"), 50)
        .await;
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0]["discipline_id"], d.id());
    let settle = format!("/api/v1/members/{id}/cases/{}/settle", cases[0]["id"]);
    // A ruling needs its verdict; a reduction needs a lighter form.
    let res = admin
        .post(
            &settle,
            json!({"settled_on": "2024-06-03", "decision_no": "9"}),
        )
        .await;
    assert_eq!(res.json["errors"][0]["code"], "required");
    let res = admin
        .post(
            &settle,
            json!({"settled_on": "2024-06-03", "decision_no": "9", "ruling": "reduced",
                   "reduced_to": "dismissal"}),
        )
        .await;
    assert_eq!(res.json["errors"][0]["code"], "not_lighter");
    // Upheld on 2024-06-03: the discipline lapses on 2025-06-03, not held for ever.
    admin
        .post(
            &settle,
            json!({"settled_on": "2024-06-03", "decision_no": "9", "ruling": "upheld"}),
        )
        .await
        .assert_status(200);
    let upheld = discipline(&admin, id).await;
    assert_eq!(upheld["lapses_on"], "2025-06-03");
    assert_eq!(upheld["in_force"], false);
    // A second discipline, annulled on complaint.
    let d2 = admin
        .post(
            &format!("/api/v1/members/{id}/disciplines"),
            json!({"form": "reprimand", "decided_on": "2026-01-05", "decision_no": "2",
                   "reason": "y"}),
        )
        .await;
    let c = admin
        .post(
            &format!("/api/v1/members/{id}/cases"),
            json!({"kind": "complaint", "opened_on": "2026-01-20", "discipline_id": d2.id(),
                   "summary": "Khiếu nại"}),
        )
        .await;
    admin
        .post(
            &format!("/api/v1/members/{id}/cases/{}/settle", c.id()),
            json!({"settled_on": "2026-03-02", "decision_no": "10", "ruling": "annulled"}),
        )
        .await
        .assert_status(200);
    let list = admin
        .get_all(&format!("/api/v1/members/{id}/disciplines"), 50)
        .await;
    assert_eq!(list[1]["annulled_on"], "2026-03-02");
    assert!(list[1]["lapses_on"].is_null());
    assert_eq!(list[1]["in_force"], false);
    app.assert_invariant();
}
