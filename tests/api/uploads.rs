//! Uploads cannot exhaust the server: a hostile workbook or CSV file is measured before it is
//! parsed and refused with a clear problem (413 or 422), the server answering afterwards; imports
//! run one at a time per user and a few per server, on a connection of their own.

use std::io::{Cursor, Read, Write};

use qldv_tests::{Client, Response, TestApp, Tree};
use rust_xlsxwriter::Workbook;

const HEADER: [&str; 10] = [
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số CCCD",
    "Số lý lịch",
    "Dân tộc",
    "Ngày quyết định kết nạp",
    "Ngày kết nạp",
    "Ngày chính thức",
    "Mã chi bộ",
];

async fn setup() -> (TestApp, Client, Tree) {
    let app = TestApp::builder().today("2026-11-23").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    (app, admin, t)
}

async fn upload(client: &Client, org: i64, name: &str, bytes: &[u8]) -> Response {
    client
        .upload(
            "/api/v1/imports",
            &[("organization_id", &org.to_string())],
            name,
            bytes,
        )
        .await
}

/// The server still answers, and still imports a good file.
async fn still_answers(client: &Client, t: &Tree) {
    client.get("/api/v1/organizations").await.assert_status(200);
    let res = upload(client, t.cell, "ok.csv", csv_rows(t.cell, 0, 1).as_bytes()).await;
    res.assert_status(202);
}

/// A CSV of `n` valid members (CCCDs from `from`), with the template's header.
fn csv_rows(cell: i64, from: u32, n: u32) -> String {
    let mut s = HEADER.join(",");
    s.push_str("\r\n");
    for i in from..from + n {
        s.push_str(&format!(
            "Nguyễn Văn An,Nam,15/01/1980,0310800{i:05},,Kinh,07/03/2005,21/03/2005,21/03/2006,{cell}\r\n"
        ));
    }
    s
}

/// A workbook with the template's header (as shared strings), one member and what `extra` adds.
fn workbook(cell: i64, extra: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (i, h) in HEADER.iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(i).unwrap(), *h)
            .unwrap();
    }
    let row = [
        "Nguyễn Văn An",
        "Nam",
        "15/01/1980",
        "031080000001",
        "",
        "Kinh",
        "07/03/2005",
        "21/03/2005",
        "21/03/2006",
    ];
    for (i, v) in row.iter().enumerate() {
        sheet
            .write_string(1, u16::try_from(i).unwrap(), *v)
            .unwrap();
    }
    sheet.write_number(1, 9, cell as f64).unwrap();
    extra(sheet);
    book.save_to_buffer().unwrap()
}

/// The same archive with `entry` replaced by `content` (written by `content` into the entry).
fn replace_entry(xlsx: &[u8], entry: &str, content: impl Fn(&mut dyn Write)) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    for i in 0..archive.len() {
        let file = archive.by_index(i).unwrap();
        if file.name() == entry {
            drop(file);
            out.start_file(entry, options).unwrap();
            content(&mut out);
        } else {
            out.raw_copy_file(file).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

/// Shared strings holding the header, then one string of `padding` bytes.
fn bomb_strings(padding: usize) -> impl Fn(&mut dyn Write) {
    move |w: &mut dyn Write| {
        write!(
            w,
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="11" uniqueCount="11">"#
        )
        .unwrap();
        for h in HEADER {
            write!(w, "<si><t>{h}</t></si>").unwrap();
        }
        w.write_all(b"<si><t>").unwrap();
        let chunk = vec![b'A'; 1 << 20];
        let mut left = padding;
        while left > 0 {
            let n = left.min(chunk.len());
            w.write_all(&chunk[..n]).unwrap();
            left -= n;
        }
        w.write_all(b"</t></si></sst>").unwrap();
    }
}

/// Rewrites the uncompressed size an archive declares for `entry` (local and central headers).
fn declare_size(mut zip: Vec<u8>, entry: &str, size: u32) -> Vec<u8> {
    let name = entry.as_bytes();
    let le = |b: &[u8], at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    let mut patched = 0;
    let mut i = 0;
    while i + 46 < zip.len() {
        if le(&zip, i) == 0x0201_4b50 {
            let len = usize::from(u16::from_le_bytes([zip[i + 28], zip[i + 29]]));
            if zip[i + 46..i + 46 + len] == *name {
                zip[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
                let local = le(&zip, i + 42) as usize;
                assert_eq!(le(&zip, local), 0x0403_4b50);
                zip[local + 22..local + 26].copy_from_slice(&size.to_le_bytes());
                patched += 1;
            }
        }
        i += 1;
    }
    assert_eq!(patched, 1, "entry {entry} not found");
    zip
}

#[actix_web::test]
async fn a_workbook_with_one_cell_at_a1_and_one_at_xfd1048576_is_refused_and_the_server_answers() {
    let (_app, admin, t) = setup().await;
    let book = workbook(t.cell, |s| {
        s.write_string(1_048_575, 16_383, "x").unwrap();
    });
    assert!(book.len() < 8_000, "a small file: {} bytes", book.len());
    let res = upload(&admin, t.cell, "sparse.xlsx", &book).await;
    res.assert_problem(413, "payload_too_large");
    assert!(res.text.contains("dòng"), "{}", res.text);
    still_answers(&admin, &t).await;
}

#[actix_web::test]
async fn a_zip_bomb_in_the_shared_strings_is_refused_before_it_is_inflated_into_memory() {
    let (_app, admin, t) = setup().await;
    let book = workbook(t.cell, |_| {});
    let bomb = replace_entry(&book, "xl/sharedStrings.xml", bomb_strings(300 << 20));
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let res = upload(&admin, t.cell, "bomb.xlsx", &bomb).await;
    res.assert_problem(413, "payload_too_large");
    // The same bomb declaring a harmless size: measured as it inflates, refused all the same.
    let liar = declare_size(bomb, "xl/sharedStrings.xml", 1_000);
    let res = upload(&admin, t.cell, "liar.xlsx", &liar).await;
    res.assert_problem(413, "payload_too_large");
    still_answers(&admin, &t).await;
}

#[actix_web::test]
async fn shared_strings_announcing_a_trillion_strings_are_refused() {
    let (_app, admin, t) = setup().await;
    let book = workbook(t.cell, |_| {});
    let mut strings = String::new();
    let mut original = zip::ZipArchive::new(Cursor::new(&book)).unwrap();
    original
        .by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut strings)
        .unwrap();
    let announced = strings.replacen("uniqueCount=\"", "uniqueCount=\"1000000000000", 1);
    assert_ne!(announced, strings);
    let book = replace_entry(&book, "xl/sharedStrings.xml", |w: &mut dyn Write| {
        w.write_all(announced.as_bytes()).unwrap()
    });
    let res = upload(&admin, t.cell, "count.xlsx", &book).await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["code"], "unreadable_file");
    still_answers(&admin, &t).await;
}

#[actix_web::test]
async fn oversized_and_malformed_csv_files_are_refused_with_a_clear_problem() {
    let (_app, admin, t) = setup().await;
    // Over the 50 MB an upload may weigh.
    let mut big = csv_rows(t.cell, 0, 1).into_bytes();
    big.resize(51 << 20, b' ');
    let res = upload(&admin, t.cell, "big.csv", &big).await;
    res.assert_problem(413, "payload_too_large");
    assert!(res.text.contains("50 MB"), "{}", res.text);
    // More rows than one import takes.
    let many = csv_rows(t.cell, 0, 200_001);
    let res = upload(&admin, t.cell, "many.csv", many.as_bytes()).await;
    res.assert_problem(413, "payload_too_large");
    assert!(res.text.contains("200.000"), "{}", res.text);
    // A line longer than any member's row.
    let long = format!("{}\r\n{}\r\n", HEADER.join(","), "A".repeat(100_000));
    let res = upload(&admin, t.cell, "long.csv", long.as_bytes()).await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(
        res.json["errors"][0]["code"], "line_too_long",
        "{}",
        res.text
    );
    // Thousands of columns.
    let wide = format!("{}{}\r\n", HEADER.join(","), ",x".repeat(5_000));
    let res = upload(&admin, t.cell, "wide.csv", wide.as_bytes()).await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(
        res.json["errors"][0]["code"], "too_many_columns",
        "{}",
        res.text
    );
    // Not UTF-8: UTF-16 as Excel's "Unicode text" saves it, named for what it is.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            csv_rows(t.cell, 0, 1)
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let res = upload(&admin, t.cell, "utf16.csv", &utf16).await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["code"], "unreadable_file");
    assert!(res.text.contains("UTF-16"), "{}", res.text);
    still_answers(&admin, &t).await;
}

#[actix_web::test]
async fn only_the_template_columns_of_a_file_are_kept() {
    let (_app, admin, t) = setup().await;
    // Columns the template does not know are ignored, wherever they stand.
    let mut csv = format!("Ghi chú,{},Khác\r\n", HEADER.join(","));
    csv.push_str(&format!(
        "bất kỳ,Nguyễn Văn An,Nam,15/01/1980,031080000007,,Kinh,07/03/2005,21/03/2005,21/03/2006,{},zzz\r\n",
        t.cell
    ));
    let res = upload(&admin, t.cell, "extra.csv", csv.as_bytes()).await;
    res.assert_status(202);
    let location = res.header("location").unwrap();
    let job = admin.finished_job(&location).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(job["created"], 1);
}

#[actix_web::test]
async fn one_import_runs_at_a_time_per_user_and_a_few_per_server() {
    let (app, admin, t) = setup().await;
    let organizer = app.user("tinh-a", "organizer", Some(t.province)).await;
    // While the administrator has an import running, a second one waits its turn…
    let running = app
        .state
        .imports
        .claim(qldv_api_types::UserId(admin.id))
        .unwrap();
    let res = upload(&admin, t.cell, "a.csv", csv_rows(t.cell, 0, 1).as_bytes()).await;
    res.assert_problem(429, "import_running");
    assert!(res.header("retry-after").is_some());
    // …while another user may start one.
    let res = upload(
        &organizer,
        t.cell,
        "b.csv",
        csv_rows(t.cell, 1, 1).as_bytes(),
    )
    .await;
    res.assert_status(202);
    organizer
        .finished_job(&res.header("location").unwrap())
        .await;
    drop(running);
    // The server runs a few at once: past them everyone waits.
    let held: Vec<_> = (0..app.state.imports.capacity())
        .map(|i| {
            app.state
                .imports
                .claim(qldv_api_types::UserId(-100 - i64::from(i)))
                .unwrap()
        })
        .collect();
    let res = upload(
        &organizer,
        t.cell,
        "c.csv",
        csv_rows(t.cell, 2, 1).as_bytes(),
    )
    .await;
    res.assert_problem(429, "imports_busy");
    assert!(res.header("retry-after").is_some());
    drop(held);
    let res = upload(&admin, t.cell, "d.csv", csv_rows(t.cell, 3, 1).as_bytes()).await;
    res.assert_status(202);
    admin.finished_job(&res.header("location").unwrap()).await;
}

#[actix_web::test]
async fn an_import_does_not_hold_a_connection_of_the_request_pool() {
    // One pooled connection: an import holding it would keep every other request waiting.
    let app = TestApp::builder()
        .today("2026-11-23")
        .pool_size(1)
        .queue_timeout(std::time::Duration::from_secs(3))
        .build()
        .await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let res = upload(
        &admin,
        t.cell,
        "a.csv",
        csv_rows(t.cell, 0, 5_000).as_bytes(),
    )
    .await;
    res.assert_status(202);
    let location = res.header("location").unwrap();
    // Polls answered while the job was working (rows already processed, not yet finished).
    let mut seen_working = 0;
    loop {
        let other = admin.get("/api/v1/organizations").await;
        other.assert_status(200);
        let job = admin.get(&location).await;
        job.assert_status(200);
        if job.json["status"] != "running" {
            assert_eq!(job.json["status"], "succeeded", "{}", job.text);
            break;
        }
        if job.json["processed_rows"].as_i64() > Some(0) {
            seen_working += 1;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(
        seen_working > 0,
        "no request was answered while the import was working"
    );
}
