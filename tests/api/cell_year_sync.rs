//! The cell's year in sync packages (issue 23; docs/rules.md, "Sync packages: the cell's year"): a package exported by the commune's
//! installation recreates its cells' meetings and attendance, duties and reviews, residence
//! liaisons and comments, dues entries and payments at the province's, which then settles the
//! dues itself; applying it again changes nothing; a package of the older format still applies.

use qldv::services::sync::{Envelope, Payload};
use serde_json::{json, Value};

use crate::sync::{pair_on, Pair, Site};

const TODAY: &str = "2026-11-23";

/// What the cell's year reads like at an installation: every screen and report the test
/// compares between the two.
async fn reading(
    site: &Site,
    t: &Pair,
    meetings: &[i64],
    liaison: i64,
    residence: i64,
) -> Vec<Value> {
    let (cell, commune) = (t.cell, t.commune_id);
    let mut paths = vec![
        format!("/api/v1/organizations/{cell}/meetings?year=2026"),
        format!("/api/v1/organizations/{cell}/duties"),
        format!("/api/v1/organizations/{cell}/dues-sheet?month=2026-10"),
        format!("/api/v1/organizations/{cell}/dues-sheet?month=2026-11"),
        format!("/api/v1/reports/meetings?organization_id={commune}&year=2026"),
        format!("/api/v1/reports/duties?organization_id={commune}&year=2026"),
        format!("/api/v1/reports/dues?organization_id={commune}&from=2026-01-01&to=2026-11-30"),
        format!("/api/v1/organizations/{residence}/liaison-members"),
        format!("/api/v1/organizations/{cell}/liaison-comments?year=2026"),
        format!("/api/v1/liaisons/{liaison}"),
    ];
    paths.extend(meetings.iter().map(|m| format!("/api/v1/meetings/{m}")));
    for m in &t.members {
        paths.push(format!("/api/v1/members/{m}/dues?year=2026"));
        paths.push(format!("/api/v1/members/{m}/duties?year=2026"));
        paths.push(format!("/api/v1/members/{m}/liaisons"));
    }
    let mut out = Vec::new();
    for p in paths {
        let res = site.admin.get(&p).await;
        // A GET the build lacks answers the same at both ends: compare its status then.
        let mut body = res.json;
        timeless(&mut body);
        out.push(json!({"path": p, "status": res.status.as_u16(), "body": body}));
    }
    out
}

/// Drops what differs between two reads of the same data: when a report was produced, the
/// request's id.
fn timeless(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.remove("produced_at");
            m.remove("request_id");
            m.values_mut().for_each(timeless);
        }
        Value::Array(a) => a.iter_mut().for_each(timeless),
        _ => {}
    }
}

/// The commune records a cell's year: two meetings, duties reviewed at the second, dues bases
/// and two monthly sheets, a residence liaison with the residence cell's comment. Returns the
/// meetings, the liaison and the residence cell.
async fn record_year(t: &Pair) -> (Vec<i64>, i64, i64) {
    let admin = &t.commune.admin;
    let (a, b) = (t.members[0], t.members[1]);
    let mut meetings = Vec::new();
    for (on, second) in [
        ("2026-10-08", json!({"member_id": b, "value": "present"})),
        (
            "2026-11-05",
            json!({"member_id": b, "value": "excused", "reason": "Đi công tác"}),
        ),
    ] {
        let res = admin
            .post(
                &format!("/api/v1/organizations/{}/meetings", t.cell),
                json!({"kind": "regular", "held_on": on, "agenda": "Sinh hoạt chi bộ thường kỳ",
                       "resolution": "Thông qua", "attendance": [
                           {"member_id": a, "value": "present"}, second]}),
            )
            .await;
        assert_eq!(res.status.as_u16(), 201, "{}", res.text);
        meetings.push(res.id());
    }
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/duties", t.cell),
            json!({"assigned_on": "2026-10-08", "meeting_id": meetings[0], "duties": [
                {"member_id": a, "description": "Phụ trách tổ dân cư số 3", "due_by": "2026-12-31"},
                {"member_id": b, "description": "Theo dõi đảng phí"}]}),
        )
        .await;
    res.assert_status(201);
    let duty = res.json[0]["id"].as_i64().unwrap();
    admin
        .post(
            &format!("/api/v1/meetings/{}/reviews", meetings[1]),
            json!({"reviews": [{"duty_id": duty, "result": "exceeded"}]}),
        )
        .await
        .assert_status(200);
    for (m, base) in [(a, 8_000_000), (b, 6_500_000)] {
        admin
            .put(
                &format!("/api/v1/members/{m}/dues-basis"),
                json!({"from_on": "2026-01-01", "category": "social_insurance_salary", "base": base}),
                None,
            )
            .await
            .assert_status(200);
    }
    admin
        .post(
            &format!("/api/v1/members/{b}/dues-reliefs"),
            json!({"kind": "reduction", "from_month": "2026-09", "to_month": "2026-10",
                   "percent": 50, "application_no": "ĐĐ-03", "decided_on": "2026-08-20"}),
        )
        .await
        .assert_status(201);
    admin
        .put(
            &format!("/api/v1/organizations/{}/dues-sheet/2026-10", t.cell),
            json!({"paid_on": "2026-10-08", "payments": [
                {"member_id": a, "amount": 80_000, "channel": "cash", "receipt_no": "PT-10"}]}),
            None,
        )
        .await
        .assert_status(200);
    admin
        .put(
            &format!("/api/v1/organizations/{}/dues-sheet/2026-11", t.cell),
            json!({"paid_on": "2026-11-05", "payments": [
                {"member_id": a, "amount": 160_000, "channel": "public_service_portal"}]}),
            None,
        )
        .await
        .assert_status(200);
    let residence = admin
        .create_org("Chi bộ khu dân cư số 2", "cell", Some(t.commune_id))
        .await;
    let res = admin
        .post(
            &format!("/api/v1/members/{a}/liaisons"),
            json!({"residence_org_id": residence, "mode": "regular",
                   "introduced_on": "2026-02-01", "introduction_no": "12-GGT/CB"}),
        )
        .await;
    res.assert_status(201);
    let liaison = res.id();
    admin
        .put(
            &format!("/api/v1/liaisons/{liaison}/comments/2026"),
            json!({"text": "Gương mẫu ở khu dân cư"}),
            None,
        )
        .await
        .assert_status(200);
    (meetings, liaison, residence)
}

fn payload_of(package: &Value) -> Value {
    serde_json::from_str(package["payload"].as_str().unwrap()).unwrap()
}

#[actix_web::test]
async fn a_package_recreates_the_cells_year_and_applying_it_again_changes_nothing() {
    let t = pair_on(Some(TODAY)).await;
    let (meetings, liaison, residence) = record_year(&t).await;
    let package = t.commune.export(t.commune_id, "0").await;
    assert_eq!(package["format"], "qldv-sync/2");
    let payload = payload_of(&package);
    let cy = &payload["cell_year"];
    assert_eq!(cy["meetings"].as_array().unwrap().len(), 2);
    assert_eq!(cy["meetings"][1]["attendance"].as_array().unwrap().len(), 2);
    assert!(
        !cy.to_string().contains("entered_by"),
        "users are local to an installation: {cy}"
    );
    // The derived rows never travel.
    assert!(!cy.to_string().contains("\"due\""));

    let report = t.province.import(&package).await;
    report.assert_status(200);
    assert_eq!(report.json["conflicts"], json!([]), "{}", report.text);
    let at_commune = reading(&t.commune, &t, &meetings, liaison, residence).await;
    let at_province = reading(&t.province, &t, &meetings, liaison, residence).await;
    for (a, b) in at_commune.iter().zip(&at_province) {
        assert_eq!(a, b);
    }
    let dues = &at_province[6]["body"];
    assert_eq!(at_province[6]["status"], 200, "{dues}");

    // The same package again: nothing.
    let again = t.province.import(&package).await;
    again.assert_status(200);
    assert_eq!(again.json["already_applied"], true);
    // A later package carries the same year: every set unchanged, nothing written or audited.
    let trail = t.province.get("/api/v1/audit?limit=500").await;
    let since = report.json["until"].as_str().unwrap().to_string();
    let later = t.commune.export(t.commune_id, &since).await;
    let res = t.province.import(&later).await;
    res.assert_status(200);
    assert_eq!(res.json["applied"], 0, "{}", res.text);
    assert_eq!(res.json["conflicts"], json!([]));
    assert!(res.json["unchanged"].as_i64().unwrap() >= 6, "{}", res.text);
    let trail_after = t.province.get("/api/v1/audit?limit=500").await;
    let applied = |v: &Value| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "sync_apply")
            .count()
    };
    assert_eq!(applied(&trail), applied(&trail_after));
    assert_eq!(
        at_province,
        reading(&t.province, &t, &meetings, liaison, residence).await
    );

    // A corrected sheet and a corrected attendance travel, and replace what was held.
    let admin = &t.commune.admin;
    admin
        .put(
            &format!("/api/v1/organizations/{}/dues-sheet/2026-10", t.cell),
            json!({"paid_on": "2026-10-09", "payments": [
                {"member_id": t.members[1], "amount": 32_500, "channel": "cash"}]}),
            None,
        )
        .await
        .assert_status(200);
    admin
        .put(
            &format!("/api/v1/meetings/{}/attendance", meetings[0]),
            json!({"attendance": [
                {"member_id": t.members[0], "value": "present"},
                {"member_id": t.members[1], "value": "absent"}]}),
            None,
        )
        .await
        .assert_status(200);
    let since = res.json["until"].as_str().unwrap().to_string();
    let next = t.commune.export(t.commune_id, &since).await;
    let res = t.province.import(&next).await;
    res.assert_status(200);
    assert_eq!(res.json["conflicts"], json!([]), "{}", res.text);
    assert_eq!(
        res.json["applied"], 2,
        "the sheet and the meeting: {}",
        res.text
    );
    assert_eq!(
        reading(&t.commune, &t, &meetings, liaison, residence).await,
        reading(&t.province, &t, &meetings, liaison, residence).await
    );
    t.province.app.assert_invariant();
}

#[actix_web::test]
async fn the_residence_end_sends_its_comments_and_never_the_dossier() {
    let t = pair_on(Some(TODAY)).await;
    let (meetings, liaison, residence) = record_year(&t).await;
    let first = t.commune.export(t.commune_id, "0").await;
    t.province.import(&first).await.assert_status(200);
    // The residence cell writes again; its own subtree's package carries the comment only.
    t.commune
        .admin
        .put(
            &format!("/api/v1/liaisons/{liaison}/comments/2026"),
            json!({"text": "Gương mẫu, tích cực tham gia phong trào khu dân cư"}),
            None,
        )
        .await
        .assert_status(200);
    let package = t.commune.export(residence, "0").await;
    let payload = payload_of(&package);
    let cy = &payload["cell_year"];
    assert_eq!(cy["liaisons"], json!([]));
    assert_eq!(cy["dues"], json!([]));
    assert_eq!(cy["residence_comments"].as_array().unwrap().len(), 1);
    let mut keys: Vec<&String> = cy["residence_comments"][0]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    keys.sort();
    assert_eq!(keys, ["liaison_id", "text", "written_at", "year"]);
    let text = payload.to_string();
    assert!(
        !text.contains("Nguyễn Văn An") && !text.contains("\"members\""),
        "no dossier of the liaison member: {text}"
    );
    let res = t.province.import(&package).await;
    res.assert_status(200);
    assert_eq!(res.json["conflicts"], json!([]), "{}", res.text);
    assert_eq!(
        reading(&t.commune, &t, &meetings, liaison, residence).await,
        reading(&t.province, &t, &meetings, liaison, residence).await
    );
}

#[actix_web::test]
async fn a_package_of_the_older_format_still_applies() {
    let t = pair_on(Some(TODAY)).await;
    let (meetings, _, _) = record_year(&t).await;
    let package = t.commune.export(t.commune_id, "0").await;
    // As a sender of format 1 makes it: no cell's year, signed by the same key.
    let mut payload: Payload = serde_json::from_str(package["payload"].as_str().unwrap()).unwrap();
    payload.format = "qldv-sync/1".into();
    payload.cell_year = None;
    let key = t.commune.app.state.sync_key.clone().unwrap();
    let mut envelope: Envelope = serde_json::from_slice(&key.seal(&payload).unwrap()).unwrap();
    envelope.format = "qldv-sync/1".into();
    let res = t
        .province
        .import(&serde_json::to_value(&envelope).unwrap())
        .await;
    res.assert_status(200);
    assert_eq!(res.json["conflicts"], json!([]), "{}", res.text);
    assert!(res.json["applied"].as_i64().unwrap() >= 3, "{}", res.text);
    // The members arrived; the cell's year did not travel.
    let m = t
        .province
        .get(&format!("/api/v1/members/{}", t.members[0]))
        .await;
    assert_eq!(m["full_name"], "Nguyễn Văn An");
    let res = t
        .province
        .admin
        .get(&format!("/api/v1/meetings/{}", meetings[0]))
        .await;
    res.assert_status(404);
}

#[actix_web::test]
async fn a_set_placed_outside_the_keys_subtree_refuses_the_whole_package() {
    let t = pair_on(Some(TODAY)).await;
    let (meetings, _, _) = record_year(&t).await;
    let package = t.commune.export(t.commune_id, "0").await;
    let province_org = t
        .province
        .get(&format!("/api/v1/organizations/{}", t.commune_id))
        .await["parent_id"]
        .as_i64()
        .unwrap();
    // The commune's key signs a meeting of the province's own committee.
    let mut payload: Payload = serde_json::from_str(package["payload"].as_str().unwrap()).unwrap();
    let cell_year = payload.cell_year.as_mut().unwrap();
    cell_year.meetings[0]
        .meeting
        .insert("organization_id".into(), json!(province_org));
    let key = t.commune.app.state.sync_key.clone().unwrap();
    let forged: Value = serde_json::from_slice(&key.seal(&payload).unwrap()).unwrap();
    let res = t.province.import(&forged).await;
    res.assert_problem(422, "sync_outside_subtree");
    for m in &meetings {
        t.province
            .admin
            .get(&format!("/api/v1/meetings/{m}"))
            .await
            .assert_status(404);
    }
    let members = t
        .province
        .admin
        .get(&format!("/api/v1/members/{}", t.members[0]))
        .await;
    members.assert_status(404);
}

#[actix_web::test]
async fn a_dues_row_held_here_under_another_member_is_never_taken_over() {
    let t = pair_on(Some(TODAY)).await;
    record_year(&t).await;
    // The province's own member elsewhere, with a basis.
    let province_org = t
        .province
        .get(&format!("/api/v1/organizations/{}", t.commune_id))
        .await["parent_id"]
        .as_i64()
        .unwrap();
    let admin = &t.province.admin;
    let other = admin
        .create_org("Đảng ủy xã Mường Khến", "commune", Some(province_org))
        .await;
    let cell = admin
        .create_org("Chi bộ xóm Bưa", "cell", Some(other))
        .await;
    let x = admin
        .create_member(qldv_tests::official_json(
            cell,
            "Đinh Văn Xuân",
            1975,
            "2005-05-05",
            9,
        ))
        .await;
    admin
        .put(
            &format!("/api/v1/members/{x}/dues-basis"),
            json!({"from_on": "2026-01-01", "category": "pension", "base": 5_000_000}),
            None,
        )
        .await
        .assert_status(200);
    let held = t
        .province
        .get(&format!("/api/v1/members/{x}/dues?year=2026"))
        .await;
    let basis_id = held["bases"][0]["id"].as_i64().unwrap();
    // The commune's key signs its member's basis under that id.
    let package = t.commune.export(t.commune_id, "0").await;
    let mut payload: Payload = serde_json::from_str(package["payload"].as_str().unwrap()).unwrap();
    let dues = &mut payload.cell_year.as_mut().unwrap().dues;
    let bases = dues[0].bases.as_mut().unwrap();
    bases[0].insert("id".into(), json!(basis_id));
    let key = t.commune.app.state.sync_key.clone().unwrap();
    let forged: Value = serde_json::from_slice(&key.seal(&payload).unwrap()).unwrap();
    let res = t.province.import(&forged).await;
    res.assert_problem(422, "sync_outside_subtree");
    assert_eq!(
        t.province
            .get(&format!("/api/v1/members/{x}/dues?year=2026"))
            .await,
        held
    );
}
