//! Data-entry timeliness: how long after the event admissions, transfers, exits and deaths were
//! entered, per subtree and period (a report, JSON and CSV), and late entries as alerts.

use qldv_tests::{member_json, official_json, TestApp};
use serde_json::json;

/// Sets when the measured event of `member` of `kind` was entered (behind the application's
/// back: a test cannot wait weeks).
fn entered(app: &TestApp, member: i64, kind: &str, at: &str) {
    app.execute_sql(&format!(
        "UPDATE member_events SET entered_at = '{at}' WHERE member_id = {member} AND kind = '{kind}'"
    ));
}

#[actix_web::test]
async fn the_report_counts_entries_on_time_and_late_per_subtree_and_kind() {
    let app = TestApp::builder().today("2025-12-20").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let b = admin
        .create_org("Chi bộ thôn B", "cell", Some(t.commune))
        .await;
    // Admitted 3 March, entered 10 April: 38 days, late. Admitted 20 March, entered 1 April: 12.
    let late = admin
        .create_member(member_json(
            t.cell,
            json!({"full_name": "Vũ Văn Chậm", "admission_decision_on": "2025-03-03",
                   "ceremony_on": "2025-03-20", "national_id": "031090000001"}),
        ))
        .await;
    let prompt = admin
        .create_member(member_json(
            b,
            json!({"full_name": "Vũ Văn Kịp", "admission_decision_on": "2025-03-20",
                   "ceremony_on": "2025-04-02", "national_id": "031090000002"}),
        ))
        .await;
    entered(&app, late, "admitted", "2025-04-10 03:00:00");
    entered(&app, prompt, "admitted", "2025-04-01 03:00:00");
    // Died on 1 October, reported on 1 December: 61 days.
    admin
        .post(
            &format!("/api/v1/members/{prompt}/exit"),
            json!({"reason": "deceased", "effective_on": "2025-10-01", "decision_no": "7-TB/ĐU"}),
        )
        .await
        .assert_status(200);
    entered(&app, prompt, "exited", "2025-12-01 03:00:00");
    let q = format!(
        "/api/v1/reports/timeliness?organization_id={}&from=2025-01-01&to=2025-12-31",
        t.commune
    );
    let res = admin.get(&q).await;
    res.assert_status(200);
    let by_org = &res.json["sections"][0];
    let cols: Vec<&str> = by_org["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        cols,
        [
            "entered",
            "on_time",
            "late",
            "on_time_percent",
            "mean_delay_days",
            "max_delay_days"
        ]
    );
    let row = |section: &serde_json::Value, key: &str| {
        section["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == key)
            .map(|r| r["values"].clone())
            .unwrap_or_else(|| panic!("no row {key} in {section}"))
    };
    assert_eq!(
        row(by_org, &t.cell.to_string()),
        json!([1, 0, 1, 0, 38, 38])
    );
    assert_eq!(row(by_org, &b.to_string()), json!([2, 1, 1, 50, 37, 61]));
    assert_eq!(row(by_org, "total"), json!([3, 1, 2, 33, 37, 61]));
    let by_kind = &res.json["sections"][1];
    assert_eq!(row(by_kind, "admission"), json!([2, 1, 1, 50, 25, 38]));
    assert_eq!(row(by_kind, "death"), json!([1, 0, 1, 0, 61, 61]));
    assert_eq!(row(by_kind, "transfer"), json!([0, 0, 0, 100, 0, 0]));
    // The same figures as CSV.
    let csv = admin
        .send(
            actix_web::http::Method::GET,
            &q,
            None,
            &[("accept", "text/csv")],
        )
        .await;
    csv.assert_status(200);
    assert!(csv.text.contains("Nhập chậm"), "{}", csv.text);
    assert!(
        csv.text.contains("\r\nTổng cộng,3,1,2,33,37,61"),
        "{}",
        csv.text
    );
}

#[actix_web::test]
async fn late_entries_of_the_last_weeks_are_alerts() {
    let app = TestApp::builder().today("2025-12-20").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let a = admin
        .create_member(official_json(t.cell, "Hà Văn Một", 1980, "2010-03-02", 1))
        .await;
    let b = admin
        .create_member(official_json(t.cell, "Hà Văn Hai", 1981, "2010-03-02", 2))
        .await;
    for (m, at) in [(a, "2025-12-01 03:00:00"), (b, "2025-10-03 03:00:00")] {
        admin
            .post(
                &format!("/api/v1/members/{m}/exit"),
                json!({"reason": "deceased", "effective_on": "2025-10-01", "decision_no": "8-TB/ĐU"}),
            )
            .await
            .assert_status(200);
        entered(&app, m, "exited", at);
    }
    // Entered long ago (old records): not an alert of these weeks.
    entered(&app, a, "admitted", "2020-01-01 03:00:00");
    entered(&app, b, "admitted", "2020-01-01 03:00:00");
    let res = admin
        .get(&format!("/api/v1/alerts?organization_id={}", t.commune))
        .await;
    res.assert_status(200);
    let late: Vec<(i64, String)> = res
        .json
        .as_array()
        .or_else(|| res.json["items"].as_array())
        .unwrap()
        .iter()
        .filter(|x| x["kind"] == "late_entry")
        .map(|x| {
            (
                x["member_id"].as_i64().unwrap(),
                x["date"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // a: 61 days late; b: 2 days, on time.
    assert_eq!(late, vec![(a, "2025-10-01".to_string())], "{}", res.text);
}
