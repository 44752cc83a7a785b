//! Administrators attached to an organisation: they manage users, API tokens and records inside
//! their subtree only; national things (national accounts, root organisations, sync trust) are
//! for national administrators; the level rules of cards and badges bind them as organizers.

use qldv_tests::{official_json, Client, TestApp, Tree, USER_PASSWORD};
use serde_json::{json, Value};

/// A valid Ed25519 public key (RFC 8032, test 1).
const SOME_KEY: &str = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

/// Two provinces, and an administrator of the first.
async fn setup() -> (TestApp, Client, Tree, Tree, Client) {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_tree("Hòa Bình").await;
    let b = admin.create_tree("Sơn La").await;
    let scoped = app.user("qt-hoa-binh", "admin", Some(a.province)).await;
    (app, admin, a, b, scoped)
}

fn account(username: &str, role: &str, org: Option<i64>) -> Value {
    json!({"username": username, "password": USER_PASSWORD, "role": role, "organization_id": org})
}

#[actix_web::test]
async fn a_scoped_admin_cannot_create_a_national_account() {
    let (_app, admin, a, b, scoped) = setup().await;
    // No organisation: a national administrator. Refused, and nothing was created.
    scoped
        .post("/api/v1/users", account("quoc-gia", "admin", None))
        .await
        .assert_problem(403, "forbidden");
    let all = admin.get("/api/v1/users?limit=500").await;
    assert!(!all.text.contains("quoc-gia"), "{}", all.text);
    // Another province's organisation is outside its scope.
    scoped
        .post(
            "/api/v1/users",
            account("qt-son-la", "admin", Some(b.province)),
        )
        .await
        .assert_problem(404, "not_found");
    // Inside its subtree it creates any role, administrators included.
    scoped
        .post("/api/v1/users", account("qt-xa", "admin", Some(a.commune)))
        .await
        .assert_status(201);
    scoped
        .post("/api/v1/users", account("xem-xa", "viewer", Some(a.cell)))
        .await
        .assert_status(201);
    // The national administrator still creates national accounts.
    admin
        .post("/api/v1/users", account("quoc-gia-2", "admin", None))
        .await
        .assert_status(201);
}

#[actix_web::test]
async fn a_scoped_admin_edits_only_accounts_of_its_subtree() {
    let (app, admin, a, b, scoped) = setup().await;
    let national = app.user("quoc-gia", "admin", None).await;
    let other = app
        .user("to-chuc-son-la", "organizer", Some(b.province))
        .await;
    let mine = app.user("to-chuc-xa", "organizer", Some(a.commune)).await;
    // A national administrator and another province's account are not found.
    for id in [national.id, other.id, admin.id] {
        scoped
            .get(&format!("/api/v1/users/{id}"))
            .await
            .assert_problem(404, "not_found");
        scoped
            .patch(
                &format!("/api/v1/users/{id}"),
                json!({"active": false}),
                None,
            )
            .await
            .assert_problem(404, "not_found");
    }
    // Its own account cannot be moved out of its subtree, nor one of its subtree.
    for id in [scoped.id, mine.id] {
        scoped
            .patch(
                &format!("/api/v1/users/{id}"),
                json!({"organization_id": b.province}),
                None,
            )
            .await
            .assert_problem(404, "not_found");
    }
    let listed = scoped.get("/api/v1/users?limit=500").await;
    listed.assert_status(200);
    let names: Vec<&str> = listed.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"to-chuc-xa"), "{names:?}");
    for name in ["admin", "quoc-gia", "to-chuc-son-la"] {
        assert!(!names.contains(&name), "{name} listed: {names:?}");
    }
    scoped
        .patch(
            &format!("/api/v1/users/{}", mine.id),
            json!({"role": "admin"}),
            None,
        )
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn a_scoped_admin_lists_and_revokes_only_the_api_tokens_of_its_subtree() {
    let (app, admin, a, b, scoped) = setup().await;
    let mut tokens = Vec::new();
    for (name, org) in [("cong-hoa-binh", a.cell), ("cong-son-la", b.cell)] {
        let system = app.user(name, "integration", Some(org)).await;
        let res = admin
            .post(
                "/api/v1/api-tokens",
                json!({"user_id": system.id, "name": format!("Cổng {name}")}),
            )
            .await;
        res.assert_status(201);
        tokens.push((system.id, res.id()));
    }
    let [(mine_user, mine), (theirs_user, theirs)] = tokens[..] else {
        unreachable!()
    };
    let listed = scoped.get_all("/api/v1/api-tokens", 50).await;
    let ids: Vec<i64> = listed.iter().map(|t| t["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, vec![mine], "{listed:?}");
    let filtered = scoped
        .get_all(&format!("/api/v1/api-tokens?user_id={theirs_user}"), 50)
        .await;
    assert!(filtered.is_empty(), "{filtered:?}");
    // Another province's token: not found, and still live.
    scoped
        .post(&format!("/api/v1/api-tokens/{theirs}/revoke"), json!({}))
        .await
        .assert_problem(404, "not_found");
    let all = admin.get_all("/api/v1/api-tokens", 50).await;
    let theirs_row = all.iter().find(|t| t["id"] == theirs).unwrap().clone();
    assert!(theirs_row["revoked_at"].is_null(), "{theirs_row}");
    // Nor may it make one for another province's account.
    scoped
        .post(
            "/api/v1/api-tokens",
            json!({"user_id": theirs_user, "name": "x"}),
        )
        .await
        .assert_problem(404, "not_found");
    // Its own subtree's tokens it manages.
    scoped
        .post(&format!("/api/v1/api-tokens/{mine}/revoke"), json!({}))
        .await
        .assert_status(200);
    scoped
        .post(
            "/api/v1/api-tokens",
            json!({"user_id": mine_user, "name": "Cổng mới"}),
        )
        .await
        .assert_status(201);
    // Its token actions are in its subtree's audit trail, the other province's are not.
    let trail = scoped.get("/api/v1/audit?entity=api_token").await;
    trail.assert_status(200);
    let actions: Vec<(&str, &str)> = trail.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["entity_id"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert!(
        actions.contains(&("revoke", mine.to_string().as_str())),
        "{actions:?}"
    );
    assert!(
        actions.contains(&("create", mine.to_string().as_str())),
        "{actions:?}"
    );
    assert!(!trail.text.contains("cong-son-la"), "{}", trail.text);
    assert!(
        !actions.iter().any(|(_, id)| *id == theirs.to_string()),
        "{actions:?}"
    );
    // The national administrator sees every token.
    assert_eq!(admin.get_all("/api/v1/api-tokens", 50).await.len(), 3);
}

#[actix_web::test]
async fn a_scoped_admin_cannot_create_a_root_organisation_or_move_one_out_of_its_subtree() {
    let (_app, admin, a, b, scoped) = setup().await;
    scoped
        .post(
            "/api/v1/organizations",
            json!({"name": "Tỉnh ủy Mới", "kind": "province"}),
        )
        .await
        .assert_problem(403, "forbidden");
    let roots = admin.get("/api/v1/organizations").await;
    assert!(!roots.text.contains("Tỉnh ủy Mới"), "{}", roots.text);
    // Under its own subtree it creates organisations.
    scoped
        .post(
            "/api/v1/organizations",
            json!({"name": "Chi bộ mới", "kind": "cell", "parent_id": a.commune}),
        )
        .await
        .assert_status(201);
    // Moves: not its own scope root, not out of its subtree.
    let move_to = |parent: i64| json!({"new_parent_id": parent, "effective_on": "2026-06-01", "decision_no": "1-QĐ/TU"});
    scoped
        .post(
            &format!("/api/v1/organizations/{}/move", a.commune),
            move_to(b.province),
        )
        .await
        .assert_problem(404, "not_found");
    scoped
        .post(
            &format!("/api/v1/organizations/{}/move", a.province),
            move_to(a.commune),
        )
        .await
        .assert_problem(403, "forbidden");
    scoped
        .post(
            &format!("/api/v1/organizations/{}/merge", a.cell),
            json!({"into_id": b.cell, "effective_on": "2026-06-01", "decision_no": "2-QĐ/TU"}),
        )
        .await
        .assert_problem(404, "not_found");
}

#[actix_web::test]
async fn only_a_national_admin_trusts_sync_keys() {
    let (_app, admin, a, _b, scoped) = setup().await;
    scoped
        .post(
            "/api/v1/sync/trusted-keys",
            json!({"public_key": SOME_KEY, "name": "Tỉnh khác", "organization_id": a.commune}),
        )
        .await
        .assert_problem(403, "forbidden");
    scoped
        .get("/api/v1/sync/trusted-keys")
        .await
        .assert_problem(403, "forbidden");
    let trusted = admin.get_all("/api/v1/sync/trusted-keys", 50).await;
    assert!(trusted.is_empty(), "{trusted:?}");
    admin
        .post(
            "/api/v1/sync/trusted-keys",
            json!({"public_key": SOME_KEY, "name": "Tỉnh khác", "organization_id": a.commune}),
        )
        .await
        .assert_status(201);
}

/// A member of A's cell, an administrator of A's commune (the cell's grassroots organisation) and
/// one of the cell: neither is the level above the grassroots organisation, nor the provincial
/// level.
async fn low_admins(app: &TestApp, admin: &Client, a: &Tree) -> (i64, Client, Client) {
    let m = admin
        .create_member(official_json(
            a.cell,
            "Nguyễn Văn Ba Mươi",
            1970,
            "1997-02-03",
            1,
        ))
        .await;
    let commune = app.user("qt-xa", "admin", Some(a.commune)).await;
    let cell = app.user("qt-chi-bo", "admin", Some(a.cell)).await;
    (m, commune, cell)
}

#[actix_web::test]
async fn cards_are_issued_by_the_level_above_the_grassroots_organisation_even_for_admins() {
    let (app, admin, a, _b, scoped) = setup().await;
    let (m, commune, cell) = low_admins(&app, &admin, &a).await;
    let card = json!({"member_id": m, "issued_on": "2025-09-02", "decision_no": "312-QĐ/TU"});
    for low in [&commune, &cell] {
        low.post("/api/v1/cards", card.clone())
            .await
            .assert_problem(403, "forbidden");
    }
    // The province's administrator is the level above.
    let issued = scoped.post("/api/v1/cards", card).await;
    issued.assert_status(201);
    let card_id = issued.id();
    for low in [&commune, &cell] {
        low.post(
            &format!("/api/v1/cards/{card_id}/reissue"),
            json!({"reason": "lost", "issued_on": "2026-01-05", "decision_no": "3-QĐ/TU"}),
        )
        .await
        .assert_problem(403, "forbidden");
        low.post(
            &format!("/api/v1/cards/{card_id}/revoke"),
            json!({"reason": "other", "effective_on": "2026-01-05"}),
        )
        .await
        .assert_problem(403, "forbidden");
    }
}

#[actix_web::test]
async fn badges_are_decided_at_the_provincial_level_even_for_admins() {
    let (app, admin, a, _b, scoped) = setup().await;
    let (m, commune, cell) = low_admins(&app, &admin, &a).await;
    let award = json!({"member_id": m, "milestone": 30, "occasion_on": "2027-02-03",
                       "decision_no": "45-QĐ/TU"});
    for low in [&commune, &cell] {
        low.post("/api/v1/badges", award.clone())
            .await
            .assert_problem(403, "forbidden");
    }
    // The commune proposes; only the provincial level approves.
    let proposed = commune
        .post(
            "/api/v1/badges/proposals",
            json!({"occasion_on": "2027-02-03", "member_ids": [m]}),
        )
        .await;
    proposed.assert_status(201);
    let proposal = proposed.json[0]["id"].as_i64().unwrap();
    let approve = json!({"proposal_ids": [proposal], "decision_no": "88-QĐ/TU"});
    for low in [&commune, &cell] {
        low.post("/api/v1/badges/proposals/approve", approve.clone())
            .await
            .assert_problem(403, "forbidden");
    }
    let res = scoped
        .post("/api/v1/badges/proposals/approve", approve)
        .await;
    res.assert_status(200);
    assert_eq!(res.json[0]["status"], "approved");
}

#[actix_web::test]
async fn a_scoped_admin_cannot_dissolve_the_root_of_its_own_scope() {
    let (app, admin, a, _b, _scoped) = setup().await;
    let empty = admin
        .create_org("Chi bộ trống", "cell", Some(a.commune))
        .await;
    let dissolve = json!({"effective_on": "2026-06-01", "decision_no": "3-QĐ/ĐU"});
    for (name, role) in [("qt-trong", "admin"), ("tc-trong", "organizer")] {
        let own = app.user(name, role, Some(empty)).await;
        own.post(
            &format!("/api/v1/organizations/{empty}/dissolve"),
            dissolve.clone(),
        )
        .await
        .assert_problem(403, "forbidden");
    }
    // The level above dissolves it.
    let commune = app.user("qt-xa", "admin", Some(a.commune)).await;
    commune
        .post(&format!("/api/v1/organizations/{empty}/dissolve"), dissolve)
        .await
        .assert_status(200);
}
