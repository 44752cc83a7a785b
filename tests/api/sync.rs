//! Sync packages between installations: a commune's server and its province's, each over its
//! own database.

use qldv::db::rows::reserve_id_block;
use qldv::services::sync::ID_TABLES;
use qldv_tests::{official_json, Client, TestApp};
use serde_json::{json, Value};

/// An installation: the app and its signed-in administrator.
pub(crate) struct Site {
    pub(crate) app: TestApp,
    pub(crate) admin: Client,
}

impl Site {
    pub(crate) async fn new(id_block: i64) -> Self {
        Self::on(id_block, None).await
    }

    /// An installation whose "today" is fixed (dues are settled to it).
    pub(crate) async fn on(id_block: i64, today: Option<&str>) -> Self {
        let app = match today {
            Some(d) => TestApp::builder().today(d).build().await,
            None => TestApp::new().await,
        };
        let mut conn = app.state.pool.get().unwrap();
        reserve_id_block(&mut conn, ID_TABLES, id_block).unwrap();
        drop(conn);
        let admin = app.admin().await;
        Self { app, admin }
    }

    pub(crate) async fn key(&self) -> String {
        let res = self.admin.get("/api/v1/sync/key").await;
        res.assert_status(200);
        res.json["public_key"].as_str().unwrap().to_string()
    }

    /// Trusts `other`'s key for the subtree of `org`.
    pub(crate) async fn trust(&self, other: &Site, name: &str, org: i64) {
        self.admin
            .post(
                "/api/v1/sync/trusted-keys",
                json!({"public_key": other.key().await, "name": name, "organization_id": org}),
            )
            .await
            .assert_status(201);
    }

    pub(crate) async fn export(&self, org: i64, since: &str) -> Value {
        let res = self
            .admin
            .get(&format!(
                "/api/v1/sync/export?organization_id={org}&since={since}"
            ))
            .await;
        res.assert_status(200);
        res.json
    }

    pub(crate) async fn import(&self, package: &Value) -> qldv_tests::Response {
        self.admin
            .post("/api/v1/sync/import", package.clone())
            .await
    }

    pub(crate) async fn get(&self, path: &str) -> Value {
        let res = self.admin.get(path).await;
        res.assert_status(200);
        res.json
    }
}

/// A province installation that set up a commune, and the commune's own installation that
/// received the commune from it and then recorded a cell and two members.
pub(crate) struct Pair {
    pub(crate) province: Site,
    pub(crate) commune: Site,
    pub(crate) commune_id: i64,
    pub(crate) cell: i64,
    pub(crate) members: Vec<i64>,
}

pub(crate) async fn pair() -> Pair {
    pair_on(None).await
}

/// [`pair`] with both installations' "today" fixed.
pub(crate) async fn pair_on(today: Option<&str>) -> Pair {
    let province = Site::on(0, today).await;
    let commune = Site::on(1, today).await;
    let p = province
        .admin
        .create_org("Tỉnh ủy Hòa Bình", "province", None)
        .await;
    let commune_id = province
        .admin
        .create_org("Đảng ủy xã Tân Lạc", "commune", Some(p))
        .await;
    // The commune's installation starts from the province's package of its subtree.
    commune
        .trust(&province, "Tỉnh ủy Hòa Bình", commune_id)
        .await;
    let first = province.export(commune_id, "0").await;
    let report = commune.import(&first).await;
    report.assert_status(200);
    assert_eq!(report.json["applied"], 1);
    let cell = commune
        .admin
        .create_org("Chi bộ thôn Đồng Bãi", "cell", Some(commune_id))
        .await;
    assert!(
        cell >= 1_000_000_000_000,
        "ids from the commune block: {cell}"
    );
    let mut members = vec![];
    for (n, (name, born)) in [("Nguyễn Văn An", 1980), ("Trần Thị Bình", 1985)]
        .into_iter()
        .enumerate()
    {
        let mut body = official_json(cell, name, born, "2012-03-02", u32::try_from(n).unwrap());
        if n == 1 {
            body["gender"] = json!("female");
            body["national_id"] = json!("031185000001");
        }
        members.push(commune.admin.create_member(body).await);
    }
    commune
        .admin
        .patch(
            &format!("/api/v1/members/{}", members[0]),
            json!({"phone": "0912345678", "hometown": "Xã Tân Lạc, tỉnh Hòa Bình"}),
            Some("\"1\""),
        )
        .await
        .assert_status(200);
    province
        .trust(&commune, "Đảng ủy xã Tân Lạc", commune_id)
        .await;
    Pair {
        province,
        commune,
        commune_id,
        cell,
        members,
    }
}

#[actix_web::test]
async fn a_package_from_the_commune_leaves_the_province_with_identical_records() {
    let t = pair().await;
    let package = t.commune.export(t.commune_id, "0").await;
    let report = t.province.import(&package).await;
    report.assert_status(200);
    assert_eq!(report.json["applied"], 3, "the cell and two members");
    assert_eq!(report.json["unchanged"], 1, "the commune itself");
    assert_eq!(report.json["conflicts"], json!([]));
    assert_eq!(report.json["already_applied"], false);

    for path in [
        format!("/api/v1/organizations/{}", t.cell),
        format!("/api/v1/members/{}", t.members[0]),
        format!("/api/v1/members/{}", t.members[1]),
        format!("/api/v1/members/{}/events", t.members[0]),
        format!("/api/v1/members?organization_id={}", t.commune_id),
    ] {
        assert_eq!(
            t.province.get(&path).await,
            t.commune.get(&path).await,
            "{path}"
        );
    }
    // The province's own feed now carries what arrived, for its integrators.
    let feed = t.province.get("/api/v1/changes?limit=500").await;
    assert!(feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == t.members[0] && c["operation"] == "sync"));
    t.province.app.assert_invariant();
}

#[actix_web::test]
async fn a_replayed_package_changes_nothing() {
    let t = pair().await;
    let package = t.commune.export(t.commune_id, "0").await;
    t.province.import(&package).await.assert_status(200);
    let feed = t.province.get("/api/v1/changes?limit=500").await;
    let again = t.province.import(&package).await;
    again.assert_status(200);
    assert_eq!(again.json["already_applied"], true);
    assert_eq!(
        t.province.get("/api/v1/changes?limit=500").await,
        feed,
        "no change published"
    );
}

#[actix_web::test]
async fn a_tampered_or_untrusted_package_is_refused_and_changes_nothing() {
    let t = pair().await;
    let package = t.commune.export(t.commune_id, "0").await;
    let mut tampered = package.clone();
    let text = tampered["payload"]
        .as_str()
        .unwrap()
        .replace("0912345678", "0999999999");
    tampered["payload"] = json!(text);
    t.province
        .import(&tampered)
        .await
        .assert_problem(422, "sync_signature_invalid");

    let stranger = Site::new(2).await;
    let s = stranger
        .admin
        .create_org("Tỉnh ủy Sơn La", "province", None)
        .await;
    let foreign = stranger.export(s, "0").await;
    t.province
        .import(&foreign)
        .await
        .assert_problem(422, "sync_key_untrusted");
    t.province
        .admin
        .get(&format!("/api/v1/members/{}", t.members[0]))
        .await
        .assert_status(404);
}

#[actix_web::test]
async fn a_record_edited_at_both_levels_is_reported_not_overwritten() {
    let t = pair().await;
    let first = t.commune.export(t.commune_id, "0").await;
    let report = t.province.import(&first).await;
    let since = report.json["until"].as_str().unwrap().to_string();
    let m = t.members[1];
    // Both sides correct the same record from version 1.
    for (site, phone) in [(&t.province, "0911111111"), (&t.commune, "0922222222")] {
        site.admin
            .patch(
                &format!("/api/v1/members/{m}"),
                json!({"phone": phone}),
                Some("\"1\""),
            )
            .await
            .assert_status(200);
    }
    let second = t.commune.export(t.commune_id, &since).await;
    let report = t.province.import(&second).await;
    report.assert_status(200);
    assert_eq!(report.json["applied"], 0);
    let conflicts = report.json["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0]["entity"], "member");
    assert_eq!(conflicts[0]["id"], m);
    assert_eq!(conflicts[0]["code"], "diverged");
    let kept = t.province.get(&format!("/api/v1/members/{m}")).await;
    assert_eq!(kept["phone"], "0911111111", "{kept}");

    // A further local edit makes the province's version newer than any the commune sends.
    t.province
        .admin
        .patch(
            &format!("/api/v1/members/{m}"),
            json!({"phone": "0933333333"}),
            Some("\"2\""),
        )
        .await
        .assert_status(200);
    let again = t.commune.export(t.commune_id, &since).await;
    let altered = t.province.import(&again).await;
    altered.assert_status(200);
    let conflicts = altered.json["conflicts"].as_array().unwrap();
    assert!(conflicts
        .iter()
        .any(|c| c["id"] == m && c["code"] == "newer_local_version"));
}

#[actix_web::test]
async fn a_first_package_carries_the_whole_subtree_even_records_older_than_the_feed() {
    use diesel::RunQueryDsl;
    let t = pair().await;
    // Records entered before the feed existed have no changes.
    let mut conn = t.commune.app.state.pool.get().unwrap();
    diesel::sql_query("DELETE FROM changes")
        .execute(&mut conn)
        .unwrap();
    drop(conn);
    let package = t.commune.export(t.commune_id, "0").await;
    let report = t.province.import(&package).await;
    report.assert_status(200);
    assert_eq!(report.json["applied"], 3);
    let path = format!("/api/v1/members?organization_id={}", t.commune_id);
    assert_eq!(t.province.get(&path).await, t.commune.get(&path).await);
}
