//! Writes run in an explicit unit of work: what a write notes (its changes to the feed, its
//! audit entries) is committed with it, or not at all.

use diesel::prelude::*;
use qldv::auth::Actor;
use qldv::db::schema::organizations;
use qldv::db::unit_of_work;
use qldv::error::AppError;
use qldv::models::audit::{self, Subject};
use qldv::models::change;
use qldv::models::uow::Uow;
use qldv_tests::{official_json, Client, TestApp};
use serde_json::{json, Value};

/// The feed after `after`, each change as (entity, id, operation, version), and its end.
async fn feed(client: &Client, after: &str) -> (Vec<(String, i64, String, i64)>, String) {
    let page = client
        .get(&format!("/api/v1/changes?after={after}&limit=100"))
        .await;
    page.assert_status(200);
    assert_eq!(page.json["has_more"], json!(false));
    let items = page.json["items"].as_array().unwrap();
    let summary = items
        .iter()
        .map(|c| {
            (
                c["entity"].as_str().unwrap().to_string(),
                c["id"].as_i64().unwrap(),
                c["operation"].as_str().unwrap().to_string(),
                c["version"].as_i64().unwrap(),
            )
        })
        .collect();
    let end = page.json["next_cursor"]
        .as_str()
        .map_or_else(|| after.to_string(), str::to_string);
    (summary, end)
}

/// The newest audit entry's id.
async fn newest_audit_entry(client: &Client) -> i64 {
    let res = client.get("/api/v1/audit?limit=1").await;
    res.assert_status(200);
    res.json["items"][0]["id"].as_i64().unwrap()
}

/// Renames an organisation and notes the change and an audit entry, as a service does.
fn rename(c: &mut Uow<'_>, id: i64, name: &str) -> Result<(), AppError> {
    diesel::update(organizations::table.find(id))
        .set((
            organizations::name.eq(name),
            organizations::version.eq(organizations::version + 1),
        ))
        .execute(c.conn())?;
    change::note(
        c,
        qldv_api_types::changes::ChangeEntity::Organization,
        id,
        qldv_api_types::audit::AuditAction::Update,
    )?;
    audit::record(
        c,
        &Actor::system("test"),
        qldv_api_types::audit::AuditAction::Update,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::Organization,
            id,
            scope_path: None,
        },
        None::<&()>,
        Some(&json!({"name": name})),
    )
}

/// Runs `work` as one unit of work on a connection of the app's pool, on a thread of its own.
fn in_unit_of_work(
    app: &TestApp,
    work: impl FnOnce(&mut Uow<'_>) -> Result<(), AppError> + Send + 'static,
) -> Result<(), AppError> {
    let pool = app.state.pool.clone();
    std::thread::spawn(move || {
        let mut c = pool.get().unwrap();
        unit_of_work(&mut c, work)
    })
    .join()
    .unwrap()
}

#[actix_web::test]
async fn a_unit_of_work_publishes_each_record_once_in_commit_order() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_org("Tỉnh ủy A", "province", None).await;
    let b = admin.create_org("Tỉnh ủy B", "province", None).await;
    let c = admin.create_org("Tỉnh ủy C", "province", None).await;
    let (_, start) = feed(&admin, "").await;

    in_unit_of_work(&app, move |w| {
        rename(w, a, "A1")?;
        rename(w, b, "B1")?;
        rename(w, a, "A2")?;
        rename(w, a, "A3")
    })
    .unwrap();
    in_unit_of_work(&app, move |w| {
        rename(w, c, "C1")?;
        rename(w, b, "B2")
    })
    .unwrap();

    let (changes, _) = feed(&admin, &start).await;
    let own = |id: i64, version: i64| {
        (
            "organization".to_string(),
            id,
            "update".to_string(),
            version,
        )
    };
    // Each record once per unit of work, as it stood when the work committed, in the order the
    // work noted it first; the units in the order they committed.
    assert_eq!(changes, vec![own(a, 4), own(b, 2), own(c, 2), own(b, 3)]);
}

#[actix_web::test]
async fn a_unit_of_work_that_fails_leaves_neither_change_nor_audit_entry() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_org("Tỉnh ủy A", "province", None).await;
    let (_, start) = feed(&admin, "").await;
    let audited = newest_audit_entry(&admin).await;

    let failed = in_unit_of_work(&app, move |w| {
        rename(w, a, "A1")?;
        rename(w, a, "A2")?;
        Err(AppError::internal("a late failure"))
    });

    assert!(failed.is_err());
    assert_eq!(feed(&admin, &start).await.0, vec![]);
    assert_eq!(newest_audit_entry(&admin).await, audited);
    let org = admin.get(&format!("/api/v1/organizations/{a}")).await;
    assert_eq!(org.json["name"], json!("Tỉnh ủy A"));
    assert_eq!(org.json["version"], json!(1));
}

#[actix_web::test]
async fn a_member_change_refused_after_the_member_was_touched_leaves_no_trace() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = admin.create_tree("A").await;
    let b = admin.create_tree("B").await;
    let id = admin
        .create_member(official_json(
            a.cell,
            "Nguyễn Văn An",
            1970,
            "2000-03-06",
            1,
        ))
        .await;
    admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": id, "to_organization_id": b.cell, "kind": "official",
                   "issued_on": "2025-06-02", "reason": "x"}),
        )
        .await
        .assert_status(201);
    let member = |admin: &Client| {
        let admin = admin.clone();
        async move {
            let res = admin.get(&format!("/api/v1/members/{id}")).await;
            res.assert_status(200);
            res.json
        }
    };
    let before: Value = member(&admin).await;
    let (_, start) = feed(&admin, "").await;
    let audited = newest_audit_entry(&admin).await;

    // The exit claims the member's next version, then finds the transfer pending.
    admin
        .post(
            &format!("/api/v1/members/{id}/exit"),
            json!({"reason": "deceased", "effective_on": "2025-06-10", "decision_no": "1"}),
        )
        .await
        .assert_problem(409, "transfer_pending");

    assert_eq!(feed(&admin, &start).await.0, vec![]);
    assert_eq!(newest_audit_entry(&admin).await, audited);
    assert_eq!(member(&admin).await, before);
    app.assert_invariant();
}
