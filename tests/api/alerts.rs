//! Alerts, on a fixed "today" (2026-06-01).

use qldv_tests::{member_json, TestApp};
use serde_json::json;

#[actix_web::test]
async fn each_alert_names_the_member_the_rule_and_the_date() {
    let app = TestApp::builder().today("2026-06-01").build().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let b = admin.create_tree("B").await;
    let official = |name: &str, cccd: &str| {
        member_json(
            a.cell,
            json!({"full_name": name, "birth_date": "1970-02-01",
        "national_id": cccd, "admission_decision_on": "2000-03-06", "ceremony_on": "2000-03-20",
        "status": "official", "official_on": "2001-03-20"}),
        )
    };
    // Rule 3: probation ended 2026-03-20, no decision 30 working days later.
    let overdue = admin
        .create_member(member_json(a.cell, json!({"full_name": "Quá Hạn Dự Bị"})))
        .await;
    // Not yet overdue: probation ends 2026-05-20.
    admin
        .create_member(member_json(
            a.cell,
            json!({"full_name": "Còn Hạn Dự Bị", "national_id": "031090005678",
        "admission_decision_on": "2025-05-05", "ceremony_on": "2025-05-20"}),
        ))
        .await;
    // Rule 6: a transfer not received by its deadline.
    let moving = admin
        .create_member(official("Chuyển Chưa Nhận", "031070000001"))
        .await;
    admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": moving, "to_organization_id": b.cell, "kind": "official",
        "issued_on": "2026-04-01", "reason": "Chuyển công tác"}),
        )
        .await
        .assert_status(201);
    // Rule 8: away since 2025-05-01 (over 12 months), and one away only since 2025-06-02.
    let away = admin
        .create_member(official("Làm Ăn Xa", "031070000002"))
        .await;
    admin
        .post(
            &format!("/api/v1/members/{away}/absences"),
            json!({"from": "2025-05-01", "place": "Bình Dương",
        "reason": "Làm ăn xa"}),
        )
        .await
        .assert_status(201);
    let recent = admin
        .create_member(official("Mới Đi Xa", "031070000003"))
        .await;
    admin
        .post(
            &format!("/api/v1/members/{recent}/absences"),
            json!({"from": "2025-06-02", "place": "Đồng Nai",
        "reason": "Làm ăn xa"}),
        )
        .await
        .assert_status(201);
    // Rule 11: a warning lapsing on 2026-06-15.
    let disciplined = admin
        .create_member(official("Sắp Hết Kỷ Luật", "031070000004"))
        .await;
    admin
        .post(
            &format!("/api/v1/members/{disciplined}/disciplines"),
            json!({"form": "warning",
        "decided_on": "2025-06-15", "decision_no": "1", "reason": "x"}),
        )
        .await
        .assert_status(201);
    // Rule 8: a temporary transfer that ended on 2026-05-31.
    let temporary = admin
        .create_member(official("Tạm Thời Hết Hạn", "031070000005"))
        .await;
    let t = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": temporary, "to_organization_id": b.cell,
        "kind": "temporary", "purpose": "work", "issued_on": "2025-07-01", "until": "2026-05-31",
        "reason": "Làm việc có thời hạn"}),
        )
        .await;
    admin
        .post(
            &format!("/api/v1/transfers/{}/accept", t.id()),
            json!({"received_on": "2025-07-02"}),
        )
        .await
        .assert_status(200);

    // Two at a time: the list is paged like every other (issue 19).
    let list = admin
        .get_all(&format!("/api/v1/alerts?organization_id={}", a.province), 2)
        .await;
    let got: Vec<(String, i64, u64)> = list
        .iter()
        .map(|x| {
            (
                x["kind"].as_str().unwrap().into(),
                x["member_id"].as_i64().unwrap(),
                x["rule"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut kinds: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    kinds.sort();
    assert_eq!(
        kinds,
        vec![
            "away_too_long",
            "discipline_lapsing",
            "recognition_overdue",
            "temporary_transfer_expired",
            "transfer_not_received"
        ],
        "{list:?}"
    );
    assert!(got.contains(&("recognition_overdue".into(), overdue, 3)));
    assert!(got.contains(&("transfer_not_received".into(), moving, 6)));
    assert!(got.contains(&("away_too_long".into(), away, 8)));
    assert!(got.contains(&("discipline_lapsing".into(), disciplined, 11)));
    assert!(got.contains(&("temporary_transfer_expired".into(), temporary, 8)));
    let lapsing = list
        .iter()
        .find(|x| x["kind"] == "discipline_lapsing")
        .unwrap();
    assert_eq!(lapsing["date"], "2026-06-15");
    let dates: Vec<&str> = list.iter().map(|x| x["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "alerts come by date");

    // The receiving side sees the transfers that concern it, nothing else of A.
    let org_b = app.user("to-chuc-b", "organizer", Some(b.province)).await;
    let mut kinds: Vec<String> = org_b
        .get_all("/api/v1/alerts", 50)
        .await
        .iter()
        .map(|x| x["kind"].as_str().unwrap().into())
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        vec!["temporary_transfer_expired", "transfer_not_received"]
    );
    org_b
        .get(&format!("/api/v1/alerts?organization_id={}", a.province))
        .await
        .assert_problem(404, "not_found");
}
