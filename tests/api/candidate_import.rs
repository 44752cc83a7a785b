//! Import of candidates (issue 22): the members' reader, template and row-level report; each
//! row created by the rules of `POST /organizations/{id}/candidates`.

use qldv_tests::{official_json, Client, TestApp, Tree};
use rust_xlsxwriter::Workbook;
use serde_json::Value;

const HEADER: [&str; 8] = [
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số CCCD",
    "Nguồn giới thiệu",
    "Ngày xác định quần chúng ưu tú",
    "Đoàn viên TNCS Hồ Chí Minh",
    "Thành phần nghề nghiệp",
];

async fn setup() -> (TestApp, Client, Tree) {
    let app = TestApp::builder().today("2026-01-15").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    (app, admin, t)
}

async fn import(
    admin: &Client,
    cell: i64,
    name: &str,
    bytes: &[u8],
    extra: &[(&str, &str)],
) -> Value {
    let res = admin
        .upload(
            &format!("/api/v1/organizations/{cell}/candidates/import"),
            extra,
            name,
            bytes,
        )
        .await;
    res.assert_status(200);
    res.json.clone()
}

async fn candidates(admin: &Client, cell: i64) -> Vec<String> {
    let res = admin
        .get(&format!(
            "/api/v1/organizations/{cell}/candidates?limit=100"
        ))
        .await;
    res.assert_status(200);
    res.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["full_name"].as_str().unwrap_or("?").to_string())
        .collect()
}

fn csv(rows: &[&str]) -> Vec<u8> {
    let mut s = format!("\u{feff}{}\r\n", HEADER.join(","));
    for r in rows {
        s.push_str(r);
        s.push_str("\r\n");
    }
    s.into_bytes()
}

fn report(job: &Value) -> Vec<(i64, String, String)> {
    job["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["row"].as_i64().unwrap(),
                e["column"].as_str().unwrap_or("-").to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn a_good_workbook_creates_the_candidates() {
    let (app, admin, t) = setup().await;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (i, h) in HEADER.iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(i).unwrap(), *h)
            .unwrap();
    }
    let rows = [
        [
            "Trần Thị Bình",
            "Nữ",
            "20/05/1998",
            "031198001234",
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
            "15/01/2025",
            "Có",
            "Công nhân",
        ],
        [
            "Lê Văn Cường",
            "Nam",
            "01/02/1990",
            "",
            "Khác",
            "10/03/2025",
            "",
            "",
        ],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (i, v) in cells.iter().enumerate() {
            sheet
                .write_string(u32::try_from(r + 1).unwrap(), u16::try_from(i).unwrap(), *v)
                .unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let job = import(&admin, t.cell, "quan-chung.xlsx", &bytes, &[]).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(job["created"], 2, "{job}");
    let mut names = candidates(&admin, t.cell).await;
    names.sort();
    assert_eq!(names, ["Lê Văn Cường", "Trần Thị Bình"]);
    // The job is one of the imports, readable like the members' ones.
    let id = job["id"].as_i64().unwrap();
    admin
        .get(&format!("/api/v1/imports/{id}"))
        .await
        .assert_status(200);
    app.assert_invariant();
}

#[actix_web::test]
async fn bad_rows_are_reported_by_row_and_column_and_nothing_is_created() {
    let (app, admin, t) = setup().await;
    // An official member holds 031070000001 (a man born in 1970).
    admin
        .create_member(official_json(t.cell, "Lê Văn Ba", 1970, "2010-01-11", 1))
        .await;
    let file = csv(&[
        "Trần Thị Bình,Nữ,20/05/1998,031198001234,Khác,15/01/2025,,",
        "Lê Văn Cường,Nam,01/02/1990,,Câu lạc bộ,10/03/2025,,",
        "Phạm Văn Dũng,Nam,01/02/1991,,Khác,,,",
        "Hoàng Văn Em,Nam,15/01/1970,031070000001,Khác,10/03/2025,,",
        "Đỗ Văn Phúc,Nam,15/01/1986,,Khác,10/03/2025,Có,Nông dân",
        "Vũ Văn Giang,Nam,15/01/1986,,Khác,10/03/2027,,",
    ]);
    let job = import(&admin, t.cell, "quan-chung.csv", &file, &[]).await;
    assert_eq!(job["status"], "failed", "{job}");
    assert_eq!(job["created"], 0);
    let got = report(&job);
    let expect = |row: i64, column: &str, code: &str| (row, column.to_string(), code.to_string());
    assert_eq!(
        got[..3],
        [
            expect(3, "Nguồn giới thiệu", "invalid_format"),
            expect(4, "Ngày xác định quần chúng ưu tú", "required"),
            expect(5, "Số CCCD", "national_id_taken"),
        ][..],
        "{job}"
    );
    assert_eq!(
        got[3..],
        [
            expect(6, "Thành phần nghề nghiệp", "invalid_format"),
            expect(7, "Ngày xác định quần chúng ưu tú", "date_order"),
        ][..],
        "{job}"
    );
    let msg = job["errors"][0]["message"].as_str().unwrap();
    assert!(msg.contains("Hội Liên hiệp Phụ nữ"), "{msg}");
    assert!(
        candidates(&admin, t.cell).await.is_empty(),
        "all or nothing"
    );
    // Asked to skip the bad rows, the good one is created.
    let job = import(
        &admin,
        t.cell,
        "quan-chung.csv",
        &file,
        &[("skip_invalid", "true")],
    )
    .await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(job["created"], 1, "{job}");
    assert_eq!(candidates(&admin, t.cell).await, ["Trần Thị Bình"]);
    app.assert_invariant();
}

#[actix_web::test]
async fn the_template_has_the_identity_and_candidate_columns() {
    let (_app, admin, t) = setup().await;
    let res = admin
        .get(&format!(
            "/api/v1/organizations/{}/candidates/import/template",
            t.cell
        ))
        .await;
    res.assert_status(200);
    assert!(res.body.starts_with(b"PK"));
    // The template, filled with its example row, imports.
    let job = import(&admin, t.cell, "mau.xlsx", &res.body, &[]).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(job["created"], 1, "{job}");
}

#[actix_web::test]
async fn the_age_consent_of_rule_one_is_imported_with_the_candidate() {
    let (_app, admin, t) = setup().await;
    let header = "Họ và tên,Giới tính,Ngày sinh,Nguồn giới thiệu,Ngày xác định quần chúng ưu tú,Số văn bản đồng ý kết nạp người trên 60 tuổi";
    let long = "X".repeat(51);
    let body = format!(
        "\u{feff}{header}\r\nNgô Văn Bảy,Nam,01/02/1963,Khác,10/03/2025,12-CV/TU\r\n\
         Đinh Văn Tám,Nam,01/02/1964,Khác,10/03/2025,{long}\r\n"
    );
    let job = import(
        &admin,
        t.cell,
        "quan-chung.csv",
        body.as_bytes(),
        &[("skip_invalid", "true")],
    )
    .await;
    assert_eq!(
        report(&job),
        vec![(
            3,
            "Số văn bản đồng ý kết nạp người trên 60 tuổi".to_string(),
            "invalid_format".to_string()
        )],
        "{job}"
    );
    let list = admin
        .get(&format!("/api/v1/organizations/{}/candidates", t.cell))
        .await;
    let id = list.json["items"][0]["id"].as_i64().unwrap();
    let file = admin.get(&format!("/api/v1/candidates/{id}")).await;
    assert_eq!(file.json["age_consent_no"], "12-CV/TU");
}
