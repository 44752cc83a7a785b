//! The cell's year (issue 23): a meeting recorded with its whole attendance sheet in one
//! request (rule 35), the periods missing (rule 34), the third unexcused absence (rule 36),
//! a member exempt half the year, and duties reviewed and closed by a transfer (rule 38).

use qldv_tests::{official_json, Client, TestApp, Tree};
use serde_json::{json, Value};

/// A tree and `n` official members of its cell (admitted in 2010), by id; their CCCDs are
/// numbered from `first`.
async fn cell(admin: &Client, name: &str, first: u32, n: u32) -> (Tree, Vec<i64>) {
    let t = admin.create_tree(name).await;
    let mut ids = Vec::new();
    for i in 0..n {
        let who = format!("Nguyễn Văn {name} {i:02}");
        ids.push(
            admin
                .create_member(official_json(t.cell, &who, 1980, "2010-03-02", first + i))
                .await,
        );
    }
    (t, ids)
}

fn present(ids: &[i64]) -> Vec<Value> {
    ids.iter()
        .map(|id| json!({"member_id": id, "value": "present"}))
        .collect()
}

fn meeting(kind: &str, on: &str, attendance: Vec<Value>) -> Value {
    json!({"kind": kind, "held_on": on, "agenda": "Sinh hoạt chi bộ", "attendance": attendance})
}

async fn record(admin: &Client, cell: i64, body: Value) -> Value {
    let res = admin
        .post(&format!("/api/v1/organizations/{cell}/meetings"), body)
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.json);
    res.json.clone()
}

fn fields(res: &Value) -> Vec<(String, String)> {
    res["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or_default().to_string(),
                        e["code"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn alerts(admin: &Client, org: i64) -> Vec<Value> {
    admin
        .get_all(&format!("/api/v1/alerts?organization_id={org}"), 50)
        .await
}

#[actix_web::test]
async fn a_whole_sheet_is_one_request_and_every_refused_line_is_listed() {
    let app = TestApp::builder().today("2026-04-10").build().await;
    let admin = app.admin().await;
    let (t, ids) = cell(&admin, "Sổ", 1, 12).await;
    let (other, stranger) = cell(&admin, "Khác", 100, 1).await;
    let _ = other;

    let sheet = admin
        .get(&format!(
            "/api/v1/organizations/{}/attendance-sheet?on=2026-01-08",
            t.cell
        ))
        .await;
    sheet.assert_status(200);
    assert_eq!(sheet.json["members"].as_array().map(Vec::len), Some(12));
    assert!(sheet.json["members"][0]["derived"].is_null());

    // Four bad lines among twelve, and a member left out: all refused at once.
    let mut lines = present(&ids[..11]);
    lines[2] = json!({"member_id": ids[2], "value": "excused"});
    lines[5] = json!({"member_id": ids[5], "value": "exempt"});
    lines[7] = json!({"member_id": stranger[0], "value": "present"});
    lines[9] = json!({"member_id": ids[0], "value": "present"});
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/meetings", t.cell),
            meeting("regular", "2026-01-08", lines),
        )
        .await;
    res.assert_problem(422, "validation_failed");
    let got = fields(&res.json);
    for want in [
        ("attendance[2]", "attendance_reason_required"),
        ("attendance[5]", "attendance_derived"),
        ("attendance[7]", "attendance_not_a_member"),
        ("attendance[9]", "attendance_duplicate"),
        ("attendance", "attendance_missing"),
    ] {
        assert!(
            got.contains(&(want.0.to_string(), want.1.to_string())),
            "{want:?} not in {got:?}"
        );
    }
    // Nothing was written.
    let year = admin
        .get(&format!(
            "/api/v1/organizations/{}/meetings?year=2026",
            t.cell
        ))
        .await;
    assert_eq!(year.json["meetings"], json!([]));

    // The corrected sheet: 201 with every line and the counts.
    let mut lines = present(&ids);
    lines[2] = json!({"member_id": ids[2], "value": "excused", "reason": "Ốm"});
    lines[3] = json!({"member_id": ids[3], "value": "absent"});
    let m = record(&admin, t.cell, meeting("regular", "2026-01-08", lines)).await;
    assert_eq!(
        m["counts"],
        json!({"expected": 12, "present": 10, "excused": 1, "absent": 1, "exempt": 0, "elsewhere": 0})
    );
    assert_eq!(m["attendance"].as_array().map(Vec::len), Some(12));
    assert!(m["regulation"].is_string());
    let id = m["id"].as_i64().unwrap_or_default();
    let got = admin.get(&format!("/api/v1/meetings/{id}")).await;
    got.assert_status(200);
    assert_eq!(got.json["counts"], m["counts"]);

    // A correction: the absent member had sent word.
    let mut lines = present(&ids);
    lines[3] = json!({"member_id": ids[3], "value": "excused", "reason": "Đi công tác"});
    let res = admin
        .put(
            &format!("/api/v1/meetings/{id}/attendance"),
            json!({"attendance": lines}),
            None,
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["counts"]["absent"], 0);
    assert_eq!(res.json["counts"]["excused"], 1);

    // Rule 34 on 10 April: February and March without a regular meeting, the first quarter
    // without a topical one; April's regular meeting is the next due.
    record(
        &admin,
        t.cell,
        meeting("topical", "2026-02-20", present(&ids)),
    )
    .await;
    let year = admin
        .get(&format!(
            "/api/v1/organizations/{}/meetings?year=2026",
            t.cell
        ))
        .await;
    year.assert_status(200);
    assert_eq!(year.json["meetings"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        year.json["missing"],
        json!([{"kind": "regular", "from": "2026-02-01", "to": "2026-02-28"},
               {"kind": "regular", "from": "2026-03-01", "to": "2026-03-31"}])
    );
    assert_eq!(
        year.json["next_due"],
        json!({"kind": "regular", "from": "2026-04-01", "to": "2026-04-30"})
    );
    let missing: Vec<Value> = alerts(&admin, t.cell)
        .await
        .into_iter()
        .filter(|a| a["rule"] == 34)
        .collect();
    // An alert about the cell names no member.
    assert!(
        missing.iter().all(|a| a["member_id"].is_null()),
        "{missing:?}"
    );
    let kinds: Vec<(String, String)> = missing
        .iter()
        .map(|a| {
            (
                a["kind"].as_str().unwrap_or_default().into(),
                a["date"].as_str().unwrap_or_default().into(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("regular_meeting_missing".into(), "2026-02-28".into()),
            ("regular_meeting_missing".into(), "2026-03-31".into()),
        ]
    );

    // Not a cell; a meeting ahead of today; a viewer cannot write.
    admin
        .post(
            &format!("/api/v1/organizations/{}/meetings", t.commune),
            meeting("regular", "2026-01-08", present(&ids)),
        )
        .await
        .assert_problem(422, "validation_failed");
    admin
        .post(
            &format!("/api/v1/organizations/{}/meetings", t.cell),
            meeting("regular", "2026-05-08", present(&ids)),
        )
        .await
        .assert_problem(422, "validation_failed");
    let viewer = app.user("xem-so", "viewer", Some(t.province)).await;
    viewer
        .get(&format!("/api/v1/meetings/{id}"))
        .await
        .assert_status(200);
    viewer
        .post(
            &format!("/api/v1/organizations/{}/meetings", t.cell),
            meeting("regular", "2026-03-08", present(&ids)),
        )
        .await
        .assert_problem(403, "forbidden");
}

#[actix_web::test]
async fn a_member_exempt_half_the_year_is_not_expected_in_the_exempt_months() {
    let app = TestApp::builder().today("2026-11-20").build().await;
    let admin = app.admin().await;
    let (t, ids) = cell(&admin, "Miễn", 1, 3).await;
    admin
        .post(
            &format!("/api/v1/members/{}/exemptions", ids[0]),
            json!({"from": "2026-07-01", "reason": "Tuổi cao, sức yếu"}),
        )
        .await
        .assert_status(201);
    let sheet = |on: &'static str| {
        let admin = &admin;
        let cell = t.cell;
        async move {
            admin
                .get(&format!(
                    "/api/v1/organizations/{cell}/attendance-sheet?on={on}"
                ))
                .await
                .json
        }
    };
    let june = sheet("2026-06-10").await;
    let august = sheet("2026-08-10").await;
    let derived = |s: &Value| -> Vec<Value> {
        s["members"]
            .as_array()
            .map(|a| a.iter().map(|m| m["derived"].clone()).collect())
            .unwrap_or_default()
    };
    assert_eq!(derived(&june), vec![Value::Null; 3]);
    assert_eq!(
        derived(&august),
        vec![json!("exempt"), Value::Null, Value::Null]
    );

    // June: expected, and absent counts.
    let m = record(
        &admin,
        t.cell,
        meeting(
            "regular",
            "2026-06-10",
            vec![
                json!({"member_id": ids[0], "value": "absent"}),
                json!({"member_id": ids[1], "value": "present"}),
                json!({"member_id": ids[2], "value": "present"}),
            ],
        ),
    )
    .await;
    assert_eq!(m["counts"]["expected"], 3);
    // August: entering a value for the exempt member is refused; left out, the server
    // writes "exempt" and does not expect them.
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/meetings", t.cell),
            meeting(
                "regular",
                "2026-08-10",
                vec![
                    json!({"member_id": ids[0], "value": "absent"}),
                    json!({"member_id": ids[1], "value": "present"}),
                    json!({"member_id": ids[2], "value": "present"}),
                ],
            ),
        )
        .await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&res.json),
        vec![("attendance[0]".into(), "attendance_derived".into())]
    );
    let m = record(
        &admin,
        t.cell,
        meeting("regular", "2026-08-10", present(&ids[1..])),
    )
    .await;
    assert_eq!(m["counts"]["expected"], 2);
    assert_eq!(m["counts"]["exempt"], 1);
    let exempt: Vec<&Value> = m["attendance"]
        .as_array()
        .map(|a| a.iter().filter(|l| l["value"] == "exempt").collect())
        .unwrap_or_default();
    assert_eq!(exempt.len(), 1);
    assert_eq!(exempt[0]["member_id"], ids[0]);
}

#[actix_web::test]
async fn the_third_unexcused_absence_of_the_year_proposes_a_name_removal() {
    let app = TestApp::builder().today("2026-06-20").build().await;
    let admin = app.admin().await;
    let (t, ids) = cell(&admin, "Vắng", 1, 3).await;
    let absent_from = |on: &str| {
        meeting(
            "regular",
            on,
            vec![
                json!({"member_id": ids[0], "value": "absent"}),
                json!({"member_id": ids[1], "value": "excused", "reason": "Ốm"}),
                json!({"member_id": ids[2], "value": "present"}),
            ],
        )
    };
    let proposals = |alerts: &[Value]| -> Vec<(i64, String)> {
        alerts
            .iter()
            .filter(|a| a["kind"] == "name_removal_proposed")
            .map(|a| {
                (
                    a["member_id"].as_i64().unwrap_or_default(),
                    a["date"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    // Last year's absence does not count towards this year's three.
    record(&admin, t.cell, absent_from("2025-12-05")).await;
    record(&admin, t.cell, absent_from("2026-01-09")).await;
    record(&admin, t.cell, absent_from("2026-02-06")).await;
    // Two unexcused absences this year: no ground.
    assert_eq!(proposals(&alerts(&admin, t.cell).await), vec![]);
    // The third: the proposal, dated on it, for the absent member only (never an exit).
    record(&admin, t.cell, absent_from("2026-03-06")).await;
    let list = alerts(&admin, t.cell).await;
    assert_eq!(proposals(&list), vec![(ids[0], "2026-03-06".to_string())]);
    let alert = list
        .iter()
        .find(|a| a["kind"] == "name_removal_proposed")
        .cloned()
        .unwrap_or_default();
    assert_eq!(alert["rule"], 23);
    let member = admin.get(&format!("/api/v1/members/{}", ids[0])).await;
    assert_eq!(member.json["status"], "official");
}

#[actix_web::test]
async fn duties_are_reviewed_at_a_meeting_and_a_transfer_closes_the_open_ones() {
    let app = TestApp::builder().today("2026-06-20").build().await;
    let admin = app.admin().await;
    let (t, ids) = cell(&admin, "Việc", 1, 2).await;
    let dest = admin
        .create_org("Chi bộ thôn Đến", "cell", Some(t.commune))
        .await;
    let m1 = record(
        &admin,
        t.cell,
        meeting("regular", "2026-02-05", present(&ids)),
    )
    .await;
    let m1 = m1["id"].as_i64().unwrap_or_default();
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/duties", t.cell),
            json!({"assigned_on": "2026-02-05", "meeting_id": m1, "duties": [
                {"member_id": ids[0], "description": "Phụ trách tổ dân cư số 3", "due_by": "2026-12-31"},
                {"member_id": ids[0], "description": "Giúp đỡ quần chúng ưu tú"},
                {"member_id": ids[0], "description": "Tuyên truyền nghị quyết"},
                {"member_id": ids[1], "description": "Theo dõi đảng phí"}]}),
        )
        .await;
    res.assert_status(201);
    let duty: Vec<i64> = res
        .json
        .as_array()
        .map(|a| a.iter().filter_map(|d| d["id"].as_i64()).collect())
        .unwrap_or_default();
    assert_eq!(duty.len(), 4);

    // Reviewed in May: one exceeded; reviewing it again is refused.
    let m2 = record(
        &admin,
        t.cell,
        meeting("regular", "2026-05-07", present(&ids)),
    )
    .await;
    let m2 = m2["id"].as_i64().unwrap_or_default();
    let res = admin
        .post(
            &format!("/api/v1/meetings/{m2}/reviews"),
            json!({"reviews": [{"duty_id": duty[0], "result": "exceeded"}]}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json[0]["result"], "exceeded");
    assert_eq!(res.json[0]["reviewed_on"], "2026-05-07");
    let res = admin
        .post(
            &format!("/api/v1/meetings/{m2}/reviews"),
            json!({"reviews": [{"duty_id": duty[0], "result": "done"}]}),
        )
        .await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&res.json),
        vec![("reviews[0].duty_id".into(), "duty_not_open".into())]
    );
    let open = admin
        .get(&format!(
            "/api/v1/organizations/{}/duties?open=true",
            t.cell
        ))
        .await;
    assert_eq!(open.json["items"].as_array().map(Vec::len), Some(3));

    // An official transfer issued on 1 June closes the member's two open duties.
    admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": ids[0], "to_organization_id": dest, "kind": "official",
                   "issued_on": "2026-06-01", "reason": "Chuyển công tác", "decision_no": "12-GGT/ĐU"}),
        )
        .await
        .assert_status(201);
    let mine = admin
        .get(&format!("/api/v1/members/{}/duties?year=2026", ids[0]))
        .await;
    mine.assert_status(200);
    let closures: Vec<(Value, Value)> = mine.json["duties"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| (d["closure"].clone(), d["closed_on"].clone()))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        closures,
        vec![
            (Value::Null, Value::Null),
            (json!("transfer"), json!("2026-06-01")),
            (json!("transfer"), json!("2026-06-01")),
        ]
    );
    assert_eq!(
        mine.json["shares"],
        json!({"reviewed": 1, "done": 0, "exceeded": 1, "not_done": 0, "open": 0, "closed": 2,
               "done_percent": 100, "exceeded_percent": 100})
    );
    assert_eq!(mine.json["highest_level"], "excellent");
    // The other member's duty stays open; the cell is told (one alert for the member).
    let open = admin
        .get(&format!(
            "/api/v1/organizations/{}/duties?open=true",
            t.cell
        ))
        .await;
    assert_eq!(open.json["items"].as_array().map(Vec::len), Some(1));
    let told: Vec<Value> = alerts(&admin, t.cell)
        .await
        .into_iter()
        .filter(|a| a["kind"] == "duties_closed")
        .collect();
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["member_id"], ids[0]);
    assert_eq!(told[0]["rule"], 38);
    assert_eq!(told[0]["date"], "2026-06-01");
    // A closed duty is not reviewed afterwards.
    admin
        .post(
            &format!("/api/v1/meetings/{m2}/reviews"),
            json!({"reviews": [{"duty_id": duty[1], "result": "done"}]}),
        )
        .await
        .assert_problem(422, "validation_failed");
}

#[actix_web::test]
async fn an_exit_closes_the_open_duties() {
    let app = TestApp::builder().today("2026-06-20").build().await;
    let admin = app.admin().await;
    let (t, ids) = cell(&admin, "Ra", 1, 2).await;
    admin
        .post(
            &format!("/api/v1/organizations/{}/duties", t.cell),
            json!({"assigned_on": "2026-03-02",
                   "duties": [{"member_id": ids[1], "description": "Phụ trách chi đoàn"}]}),
        )
        .await
        .assert_status(201);
    admin
        .post(
            &format!("/api/v1/members/{}/exit", ids[1]),
            json!({"reason": "deceased", "effective_on": "2026-04-10", "decision_no": "7-QĐ/ĐU"}),
        )
        .await
        .assert_status(200);
    let all = admin
        .get(&format!("/api/v1/organizations/{}/duties", t.cell))
        .await;
    assert_eq!(all.json["items"][0]["closure"], "exit");
    assert_eq!(all.json["items"][0]["closed_on"], "2026-04-10");
    // Not a member on the day: no duty assigned to them.
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/duties", t.cell),
            json!({"assigned_on": "2026-05-02",
                   "duties": [{"member_id": ids[0], "description": "Việc A"},
                              {"member_id": ids[1], "description": "Việc B"}]}),
        )
        .await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&res.json),
        vec![("duties[1].member_id".into(), "duty_not_a_member".into())]
    );
}

#[actix_web::test]
async fn the_meetings_and_duties_reports_count_a_provinces_year() {
    let app = TestApp::builder().today("2026-04-10").build().await;
    let admin = app.admin().await;
    let (t, ids) = cell(&admin, "Báo", 1, 4).await;
    // January held (one absent, one excused), February missed, March held; a topical meeting
    // in the first quarter.
    let mut jan = present(&ids);
    jan[0] = json!({"member_id": ids[0], "value": "absent"});
    jan[1] = json!({"member_id": ids[1], "value": "excused", "reason": "Ốm"});
    record(&admin, t.cell, meeting("regular", "2026-01-08", jan)).await;
    record(
        &admin,
        t.cell,
        meeting("regular", "2026-03-05", present(&ids)),
    )
    .await;
    let topical = record(
        &admin,
        t.cell,
        meeting("topical", "2026-03-20", present(&ids)),
    )
    .await;
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/duties", t.cell),
            json!({"assigned_on": "2026-01-08", "duties": [
                {"member_id": ids[0], "description": "Việc một"},
                {"member_id": ids[1], "description": "Việc hai"},
                {"member_id": ids[2], "description": "Việc ba"}]}),
        )
        .await;
    res.assert_status(201);
    let duty = res.json[0]["id"].as_i64().unwrap_or_default();
    admin
        .post(
            &format!("/api/v1/meetings/{}/reviews", topical["id"]),
            json!({"reviews": [{"duty_id": duty, "result": "exceeded"}]}),
        )
        .await
        .assert_status(200);

    let q = format!("organization_id={}&year=2026", t.province);
    let report = admin.get(&format!("/api/v1/reports/meetings?{q}")).await;
    report.assert_status(200);
    let total = |r: &Value| -> Vec<i64> {
        r["sections"][0]["rows"]
            .as_array()
            .and_then(|rows| rows.last())
            .map(|row| {
                row["values"]
                    .as_array()
                    .map(|v| v.iter().filter_map(Value::as_i64).collect())
                    .unwrap_or_default()
            })
            .unwrap_or_default()
    };
    // cells, months due/held, quarters due/held, expected, present, excused, absent.
    assert_eq!(total(&report.json), vec![1, 3, 2, 1, 1, 12, 10, 1, 1]);
    let report = admin.get(&format!("/api/v1/reports/duties?{q}")).await;
    report.assert_status(200);
    // assigned, reviewed, done, exceeded, not done, open, closed by transfer, by exit.
    assert_eq!(total(&report.json), vec![3, 1, 0, 1, 0, 2, 0, 0]);
    let csv = admin
        .get(&format!("/api/v1/reports/meetings?{q}&format=csv"))
        .await;
    csv.assert_status(200);
    assert!(
        csv.text.contains("BÁO CÁO SINH HOẠT CHI BỘ"),
        "{}",
        csv.text
    );
    let xlsx = admin
        .get(&format!("/api/v1/reports/duties/export?{q}&format=xlsx"))
        .await;
    xlsx.assert_status(200);
}
