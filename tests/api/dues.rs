//! Party dues (issue 23; rules 32, 33): a member's dated basis and year, the cell's monthly
//! sheet, reliefs and arrangements, at their boundaries. Today is 23 November 2026.

use qldv_tests::{official_json, Client, TestApp, Tree};
use serde_json::{json, Value};

struct Fixture {
    app: TestApp,
    admin: Client,
    tree: Tree,
    /// Members of the cell since 2000: An, Bình, Cường.
    an: i64,
    binh: i64,
    cuong: i64,
}

async fn fixture() -> Fixture {
    let app = TestApp::builder().today("2026-11-23").build().await;
    let admin = app.admin().await;
    let tree = admin.create_tree("Phí").await;
    let mut ids = Vec::new();
    for (n, name) in [
        (1, "Nguyễn Văn An"),
        (2, "Trần Thị Bình"),
        (3, "Lê Văn Cường"),
    ] {
        ids.push(
            admin
                .create_member(official_json(tree.cell, name, 1970, "2000-03-01", n))
                .await,
        );
    }
    Fixture {
        app,
        admin,
        tree,
        an: ids[0],
        binh: ids[1],
        cuong: ids[2],
    }
}

async fn basis(c: &Client, member: i64, from: &str, category: &str, base: i64) {
    c.put(
        &format!("/api/v1/members/{member}/dues-basis"),
        json!({"from_on": from, "category": category, "base": base}),
        None,
    )
    .await
    .assert_status(200);
}

fn sheet_path(cell: i64, month: &str) -> String {
    format!("/api/v1/organizations/{cell}/dues-sheet/{month}")
}

async fn year(c: &Client, member: i64) -> Value {
    let res = c
        .get(&format!("/api/v1/members/{member}/dues?year=2026"))
        .await;
    res.assert_status(200);
    res.json
}

fn dues_of(year: &Value) -> Vec<i64> {
    year["months"]
        .as_array()
        .map(|m| m.iter().map(|x| x["due"].as_i64().unwrap_or(-1)).collect())
        .unwrap_or_default()
}

fn line(sheet: &Value, member: i64) -> &Value {
    sheet["lines"]
        .as_array()
        .and_then(|l| l.iter().find(|x| x["member_id"] == member))
        .unwrap_or(&Value::Null)
}

#[actix_web::test]
async fn a_member_who_retires_mid_year_pays_on_the_salary_then_on_the_pension() {
    let f = fixture().await;
    basis(
        &f.admin,
        f.an,
        "2020-01-01",
        "social_insurance_salary",
        12_000_000,
    )
    .await;
    basis(&f.admin, f.an, "2026-06-15", "pension", 8_000_000).await;
    let y = year(&f.admin, f.an).await;
    assert_eq!(
        dues_of(&y),
        [
            120_000, 120_000, 120_000, 120_000, 120_000, 120_000, 40_000, 40_000, 40_000, 40_000,
            40_000, 40_000
        ]
    );
    assert_eq!(y["totals"]["due"], 960_000);
    // Nothing paid: the ended months are unpaid, November is still open.
    assert_eq!(y["months"][9]["state"], "unpaid");
    assert_eq!(y["months"][10]["state"], "open");
    assert_eq!(y["months"][11]["regulation"], "01-QĐ/TW");
    assert_eq!(y["months"][0]["regulation"], "342-QĐ/TW");
    let bases = y["bases"].as_array().map(Vec::len);
    assert_eq!(bases, Some(2));
    let t = &y["totals"];
    assert_eq!(
        t["due"].as_i64(),
        Some(
            t["paid"].as_i64().unwrap_or(0)
                + t["deferred"].as_i64().unwrap_or(0)
                + t["arrears"].as_i64().unwrap_or(0)
        )
    );
}

#[actix_web::test]
async fn a_member_exempt_at_fifty_years_of_party_age_owes_nothing_from_that_month() {
    let f = fixture().await;
    basis(&f.admin, f.binh, "2020-01-01", "pension", 7_000_000).await;
    let res = f
        .admin
        .post(
            &format!("/api/v1/members/{}/dues-reliefs", f.binh),
            json!({"kind": "party_age_fifty", "from_month": "2026-07", "percent": 100,
                   "decided_on": "2026-06-20"}),
        )
        .await;
    res.assert_status(201);
    assert_eq!(res.json["to_month"], Value::Null);
    let y = year(&f.admin, f.binh).await;
    assert_eq!(
        &dues_of(&y)[..7],
        [35_000, 35_000, 35_000, 35_000, 35_000, 35_000, 0]
    );
    assert_eq!(y["months"][6]["state"], "exempt");
    assert_eq!(y["months"][11]["state"], "exempt");
    assert_eq!(y["totals"]["due"], 6 * 35_000);
    // A reduction of 40 % is not in the regulation.
    let res = f
        .admin
        .post(
            &format!("/api/v1/members/{}/dues-reliefs", f.binh),
            json!({"kind": "reduction", "from_month": "2026-01", "to_month": "2026-03",
                   "percent": 40, "decided_on": "2026-01-05"}),
        )
        .await;
    res.assert_status(422);
    assert_eq!(res.json["errors"][0]["code"], "dues_relief_percent");
}

#[actix_web::test]
async fn the_months_sheet_is_recorded_in_one_request_and_sending_it_again_changes_nothing() {
    let f = fixture().await;
    for m in [f.an, f.binh, f.cuong] {
        basis(
            &f.admin,
            m,
            "2020-01-01",
            "social_insurance_salary",
            10_000_000,
        )
        .await;
    }
    let body = json!({"paid_on": "2026-11-05", "payments": [
        {"member_id": f.an, "amount": 100_000, "channel": "cash", "receipt_no": "PT-01"},
        {"member_id": f.binh, "amount": 150_000, "channel": "public_service_portal"},
        {"member_id": f.cuong, "amount": 40_000, "channel": "cash"},
    ]});
    let path = sheet_path(f.tree.cell, "2026-11");
    let res = f.admin.put(&path, body.clone(), None).await;
    res.assert_status(200);
    let first = res.json.clone();
    assert_eq!(first["lines"].as_array().map(Vec::len), Some(3));
    assert_eq!(line(&first, f.an)["month"]["state"], "paid");
    assert_eq!(line(&first, f.binh)["month"]["extra"], 50_000);
    assert_eq!(line(&first, f.cuong)["month"]["state"], "open");
    assert_eq!(line(&first, f.cuong)["month"]["arrears"], 60_000);
    let t = &first["totals"];
    assert_eq!(
        (
            t["members"].as_i64(),
            t["due"].as_i64(),
            t["paid"].as_i64(),
            t["arrears"].as_i64(),
            t["extra"].as_i64()
        ),
        (
            Some(3),
            Some(300_000),
            Some(240_000),
            Some(60_000),
            Some(50_000)
        )
    );
    let again = f.admin.put(&path, body, None).await;
    again.assert_status(200);
    assert_eq!(again.json, first);
    let y = year(&f.admin, f.an).await;
    assert_eq!(y["payments"].as_array().map(Vec::len), Some(1));
    // The sheet read back is the same, and a viewer does not see the income bases.
    let read = f
        .admin
        .get(&format!(
            "/api/v1/organizations/{}/dues-sheet?month=2026-11",
            f.tree.cell
        ))
        .await;
    read.assert_status(200);
    assert_eq!(read.json, first);
    assert_eq!(line(&read.json, f.an)["base"], 10_000_000);
    let viewer = f.app.user("xem", "viewer", Some(f.tree.province)).await;
    let seen = viewer
        .get(&format!(
            "/api/v1/organizations/{}/dues-sheet?month=2026-11",
            f.tree.cell
        ))
        .await;
    seen.assert_status(200);
    assert_eq!(line(&seen.json, f.an)["base"], Value::Null);
    assert_eq!(line(&seen.json, f.an)["month"]["due"], 100_000);
    let y = year(&viewer, f.an).await;
    assert_eq!(y["bases"][0]["base"], Value::Null);
    // Viewers do not write.
    viewer
        .put(
            &path,
            json!({"paid_on": "2026-11-05", "payments": []}),
            None,
        )
        .await
        .assert_status(403);
}

#[actix_web::test]
async fn a_prepayment_needs_its_arrangement() {
    let f = fixture().await;
    basis(
        &f.admin,
        f.an,
        "2020-01-01",
        "social_insurance_salary",
        10_000_000,
    )
    .await;
    let body = json!({"paid_on": "2026-11-05", "payments": [
        {"member_id": f.an, "amount": 300_000, "months": 3, "channel": "cash"},
        {"member_id": 999_999, "amount": 1_000, "channel": "cash"},
    ]});
    let path = sheet_path(f.tree.cell, "2026-11");
    let res = f.admin.put(&path, body, None).await;
    res.assert_status(422);
    let errors = &res.json["errors"];
    assert_eq!(errors[0]["field"], "payments[0].months");
    assert_eq!(errors[0]["code"], "dues_prepayment_not_arranged");
    assert_eq!(errors[1]["field"], "payments[1].member_id");
    assert_eq!(errors[1]["code"], "dues_not_in_cell");
    f.admin
        .post(
            &format!("/api/v1/members/{}/dues-arrangements", f.an),
            json!({"kind": "prepayment", "from_month": "2026-12", "to_month": "2027-06",
                   "decision_no": "05-QĐ/CB", "decided_on": "2026-11-01"}),
        )
        .await
        .assert_status(201);
    let body = json!({"paid_on": "2026-11-05", "payments": [
        {"member_id": f.an, "amount": 300_000, "months": 3, "channel": "cash", "receipt_no": "BL-17"},
    ]});
    let res = f.admin.put(&path, body, None).await;
    res.assert_status(200);
    // The sheet read again shows the payment as recorded, so sending it back keeps it.
    let again = f
        .admin
        .get(&format!(
            "/api/v1/organizations/{}/dues-sheet?month=2026-11",
            f.tree.cell
        ))
        .await;
    again.assert_status(200);
    assert_eq!(
        line(&again.json, f.an)["payment"],
        json!({"member_id": f.an, "amount": 300_000, "months": 3, "first_month": "2026-11",
               "channel": "cash", "receipt_no": "BL-17"})
    );
    assert_eq!(line(&again.json, f.binh)["payment"], Value::Null);
    let y = year(&f.admin, f.an).await;
    assert_eq!(y["months"][10]["state"], "paid");
    assert_eq!(y["months"][11]["state"], "paid");
    let next = f
        .admin
        .get(&format!(
            "/api/v1/organizations/{}/dues-sheet?month=2027-01",
            f.tree.cell
        ))
        .await;
    next.assert_status(200);
    assert_eq!(line(&next.json, f.an)["month"]["paid"], 100_000);
    assert_eq!(line(&next.json, f.an)["arrangement"], "prepayment");
    // A sheet of a month still to come collects ahead: Bình has no arrangement.
    let res = f
        .admin
        .put(
            &sheet_path(f.tree.cell, "2027-02"),
            json!({"paid_on": "2026-11-20", "payments": [
                {"member_id": f.binh, "amount": 100_000, "channel": "cash"}]}),
            None,
        )
        .await;
    res.assert_status(422);
    assert_eq!(
        res.json["errors"][0]["code"],
        "dues_prepayment_not_arranged"
    );
}

#[actix_web::test]
async fn a_deferred_month_is_not_in_arrears_and_a_late_payment_settles_old_months() {
    let f = fixture().await;
    basis(&f.admin, f.cuong, "2026-01-01", "student", 0).await;
    f.admin
        .post(
            &format!("/api/v1/members/{}/dues-arrangements", f.cuong),
            json!({"kind": "deferral", "from_month": "2026-08", "to_month": "2026-09",
                   "decision_no": "07-QĐ/CB", "decided_on": "2026-07-30"}),
        )
        .await
        .assert_status(201);
    let y = year(&f.admin, f.cuong).await;
    let aug = &y["months"][7];
    assert_eq!(
        (
            aug["state"].as_str(),
            aug["deferred"].as_i64(),
            aug["arrears"].as_i64()
        ),
        (Some("deferred"), Some(5_000), Some(0))
    );
    assert_eq!(y["months"][6]["state"], "unpaid");
    // Paying January to July late, on November's sheet.
    let res = f
        .admin
        .put(
            &sheet_path(f.tree.cell, "2026-11"),
            json!({"paid_on": "2026-11-05", "payments": [
                {"member_id": f.cuong, "amount": 35_000, "months": 7, "first_month": "2026-01", "channel": "cash"}]}),
            None,
        )
        .await;
    res.assert_status(200);
    let y = year(&f.admin, f.cuong).await;
    let states: Vec<&str> = y["months"]
        .as_array()
        .map(|m| m.iter().filter_map(|x| x["state"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        states,
        [
            "paid", "paid", "paid", "paid", "paid", "paid", "paid", "deferred", "deferred",
            "unpaid", "open", "open"
        ]
    );
    assert_eq!(line(&res.json, f.cuong)["arrears_to_date"], 5_000);
}

#[actix_web::test]
async fn dues_are_read_and_written_inside_the_scope_only() {
    let f = fixture().await;
    let other = f.admin.create_tree("Khác").await;
    let outsider = f.app.user("ngoai", "organizer", Some(other.province)).await;
    outsider
        .get(&format!("/api/v1/members/{}/dues?year=2026", f.an))
        .await
        .assert_status(404);
    outsider
        .put(
            &format!("/api/v1/members/{}/dues-basis", f.an),
            json!({"from_on": "2026-01-01", "category": "pension", "base": 1_000_000}),
            None,
        )
        .await
        .assert_status(404);
    outsider
        .get(&format!(
            "/api/v1/organizations/{}/dues-sheet?month=2026-11",
            f.tree.cell
        ))
        .await
        .assert_status(404);
    let secretary = f.app.user("bithu", "organizer", Some(f.tree.cell)).await;
    basis(&secretary, f.an, "2026-01-01", "pension", 6_000_000).await;
    let res = f
        .admin
        .put(
            &format!("/api/v1/members/{}/dues-basis", f.an),
            json!({"from_on": "2026-01-01", "category": "pension", "base": 0}),
            None,
        )
        .await;
    res.assert_status(422);
    assert_eq!(res.json["errors"][0]["code"], "dues_base_required");
    let trail = f.admin.get("/api/v1/audit?entity=dues_basis").await;
    trail.assert_status(200);
}

#[actix_web::test]
async fn three_months_unpaid_propose_a_name_removal_and_a_deferral_does_not() {
    let f = fixture().await;
    // Retired in June: dues from July on.
    for m in [f.an, f.binh, f.cuong] {
        basis(&f.admin, m, "2026-07-01", "pension", 6_000_000).await;
    }
    f.admin
        .post(
            &format!("/api/v1/members/{}/dues-arrangements", f.cuong),
            json!({"kind": "deferral", "from_month": "2026-08", "to_month": "2026-10",
                   "decision_no": "09-QĐ/CB", "decided_on": "2026-07-30"}),
        )
        .await
        .assert_status(201);
    // July: everyone pays. August to October: Bình pays (half in September), An never does.
    for (month, binh) in [
        ("2026-07", 30_000),
        ("2026-08", 30_000),
        ("2026-09", 15_000),
        ("2026-10", 30_000),
    ] {
        let mut payments = vec![json!({"member_id": f.binh, "amount": binh, "channel": "cash"})];
        if month == "2026-07" {
            payments.push(json!({"member_id": f.an, "amount": 30_000, "channel": "cash"}));
            payments.push(json!({"member_id": f.cuong, "amount": 30_000, "channel": "cash"}));
        }
        f.admin
            .put(
                &sheet_path(f.tree.cell, month),
                json!({"paid_on": format!("{month}-05"), "payments": payments}),
                None,
            )
            .await
            .assert_status(200);
    }
    let alerts = f
        .admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", f.tree.province),
            50,
        )
        .await;
    let of = |kind: &str| -> Vec<i64> {
        alerts
            .iter()
            .filter(|a| a["kind"] == kind)
            .filter_map(|a| a["member_id"].as_i64())
            .collect()
    };
    assert_eq!(of("name_removal_proposed"), [f.an]);
    let mut in_arrears = of("dues_arrears");
    in_arrears.sort_unstable();
    let mut expected = vec![f.an, f.binh];
    expected.sort_unstable();
    assert_eq!(in_arrears, expected);
    let proposal = alerts
        .iter()
        .find(|a| a["kind"] == "name_removal_proposed")
        .unwrap_or(&Value::Null);
    assert_eq!(proposal["date"], "2026-10-31");
    assert!(proposal["message"]
        .as_str()
        .unwrap_or_default()
        .contains("Không đóng đảng phí 3 tháng trong năm 2026"));
    // A proposal, never an exit.
    let m = f.admin.get(&format!("/api/v1/members/{}", f.an)).await;
    assert_eq!(m.json["status"], "official");
    // Paying one of the three months late withdraws the ground.
    f.admin
        .put(
            &sheet_path(f.tree.cell, "2026-11"),
            json!({"paid_on": "2026-11-05", "payments": [
                {"member_id": f.an, "amount": 30_000, "first_month": "2026-08", "channel": "cash"}]}),
            None,
        )
        .await
        .assert_status(200);
    let alerts = f
        .admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", f.tree.province),
            50,
        )
        .await;
    assert!(!alerts.iter().any(|a| a["kind"] == "name_removal_proposed"));
}

#[actix_web::test]
async fn the_dues_report_adds_up_the_cells_months_and_balances_on_every_line() {
    let f = fixture().await;
    let other_cell = f
        .admin
        .create_org("Chi bộ Hai", "cell", Some(f.tree.commune))
        .await;
    let dung = f
        .admin
        .create_member(official_json(
            other_cell,
            "Phạm Văn Dũng",
            1975,
            "2001-03-01",
            4,
        ))
        .await;
    for m in [f.an, f.binh, f.cuong, dung] {
        basis(
            &f.admin,
            m,
            "2026-10-01",
            "social_insurance_salary",
            10_000_000,
        )
        .await;
    }
    for (cell, month, payments) in [
        (
            f.tree.cell,
            "2026-10",
            json!([
            {"member_id": f.an, "amount": 100_000, "channel": "cash"},
            {"member_id": f.binh, "amount": 120_000, "channel": "cash"}]),
        ),
        (
            f.tree.cell,
            "2026-11",
            json!([{"member_id": f.an, "amount": 100_000, "channel": "cash"}]),
        ),
        (
            other_cell,
            "2026-10",
            json!([{"member_id": dung, "amount": 60_000, "channel": "cash"}]),
        ),
    ] {
        f.admin
            .put(
                &sheet_path(cell, month),
                json!({"paid_on": format!("{month}-05"), "payments": payments}),
                None,
            )
            .await
            .assert_status(200);
    }
    let res = f
        .admin
        .get(&format!(
            "/api/v1/reports/dues?organization_id={}&from=2026-10-01&to=2026-11-30",
            f.tree.commune
        ))
        .await;
    res.assert_status(200);
    let r = &res.json;
    assert_eq!(r["code"], "dues");
    let by_org = &r["sections"][0];
    let keys: Vec<&str> = by_org["columns"]
        .as_array()
        .map(|c| c.iter().filter_map(|x| x["key"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        keys,
        [
            "members",
            "due",
            "paid",
            "deferred",
            "arrears",
            "extra",
            "collected",
            "unpaid_members"
        ]
    );
    let row = |section: &Value, key: &str| -> Vec<i64> {
        section["rows"]
            .as_array()
            .and_then(|rows| rows.iter().find(|x| x["key"] == key))
            .and_then(|x| x["values"].as_array())
            .map(|v| v.iter().filter_map(Value::as_i64).collect())
            .unwrap_or_default()
    };
    // Cell one: 3 members × 2 months of 100,000; paid 100 + 100 (+20 extra) in October and 100
    // in November. Cell two: 1 member × 2 months, 60,000 paid.
    assert_eq!(
        row(by_org, &f.tree.cell.to_string()),
        [6, 600_000, 300_000, 0, 300_000, 20_000, 320_000, 3]
    );
    assert_eq!(
        row(by_org, &other_cell.to_string()),
        [2, 200_000, 60_000, 0, 140_000, 0, 60_000, 2]
    );
    assert_eq!(
        row(by_org, "total"),
        [8, 800_000, 360_000, 0, 440_000, 20_000, 380_000, 5]
    );
    let by_month = &r["sections"][1];
    assert_eq!(
        row(by_month, "2026-10"),
        [4, 400_000, 260_000, 0, 140_000, 20_000, 280_000, 2]
    );
    assert_eq!(row(by_month, "total"), row(by_org, "total"));
    assert!(r["notes"].as_array().is_some_and(|n| n
        .iter()
        .any(|x| x.as_str().unwrap_or_default().contains("chưa có tỷ lệ"))));
    // November has not ended on 23 November: what is unpaid in it is not yet due, and the
    // report says so rather than calling it arrears.
    assert!(
        r["notes"].as_array().is_some_and(|n| n
            .iter()
            .any(|x| x.as_str().unwrap_or_default().contains("Từ tháng 11/2026"))),
        "{}",
        r["notes"]
    );
    let csv = f
        .admin
        .get(&format!(
            "/api/v1/reports/dues?organization_id={}&from=2026-10-01&to=2026-11-30&format=csv",
            f.tree.commune
        ))
        .await;
    csv.assert_status(200);
    assert!(
        csv.text
            .contains("\r\nTổng cộng,8,800000,360000,0,440000,20000,380000,5\r\n"),
        "{}",
        csv.text
    );
    let xlsx = f
        .admin
        .get(&format!(
            "/api/v1/reports/dues/export?organization_id={}&year=2026&format=xlsx",
            f.tree.commune
        ))
        .await;
    xlsx.assert_status(200);
    let rows = qldv_tests::xlsx_rows(&xlsx.body);
    assert_eq!(rows[0][0], "BÁO CÁO THU, NỘP ĐẢNG PHÍ");
}

#[actix_web::test]
async fn an_arrangement_or_relief_reaching_far_settles_only_the_months_that_have_come() {
    let f = fixture().await;
    basis(&f.admin, f.an, "2026-01-01", "student", 0).await;
    for (member, path, body) in [
        (
            f.an,
            "dues-arrangements",
            json!({"kind": "deferral", "from_month": "2026-12", "to_month": "2099-12",
                   "decision_no": "09-QĐ/CB", "decided_on": "2026-11-20"}),
        ),
        (
            f.binh,
            "dues-reliefs",
            json!({"kind": "social_pension", "from_month": "1930-01", "percent": 100,
                   "decided_on": "2026-11-20"}),
        ),
    ] {
        f.admin
            .post(&format!("/api/v1/members/{member}/{path}"), body)
            .await
            .assert_status(201);
    }
    // Months that have not come are settled by the sheets that record them, not in advance:
    // the cell's report of 2030 holds nothing.
    let res = f
        .admin
        .get(&format!(
            "/api/v1/reports/dues?organization_id={}&year=2030",
            f.tree.cell
        ))
        .await;
    res.assert_status(200);
    let total = res.json["sections"][0]["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|x| x["key"] == "total"))
        .and_then(|x| x["values"][1].as_i64());
    assert_eq!(total, Some(0), "{}", res.json);
    // This month is settled, deferred.
    assert_eq!(
        year(&f.admin, f.an).await["months"][11]["state"],
        "deferred"
    );
    // A month outside the years a record can hold (1930–2100) is not a month.
    f.admin
        .post(
            &format!("/api/v1/members/{}/dues-arrangements", f.binh),
            json!({"kind": "prepayment", "from_month": "2026-12", "to_month": "8821-12",
                   "decision_no": "10-QĐ/CB", "decided_on": "2026-11-20"}),
        )
        .await
        .assert_status(400);
}

/// The report reads the kept subtree sums (`dues_subtree_months`, one row per path and month,
/// kept by differences): after bases set from January (eleven months settled each), a sheet, and
/// the same sheet sent again with a line fewer, the kept sums are those of the cell-months under
/// each path (the recount `qldv check` runs), and the reports of the province, the commune and
/// the cell itself (its own cell-months) give the same totals.
#[actix_web::test]
async fn the_kept_subtree_sums_follow_every_rewrite_and_every_level_agrees() {
    let f = fixture().await;
    for m in [f.an, f.binh, f.cuong] {
        basis(
            &f.admin,
            m,
            "2026-01-01",
            "social_insurance_salary",
            10_000_000,
        )
        .await;
    }
    let path = sheet_path(f.tree.cell, "2026-10");
    for payments in [
        json!([
            {"member_id": f.an, "amount": 100_000, "channel": "cash"},
            {"member_id": f.binh, "amount": 100_000, "channel": "cash"}]),
        json!([{"member_id": f.an, "amount": 100_000, "channel": "cash"}]),
    ] {
        f.admin
            .put(
                &path,
                json!({"paid_on": "2026-10-05", "payments": payments}),
                None,
            )
            .await
            .assert_status(200);
    }
    {
        let mut conn = f.app.state.pool.get().unwrap();
        let problems = qldv::models::dues::subtree::verify(&mut conn).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
    }
    let mut totals = Vec::new();
    for root in [f.tree.province, f.tree.commune, f.tree.cell] {
        let res = f
            .admin
            .get(&format!(
                "/api/v1/reports/dues?organization_id={root}&year=2026"
            ))
            .await;
        res.assert_status(200);
        let total: Vec<i64> = res.json["sections"][0]["rows"]
            .as_array()
            .and_then(|rows| rows.iter().find(|x| x["key"] == "total"))
            .and_then(|x| x["values"].as_array())
            .map(|v| v.iter().filter_map(Value::as_i64).collect())
            .unwrap_or_default();
        totals.push(total);
    }
    // 3 members × January–November at 100,000; An's October paid, Bình's payment taken back.
    assert_eq!(totals[0][..3], [33, 3_300_000, 100_000]);
    assert_eq!(totals[0], totals[1]);
    assert_eq!(totals[1], totals[2]);
}
