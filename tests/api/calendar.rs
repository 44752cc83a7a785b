//! The working-day calendar: a holiday table per year, read by everyone, recorded by a national
//! administrator, and counted by the deadlines in working days.

use qldv_tests::{member_json, TestApp};
use serde_json::{json, Value};

fn days_of(year: &Value, kind: &str) -> Vec<String> {
    year["days"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == kind)
        .map(|d| d["date"].as_str().unwrap().to_string())
        .collect()
}

/// The 2026 calendar as a decision might set it: the law's days, National Day with 1 September,
/// and a special day off on Thursday 24 December.
fn decided_2026() -> Value {
    json!({
        "decision": "Thông báo số 01/TB ngày 01/12/2025",
        "days": [
            {"date": "2026-01-01", "kind": "new_year"},
            {"date": "2026-02-16", "kind": "tet"},
            {"date": "2026-02-17", "kind": "tet"},
            {"date": "2026-02-18", "kind": "tet"},
            {"date": "2026-02-19", "kind": "tet"},
            {"date": "2026-02-20", "kind": "tet"},
            {"date": "2026-04-26", "kind": "hung_kings"},
            {"date": "2026-04-27", "kind": "compensatory"},
            {"date": "2026-04-30", "kind": "reunification"},
            {"date": "2026-05-01", "kind": "labour_day"},
            {"date": "2026-09-01", "kind": "national_day_adjacent"},
            {"date": "2026-09-02", "kind": "national_day"},
            {"date": "2026-12-24", "kind": "special_day_off", "note": "Ngày đặc biệt"},
        ]
    })
}

#[actix_web::test]
async fn the_seeded_years_show_tet_from_the_lunar_calendar_and_2025_as_decided() {
    let app = TestApp::new().await;
    let clerk = app.admin().await;
    let y2025 = clerk.get("/api/v1/calendar/2025").await;
    y2025.assert_status(200);
    assert_eq!(y2025.json["source"], "decided");
    assert_eq!(
        days_of(&y2025.json, "tet"),
        [
            "2025-01-27",
            "2025-01-28",
            "2025-01-29",
            "2025-01-30",
            "2025-01-31"
        ]
    );
    assert_eq!(
        days_of(&y2025.json, "national_day_adjacent"),
        ["2025-09-01"]
    );
    assert_eq!(days_of(&y2025.json, "make_up_working_day"), ["2025-04-26"]);
    assert_eq!(y2025.json["working_days"], 250);

    let y2007 = clerk.get("/api/v1/calendar/2007").await;
    assert_eq!(y2007.json["source"], "computed");
    // Tết Đinh Hợi in Vietnam: 17 Feb 2007 (in China, 18 Feb); 4 days off, the eve included.
    assert_eq!(
        days_of(&y2007.json, "tet"),
        ["2007-02-16", "2007-02-17", "2007-02-18", "2007-02-19"]
    );
    let y1985 = clerk.get("/api/v1/calendar/1985").await;
    assert_eq!(
        days_of(&y1985.json, "tet")[1],
        "1985-01-21",
        "Tết 1985 in Vietnam (a month before China)"
    );
    clerk
        .get("/api/v1/calendar/1800")
        .await
        .assert_problem(422, "validation_failed");
}

#[actix_web::test]
async fn a_national_administrator_records_a_year_and_it_is_audited() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let scoped = app.user("qt.tinh", "admin", Some(t.province)).await;
    scoped
        .put("/api/v1/calendar/2026", decided_2026(), None)
        .await
        .assert_problem(403, "forbidden");

    let res = admin
        .put("/api/v1/calendar/2026", decided_2026(), None)
        .await;
    res.assert_status(200);
    assert_eq!(res.json["source"], "decided");
    assert_eq!(res.json["decision"], "Thông báo số 01/TB ngày 01/12/2025");
    let read = admin.get("/api/v1/calendar/2026").await;
    assert_eq!(days_of(&read.json, "special_day_off"), ["2026-12-24"]);
    assert_eq!(days_of(&read.json, "national_day_adjacent"), ["2026-09-01"]);

    let trail = admin
        .get("/api/v1/audit?entity=calendar&entity_id=2026")
        .await;
    trail.assert_status(200);
    let entry = &trail.json["items"][0];
    assert_eq!(entry["action"], "update");
    assert!(entry["before"].to_string().contains("computed"));
    assert!(entry["after"].to_string().contains("2026-12-24"));
}

#[actix_web::test]
async fn a_year_without_the_holidays_of_the_law_is_refused() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let mut body = decided_2026();
    body["days"].as_array_mut().unwrap().remove(0);
    let res = admin.put("/api/v1/calendar/2026", body, None).await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["code"], "holiday_missing");

    let mut body = decided_2026();
    body["days"][6]["date"] = json!("2026-04-25");
    let res = admin.put("/api/v1/calendar/2026", body, None).await;
    assert_eq!(res.json["errors"][0]["code"], "holiday_out_of_place");
    assert_eq!(res.json["errors"][0]["field"], "days[6].date");
}

#[actix_web::test]
async fn deadlines_in_working_days_follow_the_recorded_year() {
    let app = TestApp::builder().today("2027-01-15").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    // Decision Friday 2026-11-06: the 30th working day is Friday 18 Dec 2026.
    let decided = |ceremony: &str, cccd: &str| {
        member_json(
            t.cell,
            json!({"admission_decision_on": "2026-11-06", "ceremony_on": ceremony,
                   "national_id": cccd}),
        )
    };
    admin
        .post("/api/v1/members", decided("2026-12-18", "031090000001"))
        .await
        .assert_status(201);
    // A special day off in the window moves the deadline to Monday 21 December.
    let mut year = decided_2026();
    year["days"][12]["date"] = json!("2026-11-20");
    admin
        .put("/api/v1/calendar/2026", year, None)
        .await
        .assert_status(200);
    admin
        .post("/api/v1/members", decided("2026-12-21", "031090000002"))
        .await
        .assert_status(201);
    let res = admin
        .post("/api/v1/members", decided("2026-12-22", "031090000003"))
        .await;
    assert_eq!(res.json["errors"][0]["code"], "ceremony_too_late");
}
