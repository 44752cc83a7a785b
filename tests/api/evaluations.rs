//! Yearly evaluations: levels and scores, not-rated cases, the illness cap, the round's quota.

use qldv_tests::{member_json, official_json, Client, TestApp, Tree};
use serde_json::{json, Value};

async fn setup() -> (TestApp, Client, Tree) {
    let app = TestApp::builder().today("2025-12-20").build().await;
    let admin = app.admin().await;
    let tree = admin.create_tree("A").await;
    (app, admin, tree)
}

/// `n` official members of `cell`, admitted in 2015.
async fn members(admin: &Client, cell: i64, n: u32, first: u32) -> Vec<i64> {
    let mut ids = Vec::new();
    for i in first..first + n {
        let body = official_json(cell, &format!("Trần Văn Số {i}"), 1980, "2015-03-02", i);
        ids.push(admin.create_member(body).await);
    }
    ids
}

async fn rate(admin: &Client, id: i64, body: Value) -> qldv_tests::Response {
    admin
        .put(
            &format!("/api/v1/members/{id}/evaluations/2025"),
            body,
            None,
        )
        .await
}

#[actix_web::test]
async fn a_level_must_match_its_score_under_the_2025_regulation() {
    let (_app, admin, t) = setup().await;
    let id = members(&admin, t.cell, 1, 1).await[0];
    rate(&admin, id, json!({"level": "excellent", "score": 89}))
        .await
        .assert_problem(422, "level_score_mismatch");
    let res = rate(
        &admin,
        id,
        json!({"level": "good", "score": 89, "note": "Tốt"}),
    )
    .await;
    res.assert_status(200);
    assert_eq!(res.json["level"], "good");
    assert_eq!(res.json["score"], 89);
    // The 2025 round is judged by the evaluation regulation in force at the year's end.
    assert_eq!(res.json["regulation"], "366-QĐ/TW");
    // Before 2025 there was no 100-point score.
    admin
        .put(
            &format!("/api/v1/members/{id}/evaluations/2020"),
            json!({"level": "good", "score": 80}),
            None,
        )
        .await
        .assert_problem(422, "score_not_used");
    // The score range is checked at the edge, naming the field.
    let res = rate(&admin, id, json!({"level": "good", "score": 101})).await;
    res.assert_problem(422, "validation_failed");
    assert_eq!(res.json["errors"][0]["field"], "score");
    // Not a future year.
    admin
        .put(
            &format!("/api/v1/members/{id}/evaluations/2026"),
            json!({"level": "good"}),
            None,
        )
        .await
        .assert_problem(422, "validation_failed");
}

#[actix_web::test]
async fn one_rating_per_year_corrected_with_its_etag_and_kept_as_history() {
    let (_app, admin, t) = setup().await;
    let id = members(&admin, t.cell, 1, 1).await[0];
    let first = rate(&admin, id, json!({"level": "complete"})).await;
    first.assert_status(200);
    let etag = first.header("etag").unwrap();
    let path = format!("/api/v1/members/{id}/evaluations/2025");
    admin
        .put(&path, json!({"level": "good"}), Some(&etag))
        .await
        .assert_status(200);
    // The same ETag again is stale.
    admin
        .put(&path, json!({"level": "excellent"}), Some(&etag))
        .await
        .assert_problem(412, "version_mismatch");
    admin
        .put(
            &format!("/api/v1/members/{id}/evaluations/2024"),
            json!({"level": "excellent"}),
            None,
        )
        .await
        .assert_status(200);
    let history = admin
        .get_all(&format!("/api/v1/members/{id}/evaluations"), 1)
        .await;
    let years: Vec<_> = history
        .iter()
        .map(|e| (e["year"].clone(), e["level"].clone()))
        .collect();
    assert_eq!(
        years,
        vec![
            (json!(2025), json!("good")),
            (json!(2024), json!("excellent"))
        ]
    );
}

#[actix_web::test]
async fn recently_admitted_exempt_and_suspended_members_are_not_rated() {
    let (_app, admin, t) = setup().await;
    // Admitted on 1 July 2025: less than 6 months before the year's end.
    let new = admin
        .create_member(member_json(
            t.cell,
            json!({"admission_decision_on": "2025-07-01", "ceremony_on": "2025-07-15"}),
        ))
        .await;
    rate(&admin, new, json!({"level": "good"}))
        .await
        .assert_problem(422, "not_ratable");
    let res = rate(&admin, new, json!({"level": "not_rated"})).await;
    res.assert_status(200);
    assert_eq!(res.json["not_rated_reason"], "recently_admitted");
    // Admitted on 30 June: exactly six months, rated.
    let june = admin
        .create_member(member_json(
            t.cell,
            json!({"national_id": "031090001299", "admission_decision_on": "2025-06-30",
                   "ceremony_on": "2025-07-10"}),
        ))
        .await;
    rate(&admin, june, json!({"level": "good"}))
        .await
        .assert_status(200);
    // Exempt from activities.
    let ids = members(&admin, t.cell, 2, 10).await;
    admin
        .post(
            &format!("/api/v1/members/{}/exemptions", ids[0]),
            json!({"from": "2025-01-01", "reason": "Tuổi cao, sức yếu"}),
        )
        .await
        .assert_status(201);
    rate(&admin, ids[0], json!({"level": "complete"}))
        .await
        .assert_problem(422, "not_ratable");
    let res = rate(&admin, ids[0], json!({"level": "not_rated"})).await;
    assert_eq!(res.json["not_rated_reason"], "exempt");
    // An ordinary member is rated unless suspended, and the reason must be given.
    rate(&admin, ids[1], json!({"level": "not_rated"}))
        .await
        .assert_problem(422, "not_rated_reason_required");
    let res = rate(
        &admin,
        ids[1],
        json!({"level": "not_rated", "not_rated_reason": "suspended", "note": "Đình chỉ sinh hoạt"}),
    )
    .await;
    res.assert_status(200);
    assert_eq!(res.json["not_rated_reason"], "suspended");
}

#[actix_web::test]
async fn three_months_of_illness_cap_the_level_at_complete() {
    let (_app, admin, t) = setup().await;
    let ids = members(&admin, t.cell, 2, 1).await;
    let ill = |id: i64, to: &'static str| {
        let admin = admin.clone();
        async move {
            admin
                .post(
                    &format!("/api/v1/members/{id}/illnesses"),
                    json!({"from": "2025-02-01", "to": to, "note": "Giấy ra viện"}),
                )
                .await
                .assert_status(201);
        }
    };
    // 1 February to 1 May is 90 days: three months of illness.
    ill(ids[0], "2025-05-01").await;
    rate(&admin, ids[0], json!({"level": "good"}))
        .await
        .assert_problem(422, "illness_cap");
    rate(&admin, ids[0], json!({"level": "complete"}))
        .await
        .assert_status(200);
    // A day less: not capped.
    ill(ids[1], "2025-04-30").await;
    rate(&admin, ids[1], json!({"level": "excellent"}))
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn the_round_closes_at_exactly_twenty_percent_and_is_read_only_after() {
    let (app, admin, t) = setup().await;
    let ids = members(&admin, t.cell, 14, 1).await;
    // 10 good, 3 excellent (> 20 % of 10), 1 not yet rated.
    for id in &ids[..10] {
        rate(&admin, *id, json!({"level": "good"}))
            .await
            .assert_status(200);
    }
    for id in &ids[10..13] {
        rate(&admin, *id, json!({"level": "excellent"}))
            .await
            .assert_status(200);
    }
    let list = admin
        .get(&format!(
            "/api/v1/evaluations?organization_id={}&year=2025&limit=5",
            t.commune
        ))
        .await;
    list.assert_status(200);
    assert_eq!(list.json["items"].as_array().unwrap().len(), 5);
    assert!(list.json["next_cursor"].is_string());
    let s = &list.json["summary"];
    assert_eq!(
        (
            s["total"].clone(),
            s["good"].clone(),
            s["excellent"].clone(),
            s["unrated_yet"].clone()
        ),
        (json!(14), json!(10), json!(3), json!(1))
    );
    assert_eq!(s["coverage"], 92.86);
    assert_eq!(
        (s["max_excellent"].clone(), s["quota_excess"].clone()),
        (json!(2), json!(1))
    );
    assert_eq!(list.json["round"]["status"], "open");
    // The cell is not a grassroots organisation: its round is the commune's.
    admin
        .post(
            &format!("/api/v1/organizations/{}/evaluations/2025/close", t.cell),
            json!({}),
        )
        .await
        .assert_problem(422, "not_grassroots");
    let close = format!("/api/v1/organizations/{}/evaluations/2025/close", t.commune);
    admin
        .post(&close, json!({}))
        .await
        .assert_problem(422, "quota_exceeded");
    // One excellent becomes good: 2 excellent of 11 good (18 %), and the last member is rated.
    rate(&admin, ids[12], json!({"level": "good"}))
        .await
        .assert_status(200);
    rate(&admin, ids[13], json!({"level": "complete"}))
        .await
        .assert_status(200);
    let res = admin.post(&close, json!({})).await;
    res.assert_status(200);
    assert_eq!(res.json["status"], "closed");
    assert_eq!(res.json["summary"]["coverage"], 100.0);
    // Closing twice, editing after close.
    admin
        .post(&close, json!({}))
        .await
        .assert_problem(409, "round_closed");
    rate(&admin, ids[0], json!({"level": "excellent"}))
        .await
        .assert_problem(409, "round_closed");
    // Reopening is for administrators only.
    let organizer = app.user("org-a", "organizer", Some(t.province)).await;
    let reopen = format!(
        "/api/v1/organizations/{}/evaluations/2025/reopen",
        t.commune
    );
    organizer
        .post(&reopen, json!({}))
        .await
        .assert_problem(403, "forbidden");
    admin.post(&reopen, json!({})).await.assert_status(200);
    rate(&admin, ids[0], json!({"level": "complete"}))
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn the_quota_boundary_exactly_twenty_percent_passes() {
    let (_app, admin, t) = setup().await;
    let ids = members(&admin, t.cell, 12, 1).await;
    for id in &ids[..10] {
        rate(&admin, *id, json!({"level": "good"}))
            .await
            .assert_status(200);
    }
    for id in &ids[10..] {
        rate(&admin, *id, json!({"level": "excellent"}))
            .await
            .assert_status(200);
    }
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/evaluations/2025/close", t.commune),
            json!({}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json["summary"]["excellent"], 2);
    let round = admin
        .get(&format!(
            "/api/v1/organizations/{}/evaluations/2025",
            t.commune
        ))
        .await;
    assert_eq!(round.json["status"], "closed");
}

#[actix_web::test]
async fn another_province_sees_no_ratings_and_viewers_cannot_rate() {
    let (app, admin, a) = setup().await;
    let b = admin.create_tree("B").await;
    let id = members(&admin, a.cell, 1, 1).await[0];
    let other = app.user("org-b", "organizer", Some(b.province)).await;
    rate(&other, id, json!({"level": "good"}))
        .await
        .assert_problem(404, "not_found");
    other
        .get(&format!(
            "/api/v1/evaluations?organization_id={}&year=2025",
            a.province
        ))
        .await
        .assert_problem(404, "not_found");
    other
        .post(
            &format!("/api/v1/organizations/{}/evaluations/2025/close", a.commune),
            json!({}),
        )
        .await
        .assert_problem(404, "not_found");
    let viewer = app.user("view-a", "viewer", Some(a.province)).await;
    rate(&viewer, id, json!({"level": "good"}))
        .await
        .assert_problem(403, "forbidden");
}
