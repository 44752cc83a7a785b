//! The residence liaison (213-QĐ/TW, rule 39; issue 23): a member of an agency cell in one
//! province is introduced to the residential cell where they live in another. The residence
//! cell reads the liaison view only and writes the yearly comment; the working cell sees the
//! comments' states, in its own list, in the evaluation list and as an alert once its round
//! has opened.

use qldv_tests::{official_json, Client, TestApp};
use serde_json::{json, Value};

/// Province A: commune CA with the agency cell W (members M, N). Province B: commune CB with
/// the residential cells R and R2. Secretaries of W, R and R2 (organizers of their cell) and a
/// viewer of R.
struct Fixture {
    app: TestApp,
    admin: Client,
    province_b: i64,
    w: i64,
    r: i64,
    r2: i64,
    m: i64,
    n: i64,
    sec_w: Client,
    sec_r: Client,
    sec_r2: Client,
    viewer_r: Client,
}

const M_CCCD: &str = "031075000001";

async fn fixture() -> Fixture {
    let app = TestApp::builder().today("2026-12-05").build().await;
    let admin = app.admin().await;
    let a = admin.create_org("Tỉnh ủy A", "province", None).await;
    let ca = admin
        .create_org("Đảng ủy Khối cơ quan A", "commune", Some(a))
        .await;
    let w = admin
        .create_org("Chi bộ Văn phòng Sở", "cell", Some(ca))
        .await;
    let province_b = admin.create_org("Tỉnh ủy B", "province", None).await;
    let cb = admin
        .create_org("Đảng ủy phường B", "commune", Some(province_b))
        .await;
    let r = admin.create_org("Chi bộ Khu phố 3", "cell", Some(cb)).await;
    let r2 = admin.create_org("Chi bộ Khu phố 4", "cell", Some(cb)).await;
    let mut body = official_json(w, "Nguyễn Văn Mạnh", 1975, "2005-03-07", 1);
    body["national_id"] = json!(M_CCCD);
    body["phone"] = json!("0912345678");
    body["current_address"] = json!("Số 5, khu phố 3, phường B, tỉnh B");
    body["religion"] = json!("Phật giáo");
    let m = admin.create_member(body).await;
    let n = admin
        .create_member(official_json(w, "Trần Thị Nga", 1980, "2008-03-07", 2))
        .await;
    Fixture {
        sec_w: app.user("bi-thu-w", "organizer", Some(w)).await,
        sec_r: app.user("bi-thu-r", "organizer", Some(r)).await,
        sec_r2: app.user("bi-thu-r2", "organizer", Some(r2)).await,
        viewer_r: app.user("xem-r", "viewer", Some(r)).await,
        app,
        admin,
        province_b,
        w,
        r,
        r2,
        m,
        n,
    }
}

fn introduce_body(residence: i64, on: &str) -> Value {
    json!({"residence_org_id": residence, "mode": "regular", "introduced_on": on,
           "introduction_no": "12-GGT/CB"})
}

/// The working cell introduces M to R; returns the liaison's id.
async fn introduce(f: &Fixture) -> i64 {
    let res = f
        .sec_w
        .post(
            &format!("/api/v1/members/{}/liaisons", f.m),
            introduce_body(f.r, "2025-02-01"),
        )
        .await;
    res.assert_status(201);
    assert_eq!(res.json["residence_org_name"], "Chi bộ Khu phố 3");
    res.id()
}

async fn comment(c: &Client, liaison: i64, year: i32, text: &str) -> qldv_tests::Response {
    c.put(
        &format!("/api/v1/liaisons/{liaison}/comments/{year}"),
        json!({ "text": text }),
        None,
    )
    .await
}

#[actix_web::test]
async fn the_working_cell_introduces_a_member_to_a_cell_in_another_province() {
    let f = fixture().await;
    // The residence organisation must exist and be a cell or a grassroots organisation.
    for residence in [f.province_b, 9_999_999] {
        let res = f
            .sec_w
            .post(
                &format!("/api/v1/members/{}/liaisons", f.m),
                introduce_body(residence, "2025-02-01"),
            )
            .await;
        res.assert_problem(422, "validation_failed");
        assert_eq!(res.json["errors"][0]["field"], "residence_org_id");
        assert!(!res.text.contains("Tỉnh ủy B"), "{}", res.text);
    }
    f.sec_w
        .post(
            &format!("/api/v1/members/{}/liaisons", f.m),
            introduce_body(f.r, "2026-12-06"),
        )
        .await
        .assert_problem(422, "date_in_future");
    // The residence cell cannot introduce a member it does not keep.
    f.sec_r
        .post(
            &format!("/api/v1/members/{}/liaisons", f.m),
            introduce_body(f.r, "2025-02-01"),
        )
        .await
        .assert_problem(404, "not_found");
    let liaison = introduce(&f).await;
    // One running liaison at a time.
    f.sec_w
        .post(
            &format!("/api/v1/members/{}/liaisons", f.m),
            introduce_body(f.r2, "2025-03-01"),
        )
        .await
        .assert_problem(409, "liaison_open");
    let list = f
        .sec_w
        .get(&format!("/api/v1/members/{}/liaisons", f.m))
        .await;
    list.assert_status(200);
    assert_eq!(list.json["items"].as_array().unwrap().len(), 1);
    assert_eq!(list.json["items"][0]["id"], liaison);
    assert_eq!(list.json["items"][0]["introduction_no"], "12-GGT/CB");
    // Audited on the working side.
    let trail = f
        .admin
        .get(&format!("/api/v1/audit?entity=liaison&entity_id={liaison}"))
        .await;
    trail.assert_status(200);
    assert_eq!(trail.json["items"][0]["action"], "create");

    // Ending: not before the introduction, not twice; the residence cell cannot end it.
    let end = |on: &str| json!({ "ended_on": on });
    let path = format!("/api/v1/liaisons/{liaison}/end");
    f.sec_w
        .post(&path, end("2025-01-31"))
        .await
        .assert_problem(422, "date_order");
    f.sec_r
        .post(&path, end("2026-11-30"))
        .await
        .assert_problem(404, "not_found");
    let ended = f.sec_w.post(&path, end("2026-11-30")).await;
    ended.assert_status(200);
    assert_eq!(ended.json["ended_on"], "2026-11-30");
    f.sec_w
        .post(&path, end("2026-11-30"))
        .await
        .assert_problem(409, "liaison_ended");
    // Once ended, the residence cell no longer sees the member; a new liaison may start.
    let view = f
        .sec_r
        .get(&format!("/api/v1/organizations/{}/liaison-members", f.r))
        .await;
    view.assert_status(200);
    assert_eq!(view.json["items"], json!([]));
    f.sec_w
        .post(
            &format!("/api/v1/members/{}/liaisons", f.m),
            introduce_body(f.r2, "2026-12-01"),
        )
        .await
        .assert_status(201);
    f.app.assert_invariant();
}

/// The access test of issue 23: the residence cell's secretary gets 404 on the member and
/// exactly the keys of `LiaisonView` on the view; cannot comment on another cell's liaison; the
/// working cell cannot write the comment.
#[actix_web::test]
async fn the_residence_cell_reads_the_liaison_view_and_never_the_dossier() {
    let f = fixture().await;
    let liaison = introduce(&f).await;
    f.sec_r
        .get(&format!("/api/v1/members/{}", f.m))
        .await
        .assert_problem(404, "not_found");
    f.sec_r
        .get(&format!("/api/v1/members/{}/liaisons", f.m))
        .await
        .assert_problem(404, "not_found");
    let view = f
        .sec_r
        .get(&format!("/api/v1/organizations/{}/liaison-members", f.r))
        .await;
    view.assert_status(200);
    let items = view.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    let mut keys: Vec<&str> = items[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "address",
            "comments",
            "full_name",
            "introduced_on",
            "liaison_id",
            "mode",
            "phone"
        ]
    );
    assert_eq!(items[0]["liaison_id"], liaison);
    assert_eq!(items[0]["full_name"], "Nguyễn Văn Mạnh");
    assert_eq!(items[0]["phone"], "0912345678");
    assert_eq!(items[0]["address"], "Số 5, khu phố 3, phường B, tỉnh B");
    for secret in [M_CCCD, "Phật giáo", "Văn phòng Sở", "member_id"] {
        assert!(!view.text.contains(secret), "{secret} in {}", view.text);
    }
    // A viewer of the residence cell sees the contact masked, as everywhere.
    let masked = f
        .viewer_r
        .get(&format!("/api/v1/organizations/{}/liaison-members", f.r))
        .await;
    masked.assert_status(200);
    assert_eq!(masked.json["items"][0]["phone"], "*******678");
    // Another residential cell sees neither the list nor the liaison.
    f.sec_r2
        .get(&format!("/api/v1/organizations/{}/liaison-members", f.r))
        .await
        .assert_problem(404, "not_found");
    comment(&f.sec_r2, liaison, 2026, "Gương mẫu")
        .await
        .assert_problem(404, "not_found");
    // The working cell cannot write the residence cell's comment, nor list its members.
    comment(&f.sec_w, liaison, 2026, "Tốt")
        .await
        .assert_problem(404, "not_found");
    f.sec_w
        .get(&format!("/api/v1/organizations/{}/liaison-members", f.r))
        .await
        .assert_problem(404, "not_found");
    // A viewer of the residence cell reads but does not write.
    comment(&f.viewer_r, liaison, 2026, "Tốt")
        .await
        .assert_problem(403, "forbidden");

    // The residence cell writes its comment on a year the liaison ran, up to this one.
    let text = "Gương mẫu chấp hành chủ trương, tham gia sinh hoạt khu phố đầy đủ";
    let res = comment(&f.sec_r, liaison, 2026, text).await;
    res.assert_status(200);
    assert_eq!(res.json["year"], 2026);
    assert!(res.json["written_on"].is_string(), "{}", res.text);
    comment(&f.sec_r, liaison, 2024, text)
        .await
        .assert_problem(422, "liaison_not_running");
    comment(&f.sec_r, liaison, 2027, text)
        .await
        .assert_problem(422, "liaison_not_running");
    comment(&f.sec_r, liaison, 2026, "   ")
        .await
        .assert_problem(422, "validation_failed");
    comment(
        &f.sec_r,
        liaison,
        2025,
        "Thực hiện tốt nghĩa vụ công dân nơi cư trú",
    )
    .await
    .assert_status(200);
    let view = f
        .sec_r
        .get(&format!("/api/v1/organizations/{}/liaison-members", f.r))
        .await;
    let years: Vec<i64> = view.json["items"][0]["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2026, 2025], "its own comments, newest first");
    // Audited on the residence side, where the working cell's audit does not reach.
    let trail = f
        .admin
        .get(&format!(
            "/api/v1/audit?entity=liaison_comment&entity_id={liaison}"
        ))
        .await;
    trail.assert_status(200);
    assert_eq!(trail.json["items"].as_array().unwrap().len(), 2);
    f.app.assert_invariant();
}

#[actix_web::test]
async fn the_working_cell_sees_missing_comments_once_its_round_opens() {
    let f = fixture().await;
    let liaison = introduce(&f).await;
    let alerts = |c: &Client| {
        let c = c.clone();
        let w = f.w;
        async move {
            let list = c
                .get_all(&format!("/api/v1/alerts?organization_id={w}"), 50)
                .await;
            list.into_iter()
                .filter(|a| a["kind"] == "liaison_comment_missing")
                .collect::<Vec<Value>>()
        }
    };
    // No rating of 2026 yet in the grassroots organisation: the round has not opened.
    assert!(alerts(&f.sec_w).await.is_empty());
    let statuses = f
        .sec_w
        .get(&format!(
            "/api/v1/organizations/{}/liaison-comments?year=2026",
            f.w
        ))
        .await;
    statuses.assert_status(200);
    assert_eq!(statuses.json["items"][0]["state"], "missing");
    assert_eq!(statuses.json["items"][0]["member_id"], f.m);
    assert_eq!(
        statuses.json["items"][0]["residence_org_name"],
        "Chi bộ Khu phố 3"
    );
    assert_eq!(statuses.json["items"][0]["text"], Value::Null);

    // The first rating of 2026 (another member) opens the round: the alert appears.
    f.sec_w
        .put(
            &format!("/api/v1/members/{}/evaluations/2026", f.n),
            json!({"level": "good"}),
            None,
        )
        .await
        .assert_status(200);
    let got = alerts(&f.sec_w).await;
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0]["member_id"], f.m);
    assert_eq!(got[0]["rule"], 39);
    assert_eq!(got[0]["date"], "2026-12-05");
    // The residence province sees no alert of another province's member.
    assert!(f
        .admin
        .get_all(
            &format!("/api/v1/alerts?organization_id={}", f.province_b),
            50
        )
        .await
        .iter()
        .all(|a| a["kind"] != "liaison_comment_missing"));

    // The evaluation list shows the comment's state beside the rating.
    let list = f
        .sec_w
        .get(&format!(
            "/api/v1/evaluations?organization_id={}&year=2026",
            f.w
        ))
        .await;
    list.assert_status(200);
    let row = |list: &Value, id: i64| {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["member_id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(row(&list.json, f.m)["residence_comment_state"], "missing");
    assert_eq!(row(&list.json, f.n)["residence_comment_state"], Value::Null);

    comment(&f.sec_r, liaison, 2026, "Gương mẫu ở khu dân cư")
        .await
        .assert_status(200);
    assert!(alerts(&f.sec_w).await.is_empty());
    let list = f
        .sec_w
        .get(&format!(
            "/api/v1/evaluations?organization_id={}&year=2026",
            f.w
        ))
        .await;
    assert_eq!(row(&list.json, f.m)["residence_comment_state"], "written");
    assert_eq!(
        row(&list.json, f.m)["residence_comment"],
        "Gương mẫu ở khu dân cư"
    );
    let statuses = f
        .sec_w
        .get(&format!(
            "/api/v1/organizations/{}/liaison-comments?year=2026",
            f.w
        ))
        .await;
    assert_eq!(statuses.json["items"][0]["state"], "written");
    assert_eq!(statuses.json["items"][0]["text"], "Gương mẫu ở khu dân cư");
    // 2025 ran too and has no comment; 2024 did not run.
    let old = f
        .sec_w
        .get(&format!(
            "/api/v1/organizations/{}/liaison-comments?year=2025",
            f.w
        ))
        .await;
    assert_eq!(old.json["items"][0]["state"], "missing");
    let none = f
        .sec_w
        .get(&format!(
            "/api/v1/organizations/{}/liaison-comments?year=2024",
            f.w
        ))
        .await;
    assert_eq!(none.json["items"], json!([]));
    // An on-request liaison owes no yearly comment: no alert, state not due.
    f.sec_w
        .post(
            &format!("/api/v1/liaisons/{liaison}/end"),
            json!({"ended_on": "2026-12-01"}),
        )
        .await
        .assert_status(200);
    f.sec_w
        .post(
            &format!("/api/v1/members/{}/liaisons", f.n),
            json!({"residence_org_id": f.r2, "mode": "on_request", "introduced_on": "2026-01-10"}),
        )
        .await
        .assert_status(201);
    assert!(alerts(&f.sec_w).await.is_empty());
    let statuses = f
        .sec_w
        .get(&format!(
            "/api/v1/organizations/{}/liaison-comments?year=2026",
            f.w
        ))
        .await;
    let states: Vec<(&str, &str)> = statuses.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["full_name"].as_str().unwrap(),
                s["state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [("Nguyễn Văn Mạnh", "written"), ("Trần Thị Nga", "not_due")]
    );
}

/// Issue 23: the evaluation round's rows show, beside each member's rating, the year's
/// attendance, the duty shares with the highest level they allow, and the residence comment.
#[actix_web::test]
async fn the_round_rows_show_attendance_duties_and_the_residence_comment() {
    let f = fixture().await;
    let liaison = introduce(&f).await;
    let meet = |on: &str, n_value: &str| {
        json!({"kind": "regular", "held_on": on, "agenda": "Sinh hoạt chi bộ", "attendance": [
            {"member_id": f.m, "value": "present"},
            {"member_id": f.n, "value": n_value, "reason": if n_value == "excused" { json!("Ốm") } else { Value::Null }}]})
    };
    let path = format!("/api/v1/organizations/{}/meetings", f.w);
    let first = f.sec_w.post(&path, meet("2026-02-05", "absent")).await;
    first.assert_status(201);
    let second = f.sec_w.post(&path, meet("2026-03-05", "excused")).await;
    second.assert_status(201);
    let duties = f
        .sec_w
        .post(
            &format!("/api/v1/organizations/{}/duties", f.w),
            json!({"assigned_on": "2026-02-05", "meeting_id": first.id(), "duties": [
                {"member_id": f.m, "description": "Phụ trách tổ dân cư số 3"}]}),
        )
        .await;
    duties.assert_status(201);
    let duty = duties.json[0]["id"].as_i64().unwrap();
    f.sec_w
        .post(
            &format!("/api/v1/meetings/{}/reviews", second.id()),
            json!({"reviews": [{"duty_id": duty, "result": "exceeded"}]}),
        )
        .await
        .assert_status(200);
    comment(&f.sec_r, liaison, 2026, "Gương mẫu ở khu dân cư")
        .await
        .assert_status(200);
    let list = f
        .sec_w
        .get(&format!(
            "/api/v1/evaluations?organization_id={}&year=2026",
            f.w
        ))
        .await;
    list.assert_status(200);
    let row = |id: i64| {
        list.json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["member_id"] == id)
            .cloned()
            .unwrap()
    };
    let m = row(f.m);
    assert_eq!(m["attendance"]["expected"], 2);
    assert_eq!(m["attendance"]["present"], 2);
    assert_eq!(m["duty_shares"]["exceeded"], 1);
    assert_eq!(m["duty_shares"]["done_percent"], 100);
    assert_eq!(m["highest_level"], "excellent");
    assert_eq!(m["residence_comment_state"], "written");
    let n = row(f.n);
    assert_eq!(n["attendance"]["absent"], 1);
    assert_eq!(n["attendance"]["excused"], 1);
    assert_eq!(n["attendance"]["present"], 0);
    assert_eq!(n["duty_shares"], Value::Null);
    assert_eq!(n["highest_level"], Value::Null);
    assert_eq!(n["residence_comment_state"], Value::Null);
}

#[actix_web::test]
async fn a_transfer_or_an_exit_ends_the_liaison_and_the_residence_cell_stops_seeing_the_member() {
    let f = fixture().await;
    let liaison = introduce(&f).await;
    let res = f
        .sec_w
        .post(
            &format!("/api/v1/members/{}/liaisons", f.n),
            introduce_body(f.r, "2025-03-01"),
        )
        .await;
    res.assert_status(201);
    let other = res.id();
    // M transfers officially to the residence province's commune; N dies.
    let dest = f
        .admin
        .create_org("Chi bộ Sở mới", "cell", Some(f.province_b))
        .await;
    f.admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": f.m, "to_organization_id": dest, "kind": "official",
                   "issued_on": "2026-11-02", "reason": "Chuyển công tác", "decision_no": "9-GGT/ĐU"}),
        )
        .await
        .assert_status(201);
    f.admin
        .post(
            &format!("/api/v1/members/{}/exit", f.n),
            json!({"reason": "deceased", "effective_on": "2026-11-20", "decision_no": "7-QĐ/ĐU"}),
        )
        .await
        .assert_status(200);
    for (member, id, on) in [(f.m, liaison, "2026-11-02"), (f.n, other, "2026-11-20")] {
        let l = f
            .admin
            .get(&format!("/api/v1/members/{member}/liaisons"))
            .await;
        l.assert_status(200);
        assert_eq!(l.json["items"][0]["id"], id);
        assert_eq!(l.json["items"][0]["ended_on"], on, "{}", l.json);
    }
    let view = f
        .sec_r
        .get(&format!("/api/v1/organizations/{}/liaison-members", f.r))
        .await;
    view.assert_status(200);
    assert_eq!(view.json["items"], json!([]), "{}", view.json);
}
