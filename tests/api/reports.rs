//! Statistical reports against hand-computed numbers for a small province, on the tree as it
//! was; spreadsheets opened again and compared with the JSON.

use qldv_tests::{member_json, official_json, Client, TestApp};
use serde_json::{json, Value};

/// The fixture: province P with communes C1 (cells A, B) and C2 (cell D); province Q (cell E).
struct Fixture {
    admin: Client,
    p: i64,
    c1: i64,
    c2: i64,
    q: i64,
}

async fn post_ok(admin: &Client, path: &str, body: Value) -> Value {
    let res = admin.post(path, body).await;
    assert!(
        res.status.is_success(),
        "{path}: {} {}",
        res.status,
        res.text
    );
    res.json
}

/// 2005–1996 members A: a1 a2 a3, B: b1 b2, D: d1 o. In 2026: a new admission at A (a woman,
/// Youth Union, worker) on 10/2; o's 30-year badge on 3/2; a1 A → D (issued 1/3, received 10/3);
/// b1 B → E (accepted 5/4); d1 dies 5/5; a2 expelled 1/6; a3 reprimanded 2/6 and rated good;
/// b2's transfer to E issued 1/7 and still pending; on 1/8 commune C2 moves to province Q.
async fn fixture() -> (TestApp, Fixture) {
    let app = TestApp::builder().today("2026-11-23").build().await;
    let admin = app.admin().await;
    let p = admin.create_org("Tỉnh ủy P", "province", None).await;
    let c1 = admin.create_org("Đảng ủy xã Một", "commune", Some(p)).await;
    let c2 = admin.create_org("Đảng ủy xã Hai", "commune", Some(p)).await;
    let a = admin.create_org("Chi bộ A", "cell", Some(c1)).await;
    let b = admin.create_org("Chi bộ B", "cell", Some(c1)).await;
    let d = admin.create_org("Chi bộ D", "cell", Some(c2)).await;
    let q = admin.create_org("Tỉnh ủy Q", "province", None).await;
    let qc = admin.create_org("Đảng ủy xã Q", "commune", Some(q)).await;
    let e = admin.create_org("Chi bộ E", "cell", Some(qc)).await;
    let mut n = 0;
    let mut official = |cell: i64, name: &str, born: i32, decided: &str| {
        n += 1;
        official_json(cell, name, born, decided, n)
    };
    let a1 = admin
        .create_member(official(a, "Lê Văn Một", 1980, "2005-03-07"))
        .await;
    let a2 = admin
        .create_member(official(a, "Lê Văn Hai", 1981, "2005-03-07"))
        .await;
    let a3 = admin
        .create_member(official(a, "Lê Văn Ba", 1985, "2005-03-07"))
        .await;
    let b1 = admin
        .create_member(official(b, "Trần Văn Bốn", 1982, "2005-03-07"))
        .await;
    let b2 = admin
        .create_member(official(b, "Trần Văn Năm", 1990, "2012-03-07"))
        .await;
    let d1 = admin
        .create_member(official(d, "Phạm Văn Sáu", 1950, "1980-03-07"))
        .await;
    let o = admin
        .create_member(official(d, "Phạm Văn Bảy", 1970, "1996-02-03"))
        .await;
    admin
        .create_member(member_json(
            a,
            json!({"full_name": "Nguyễn Thị Tám", "gender": "female", "birth_date": "1998-05-10",
                   "national_id": "031198001111", "youth_union_joined_on": "2013-03-26",
                   "occupation": "Công nhân may", "admission_decision_on": "2026-02-10",
                   "ceremony_on": "2026-02-20"}),
        ))
        .await;
    post_ok(
        &admin,
        "/api/v1/badges",
        json!({"member_id": o, "milestone": 30, "occasion_on": "2026-02-03", "decision_no": "45-QĐ/TU"}),
    )
    .await;
    let transfer = |m: i64, to: i64, on: &str| {
        json!({"member_id": m, "to_organization_id": to, "kind": "official",
               "issued_on": on, "reason": "Chuyển công tác"})
    };
    let t = post_ok(&admin, "/api/v1/transfers", transfer(a1, d, "2026-03-01")).await;
    post_ok(
        &admin,
        &format!("/api/v1/transfers/{}/accept", t["id"]),
        json!({"received_on": "2026-03-10"}),
    )
    .await;
    let t = post_ok(&admin, "/api/v1/transfers", transfer(b1, e, "2026-04-01")).await;
    post_ok(
        &admin,
        &format!("/api/v1/transfers/{}/accept", t["id"]),
        json!({"received_on": "2026-04-05"}),
    )
    .await;
    post_ok(
        &admin,
        &format!("/api/v1/members/{d1}/exit"),
        json!({"reason": "deceased", "effective_on": "2026-05-05", "decision_no": "2-TB/ĐU"}),
    )
    .await;
    let discipline = |form: &str, on: &str| {
        json!({"form": form, "decided_on": on, "decision_no": "5-QĐ/UBKT",
               "reason": "Vi phạm quy định"})
    };
    post_ok(
        &admin,
        &format!("/api/v1/members/{a2}/disciplines"),
        discipline("expulsion", "2026-06-01"),
    )
    .await;
    post_ok(
        &admin,
        &format!("/api/v1/members/{a3}/disciplines"),
        discipline("reprimand", "2026-06-02"),
    )
    .await;
    admin
        .put(
            &format!("/api/v1/members/{a3}/evaluations/2026"),
            // Reprimanded this year: rated above "not complete" only as self-remedied (rule 15).
            json!({"level": "good", "score": 80, "self_remedied": true}),
            None,
        )
        .await
        .assert_status(200);
    post_ok(&admin, "/api/v1/transfers", transfer(b2, e, "2026-07-01")).await;
    post_ok(
        &admin,
        &format!("/api/v1/organizations/{c2}/move"),
        json!({"new_parent_id": q, "effective_on": "2026-08-01", "decision_no": "9-QĐ/TW"}),
    )
    .await;
    app.assert_invariant();
    (
        app,
        Fixture {
            admin,
            p,
            c1,
            c2,
            q,
        },
    )
}

/// A report's JSON.
async fn report(admin: &Client, code: &str, query: &str) -> Value {
    let res = admin.get(&format!("/api/v1/reports/{code}?{query}")).await;
    res.assert_status(200);
    res.json
}

/// The values of the first section's row `key`, by column key.
fn row(r: &Value, key: &str) -> serde_json::Map<String, Value> {
    let s = &r["sections"][0];
    let row = s["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|x| x["key"] == key))
        .unwrap_or_else(|| panic!("no row {key} in {r}"));
    s["columns"]
        .as_array()
        .unwrap()
        .iter()
        .zip(row["values"].as_array().unwrap())
        .map(|(c, v)| (c["key"].as_str().unwrap().to_string(), v.clone()))
        .collect()
}

fn figures(m: &serde_json::Map<String, Value>, keys: &[&str]) -> Vec<i64> {
    keys.iter()
        .map(|k| m.get(*k).and_then(Value::as_i64).unwrap_or(-1))
        .collect()
}

/// Every row of a movement report balances: start + in − out = end.
fn assert_balanced(r: &Value) {
    for row_json in r["sections"][0]["rows"].as_array().unwrap() {
        let m = row(r, row_json["key"].as_str().unwrap());
        let get = |k: &str| m[k].as_i64().unwrap();
        let arrivals: i64 = [
            "admitted",
            "transferred_in",
            "readmitted",
            "restructured_in",
        ]
        .iter()
        .map(|k| get(k))
        .sum();
        let departures: i64 = [
            "transferred_out",
            "deceased",
            "name_removed",
            "expelled",
            "resigned",
            "restructured_out",
        ]
        .iter()
        .map(|k| get(k))
        .sum();
        assert_eq!(
            get("start") + arrivals - departures,
            get("end"),
            "row {row_json}"
        );
    }
}

const FLOWS: [&str; 8] = [
    "start",
    "admitted",
    "transferred_in",
    "transferred_out",
    "deceased",
    "expelled",
    "restructured_out",
    "end",
];

#[actix_web::test]
async fn movement_counts_each_flow_once_on_the_tree_as_it_was() {
    let (_app, f) = fixture().await;
    let year = report(
        &f.admin,
        "movement",
        &format!("organization_id={}&from=2026-01-01&to=2026-12-31", f.p),
    )
    .await;
    assert_balanced(&year);
    // The province: a1's move between its communes is internal; C2 left on 1/8 with a1 and o.
    assert_eq!(
        figures(&row(&year, "total"), &FLOWS),
        [7, 1, 0, 1, 1, 1, 2, 3]
    );
    // Commune 1: the new member in; a1 (to C2) and b1 out, a2 expelled.
    assert_eq!(
        figures(&row(&year, &f.c1.to_string()), &FLOWS),
        [5, 1, 0, 2, 0, 1, 0, 3]
    );
    // Commune 2 (under P until 31/7): a1 in, d1 died, then a1 and o out with the restructure.
    assert_eq!(
        figures(&row(&year, &f.c2.to_string()), &FLOWS),
        [2, 0, 1, 0, 1, 0, 2, 0]
    );
    // March alone: a1 in transit counts at A until received on 10/3.
    let march = report(
        &f.admin,
        "movement",
        &format!("organization_id={}&from=2026-03-05&to=2026-03-31", f.p),
    )
    .await;
    assert_balanced(&march);
    assert_eq!(
        figures(&row(&march, "total"), &FLOWS),
        [8, 0, 0, 0, 0, 0, 0, 8]
    );
    // Province Q sees the commune arrive with two members on 1/8 (and b1 on 5/4).
    let q = report(
        &f.admin,
        "movement",
        &format!("organization_id={}&year=2026", f.q),
    )
    .await;
    assert_balanced(&q);
    let t = row(&q, "total");
    assert_eq!(
        figures(&t, &["start", "transferred_in", "restructured_in", "end"]),
        [0, 1, 2, 3]
    );
    assert_eq!(q["from"], "2026-01-01");
    assert_eq!(q["to"], "2026-12-31");
}

#[actix_web::test]
async fn composition_admissions_discipline_badges_evaluations_completeness() {
    let (_app, f) = fixture().await;
    let p = f.p;
    // Composition on 1/7: a1 (46) and o (56) in C2, a3 (41), b2 (36, transfer pending), the
    // new member (28).
    let comp = report(
        &f.admin,
        "composition",
        &format!("organization_id={p}&as_of=2026-07-01"),
    )
    .await;
    let section = |key: &str| -> Vec<(String, i64)> {
        comp["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == key)
            .unwrap()["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["key"].as_str().unwrap().to_string(),
                    r["values"][0].as_i64().unwrap(),
                )
            })
            .collect()
    };
    let pairs = |v: &[(&str, i64)]| -> Vec<(String, i64)> {
        v.iter().map(|(k, n)| ((*k).to_string(), *n)).collect()
    };
    assert_eq!(
        section("gender"),
        pairs(&[("male", 4), ("female", 1), ("total", 5)])
    );
    assert_eq!(
        section("age"),
        pairs(&[
            ("to_30", 1),
            ("31_40", 1),
            ("41_50", 2),
            ("51_60", 1),
            ("61_70", 0),
            ("over_70", 0),
            ("total", 5)
        ])
    );
    assert_eq!(
        section("standing"),
        pairs(&[("official", 4), ("probationary", 1), ("total", 5)])
    );
    assert_eq!(
        section("occupation"),
        pairs(&[("Công nhân may", 1), ("", 4), ("total", 5)])
    );
    // On 1/8 commune 2 has left the province; on 31/7 a1 still counts.
    let before = report(
        &f.admin,
        "composition",
        &format!("organization_id={p}&as_of=2026-07-31"),
    )
    .await;
    let after = report(
        &f.admin,
        "composition",
        &format!("organization_id={p}&as_of=2026-08-01"),
    )
    .await;
    let total = |r: &Value| {
        r["sections"][0]["rows"].as_array().unwrap().last().unwrap()["values"][0].clone()
    };
    assert_eq!((total(&before), total(&after)), (json!(5), json!(3)));

    let adm = report(
        &f.admin,
        "admissions",
        &format!("organization_id={p}&year=2026"),
    )
    .await;
    assert_eq!(
        figures(
            &row(&adm, "total"),
            &[
                "total",
                "women",
                "youth_union",
                "business_owners",
                "students",
                "workers",
                "readmitted"
            ]
        ),
        [1, 1, 1, 0, 0, 1, 0]
    );
    let dis = report(
        &f.admin,
        "discipline",
        &format!("organization_id={p}&year=2026"),
    )
    .await;
    let forms = ["reprimand", "warning", "dismissal", "expulsion", "total"];
    assert_eq!(figures(&row(&dis, "total"), &forms), [1, 0, 0, 1, 2]);
    assert_eq!(
        figures(&row(&dis, &f.c1.to_string()), &forms),
        [1, 0, 0, 1, 2]
    );
    assert_eq!(
        figures(&row(&dis, &f.c2.to_string()), &forms),
        [0, 0, 0, 0, 0]
    );
    let bdg = report(
        &f.admin,
        "badges",
        &format!("organization_id={p}&year=2026"),
    )
    .await;
    assert_eq!(
        figures(&row(&bdg, "total"), &["m30", "total", "returned"]),
        [1, 1, 0]
    );
    assert_eq!(figures(&row(&bdg, &f.c2.to_string()), &["m30"]), [1]);
    // Evaluations of 2026, members as of today (a3, b2, the new member): one rated.
    let ev = report(
        &f.admin,
        "evaluations",
        &format!("organization_id={p}&year=2026"),
    )
    .await;
    assert_eq!(ev["year"], 2026);
    assert_eq!(
        figures(
            &row(&ev, "total"),
            &["members", "good", "missing", "coverage_percent"]
        ),
        [3, 1, 2, 33]
    );
    // Completeness today: entered records lack the places; nobody has a card or a supplement.
    let comp = report(&f.admin, "completeness", &format!("organization_id={p}")).await;
    assert_eq!(
        figures(
            &row(&comp, "total"),
            &[
                "members",
                "missing_birth_place",
                "missing_national_id",
                "incomplete",
                "no_card",
                "no_supplement"
            ]
        ),
        [3, 3, 0, 3, 3, 3]
    );
}

#[actix_web::test]
async fn reports_as_csv_and_xlsx_carry_the_heading_and_the_same_figures() {
    let (_app, f) = fixture().await;
    let q = format!("organization_id={}&from=2026-01-01&to=2026-12-31", f.p);
    let json = report(&f.admin, "movement", &q).await;
    let csv = f
        .admin
        .send(
            actix_web::http::Method::GET,
            &format!("/api/v1/reports/movement?{q}"),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    csv.assert_status(200);
    assert_eq!(
        csv.header("content-type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    let lines: Vec<&str> = csv.text.split("\r\n").collect();
    assert_eq!(lines[0], "\u{feff}BÁO CÁO BIẾN ĐỘNG ĐẢNG VIÊN");
    assert_eq!(lines[1], "Tổ chức: Tỉnh ủy P");
    assert_eq!(lines[2], "Từ ngày 01/01/2026 đến ngày 31/12/2026");
    assert!(lines[3].starts_with("Người lập: admin — lúc "));
    assert!(csv.text.contains("\r\nTổ chức,Đầu kỳ,Kết nạp,Chuyển đến,"));
    assert!(
        csv.text
            .contains("\r\nTổng cộng,7,1,0,0,0,1,1,0,1,0,2,3\r\n"),
        "{}",
        csv.text
    );

    let xlsx = f
        .admin
        .send(
            actix_web::http::Method::GET,
            &format!("/api/v1/reports/movement?{q}&format=xlsx"),
            None,
            &[],
        )
        .await;
    xlsx.assert_status(200);
    let rows = qldv_tests::xlsx_rows(&xlsx.body);
    assert_eq!(rows[0][0], "BÁO CÁO BIẾN ĐỘNG ĐẢNG VIÊN");
    assert_eq!(rows[1][0], "Tổ chức: Tỉnh ủy P");
    let header = rows
        .iter()
        .position(|r| r[0] == "Tổ chức")
        .expect("header row");
    let labels: Vec<&str> = json["sections"][0]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    assert_eq!(rows[header][1..=labels.len()], labels[..]);
    // Every data row equals the JSON row.
    for (i, r) in json["sections"][0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        let sheet = &rows[header + 1 + i];
        assert_eq!(sheet[0], r["label"].as_str().unwrap());
        let values: Vec<String> = r["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.to_string())
            .collect();
        assert_eq!(sheet[1..=values.len()], values[..]);
    }
}

#[actix_web::test]
async fn reports_stay_inside_the_scope_and_refuse_bad_dates() {
    let (app, f) = fixture().await;
    let org_q = app.user("q-board", "organizer", Some(f.q)).await;
    org_q
        .get(&format!(
            "/api/v1/reports/composition?organization_id={}",
            f.p
        ))
        .await
        .assert_problem(404, "not_found");
    // Without an organisation: the caller's own scope.
    let own = report(&org_q, "composition", "").await;
    assert_eq!(own["organization_id"], f.q);
    f.admin
        .get("/api/v1/reports/nonsense")
        .await
        .assert_problem(404, "not_found");
    f.admin
        .get(&format!(
            "/api/v1/reports/movement?organization_id={}&from=2026-05-01&to=2026-04-01",
            f.p
        ))
        .await
        .assert_problem(422, "validation_failed");
}

#[actix_web::test]
async fn a_report_exports_as_csv_or_xlsx_by_its_own_operation() {
    let (_app, f) = fixture().await;
    let q = format!("organization_id={}&from=2026-01-01&to=2026-12-31", f.p);
    let old = f
        .admin
        .get(&format!("/api/v1/reports/movement?{q}&format=csv"))
        .await;
    old.assert_status(200);
    // CSV without asking: what a generated client's `export_report` reads.
    let csv = f
        .admin
        .get(&format!("/api/v1/reports/movement/export?{q}"))
        .await;
    csv.assert_status(200);
    assert_eq!(
        csv.header("content-type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    assert_eq!(
        csv.header("content-disposition"),
        old.header("content-disposition")
    );
    // The same sheet but the minute it was produced at.
    let body = |t: &str| -> Vec<String> {
        t.split("\r\n")
            .filter(|l| !l.starts_with("Người lập"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(body(&csv.text), body(&old.text));

    let xlsx = f
        .admin
        .get(&format!("/api/v1/reports/movement/export?{q}&format=xlsx"))
        .await;
    xlsx.assert_status(200);
    assert_eq!(
        xlsx.header("content-type").as_deref(),
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    );
    assert_eq!(
        qldv_tests::xlsx_rows(&xlsx.body)[0][0],
        "BÁO CÁO BIẾN ĐỘNG ĐẢNG VIÊN"
    );
    // JSON is the report's own operation; an unknown report is 404 as there.
    f.admin
        .get(&format!("/api/v1/reports/movement/export?{q}&format=json"))
        .await
        .assert_problem(400, "malformed_request");
    f.admin
        .get("/api/v1/reports/nothing/export")
        .await
        .assert_problem(404, "not_found");
}
