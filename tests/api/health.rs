//! Liveness and readiness.

use qldv_tests::TestApp;

#[actix_web::test]
async fn healthz_and_readyz_answer_on_a_live_database() {
    let app = TestApp::new().await;
    app.anonymous().get("/healthz").await.assert_status(200);
    app.anonymous().get("/readyz").await.assert_status(200);
}

#[actix_web::test]
async fn readyz_is_503_while_postgres_is_unreachable() {
    let app = TestApp::builder()
        .unreachable_database("postgres://qldv:x@127.0.0.1:1/qldv")
        .build()
        .await;
    app.anonymous().get("/healthz").await.assert_status(200);
    let res = app.anonymous().get("/readyz").await;
    res.assert_problem(503, "database_unavailable");
    assert!(res.header("retry-after").is_some());
    // Requests that need the database answer 503 too, not 500.
    app.anonymous()
        .post(
            "/api/v1/auth/login",
            serde_json::json!({"username": "admin", "password": "x"}),
        )
        .await
        .assert_problem(503, "database_unavailable");
}

#[actix_web::test]
async fn readyz_recovers_by_itself_when_the_database_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let db_dir = dir.path().join("not-yet");
    let url = format!("sqlite://{}", db_dir.join("qldv.db").display());
    let app = TestApp::builder().unreachable_database(&url).build().await;
    app.anonymous()
        .get("/readyz")
        .await
        .assert_problem(503, "database_unavailable");
    std::fs::create_dir_all(&db_dir).unwrap();
    app.anonymous().get("/readyz").await.assert_status(200);
}
