//! Transfers: two steps, counted once, moved atomically; races; deadlines.

use qldv_tests::{member_json, Client, TestApp, Tree};
use serde_json::{json, Value};

struct Two {
    app: TestApp,
    admin: Client,
    a: Tree,
    b: Tree,
    org_a: Client,
    org_b: Client,
    member: i64,
}

async fn two_provinces() -> Two {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let b = admin.create_tree("B").await;
    let member = admin
        .create_member(member_json(
            a.cell,
            json!({"birth_date": "1970-02-01", "national_id": "031070001234",
                   "admission_decision_on": "2000-03-06", "ceremony_on": "2000-03-20",
                   "status": "official", "official_on": "2001-03-20"}),
        ))
        .await;
    let org_a = app.user("to-chuc-a", "organizer", Some(a.province)).await;
    let org_b = app.user("to-chuc-b", "organizer", Some(b.province)).await;
    Two {
        app,
        admin,
        a,
        b,
        org_a,
        org_b,
        member,
    }
}

fn official(member: i64, to: i64, issued: &str) -> Value {
    json!({"member_id": member, "to_organization_id": to, "kind": "official",
           "issued_on": issued, "reason": "Chuyển công tác", "decision_no": "45-GGT/ĐU"})
}

fn count(res: &qldv_tests::Response) -> usize {
    res.json["items"].as_array().unwrap().len()
}

#[actix_web::test]
async fn an_official_transfer_is_counted_once_then_moved_atomically() {
    let t = two_provinces().await;
    let res = t
        .org_a
        .post(
            "/api/v1/transfers",
            official(t.member, t.b.cell, "2025-06-02"),
        )
        .await;
    res.assert_status(201);
    assert_eq!(res.json["status"], "pending");
    assert_eq!(res.json["report_by"], "2025-07-14");
    let tid = res.id();
    t.app.assert_invariant();

    // In transit: shown as such, still counted once, by the sender.
    let m = t.org_a.get(&format!("/api/v1/members/{}", t.member)).await;
    assert_eq!(m.json["in_transit"], true);
    assert_eq!(count(&t.admin.get("/api/v1/members").await), 1);
    assert_eq!(count(&t.org_a.get("/api/v1/members").await), 1);
    assert_eq!(count(&t.org_b.get("/api/v1/members").await), 0);
    // The receiving side sees it in its inbox.
    let inbox = t
        .org_b
        .get(&format!(
            "/api/v1/transfers?organization_id={}&status=pending",
            t.b.province
        ))
        .await;
    assert_eq!(count(&inbox), 1);

    let res = t
        .org_b
        .post(
            &format!("/api/v1/transfers/{tid}/accept"),
            json!({"received_on": "2025-06-12"}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["status"], "accepted");
    t.app.assert_invariant();
    let m = t.org_b.get(&format!("/api/v1/members/{}", t.member)).await;
    m.assert_status(200);
    assert_eq!(m.json["organization_id"], t.b.cell);
    assert_eq!(m.json["in_transit"], false);
    t.org_a
        .get(&format!("/api/v1/members/{}", t.member))
        .await
        .assert_problem(404, "not_found");
    assert_eq!(count(&t.admin.get("/api/v1/members").await), 1);
    // The ten days between leaving and arriving are an interruption of party age.
    let age = t
        .admin
        .get(&format!(
            "/api/v1/members/{}/party-age?as_of=2025-06-12",
            t.member
        ))
        .await;
    assert_eq!(age.json["interruptions_days"], 10);
    let kinds: Vec<String> = t
        .admin
        .get_all(&format!("/api/v1/members/{}/events", t.member), 50)
        .await
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        kinds,
        vec![
            "admitted",
            "recognized",
            "transfer_issued",
            "transfer_received"
        ]
    );
}

#[actix_web::test]
async fn each_side_decides_only_its_own_part() {
    let t = two_provinces().await;
    let tid = t
        .org_a
        .post(
            "/api/v1/transfers",
            official(t.member, t.b.cell, "2025-06-02"),
        )
        .await
        .id();
    t.org_a
        .post(
            &format!("/api/v1/transfers/{tid}/accept"),
            json!({"received_on": "2025-06-03"}),
        )
        .await
        .assert_problem(403, "forbidden");
    t.org_b
        .post(&format!("/api/v1/transfers/{tid}/cancel"), json!({}))
        .await
        .assert_problem(403, "forbidden");
    let c = t.admin.create_tree("C").await;
    let org_c = t.app.user("to-chuc-c", "organizer", Some(c.province)).await;
    org_c
        .get(&format!("/api/v1/transfers/{tid}"))
        .await
        .assert_problem(404, "not_found");
    org_c
        .post(
            &format!("/api/v1/transfers/{tid}/accept"),
            json!({"received_on": "2025-06-03"}),
        )
        .await
        .assert_problem(404, "not_found");
}

#[actix_web::test]
async fn a_rejected_or_cancelled_transfer_leaves_the_member_where_it_was() {
    let t = two_provinces().await;
    let tid = t
        .org_a
        .post(
            "/api/v1/transfers",
            official(t.member, t.b.cell, "2025-06-02"),
        )
        .await
        .id();
    t.org_b
        .post(
            &format!("/api/v1/transfers/{tid}/reject"),
            json!({"reason": "Sai địa chỉ"}),
        )
        .await
        .assert_status(200);
    t.app.assert_invariant();
    let m = t.org_a.get(&format!("/api/v1/members/{}", t.member)).await;
    assert_eq!(
        (
            m.json["organization_id"].as_i64(),
            m.json["in_transit"].as_bool()
        ),
        (Some(t.a.cell), Some(false))
    );
    let tid = t
        .org_a
        .post(
            "/api/v1/transfers",
            official(t.member, t.b.cell, "2025-06-05"),
        )
        .await
        .id();
    t.org_a
        .post(&format!("/api/v1/transfers/{tid}/cancel"), json!({}))
        .await
        .assert_status(200);
    t.app.assert_invariant();
    t.org_b
        .post(
            &format!("/api/v1/transfers/{tid}/accept"),
            json!({"received_on": "2025-06-06"}),
        )
        .await
        .assert_problem(409, "transfer_not_pending");
    let age = t
        .admin
        .get(&format!(
            "/api/v1/members/{}/party-age?as_of=2025-07-01",
            t.member
        ))
        .await;
    assert_eq!(age.json["interruptions_days"], 0);
}

#[actix_web::test]
async fn of_a_racing_accept_and_cancel_exactly_one_wins() {
    let t = two_provinces().await;
    let mut members = vec![t.member];
    for (i, cccd) in ["031070001235", "031070001236"].iter().enumerate() {
        let body = member_json(
            t.a.cell,
            json!({"full_name": format!("Đảng Viên {i}"), "birth_date": "1970-02-01",
            "national_id": cccd, "admission_decision_on": "2000-03-06", "ceremony_on": "2000-03-20",
            "status": "official", "official_on": "2001-03-20"}),
        );
        members.push(t.admin.create_member(body).await);
    }
    for m in members {
        let tid = t
            .org_a
            .post("/api/v1/transfers", official(m, t.b.cell, "2025-06-02"))
            .await
            .id();
        let (accept_url, cancel_url) = (
            format!("/api/v1/transfers/{tid}/accept"),
            format!("/api/v1/transfers/{tid}/cancel"),
        );
        let accept = t
            .org_b
            .post(&accept_url, json!({"received_on": "2025-06-03"}));
        let cancel = t.org_a.post(&cancel_url, json!({}));
        let (a, c) = futures_util::future::join(accept, cancel).await;
        let mut codes = vec![a.status.as_u16(), c.status.as_u16()];
        codes.sort();
        assert_eq!(
            codes,
            vec![200, 409],
            "accept {} / cancel {}",
            a.text,
            c.text
        );
        t.app.assert_invariant();
    }
}

#[actix_web::test]
async fn of_parallel_transfers_of_one_member_one_succeeds() {
    let t = two_provinces().await;
    let c = t.admin.create_tree("C").await;
    let sends = [t.b.cell, c.cell, t.b.cell, c.cell].map(|to| {
        let org_a = t.org_a.clone();
        let body = official(t.member, to, "2025-06-02");
        async move { org_a.post("/api/v1/transfers", body).await }
    });
    let results = futures_util::future::join_all(sends).await;
    let mut codes: Vec<u16> = results.iter().map(|r| r.status.as_u16()).collect();
    codes.sort();
    assert_eq!(codes, vec![201, 409, 409, 409]);
    assert!(results
        .iter()
        .filter(|r| r.status == 409)
        .all(|r| r.json["code"] == "transfer_pending"));
    t.app.assert_invariant();
}

#[actix_web::test]
async fn filing_and_reporting_deadlines_are_kept() {
    let t = two_provinces().await;
    // Event Monday 2025-03-03: the 60th working day is 2025-05-29 (Hùng Kings' day 7 Apr,
    // 30 Apr, 1 May and 2 May off, Saturday 26 Apr worked: the 2025 calendar as decided).
    let mut late = official(t.member, t.b.cell, "2025-05-30");
    late["event_on"] = json!("2025-03-03");
    let res = t.org_a.post("/api/v1/transfers", late.clone()).await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["code"], "transfer_filed_late");
    let mut on_time = late.clone();
    on_time["issued_on"] = json!("2025-05-29");
    let tid = t.org_a.post("/api/v1/transfers", on_time).await.id();
    t.org_a
        .post(&format!("/api/v1/transfers/{tid}/cancel"), json!({}))
        .await
        .assert_status(200);
    late["late_reason"] = json!("Chờ quyết định nghỉ hưu");
    let tid = t.org_a.post("/api/v1/transfers", late).await.id();
    // Issued Friday 2025-05-30: report by 2025-07-11 (30 working days).
    let res = t
        .org_b
        .post(
            &format!("/api/v1/transfers/{tid}/accept"),
            json!({"received_on": "2025-07-14"}),
        )
        .await;
    assert_eq!(res.json["errors"][0]["code"], "reported_late");
    t.org_b
        .post(
            &format!("/api/v1/transfers/{tid}/accept"),
            json!({"received_on": "2025-07-11"}),
        )
        .await
        .assert_status(200);
    t.app.assert_invariant();
}

#[actix_web::test]
async fn a_temporary_transfer_keeps_the_member_in_the_senders_count() {
    let t = two_provinces().await;
    let body = |until: &str| {
        json!({"member_id": t.member, "to_organization_id": t.b.cell, "kind": "temporary",
        "purpose": "work", "issued_on": "2025-01-10", "until": until, "reason": "Đi làm ăn xa có thời hạn"})
    };
    let res = t.org_a.post("/api/v1/transfers", body("2025-04-09")).await;
    assert_eq!(res.json["errors"][0]["code"], "temporary_too_short");
    let res = t.org_a.post("/api/v1/transfers", body("2026-01-10")).await;
    assert_eq!(res.json["errors"][0]["code"], "temporary_too_long");
    let tid = t
        .org_a
        .post("/api/v1/transfers", body("2026-01-09"))
        .await
        .id();
    let m = t.org_a.get(&format!("/api/v1/members/{}", t.member)).await;
    assert_eq!(m.json["in_transit"], false);
    t.org_b
        .post(
            &format!("/api/v1/transfers/{tid}/accept"),
            json!({"received_on": "2025-01-20"}),
        )
        .await
        .assert_status(200);
    t.app.assert_invariant();
    let m = t.org_a.get(&format!("/api/v1/members/{}", t.member)).await;
    assert_eq!(m.json["organization_id"], t.a.cell);
    assert_eq!(count(&t.org_b.get("/api/v1/members").await), 0);
}

#[actix_web::test]
async fn a_transfer_out_of_the_system_is_one_step_with_a_record() {
    let t = two_provinces().await;
    let res = t
        .org_a
        .post(
            "/api/v1/transfers",
            json!({"member_id": t.member, "to_external": "Đảng bộ Quân khu 3",
        "kind": "official", "issued_on": "2025-06-02", "reason": "Nhập ngũ"}),
        )
        .await;
    res.assert_status(201);
    assert_eq!(res.json["status"], "completed");
    let m = t.org_a.get(&format!("/api/v1/members/{}", t.member)).await;
    assert_eq!(m.json["status"], "transferred_out");
    t.app.assert_invariant();
    t.org_a
        .post(
            "/api/v1/transfers",
            official(t.member, t.b.cell, "2025-06-03"),
        )
        .await
        .assert_problem(409, "member_not_active");
}

#[actix_web::test]
async fn each_side_lists_its_own_direction_with_the_members_name() {
    let t = two_provinces().await;
    t.org_a
        .post(
            "/api/v1/transfers",
            official(t.member, t.b.cell, "2025-06-02"),
        )
        .await
        .assert_status(201);
    let inbox = t
        .org_b
        .get("/api/v1/transfers?status=pending&direction=incoming")
        .await;
    inbox.assert_status(200);
    assert_eq!(count(&inbox), 1);
    assert_eq!(inbox.json["items"][0]["full_name"], "Nguyễn Văn An");
    let none = t
        .org_b
        .get("/api/v1/transfers?status=pending&direction=outgoing")
        .await;
    assert_eq!(count(&none), 0);
    let sent = t
        .org_a
        .get("/api/v1/transfers?status=pending&direction=outgoing")
        .await;
    assert_eq!(count(&sent), 1);
    let not_in = t
        .org_a
        .get("/api/v1/transfers?status=pending&direction=incoming")
        .await;
    assert_eq!(count(&not_in), 0);
}

#[actix_web::test]
async fn an_unknown_stored_transfer_status_is_an_error_not_pending() {
    let t = two_provinces().await;
    let tid = t
        .org_a
        .post(
            "/api/v1/transfers",
            official(t.member, t.b.cell, "2025-06-02"),
        )
        .await
        .id();
    t.app.store_unchecked("transfers", "status", "bogus", tid);
    t.admin
        .get(&format!("/api/v1/transfers/{tid}"))
        .await
        .assert_problem(500, "internal_error");
}

#[actix_web::test]
async fn an_unknown_stored_transfer_purpose_is_an_error_not_work() {
    let t = two_provinces().await;
    let tid = t
        .org_a
        .post(
            "/api/v1/transfers",
            json!({"member_id": t.member, "to_organization_id": t.b.cell, "kind": "temporary",
                   "purpose": "study", "issued_on": "2025-01-10", "until": "2026-01-09",
                   "reason": "Đi học"}),
        )
        .await
        .id();
    t.app.store_unchecked("transfers", "purpose", "bogus", tid);
    t.admin
        .get(&format!("/api/v1/transfers/{tid}"))
        .await
        .assert_problem(500, "internal_error");
}
