//! The change feed: every change inside the caller's scope, in commit order, each once, with the
//! record as the API returns it.

use std::collections::HashMap;
use std::sync::mpsc;
use std::time::Duration;

use diesel::prelude::*;
use futures_util::future::join_all;
use qldv::db::schema::organizations;
use qldv::db::{unit_of_work, DbConn, Pending as _};
use qldv::error::AppError;
use qldv::models::change;
use qldv::models::uow::{Notes, Uow};
use qldv_api_types::changes::ChangeEntity;
use qldv_tests::{member_json, official_json, Client, TestApp};
use serde_json::{json, Value};

/// Reads the feed from `after` to its current end; returns the items and the cursor to go on
/// from.
async fn drain(client: &Client, after: &str) -> (Vec<Value>, String) {
    let mut items = Vec::new();
    let mut cursor = after.to_string();
    loop {
        let page = client
            .get(&format!("/api/v1/changes?after={cursor}&limit=7"))
            .await;
        page.assert_status(200);
        items.extend(page.json["items"].as_array().unwrap().iter().cloned());
        cursor = page.json["next_cursor"].as_str().unwrap().to_string();
        if !page.json["has_more"].as_bool().unwrap() {
            return (items, cursor);
        }
    }
}

fn summary(items: &[Value]) -> Vec<(String, i64, String, i64)> {
    items
        .iter()
        .map(|c| {
            (
                c["entity"].as_str().unwrap().to_string(),
                c["id"].as_i64().unwrap(),
                c["operation"].as_str().unwrap().to_string(),
                c["version"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn owned(entity: &str, id: i64, op: &str, version: i64) -> (String, i64, String, i64) {
    (entity.to_string(), id, op.to_string(), version)
}

#[actix_web::test]
async fn the_feed_carries_each_change_with_the_record_as_the_api_returns_it() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("Hòa Bình").await;
    let id = admin.create_member(member_json(t.cell, json!({}))).await;
    admin
        .patch(
            &format!("/api/v1/members/{id}"),
            json!({"phone": "0912345678"}),
            Some("\"1\""),
        )
        .await
        .assert_status(200);
    let feed = app
        .user("cong-lien-thong", "integration", Some(t.province))
        .await;
    let (items, cursor) = drain(&feed, "").await;
    assert_eq!(
        summary(&items),
        vec![
            owned("organization", t.province, "create", 1),
            owned("organization", t.commune, "create", 1),
            owned("organization", t.cell, "create", 1),
            owned("member", id, "create", 1),
            owned("member", id, "update", 2),
        ]
    );
    let now = admin.get(&format!("/api/v1/members/{id}")).await;
    assert_eq!(items[4]["resource"], now.json);
    assert_eq!(items[3]["resource"]["phone"], Value::Null);
    assert_eq!(items[4]["resource"]["phone"], "0912345678");
    let cursors: Vec<i64> = items
        .iter()
        .map(|c| c["cursor"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(cursors.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(cursor, items[4]["cursor"].as_str().unwrap());

    // Nothing new: the same cursor comes back, and no change is seen twice.
    let again = feed.get(&format!("/api/v1/changes?after={cursor}")).await;
    assert_eq!(again.json["items"], json!([]));
    assert_eq!(again.json["next_cursor"], cursor.as_str());
    assert_eq!(again.json["has_more"], false);
}

#[actix_web::test]
async fn a_refused_write_publishes_nothing() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("Hòa Bình").await;
    let id = admin.create_member(member_json(t.cell, json!({}))).await;
    let (_, cursor) = drain(&admin, "").await;
    admin
        .patch(
            &format!("/api/v1/members/{id}"),
            json!({"phone": "0912345678"}),
            Some("\"7\""),
        )
        .await
        .assert_status(412);
    admin
        .post(
            "/api/v1/members",
            member_json(t.cell, json!({"birth_date": "2015-01-01"})),
        )
        .await
        .assert_status(422);
    let (items, _) = drain(&admin, &cursor).await;
    assert_eq!(items, Vec::<Value>::new());
}

#[actix_web::test]
async fn an_integration_account_of_one_province_sees_nothing_of_another() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let hoa_binh = admin.create_tree("Hòa Bình").await;
    let son_la = admin.create_tree("Sơn La").await;
    admin
        .create_member(official_json(
            hoa_binh.cell,
            "Nguyễn Văn An",
            1980,
            "2010-03-02",
            1,
        ))
        .await;
    let other = admin
        .create_member(official_json(
            son_la.cell,
            "Lò Văn Pọm",
            1981,
            "2011-03-02",
            2,
        ))
        .await;
    let feed = app
        .user("cong-hoa-binh", "integration", Some(hoa_binh.province))
        .await;
    let (items, _) = drain(&feed, "").await;
    let son_la_orgs = [son_la.province, son_la.commune, son_la.cell];
    let got = summary(&items);
    assert_eq!(got.len(), 4);
    assert!(got.iter().all(|(entity, id, _, _)| match entity.as_str() {
        "member" => *id != other,
        _ => !son_la_orgs.contains(id),
    }));

    // A subtree of the caller's scope narrows the feed; one outside it is not found.
    let narrowed = feed
        .get(&format!(
            "/api/v1/changes?organization_id={}",
            hoa_binh.cell
        ))
        .await;
    assert_eq!(narrowed.json["items"].as_array().unwrap().len(), 2);
    feed.get(&format!("/api/v1/changes?organization_id={}", son_la.cell))
        .await
        .assert_problem(404, "not_found");

    // The feed is for integration accounts (and administrators), and needs a valid cursor.
    let clerk = app
        .user("to-chuc", "organizer", Some(hoa_binh.province))
        .await;
    clerk
        .get("/api/v1/changes")
        .await
        .assert_problem(403, "forbidden");
    app.anonymous()
        .get("/api/v1/changes")
        .await
        .assert_status(401);
    feed.get("/api/v1/changes?after=abc")
        .await
        .assert_problem(400, "malformed_request");
}

#[actix_web::test]
async fn a_transfer_shows_in_the_feeds_of_both_provinces() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let from = admin.create_tree("Hòa Bình").await;
    let to = admin.create_tree("Sơn La").await;
    let id = admin
        .create_member(official_json(
            from.cell,
            "Nguyễn Văn An",
            1980,
            "2010-03-02",
            1,
        ))
        .await;
    let transfer = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": id, "to_organization_id": to.cell, "kind": "official",
                   "issued_on": "2026-01-10", "reason": "Chuyển công tác", "decision_no": "45-GGT/ĐU"}),
        )
        .await;
    transfer.assert_status(201);
    let t = transfer.id();
    let receiver = app
        .user("cong-son-la", "integration", Some(to.province))
        .await;
    let (items, _) = drain(&receiver, "").await;
    assert!(items
        .iter()
        .any(|c| c["entity"] == "transfer" && c["id"] == t));
}

#[actix_web::test]
async fn concurrent_writers_and_a_poller_never_miss_or_repeat_a_change() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let t = admin.create_tree("Hòa Bình").await;
    let (_, start) = drain(&admin, "").await;
    let writers = (0..24u32).map(|n| {
        let admin = admin.clone();
        async move {
            let born = 1970 + i32::try_from(n).unwrap();
            admin
                .create_member(official_json(
                    t.cell,
                    &format!("Đảng viên {n}"),
                    born,
                    "2012-03-02",
                    n,
                ))
                .await
        }
    });
    let poller = async {
        let mut seen = Vec::new();
        let mut cursor = start.clone();
        for _ in 0..40 {
            let (items, next) = drain(&admin, &cursor).await;
            seen.extend(items);
            cursor = next;
            actix_web::rt::task::yield_now().await;
        }
        (seen, cursor)
    };
    let (ids, (mut seen, cursor)) = tokio::join!(join_all(writers), poller);
    let (rest, _) = drain(&admin, &cursor).await;
    seen.extend(rest);

    let cursors: Vec<i64> = seen
        .iter()
        .map(|c| c["cursor"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(
        cursors.windows(2).all(|w| w[0] < w[1]),
        "in order, each once"
    );
    let mut created: HashMap<i64, usize> = HashMap::new();
    for c in &seen {
        assert_eq!(c["entity"], "member");
        *created.entry(c["id"].as_i64().unwrap()).or_default() += 1;
    }
    assert_eq!(created.len(), ids.len());
    assert!(ids.iter().all(|id| created.get(id) == Some(&1)));
    // The same writers chained their audit entries one after another.
    let mut conn = app.state.pool.get().unwrap();
    let trail = qldv::models::audit_chain::verify(&mut conn, None).unwrap();
    assert!(trail.intact(), "{:?}", trail.problems);
}

/// Renames an organisation (the row only).
fn rename_row(c: &mut DbConn, id: i64, name: &str) -> Result<(), AppError> {
    diesel::update(organizations::table.find(id))
        .set((
            organizations::name.eq(name),
            organizations::version.eq(organizations::version + 1),
        ))
        .execute(c)?;
    Ok(())
}

/// Renames an organisation and notes the change, as a service does.
fn rename(c: &mut Uow<'_>, id: i64, name: &str) -> Result<(), AppError> {
    rename_row(c, id, name)?;
    change::note(
        c,
        qldv_api_types::changes::ChangeEntity::Organization,
        id,
        qldv_api_types::audit::AuditAction::Update,
    )
}

/// Two provinces to rename in overlapping transactions, and the feed's cursor after them.
struct Race {
    admin: Client,
    a: i64,
    b: i64,
    start: String,
}

async fn race(app: &TestApp) -> Race {
    let admin = app.admin().await;
    let a = admin.create_org("Tỉnh ủy A", "province", None).await;
    let b = admin.create_org("Tỉnh ủy B", "province", None).await;
    let (_, start) = drain(&admin, "").await;
    Race { admin, a, b, start }
}

/// A second writer renaming `b` in its own transaction, on its own thread.
fn later_writer(app: &TestApp, b: i64) -> std::thread::JoinHandle<()> {
    let pool = app.state.pool.clone();
    std::thread::spawn(move || {
        let mut c = pool.get().unwrap();
        unit_of_work(&mut c, |c: &mut Uow<'_>| {
            rename(c, b, "Tỉnh ủy B (đổi tên)")
        })
        .unwrap();
    })
}

#[actix_web::test]
async fn a_transaction_that_commits_last_is_read_last_whenever_it_started() {
    let app = TestApp::new().await;
    let Race { admin, a, b, start } = race(&app).await;
    let wait = Duration::from_secs(30);

    // Transaction A starts first and writes, then stays open.
    let (wrote_tx, wrote_rx) = mpsc::channel();
    let (commit_tx, commit_rx) = mpsc::channel::<()>();
    let pool = app.state.pool.clone();
    let first = std::thread::spawn(move || {
        let mut c = pool.get().unwrap();
        unit_of_work(&mut c, |c: &mut Uow<'_>| {
            rename(c, a, "Tỉnh ủy A (đổi tên)")?;
            wrote_tx.send(()).unwrap();
            commit_rx.recv_timeout(wait).unwrap();
            Ok(())
        })
        .unwrap();
    });
    wrote_rx.recv_timeout(wait).unwrap();

    // Transaction B starts later. PostgreSQL lets it commit while A is still open; SQLite makes
    // it wait for A's write lock.
    let second = later_writer(&app, b);
    let (mut seen, cursor) = if app.db.is_postgres() {
        second.join().unwrap();
        let (early, cursor) = drain(&admin, &start).await;
        assert_eq!(summary(&early), vec![owned("organization", b, "update", 2)]);
        commit_tx.send(()).unwrap();
        first.join().unwrap();
        (early, cursor)
    } else {
        let (early, cursor) = drain(&admin, &start).await;
        assert_eq!(early, Vec::<Value>::new(), "nothing is committed yet");
        commit_tx.send(()).unwrap();
        first.join().unwrap();
        second.join().unwrap();
        (early, cursor)
    };
    let (late, _) = drain(&admin, &cursor).await;
    seen.extend(late);
    let mut got = summary(&seen);
    let expected_order = if app.db.is_postgres() {
        vec![
            owned("organization", b, "update", 2),
            owned("organization", a, "update", 2),
        ]
    } else {
        vec![
            owned("organization", a, "update", 2),
            owned("organization", b, "update", 2),
        ]
    };
    assert_eq!(got, expected_order, "commit order, each once");
    got.dedup();
    assert_eq!(got.len(), 2);
}

#[actix_web::test]
async fn a_writer_that_has_published_holds_back_later_writers_until_it_commits() {
    let app = TestApp::new().await;
    if !app.db.is_postgres() {
        return; // SQLite serialises whole write transactions: covered by the test above.
    }
    let Race { admin, a, b, start } = race(&app).await;
    let wait = Duration::from_secs(30);

    // A publishes (takes the next number) and stays open before committing.
    let (published_tx, published_rx) = mpsc::channel();
    let (commit_tx, commit_rx) = mpsc::channel::<()>();
    let pool = app.state.pool.clone();
    let first = std::thread::spawn(move || {
        let mut c = pool.get().unwrap();
        c.transaction(|c| {
            // What a unit of work does last before its commit, done by hand to stop there.
            rename_row(c, a, "Tỉnh ủy A (đổi tên)")?;
            let mut notes = Notes::default();
            notes.change(
                ChangeEntity::Organization,
                a,
                qldv_api_types::audit::AuditAction::Update,
            );
            notes.finish(c)?;
            published_tx.send(()).unwrap();
            commit_rx.recv_timeout(wait).unwrap();
            Ok::<_, AppError>(())
        })
        .unwrap();
    });
    published_rx.recv_timeout(wait).unwrap();
    let second = later_writer(&app, b);
    // B cannot get ahead of A: a reader now sees neither.
    let (early, cursor) = drain(&admin, &start).await;
    assert_eq!(early, Vec::<Value>::new());
    commit_tx.send(()).unwrap();
    first.join().unwrap();
    second.join().unwrap();
    let (late, _) = drain(&admin, &cursor).await;
    assert_eq!(
        summary(&late),
        vec![
            owned("organization", a, "update", 2),
            owned("organization", b, "update", 2)
        ]
    );
}
