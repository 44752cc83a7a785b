//! Party age on any date (rule 5): interruptions are dated periods, subtracted only after they
//! happened; out of contact, past interruptions and annulments (117-QĐ/TW) as events with their
//! decisions.

use qldv_tests::{member_json, Client, TestApp};
use serde_json::{json, Value};

/// An official member admitted on `decided` in `cell` (ceremony two weeks later).
fn official(cell: i64, decided: &str, cccd: &str) -> Value {
    let d: chrono::NaiveDate = decided.parse().unwrap();
    let ceremony = d + chrono::Duration::days(14);
    let official = ceremony
        .checked_add_months(chrono::Months::new(12))
        .unwrap();
    member_json(
        cell,
        json!({"birth_date": "1970-02-01", "national_id": cccd,
               "admission_decision_on": decided, "ceremony_on": ceremony.to_string(),
               "status": "official", "official_on": official.to_string()}),
    )
}

async fn age(admin: &Client, id: i64, on: &str) -> Value {
    let res = admin
        .get(&format!("/api/v1/members/{id}/party-age?as_of={on}"))
        .await;
    res.assert_status(200);
    res.json
}

fn ymd(v: &Value) -> (u64, u64, u64) {
    (
        v["years"].as_u64().unwrap(),
        v["months"].as_u64().unwrap(),
        v["days"].as_u64().unwrap(),
    )
}

/// Moves the member by an official transfer issued on `issued` and received on `received`.
async fn transfer(admin: &Client, member: i64, to: i64, issued: &str, received: &str) {
    let res = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": member, "to_organization_id": to, "kind": "official",
                   "issued_on": issued, "reason": "Chuyển công tác", "decision_no": "45-GGT/ĐU"}),
        )
        .await;
    res.assert_status(201);
    admin
        .post(
            &format!("/api/v1/transfers/{}/accept", res.id()),
            json!({"received_on": received}),
        )
        .await
        .assert_status(200);
}

/// Issue 20's bug: a 10-day transfer gap in 2010 made the party age as of 2005 ten days short.
#[actix_web::test]
async fn a_transfer_gap_takes_nothing_off_the_party_age_before_it() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let other = admin.create_org("Chi bộ 2", "cell", Some(t.commune)).await;
    let id = admin
        .create_member(official(t.cell, "1995-05-19", "031070001234"))
        .await;
    transfer(&admin, id, other, "2010-03-01", "2010-03-11").await;

    let before = age(&admin, id, "2005-05-19").await;
    assert_eq!(ymd(&before), (10, 0, 0), "{before}");
    assert_eq!(before["interruptions_days"], 0);
    // Inside the gap: as on the day it began.
    assert_eq!(ymd(&age(&admin, id, "2010-03-01").await), (14, 9, 10));
    assert_eq!(ymd(&age(&admin, id, "2010-03-06").await), (14, 9, 10));
    // After it: ten days less.
    let after = age(&admin, id, "2015-05-29").await;
    assert_eq!(ymd(&after), (20, 0, 0), "{after}");
    assert_eq!(after["interruptions_days"], 10);
}

/// The badge check of a past occasion moves with the same bug: 30 years reached on 2025-08-25,
/// a 10-day gap in 2026 must not push the 2 Sep 2025 occasion out of reach.
#[actix_web::test]
async fn a_later_gap_does_not_move_a_past_occasions_badge() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let other = admin.create_org("Chi bộ 2", "cell", Some(t.commune)).await;
    let id = admin
        .create_member(official(t.cell, "1995-08-25", "031070001234"))
        .await;
    transfer(&admin, id, other, "2026-01-05", "2026-01-15").await;
    let items = admin
        .get_all(
            &format!(
                "/api/v1/badges/eligible?organization_id={}&occasion_on=2025-09-02",
                t.province
            ),
            50,
        )
        .await;
    let mine: Vec<&Value> = items.iter().filter(|x| x["member_id"] == id).collect();
    assert_eq!(mine.len(), 1, "{items:?}");
    assert_eq!(mine[0]["milestone"], 30);
}

#[actix_web::test]
async fn out_of_contact_stops_the_party_age_until_contact_is_restored() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin
        .create_member(official(t.cell, "2000-03-01", "031070001234"))
        .await;
    let decision = json!({"decision_no": "05-TB/CB", "decision_on": "2011-06-10"});
    let mut body = decision.clone();
    body["from"] = json!("2011-03-01");
    admin
        .post(&format!("/api/v1/members/{id}/out-of-contact"), body)
        .await
        .assert_status(200);
    // Still out of contact: the age stays as on 2011-03-01.
    assert_eq!(ymd(&age(&admin, id, "2014-01-01").await), (11, 0, 0));
    let m = admin.get(&format!("/api/v1/members/{id}")).await;
    assert_eq!(m.json["party_age_years"], 11);
    // Back exactly five years later: exactly five years less (two leap days inside).
    admin
        .post(
            &format!("/api/v1/members/{id}/out-of-contact/end"),
            json!({"on": "2016-03-01", "decision_no": "09-QĐ/ĐU", "decision_on": "2016-03-01"}),
        )
        .await
        .assert_status(200);
    assert_eq!(ymd(&age(&admin, id, "2017-03-01").await), (12, 0, 0));
    assert_eq!(ymd(&age(&admin, id, "2011-02-28").await), (10, 11, 27));
    // Ending it again is a conflict.
    admin
        .post(
            &format!("/api/v1/members/{id}/out-of-contact/end"),
            json!({"on": "2017-03-01", "decision_no": "1", "decision_on": "2017-03-01"}),
        )
        .await
        .assert_problem(409, "not_out_of_contact");
    let events = admin.get(&format!("/api/v1/members/{id}/events")).await;
    let kinds: Vec<String> = events.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect();
    assert!(kinds.contains(&"lost_contact".to_string()), "{kinds:?}");
    let restored = events.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "contact_restored")
        .cloned()
        .unwrap();
    assert_eq!(restored["decision_no"], "09-QĐ/ĐU");
    assert_eq!(restored["decision_on"], "2016-03-01");
}

/// Data entry of a member re-admitted before the system: the past interruption is recorded for
/// the record, and subtracted only after it happened.
#[actix_web::test]
async fn a_past_interruption_entered_for_the_record_counts_only_after_it() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let mut body = official(t.cell, "2004-04-01", "031070001234");
    body["first_admission_decision_on"] = json!("1990-04-01");
    let id = admin.create_member(body).await;
    assert_eq!(ymd(&age(&admin, id, "2025-04-01").await), (35, 0, 0));
    admin
        .post(
            &format!("/api/v1/members/{id}/past-interruptions"),
            json!({"kind": "out_of_party", "from": "1998-04-01", "to": "2004-04-01",
                   "decision_no": "87-QĐ/TU", "decision_on": "2004-04-01",
                   "note": "Xóa tên năm 1998, kết nạp lại năm 2004"}),
        )
        .await
        .assert_status(200);
    assert_eq!(ymd(&age(&admin, id, "2025-04-01").await), (29, 0, 0));
    // Before the interruption, nothing is taken off; inside it, the age stays.
    assert_eq!(ymd(&age(&admin, id, "1997-04-01").await), (7, 0, 0));
    assert_eq!(ymd(&age(&admin, id, "2001-01-01").await), (8, 0, 0));
    // A period that ends before it starts, or before the first decision, is refused.
    admin
        .post(
            &format!("/api/v1/members/{id}/past-interruptions"),
            json!({"kind": "out_of_contact", "from": "1999-01-01", "to": "1998-01-01",
                   "decision_no": "1", "decision_on": "1999-01-01"}),
        )
        .await
        .assert_status(422);
    admin
        .post(
            &format!("/api/v1/members/{id}/past-interruptions"),
            json!({"kind": "out_of_contact", "from": "1980-01-01", "to": "1981-01-01",
                   "decision_no": "1", "decision_on": "1981-01-01"}),
        )
        .await
        .assert_status(422);
}

/// 117-QĐ/TW: an expulsion annulled as wrongful is no interruption of party age.
#[actix_web::test]
async fn an_annulled_expulsion_is_no_interruption() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin
        .create_member(official(t.cell, "2000-03-01", "031070001234"))
        .await;
    admin
        .post(
            &format!("/api/v1/members/{id}/disciplines"),
            json!({"form": "expulsion", "decided_on": "2020-03-01", "decision_no": "3-QĐ/UBKT",
                   "reason": "Vi phạm"}),
        )
        .await
        .assert_status(201);
    assert_eq!(ymd(&age(&admin, id, "2022-03-01").await), (20, 0, 0));
    admin
        .post(
            &format!("/api/v1/members/{id}/annulments"),
            json!({"annuls": "exit", "decision_no": "15-QĐ/UBKTTU", "decision_on": "2022-03-01",
                   "document": "117-QĐ/TW", "reason": "Kết luận kỷ luật oan"}),
        )
        .await
        .assert_status(200);
    let m = admin.get(&format!("/api/v1/members/{id}")).await;
    assert_eq!(m.json["status"], "official");
    assert_eq!(ymd(&age(&admin, id, "2022-03-01").await), (22, 0, 0));
    let ds = admin
        .get(&format!("/api/v1/members/{id}/disciplines"))
        .await;
    assert_eq!(ds.json["items"][0]["in_force"], false, "{}", ds.json);
    // Nothing left to annul.
    admin
        .post(
            &format!("/api/v1/members/{id}/annulments"),
            json!({"annuls": "exit", "decision_no": "16", "decision_on": "2022-04-01",
                   "reason": "x"}),
        )
        .await
        .assert_problem(409, "nothing_to_annul");
    let events = admin.get(&format!("/api/v1/members/{id}/events")).await;
    let annulled = events.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "exit_annulled")
        .cloned()
        .unwrap();
    assert_eq!(annulled["details"]["document"], "117-QĐ/TW");
    app.assert_invariant();
}

#[actix_web::test]
async fn an_annulled_warning_no_longer_counts() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin
        .create_member(official(t.cell, "2000-03-01", "031070001234"))
        .await;
    let d = admin
        .post(
            &format!("/api/v1/members/{id}/disciplines"),
            json!({"form": "warning", "decided_on": "2025-03-01", "decision_no": "3-QĐ/ĐU",
                   "reason": "Vi phạm"}),
        )
        .await;
    d.assert_status(201);
    let did = d.id();
    admin
        .post(
            &format!("/api/v1/members/{id}/annulments"),
            json!({"annuls": "discipline", "decision_no": "15-QĐ/UBKT", "decision_on": "2025-06-01",
                   "document": "117-QĐ/TW", "reason": "Kết luận oan"}),
        )
        .await
        .assert_status(422);
    admin
        .post(
            &format!("/api/v1/members/{id}/annulments"),
            json!({"annuls": "discipline", "discipline_id": did, "decision_no": "15-QĐ/UBKT",
                   "decision_on": "2025-06-01", "document": "117-QĐ/TW", "reason": "Kết luận oan"}),
        )
        .await
        .assert_status(200);
    let ds = admin
        .get(&format!("/api/v1/members/{id}/disciplines"))
        .await;
    assert_eq!(ds.json["items"][0]["in_force"], false, "{}", ds.json);
}

/// The movement report's total row for `org` over `[from, to]`: (start, readmitted,
/// name_removed, end).
async fn movement(admin: &Client, org: i64, from: &str, to: &str) -> (Value, Value, Value, Value) {
    let res = admin
        .get(&format!(
            "/api/v1/reports/movement?organization_id={org}&from={from}&to={to}"
        ))
        .await;
    res.assert_status(200);
    let s = &res.json["sections"][0];
    let keys: Vec<&str> = s["columns"]
        .as_array()
        .map(|c| c.iter().filter_map(|c| c["key"].as_str()).collect())
        .unwrap_or_default();
    let total = s["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|x| x["key"] == "total"))
        .cloned()
        .unwrap_or_default();
    let value = |key: &str| {
        keys.iter()
            .position(|k| *k == key)
            .map_or(Value::Null, |i| total["values"][i].clone())
    };
    (
        value("start"),
        value("readmitted"),
        value("name_removed"),
        value("end"),
    )
}

/// Issue 20: an exit later annulled (117-QĐ/TW) counted as a re-admission in the movement
/// report. The member never left: neither the exit nor an arrival is counted, and start + in −
/// out = end still holds.
#[actix_web::test]
async fn an_annulled_exit_is_neither_an_exit_nor_a_readmission_in_the_movement_report() {
    let app = TestApp::builder().today("2026-09-01").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin
        .create_member(official(t.cell, "2000-03-01", "031070001234"))
        .await;
    admin
        .post(
            &format!("/api/v1/members/{id}/exit"),
            json!({"reason": "name_removed", "effective_on": "2026-03-10",
                   "decision_no": "7-QĐ/ĐU"}),
        )
        .await
        .assert_status(200);
    admin
        .post(
            &format!("/api/v1/members/{id}/annulments"),
            json!({"annuls": "exit", "decision_no": "15-QĐ/UBKTTU", "decision_on": "2026-06-01",
                   "reason": "Xóa tên không đúng"}),
        )
        .await
        .assert_status(200);
    let year = movement(&admin, t.commune, "2026-01-01", "2026-08-31").await;
    assert_eq!(year, (json!(1), json!(0), json!(0), json!(1)));
    // Nor in the months between the exit and its annulment.
    let april = movement(&admin, t.commune, "2026-04-01", "2026-04-30").await;
    assert_eq!(april, (json!(1), json!(0), json!(0), json!(1)));
    // The annulment is judged by its own chain's document, 117-QĐ/TW, named or not.
    let events = admin.get(&format!("/api/v1/members/{id}/events")).await;
    let annulled = events.json["items"]
        .as_array()
        .and_then(|items| items.iter().find(|e| e["kind"] == "exit_annulled"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (
            annulled["regulation"].clone(),
            annulled["details"]["document"].clone()
        ),
        (json!("117-QĐ/TW"), json!("117-QĐ/TW")),
        "{}",
        events.json
    );
    app.assert_invariant();
}
