//! Who records a step of the admission file (29-QĐ/TW §4.3.2): the cell its own steps, the
//! grassroots committee its resolution, the committee with the power to admit (above the
//! grassroots organisation) the extension, the decision and the refusal.

use qldv_tests::TestApp;
use serde_json::json;

use crate::candidates::{fixture, prepare, step};

#[actix_web::test]
async fn the_decision_is_recorded_by_the_deciding_committee_not_the_cell() {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let (t, officials, id) = fixture(&admin, "Thẩm quyền").await;
    let cell = app.user("chibo", "organizer", Some(t.cell)).await;
    let commune = app.user("dangxa", "organizer", Some(t.commune)).await;
    let province = app.user("tinh", "organizer", Some(t.province)).await;
    prepare(&cell, id).await;
    for o in &officials[..2] {
        step(
            &cell,
            id,
            json!({"kind": "introduction", "on": "2024-05-02", "introducer_id": o,
                   "together_since": "2023-05-02"}),
        )
        .await;
    }
    step(
        &cell,
        id,
        json!({"kind": "cell_resolution", "on": "2024-05-20", "document_no": "5-NQ/CB",
               "vote_members": 3, "vote_agreeing": 3}),
    )
    .await;
    let grassroots = json!({"kind": "grassroots_resolution", "on": "2024-06-03",
                            "document_no": "20-NQ/ĐU", "vote_members": 7, "vote_agreeing": 5});
    cell.post(
        &format!("/api/v1/candidates/{id}/steps"),
        grassroots.clone(),
    )
    .await
    .assert_problem(422, "step_not_competent");
    step(&commune, id, grassroots).await;
    let decision = json!({"kind": "admission_decision", "on": "2024-07-01",
                          "document_no": "88-QĐ/HU", "received_on": "2024-07-03"});
    for not_deciding in [&cell, &commune] {
        not_deciding
            .post(&format!("/api/v1/candidates/{id}/steps"), decision.clone())
            .await
            .assert_problem(422, "step_not_competent");
    }
    step(&province, id, decision).await;
    // The cell holds the ceremony.
    let done = step(&cell, id, json!({"kind": "ceremony", "on": "2024-07-20"})).await;
    assert_eq!(done["candidate"]["status"], "probationary");
}
