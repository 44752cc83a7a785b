//! Rules 14–16 as the evaluation regulations say: a level below the band with its reason, a
//! discipline of the year, maternity leave, the quota base, and coverage over the year's
//! membership.

use qldv_tests::{member_json, official_json, Client, TestApp, Tree};
use serde_json::{json, Value};

async fn setup() -> (TestApp, Client, Tree) {
    let app = TestApp::builder().today("2025-12-20").build().await;
    let admin = app.admin().await;
    let tree = admin.create_tree("A").await;
    (app, admin, tree)
}

async fn members(admin: &Client, cell: i64, n: u32) -> Vec<i64> {
    let mut ids = Vec::new();
    for i in 1..=n {
        let body = official_json(cell, &format!("Lê Thị Số {i}"), 1982, "2015-03-02", i);
        ids.push(admin.create_member(body).await);
    }
    ids
}

async fn rate(admin: &Client, id: i64, year: i32, body: Value) -> qldv_tests::Response {
    admin
        .put(
            &format!("/api/v1/members/{id}/evaluations/{year}"),
            body,
            None,
        )
        .await
}

#[actix_web::test]
async fn a_level_below_the_score_band_is_allowed_with_its_reason_and_a_higher_one_is_not() {
    let (_app, admin, t) = setup().await;
    let id = members(&admin, t.cell, 1).await[0];
    rate(&admin, id, 2025, json!({"level": "good", "score": 92}))
        .await
        .assert_problem(422, "level_reason_required");
    let res = rate(
        &admin,
        id,
        2025,
        json!({"level": "good", "score": 92,
               "level_reason": "Chưa đạt 30% nhiệm vụ hoàn thành vượt mức"}),
    )
    .await;
    res.assert_status(200);
    assert_eq!(
        res.json["level_reason"],
        "Chưa đạt 30% nhiệm vụ hoàn thành vượt mức"
    );
    assert_eq!(res.json["regulation"], "366-QĐ/TW");
    rate(&admin, id, 2025, json!({"level": "excellent", "score": 89}))
        .await
        .assert_problem(422, "level_score_mismatch");
}

#[actix_web::test]
async fn disciplined_during_the_year_is_not_complete_unless_the_member_remedied_it() {
    let (_app, admin, t) = setup().await;
    let ids = members(&admin, t.cell, 2).await;
    for id in &ids {
        admin
            .post(
                &format!("/api/v1/members/{id}/disciplines"),
                json!({"form": "reprimand", "decided_on": "2025-04-10", "decision_no": "3-QĐ/UBKT",
                       "reason": "Vi phạm quy định sinh hoạt"}),
            )
            .await
            .assert_status(201);
    }
    rate(&admin, ids[0], 2025, json!({"level": "complete"}))
        .await
        .assert_problem(422, "disciplined_in_year");
    rate(&admin, ids[0], 2025, json!({"level": "not_complete"}))
        .await
        .assert_status(200);
    let res = rate(
        &admin,
        ids[1],
        2025,
        json!({"level": "good", "self_remedied": true}),
    )
    .await;
    res.assert_status(200);
    assert_eq!(res.json["self_remedied"], true);
    // The discipline of 2025 does not touch the rating of 2024.
    rate(&admin, ids[0], 2024, json!({"level": "good"}))
        .await
        .assert_status(200);
    // Under 132-QĐ/TW (ratings of 2022) a self-remedy is no exception.
    admin
        .post(
            &format!("/api/v1/members/{}/disciplines", ids[1]),
            json!({"form": "reprimand", "decided_on": "2022-05-10", "decision_no": "1-QĐ/UBKT",
                   "reason": "Vi phạm quy định sinh hoạt"}),
        )
        .await
        .assert_status(201);
    let res = rate(
        &admin,
        ids[1],
        2022,
        json!({"level": "good", "self_remedied": true}),
    )
    .await;
    res.assert_problem(422, "disciplined_in_year");
    assert_eq!(
        res.json["detail"]
            .as_str()
            .map(|d| d.contains("self_remedied")),
        Some(false)
    );
}

#[actix_web::test]
async fn a_maternity_leave_is_rated_on_the_time_worked_not_as_illness() {
    let (_app, admin, t) = setup().await;
    let id = members(&admin, t.cell, 1).await[0];
    admin
        .post(
            &format!("/api/v1/members/{id}/illnesses"),
            json!({"from": "2025-02-01", "to": "2025-05-01", "note": "Nghỉ theo chế độ"}),
        )
        .await
        .assert_status(201);
    rate(&admin, id, 2025, json!({"level": "good"}))
        .await
        .assert_problem(422, "illness_cap");
    let res = rate(
        &admin,
        id,
        2025,
        json!({"level": "good", "maternity_from": "2025-01-15", "maternity_to": "2025-07-14"}),
    )
    .await;
    res.assert_status(200);
    assert_eq!(res.json["maternity_from"], "2025-01-15");
    rate(
        &admin,
        id,
        2025,
        json!({"level": "good", "maternity_from": "2026-01-15", "maternity_to": "2026-07-14"}),
    )
    .await
    .assert_problem(422, "validation_failed");
}

#[actix_web::test]
async fn coverage_is_rated_over_due_with_the_membership_of_that_year() {
    let (_app, admin, t) = setup().await;
    let ids = members(&admin, t.cell, 4).await;
    rate(&admin, ids[0], 2024, json!({"level": "good"}))
        .await
        .assert_status(200);
    rate(
        &admin,
        ids[1],
        2024,
        json!({"level": "not_rated", "not_rated_reason": "suspended"}),
    )
    .await
    .assert_status(200);
    rate(&admin, ids[2], 2024, json!({"level": "complete"}))
        .await
        .assert_status(200);
    // ids[3] is not rated yet; ids[2] dies in 2025: still a member of 2024.
    admin
        .post(
            &format!("/api/v1/members/{}/exit", ids[2]),
            json!({"reason": "deceased", "effective_on": "2025-03-01", "decision_no": "2-TB/ĐU"}),
        )
        .await
        .assert_status(200);
    let list = admin
        .get(&format!(
            "/api/v1/evaluations?organization_id={}&year=2024",
            t.commune
        ))
        .await;
    list.assert_status(200);
    let s = &list.json["summary"];
    assert_eq!(s["total"], 4, "{s}");
    assert_eq!(s["not_rated"], 1);
    assert_eq!(s["due"], 3);
    assert_eq!(s["unrated_yet"], 1);
    // 2 rated at a level of 3 due: the suspended member is neither.
    assert_eq!(s["coverage"], 66.67);
    // A member who arrives later is not counted for 2024.
    let later = admin
        .create_member(member_json(
            t.cell,
            json!({"full_name": "Phạm Văn Mới", "admission_decision_on": "2025-02-03",
                   "ceremony_on": "2025-02-17", "national_id": "031090000009"}),
        ))
        .await;
    assert!(later > 0);
    let again = admin
        .get(&format!(
            "/api/v1/evaluations?organization_id={}&year=2024",
            t.commune
        ))
        .await;
    assert_eq!(again.json["summary"]["total"], 4);
}

#[actix_web::test]
async fn the_quota_base_is_a_dated_setting_of_the_evaluation_regulation() {
    let (_app, admin, t) = setup().await;
    let ids = members(&admin, t.cell, 15).await;
    for id in &ids[..12] {
        rate(&admin, *id, 2025, json!({"level": "good"}))
            .await
            .assert_status(200);
    }
    for id in &ids[12..] {
        rate(&admin, *id, 2025, json!({"level": "excellent"}))
            .await
            .assert_status(200);
    }
    let close = format!("/api/v1/organizations/{}/evaluations/2025/close", t.commune);
    // 3 excellent > 20 % of 12 good.
    admin
        .post(&close, json!({}))
        .await
        .assert_problem(422, "quota_exceeded");
    admin
        .put(
            "/api/v1/regulations/settings",
            json!({"regulation": "366-QĐ/TW", "key": "evaluation.quota_base",
                   "value": "good_or_better"}),
            Some("\"1\""),
        )
        .await
        .assert_status(200);
    // 3 ≤ 20 % of the 15 rated good or better; 2024 is judged by 124-QĐ/TW, unchanged.
    let res = admin.post(&close, json!({})).await;
    res.assert_status(200);
    assert_eq!(res.json["summary"]["quota_base"], "good_or_better");
    let y2024 = admin
        .get(&format!(
            "/api/v1/evaluations?organization_id={}&year=2024",
            t.commune
        ))
        .await;
    assert_eq!(y2024.json["summary"]["quota_base"], "good");
}

/// The names of `GET /evaluations` for `org` and `year` (every page), with the organisation each
/// is listed under.
async fn listed(admin: &Client, org: i64, year: i32) -> Vec<(String, i64)> {
    admin
        .get_all(
            &format!("/api/v1/evaluations?organization_id={org}&year={year}"),
            2,
        )
        .await
        .iter()
        .map(|x| {
            (
                x["full_name"].as_str().unwrap_or_default().to_string(),
                x["organization_id"].as_i64().unwrap_or_default(),
            )
        })
        .collect()
}

/// Issue 20 (rule 16): the round's member list is the membership of that year, the same the
/// summary counts. It listed today's members: a member transferred out in March 2026 vanished
/// from their old cell's 2025 list and appeared in their new cell's.
#[actix_web::test]
async fn the_years_list_is_its_membership_of_that_year_not_todays() {
    let app = TestApp::builder().today("2026-06-01").build().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let b = admin.create_tree("B").await;
    let ids = members(&admin, a.cell, 3).await;
    let tid = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": ids[0], "to_organization_id": b.cell, "kind": "official",
                   "issued_on": "2026-03-02", "reason": "Chuyển công tác", "decision_no": "9-GGT/ĐU"}),
        )
        .await
        .id();
    admin
        .post(
            &format!("/api/v1/transfers/{tid}/accept"),
            json!({"received_on": "2026-03-10"}),
        )
        .await
        .assert_status(200);
    let moved = "Lê Thị Số 1".to_string();

    let old_2025 = listed(&admin, a.commune, 2025).await;
    assert_eq!(old_2025.len(), 3, "{old_2025:?}");
    assert!(old_2025.contains(&(moved.clone(), a.cell)), "{old_2025:?}");
    let new_2025 = listed(&admin, b.commune, 2025).await;
    assert!(new_2025.is_empty(), "{new_2025:?}");
    // The list and the summary count the same members.
    let res = admin
        .get(&format!(
            "/api/v1/evaluations?organization_id={}&year=2025",
            a.commune
        ))
        .await;
    assert_eq!(res.json["summary"]["total"], 3);

    // This year, the member is where they are today.
    let old_2026 = listed(&admin, a.commune, 2026).await;
    assert_eq!(old_2026.len(), 2, "{old_2026:?}");
    assert_eq!(listed(&admin, b.commune, 2026).await, vec![(moved, b.cell)]);
}
