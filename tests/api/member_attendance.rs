//! One member's attendance of a year in one request (`GET /members/{id}/attendance`, rule 35):
//! the lines at the meetings of every cell the member belonged to that year, newest first, with
//! the year's counts; the member's scope decides who reads it.

use qldv_tests::{official_json, Client, TestApp, Tree};
use serde_json::{json, Value};

async fn record(admin: &Client, cell: i64, on: &str, attendance: Value) {
    admin
        .post(
            &format!("/api/v1/organizations/{cell}/meetings"),
            json!({"kind": "regular", "held_on": on, "agenda": "Sinh hoạt chi bộ",
                   "attendance": attendance}),
        )
        .await
        .assert_status(201);
}

/// `(held_on, organization_id, value, reason)` of each line of the answer.
fn lines(res: &Value) -> Vec<(String, i64, String, Value)> {
    res["meetings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|m| {
                    (
                        m["held_on"].as_str().unwrap_or_default().to_string(),
                        m["organization_id"].as_i64().unwrap_or_default(),
                        m["value"].as_str().unwrap_or_default().to_string(),
                        m["reason"].clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[actix_web::test]
async fn a_members_year_of_attendance_follows_them_across_cells_in_one_request() {
    let app = TestApp::builder().today("2026-09-20").build().await;
    let admin = app.admin().await;
    let t: Tree = admin.create_tree("Dự").await;
    let a = admin
        .create_member(official_json(t.cell, "Trần Thị Dự", 1985, "2010-03-02", 1))
        .await;
    let b = admin
        .create_member(official_json(t.cell, "Lê Văn Họp", 1982, "2010-03-02", 2))
        .await;
    let dest = admin
        .create_org("Chi bộ thôn Mới", "cell", Some(t.commune))
        .await;

    // Last year's meeting is not this year's; this year: present, excused, absent.
    let both = |va: Value, vb: Value| json!([va, vb]);
    let p = |id: i64| json!({"member_id": id, "value": "present"});
    record(&admin, t.cell, "2025-12-04", both(p(a), p(b))).await;
    record(&admin, t.cell, "2026-01-08", both(p(a), p(b))).await;
    record(
        &admin,
        t.cell,
        "2026-02-05",
        both(
            json!({"member_id": a, "value": "excused", "reason": "Ốm"}),
            p(b),
        ),
    )
    .await;
    record(
        &admin,
        t.cell,
        "2026-03-05",
        both(json!({"member_id": a, "value": "absent"}), p(b)),
    )
    .await;

    // Moved to another cell in April: its meetings are the member's too.
    let tr = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": a, "to_organization_id": dest, "kind": "official",
                   "issued_on": "2026-04-01", "reason": "Chuyển nơi ở", "decision_no": "7-GGT/ĐU"}),
        )
        .await;
    tr.assert_status(201);
    admin
        .post(
            &format!("/api/v1/transfers/{}/accept", tr.id()),
            json!({"received_on": "2026-04-03"}),
        )
        .await
        .assert_status(200);
    record(&admin, dest, "2026-05-07", json!([p(a)])).await;

    let res = admin
        .get(&format!("/api/v1/members/{a}/attendance?year=2026"))
        .await;
    res.assert_status(200);
    assert_eq!(res.json["member_id"], a);
    assert_eq!(res.json["year"], 2026);
    assert_eq!(
        lines(&res.json),
        vec![
            ("2026-05-07".into(), dest, "present".into(), Value::Null),
            ("2026-03-05".into(), t.cell, "absent".into(), Value::Null),
            ("2026-02-05".into(), t.cell, "excused".into(), json!("Ốm")),
            ("2026-01-08".into(), t.cell, "present".into(), Value::Null),
        ]
    );
    assert_eq!(
        res.json["meetings"][0]["organization_name"],
        "Chi bộ thôn Mới"
    );
    assert_eq!(
        res.json["counts"],
        json!({"expected": 4, "present": 2, "excused": 1, "absent": 1, "exempt": 0, "elsewhere": 0})
    );
    // The year defaults to this one; a year without meetings is empty, not an error.
    let now = admin.get(&format!("/api/v1/members/{a}/attendance")).await;
    assert_eq!(now.json["meetings"], res.json["meetings"]);
    let none = admin
        .get(&format!("/api/v1/members/{a}/attendance?year=2024"))
        .await;
    none.assert_status(200);
    assert_eq!(none.json["meetings"], json!([]));
    assert_eq!(none.json["counts"]["expected"], 0);
    admin
        .get(&format!("/api/v1/members/{a}/attendance?year=1800"))
        .await
        .assert_problem(422, "validation_failed");

    // Another province's viewer does not learn the member exists.
    let other = admin.create_tree("Khác").await;
    let viewer = app.user("xem-khac", "viewer", Some(other.province)).await;
    viewer
        .get(&format!("/api/v1/members/{a}/attendance?year=2026"))
        .await
        .assert_problem(404, "not_found");
    // The province's own viewer reads it.
    let own = app.user("xem-du", "viewer", Some(t.province)).await;
    own.get(&format!("/api/v1/members/{b}/attendance?year=2026"))
        .await
        .assert_status(200);
}
