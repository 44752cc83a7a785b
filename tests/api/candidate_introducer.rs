//! Rule 25 while the file is open: an introducer transferred to another grassroots
//! organisation has left the candidate's (an alert on the open file, and no new introduction
//! by them).

use qldv_tests::TestApp;
use serde_json::{json, Value};

use crate::candidates::{candidate_json, fixture, introduce_and_resolve, prepare};

#[actix_web::test]
async fn an_introducer_transferred_to_another_grassroots_organisation_is_an_alert() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (t, officials, id) = fixture(&admin, "Chuyển đi").await;
    prepare(&admin, id).await;
    introduce_and_resolve(&admin, id, &officials).await;
    let other = admin.create_tree("Nơi khác").await;
    let transfer = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": officials[0], "to_organization_id": other.cell, "kind": "official",
                   "issued_on": "2024-06-10", "reason": "Chuyển công tác", "decision_no": "45-GGT/ĐU"}),
        )
        .await;
    transfer.assert_status(201);
    admin
        .post(
            &format!("/api/v1/transfers/{}/accept", transfer.id()),
            json!({"received_on": "2024-06-12"}),
        )
        .await
        .assert_status(200);
    let alerts = admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", t.province),
            50,
        )
        .await;
    let left: Vec<&Value> = alerts
        .iter()
        .filter(|a| a["member_id"] == id && a["kind"] == "candidate_introducer_left")
        .collect();
    assert_eq!(left.len(), 1, "{alerts:?}");
    assert_eq!(left[0]["rule"], 25);
    // A new candidate of the cell cannot be introduced by them any more.
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/candidates", t.cell),
            candidate_json("Lò Thị Mai", "031195002222"),
        )
        .await;
    res.assert_status(201);
    let second = res.id();
    prepare(&admin, second).await;
    admin
        .post(
            &format!("/api/v1/candidates/{second}/steps"),
            json!({"kind": "introduction", "on": "2024-07-02", "introducer_id": officials[0],
                   "together_since": "2023-05-02"}),
        )
        .await
        .assert_problem(422, "introducer_left");
}
