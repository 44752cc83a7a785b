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
