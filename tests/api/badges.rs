//! Party badges: the eligibility list for an occasion, awards, proposals and approval, returns.

use qldv_tests::{official_json, Client, TestApp, Tree};
use serde_json::{json, Value};

async fn setup() -> (TestApp, Client, Tree) {
    let app = TestApp::builder().today("2026-11-22").build().await;
    let admin = app.admin().await;
    let tree = admin.create_tree("A").await;
    (app, admin, tree)
}

async fn eligible(admin: &Client, org: i64, occasion: &str) -> Vec<Value> {
    // Two at a time: the list is paged like every other (issue 19).
    admin
        .get_all(
            &format!("/api/v1/badges/eligible?organization_id={org}&occasion_on={occasion}"),
            2,
        )
        .await
}

fn find(list: &[Value], id: i64) -> Option<&Value> {
    list.iter().find(|e| e["member_id"] == id)
}

fn award(member: i64, milestone: u32, occasion: &str) -> Value {
    json!({"member_id": member, "milestone": milestone, "occasion_on": occasion,
           "decision_no": "45-QĐ/TU"})
}

#[actix_web::test]
async fn the_eligibility_list_for_an_occasion() {
    let (_app, admin, t) = setup().await;
    let thirty = admin
        .create_member(official_json(
            t.cell,
            "Nguyễn Văn Ba Mươi",
            1970,
            "1997-02-03",
            1,
        ))
        .await;
    let a_day_short = admin
        .create_member(official_json(
            t.cell,
            "Trần Văn Thiếu",
            1970,
            "1997-02-04",
            2,
        ))
        .await;
    let fifty = admin
        .create_member(official_json(
            t.cell,
            "Lê Văn Năm Mươi",
            1950,
            "1977-01-10",
            3,
        ))
        .await;
    let ill = admin
        .create_member(official_json(t.cell, "Phạm Thị Ốm", 1940, "1962-05-01", 4))
        .await;
    let deceased = admin
        .create_member(official_json(
            t.cell,
            "Hoàng Văn Mất",
            1955,
            "1980-01-02",
            5,
        ))
        .await;
    let warned = admin
        .create_member(official_json(t.cell, "Vũ Văn Cảnh", 1965, "1990-01-02", 6))
        .await;
    // 45 years held since 2022: the next is 50.
    admin
        .post("/api/v1/badges", award(fifty, 45, "2022-02-03"))
        .await
        .assert_status(201);
    // A serious illness: 65 years may come 12 months early.
    admin
        .post(
            &format!("/api/v1/members/{ill}/illnesses"),
            json!({"from": "2026-03-01", "serious": true, "note": "Bệnh hiểm nghèo"}),
        )
        .await
        .assert_status(201);
    admin
        .post(
            &format!("/api/v1/members/{deceased}/exit"),
            json!({"reason": "deceased", "effective_on": "2026-06-01", "decision_no": "2-TB/ĐU"}),
        )
        .await
        .assert_status(200);
    let warning = admin
        .post(
            &format!("/api/v1/members/{warned}/disciplines"),
            json!({"form": "warning", "decided_on": "2026-06-01", "decision_no": "5-QĐ/UBKT",
                   "reason": "Vi phạm quy định"}),
        )
        .await;
    warning.assert_status(201);
    // Rule 20: after the wait, the badge needs the cell's recognition of the remedy.
    admin
        .post(
            &format!(
                "/api/v1/members/{warned}/disciplines/{}/remedy",
                warning.id()
            ),
            json!({"recognised_on": "2026-11-20", "resolution_no": "9-NQ/CB"}),
        )
        .await
        .assert_status(201);

    let list = eligible(&admin, t.province, "2027-02-03").await;
    let got = |id| {
        find(&list, id).map(|e| {
            (
                e["milestone"].clone(),
                e["early"].clone(),
                e["posthumous"].clone(),
            )
        })
    };
    assert_eq!(got(thirty), Some((json!(30), json!(false), json!(false))));
    assert_eq!(got(a_day_short), None, "reaches 30 years the day after");
    assert_eq!(got(fifty), Some((json!(50), json!(false), json!(false))));
    assert_eq!(got(ill), Some((json!(65), json!(true), json!(false))));
    assert_eq!(got(deceased), Some((json!(45), json!(false), json!(true))));
    assert_eq!(got(warned), None, "nine months after a warning");
    assert_eq!(find(&list, thirty).unwrap()["party_age_years"], 30);
    // Vietnamese order by given name.
    let names: Vec<_> = list
        .iter()
        .map(|e| e["full_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Hoàng Văn Mất",
            "Nguyễn Văn Ba Mươi",
            "Lê Văn Năm Mươi",
            "Phạm Thị Ốm"
        ]
    );
    // The warning's waiting time ends on 1 March 2027.
    let later = eligible(&admin, t.province, "2027-05-19").await;
    assert_eq!(find(&later, warned).unwrap()["milestone"], 30);
    assert_eq!(find(&later, a_day_short).unwrap()["milestone"], 30);
}

#[actix_web::test]
async fn awards_refuse_held_lower_and_unreached_milestones() {
    let (_app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(
            t.cell,
            "Lê Văn Năm Mươi",
            1950,
            "1977-01-10",
            3,
        ))
        .await;
    admin
        .post("/api/v1/badges", award(id, 45, "2022-02-03"))
        .await
        .assert_status(201);
    admin
        .post("/api/v1/badges", award(id, 45, "2027-02-03"))
        .await
        .assert_problem(409, "already_held");
    admin
        .post("/api/v1/badges", award(id, 40, "2027-02-03"))
        .await
        .assert_problem(422, "below_held");
    admin
        .post("/api/v1/badges", award(id, 55, "2027-02-03"))
        .await
        .assert_problem(422, "not_eligible");
    admin
        .post("/api/v1/badges", award(id, 50, "2027-02-03"))
        .await
        .assert_status(201);
    let badges = admin
        .get_all(&format!("/api/v1/members/{id}/badges"), 1)
        .await;
    let held: Vec<_> = badges.iter().map(|b| b["milestone"].clone()).collect();
    assert_eq!(held, vec![json!(45), json!(50)]);
    let year = admin
        .get(&format!(
            "/api/v1/badges?organization_id={}&year=2027",
            t.province
        ))
        .await;
    assert_eq!(year.json["items"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn the_cell_proposes_and_the_province_approves() {
    let (app, admin, t) = setup().await;
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
    let commune = app.user("org-commune", "organizer", Some(t.commune)).await;
    let province = app
        .user("org-province", "organizer", Some(t.province))
        .await;
    // A member who is not eligible fails the whole proposal, naming the member.
    let res = commune
        .post(
            "/api/v1/badges/proposals",
            json!({"occasion_on": "2027-02-03", "member_ids": [id, young]}),
        )
        .await;
    res.assert_problem(422, "not_eligible");
    assert!(res.json["detail"]
        .as_str()
        .unwrap()
        .contains("Đinh Văn Trẻ"));
    let res = commune
        .post(
            "/api/v1/badges/proposals",
            json!({"occasion_on": "2027-02-03", "member_ids": [id], "note": "Đợt 3/2"}),
        )
        .await;
    res.assert_status(201);
    let proposal = res.json[0]["id"].as_i64().unwrap();
    assert_eq!(res.json[0]["milestone"], 30);
    commune
        .post(
            "/api/v1/badges/proposals",
            json!({"occasion_on": "2027-02-03", "member_ids": [id]}),
        )
        .await
        .assert_problem(409, "already_proposed");
    // Only the provincial level approves.
    let approve = json!({"proposal_ids": [proposal], "decision_no": "88-QĐ/TU"});
    commune
        .post("/api/v1/badges/proposals/approve", approve.clone())
        .await
        .assert_problem(403, "forbidden");
    commune
        .post("/api/v1/badges", award(id, 30, "2027-02-03"))
        .await
        .assert_problem(403, "forbidden");
    let inbox = province
        .get("/api/v1/badges/proposals?status=proposed")
        .await;
    assert_eq!(inbox.json["items"][0]["id"], proposal);
    let res = province
        .post("/api/v1/badges/proposals/approve", approve.clone())
        .await;
    res.assert_status(200);
    assert_eq!(res.json[0]["status"], "approved");
    let badge = res.json[0]["badge_id"].as_i64().unwrap();
    province
        .post("/api/v1/badges/proposals/approve", approve)
        .await
        .assert_problem(409, "proposal_decided");
    let badges = admin
        .get_all(&format!("/api/v1/members/{id}/badges"), 50)
        .await;
    assert_eq!(badges[0]["id"], badge);
    assert_eq!(badges[0]["proposal_id"], proposal);
    assert_eq!(badges[0]["decision_no"], "88-QĐ/TU");
    // Once awarded the member leaves the list.
    let list = eligible(&admin, t.province, "2027-02-03").await;
    assert!(find(&list, id).is_none());
}

/// Name removal on `out`, re-admission (decision `back`, ceremony), recognition on `official`.
async fn out_and_back(
    admin: &Client,
    id: i64,
    out: &str,
    back: &str,
    ceremony: &str,
    official: &str,
) {
    let m = format!("/api/v1/members/{id}");
    admin
        .post(
            &format!("{m}/exit"),
            json!({"reason": "name_removed", "effective_on": out, "decision_no": "7-QĐ/ĐU"}),
        )
        .await
        .assert_status(200);
    admin
        .post(
            &format!("{m}/readmission"),
            json!({"admission_decision_on": back, "ceremony_on": ceremony,
                   "decision_no": "99-QĐ/ĐU", "consent_no": "15-CV/TU"}),
        )
        .await
        .assert_status(200);
    admin
        .post(
            &format!("{m}/recognition"),
            json!({"decided_on": official, "decision_no": "3-QĐ/ĐU"}),
        )
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn an_interruption_from_a_readmission_moves_the_milestone() {
    let (_app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(t.cell, "Ngô Văn Lại", 1965, "1990-03-05", 1))
        .await;
    let m = format!("/api/v1/members/{id}");
    out_and_back(
        &admin,
        id,
        "2000-03-06",
        "2003-03-06",
        "2003-03-20",
        "2004-03-22",
    )
    .await;
    // Without the three years out, 30 years would have come on 5 March 2020.
    let age = admin.get(&format!("{m}/party-age?as_of=2022-12-31")).await;
    assert_eq!(age.json["years"], 29);
    assert!(find(&eligible(&admin, t.province, "2022-11-07").await, id).is_none());
    let list = eligible(&admin, t.province, "2023-05-19").await;
    let e = find(&list, id).expect("eligible after the interruption");
    let age = admin.get(&format!("{m}/party-age?as_of=2023-05-19")).await;
    assert_eq!(e["party_age_years"], age.json["years"]);
    assert_eq!(e["milestone"], 30);
}

#[actix_web::test]
async fn an_exit_returns_the_badges_and_the_member_leaves_the_list() {
    let (app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(
            t.cell,
            "Lê Văn Năm Mươi",
            1950,
            "1977-01-10",
            3,
        ))
        .await;
    admin
        .post("/api/v1/badges", award(id, 45, "2022-02-03"))
        .await
        .assert_status(201);
    admin
        .post(
            &format!("/api/v1/members/{id}/exit"),
            json!({"reason": "resigned", "effective_on": "2026-10-01", "decision_no": "4-QĐ/ĐU",
                   "hardship_reason": "Hoàn cảnh gia đình khó khăn"}),
        )
        .await
        .assert_status(200);
    let badges = admin
        .get_all(&format!("/api/v1/members/{id}/badges"), 50)
        .await;
    assert_eq!(badges[0]["status"], "returned");
    assert_eq!(badges[0]["returned_on"], "2026-10-01");
    assert!(find(&eligible(&admin, t.province, "2027-02-03").await, id).is_none());
    // Another province sees nothing of it.
    let b = admin.create_tree("B").await;
    let other = app.user("org-b", "organizer", Some(b.province)).await;
    other
        .get(&format!("/api/v1/members/{id}/badges"))
        .await
        .assert_problem(404, "not_found");
    other
        .get(&format!(
            "/api/v1/badges/eligible?organization_id={}&occasion_on=2027-02-03",
            t.province
        ))
        .await
        .assert_problem(404, "not_found");
}

#[actix_web::test]
async fn a_returned_badge_is_not_awarded_again_after_a_readmission() {
    let (_app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(t.cell, "Tạ Văn Về", 1955, "1980-03-05", 1))
        .await;
    admin
        .post("/api/v1/badges", award(id, 30, "2010-05-19"))
        .await
        .assert_status(201);
    out_and_back(
        &admin,
        id,
        "2012-03-06",
        "2015-03-06",
        "2015-03-20",
        "2016-03-22",
    )
    .await;
    // The 30-year badge was returned on the exit: it does not come again.
    assert!(find(&eligible(&admin, t.province, "2022-05-19").await, id).is_none());
    admin
        .post("/api/v1/badges", award(id, 30, "2022-05-19"))
        .await
        .assert_problem(409, "already_held");
    // 40 years, three years later than without the time out.
    let list = eligible(&admin, t.province, "2023-05-19").await;
    assert_eq!(find(&list, id).unwrap()["milestone"], 40);
}
