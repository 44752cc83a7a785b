//! Correcting the file's own fields (`PATCH /candidates/{id}`): source, day of identification,
//! union memberships, categories — checked by the rules of the steps recorded, audited, and
//! refused once the file is closed.

use qldv_tests::{Client, TestApp};
use serde_json::{json, Value};

use crate::candidates::{fixture, prepare};

async fn patch(admin: &Client, id: i64, body: Value) -> qldv_tests::Response {
    let now = admin.get(&format!("/api/v1/candidates/{id}")).await;
    let version = format!("\"{}\"", now.json["version"]);
    admin
        .patch(&format!("/api/v1/candidates/{id}"), body, Some(&version))
        .await
}

#[actix_web::test]
async fn the_files_own_fields_are_corrected_by_the_rules_of_its_steps_and_audited() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (_t, _officials, id) = fixture(&admin, "Sửa hồ sơ").await;
    prepare(&admin, id).await;
    let res = patch(
        &admin,
        id,
        json!({"source": "womens_union", "categories": ["student", "worker"],
               "population_policy": true, "phone": "0987654321"}),
    )
    .await;
    res.assert_status(200);
    assert_eq!(res.json["source"], "womens_union");
    assert_eq!(res.json["categories"], json!(["student", "worker"]));
    assert_eq!(res.json["population_policy"], true);
    assert_eq!(res.json["phone"], "0987654321");
    // The certificate may predate the identification, the application may not.
    patch(&admin, id, json!({"identified_on": "2024-02-15"}))
        .await
        .assert_status(200);
    patch(&admin, id, json!({"identified_on": "2024-03-02"}))
        .await
        .assert_problem(422, "before_identification");
    patch(&admin, id, json!({"categories": ["women"]}))
        .await
        .assert_status(422);
    let file = admin.get(&format!("/api/v1/candidates/{id}")).await;
    assert_eq!(file.json["identified_on"], "2024-02-15");
    assert_eq!(file.json["categories"], json!(["student", "worker"]));
    // The audit trail keeps the file's fields before and after.
    let trail = admin
        .get(&format!("/api/v1/audit?entity=candidate&entity_id={id}"))
        .await;
    trail.assert_status(200);
    assert!(
        trail.text.contains("womens_union") && trail.text.contains("2024-02-15"),
        "{}",
        trail.text
    );
    // A closed file's own fields stay.
    admin
        .post(
            &format!("/api/v1/candidates/{id}/drop"),
            json!({"on": "2024-05-01", "reason": "withdrew"}),
        )
        .await
        .assert_status(200);
    patch(&admin, id, json!({"source": "veterans"}))
        .await
        .assert_problem(422, "candidate_file_closed");
}
