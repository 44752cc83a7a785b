//! Sign-in cannot starve the server: password checks hold no database connection, failures are
//! throttled per account, per address and per both, `X-Forwarded-For` counts only from a trusted
//! proxy, and old failures are purged.

use std::time::Duration;

use diesel::prelude::*;
use futures_util::future::join_all;
use qldv::db::schema::login_failures;
use qldv_tests::{TestApp, ADMIN_PASSWORD};
use serde_json::json;

fn attempt(user: &str, password: &str) -> serde_json::Value {
    json!({"username": user, "password": password})
}

#[actix_web::test]
async fn a_flood_of_sign_ins_with_random_names_leaves_connections_for_everyone_else() {
    // One connection, and every password check held up at the gate until the other requests
    // are answered: if a sign-in kept its connection while its password waits to be checked,
    // the others could not get it before the (generous) queue timeout and would answer 503.
    // Nothing here depends on how fast the machine is.
    let app = TestApp::builder()
        .pool_size(1)
        .queue_timeout(Duration::from_secs(15))
        .build()
        .await;
    let admin = app.admin().await;
    let gate = app.state.password_gate.clone();
    let held = gate
        .clone()
        .acquire_many_owned(u32::try_from(gate.available_permits()).unwrap_or(u32::MAX))
        .await;
    let anon = app.anonymous();
    let flood = (0..24).map(|i| {
        let c = anon.from_address(&format!("198.51.100.{}", i + 1));
        async move {
            c.post(
                "/api/v1/auth/login",
                attempt(
                    &format!("ghost-{i}-{}", uuid::Uuid::new_v4()),
                    "guess-guess",
                ),
            )
            .await
        }
    });
    let others = async {
        // Every sign-in of the flood counts its failure before its password check: once the 24
        // are counted, all of them wait at the gate.
        let mut counted = 0;
        for _ in 0..3000 {
            let mut conn = app
                .state
                .pool
                .get()
                .expect("a connection while the sign-ins wait for their password check");
            counted = login_failures::table
                .filter(login_failures::username.like("ghost-%"))
                .count()
                .get_result::<i64>(&mut conn)
                .unwrap();
            drop(conn);
            if counted == 24 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert_eq!(counted, 24, "the flood never reached the password check");
        let answers = vec![
            admin.get("/api/v1/organizations").await,
            app.anonymous().get("/readyz").await,
        ];
        drop(held);
        answers
    };
    let (flood, others) = futures_util::future::join(join_all(flood), others).await;
    for res in &others {
        res.assert_status(200);
    }
    // Every sign-in was answered on its merits, none turned away for want of a connection.
    for res in &flood {
        res.assert_problem(401, "invalid_credentials");
    }
}

#[actix_web::test]
async fn ten_failures_for_one_account_from_many_addresses_lock_the_account() {
    let app = TestApp::new().await;
    let anon = app.anonymous();
    for i in 0..10 {
        anon.from_address(&format!("203.0.113.{}", i + 1))
            .post("/api/v1/auth/login", attempt("admin", "wrong-password"))
            .await
            .assert_problem(401, "invalid_credentials");
    }
    // A fresh address, even with the right password: the account is locked for the window.
    let res = anon
        .from_address("192.0.2.200")
        .post("/api/v1/auth/login", attempt("admin", ADMIN_PASSWORD))
        .await;
    res.assert_problem(429, "rate_limited");
    let retry: i64 = res.header("retry-after").unwrap().parse().unwrap();
    assert!(retry > 0 && retry <= 15 * 60, "Retry-After {retry}");
}

#[actix_web::test]
async fn thirty_failures_from_one_address_lock_that_address_whatever_the_names() {
    let app = TestApp::new().await;
    let bad = app.anonymous().from_address("203.0.113.66");
    let guesses = (0..30).map(|i| {
        let c = bad.clone();
        async move {
            c.post(
                "/api/v1/auth/login",
                attempt(&format!("nobody-{i}"), "wrong-password"),
            )
            .await
        }
    });
    for res in join_all(guesses).await {
        res.assert_problem(401, "invalid_credentials");
    }
    let res = bad
        .post("/api/v1/auth/login", attempt("admin", ADMIN_PASSWORD))
        .await;
    res.assert_problem(429, "rate_limited");
    assert!(res.header("retry-after").is_some());
    // Another address is not affected.
    app.anonymous()
        .from_address("192.0.2.1")
        .post("/api/v1/auth/login", attempt("admin", ADMIN_PASSWORD))
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn x_forwarded_for_names_the_caller_only_behind_a_trusted_proxy() {
    // Behind the configured proxy (the test peer is 127.0.0.1), each caller is counted apart.
    let app = TestApp::builder()
        .trusted_proxy("127.0.0.0/8")
        .build()
        .await;
    let anon = app.anonymous();
    let from = |ip: &'static str| [("x-forwarded-for", ip)];
    for _ in 0..5 {
        anon.send(
            actix_web::http::Method::POST,
            "/api/v1/auth/login",
            Some(attempt("admin", "wrong-password")),
            &from("203.0.113.7"),
        )
        .await
        .assert_problem(401, "invalid_credentials");
    }
    anon.send(
        actix_web::http::Method::POST,
        "/api/v1/auth/login",
        Some(attempt("admin", ADMIN_PASSWORD)),
        &from("203.0.113.7"),
    )
    .await
    .assert_problem(429, "rate_limited");
    anon.send(
        actix_web::http::Method::POST,
        "/api/v1/auth/login",
        Some(attempt("admin", ADMIN_PASSWORD)),
        &from("203.0.113.8"),
    )
    .await
    .assert_status(200);

    // With no proxy configured, a caller cannot escape its count by writing the header.
    let app = TestApp::new().await;
    let anon = app.anonymous();
    for _ in 0..5 {
        anon.send(
            actix_web::http::Method::POST,
            "/api/v1/auth/login",
            Some(attempt("admin", "wrong-password")),
            &from("203.0.113.7"),
        )
        .await
        .assert_problem(401, "invalid_credentials");
    }
    anon.send(
        actix_web::http::Method::POST,
        "/api/v1/auth/login",
        Some(attempt("admin", ADMIN_PASSWORD)),
        &from("203.0.113.8"),
    )
    .await
    .assert_problem(429, "rate_limited");
}

#[actix_web::test]
async fn failures_older_than_the_window_are_purged() {
    let app = TestApp::new().await;
    let long_ago = qldv::models::now() - chrono::Duration::hours(2);
    {
        let mut conn = app.state.pool.get().unwrap();
        for i in 0..3 {
            diesel::insert_into(login_failures::table)
                .values((
                    login_failures::username.eq(format!("old-{i}")),
                    login_failures::client_ip.eq("192.0.2.9"),
                    login_failures::failed_at.eq(long_ago),
                ))
                .execute(&mut conn)
                .unwrap();
        }
    }
    // A flood that never succeeds must not leave its failures behind forever.
    app.anonymous()
        .post("/api/v1/auth/login", attempt("ghost", "wrong-password"))
        .await
        .assert_problem(401, "invalid_credentials");
    let mut conn = app.state.pool.get().unwrap();
    let old: i64 = login_failures::table
        .filter(login_failures::failed_at.le(long_ago))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(old, 0, "failures older than the window remain");
    let recent: i64 = login_failures::table.count().get_result(&mut conn).unwrap();
    assert_eq!(recent, 1);
}

/// Attempts sent together are counted before any password is checked: twenty wrong passwords at
/// once for one account from one address get at most the five answers the throttle allows.
#[actix_web::test]
async fn wrong_passwords_sent_together_are_throttled_like_ones_sent_in_turn() {
    let app = TestApp::new().await;
    let anon = app.anonymous();
    let attempts = (0..20).map(|_| {
        let c = anon.clone();
        async move {
            c.post("/api/v1/auth/login", attempt("admin", "wrong-wrong"))
                .await
        }
    });
    let answers = join_all(attempts).await;
    let refused = answers.iter().filter(|r| r.status.as_u16() == 401).count();
    let throttled = answers.iter().filter(|r| r.status.as_u16() == 429).count();
    assert_eq!(refused + throttled, 20);
    assert!(refused <= 5, "{refused} wrong passwords were checked");
}
