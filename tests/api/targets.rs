//! Yearly admission targets and the development report (issue 22), against hand-counted
//! figures for a small province.

use qldv_tests::{member_json, official_json, Client, TestApp};
use serde_json::{json, Value};

/// Province P with communes C1 (cells A, B) and C2 (cell D). In 2026: A admits a woman of the
/// Youth Union who is a worker, and a man in free labour; B admits a student; nobody in C2.
/// A 2025 admission in A and an old official member in D count nothing for 2026.
struct Fixture {
    app: TestApp,
    admin: Client,
    p: i64,
    c1: i64,
    c2: i64,
    a: i64,
    b: i64,
    d: i64,
}

async fn fixture() -> Fixture {
    let app = TestApp::builder().today("2026-11-23").build().await;
    let admin = app.admin().await;
    let p = admin.create_org("Tỉnh ủy P", "province", None).await;
    let c1 = admin.create_org("Đảng ủy xã Một", "commune", Some(p)).await;
    let c2 = admin.create_org("Đảng ủy xã Hai", "commune", Some(p)).await;
    let a = admin.create_org("Chi bộ A", "cell", Some(c1)).await;
    let b = admin.create_org("Chi bộ B", "cell", Some(c1)).await;
    let d = admin.create_org("Chi bộ D", "cell", Some(c2)).await;
    let admitted = |cell: i64, person: Value, decided: &str| {
        let mut body = member_json(cell, person);
        body["admission_decision_on"] = json!(decided);
        body
    };
    for body in [
        admitted(
            a,
            json!({"full_name": "Nguyễn Thị Tám", "gender": "female", "birth_date": "1998-05-10",
                   "national_id": "031198001111", "youth_union_joined_on": "2013-03-26",
                   "occupation": "Công nhân may", "ceremony_on": "2026-02-20"}),
            "2026-02-10",
        ),
        admitted(
            a,
            json!({"full_name": "Lê Văn Chín", "birth_date": "1992-04-01",
                   "national_id": "031092002222", "occupation": "Lao động tự do",
                   "ceremony_on": "2026-05-20"}),
            "2026-05-10",
        ),
        admitted(
            b,
            json!({"full_name": "Trần Văn Mười", "birth_date": "2004-09-09",
                   "national_id": "031204003333", "occupation": "Sinh viên",
                   "ceremony_on": "2026-06-20"}),
            "2026-06-10",
        ),
        admitted(
            a,
            json!({"full_name": "Phạm Văn Năm", "birth_date": "1995-01-01",
                   "national_id": "031095004444", "ceremony_on": "2025-03-20"}),
            "2025-03-03",
        ),
    ] {
        admin.create_member(body).await;
    }
    admin
        .create_member(official_json(d, "Đỗ Văn Một", 1970, "2005-03-07", 1))
        .await;
    Fixture {
        app,
        admin,
        p,
        c1,
        c2,
        a,
        b,
        d,
    }
}

fn target_path(org: i64, year: i32) -> String {
    format!("/api/v1/organizations/{org}/admission-targets/{year}")
}

fn target_body(target: i64) -> Value {
    json!({"target": target, "resolution_no": "01-NQ/ĐH", "resolution_on": "2025-07-18"})
}

/// Records a target (no `If-Match`) and returns the answer.
async fn set(c: &Client, org: i64, target: i64) -> Value {
    let res = c
        .put(&target_path(org, 2026), target_body(target), None)
        .await;
    res.assert_status(200);
    res.json
}

/// C1 5 (its cells A 2, B 2), C2 2, P 10.
async fn with_targets(f: &Fixture) {
    for (org, t) in [(f.p, 10), (f.c1, 5), (f.c2, 2), (f.a, 2), (f.b, 2)] {
        set(&f.admin, org, t).await;
    }
}

#[actix_web::test]
async fn a_target_is_read_with_its_live_progress_and_its_childrens_sum() {
    let f = fixture().await;
    // Before it is recorded: progress without a target, and no ETag.
    let res = f.admin.get(&target_path(f.c1, 2026)).await;
    res.assert_status(200);
    assert_eq!(res.json["target"], Value::Null);
    assert_eq!(res.json["admitted"], 3);
    assert_eq!(res.json["share"], Value::Null);
    assert_eq!(res.header("etag"), None);

    with_targets(&f).await;
    let res = f.admin.get(&target_path(f.c1, 2026)).await;
    res.assert_status(200);
    assert_eq!(res.header("etag").as_deref(), Some("\"1\""));
    let t = &res.json;
    assert_eq!(t["organization_name"], "Đảng ủy xã Một");
    assert_eq!(
        (
            t["target"].clone(),
            t["admitted"].clone(),
            t["share"].clone()
        ),
        (json!(5), json!(3), json!(60.0))
    );
    assert_eq!(t["resolution_no"], "01-NQ/ĐH");
    assert_eq!(t["resolution_on"], "2025-07-18");
    assert_eq!(t["entered_by"], "admin");
    // The children's targets (2 + 2) beside its own 5; their admissions 2 + 1.
    assert_eq!(t["children_target"], 4);
    assert_eq!(t["children_admitted"], 3);
    let children: Vec<(String, Value, i64, Value)> = t["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["organization_name"].as_str().unwrap().to_string(),
                c["target"].clone(),
                c["admitted"].as_i64().unwrap(),
                c["share"].clone(),
            )
        })
        .collect();
    assert_eq!(
        children,
        [
            ("Chi bộ A".to_string(), json!(2), 2, json!(100.0)),
            ("Chi bộ B".to_string(), json!(2), 1, json!(50.0)),
        ]
    );
    // The province: its own 10 against its communes' 5 + 2, three admitted of ten.
    let p = f.admin.get(&target_path(f.p, 2026)).await.json;
    assert_eq!(
        (
            p["target"].clone(),
            p["children_target"].clone(),
            p["admitted"].clone(),
            p["share"].clone()
        ),
        (json!(10), json!(7), json!(3), json!(30.0))
    );
    // Another year: nothing recorded, nothing admitted.
    let y = f.admin.get(&target_path(f.c1, 2025)).await.json;
    assert_eq!(
        (y["target"].clone(), y["admitted"].clone()),
        (Value::Null, json!(1))
    );
}

#[actix_web::test]
async fn a_target_is_replaced_with_its_version_and_audited() {
    let f = fixture().await;
    let path = target_path(f.c1, 2026);
    // If-Match names a version of a target never recorded.
    f.admin
        .put(&path, target_body(5), Some("\"1\""))
        .await
        .assert_problem(412, "version_mismatch");
    let first = f.admin.put(&path, target_body(5), None).await;
    first.assert_status(200);
    assert_eq!(first.header("etag").as_deref(), Some("\"1\""));
    let second = f.admin.put(&path, target_body(6), Some("\"1\"")).await;
    second.assert_status(200);
    assert_eq!(second.header("etag").as_deref(), Some("\"2\""));
    assert_eq!(second.json["target"], 6);
    assert_eq!(second.json["share"], 50.0);
    // A stale version.
    f.admin
        .put(&path, target_body(7), Some("\"1\""))
        .await
        .assert_problem(412, "version_mismatch");
    let trail = f.admin.get("/api/v1/audit?entity=admission_target").await;
    trail.assert_status(200);
    let actions: Vec<&str> = trail.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions.len(), 2, "{}", trail.text);
    assert!(actions.contains(&"create") && actions.contains(&"update"));
    f.app.assert_invariant();
}

#[actix_web::test]
async fn a_target_is_positive_from_a_dated_resolution_in_a_sane_year() {
    let f = fixture().await;
    let path = target_path(f.c1, 2026);
    for body in [
        target_body(0),
        target_body(-3),
        json!({"target": 5, "resolution_no": "", "resolution_on": "2025-07-18"}),
    ] {
        f.admin
            .put(&path, body, None)
            .await
            .assert_problem(422, "validation_failed");
    }
    let future = f
        .admin
        .put(
            &path,
            json!({"target": 5, "resolution_no": "01-NQ/ĐH", "resolution_on": "2026-11-24"}),
            None,
        )
        .await;
    future.assert_problem(422, "validation_failed");
    assert_eq!(future.json["errors"][0]["code"], "resolution_in_future");
    assert_eq!(future.json["errors"][0]["field"], "resolution_on");
    f.admin
        .put(&target_path(f.c1, 1800), target_body(5), None)
        .await
        .assert_status(400);
    // Nothing was recorded.
    assert_eq!(f.admin.get(&path).await.json["target"], Value::Null);
}

#[actix_web::test]
async fn a_board_sets_its_own_and_its_subtrees_targets_only() {
    let f = fixture().await;
    let c1_board = f.app.user("bt-xa-mot", "organizer", Some(f.c1)).await;
    let c2_board = f.app.user("bt-xa-hai", "organizer", Some(f.c2)).await;
    let viewer = f.app.user("xem-tinh", "viewer", Some(f.p)).await;
    // Its own organisation and a cell below it.
    set(&c1_board, f.c1, 5).await;
    set(&c1_board, f.a, 2).await;
    // Not the province above it, nor a sibling's subtree: outside its scope.
    c1_board
        .put(&target_path(f.p, 2026), target_body(9), None)
        .await
        .assert_problem(404, "not_found");
    c2_board
        .put(&target_path(f.a, 2026), target_body(9), None)
        .await
        .assert_problem(404, "not_found");
    c2_board
        .get(&target_path(f.c1, 2026))
        .await
        .assert_problem(404, "not_found");
    // A viewer reads inside its scope and writes nothing.
    let read = viewer.get(&target_path(f.c1, 2026)).await;
    read.assert_status(200);
    assert_eq!(read.json["target"], 5);
    viewer
        .put(&target_path(f.d, 2026), target_body(1), None)
        .await
        .assert_problem(403, "forbidden");
    // C2's board sees only its own subtree's children.
    let own = c2_board.get(&target_path(f.c2, 2026)).await.json;
    assert_eq!(own["children"].as_array().map(Vec::len), Some(1));
}

/// A report's JSON.
async fn report(admin: &Client, query: &str) -> Value {
    let res = admin
        .get(&format!("/api/v1/reports/development?{query}"))
        .await;
    res.assert_status(200);
    res.json
}

/// The figures of the row `key` of the first section, by column key, and its share.
fn row(r: &Value, key: &str) -> (Vec<(String, i64)>, Value) {
    let s = &r["sections"][0];
    let row = s["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|x| x["key"] == key))
        .unwrap_or_else(|| panic!("no row {key} in {r}"));
    let values = s["columns"]
        .as_array()
        .unwrap()
        .iter()
        .zip(row["values"].as_array().unwrap())
        .map(|(c, v)| (c["key"].as_str().unwrap().to_string(), v.as_i64().unwrap()))
        .collect();
    (values, row["share"].clone())
}

fn get(values: &[(String, i64)], key: &str) -> i64 {
    values
        .iter()
        .find(|(k, _)| k == key)
        .map_or(-1, |(_, v)| *v)
}

#[actix_web::test]
async fn the_development_report_sets_targets_admitted_and_categories_side_by_side() {
    let f = fixture().await;
    with_targets(&f).await;
    let r = report(&f.admin, &format!("organization_id={}&year=2026", f.p)).await;
    assert_eq!(r["code"], "development");
    assert_eq!(r["year"], 2026);
    assert_eq!(
        (r["from"].clone(), r["to"].clone()),
        (json!("2026-01-01"), json!("2026-12-31"))
    );
    let s = &r["sections"][0];
    assert_eq!(s["share"]["of"], "admitted");
    assert_eq!(s["share"]["per"], "target");
    let keys: Vec<&str> = s["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "target",
            "children_target",
            "admitted",
            "women",
            "youth_union",
            "private_business_owner",
            "student",
            "worker",
            "free_or_contract_labour",
            "readmitted",
            "population_policy"
        ]
    );
    let fig = |key: &str, cols: &[&str]| -> (Vec<i64>, Value) {
        let (v, share) = row(&r, key);
        (cols.iter().map(|c| get(&v, c)).collect(), share)
    };
    let cols = [
        "target",
        "children_target",
        "admitted",
        "women",
        "youth_union",
        "student",
        "worker",
        "free_or_contract_labour",
        "readmitted",
    ];
    // C1: target 5 against its cells' 2 + 2; three admitted: 60.00 %.
    assert_eq!(
        fig(&f.c1.to_string(), &cols),
        (vec![5, 4, 3, 1, 1, 1, 1, 1, 0], json!(60.0))
    );
    // C2: target 2, its cell has none; nobody admitted: 0 %.
    assert_eq!(
        fig(&f.c2.to_string(), &cols),
        (vec![2, 0, 0, 0, 0, 0, 0, 0, 0], json!(0.0))
    );
    // The province: its own 10 against its communes' 5 + 2.
    assert_eq!(
        fig("total", &cols),
        (vec![10, 7, 3, 1, 1, 1, 1, 1, 0], json!(30.0))
    );
    // The same admitted as the Admissions report of the year.
    let adm = f
        .admin
        .get(&format!(
            "/api/v1/reports/admissions?organization_id={}&year=2026",
            f.p
        ))
        .await
        .json;
    let total = adm["sections"][0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["key"] == "total")
        .map(|x| x["values"][0].clone());
    assert_eq!(total, Some(json!(3)));
    // Notes say what has no source yet.
    let notes = r["notes"].to_string();
    assert!(notes.contains("chính sách dân số"), "{notes}");
    // The pipeline by stage is a section of its own now that candidates are stored.
    assert!(
        !notes.contains("Quần chúng ưu tú theo giai đoạn"),
        "{notes}"
    );
    let pipeline = r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "pipeline")
        .cloned();
    assert!(pipeline.is_some_and(|s| s["columns"]
        .as_array()
        .is_some_and(|c| c.iter().any(|c| c["key"] == "identified"))));

    // C2's own report: cell D has no target, so no share.
    let r2 = report(&f.admin, &format!("organization_id={}&year=2026", f.c2)).await;
    let (v, share) = row(&r2, &f.d.to_string());
    assert_eq!((get(&v, "target"), share), (0, Value::Null));
}

#[actix_web::test]
async fn the_development_report_counts_one_years_targets() {
    let f = fixture().await;
    with_targets(&f).await;
    for q in [
        "from=2025-12-01&to=2026-03-01",
        "as_of=2026-03-01",
        "year=2026&to=2026-03-01",
    ] {
        let res = f
            .admin
            .get(&format!(
                "/api/v1/reports/development?organization_id={}&{q}",
                f.p
            ))
            .await;
        res.assert_problem(422, "validation_failed");
        assert_eq!(res.json["errors"][0]["code"], "report_by_year", "{q}");
    }
    // Without a year: this year.
    let r = report(&f.admin, &format!("organization_id={}", f.p)).await;
    assert_eq!(r["year"], 2026);
    // The year so far, as the web client asks it: admissions to the end of May (two, both in
    // cell A) against the whole year's targets.
    let r = report(
        &f.admin,
        &format!("organization_id={}&from=2026-01-01&to=2026-05-31", f.c1),
    )
    .await;
    let (v, share) = row(&r, &f.a.to_string());
    assert_eq!(
        (get(&v, "target"), get(&v, "admitted"), share),
        (2, 2, json!(100.0))
    );
    let (v, share) = row(&r, "total");
    assert_eq!(
        (get(&v, "target"), get(&v, "admitted"), share),
        (5, 2, json!(40.0))
    );
}

#[actix_web::test]
async fn the_development_report_exports_as_csv_and_xlsx_with_its_share() {
    let f = fixture().await;
    with_targets(&f).await;
    let q = format!("organization_id={}&year=2026", f.p);
    let csv = f
        .admin
        .get(&format!("/api/v1/reports/development?{q}&format=csv"))
        .await;
    csv.assert_status(200);
    let lines: Vec<&str> = csv.text.split("\r\n").collect();
    assert_eq!(lines[0], "\u{feff}BÁO CÁO PHÁT TRIỂN ĐẢNG VIÊN");
    assert!(lines.contains(&"Năm: 2026"), "{}", csv.text);
    assert!(
        csv.text.contains(
            "\r\nTổ chức,Chỉ tiêu kết nạp,Tổng chỉ tiêu các tổ chức trực thuộc,Đã kết nạp,\
             Tỷ lệ đạt chỉ tiêu (%),Nữ,"
        ),
        "{}",
        csv.text
    );
    assert!(
        csv.text
            .contains("\r\nĐảng ủy xã Một,5,4,3,60.00,1,1,0,1,1,1,0,0\r\n"),
        "{}",
        csv.text
    );
    assert!(
        csv.text
            .contains("\r\nTổng cộng,10,7,3,30.00,1,1,0,1,1,1,0,0\r\n"),
        "{}",
        csv.text
    );

    let xlsx = f
        .admin
        .get(&format!(
            "/api/v1/reports/development/export?{q}&format=xlsx"
        ))
        .await;
    xlsx.assert_status(200);
    let rows = qldv_tests::xlsx_rows(&xlsx.body);
    assert_eq!(rows[0][0], "BÁO CÁO PHÁT TRIỂN ĐẢNG VIÊN");
    let header = rows
        .iter()
        .position(|r| r[0] == "Tổ chức")
        .expect("header row");
    assert_eq!(rows[header][4], "Tỷ lệ đạt chỉ tiêu (%)");
    let c1 = rows
        .iter()
        .find(|r| r[0] == "Đảng ủy xã Một")
        .expect("C1's row");
    let numbers: Vec<f64> = c1[1..=5]
        .iter()
        .map(|c| c.parse().unwrap_or(-1.0))
        .collect();
    assert_eq!(numbers, [5.0, 4.0, 3.0, 60.0, 1.0]);
    // Without a target the share is blank.
    let r2 = f
        .admin
        .get(&format!(
            "/api/v1/reports/development/export?organization_id={}&year=2026&format=csv",
            f.c2
        ))
        .await;
    assert!(r2.text.contains("\r\nChi bộ D,0,0,0,,0,"), "{}", r2.text);
}

/// The development report of province 1 for 2025 after `qldv seed` (1,500 members, `seed`).
async fn seeded_report(seed: u64) -> (Value, Value) {
    let app = TestApp::builder().today("2026-11-30").build().await;
    {
        let mut conn = app.state.pool.get().unwrap();
        let opts = qldv::services::seed::SeedOptions {
            members: 1500,
            seed,
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        };
        let summary = qldv::services::seed::run(&mut conn, &opts, |_| {}).unwrap();
        assert!(summary.targets > 0);
    }
    let admin = app.admin().await;
    let r = report(&admin, "organization_id=1&year=2025").await;
    let adm = admin
        .get("/api/v1/reports/admissions?organization_id=1&year=2025")
        .await
        .json;
    (r, adm)
}

#[actix_web::test]
async fn a_seeded_province_has_a_reproducible_development_report() {
    let (r, adm) = seeded_report(7).await;
    let (again, _) = seeded_report(7).await;
    assert_eq!(r["sections"], again["sections"]);
    let rows = r["sections"][0]["rows"].as_array().unwrap();
    // Every organisation under the province has a target; the total row is the province's own.
    for x in rows {
        let (v, share) = row(&r, x["key"].as_str().unwrap());
        let (t, a) = (get(&v, "target"), get(&v, "admitted"));
        assert!(t >= 1, "{x}");
        assert!(share.is_number(), "{x}");
        if x["key"] == "total" {
            let adm_total = adm["sections"][0]["rows"]
                .as_array()
                .unwrap()
                .last()
                .map(|x| x["values"][0].as_i64().unwrap());
            assert_eq!(Some(a), adm_total);
            assert!(get(&v, "children_target") >= 1);
        }
    }
}
