//! Arrivals from outside the system (rule 7) and the end of temporary registrations (rule 8).

use qldv_tests::{member_json, TestApp};
use serde_json::{json, Value};

/// An arrival from the army of an official member admitted on 2005-06-10 (20 years of party
/// age on 2025-07-01), into `cell`.
fn from_the_army(cell: i64, declared: u32) -> Value {
    json!({
        "source": "army",
        "from_external": "Đảng ủy Quân sự tỉnh Hải Dương",
        "to_organization_id": cell,
        "issued_on": "2025-06-20",
        "received_on": "2025-07-01",
        "decision_no": "112-GGT/ĐUQS",
        "declared_party_age_years": declared,
        "member": member_json(cell, json!({
            "full_name": "Trần Văn Bình", "birth_date": "1983-04-12",
            "national_id": "031083004321",
            "admission_decision_on": "2005-06-10", "admission_decision_no": "45-QĐ/ĐU",
            "ceremony_on": "2005-06-24", "status": "official", "official_on": "2006-06-24"
        })),
    })
}

/// The movement report's total row for the subtree of `org` over `[from, to]`, by column key.
async fn total(
    admin: &qldv_tests::Client,
    org: i64,
    from: &str,
    to: &str,
) -> serde_json::Map<String, Value> {
    let res = admin
        .get(&format!(
            "/api/v1/reports/movement?organization_id={org}&from={from}&to={to}"
        ))
        .await;
    res.assert_status(200);
    let s = &res.json["sections"][0];
    let row = s["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|x| x["key"] == "total"))
        .unwrap_or_else(|| panic!("no total in {}", res.json));
    s["columns"]
        .as_array()
        .unwrap()
        .iter()
        .zip(row["values"].as_array().unwrap())
        .map(|(c, v)| (c["key"].as_str().unwrap().to_string(), v.clone()))
        .collect()
}

#[actix_web::test]
async fn an_arrival_from_the_army_is_a_transfer_in_with_its_party_age() {
    let app = TestApp::builder().today("2025-09-01").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;

    // The dates typed in must give the party age the paper states.
    admin
        .post("/api/v1/transfers/arrivals", from_the_army(t.cell, 21))
        .await
        .assert_problem(422, "party_age_mismatch");
    let res = admin
        .post("/api/v1/transfers/arrivals", from_the_army(t.cell, 20))
        .await;
    res.assert_status(201);
    let id = res.id();
    assert_eq!(res.json["status"], "official");
    assert_eq!(res.json["organization_id"], t.cell);
    assert_eq!(res.json["first_admission_decision_on"], "2005-06-10");
    assert_eq!(res.json["official_on"], "2006-06-24");
    assert_eq!(res.json["party_age_years"], 20);
    // The gap between the army's paper and the arrival (11 days) is an interruption.
    let age = admin
        .get(&format!("/api/v1/members/{id}/party-age?as_of=2025-07-01"))
        .await;
    assert_eq!(age.json["interruptions_days"], 11, "{}", age.json);
    let age = admin
        .get(&format!("/api/v1/members/{id}/party-age?as_of=2025-06-10"))
        .await;
    assert_eq!(
        (
            age.json["years"].clone(),
            age.json["interruptions_days"].clone()
        ),
        (json!(20), json!(0))
    );

    // Counted as a transfer in, never an admission; July only.
    let july = total(&admin, t.commune, "2025-07-01", "2025-07-31").await;
    assert_eq!(
        (
            july["start"].clone(),
            july["transferred_in"].clone(),
            july["admitted"].clone(),
            july["end"].clone()
        ),
        (json!(0), json!(1), json!(0), json!(1)),
        "{july:?}"
    );
    // A report of June does not show the member (no past period is rewritten).
    let june = total(&admin, t.commune, "2025-06-01", "2025-06-30").await;
    assert_eq!(
        (june["start"].clone(), june["end"].clone()),
        (json!(0), json!(0))
    );

    let events = admin.get(&format!("/api/v1/members/{id}/events")).await;
    let arrived = events.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "arrived_from_outside")
        .cloned()
        .unwrap();
    assert_eq!(arrived["occurred_on"], "2025-07-01");
    assert_eq!(arrived["decision_no"], "112-GGT/ĐUQS");
    assert_eq!(arrived["details"]["source"], "army");

    // Issue 20: the arrival wrote no transfer, so the clerk's "chuyển đến" list missed it. It
    // is a completed incoming transfer from the army, never an outgoing one.
    let incoming = admin
        .get(&format!(
            "/api/v1/transfers?organization_id={}&direction=incoming",
            t.commune
        ))
        .await;
    incoming.assert_status(200);
    let items = incoming.json["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(items.len(), 1, "{}", incoming.json);
    let tr = &items[0];
    assert_eq!(
        (
            tr["member_id"].clone(),
            tr["status"].clone(),
            tr["kind"].clone(),
            tr["from_external"].clone(),
            tr["to_organization_id"].clone(),
            tr["issued_on"].clone(),
            tr["received_on"].clone(),
            tr["decision_no"].clone(),
        ),
        (
            json!(id),
            json!("completed"),
            json!("official"),
            json!("Đảng ủy Quân sự tỉnh Hải Dương"),
            json!(t.cell),
            json!("2025-06-20"),
            json!("2025-07-01"),
            json!("112-GGT/ĐUQS"),
        )
    );
    let outgoing = admin
        .get(&format!(
            "/api/v1/transfers?organization_id={}&direction=outgoing",
            t.commune
        ))
        .await;
    assert_eq!(outgoing.json["items"], json!([]), "{}", outgoing.json);
    app.assert_invariant();
}

#[actix_web::test]
async fn a_member_transferred_out_comes_back_without_losing_the_time_outside() {
    let app = TestApp::builder().today("2025-09-01").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin
        .create_member(member_json(
            t.cell,
            json!({"birth_date": "1970-02-01", "national_id": "031070001234",
                   "admission_decision_on": "2000-03-06", "ceremony_on": "2000-03-20",
                   "status": "official", "official_on": "2001-03-20"}),
        ))
        .await;
    admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": id, "to_external": "Đảng bộ Quân khu 3", "kind": "official",
                   "issued_on": "2010-06-01", "reason": "Nhập ngũ"}),
        )
        .await
        .assert_status(201);
    let back = admin
        .post(
            "/api/v1/transfers/arrivals",
            json!({"source": "army", "from_external": "Đảng bộ Quân khu 3",
                   "to_organization_id": t.cell, "member_id": id,
                   "issued_on": "2020-03-01", "received_on": "2020-03-06"}),
        )
        .await;
    back.assert_status(201);
    assert_eq!(back.json["status"], "official");
    let age = admin
        .get(&format!("/api/v1/members/{id}/party-age?as_of=2025-03-11"))
        .await;
    // 2000-03-06 → 2025-03-06 is 25 years; only the five days of the gap are taken off.
    assert_eq!(
        (
            age.json["years"].clone(),
            age.json["months"].clone(),
            age.json["days"].clone()
        ),
        (json!(25), json!(0), json!(0)),
        "{}",
        age.json
    );
    // Only a member transferred out comes back this way.
    admin
        .post(
            "/api/v1/transfers/arrivals",
            json!({"source": "army", "from_external": "x", "to_organization_id": t.cell,
                   "member_id": id, "received_on": "2025-06-01"}),
        )
        .await
        .assert_status(409);
    app.assert_invariant();
}

/// Issue 20: the expired-temporary-registration alert fired for ever, because a temporary
/// registration never ended. A recorded return ends it.
#[actix_web::test]
async fn a_recorded_return_ends_the_temporary_registration_and_its_alert() {
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
    let tid = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": id, "to_organization_id": b.cell, "kind": "temporary",
                   "purpose": "work", "issued_on": "2025-07-01", "until": "2026-05-31",
                   "reason": "Làm việc có thời hạn"}),
        )
        .await
        .id();
    admin
        .post(
            &format!("/api/v1/transfers/{tid}/accept"),
            json!({"received_on": "2025-07-05"}),
        )
        .await
        .assert_status(200);
    let kinds = |list: Vec<Value>| -> Vec<String> {
        list.iter()
            .map(|x| x["kind"].as_str().unwrap().to_string())
            .collect()
    };
    let alerts = admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", a.province),
            50,
        )
        .await;
    assert_eq!(kinds(alerts), vec!["temporary_transfer_expired"]);

    let res = admin
        .post(
            &format!("/api/v1/transfers/{tid}/return"),
            json!({"returned_on": "2026-05-30"}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["ended_on"], "2026-05-30");
    let alerts = admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", a.province),
            50,
        )
        .await;
    assert!(kinds(alerts).is_empty());
    // Once ended, it does not end again.
    admin
        .post(
            &format!("/api/v1/transfers/{tid}/return"),
            json!({"returned_on": "2026-05-31"}),
        )
        .await
        .assert_problem(409, "temporary_not_in_effect");
    let events = admin.get(&format!("/api/v1/members/{id}/events")).await;
    assert!(events.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "temporary_transfer_ended"));
}

/// Rule 8: "or becomes official": an official transfer ends the temporary registration.
#[actix_web::test]
async fn an_official_transfer_ends_the_temporary_registration() {
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
    let tid = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": id, "to_organization_id": b.cell, "kind": "temporary",
                   "purpose": "work", "issued_on": "2025-07-01", "until": "2026-05-31",
                   "reason": "Làm việc có thời hạn"}),
        )
        .await
        .id();
    admin
        .post(
            &format!("/api/v1/transfers/{tid}/accept"),
            json!({"received_on": "2025-07-05"}),
        )
        .await
        .assert_status(200);
    let off = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": id, "to_organization_id": b.cell, "kind": "official",
                   "issued_on": "2026-01-05", "reason": "Chuyển công tác hẳn"}),
        )
        .await;
    off.assert_status(201);
    admin
        .post(
            &format!("/api/v1/transfers/{}/accept", off.id()),
            json!({"received_on": "2026-01-12"}),
        )
        .await
        .assert_status(200);
    let t = admin.get(&format!("/api/v1/transfers/{tid}")).await;
    assert_eq!(t.json["ended_on"], "2026-01-12", "{}", t.json);
    let alerts = admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", b.province),
            50,
        )
        .await;
    assert!(
        alerts
            .iter()
            .all(|x| x["kind"] != "temporary_transfer_expired"),
        "{alerts:?}"
    );
}

/// Rule 8, abroad: to a party organisation abroad for under a year, in one step; the member
/// stays in the sender's count; a year or more is an official transfer abroad.
#[actix_web::test]
async fn a_temporary_transfer_abroad_is_under_a_year_and_keeps_the_member_here() {
    let app = TestApp::builder().today("2026-06-01").build().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let id = admin
        .create_member(member_json(
            a.cell,
            json!({"birth_date": "1970-02-01", "national_id": "031070001234",
                   "admission_decision_on": "2000-03-06", "ceremony_on": "2000-03-20",
                   "status": "official", "official_on": "2001-03-20"}),
        ))
        .await;
    let body = |until: &str| {
        json!({"member_id": id, "to_external": "Đảng ủy Ngoài nước (chi bộ tại Nhật Bản)",
               "kind": "temporary", "purpose": "abroad", "issued_on": "2025-09-01",
               "until": until, "reason": "Đi học tập ngắn hạn ở nước ngoài"})
    };
    admin
        .post("/api/v1/transfers", body("2026-09-01"))
        .await
        .assert_problem(422, "validation_failed");
    let res = admin.post("/api/v1/transfers", body("2026-03-01")).await;
    res.assert_status(201);
    assert_eq!(res.json["purpose"], "abroad");
    assert_eq!(
        res.json["to_external"],
        "Đảng ủy Ngoài nước (chi bộ tại Nhật Bản)"
    );
    let m = admin.get(&format!("/api/v1/members/{id}")).await;
    assert_eq!(m.json["status"], "official");
    assert_eq!(m.json["organization_id"], a.cell);
    // Past its end without a return: the alert; the return ends it.
    let alerts = admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", a.province),
            50,
        )
        .await;
    assert!(alerts
        .iter()
        .any(|x| x["kind"] == "temporary_transfer_expired"));
    admin
        .post(
            &format!("/api/v1/transfers/{}/return", res.id()),
            json!({"returned_on": "2026-03-01"}),
        )
        .await
        .assert_status(200);
    let alerts = admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", a.province),
            50,
        )
        .await;
    assert!(alerts
        .iter()
        .all(|x| x["kind"] != "temporary_transfer_expired"));
    app.assert_invariant();
}
