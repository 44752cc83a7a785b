//! Party cards: official members only, issued by the superior level, one active card, reissue
//! chain, revocation, collection on exit, unique numbers under parallel issue.

use qldv_tests::{member_json, official_json, Client, TestApp, Tree};
use serde_json::json;

async fn setup() -> (TestApp, Client, Tree) {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let tree = admin.create_tree("A").await;
    (app, admin, tree)
}

fn issue(member: i64) -> serde_json::Value {
    json!({"member_id": member, "issued_on": "2025-09-02", "decision_no": "312-QĐ/TU"})
}

#[actix_web::test]
async fn only_official_members_get_a_card_and_only_one_at_a_time() {
    let (_app, admin, t) = setup().await;
    let probationary = admin.create_member(member_json(t.cell, json!({}))).await;
    admin
        .post("/api/v1/cards", issue(probationary))
        .await
        .assert_problem(422, "not_official");
    let id = admin
        .create_member(official_json(t.cell, "Lê Thị Hoa", 1975, "2000-03-06", 1))
        .await;
    let res = admin.post("/api/v1/cards", issue(id)).await;
    res.assert_status(201);
    let number = res.json["card_number"].as_str().unwrap().to_string();
    assert_eq!(number.len(), 8);
    assert!(number.bytes().all(|b| b.is_ascii_digit()));
    assert_eq!(res.json["status"], "active");
    admin
        .post("/api/v1/cards", issue(id))
        .await
        .assert_problem(409, "card_already_active");
    // The member record shows the card, and the number finds the member.
    let m = admin.get(&format!("/api/v1/members/{id}")).await;
    assert_eq!(m.json["card_number"], number.as_str());
    let found = admin.get(&format!("/api/v1/members?q={number}")).await;
    assert_eq!(found.json["items"][0]["id"], id);
}

#[actix_web::test]
async fn a_given_number_must_have_eight_digits_and_be_unused() {
    let (_app, admin, t) = setup().await;
    let a = admin
        .create_member(official_json(t.cell, "Lê Văn A", 1975, "2000-03-06", 1))
        .await;
    let b = admin
        .create_member(official_json(t.cell, "Lê Văn B", 1975, "2000-03-06", 2))
        .await;
    let mut body = issue(a);
    body["card_number"] = json!("1234567");
    let res = admin.post("/api/v1/cards", body.clone()).await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["field"], "card_number");
    body["card_number"] = json!("00000001");
    admin
        .post("/api/v1/cards", body.clone())
        .await
        .assert_status(201);
    body["member_id"] = json!(b);
    admin
        .post("/api/v1/cards", body)
        .await
        .assert_problem(409, "card_number_taken");
    // The generator skips the number entered by hand.
    let res = admin.post("/api/v1/cards", issue(b)).await;
    assert_eq!(res.json["card_number"], "00000002");
}

#[actix_web::test]
async fn cards_are_issued_by_the_level_above_the_grassroots_organisation() {
    let (app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(
            t.cell,
            "Phạm Văn Bình",
            1975,
            "2000-03-06",
            1,
        ))
        .await;
    // The commune is the cell's grassroots organisation here: its own organizer may not issue.
    let commune = app.user("org-commune", "organizer", Some(t.commune)).await;
    commune
        .post("/api/v1/cards", issue(id))
        .await
        .assert_problem(403, "forbidden");
    let cell = app.user("org-cell", "organizer", Some(t.cell)).await;
    cell.post("/api/v1/cards", issue(id))
        .await
        .assert_problem(403, "forbidden");
    let province = app
        .user("org-province", "organizer", Some(t.province))
        .await;
    province
        .post("/api/v1/cards", issue(id))
        .await
        .assert_status(201);
    // Another province sees nothing.
    let b = admin.create_tree("B").await;
    let other = app.user("org-b", "organizer", Some(b.province)).await;
    other
        .post("/api/v1/cards", issue(id))
        .await
        .assert_problem(404, "not_found");
    other
        .get(&format!("/api/v1/members/{id}/cards"))
        .await
        .assert_problem(404, "not_found");
}

#[actix_web::test]
async fn a_reissue_voids_the_old_card_and_chains_to_it() {
    let (_app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(t.cell, "Đỗ Văn Cường", 1975, "2000-03-06", 1))
        .await;
    let first = admin.post("/api/v1/cards", issue(id)).await;
    let (old_id, old_number) = (first.id(), first.json["card_number"].clone());
    let etag = first.header("etag").unwrap();
    let reissue = format!("/api/v1/cards/{old_id}/reissue");
    let body = json!({"reason": "lost", "issued_on": "2025-11-07", "decision_no": "401-QĐ/TU"});
    let second = admin
        .send(
            actix_web::http::Method::POST,
            &reissue,
            Some(body.clone()),
            &[("if-match", &etag)],
        )
        .await;
    second.assert_status(201);
    assert_eq!(second.json["replaces_id"], old_id);
    assert_ne!(second.json["card_number"], old_number);
    // The old card cannot be reissued again, nor revoked.
    admin
        .post(&reissue, body)
        .await
        .assert_problem(409, "card_not_active");
    let old = admin.get(&format!("/api/v1/cards/{old_id}")).await;
    assert_eq!(old.json["status"], "void");
    assert_eq!(old.json["end_reason"], "lost");
    // The member's cards: the new one, then the one it replaced; the old number still finds it.
    let cards = admin
        .get_all(&format!("/api/v1/members/{id}/cards"), 1)
        .await;
    let statuses: Vec<_> = cards.iter().map(|c| c["status"].clone()).collect();
    assert_eq!(statuses, vec![json!("active"), json!("void")]);
    let by_number = admin
        .get(&format!(
            "/api/v1/cards?number={}",
            old_number.as_str().unwrap()
        ))
        .await;
    assert_eq!(by_number.json["items"][0]["id"], old_id);
}

#[actix_web::test]
async fn a_revoked_card_puts_the_member_back_on_the_due_list() {
    let (_app, admin, t) = setup().await;
    let a = admin
        .create_member(official_json(
            t.cell,
            "Nguyễn Văn An",
            1975,
            "2000-03-06",
            1,
        ))
        .await;
    let b = admin
        .create_member(official_json(t.cell, "Bùi Thị Bích", 1976, "2001-03-05", 2))
        .await;
    admin
        .create_member(member_json(t.cell, json!({"national_id": "031090009999"})))
        .await;
    let due = |admin: Client| async move {
        let res = admin
            .get(&format!("/api/v1/cards/due?organization_id={}", t.commune))
            .await;
        res.assert_status(200);
        res.json["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["member_id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    // Vietnamese order: An, then Bích; the probationary member is not due.
    assert_eq!(due(admin.clone()).await, vec![a, b]);
    let card = admin.post("/api/v1/cards", issue(a)).await;
    assert_eq!(due(admin.clone()).await, vec![b]);
    let res = admin
        .post(
            &format!("/api/v1/cards/{}/revoke", card.id()),
            json!({"reason": "Quyết định thu hồi", "effective_on": "2025-12-01"}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["status"], "revoked");
    assert_eq!(due(admin.clone()).await, vec![a, b]);
    let m = admin.get(&format!("/api/v1/members/{a}")).await;
    assert!(m.json["card_number"].is_null());
}

#[actix_web::test]
async fn an_exit_records_the_card_as_collected() {
    let (app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(
            t.cell,
            "Hoàng Văn Dũng",
            1975,
            "2000-03-06",
            1,
        ))
        .await;
    let card = admin.post("/api/v1/cards", issue(id)).await;
    admin
        .post(
            &format!("/api/v1/members/{id}/exit"),
            json!({"reason": "name_removed", "effective_on": "2025-12-01", "decision_no": "9-QĐ/ĐU"}),
        )
        .await
        .assert_status(200);
    let c = admin.get(&format!("/api/v1/cards/{}", card.id())).await;
    assert_eq!(c.json["status"], "collected");
    assert_eq!(c.json["ended_on"], "2025-12-01");
    app.assert_invariant();
}

#[actix_web::test]
async fn numbers_stay_unique_under_parallel_issue() {
    let (_app, admin, t) = setup().await;
    let mut ids = Vec::new();
    for i in 0..8 {
        ids.push(
            admin
                .create_member(official_json(
                    t.cell,
                    &format!("Vũ Văn {i}"),
                    1975,
                    "2000-03-06",
                    i,
                ))
                .await,
        );
    }
    // Every member twice, all at once: one card each, every number different.
    let sends = ids.iter().chain(ids.iter()).map(|id| {
        let admin = admin.clone();
        let body = issue(*id);
        async move { admin.post("/api/v1/cards", body).await }
    });
    let results = futures_util::future::join_all(sends).await;
    let mut numbers: Vec<String> = results
        .iter()
        .filter(|r| r.status.as_u16() == 201)
        .map(|r| r.json["card_number"].as_str().unwrap().to_string())
        .collect();
    let refused = results.iter().filter(|r| r.status.as_u16() == 409).count();
    assert_eq!((numbers.len(), refused), (8, 8), "{results:?}");
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 8);
}

#[actix_web::test]
async fn the_2025_national_exchange_is_a_reissue_reason() {
    let (_app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(t.cell, "Phan Văn Đổi", 1975, "2000-03-06", 1))
        .await;
    let mut first = issue(id);
    first["issued_on"] = json!("2012-05-19");
    let old = admin.post("/api/v1/cards", first).await.id();
    // Chỉ thị 51-CT/TW: every official member with a card gets a new one before 2 Sep 2025.
    let new = admin
        .post(
            &format!("/api/v1/cards/{old}/reissue"),
            json!({"reason": "exchange", "issued_on": "2025-08-20", "decision_no": "420-QĐ/TU"}),
        )
        .await;
    new.assert_status(201);
    assert_eq!(new.json["replaces_id"], old);
    assert_eq!(new.json["status"], "active");
    let old = admin.get(&format!("/api/v1/cards/{old}")).await;
    assert_eq!(old.json["status"], "void");
    assert_eq!(old.json["end_reason"], "exchange");
}

#[actix_web::test]
async fn the_family_keeps_the_card_of_a_deceased_member_and_it_is_not_active() {
    let (_app, admin, t) = setup().await;
    let id = admin
        .create_member(official_json(t.cell, "Lý Văn Mất", 1950, "1975-03-06", 1))
        .await;
    let card = admin.post("/api/v1/cards", issue(id)).await.id();
    admin
        .post(
            &format!("/api/v1/members/{id}/exit"),
            json!({"reason": "deceased", "effective_on": "2026-01-10", "decision_no": "2-TB/ĐU"}),
        )
        .await
        .assert_status(200);
    let c = admin.get(&format!("/api/v1/cards/{card}")).await;
    assert_eq!(c.json["status"], "kept", "kept by the family (rule 12)");
    assert_eq!(c.json["ended_on"], "2026-01-10");
    assert_eq!(c.json["end_reason"], "deceased");
    // Not active: the number no longer belongs to a sitting member's active card.
    let active = admin
        .get_all(
            &format!("/api/v1/cards?status=active&organization_id={}", t.province),
            50,
        )
        .await;
    assert!(active.iter().all(|x| x["id"] != card));
}
