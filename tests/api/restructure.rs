//! Restructures: move (split), merge, dissolve; history kept, invariant held.

use qldv_tests::{member_json, TestApp};
use serde_json::json;

#[actix_web::test]
async fn moving_a_commune_rewrites_its_subtree_and_members_in_one_step() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let p = admin.create_org("Tỉnh ủy", "province", None).await;
    let d1 = admin.create_org("Huyện ủy 1", "district", Some(p)).await;
    let d2 = admin.create_org("Huyện ủy 2", "district", Some(p)).await;
    let commune = admin.create_org("Đảng ủy xã", "commune", Some(d1)).await;
    let cell = admin.create_org("Chi bộ thôn", "cell", Some(commune)).await;
    let m = admin.create_member(member_json(cell, json!({}))).await;
    let org_d2 = app.user("huyen-2", "organizer", Some(d2)).await;
    org_d2
        .get(&format!("/api/v1/members/{m}"))
        .await
        .assert_problem(404, "not_found");

    let res = admin
        .post(
            &format!("/api/v1/organizations/{commune}/move"),
            json!({"new_parent_id": d2, "effective_on": "2025-07-01", "decision_no": "1234-QĐ/TU"}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["path"], format!("/{p}/{d2}/{commune}/"));
    let c = admin.get(&format!("/api/v1/organizations/{cell}")).await;
    assert_eq!(c.json["path"], format!("/{p}/{d2}/{commune}/{cell}/"));
    assert_eq!(c.json["depth"], 3);
    // The new district's organizer now sees the member; the invariant holds.
    org_d2
        .get(&format!("/api/v1/members/{m}"))
        .await
        .assert_status(200);
    app.assert_invariant();
    // No cycles.
    admin
        .post(
            &format!("/api/v1/organizations/{d2}/move"),
            json!({"new_parent_id": commune, "effective_on": "2025-07-01", "decision_no": "x"}),
        )
        .await
        .assert_problem(422, "cycle");
}

#[actix_web::test]
async fn merging_cells_moves_members_with_dated_memberships_and_closes_the_source() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let other = admin
        .create_org("Chi bộ thôn 2", "cell", Some(t.commune))
        .await;
    let m1 = admin.create_member(member_json(other, json!({}))).await;
    let m2 = admin
        .create_member(member_json(
            other,
            json!({"full_name": "Lê Thị Hoa", "gender": "female", "national_id": "031190001234"}),
        ))
        .await;
    let res = admin
        .post(
            &format!("/api/v1/organizations/{other}/merge"),
            json!({"into_id": t.cell, "effective_on": "2025-07-01", "decision_no": "88-QĐ/ĐU"}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["valid_to"], "2025-07-01");
    assert_eq!(res.json["successor_id"], t.cell);
    for m in [m1, m2] {
        let got = admin.get(&format!("/api/v1/members/{m}")).await;
        assert_eq!(got.json["organization_id"], t.cell);
        // Which cell on which day.
        let before = admin
            .get_all(
                &format!("/api/v1/members/{m}/memberships?on=2025-06-30"),
                50,
            )
            .await;
        assert_eq!(before[0]["organization_id"], other);
        let after = admin
            .get_all(
                &format!("/api/v1/members/{m}/memberships?on=2025-07-01"),
                50,
            )
            .await;
        assert_eq!(after[0]["organization_id"], t.cell);
    }
    app.assert_invariant();
    // A closed organisation takes no new members.
    let res = admin
        .post(
            "/api/v1/members",
            member_json(other, json!({"national_id": "031090009999"})),
        )
        .await;
    assert_eq!(res.json["errors"][0]["code"], "organization_closed");
}

#[actix_web::test]
async fn merging_communes_moves_their_cells() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let b_commune = admin
        .create_org("Đảng ủy xã B", "commune", Some(a.province))
        .await;
    let b_cell = admin.create_org("Chi bộ B", "cell", Some(b_commune)).await;
    admin.create_member(member_json(b_cell, json!({}))).await;
    admin
        .post(
            &format!("/api/v1/organizations/{b_commune}/merge"),
            json!({"into_id": a.commune, "effective_on": "2025-07-01", "decision_no": "1"}),
        )
        .await
        .assert_status(200);
    let cell = admin.get(&format!("/api/v1/organizations/{b_cell}")).await;
    assert_eq!(cell.json["parent_id"], a.commune);
    let children = admin
        .get(&format!("/api/v1/organizations?parent_id={}", a.commune))
        .await;
    assert_eq!(children.json["items"].as_array().unwrap().len(), 2);
    app.assert_invariant();
}

#[actix_web::test]
async fn only_empty_organisations_are_dissolved() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("A").await;
    let m = admin.create_member(member_json(t.cell, json!({}))).await;
    let body = json!({"effective_on": "2025-07-01", "decision_no": "1"});
    admin
        .post(
            &format!("/api/v1/organizations/{}/dissolve", t.cell),
            body.clone(),
        )
        .await
        .assert_problem(409, "not_empty");
    admin
        .post(
            &format!("/api/v1/organizations/{}/dissolve", t.commune),
            body.clone(),
        )
        .await
        .assert_problem(409, "not_empty");
    admin
        .post(
            &format!("/api/v1/members/{m}/exit"),
            json!({"reason": "deceased", "effective_on": "2025-06-01", "decision_no": "2"}),
        )
        .await
        .assert_status(200);
    admin
        .post(
            &format!("/api/v1/organizations/{}/dissolve", t.cell),
            body.clone(),
        )
        .await
        .assert_status(200);
    admin
        .post(
            &format!("/api/v1/organizations/{}/dissolve", t.commune),
            body,
        )
        .await
        .assert_status(200);
    app.assert_invariant();
}

#[actix_web::test]
async fn restructures_stay_inside_the_callers_scope() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let b = admin.create_tree("B").await;
    let org_a = app.user("to-chuc-a", "organizer", Some(a.province)).await;
    org_a
        .post(
            &format!("/api/v1/organizations/{}/move", a.commune),
            json!({"new_parent_id": b.province, "effective_on": "2025-07-01", "decision_no": "1"}),
        )
        .await
        .assert_problem(404, "not_found");
    org_a
        .post(
            &format!("/api/v1/organizations/{}/merge", b.cell),
            json!({"into_id": a.cell, "effective_on": "2025-07-01", "decision_no": "1"}),
        )
        .await
        .assert_problem(404, "not_found");
    org_a
        .post(
            &format!("/api/v1/organizations/{}/move", a.province),
            json!({"new_parent_id": a.commune, "effective_on": "2025-07-01", "decision_no": "1"}),
        )
        .await
        .assert_problem(403, "forbidden");
}
