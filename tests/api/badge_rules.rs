//! Party badges at the boundaries of rules 18–20 (issue 20): occasions, posthumous awards up to
//! 12 months early, re-admitted members on probation, each era's discipline waits, the cell's
//! recognition of the remedy, and one member's eligibility for the next occasion.

use qldv_tests::{official_json, Client, TestApp, Tree};
use serde_json::{json, Value};

async fn setup() -> (TestApp, Client, Tree) {
    let app = TestApp::builder().today("2026-11-22").build().await;
    let admin = app.admin().await;
    let tree = admin.create_tree("A").await;
    (app, admin, tree)
}

fn award(member: i64, milestone: u32, occasion: &str) -> Value {
    json!({"member_id": member, "milestone": milestone, "occasion_on": occasion,
           "decision_no": "45-QĐ/TU"})
}

async fn eligible(admin: &Client, org: i64, occasion: &str) -> Vec<Value> {
    admin
        .get_all(
            &format!("/api/v1/badges/eligible?organization_id={org}&occasion_on={occasion}"),
            50,
        )
        .await
}

fn find(list: &[Value], id: i64) -> Option<&Value> {
    list.iter().find(|e| e["member_id"] == id)
}

async fn die(admin: &Client, id: i64, on: &str) {
    admin
        .post(
            &format!("/api/v1/members/{id}/exit"),
            json!({"reason": "deceased", "effective_on": on, "decision_no": "2-TB/ĐU"}),
        )
        .await
        .assert_status(200);
}

async fn discipline(admin: &Client, id: i64, form: &str, on: &str) -> i64 {
    let res = admin
        .post(
            &format!("/api/v1/members/{id}/disciplines"),
            json!({"form": form, "decided_on": on, "decision_no": "5-QĐ/UBKT",
                   "reason": "Vi phạm quy định"}),
        )
        .await;
    res.assert_status(201);
    res.id()
}

async fn remedy(admin: &Client, id: i64, d: i64, on: &str) -> qldv_tests::Response {
    admin
        .post(
            &format!("/api/v1/members/{id}/disciplines/{d}/remedy"),
            json!({"recognised_on": on, "resolution_no": "12-NQ/CB",
                   "note": "Chi bộ xác nhận đã sửa chữa khuyết điểm"}),
        )
        .await
}

#[actix_web::test]
async fn only_the_four_dates_or_a_recorded_special_occasion() {
    let (app, admin, t) = setup().await;
    let b = admin.create_tree("B").await;
    let id = admin
        .create_member(official_json(
            t.cell,
            "Nguyễn Văn Dịp",
            1970,
            "1997-02-03",
            1,
        ))
        .await;
    let other = admin
        .create_member(official_json(
            b.cell,
            "Trần Văn Khác",
            1970,
            "1997-02-03",
            2,
        ))
        .await;
    // 4 Feb is no occasion: refused everywhere it is asked.
    admin
        .post("/api/v1/badges", award(id, 30, "2027-02-04"))
        .await
        .assert_problem(422, "not_an_occasion");
    admin
        .get(&format!(
            "/api/v1/badges/eligible?organization_id={}&occasion_on=2027-02-04",
            t.province
        ))
        .await
        .assert_problem(422, "not_an_occasion");
    admin
        .get(&format!(
            "/api/v1/members/{id}/badge-eligibility?occasion_on=2027-02-04"
        ))
        .await
        .assert_problem(422, "not_an_occasion");
    // The provincial standing committee records a special occasion for its province.
    let special = json!({"organization_id": t.province, "occasion_on": "2027-03-26",
                         "title": "Kỷ niệm ngày thành lập Đảng bộ tỉnh", "decision_no": "12-QĐ/TU"});
    let commune = app.user("org-commune", "organizer", Some(t.commune)).await;
    commune
        .post("/api/v1/badges/occasions", special.clone())
        .await
        .assert_problem(403, "forbidden");
    let res = admin
        .post("/api/v1/badges/occasions", special.clone())
        .await;
    res.assert_status(201);
    assert_eq!(res.json["occasion_on"], "2027-03-26");
    assert_eq!(res.json["special"], true);
    admin
        .post("/api/v1/badges/occasions", special)
        .await
        .assert_problem(409, "already_exists");
    // A fixed date needs no record.
    admin
        .post(
            "/api/v1/badges/occasions",
            json!({"organization_id": t.province, "occasion_on": "2027-05-19",
                   "title": "Sinh nhật Bác", "decision_no": "13-QĐ/TU"}),
        )
        .await
        .assert_problem(422, "not_an_occasion");
    // The special occasion is valid inside province A only.
    admin
        .post("/api/v1/badges", award(id, 30, "2027-03-26"))
        .await
        .assert_status(201);
    admin
        .post("/api/v1/badges", award(other, 30, "2027-03-26"))
        .await
        .assert_problem(422, "not_an_occasion");
    // The occasions of a year for the cell: the four dates and the province's special one.
    let list = admin
        .get_all(
            &format!(
                "/api/v1/badges/occasions?organization_id={}&year=2027",
                t.cell
            ),
            2,
        )
        .await;
    let dates: Vec<_> = list
        .iter()
        .map(|o| o["occasion_on"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        dates,
        [
            "2027-02-03",
            "2027-03-26",
            "2027-05-19",
            "2027-09-02",
            "2027-11-07"
        ]
    );
}

#[actix_web::test]
async fn a_posthumous_award_may_come_11_months_early_but_not_13() {
    let (_app, admin, t) = setup().await;
    // Both reach 50 years on 3 Feb 2027 and hold the 45-year badge.
    let eleven = admin
        .create_member(official_json(
            t.cell,
            "Hoàng Văn Mười Một",
            1950,
            "1977-02-03",
            1,
        ))
        .await;
    let thirteen = admin
        .create_member(official_json(
            t.cell,
            "Hoàng Văn Mười Ba",
            1950,
            "1977-02-03",
            2,
        ))
        .await;
    for id in [eleven, thirteen] {
        admin
            .post("/api/v1/badges", award(id, 45, "2022-02-03"))
            .await
            .assert_status(201);
    }
    die(&admin, eleven, "2026-03-03").await; // 11 months before the milestone
    die(&admin, thirteen, "2026-01-03").await; // 13 months before
    let list = eligible(&admin, t.province, "2026-05-19").await;
    let e = find(&list, eleven).expect("posthumous, 11 months early");
    assert_eq!(e["milestone"], 50);
    assert_eq!(e["posthumous"], true);
    assert_eq!(e["early"], true);
    assert_eq!(e["party_age_years"], 49);
    assert!(
        find(&list, thirteen).is_none(),
        "13 months early is refused"
    );
    let res = admin
        .post("/api/v1/badges", award(eleven, 50, "2026-05-19"))
        .await;
    res.assert_status(201);
    assert_eq!(res.json["posthumous"], true);
    admin
        .post("/api/v1/badges", award(thirteen, 50, "2026-05-19"))
        .await
        .assert_problem(422, "not_eligible");
}

#[actix_web::test]
async fn a_readmitted_member_on_probation_is_not_eligible_until_recognised() {
    let (_app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(t.cell, "Ngô Văn Lại", 1965, "1985-03-05", 1))
        .await;
    let m = format!("/api/v1/members/{id}");
    admin
        .post(
            &format!("{m}/exit"),
            json!({"reason": "name_removed", "effective_on": "2020-03-06", "decision_no": "7-QĐ/ĐU"}),
        )
        .await
        .assert_status(200);
    admin
        .post(
            &format!("{m}/readmission"),
            json!({"admission_decision_on": "2025-09-01", "ceremony_on": "2025-09-15",
                   "decision_no": "99-QĐ/ĐU", "consent_no": "15-CV/TU"}),
        )
        .await
        .assert_status(200);
    // 35 years of party age before the exit: 30 reached, but on a new probation.
    assert!(find(&eligible(&admin, t.province, "2026-09-02").await, id).is_none());
    let res = admin
        .get(&format!("{m}/badge-eligibility?occasion_on=2026-09-02"))
        .await;
    res.assert_status(200);
    assert_eq!(res.json["eligible"], false);
    assert_eq!(res.json["refusal_code"], "not_eligible");
    admin
        .post("/api/v1/badges", award(id, 30, "2026-09-02"))
        .await
        .assert_problem(422, "not_eligible");
    admin
        .post(
            &format!("{m}/recognition"),
            json!({"decided_on": "2026-09-15", "decision_no": "3-QĐ/ĐU"}),
        )
        .await
        .assert_status(200);
    let e = eligible(&admin, t.province, "2026-11-07").await;
    assert_eq!(find(&e, id).expect("recognised again")["milestone"], 30);
}

#[actix_web::test]
async fn occasions_under_29_qd_tw_use_the_2016_waits() {
    let (_app, admin, t) = setup().await;
    // Both reach 30 years on 3 Feb 2017.
    let reprimanded = admin
        .create_member(official_json(
            t.cell,
            "Đặng Văn Khiển",
            1960,
            "1987-02-03",
            1,
        ))
        .await;
    let warned = admin
        .create_member(official_json(
            t.cell,
            "Đặng Văn Cảnh",
            1960,
            "1987-02-03",
            2,
        ))
        .await;
    // 2016: a reprimand did not block a badge.
    discipline(&admin, reprimanded, "reprimand", "2017-03-01").await;
    admin
        .post("/api/v1/badges", award(reprimanded, 30, "2017-05-19"))
        .await
        .assert_status(201);
    // 2016: six months after a warning (2021: nine), with the remedy recognised.
    let d = discipline(&admin, warned, "warning", "2017-01-10").await;
    remedy(&admin, warned, d, "2017-06-01")
        .await
        .assert_status(201);
    admin
        .post("/api/v1/badges", award(warned, 30, "2017-07-07"))
        .await
        .assert_problem(422, "not_an_occasion");
    admin
        .post("/api/v1/badges", award(warned, 30, "2017-05-19"))
        .await
        .assert_problem(422, "discipline_in_force");
    let res = admin
        .post("/api/v1/badges", award(warned, 30, "2017-09-02"))
        .await;
    res.assert_status(201);
    assert_eq!(res.json["regulation"], "29-QĐ/TW");
}

#[actix_web::test]
async fn after_the_wait_a_badge_needs_the_cells_recognition_of_the_remedy() {
    let (app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(t.cell, "Vũ Văn Cảnh", 1965, "1990-01-02", 1))
        .await;
    let d = discipline(&admin, id, "warning", "2026-01-05").await;
    let path = format!("/api/v1/members/{id}/badge-eligibility?occasion_on=2026-11-07");
    // Ten months after the warning, but no recognition of the remedy: still blocked.
    assert!(find(&eligible(&admin, t.province, "2026-11-07").await, id).is_none());
    let res = admin.get(&path).await;
    assert_eq!(res.json["eligible"], false);
    assert_eq!(res.json["refusal_code"], "discipline_in_force");
    // The remedy is recorded once, after the decision, by someone who sees the member.
    remedy(&admin, id, d, "2026-01-01")
        .await
        .assert_problem(422, "date_order");
    let b = admin.create_tree("B").await;
    let outsider = app.user("org-b", "organizer", Some(b.province)).await;
    remedy(&outsider, id, d, "2026-10-15")
        .await
        .assert_problem(404, "not_found");
    let res = remedy(&admin, id, d, "2026-10-15").await;
    res.assert_status(201);
    assert_eq!(res.json["discipline_id"], d);
    assert_eq!(res.json["recognised_on"], "2026-10-15");
    remedy(&admin, id, d, "2026-10-16")
        .await
        .assert_problem(409, "already_exists");
    let res = admin.get(&path).await;
    assert_eq!(res.json["eligible"], true);
    assert_eq!(res.json["milestone"], 30);
    // A remedy recognised early does not shorten the nine months (2021 numbers).
    let early = admin
        .create_member(official_json(t.cell, "Vũ Văn Sớm", 1965, "1990-01-02", 2))
        .await;
    let d = discipline(&admin, early, "warning", "2026-01-05").await;
    remedy(&admin, early, d, "2026-03-01")
        .await
        .assert_status(201);
    admin
        .post("/api/v1/badges", award(early, 30, "2026-09-02"))
        .await
        .assert_problem(422, "discipline_in_force");
    admin
        .post("/api/v1/badges", award(early, 30, "2026-11-07"))
        .await
        .assert_status(201);
}

#[actix_web::test]
async fn one_members_eligibility_for_the_next_occasion() {
    let (_app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(
            t.cell,
            "Nguyễn Văn Ba Mươi",
            1970,
            "1997-02-03",
            1,
        ))
        .await;
    let young = admin
        .create_member(official_json(t.cell, "Đinh Văn Trẻ", 1990, "2015-03-02", 2))
        .await;
    // Today is 22 Nov 2026: the next occasion is 3 Feb 2027.
    let res = admin
        .get(&format!("/api/v1/members/{id}/badge-eligibility"))
        .await;
    res.assert_status(200);
    assert_eq!(res.json["occasion_on"], "2027-02-03");
    assert_eq!(res.json["special_occasion"], false);
    assert_eq!(res.json["eligible"], true);
    assert_eq!(res.json["milestone"], 30);
    assert_eq!(res.json["party_age_years"], 30);
    assert_eq!(res.json["posthumous"], false);
    assert_eq!(res.json["regulation"], "294-QĐ/TW");
    let res = admin
        .get(&format!("/api/v1/members/{young}/badge-eligibility"))
        .await;
    assert_eq!(res.json["eligible"], false);
    assert_eq!(res.json["refusal_code"], "not_eligible");
    assert_eq!(res.json["next_milestone"], 30);
    assert_eq!(res.json["next_milestone_on"], "2045-03-02");
    assert_eq!(res.json["party_age_years"], 11);
}

/// Rule 20: while an inspection of the member is open (a discipline under consideration), no
/// badge; once it is settled without a discipline, the member is eligible again.
#[actix_web::test]
async fn an_open_inspection_holds_the_badge_until_it_is_settled() {
    let (_app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(
            t.cell,
            "Nguyễn Văn Xem Xét",
            1970,
            "1997-02-03",
            3,
        ))
        .await;
    let eligibility = |admin: &Client| {
        let path = format!("/api/v1/members/{id}/badge-eligibility?occasion_on=2027-02-03");
        let admin = admin.clone();
        async move { admin.get(&path).await }
    };
    assert_eq!(eligibility(&admin).await.json["eligible"], true);
    let case = admin
        .post(
            &format!("/api/v1/members/{id}/cases"),
            json!({"kind": "inspection", "opened_on": "2026-11-01",
                   "summary": "Kiểm tra khi có dấu hiệu vi phạm"}),
        )
        .await;
    case.assert_status(201);
    let res = eligibility(&admin).await;
    assert_eq!(res.json["eligible"], false, "{}", res.text);
    assert_eq!(res.json["refusal_code"], "discipline_under_consideration");
    admin
        .post(
            &format!("/api/v1/members/{id}/cases/{}/settle", case.id()),
            json!({"settled_on": "2026-11-20", "decision_no": "12-TB/UBKT",
                   "outcome": "Không vi phạm"}),
        )
        .await
        .assert_status(200);
    assert_eq!(eligibility(&admin).await.json["eligible"], true);
}
