//! The cell's year in the change feed (issue 23): every write of a meeting, duty, liaison or
//! dues record publishes, once and in commit order, the record as its `GET` returns it; an
//! integration never reads an income base; a reader sees the records of its scope only (a
//! residence cell's province never sees the liaison it cannot `GET`).

use qldv_tests::{official_json, Client, TestApp, Tree};
use serde_json::{json, Value};

/// Province A's tree with two members of its cell; province B's residence cell R and its
/// secretary; feeds of both provinces.
struct Fixture {
    app: TestApp,
    admin: Client,
    a: Tree,
    members: [i64; 2],
    r: i64,
    sec_r: Client,
    feed_a: Client,
    feed_b: Client,
}

async fn fixture() -> Fixture {
    let app = TestApp::builder().today("2026-11-23").build().await;
    let admin = app.admin().await;
    let a = admin.create_tree("Năm").await;
    let m0 = admin
        .create_member(official_json(
            a.cell,
            "Nguyễn Văn An",
            1970,
            "2000-03-01",
            1,
        ))
        .await;
    let m1 = admin
        .create_member(official_json(
            a.cell,
            "Trần Thị Bình",
            1975,
            "2001-03-01",
            2,
        ))
        .await;
    let b = admin.create_org("Tỉnh ủy B", "province", None).await;
    let cb = admin
        .create_org("Đảng ủy phường B", "commune", Some(b))
        .await;
    let r = admin.create_org("Chi bộ Khu phố 3", "cell", Some(cb)).await;
    Fixture {
        sec_r: app.user("bi-thu-r", "organizer", Some(r)).await,
        feed_a: app.user("cong-a", "integration", Some(a.province)).await,
        feed_b: app.user("cong-b", "integration", Some(b)).await,
        app,
        admin,
        a,
        members: [m0, m1],
        r,
    }
}

/// The feed from `after` to its end: the items and the cursor to go on from.
async fn drain(client: &Client, after: &str) -> (Vec<Value>, String) {
    let mut items = Vec::new();
    let mut cursor = after.to_string();
    loop {
        let page = client
            .get(&format!("/api/v1/changes?after={cursor}&limit=50"))
            .await;
        page.assert_status(200);
        items.extend(page.json["items"].as_array().cloned().unwrap_or_default());
        cursor = page.json["next_cursor"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        if page.json["has_more"] != true {
            return (items, cursor);
        }
    }
}

/// `(entity, id, operation, version)` of each change.
fn summary(items: &[Value]) -> Vec<(String, i64, String, i64)> {
    items
        .iter()
        .map(|c| {
            (
                c["entity"].as_str().unwrap_or_default().to_string(),
                c["id"].as_i64().unwrap_or_default(),
                c["operation"].as_str().unwrap_or_default().to_string(),
                c["version"].as_i64().unwrap_or_default(),
            )
        })
        .collect()
}

fn ch(entity: &str, id: i64, op: &str, version: i64) -> (String, i64, String, i64) {
    (entity.to_string(), id, op.to_string(), version)
}

/// The last change of `(entity, id)`.
fn last<'a>(items: &'a [Value], entity: &str, id: i64) -> &'a Value {
    items
        .iter()
        .rev()
        .find(|c| c["entity"] == entity && c["id"] == id)
        .unwrap_or(&Value::Null)
}

fn ids(v: &Value) -> Vec<i64> {
    v.as_array()
        .map(|a| a.iter().filter_map(|x| x["id"].as_i64()).collect())
        .unwrap_or_default()
}

/// Writes a year of the cell (a meeting and its correction, a duty assigned and reviewed, a
/// liaison and its comment, a basis, a relief, an arrangement, a sheet sent twice); returns
/// the changes it published, read by `reader`, and the records' ids by kind.
struct Year {
    meeting: i64,
    duty: i64,
    liaison: i64,
    basis: i64,
    relief: i64,
    arrangement: i64,
    first_payment: i64,
    payment: i64,
}

async fn write_a_year(f: &Fixture) -> Year {
    let (admin, [m0, m1]) = (&f.admin, f.members);
    let all_present = json!([{"member_id": m0, "value": "present"},
                             {"member_id": m1, "value": "present"}]);
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/meetings", f.a.cell),
            json!({"kind": "regular", "held_on": "2026-10-05", "agenda": "Sinh hoạt tháng 10",
                   "attendance": all_present}),
        )
        .await;
    res.assert_status(201);
    let meeting = res.id();
    admin
        .put(
            &format!("/api/v1/meetings/{meeting}/attendance"),
            json!({"attendance": [{"member_id": m0, "value": "present"},
                   {"member_id": m1, "value": "excused", "reason": "Đi công tác"}]}),
            None,
        )
        .await
        .assert_status(200);
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/duties", f.a.cell),
            json!({"assigned_on": "2026-10-05", "meeting_id": meeting,
                   "duties": [{"member_id": m0, "description": "Phụ trách tổ dân cư số 3"}]}),
        )
        .await;
    res.assert_status(201);
    let duty = ids(&res.json)[0];
    admin
        .post(
            &format!("/api/v1/meetings/{meeting}/reviews"),
            json!({"reviews": [{"duty_id": duty, "result": "done"}]}),
        )
        .await
        .assert_status(200);
    let res = admin
        .post(
            &format!("/api/v1/members/{m0}/liaisons"),
            json!({"residence_org_id": f.r, "mode": "regular", "introduced_on": "2026-02-01"}),
        )
        .await;
    res.assert_status(201);
    let liaison = res.id();
    f.sec_r
        .put(
            &format!("/api/v1/liaisons/{liaison}/comments/2026"),
            json!({"text": "Gương mẫu ở khu dân cư"}),
            None,
        )
        .await
        .assert_status(200);
    let res = admin
        .put(
            &format!("/api/v1/members/{m0}/dues-basis"),
            json!({"from_on": "2026-01-01", "category": "social_insurance_salary",
                   "base": 10_000_000}),
            None,
        )
        .await;
    res.assert_status(200);
    let basis = res.id();
    let res = admin
        .post(
            &format!("/api/v1/members/{m1}/dues-reliefs"),
            json!({"kind": "party_age_fifty", "from_month": "2026-07", "percent": 100,
                   "decided_on": "2026-06-20"}),
        )
        .await;
    res.assert_status(201);
    let relief = res.id();
    let res = admin
        .post(
            &format!("/api/v1/members/{m0}/dues-arrangements"),
            json!({"kind": "deferral", "from_month": "2026-08", "to_month": "2026-09",
                   "decision_no": "07-QĐ/CB", "decided_on": "2026-07-30"}),
        )
        .await;
    res.assert_status(201);
    let arrangement = res.id();
    let sheet = format!("/api/v1/organizations/{}/dues-sheet/2026-11", f.a.cell);
    let body = |receipt: &str| {
        json!({"paid_on": "2026-11-05", "payments": [
            {"member_id": m0, "amount": 100_000, "channel": "cash", "receipt_no": receipt}]})
    };
    admin
        .put(&sheet, body("PT-01"), None)
        .await
        .assert_status(200);
    let first_payment = payment_of(admin, m0).await;
    admin
        .put(&sheet, body("PT-02"), None)
        .await
        .assert_status(200);
    let payment = payment_of(admin, m0).await;
    Year {
        meeting,
        duty,
        liaison,
        basis,
        relief,
        arrangement,
        first_payment,
        payment,
    }
}

/// The id of the member's one payment of 2026.
async fn payment_of(c: &Client, member: i64) -> i64 {
    let res = c
        .get(&format!("/api/v1/members/{member}/dues?year=2026"))
        .await;
    res.assert_status(200);
    ids(&res.json["payments"])[0]
}

#[actix_web::test]
async fn each_write_of_the_cells_year_is_published_once_in_order_with_its_get_body() {
    let f = fixture().await;
    let (_, start) = drain(&f.admin, "").await;
    let y = write_a_year(&f).await;
    let (items, _) = drain(&f.admin, &start).await;
    assert_eq!(
        summary(&items),
        vec![
            ch("meeting", y.meeting, "create", 1),
            ch("meeting", y.meeting, "update", 2),
            ch("duty", y.duty, "create", 1),
            ch("duty", y.duty, "update", 2),
            ch("liaison", y.liaison, "create", 1),
            ch("liaison", y.liaison, "update", 2),
            ch("dues_basis", y.basis, "create", 1),
            ch("dues_relief", y.relief, "create", 1),
            ch("dues_arrangement", y.arrangement, "create", 1),
            ch("dues_payment", y.first_payment, "create", 1),
            ch("dues_payment", y.first_payment, "void", 2),
            ch("dues_payment", y.payment, "create", 1),
        ]
    );
    // Each record's last change carries what its GET answers now.
    for (entity, path, id) in [
        ("meeting", "meetings", y.meeting),
        ("duty", "duties", y.duty),
        ("liaison", "liaisons", y.liaison),
        ("dues_basis", "dues-bases", y.basis),
        ("dues_relief", "dues-reliefs", y.relief),
        ("dues_arrangement", "dues-arrangements", y.arrangement),
        ("dues_payment", "dues-payments", y.payment),
    ] {
        let got = f.admin.get(&format!("/api/v1/{path}/{id}")).await;
        got.assert_status(200);
        assert_eq!(last(&items, entity, id)["resource"], got.json, "{entity}");
    }
    // The meeting with its corrected sheet, the duty with its review, the liaison with the
    // residence cell's comment, the basis with its base (an administrator reads in full).
    let meeting = &last(&items, "meeting", y.meeting)["resource"];
    assert_eq!(meeting["attendance"][1]["value"], "excused");
    assert_eq!(meeting["counts"]["excused"], 1);
    assert_eq!(last(&items, "duty", y.duty)["resource"]["result"], "done");
    let liaison = &last(&items, "liaison", y.liaison)["resource"];
    assert_eq!(liaison["comments"][0]["text"], "Gương mẫu ở khu dân cư");
    assert_eq!(liaison["residence_org_id"], f.r);
    assert_eq!(
        last(&items, "dues_basis", y.basis)["resource"]["base"],
        10_000_000
    );
    // The payment the second sheet replaced is gone; its `void` carries its last body.
    f.admin
        .get(&format!("/api/v1/dues-payments/{}", y.first_payment))
        .await
        .assert_problem(404, "not_found");
    assert_eq!(items[10]["resource"], items[9]["resource"]);
    assert_eq!(items[9]["resource"]["receipt_no"], "PT-01");
    assert_eq!(items[11]["resource"]["receipt_no"], "PT-02");
    // A refused write publishes nothing.
    let (_, end) = drain(&f.admin, "").await;
    f.admin
        .post(
            &format!("/api/v1/meetings/{}/reviews", y.meeting),
            json!({"reviews": [{"duty_id": y.duty, "result": "done"}]}),
        )
        .await
        .assert_status(422);
    assert_eq!(drain(&f.admin, &end).await.0, Vec::<Value>::new());
}

#[actix_web::test]
async fn an_integration_never_reads_an_income_base_and_a_viewer_does_not_read_the_feed() {
    let f = fixture().await;
    let y = write_a_year(&f).await;
    let (items, _) = drain(&f.feed_a, "").await;
    let basis = last(&items, "dues_basis", y.basis);
    assert_eq!(basis["resource"]["category"], "social_insurance_salary");
    assert_eq!(basis["resource"]["base"], Value::Null);
    let as_integration = f
        .feed_a
        .get(&format!("/api/v1/dues-bases/{}", y.basis))
        .await;
    as_integration.assert_status(200);
    assert_eq!(basis["resource"], as_integration.json);
    assert!(!items.iter().any(|c| c.to_string().contains("10000000")));
    let viewer = f.app.user("xem-a", "viewer", Some(f.a.province)).await;
    viewer
        .get("/api/v1/changes")
        .await
        .assert_problem(403, "forbidden");
    let seen = viewer.get(&format!("/api/v1/dues-bases/{}", y.basis)).await;
    seen.assert_status(200);
    assert_eq!(seen.json["base"], Value::Null);
}

#[actix_web::test]
async fn a_reader_sees_the_cells_year_of_its_scope_only() {
    let f = fixture().await;
    let y = write_a_year(&f).await;
    let (a, _) = drain(&f.feed_a, "").await;
    let kinds = |items: &[Value]| -> Vec<String> {
        let mut k: Vec<String> = items
            .iter()
            .filter_map(|c| c["entity"].as_str().map(str::to_string))
            .collect();
        k.dedup();
        k
    };
    for entity in [
        "meeting",
        "duty",
        "liaison",
        "dues_basis",
        "dues_relief",
        "dues_arrangement",
        "dues_payment",
    ] {
        assert!(kinds(&a).iter().any(|k| k == entity), "{entity}");
    }
    // Province B holds the residence cell: it cannot GET the liaison, so its feed does not
    // carry it (nor anything else of A's cell); its cell's secretary reads the liaison view.
    let (b, _) = drain(&f.feed_b, "").await;
    assert_eq!(kinds(&b), vec!["organization".to_string()]);
    f.feed_b
        .get(&format!("/api/v1/liaisons/{}", y.liaison))
        .await
        .assert_problem(404, "not_found");
    f.sec_r
        .get(&format!("/api/v1/liaisons/{}", y.liaison))
        .await
        .assert_problem(404, "not_found");
    // The records' GETs answer 404 outside the scope, as the feed does.
    for path in [
        format!("meetings/{}", y.meeting),
        format!("duties/{}", y.duty),
        format!("dues-bases/{}", y.basis),
        format!("dues-reliefs/{}", y.relief),
        format!("dues-arrangements/{}", y.arrangement),
        format!("dues-payments/{}", y.payment),
    ] {
        f.feed_b
            .get(&format!("/api/v1/{path}"))
            .await
            .assert_problem(404, "not_found");
    }
    // A subtree filter of A's feed keeps them (they belong to the cell).
    let res = f
        .feed_a
        .get(&format!(
            "/api/v1/changes?organization_id={}&limit=500",
            f.a.cell
        ))
        .await;
    res.assert_status(200);
    let items = res.json["items"].as_array().cloned().unwrap_or_default();
    assert!(items.iter().any(|c| c["entity"] == "dues_payment"));
}
