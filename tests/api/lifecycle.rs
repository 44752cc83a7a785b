//! Discipline, exits, re-admission and periods, with their boundary dates.

use qldv_tests::{member_json, Client, TestApp, Tree};
use serde_json::{json, Value};

async fn setup() -> (TestApp, Client, Tree, Tree) {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let b = admin.create_tree("B").await;
    (app, admin, a, b)
}

fn official_member(cell: i64, cccd: &str) -> Value {
    member_json(
        cell,
        json!({"birth_date": "1970-02-01", "national_id": cccd,
               "admission_decision_on": "2000-03-06", "ceremony_on": "2000-03-20",
               "status": "official", "official_on": "2001-03-20"}),
    )
}

async fn age(admin: &Client, id: i64, as_of: &str) -> Value {
    let res = admin
        .get(&format!("/api/v1/members/{id}/party-age?as_of={as_of}"))
        .await;
    res.assert_status(200);
    json!([
        res.json["years"],
        res.json["months"],
        res.json["days"],
        res.json["interruptions_days"]
    ])
}

#[actix_web::test]
async fn a_member_walks_from_admission_to_readmission_and_official_again() {
    let (app, admin, a, b) = setup().await;
    // Admission.
    let body = member_json(
        a.cell,
        json!({"birth_date": "1980-01-15", "national_id": "031080001234",
        "admission_decision_on": "2005-03-07", "ceremony_on": "2005-03-21"}),
    );
    let id = admin.create_member(body).await;
    let m = format!("/api/v1/members/{id}");
    assert!(admin.get(&m).await.json["party_age_years"].is_null());
    // Recognition: official from 2006-03-21.
    admin
        .post(
            &format!("{m}/recognition"),
            json!({"decided_on": "2006-03-25", "decision_no": "12-QĐ/ĐU"}),
        )
        .await
        .assert_status(200);
    assert_eq!(age(&admin, id, "2010-06-01").await, json!([5, 2, 25, 0]));
    // Transfer: ten days between leaving and arriving.
    let t = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": id, "to_organization_id": b.cell, "kind": "official",
        "issued_on": "2010-06-01", "reason": "Chuyển công tác"}),
        )
        .await;
    t.assert_status(201);
    admin
        .post(
            &format!("/api/v1/transfers/{}/accept", t.id()),
            json!({"received_on": "2010-06-11"}),
        )
        .await
        .assert_status(200);
    assert_eq!(age(&admin, id, "2012-01-09").await, json!([6, 9, 23, 10]));
    // Discipline: a warning, in force for 12 months.
    admin
        .post(
            &format!("{m}/disciplines"),
            json!({"form": "warning", "decided_on": "2012-01-09",
        "decision_no": "5-QĐ/UBKT", "reason": "Vi phạm quy định sinh hoạt"}),
        )
        .await
        .assert_status(201);
    // Name removal.
    let res = admin
        .post(
            &format!("{m}/exit"),
            json!({"reason": "name_removed", "effective_on": "2014-05-05",
        "decision_no": "7-QĐ/ĐU"}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["status"], "exited");
    app.assert_invariant();
    // Age stops at the exit.
    let (at_exit, later) = (
        age(&admin, id, "2014-05-05").await,
        age(&admin, id, "2016-01-01").await,
    );
    assert_eq!(
        at_exit.as_array().unwrap()[..3],
        later.as_array().unwrap()[..3]
    );
    assert_eq!(at_exit, json!([9, 1, 18, 10]));
    // Re-admission after 36 months, with consent: a new probation.
    let res = admin
        .post(
            &format!("{m}/readmission"),
            json!({"admission_decision_on": "2017-05-05",
        "ceremony_on": "2017-05-19", "decision_no": "99-QĐ/ĐU", "consent_no": "15-CV/TU"}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["status"], "probationary");
    assert_eq!(res.json["first_admission_decision_on"], "2005-03-07");
    app.assert_invariant();
    // Recognised again: official from 2018-05-19; the time out is subtracted.
    let res = admin
        .post(
            &format!("{m}/recognition"),
            json!({"decided_on": "2018-05-20", "decision_no": "3-QĐ/ĐU"}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["official_on"], "2018-05-19");
    // Transfer gap + 2014-05-05 .. 2017-05-05; 2025-01-01 minus 1106 days is 2021-12-22.
    let interruption = 10 + 1096;
    assert_eq!(
        age(&admin, id, "2025-01-01").await,
        json!([16, 9, 15, interruption])
    );
    let kinds: Vec<String> = admin
        .get_all(&format!("{m}/events"), 50)
        .await
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        kinds,
        vec![
            "admitted",
            "recognized",
            "transfer_issued",
            "transfer_received",
            "disciplined",
            "exited",
            "readmitted",
            "recognized"
        ]
    );
}

#[actix_web::test]
async fn discipline_forms_depend_on_status_and_post() {
    let (app, admin, a, _) = setup().await;
    let prob = admin.create_member(member_json(a.cell, json!({}))).await;
    let res = admin
        .post(
            &format!("/api/v1/members/{prob}/disciplines"),
            json!({"form": "dismissal",
        "decided_on": "2025-06-02", "decision_no": "1", "reason": "x", "post": "Phó bí thư"}),
        )
        .await;
    assert_eq!(res.json["errors"][0]["code"], "form_not_allowed");
    admin
        .post(
            &format!("/api/v1/members/{prob}/disciplines"),
            json!({"form": "warning",
        "decided_on": "2025-06-02", "decision_no": "1", "reason": "x"}),
        )
        .await
        .assert_status(201);
    let off = admin
        .create_member(official_member(a.cell, "031070001234"))
        .await;
    let res = admin
        .post(
            &format!("/api/v1/members/{off}/disciplines"),
            json!({"form": "dismissal",
        "decided_on": "2025-06-02", "decision_no": "2", "reason": "x"}),
        )
        .await;
    assert_eq!(res.json["errors"][0]["code"], "form_not_allowed");
    let res = admin
        .post(
            &format!("/api/v1/members/{off}/disciplines"),
            json!({"form": "dismissal",
        "decided_on": "2025-06-02", "decision_no": "2", "reason": "x", "post": "Bí thư chi bộ"}),
        )
        .await;
    res.assert_status(201);
    assert_eq!(res.json["lapses_on"], "2026-06-02");
    app.assert_invariant();
}

#[actix_web::test]
async fn readmission_waits_36_months_and_needs_consent() {
    let (app, admin, a, _) = setup().await;
    let id = admin
        .create_member(official_member(a.cell, "031070001234"))
        .await;
    admin
        .post(
            &format!("/api/v1/members/{id}/exit"),
            json!({"reason": "name_removed",
        "effective_on": "2020-05-01", "decision_no": "1"}),
        )
        .await
        .assert_status(200);
    let readmit = |on: &str| {
        json!({"admission_decision_on": on, "ceremony_on": on,
        "decision_no": "2", "consent_no": "3-CV/TU"})
    };
    admin
        .post(
            &format!("/api/v1/members/{id}/readmission"),
            readmit("2023-04-30"),
        )
        .await
        .assert_problem(422, "readmission_too_early");
    admin
        .post(
            &format!("/api/v1/members/{id}/readmission"),
            readmit("2023-05-01"),
        )
        .await
        .assert_status(200);
    app.assert_invariant();
    // Once per person.
    admin
        .post(
            &format!("/api/v1/members/{id}/exit"),
            json!({"reason": "name_removed",
        "effective_on": "2024-01-02", "decision_no": "4"}),
        )
        .await
        .assert_status(200);
    admin
        .post(
            &format!("/api/v1/members/{id}/readmission"),
            readmit("2027-01-04"),
        )
        .await
        .assert_problem(422, "readmission_not_allowed");
}

#[actix_web::test]
async fn some_exits_bar_readmission_forever() {
    let (_app, admin, a, _) = setup().await;
    let readmit = json!({"admission_decision_on": "2025-06-02", "ceremony_on": "2025-06-02",
        "decision_no": "2", "consent_no": "3-CV/TU"});
    let abandoned = admin
        .create_member(official_member(a.cell, "031070001234"))
        .await;
    admin
        .post(
            &format!("/api/v1/members/{abandoned}/exit"),
            json!({"reason": "name_removed",
        "effective_on": "2020-01-02", "decision_no": "1", "abandoned_activities": true}),
        )
        .await
        .assert_status(200);
    admin
        .post(
            &format!("/api/v1/members/{abandoned}/readmission"),
            readmit.clone(),
        )
        .await
        .assert_problem(422, "readmission_not_allowed");
    let expelled = admin
        .create_member(official_member(a.cell, "031070005678"))
        .await;
    admin.post(&format!("/api/v1/members/{expelled}/disciplines"), json!({"form": "expulsion",
        "decided_on": "2020-01-02", "decision_no": "9", "reason": "Tham nhũng", "bars_readmission": true}))
        .await.assert_status(201);
    let m = admin.get(&format!("/api/v1/members/{expelled}")).await;
    assert_eq!(m.json["status"], "exited");
    admin
        .post(
            &format!("/api/v1/members/{expelled}/readmission"),
            readmit.clone(),
        )
        .await
        .assert_problem(422, "readmission_not_allowed");
    let resigned = admin
        .create_member(official_member(a.cell, "031070009999"))
        .await;
    admin
        .post(
            &format!("/api/v1/members/{resigned}/exit"),
            json!({"reason": "resigned",
        "effective_on": "2020-01-02", "decision_no": "1"}),
        )
        .await
        .assert_status(200);
    admin
        .post(&format!("/api/v1/members/{resigned}/readmission"), readmit)
        .await
        .assert_problem(422, "readmission_not_allowed");
}

#[actix_web::test]
async fn no_exit_while_a_transfer_is_pending() {
    let (app, admin, a, b) = setup().await;
    let id = admin
        .create_member(official_member(a.cell, "031070001234"))
        .await;
    admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": id, "to_organization_id": b.cell, "kind": "official",
        "issued_on": "2025-06-02", "reason": "x"}),
        )
        .await
        .assert_status(201);
    admin
        .post(
            &format!("/api/v1/members/{id}/exit"),
            json!({"reason": "deceased",
        "effective_on": "2025-06-10", "decision_no": "1"}),
        )
        .await
        .assert_problem(409, "transfer_pending");
    app.assert_invariant();
}

#[actix_web::test]
async fn exemptions_and_working_away_show_for_the_days_they_cover() {
    let (_app, admin, a, _) = setup().await;
    let id = admin
        .create_member(official_member(a.cell, "031070001234"))
        .await;
    admin
        .post(
            &format!("/api/v1/members/{id}/absences"),
            json!({"from": "2020-01-01", "reason": "Làm ăn xa"}),
        )
        .await
        .assert_problem(422, "validation_failed");
    admin
        .post(
            &format!("/api/v1/members/{id}/absences"),
            json!({"from": "2020-01-01", "to": "2020-12-31",
        "place": "Bình Dương", "reason": "Làm ăn xa"}),
        )
        .await
        .assert_status(201);
    assert_eq!(
        admin.get(&format!("/api/v1/members/{id}")).await.json["away"],
        false
    );
    admin
        .post(
            &format!("/api/v1/members/{id}/exemptions"),
            json!({"from": "2024-01-01",
        "reason": "Tuổi cao, sức yếu"}),
        )
        .await
        .assert_status(201);
    let m = admin.get(&format!("/api/v1/members/{id}")).await;
    assert_eq!(
        (m.json["exempt"].as_bool(), m.json["away"].as_bool()),
        (Some(true), Some(false))
    );
    let periods = admin
        .get_all(&format!("/api/v1/members/{id}/periods"), 1)
        .await;
    assert_eq!(periods.len(), 2);
}

#[actix_web::test]
async fn the_integrity_check_names_a_member_whose_records_disagree() {
    use diesel::RunQueryDsl;
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("Kiểm Tra").await;
    let id = admin
        .create_member(qldv_tests::member_json(t.cell, serde_json::json!({})))
        .await;
    app.assert_invariant();
    let mut conn = app.state.pool.get().unwrap();
    diesel::sql_query(format!(
        "UPDATE memberships SET to_on = '2025-06-01' WHERE member_id = {id}"
    ))
    .execute(&mut conn)
    .unwrap();
    let problems = qldv::services::integrity::check(&mut conn).unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains(&format!("đảng viên {id}")));
}
