//! Personal data (CCCD, phone, e-mail, addresses) in full for the clerks who keep the records,
//! masked for read-only viewers, everywhere a viewer can read a member.

use qldv_tests::{member_json, TestApp};
use serde_json::json;

#[actix_web::test]
async fn a_viewer_sees_personal_data_masked_and_an_organizer_in_full() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("Hà Nam").await;
    let id = admin
        .create_member(member_json(
            t.cell,
            json!({
                "phone": "0912345678",
                "email": "an.nguyen@hanam.gov.vn",
                "current_address": "Thôn 3, xã Thanh Hà, tỉnh Hà Nam",
                "permanent_address": "Số 5, phường Lê Lợi, tỉnh Hà Nam",
            }),
        ))
        .await;
    let organizer = app.user("to-chuc", "organizer", Some(t.province)).await;
    let viewer = app.user("xem", "viewer", Some(t.province)).await;
    let path = format!("/api/v1/members/{id}");

    let full = organizer.get(&path).await;
    full.assert_status(200);
    assert_eq!(full.json["national_id"], "031090001234");
    assert_eq!(full.json["phone"], "0912345678");
    assert_eq!(
        full.json["current_address"],
        "Thôn 3, xã Thanh Hà, tỉnh Hà Nam"
    );

    let masked = viewer.get(&path).await;
    masked.assert_status(200);
    assert_eq!(masked.json["national_id"], "********1234");
    assert_eq!(masked.json["phone"], "*******678");
    assert_eq!(masked.json["email"], "a***@hanam.gov.vn");
    assert_eq!(masked.json["current_address"], "***, tỉnh Hà Nam");
    assert_eq!(masked.json["permanent_address"], "***, tỉnh Hà Nam");
    // What a viewer needs stays: the name, the dates, the status.
    assert_eq!(masked.json["full_name"], "Nguyễn Văn An");
    assert_eq!(masked.json["birth_date"], "1990-05-10");

    let list = viewer
        .get(&format!("/api/v1/members?organization_id={}", t.cell))
        .await;
    assert_eq!(list.json["items"][0]["national_id"], "********1234");
    let csv = viewer
        .get(&format!(
            "/api/v1/members/export?organization_id={}",
            t.cell
        ))
        .await;
    csv.assert_status(200);
    assert!(csv.text.contains("********1234"), "{}", csv.text);
    assert!(!csv.text.contains("031090001234"));
    assert!(!csv.text.contains("Thanh Hà"));
}

#[actix_web::test]
async fn a_cccd_finds_a_member_only_for_those_who_see_cccds() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("Hà Nam").await;
    admin.create_member(member_json(t.cell, json!({}))).await;
    let organizer = app.user("to-chuc", "organizer", Some(t.province)).await;
    let viewer = app.user("xem", "viewer", Some(t.province)).await;
    let found = organizer.get("/api/v1/members?q=031090001234").await;
    assert_eq!(found.json["items"].as_array().unwrap().len(), 1);
    let probed = viewer.get("/api/v1/members?q=031090001234").await;
    probed.assert_status(200);
    assert_eq!(probed.json["items"].as_array().unwrap().len(), 0);
}

/// The policy is one table (field × role): every place a viewer can read a member's personal
/// data masks it — records, lists, exports, the history of corrections, illnesses, disciplines,
/// import reports — and ethnicity and religion (sensitive data under Decree 13/2023/NĐ-CP) with
/// them; integration systems match records by CCCD but read no health notes nor discipline
/// reasons.
#[actix_web::test]
async fn every_output_a_viewer_reads_is_masked_by_the_one_policy() {
    let app = TestApp::builder().today("2026-11-23").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("Hà Nam").await;
    let id = admin
        .create_member(member_json(
            t.cell,
            json!({"phone": "0912345678", "ethnicity": "Tày", "religion": "Công giáo",
                   "current_address": "Thôn 3, xã Thanh Hà, tỉnh Hà Nam"}),
        ))
        .await;
    admin
        .patch(
            &format!("/api/v1/members/{id}"),
            json!({"phone": "0987654321", "current_address": "Số 9, phường Minh Khai, tỉnh Hà Nam"}),
            None,
        )
        .await
        .assert_status(200);
    admin
        .post(
            &format!("/api/v1/members/{id}/illnesses"),
            json!({"from": "2026-01-05", "serious": true, "note": "Ung thư phổi giai đoạn 2"}),
        )
        .await
        .assert_status(201);
    admin
        .post(
            &format!("/api/v1/members/{id}/disciplines"),
            json!({"form": "reprimand", "decided_on": "2026-02-02", "decision_no": "7-QĐ/UBKT",
                   "reason": "Vi phạm quy định về đạo đức, lối sống"}),
        )
        .await
        .assert_status(201);
    let viewer = app.user("xem", "viewer", Some(t.province)).await;
    let integration = app.user("he-thong", "integration", Some(t.province)).await;

    let member = viewer.get(&format!("/api/v1/members/{id}")).await;
    assert_eq!(member.json["ethnicity"], "***");
    assert_eq!(member.json["religion"], "***");
    let events = viewer.get(&format!("/api/v1/members/{id}/events")).await;
    events.assert_status(200);
    for secret in [
        "0912345678",
        "0987654321",
        "Thanh Hà",
        "Minh Khai",
        "Tày",
        "Công giáo",
    ] {
        assert!(!events.text.contains(secret), "{secret} in {}", events.text);
    }
    assert!(events.text.contains("*******321"), "{}", events.text);
    let illnesses = viewer.get(&format!("/api/v1/members/{id}/illnesses")).await;
    illnesses.assert_status(200);
    assert!(!illnesses.text.contains("Ung thư"), "{}", illnesses.text);
    let disciplines = viewer
        .get(&format!("/api/v1/members/{id}/disciplines"))
        .await;
    disciplines.assert_status(200);
    assert!(
        !disciplines.text.contains("đạo đức"),
        "{}",
        disciplines.text
    );
    let csv = viewer
        .get(&format!(
            "/api/v1/members/export?organization_id={}",
            t.cell
        ))
        .await;
    assert!(
        !csv.text.contains("Tày") && !csv.text.contains("Công giáo"),
        "{}",
        csv.text
    );

    // Integration systems: identity in full, no health notes, no discipline reasons.
    let m = integration.get(&format!("/api/v1/members/{id}")).await;
    assert_eq!(m.json["national_id"], "031090001234");
    assert_eq!(m.json["religion"], "Công giáo");
    let illnesses = integration
        .get(&format!("/api/v1/members/{id}/illnesses"))
        .await;
    assert!(!illnesses.text.contains("Ung thư"), "{}", illnesses.text);
    let disciplines = integration
        .get(&format!("/api/v1/members/{id}/disciplines"))
        .await;
    assert!(
        !disciplines.text.contains("đạo đức"),
        "{}",
        disciplines.text
    );
    // The clerks see everything.
    let illnesses = admin.get(&format!("/api/v1/members/{id}/illnesses")).await;
    assert!(illnesses.text.contains("Ung thư"), "{}", illnesses.text);
    let events = admin.get(&format!("/api/v1/members/{id}/events")).await;
    assert!(events.text.contains("0987654321"), "{}", events.text);
}

#[actix_web::test]
async fn an_import_report_read_by_a_viewer_masks_the_values_it_quotes() {
    let app = TestApp::builder().today("2026-11-23").build().await;
    let admin = app.admin().await;
    let t = admin.create_tree("Hà Nam").await;
    // A CCCD that disagrees with the gender: the report quotes it.
    let csv = format!(
        "Họ và tên,Giới tính,Ngày sinh,Số CCCD,Dân tộc,Ngày quyết định kết nạp,Ngày kết nạp,Mã chi bộ\r\n\
         Nguyễn Thị Hoa,Nữ,10/05/1990,031090001234,Kinh,03/03/2025,20/03/2025,{}\r\n",
        t.cell
    );
    let res = admin
        .upload(
            "/api/v1/imports",
            &[("organization_id", &t.cell.to_string())],
            "a.csv",
            csv.as_bytes(),
        )
        .await;
    res.assert_status(202);
    let location = res.header("location").unwrap();
    let job = admin.finished_job(&location).await;
    assert!(job.to_string().contains("031090001234"), "{job}");
    let viewer = app.user("xem", "viewer", Some(t.province)).await;
    let seen = viewer.get(&location).await;
    seen.assert_status(200);
    assert!(!seen.text.contains("031090001234"), "{}", seen.text);
    assert!(seen.text.contains("********1234"), "{}", seen.text);
}
