//! No membership oracle: that a CCCD is held by a record outside the caller's scope is told
//! without saying where, only for otherwise valid input, audited where the holder's board (and
//! the nation) reads it, and allowed a few times a day per account.

use qldv_tests::{member_json, Client, TestApp, Tree};
use serde_json::{json, Value};

const HEADER: &str = "Họ và tên,Giới tính,Ngày sinh,Số CCCD,Số lý lịch,Dân tộc,Ngày quyết định kết nạp,Ngày kết nạp,Ngày chính thức,Mã chi bộ";

/// Province B holds members with CCCDs `0310900000NN`; A's organizer probes them.
async fn setup() -> (TestApp, Client, Client, Tree, Tree, Vec<i64>) {
    let app = TestApp::builder().today("2026-11-23").build().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let b = admin.create_tree("B").await;
    let mut held = Vec::new();
    for i in 0..3 {
        held.push(
            admin
                .create_member(member_json(
                    b.cell,
                    json!({"national_id": format!("0310900000{i:02}"), "full_name": "Phạm Văn Bí"}),
                ))
                .await,
        );
    }
    let organizer = app.user("to-chuc-a", "organizer", Some(a.province)).await;
    (app, admin, organizer, a, b, held)
}

async fn import(client: &Client, org: i64, csv: &str) -> Value {
    let res = client
        .upload(
            "/api/v1/imports",
            &[("organization_id", &org.to_string())],
            "a.csv",
            csv.as_bytes(),
        )
        .await;
    res.assert_status(202);
    client.finished_job(&res.header("location").unwrap()).await
}

async fn probes(admin: &Client) -> Vec<Value> {
    let res = admin
        .get("/api/v1/audit?entity=identifier_check&limit=500")
        .await;
    res.assert_status(200);
    res.json["items"].as_array().cloned().unwrap_or_default()
}

#[actix_web::test]
async fn a_creation_tells_a_cccd_is_held_elsewhere_without_saying_where_and_it_is_audited() {
    let (app, admin, organizer, a, b, held) = setup().await;
    let _ = &b;
    // Otherwise invalid: the rules answer first, the identifier is not looked at.
    let invalid = member_json(
        a.cell,
        json!({"national_id": "031090000000", "ceremony_on": "2020-01-01"}),
    );
    let res = organizer.post("/api/v1/members", invalid).await;
    res.assert_status(422);
    assert!(!res.text.contains("CCCD"), "{}", res.text);
    // Valid: refused as recorded elsewhere, naming no organisation.
    let res = organizer
        .post(
            "/api/v1/members",
            member_json(a.cell, json!({"national_id": "031090000000"})),
        )
        .await;
    res.assert_problem(409, "recorded_elsewhere");
    assert!(!res.text.contains("Tỉnh ủy B"), "{}", res.text);
    assert!(res
        .json
        .get("errors")
        .is_none_or(|e| e.as_array().is_none_or(Vec::is_empty)));
    // The probe is in the trail, readable by the holder's board.
    let entries = probes(&admin).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["actor_username"], "to-chuc-a");
    assert_eq!(entries[0]["action"], "identifier_held_elsewhere");
    assert_eq!(entries[0]["entity_id"], held[0].to_string());
    let board_b = app.user("ban-to-chuc-b", "admin", Some(b.province)).await;
    let seen_by_b = board_b.get("/api/v1/audit?entity=identifier_check").await;
    seen_by_b.assert_status(200);
    assert_eq!(seen_by_b.json["items"].as_array().map(Vec::len), Some(1));
}

#[actix_web::test]
async fn an_import_reports_cccds_held_elsewhere_only_for_otherwise_valid_rows() {
    let (_app, admin, organizer, a, _b, _held) = setup().await;
    // Row 2: valid, held in B. Row 3: held in B but its ceremony is before its decision.
    let csv = format!(
        "{HEADER}\r\n\
         Nguyễn Văn An,Nam,10/05/1990,031090000001,,Kinh,03/03/2025,20/03/2025,,\r\n\
         Nguyễn Văn An,Nam,10/05/1990,031090000002,,Kinh,03/03/2025,01/03/2025,,\r\n"
    );
    let job = import(&organizer, a.cell, &csv).await;
    assert_eq!(job["status"], "failed", "{job}");
    let errors = job["errors"].as_array().unwrap();
    let by_row = |r: u64| {
        errors
            .iter()
            .filter(|e| e["row"] == r)
            .map(|e| e["code"].as_str().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(by_row(2), ["recorded_elsewhere"]);
    assert!(!by_row(3).is_empty());
    assert!(
        !by_row(3).contains(&"recorded_elsewhere".to_string()),
        "{errors:?}"
    );
    assert!(!job.to_string().contains("Tỉnh ủy B"));
    // The rolled-back import's probe is still in the trail.
    let entries = probes(&admin).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
}

#[actix_web::test]
async fn past_a_few_answers_a_day_an_account_gets_no_more() {
    let (app, admin, organizer, a, _b, _held) = setup().await;
    let _ = app;
    // An import of many CCCDs held elsewhere stops at the allowance.
    let mut csv = format!("{HEADER}\r\n");
    for i in 0..3 {
        csv.push_str(&format!(
            "Nguyễn Văn An,Nam,10/05/1990,0310900000{i:02},,Kinh,03/03/2025,20/03/2025,,\r\n"
        ));
    }
    for round in 0..10 {
        let job = import(&organizer, a.cell, &csv).await;
        assert_eq!(job["status"], "failed", "round {round}: {job}");
        if job["message"]
            .as_str()
            .is_some_and(|m| m.contains("giới hạn"))
        {
            break;
        }
    }
    let entries = probes(&admin).await;
    assert_eq!(entries.len(), 20, "the daily allowance");
    // Now every check is refused before anything is looked at, held or not.
    let res = organizer
        .post(
            "/api/v1/members",
            member_json(a.cell, json!({"national_id": "031090009999"})),
        )
        .await;
    res.assert_problem(429, "identifier_checks_exhausted");
    assert!(res.header("retry-after").is_some());
    let res = organizer
        .upload(
            "/api/v1/imports",
            &[("organization_id", &a.cell.to_string())],
            "a.csv",
            csv.as_bytes(),
        )
        .await;
    res.assert_problem(429, "identifier_checks_exhausted");
    // A national administrator sees everything anyway: never limited.
    admin
        .post(
            "/api/v1/members",
            member_json(a.cell, json!({"national_id": "031090009999"})),
        )
        .await
        .assert_status(201);
}
