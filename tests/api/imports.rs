//! Bulk import: the template, all or nothing with a report of every bad row, idempotent by CCCD
//! or personal-history number, progress to poll, scope kept.

use qldv_tests::{Client, TestApp, Tree};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;

const HEADER: &str = "Họ và tên,Giới tính,Ngày sinh,Số CCCD,Số lý lịch,Dân tộc,Ngày quyết định kết nạp,Ngày kết nạp,Ngày chính thức,Mã chi bộ";

/// Uploads a file and waits for the job to end.
async fn import(
    admin: &Client,
    org: i64,
    name: &str,
    bytes: &[u8],
    extra: &[(&str, &str)],
) -> Value {
    let org = org.to_string();
    let mut fields = vec![("organization_id", org.as_str())];
    fields.extend_from_slice(extra);
    let res = admin.upload("/api/v1/imports", &fields, name, bytes).await;
    res.assert_status(202);
    assert_eq!(res.json["status"], "running");
    let location = res.header("location").expect("location");
    admin.finished_job(&location).await
}

async fn member_count(admin: &Client, org: i64) -> usize {
    let res = admin
        .get(&format!("/api/v1/members?organization_id={org}&limit=200"))
        .await;
    res.assert_status(200);
    res.json["items"].as_array().map_or(0, Vec::len)
}

async fn setup() -> (TestApp, Client, Tree) {
    let app = TestApp::builder().today("2026-11-23").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    (app, admin, t)
}

#[actix_web::test]
async fn a_file_with_bad_rows_imports_nothing_and_reports_every_bad_row() {
    let (app, admin, t) = setup().await;
    let csv = format!(
        "\u{feff}{HEADER}\r\n\
         Nguyễn Văn An,Nam,15/01/1980,031080001234,123456HP,Kinh,07/03/2005,21/03/2005,21/03/2006,\r\n\
         Trần Thị Bình,Nữ,31/02/1985,031185001235,,Kinh,07/03/2005,21/03/2005,21/03/2006,\r\n\
         Lê Văn Cường,Nam,15/01/1982,031182001236,,Kinh,07/03/2005,21/03/2005,21/03/2006,\r\n\
         Phạm Văn Dũng,X,15/01/1983,031083001237,,Kinh,07/03/2005,21/03/2005,,\r\n\
         Hoàng Văn Em,Nam,15/01/1984,031080001234,,Kinh,07/03/2005,21/03/2005,21/03/2006,\r\n\
         Đỗ Văn Phúc,Nam,15/01/1986,031086001238,,Kinh,07/03/2005,21/03/2005,21/03/2006,99999\r\n"
    );
    let job = import(&admin, t.cell, "danh-sach.csv", csv.as_bytes(), &[]).await;
    assert_eq!(job["status"], "failed", "{job}");
    assert_eq!(job["created"], 0);
    assert_eq!(job["total_rows"], 6);
    assert_eq!(job["processed_rows"], 6);
    let report: Vec<(i64, String, String)> = job["errors"]
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
        .collect();
    let expect = |row: i64, column: &str, code: &str| (row, column.to_string(), code.to_string());
    assert_eq!(
        report,
        [
            // The birth date does not exist.
            expect(3, "Ngày sinh", "invalid_format"),
            // The CCCD says female (digit 1 for a man born in the 1900s is 0).
            expect(4, "Số CCCD", "gender_mismatch"),
            expect(5, "Giới tính", "invalid_format"),
            expect(6, "Số CCCD", "duplicate_in_file"),
            expect(7, "Mã chi bộ", "organization_not_found"),
        ],
        "{job}"
    );
    let bad_date = &job["errors"][0];
    assert_eq!(bad_date["value"], "31/02/1985");
    assert!(bad_date["message"].as_str().unwrap().contains("dd/mm/yyyy"));
    // Nothing was written: not even the good first row.
    assert_eq!(member_count(&admin, t.province).await, 0);
    app.assert_invariant();
}

/// A workbook as a clerk makes it: CCCD typed as a number (its leading zero lost), dates as
/// date cells, the cell named by its id.
/// Name, gender, birth date (y, m, d), CCCD as a number.
type Person<'a> = (&'a str, &'a str, (u16, u8, u8), u64);

fn workbook(cell: i64, rows: &[Person<'_>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (i, h) in HEADER.split(',').enumerate() {
        sheet.write_string(0, u16::try_from(i).unwrap(), h).unwrap();
    }
    for (r, (name, gender, (y, m, d), cccd)) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap();
        sheet.write_string(r, 0, *name).unwrap();
        sheet.write_string(r, 1, *gender).unwrap();
        let born = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
        sheet
            .write_datetime_with_format(r, 2, &born, &date)
            .unwrap();
        sheet.write_number(r, 3, *cccd as f64).unwrap();
        sheet.write_string(r, 5, "Kinh").unwrap();
        sheet.write_string(r, 6, "07/03/2005").unwrap();
        sheet.write_string(r, 7, "21/03/2005").unwrap();
        sheet.write_string(r, 8, "21/03/2006").unwrap();
        sheet.write_number(r, 9, cell as f64).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[actix_web::test]
async fn a_good_file_imports_all_and_a_second_import_changes_nothing() {
    let (app, admin, t) = setup().await;
    let rows = [
        ("Nguyễn Văn An", "Nam", (1980, 1, 15), 31_080_001_234),
        ("Trần Thị Bình", "Nữ", (1985, 6, 2), 31_185_001_235),
        ("Lê Văn Cường", "nam", (1982, 12, 31), 31_082_001_236),
    ];
    let file = workbook(t.cell, &rows);
    let job = import(&admin, t.commune, "danh-sach.xlsx", &file, &[]).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(
        (job["created"].clone(), job["unchanged"].clone()),
        (3.into(), 0.into())
    );
    assert_eq!(member_count(&admin, t.province).await, 3);
    let list = admin
        .get(&format!(
            "/api/v1/members?organization_id={}&q=tran%20thi%20binh",
            t.cell
        ))
        .await;
    let binh = &list.json["items"][0];
    assert_eq!(binh["national_id"], "031185001235");
    assert_eq!(binh["birth_date"], "1985-06-02");
    assert_eq!(binh["status"], "official");
    // The same file again: nothing new, every row recognised.
    let again = import(&admin, t.commune, "danh-sach.xlsx", &file, &[]).await;
    assert_eq!(again["status"], "succeeded");
    assert_eq!(
        (again["created"].clone(), again["unchanged"].clone()),
        (0.into(), 3.into())
    );
    assert_eq!(member_count(&admin, t.province).await, 3);
    // With skip_invalid, the good rows of a mixed file go in and the bad ones are reported.
    let csv = format!(
        "{HEADER}\r\nĐỗ Văn Phúc,Nam,15/01/1986,031086001238,,Kinh,07/03/2005,21/03/2005,21/03/2006,{}\r\n\
         Sai Ngày,Nam,15/01/1987,031087001239,,Kinh,07/03/2005,01/03/2005,,{}\r\n",
        t.cell, t.cell
    );
    let partial = import(
        &admin,
        t.commune,
        "them.csv",
        csv.as_bytes(),
        &[("skip_invalid", "true")],
    )
    .await;
    assert_eq!(partial["status"], "succeeded", "{partial}");
    assert_eq!(partial["created"], 1);
    assert_eq!(partial["errors"][0]["row"], 3);
    assert_eq!(partial["errors"][0]["column"], "Ngày kết nạp");
    assert_eq!(member_count(&admin, t.province).await, 4);
    // Each imported member has its admission event and membership, as if entered by hand.
    let id = binh["id"].as_i64().unwrap();
    let events = admin
        .get_all(&format!("/api/v1/members/{id}/events"), 50)
        .await;
    assert_eq!(events[0]["kind"], "admitted", "{events:?}");
    app.assert_invariant();
    let listed = admin.get_all("/api/v1/imports", 2).await;
    assert_eq!(listed.len(), 3);
}

#[actix_web::test]
async fn the_template_has_the_vietnamese_columns_and_unreadable_files_are_refused() {
    let (app, admin, t) = setup().await;
    let res = admin.get("/api/v1/imports/template.xlsx").await;
    res.assert_status(200);
    let rows = qldv_tests::xlsx_rows(&res.body);
    assert_eq!(rows[0][0], "Mã chi bộ");
    assert_eq!(rows[0][1], "Họ và tên");
    assert!(rows[0].iter().any(|h| h == "Ngày quyết định kết nạp"));
    assert_eq!(rows[1][1], "Nguyễn Văn An");
    // A file without the required columns: 422 at once, naming them.
    let res = admin
        .upload(
            "/api/v1/imports",
            &[("organization_id", &t.cell.to_string())],
            "x.csv",
            "Tên,Tuổi\r\nAn,40\r\n".as_bytes(),
        )
        .await;
    res.assert_problem(422, "validation_failed");
    assert!(res.text.contains("Họ và tên"), "{}", res.text);
    // Not a spreadsheet.
    admin
        .upload(
            "/api/v1/imports",
            &[("organization_id", "1")],
            "a.pdf",
            b"%PDF-1.4",
        )
        .await
        .assert_problem(422, "validation_failed");
    // Scope: a viewer may not import; another province does not see the jobs.
    let viewer = app.user("xem", "viewer", Some(t.province)).await;
    viewer
        .upload(
            "/api/v1/imports",
            &[("organization_id", &t.cell.to_string())],
            "a.csv",
            HEADER.as_bytes(),
        )
        .await
        .assert_problem(403, "forbidden");
    let b = admin.create_tree("B").await;
    let other = app.user("tinh-b", "organizer", Some(b.province)).await;
    let csv = format!("{HEADER}\r\nNguyễn Văn An,Nam,15/01/1980,031080001234,,Kinh,07/03/2005,21/03/2005,21/03/2006,\r\n");
    let job = import(&admin, t.cell, "a.csv", csv.as_bytes(), &[]).await;
    other
        .get(&format!("/api/v1/imports/{}", job["id"]))
        .await
        .assert_problem(404, "not_found");
    // The same CCCD imported into another province is refused: that member needs a transfer.
    let elsewhere = import(&other, b.cell, "a.csv", csv.as_bytes(), &[]).await;
    assert_eq!(elsewhere["status"], "failed");
    assert_eq!(elsewhere["errors"][0]["code"], "recorded_elsewhere");
}

/// Drops what differs between two databases by nature: times, request ids, the sequence of the
/// feed and the audit trail's chain.
fn timeless(mut v: Value) -> Value {
    match &mut v {
        Value::Object(m) => {
            for k in [
                "at",
                "created_at",
                "updated_at",
                "entered_at",
                "request_id",
                "cursor",
                "chain_seq",
                "chain_hash",
            ] {
                m.remove(k);
            }
            for (_, x) in m.iter_mut() {
                *x = timeless(x.take());
            }
        }
        Value::Array(a) => {
            for x in a.iter_mut() {
                *x = timeless(x.take());
            }
        }
        _ => {}
    }
    v
}

/// The record of a member as every reader sees it: the API's view, its events, its audit trail
/// and its changes in the feed.
async fn everything_about(admin: &Client, id: i64) -> Value {
    let member = admin.get(&format!("/api/v1/members/{id}")).await;
    let events = admin
        .get_all(&format!("/api/v1/members/{id}/events"), 50)
        .await;
    let trail = admin
        .get(&format!("/api/v1/audit?entity=member&entity_id={id}"))
        .await;
    let feed = admin.get("/api/v1/changes?after=0&limit=500").await;
    let changes: Vec<Value> = feed.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["entity"] == "member" && c["id"] == id)
        .cloned()
        .collect();
    assert!(!changes.is_empty(), "{}", feed.text);
    timeless(serde_json::json!({
        "member": member.json, "events": events, "audit": trail.json, "changes": changes,
    }))
}

#[actix_web::test]
async fn an_imported_member_is_recorded_exactly_as_one_entered_through_the_api() {
    // The same official member: entered through the API in one database, imported in another.
    let (api, api_admin, t) = setup().await;
    let body = qldv_tests::member_json(
        t.cell,
        serde_json::json!({
            "full_name": "Trần Thị Bình", "gender": "female", "birth_date": "1985-06-02",
            "national_id": "031185001235", "personal_history_no": "123456HP",
            "ethnicity": "Kinh", "hometown": "Xã Đông Hưng, tỉnh Thái Bình",
            "admission_decision_on": "2005-03-07", "admission_decision_no": "12-QĐ/ĐU",
            "ceremony_on": "2005-03-21", "status": "official", "official_on": "2006-03-21",
        }),
    );
    let entered = api_admin.create_member(body).await;
    let (imp, imp_admin, u) = setup().await;
    assert_eq!(u.cell, t.cell);
    let csv = format!(
        "Họ và tên,Giới tính,Ngày sinh,Số CCCD,Số lý lịch,Dân tộc,Quê quán,\
         Ngày quyết định kết nạp,Số quyết định kết nạp,Ngày kết nạp,Ngày chính thức,Mã chi bộ\r\n\
         Trần Thị Bình,Nữ,02/06/1985,031185001235,123456HP,Kinh,\"Xã Đông Hưng, tỉnh Thái Bình\",\
         07/03/2005,12-QĐ/ĐU,21/03/2005,21/03/2006,{}\r\n",
        u.cell
    );
    let job = import(&imp_admin, u.commune, "mot.csv", csv.as_bytes(), &[]).await;
    assert_eq!(job["created"], 1, "{job}");
    let list = imp_admin
        .get(&format!("/api/v1/members?organization_id={}", u.cell))
        .await;
    let imported = list.json["items"][0]["id"].as_i64().unwrap();
    assert_eq!(imported, entered);
    let a = everything_about(&api_admin, entered).await;
    let b = everything_about(&imp_admin, imported).await;
    assert_eq!(a, b);
    assert_eq!(a["events"].as_array().map(Vec::len), Some(2), "{a}");
    assert_eq!(a["member"]["status"], "official");
    api.assert_invariant();
    imp.assert_invariant();
}

#[actix_web::test]
async fn a_file_of_several_sets_of_rows_is_judged_row_by_row_across_them() {
    let (app, admin, t) = setup().await;
    // 5,200 rows: six sets as the import writes them (and more audit entries than the chain
    // seals at a time). Row 21 repeats row 12's history number
    // in lower case (the same number once stored) in the same set, row 1,801 repeats row 11's
    // CCCD, row 2,301 repeats row 11's history number in lower case two sets later.
    let mut csv = format!("{HEADER}\r\n");
    for i in 1..=5_200u32 {
        let cccd = if i == 1_800 { 10 } else { i };
        let history = match i {
            20 => "000011hp".to_string(),
            2_300 => "000010hp".to_string(),
            _ => format!("{i:06}HP"),
        };
        csv.push_str(&format!(
            "Nguyễn Văn An,Nam,15/01/1980,031080{cccd:06},{history},Kinh,07/03/2005,21/03/2005,21/03/2006,{}\r\n",
            t.cell
        ));
    }
    let errors = |job: &Value| -> Vec<(u64, String)> {
        job["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["row"].as_u64().unwrap(),
                    e["code"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let expected = vec![
        (21, "personal_history_no_taken".to_string()),
        (1_801, "duplicate_in_file".to_string()),
        (2_301, "personal_history_no_taken".to_string()),
    ];
    // All or nothing by default: three bad rows, nothing written.
    let refused = import(&admin, t.commune, "lon.csv", csv.as_bytes(), &[]).await;
    assert_eq!(refused["status"], "failed", "{refused}");
    assert_eq!(errors(&refused), expected);
    assert_eq!(member_count(&admin, t.cell).await, 0);
    let skip = [("skip_invalid", "true")];
    let job = import(&admin, t.commune, "lon.csv", csv.as_bytes(), &skip).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(
        (job["created"].as_u64(), job["unchanged"].as_u64()),
        (Some(5_197), Some(0))
    );
    assert_eq!(errors(&job), expected);
    // Again: every good row already recorded, the same three refused.
    let again = import(&admin, t.commune, "lon.csv", csv.as_bytes(), &skip).await;
    assert_eq!(
        (again["created"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(5_197))
    );
    assert_eq!(errors(&again), expected);
    // The counts kept ahead of time and the memberships agree with the records; the audit trail
    // (every created member's entry, sealed thousands at a time) is one intact chain.
    app.assert_invariant();
    let mut conn = app.state.pool.get().unwrap();
    let chain = qldv::models::audit_chain::verify(&mut conn, None).unwrap();
    assert!(chain.intact(), "{:?}", chain.problems);
    assert!(chain.entries > 5_197, "{}", chain.entries);
    let report = admin
        .get(&format!(
            "/api/v1/reports/composition?organization_id={}",
            t.province
        ))
        .await;
    report.assert_status(200);
    // The gender section's total.
    assert_eq!(report.json["sections"][0]["rows"][2]["values"][0], 5_197);
}
