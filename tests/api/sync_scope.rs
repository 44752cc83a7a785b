//! Sync packages and scope: a trusted key writes only inside the subtree it was trusted for,
//! and an export carries only what is in its subtree now.

use qldv::services::sync::Payload;
use qldv_tests::official_json;
use serde_json::{json, Value};

use crate::sync::{pair, Pair, Site};

/// The payload of a package file.
fn payload(package: &Value) -> Value {
    serde_json::from_str(package["payload"].as_str().unwrap()).unwrap()
}

/// `package` edited and signed again with `site`'s own key (one the receiver trusts): what a
/// sender holding a trusted key, or anyone who took it, can send.
fn forge(site: &Site, package: &Value, edit: impl FnOnce(&mut Value)) -> Value {
    let mut p = payload(package);
    edit(&mut p);
    let p: Payload = serde_json::from_value(p).unwrap();
    let key = site.app.state.sync_key.clone().unwrap();
    serde_json::from_slice(&key.seal(&p).unwrap()).unwrap()
}

/// The record of `entity` `id` in a payload.
fn record<'a>(p: &'a mut Value, entity: &str, id: i64) -> &'a mut Value {
    p["records"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["entity"] == entity && r["id"] == id)
        .unwrap_or_else(|| panic!("no {entity} {id} in the package"))
}

/// The commune's first package applied at the province; the commune's parent there.
async fn first_exchange(t: &Pair) -> i64 {
    let first = t.commune.export(t.commune_id, "0").await;
    t.province.import(&first).await.assert_status(200);
    t.province
        .get(&format!("/api/v1/organizations/{}", t.commune_id))
        .await["parent_id"]
        .as_i64()
        .unwrap()
}

fn bump(r: &mut Value, table: &str, version: i64) {
    r["version"] = json!(version);
    r["rows"][table][0]["version"] = json!(version);
}

#[actix_web::test]
async fn a_trusted_key_writes_only_inside_its_subtree_and_nothing_else_is_written() {
    let t = pair().await;
    let p = first_exchange(&t).await;
    // Another commune of the province, with a member, recorded at the province only.
    let other = t
        .province
        .admin
        .create_org("Đảng ủy xã Mãn Đức", "commune", Some(p))
        .await;
    let other_cell = t
        .province
        .admin
        .create_org("Chi bộ thôn Lũy Ải", "cell", Some(other))
        .await;
    let stranger = t
        .province
        .admin
        .create_member(official_json(
            other_cell,
            "Lê Văn Cường",
            1975,
            "2005-03-02",
            7,
        ))
        .await;
    let stranger_record = payload(&t.province.export(other, "0").await)["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["entity"] == "member" && r["id"] == stranger)
        .unwrap()
        .clone();

    let watched = [
        format!("/api/v1/organizations/{}", t.cell),
        format!("/api/v1/organizations/{other}/subtree"),
        format!("/api/v1/members/{stranger}"),
        format!("/api/v1/members/{stranger}/events"),
        format!("/api/v1/members/{}", t.members[0]),
        format!("/api/v1/members/{}", t.members[1]),
        "/api/v1/changes?limit=500".to_string(),
        "/api/v1/audit?limit=500".to_string(),
    ];
    let mut before = vec![];
    for path in &watched {
        before.push(t.province.get(path).await);
    }

    let package = t.commune.export(t.commune_id, "0").await;
    let (cell, m0, m1) = (t.cell, t.members[0], t.members[1]);
    let forged = [
        // The commune's cell made a root: path `/`, no parent.
        (
            "path /",
            "sync_outside_subtree",
            forge(&t.commune, &package, |p| {
                let r = record(p, "organization", cell);
                bump(r, "organizations", 2);
                r["rows"]["organizations"][0]["path"] = json!("/");
                r["rows"]["organizations"][0]["depth"] = json!(0);
                r["rows"]["organizations"][0]["parent_id"] = Value::Null;
            }),
        ),
        // Another commune's member re-parented into the commune's cell.
        (
            "re-parent",
            "sync_outside_subtree",
            forge(&t.commune, &package, |p| {
                let mut r = stranger_record.clone();
                bump(&mut r, "members", 2);
                let m = &mut r["rows"]["members"][0];
                m["organization_id"] = json!(cell);
                m["org_path"] = json!("/");
                for period in r["rows"]["memberships"].as_array_mut().unwrap() {
                    period["organization_id"] = json!(cell);
                }
                p["records"].as_array_mut().unwrap().push(r);
            }),
        ),
        // A row of another commune's member smuggled in with one of the commune's members.
        (
            "child row",
            "sync_outside_subtree",
            forge(&t.commune, &package, |p| {
                let mut period = stranger_record["rows"]["memberships"][0].clone();
                period["member_id"] = json!(m0);
                period["organization_id"] = json!(cell);
                let r = record(p, "member", m0);
                bump(r, "members", 3);
                r["rows"]["memberships"]
                    .as_array_mut()
                    .unwrap()
                    .push(period);
            }),
        ),
        // A version no later package could ever pass.
        (
            "version 9e18",
            "sync_version_jump",
            forge(&t.commune, &package, |p| {
                let r = record(p, "member", m1);
                bump(r, "members", 9_000_000_000_000_000_000);
                r["rows"]["members"][0]["phone"] = json!("0999999999");
            }),
        ),
        // A package of another subtree than the key was trusted for.
        (
            "other subtree",
            "sync_outside_subtree",
            forge(&t.commune, &package, |p| {
                p["organization_id"] = json!(other);
            }),
        ),
    ];
    let mut accepted = vec![];
    for (what, code, package) in &forged {
        let res = t.province.import(package).await;
        if res.status != 422 || res.json["code"] != *code {
            accepted.push(format!("{what}: {} {}", res.status, res.text));
        }
    }
    assert!(accepted.is_empty(), "not refused:\n{}", accepted.join("\n"));
    for (path, was) in watched.iter().zip(&before) {
        assert_eq!(&t.province.get(path).await, was, "{path} changed");
    }
    t.province.app.assert_invariant();
}

#[actix_web::test]
async fn the_receiver_recomputes_paths_and_audits_each_record_it_writes() {
    let t = pair().await;
    let package = t.commune.export(t.commune_id, "0").await;
    let (cell, m0) = (t.cell, t.members[0]);
    // A path that disagrees with the parent is not taken: the receiver places the cell itself.
    let forged = forge(&t.commune, &package, |p| {
        let r = record(p, "organization", cell);
        r["rows"]["organizations"][0]["path"] = json!("/");
        let m = record(p, "member", m0);
        m["rows"]["members"][0]["org_path"] = json!("/");
    });
    let report = t.province.import(&forged).await;
    report.assert_status(200);
    assert_eq!(report.json["applied"], 3, "{}", report.text);
    let here = t
        .province
        .get(&format!("/api/v1/organizations/{cell}"))
        .await;
    let there = t
        .commune
        .get(&format!("/api/v1/organizations/{cell}"))
        .await;
    assert_eq!(here["path"], there["path"], "{here}");
    t.province.app.assert_invariant();
    let audit = t
        .province
        .get(&format!("/api/v1/audit?entity=member&entity_id={m0}"))
        .await;
    assert!(
        audit["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "sync_apply"),
        "{audit}"
    );
}

#[actix_web::test]
async fn trusting_a_key_takes_a_national_administrator_and_an_organisation() {
    use diesel::RunQueryDsl;
    let t = pair().await;
    let key = t.commune.key().await;
    let p = t
        .province
        .get(&format!("/api/v1/organizations/{}", t.commune_id))
        .await["parent_id"]
        .as_i64()
        .unwrap();
    t.province
        .admin
        .post(
            "/api/v1/sync/trusted-keys",
            json!({"public_key": key, "name": "x"}),
        )
        .await
        .assert_problem(422, "validation_failed");
    let scoped = t.province.app.user("tinh", "admin", Some(p)).await;
    scoped
        .post(
            "/api/v1/sync/trusted-keys",
            json!({"public_key": key, "name": "x", "organization_id": t.commune_id}),
        )
        .await
        .assert_status(403);
    let listed = t
        .province
        .admin
        .get_all("/api/v1/sync/trusted-keys", 50)
        .await;
    assert_eq!(listed[0]["organization_id"], t.commune_id, "{listed:?}");
    let audit = t.province.get("/api/v1/audit?entity=sync_key").await;
    assert!(
        audit["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "sync_trust"),
        "{audit}"
    );

    // A key trusted before keys were bound to an organisation is refused until trusted again.
    let mut conn = t.province.app.state.pool.get().unwrap();
    diesel::sql_query("UPDATE sync_trusted_keys SET organization_id = NULL")
        .execute(&mut conn)
        .unwrap();
    drop(conn);
    let package = t.commune.export(t.commune_id, "0").await;
    t.province
        .import(&package)
        .await
        .assert_problem(422, "sync_key_unbound");
}

#[actix_web::test]
async fn an_export_carries_only_what_is_in_the_subtree_now() {
    let site = Site::new(0).await;
    let admin = &site.admin;
    let p = admin.create_org("Tỉnh ủy Hòa Bình", "province", None).await;
    let mut communes = vec![];
    for name in ["Tân Lạc", "Mãn Đức"] {
        let c = admin
            .create_org(&format!("Đảng ủy xã {name}"), "commune", Some(p))
            .await;
        let cell = admin
            .create_org(&format!("Chi bộ thôn {name}"), "cell", Some(c))
            .await;
        communes.push((c, cell));
    }
    let [(a, _), (b, b_cell)] = communes[..] else {
        unreachable!()
    };
    let m = admin
        .create_member(official_json(
            communes[0].1,
            "Nguyễn Văn An",
            1980,
            "2012-03-02",
            1,
        ))
        .await;
    let has = |package: &Value, entity: &str, id: i64| {
        payload(package)["records"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["entity"] == entity && r["id"] == id)
    };
    let transfer = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": m, "to_organization_id": b_cell, "kind": "official",
                   "issued_on": "2024-06-01", "reason": "Chuyển công tác"}),
        )
        .await;
    transfer.assert_status(201);
    let transfer = transfer.id();
    // Up to the move both sides see the transfer; the member is still the sender's.
    let pending = site.export(a, "0").await;
    assert!(has(&pending, "member", m) && has(&pending, "transfer", transfer));
    assert!(has(&site.export(b, "0").await, "transfer", transfer));
    let cursor = payload(&pending)["until"].as_i64().unwrap().to_string();

    admin
        .post(
            &format!("/api/v1/transfers/{transfer}/accept"),
            json!({"received_on": "2024-06-10"}),
        )
        .await
        .assert_status(200);
    // At the receiver: a new address and a discipline.
    let res = admin.get(&format!("/api/v1/members/{m}")).await;
    let etag = res.header("etag").unwrap();
    admin
        .patch(
            &format!("/api/v1/members/{m}"),
            json!({"current_address": "Số 5 phố Mới, xã Mãn Đức"}),
            Some(&etag),
        )
        .await
        .assert_status(200);
    admin
        .post(
            &format!("/api/v1/members/{m}/disciplines"),
            json!({"form": "reprimand", "decided_on": "2024-09-02",
                   "decision_no": "5-QĐ/UBKT", "reason": "Vi phạm quy định sinh hoạt"}),
        )
        .await
        .assert_status(201);

    for since in ["0", cursor.as_str()] {
        let package = site.export(a, since).await;
        let text = package["payload"].as_str().unwrap();
        assert!(
            !has(&package, "member", m),
            "since {since}: the member left"
        );
        assert!(
            !has(&package, "transfer", transfer),
            "since {since}: after the move only the receiver"
        );
        assert!(!text.contains("Số 5 phố Mới"), "since {since}: {text}");
        assert!(!text.contains("5-QĐ/UBKT"), "since {since}: {text}");
    }
    let receiver = site.export(b, "0").await;
    assert!(has(&receiver, "member", m) && has(&receiver, "transfer", transfer));
    assert!(receiver["payload"]
        .as_str()
        .unwrap()
        .contains("Số 5 phố Mới"));

    // The sender's change feed stops at the move as well.
    let feed = site.app.user("xa_tich_hop", "integration", Some(a)).await;
    let changes = feed.get("/api/v1/changes?limit=500").await;
    changes.assert_status(200);
    assert!(!changes.text.contains("Số 5 phố Mới"), "{}", changes.text);
    assert!(!changes.text.contains("5-QĐ/UBKT"), "{}", changes.text);
}

#[actix_web::test]
async fn a_record_breaking_the_domains_invariants_is_reported_not_written() {
    let t = pair().await;
    first_exchange(&t).await;
    let (cell, m0, m1) = (t.cell, t.members[0], t.members[1]);
    let before = [
        t.province.get(&format!("/api/v1/members/{m0}")).await,
        t.province.get(&format!("/api/v1/members/{m1}")).await,
    ];
    let package = t.commune.export(t.commune_id, "0").await;
    let forged = forge(&t.commune, &package, |p| {
        // Two cells at once: a second open period.
        let r = record(p, "member", m0);
        bump(r, "members", 3);
        let mut second = r["rows"]["memberships"][0].clone();
        second["id"] = json!(1_000_000_000_999_i64);
        second["organization_id"] = json!(cell);
        second["to_on"] = Value::Null;
        r["rows"]["memberships"]
            .as_array_mut()
            .unwrap()
            .push(second);
        // The ceremony before the admission decision.
        let r = record(p, "member", m1);
        bump(r, "members", 2);
        r["rows"]["members"][0]["ceremony_on"] = json!("2001-01-01");
    });
    let report = t.province.import(&forged).await;
    report.assert_status(200);
    assert_eq!(report.json["applied"], 0, "{}", report.text);
    let mut codes: Vec<(i64, String)> = report.json["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_i64().unwrap(),
                c["code"].as_str().unwrap().into(),
            )
        })
        .collect();
    codes.sort();
    assert_eq!(
        codes,
        vec![
            (m0, "membership_invariant".to_string()),
            (m1, "date_order".to_string())
        ]
    );
    assert_eq!(
        [
            t.province.get(&format!("/api/v1/members/{m0}")).await,
            t.province.get(&format!("/api/v1/members/{m1}")).await,
        ],
        before
    );
    t.province.app.assert_invariant();
}

#[actix_web::test]
async fn the_organisation_a_key_speaks_for_keeps_its_place_here() {
    let t = pair().await;
    let path = format!("/api/v1/organizations/{}", t.commune_id);
    let before = t.province.get(&path).await;
    let package = t.commune.export(t.commune_id, "0").await;
    let commune = t.commune_id;
    // The sender hangs the commune elsewhere (a root on its own server, say).
    let forged = forge(&t.commune, &package, |p| {
        let r = record(p, "organization", commune);
        bump(r, "organizations", 2);
        r["rows"]["organizations"][0]["parent_id"] = Value::Null;
        r["rows"]["organizations"][0]["name"] = json!("Đảng ủy xã Tân Lạc (mới)");
    });
    let report = t.province.import(&forged).await;
    report.assert_status(200);
    let after = t.province.get(&path).await;
    assert_eq!(after["name"], "Đảng ủy xã Tân Lạc (mới)");
    assert_eq!(after["parent_id"], before["parent_id"], "{after}");
    assert_eq!(after["path"], before["path"], "{after}");
    t.province.app.assert_invariant();
}

#[actix_web::test]
async fn a_scoped_administrator_applies_only_packages_of_its_own_subtree() {
    let t = pair().await;
    let p = t
        .province
        .get(&format!("/api/v1/organizations/{}", t.commune_id))
        .await["parent_id"]
        .as_i64()
        .unwrap();
    let other = t
        .province
        .admin
        .create_org("Đảng ủy xã Mãn Đức", "commune", Some(p))
        .await;
    let package = t.commune.export(t.commune_id, "0").await;
    let elsewhere = t.province.app.user("xa_khac", "admin", Some(other)).await;
    elsewhere
        .post("/api/v1/sync/import", package.clone())
        .await
        .assert_status(403);
    t.province
        .admin
        .get(&format!("/api/v1/members/{}", t.members[0]))
        .await
        .assert_status(404);
    let own = t
        .province
        .app
        .user("xa_nay", "admin", Some(t.commune_id))
        .await;
    own.post("/api/v1/sync/import", package)
        .await
        .assert_status(200);
}

/// The organisations a package refers to and the receiver lacks are created only where the
/// records need them: a package cannot make up a new root, nor an organisation no record names.
#[actix_web::test]
async fn a_package_cannot_make_up_organisations_no_record_needs() {
    let t = pair().await;
    let p = first_exchange(&t).await;
    let package = t.commune.export(t.commune_id, "0").await;
    let forged = forge(&t.commune, &package, |pl| {
        let context = pl["context"].as_array_mut().unwrap();
        let template = context[0].clone();
        for (id, parent, name) in [
            (987_654, Value::Null, "Tỉnh ủy ma"),
            (987_655, json!(p), "Chi bộ ma"),
        ] {
            let mut row = template.clone();
            row["id"] = json!(id);
            row["parent_id"] = parent;
            row["name"] = json!(name);
            row["version"] = json!(1);
            context.push(row);
        }
    });
    let res = t.province.import(&forged).await;
    assert!(res.status.as_u16() < 500, "{}", res.text);
    for id in [987_654, 987_655] {
        t.province
            .admin
            .get(&format!("/api/v1/organizations/{id}"))
            .await
            .assert_problem(404, "not_found");
    }
}
