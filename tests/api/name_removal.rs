//! Rule 23: name-removal proposals, an alert (never an automatic exit). Today: "not complete"
//! two years running; the meeting and dues grounds join the same alert later.

use qldv_tests::{official_json, Client, TestApp};
use serde_json::{json, Value};

async fn rate(admin: &Client, id: i64, year: i32, level: &str) {
    let body = match (year >= 2025, level) {
        (true, "not_complete") => json!({"level": level, "score": 40, "note": "Không hoàn thành"}),
        (true, _) => json!({"level": level, "score": 60}),
        (false, _) => json!({"level": level}),
    };
    admin
        .put(
            &format!("/api/v1/members/{id}/evaluations/{year}"),
            body,
            None,
        )
        .await
        .assert_status(200);
}

fn proposals(alerts: &[Value]) -> Vec<(i64, Value, Value)> {
    alerts
        .iter()
        .filter(|a| a["kind"] == "name_removal_proposed")
        .map(|a| {
            (
                a["member_id"].as_i64().unwrap(),
                a["rule"].clone(),
                a["date"].clone(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn not_complete_two_years_running_proposes_a_name_removal() {
    let app = TestApp::builder().today("2026-06-01").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let mut n = 0;
    let mut member = |name: &'static str| {
        n += 1;
        official_json(t.cell, name, 1980, "2010-03-02", n)
    };
    let running = admin.create_member(member("Lê Văn Hai Năm")).await;
    let between = admin.create_member(member("Lê Văn Cách Năm")).await;
    let recovered = admin.create_member(member("Lê Văn Đã Tiến Bộ")).await;
    let once = admin.create_member(member("Lê Văn Một Năm")).await;
    let gone = admin.create_member(member("Lê Văn Đã Xóa")).await;
    for (id, levels) in [
        (running, ["good", "not_complete", "not_complete"]),
        (between, ["not_complete", "complete", "not_complete"]),
        (recovered, ["not_complete", "not_complete", "complete"]),
        (once, ["complete", "complete", "not_complete"]),
        (gone, ["good", "not_complete", "not_complete"]),
    ] {
        for (year, level) in (2023..).zip(levels) {
            rate(&admin, id, year, level).await;
        }
    }
    admin
        .post(
            &format!("/api/v1/members/{gone}/exit"),
            json!({"reason": "name_removed", "effective_on": "2026-05-01", "decision_no": "7-QĐ/ĐU"}),
        )
        .await
        .assert_status(200);
    let alerts = admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", t.province),
            50,
        )
        .await;
    // Only the member rated "not complete" in 2024 and 2025, still a member, is proposed.
    assert_eq!(
        proposals(&alerts),
        vec![(running, json!(23), json!("2025-12-31"))]
    );
    let a = alerts
        .iter()
        .find(|a| a["kind"] == "name_removal_proposed")
        .unwrap();
    assert!(a["message"].as_str().unwrap().contains("2024, 2025"));
    // An alert, not an exit: the member is still official.
    let m = admin.get(&format!("/api/v1/members/{running}")).await;
    assert_eq!(m.json["status"], "official");
}
