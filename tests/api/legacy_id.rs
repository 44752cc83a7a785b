//! The legacy 9-digit CMND in its own field (rule 21), and re-admission once per person across
//! the person's records (rule 13).

use qldv_tests::{member_json, TestApp};
use serde_json::{json, Value};

fn official(cell: i64, cccd: Option<&str>, cmnd: &str) -> Value {
    member_json(
        cell,
        json!({"birth_date": "1970-02-01", "national_id": cccd, "legacy_id_no": cmnd,
               "admission_decision_on": "2000-03-06", "ceremony_on": "2000-03-20",
               "status": "official", "official_on": "2001-03-20"}),
    )
}

#[actix_web::test]
async fn a_legacy_cmnd_is_kept_validated_searchable_and_masked() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let id = admin
        .create_member(member_json(t.cell, json!({"legacy_id_no": "012345678"})))
        .await;
    let path = format!("/api/v1/members/{id}");
    let full = admin.get(&path).await;
    assert_eq!(full.json["legacy_id_no"], "012345678");
    assert_eq!(full.json["national_id"], "031090001234");

    let bad = admin
        .post(
            "/api/v1/members",
            member_json(
                t.cell,
                json!({"legacy_id_no": "12345", "national_id": "031090005678"}),
            ),
        )
        .await;
    bad.assert_problem(422, "validation_failed");
    assert_eq!(bad.json["errors"][0]["field"], "legacy_id_no");

    let found = admin.get("/api/v1/members?q=012345678").await;
    assert_eq!(found.json["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(found.json["items"][0]["id"], id);

    let viewer = app.user("xem", "viewer", Some(t.province)).await;
    let masked = viewer.get(&path).await;
    assert_eq!(masked.json["legacy_id_no"], "*****5678");
    // A viewer cannot find a member by a number it does not see.
    let none = viewer.get("/api/v1/members?q=012345678").await;
    assert_eq!(none.json["items"].as_array().map(Vec::len), Some(0));
}

#[actix_web::test]
async fn readmission_is_once_per_person_across_records() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let readmit = |on: &str| {
        json!({"admission_decision_on": on, "ceremony_on": on,
               "decision_no": "2", "consent_no": "3-CV/TU"})
    };
    let exit = |on: &str| json!({"reason": "name_removed", "effective_on": on, "decision_no": "1"});
    // An old record, with only the CMND: exited, re-admitted, exited again.
    let old = admin
        .create_member(official(t.cell, None, "012345678"))
        .await;
    admin
        .post(&format!("/api/v1/members/{old}/exit"), exit("2010-05-03"))
        .await
        .assert_status(200);
    admin
        .post(
            &format!("/api/v1/members/{old}/readmission"),
            readmit("2014-05-05"),
        )
        .await
        .assert_status(200);
    admin
        .post(&format!("/api/v1/members/{old}/exit"), exit("2016-01-04"))
        .await
        .assert_status(200);
    // A new record of the same person (CCCD and the same CMND), exited: not re-admitted again.
    let new = admin
        .create_member(official(t.cell, Some("031070001234"), "012345678"))
        .await;
    admin
        .post(&format!("/api/v1/members/{new}/exit"), exit("2020-05-04"))
        .await
        .assert_status(200);
    admin
        .post(
            &format!("/api/v1/members/{new}/readmission"),
            readmit("2024-05-06"),
        )
        .await
        .assert_problem(422, "readmission_not_allowed");
    app.assert_invariant();
}

/// The CSV cells of the member export of `org`, by header, for the member named `name`.
async fn exported(client: &qldv_tests::Client, org: i64, name: &str) -> Vec<(String, String)> {
    let res = client
        .get(&format!("/api/v1/members/export?organization_id={org}"))
        .await;
    res.assert_status(200);
    let records: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(res.text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(str::to_string).collect())
        .collect();
    let row = records
        .iter()
        .find(|r| r.first().map(String::as_str) == Some(name))
        .cloned()
        .unwrap_or_default();
    records
        .first()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .zip(row)
        .collect()
}

/// Issue 20: the CMND was in neither the member export nor the import. It is a column of both,
/// masked like the CCCD for those who do not see identity numbers; a number cell that lost its
/// leading zero is read back to 9 digits.
#[actix_web::test]
async fn the_cmnd_is_imported_and_exported_and_masked_like_the_cccd() {
    let app = TestApp::builder().today("2026-11-23").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let csv = "\u{feff}Họ và tên,Giới tính,Ngày sinh,Số CCCD,Số CMND,Dân tộc,\
               Ngày quyết định kết nạp,Ngày kết nạp,Ngày chính thức,Mã chi bộ\r\n\
               Nguyễn Văn An,Nam,15/01/1980,031080001234,12345678,Kinh,07/03/2005,21/03/2005,21/03/2006,\r\n";
    let org = t.cell.to_string();
    let res = admin
        .upload(
            "/api/v1/imports",
            &[("organization_id", org.as_str())],
            "danh-sach.csv",
            csv.as_bytes(),
        )
        .await;
    res.assert_status(202);
    let location = res.header("location").unwrap_or_default();
    let job = admin.finished_job(&location).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    let found = admin.get("/api/v1/members?q=012345678").await;
    assert_eq!(found.json["items"].as_array().map(Vec::len), Some(1));

    let cell = |cells: &[(String, String)], header: &str| {
        cells
            .iter()
            .find(|(h, _)| h == header)
            .map(|(_, v)| v.clone())
    };
    let full = exported(&admin, t.province, "Nguyễn Văn An").await;
    assert_eq!(cell(&full, "Số CMND").as_deref(), Some("012345678"));
    assert_eq!(cell(&full, "Số CCCD").as_deref(), Some("031080001234"));
    let viewer = app.user("xem", "viewer", Some(t.province)).await;
    let masked = exported(&viewer, t.province, "Nguyễn Văn An").await;
    assert_eq!(cell(&masked, "Số CMND").as_deref(), Some("*****5678"));
    assert_eq!(cell(&masked, "Số CCCD").as_deref(), Some("********1234"));
}
