//! Imports of a cell's year (issue 23): a year of past meetings with their attendance, and a
//! year of dues, from XLSX. Each meeting and month goes through its endpoint's service; a bad
//! cell names its sheet, row and column and nothing is written; the same file twice changes
//! nothing. Today is 23 November 2026.

use calamine::{Data, Reader, Xlsx};
use qldv_tests::{official_json, Client, TestApp, Tree};
use rust_xlsxwriter::Workbook;
use serde_json::{json, Value};

/// A cell with An, Bình, Cường and Dũng, admitted in 2000, personal-history numbers
/// `100001HP` … `100004HP`.
async fn fixture() -> (TestApp, Client, Tree, Vec<i64>) {
    let app = TestApp::builder().today("2026-11-23").build().await;
    let admin = app.admin().await;
    let tree = admin.create_tree("Sổ").await;
    let mut ids = Vec::new();
    for (n, name) in NAMES.iter().enumerate() {
        let n = u32::try_from(n + 1).unwrap();
        let mut body = official_json(tree.cell, name, 1970, "2000-03-01", n);
        body["personal_history_no"] = json!(format!("10000{n}HP"));
        ids.push(admin.create_member(body).await);
    }
    (app, admin, tree, ids)
}

const NAMES: [&str; 4] = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Văn Dũng",
];

/// A workbook of one sheet `name` with these rows (the first is the header).
fn workbook(name: &str, rows: &[Vec<&str>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(name).unwrap();
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                sheet
                    .write_string(u32::try_from(r).unwrap(), u16::try_from(c).unwrap(), *v)
                    .unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

async fn import(admin: &Client, path: &str, bytes: &[u8]) -> Value {
    let res = admin.upload(path, &[], "nam.xlsx", bytes).await;
    res.assert_status(200);
    res.json.clone()
}

/// `(sheet, row, column, code)` of each problem.
fn report(job: &Value) -> Vec<(String, i64, String, String)> {
    job["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["sheet"].as_str().unwrap_or("-").to_string(),
                e["row"].as_i64().unwrap(),
                e["column"].as_str().unwrap_or("-").to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(job: &Value, want: (&str, i64, &str, &str)) {
    let got = report(job);
    assert!(
        got.iter()
            .any(|g| (g.0.as_str(), g.1, g.2.as_str(), g.3.as_str()) == want),
        "{want:?} not in {got:?}"
    );
}

async fn meetings(admin: &Client, cell: i64) -> Value {
    let res = admin
        .get(&format!("/api/v1/organizations/{cell}/meetings?year=2026"))
        .await;
    res.assert_status(200);
    res.json["meetings"].clone()
}

fn attendance_file() -> Vec<u8> {
    workbook(
        "Điểm danh",
        &[
            vec![
                "Số thẻ đảng viên",
                "Số lý lịch",
                "Họ và tên",
                "08/01/2026",
                "05/02/2026",
                "20/03/2026 chuyên đề",
            ],
            vec![
                "",
                "",
                "Nội dung",
                "Triển khai nghị quyết năm",
                "",
                "Học tập chuyên đề",
            ],
            vec!["", "", "Nghị quyết", "Thông qua kế hoạch năm", "", ""],
            vec!["", "100001HP", "Nguyễn Văn An", "C", "C", "C"],
            vec!["", "100002HP", "Trần Thị Bình", "P: ốm", "C", "K"],
            vec!["", "100003HP", "Lê Văn Cường", "C", "K", "C"],
            vec!["", "10 0004 hp", "PHẠM VĂN DŨNG", "x", "C", "C"],
        ],
    )
}

#[actix_web::test]
async fn a_year_of_attendance_imports_once_and_the_meetings_report_shows_it() {
    let (_app, admin, t, _) = fixture().await;
    let path = format!("/api/v1/organizations/{}/meetings/import", t.cell);
    let job = import(&admin, &path, &attendance_file()).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(job["kind"], "meetings");
    assert_eq!(
        (job["created"].as_i64(), job["unchanged"].as_i64()),
        (Some(3), Some(0))
    );

    let held = meetings(&admin, t.cell).await;
    let summary: Vec<(String, String, String, Value)> = held
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["held_on"].as_str().unwrap().to_string(),
                m["kind"].as_str().unwrap().to_string(),
                m["agenda"].as_str().unwrap().to_string(),
                m["counts"].clone(),
            )
        })
        .collect();
    let counts = |p: u32, e: u32, a: u32| json!({"expected": 4, "present": p, "excused": e, "absent": a, "exempt": 0, "elsewhere": 0});
    assert_eq!(
        summary,
        vec![
            (
                "2026-03-20".into(),
                "topical".into(),
                "Học tập chuyên đề".into(),
                counts(3, 0, 1)
            ),
            (
                "2026-02-05".into(),
                "regular".into(),
                "Sinh hoạt chi bộ thường kỳ tháng 02/2026".into(),
                counts(3, 0, 1)
            ),
            (
                "2026-01-08".into(),
                "regular".into(),
                "Triển khai nghị quyết năm".into(),
                counts(3, 1, 0)
            ),
        ]
    );
    let first = held[2]["id"].as_i64().unwrap();
    let m = admin.get(&format!("/api/v1/meetings/{first}")).await;
    assert_eq!(m.json["resolution"], "Thông qua kế hoạch năm");
    let binh = m.json["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["full_name"] == "Trần Thị Bình")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (&binh["value"], &binh["reason"]),
        (&json!("excused"), &json!("ốm"))
    );

    let q = format!("organization_id={}&year=2026", t.cell);
    let report = admin.get(&format!("/api/v1/reports/meetings?{q}")).await;
    report.assert_status(200);
    let total: Vec<i64> = report.json["sections"][0]["rows"]
        .as_array()
        .and_then(|rows| rows.last())
        .and_then(|row| row["values"].as_array())
        .map(|v| v.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default();
    // cells, months due/held, quarters due/held, expected, present, excused, absent.
    assert_eq!(&total[5..], &[12, 9, 1, 2]);

    // The same file again: nothing new, the job says so.
    let again = import(&admin, &path, &attendance_file()).await;
    assert_eq!(again["status"], "succeeded", "{again}");
    assert_eq!(
        (again["created"].as_i64(), again["unchanged"].as_i64()),
        (Some(0), Some(3))
    );
    assert_eq!(
        meetings(&admin, t.cell).await.as_array().map(Vec::len),
        Some(3)
    );

    // A file saying otherwise about a recorded meeting is refused, naming it.
    let other = workbook(
        "Điểm danh",
        &[
            vec!["Số lý lịch", "Họ và tên", "08/01/2026"],
            vec!["100001HP", "Nguyễn Văn An", "K"],
            vec!["100002HP", "Trần Thị Bình", "C"],
            vec!["100003HP", "Lê Văn Cường", "C"],
            vec!["100004HP", "Phạm Văn Dũng", "C"],
        ],
    );
    let refused = import(&admin, &path, &other).await;
    assert_eq!(refused["status"], "failed");
    has(
        &refused,
        ("Điểm danh", 1, "08/01/2026", "meeting_already_recorded"),
    );

    // The jobs are listed with their kind.
    let jobs = admin.get("/api/v1/imports").await;
    let kinds: Vec<&str> = jobs.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|j| j["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["meetings", "meetings", "meetings"]);
}

#[actix_web::test]
async fn a_bad_attendance_cell_names_its_sheet_row_and_column_and_nothing_is_written() {
    let (_app, admin, t, _) = fixture().await;
    let bad = workbook(
        "Sổ sinh hoạt",
        &[
            vec![
                "Số lý lịch",
                "Họ và tên",
                "08/01/2026",
                "05/02/2026",
                "Ghi chú",
            ],
            vec!["100001HP", "Nguyễn Văn An", "C", "C", "đủ"],
            vec!["100002HP", "Trần Thị Bình", "P", "C", ""],
            vec!["100003HP", "Lê Văn Cường", "C", "có lẽ", ""],
            vec!["100004HP", "Phạm Văn Dũng", "C", "C", ""],
            vec!["100099HP", "Hoàng Văn Lạ", "C", "C", ""],
            vec!["100001HP", "Nguyễn Văn Ân", "C", "C", ""],
        ],
    );
    let path = format!("/api/v1/organizations/{}/meetings/import", t.cell);
    let job = import(&admin, &path, &bad).await;
    assert_eq!(job["status"], "failed", "{job}");
    assert_eq!(job["kind"], "meetings");
    has(&job, ("Sổ sinh hoạt", 1, "Ghi chú", "unknown_column"));
    has(&job, ("Sổ sinh hoạt", 6, "Số lý lịch", "member_not_found"));
    has(
        &job,
        ("Sổ sinh hoạt", 7, "Họ và tên", "member_name_mismatch"),
    );
    assert!(job["message"].is_string());
    assert_eq!(meetings(&admin, t.cell).await, json!([]));

    // The member rows right, the cells wrong: each named where it is.
    let bad = workbook(
        "Sổ sinh hoạt",
        &[
            vec![
                "Số lý lịch",
                "Họ và tên",
                "08/01/2026",
                "05/02/2026",
                "05/12/2026",
            ],
            vec!["100001HP", "Nguyễn Văn An", "C", "C", "C"],
            vec!["100002HP", "Trần Thị Bình", "P", "C", "C"],
            vec!["100003HP", "Lê Văn Cường", "C", "có lẽ", "C"],
            vec!["100004HP", "Phạm Văn Dũng", "C", "", "C"],
        ],
    );
    let job = import(&admin, &path, &bad).await;
    assert_eq!(job["status"], "failed", "{job}");
    has(
        &job,
        (
            "Sổ sinh hoạt",
            3,
            "08/01/2026",
            "attendance_reason_required",
        ),
    );
    has(&job, ("Sổ sinh hoạt", 4, "05/02/2026", "invalid_format"));
    has(&job, ("Sổ sinh hoạt", 1, "05/12/2026", "date_in_future"));
    assert_eq!(meetings(&admin, t.cell).await, json!([]));
}

async fn basis_for(admin: &Client, ids: &[i64]) {
    for m in ids {
        admin
            .put(
                &format!("/api/v1/members/{m}/dues-basis"),
                json!({"from_on": "2026-01-01", "category": "social_insurance_salary", "base": 10_000_000}),
                None,
            )
            .await
            .assert_status(200);
    }
}

async fn sheet(admin: &Client, cell: i64, month: &str) -> Vec<(i64, i64)> {
    let res = admin
        .get(&format!(
            "/api/v1/organizations/{cell}/dues-sheet?month={month}"
        ))
        .await;
    res.assert_status(200);
    res.json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["month"]["paid"].as_i64().unwrap_or(-1),
                l["month"]["arrears"].as_i64().unwrap_or(-1),
            )
        })
        .collect()
}

fn dues_file(october_for_binh: &str) -> Vec<u8> {
    workbook(
        "Đảng phí 2026",
        &[
            vec![
                "Số lý lịch",
                "Họ và tên",
                "Tháng 01/2026",
                "Tháng 02/2026",
                "Tháng 10/2026",
            ],
            vec!["100001HP", "Nguyễn Văn An", "100.000", "100000", "100000"],
            vec!["100002HP", "Trần Thị Bình", "100000", "", october_for_binh],
            vec!["100003HP", "Lê Văn Cường", "", "", "120.000"],
        ],
    )
}

#[actix_web::test]
async fn a_year_of_dues_imports_through_the_sheet_and_again_changes_nothing() {
    let (_app, admin, t, ids) = fixture().await;
    basis_for(&admin, &ids).await;
    let path = format!(
        "/api/v1/organizations/{}/dues-sheet/import?year=2026",
        t.cell
    );
    let job = import(&admin, &path, &dues_file("100000")).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(job["kind"], "dues");
    assert_eq!(
        (job["created"].as_i64(), job["unchanged"].as_i64()),
        (Some(3), Some(0))
    );

    // Lines in name order: An, Bình, Cường, Dũng; (paid, arrears).
    assert_eq!(
        sheet(&admin, t.cell, "2026-01").await,
        [(100_000, 0), (100_000, 0), (0, 100_000), (0, 100_000)]
    );
    assert_eq!(
        sheet(&admin, t.cell, "2026-10").await,
        [(100_000, 0), (100_000, 0), (100_000, 0), (0, 100_000)]
    );
    let before = admin
        .get(&format!("/api/v1/members/{}/dues?year=2026", ids[0]))
        .await
        .json
        .clone();

    let again = import(&admin, &path, &dues_file("100000")).await;
    assert_eq!(again["status"], "succeeded", "{again}");
    assert_eq!(
        (again["created"].as_i64(), again["unchanged"].as_i64()),
        (Some(0), Some(3))
    );
    let after = admin
        .get(&format!("/api/v1/members/{}/dues?year=2026", ids[0]))
        .await;
    assert_eq!(after.json, before);

    // A corrected month replaces that month's sheet, as the sheet's PUT does.
    let job = import(&admin, &path, &dues_file("50.000")).await;
    assert_eq!(
        (job["created"].as_i64(), job["unchanged"].as_i64()),
        (Some(1), Some(2))
    );
    assert_eq!(
        sheet(&admin, t.cell, "2026-10").await,
        [(100_000, 0), (50_000, 50_000), (100_000, 0), (0, 100_000)]
    );

    // The dues report adds the cell's months up.
    let report = admin
        .get(&format!(
            "/api/v1/reports/dues?organization_id={}&from=2026-01-01&to=2026-01-31",
            t.cell
        ))
        .await;
    report.assert_status(200);
    assert!(report.text.contains("200000"), "{}", report.text);

    let jobs = admin.get("/api/v1/imports").await;
    let kinds: Vec<&str> = jobs.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|j| j["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["dues", "dues", "dues"]);
}

#[actix_web::test]
async fn a_bad_dues_cell_names_its_sheet_row_and_column_and_nothing_is_written() {
    let (_app, admin, t, ids) = fixture().await;
    basis_for(&admin, &ids).await;
    let bad = workbook(
        "Đảng phí 2026",
        &[
            vec![
                "Số lý lịch",
                "Họ và tên",
                "Tháng 1",
                "Tháng 2",
                "Tháng 12",
                "01/2025",
            ],
            vec![
                "100001HP",
                "Nguyễn Văn An",
                "100000",
                "85000.5",
                "100000",
                "",
            ],
            vec!["100002HP", "Trần Thị Bình", "100000", "", "", "5"],
            vec!["100003HP", "Lê Văn Cường", "một trăm", "", "", ""],
        ],
    );
    let path = format!(
        "/api/v1/organizations/{}/dues-sheet/import?year=2026",
        t.cell
    );
    let job = import(&admin, &path, &bad).await;
    assert_eq!(job["status"], "failed", "{job}");
    assert_eq!(job["kind"], "dues");
    let sheet_name = "Đảng phí 2026";
    has(&job, (sheet_name, 2, "Tháng 2", "invalid_format"));
    has(&job, (sheet_name, 4, "Tháng 1", "invalid_format"));
    // December has not come: a prepayment without its arrangement, as the API judges it.
    has(
        &job,
        (sheet_name, 2, "Tháng 12", "dues_prepayment_not_arranged"),
    );
    has(&job, (sheet_name, 1, "01/2025", "unknown_column"));
    assert_eq!(
        sheet(&admin, t.cell, "2026-01").await,
        [(0, 100_000), (0, 100_000), (0, 100_000), (0, 100_000)]
    );
}

#[actix_web::test]
async fn the_templates_list_the_cells_members_of_the_year() {
    let (_app, admin, t, _) = fixture().await;
    for (path, first_column) in [
        ("meetings/import/template?year=2026", "__/01/2026"),
        ("dues-sheet/import/template?year=2026", "Tháng 01/2026"),
    ] {
        let res = admin
            .get(&format!("/api/v1/organizations/{}/{path}", t.cell))
            .await;
        res.assert_status(200);
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(res.body.clone())).unwrap();
        let first = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&first).unwrap();
        let cell = |r: u32, c: u32| match range.get_value((r, c)) {
            Some(Data::String(s)) => s.clone(),
            _ => String::new(),
        };
        assert_eq!(cell(0, 1), "Số lý lịch");
        assert_eq!(cell(0, 3), first_column);
        let names: Vec<String> = (1..range.height() as u32)
            .map(|r| cell(r, 2))
            .filter(|n| NAMES.contains(&n.as_str()))
            .collect();
        assert_eq!(names.len(), 4, "{path}: {names:?}");
        let numbers: Vec<String> = (1..range.height() as u32)
            .map(|r| cell(r, 1))
            .filter(|n| !n.is_empty())
            .collect();
        assert_eq!(numbers.len(), 4);
    }
    // A year outside the record's is refused.
    let res = admin
        .get(&format!(
            "/api/v1/organizations/{}/dues-sheet/import/template?year=1800",
            t.cell
        ))
        .await;
    assert_eq!(res.status.as_u16(), 400);
}
