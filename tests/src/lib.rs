//! The test-app builder: the real application (built by `qldv::app`, as `main` does) over a fresh
//! database per test: a temporary SQLite file, or a new PostgreSQL database on the server named by
//! `TEST_DATABASE_URL`. Tests read like specs through [`TestApp`] and [`Client`].
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod db;
mod invariant;

use std::rc::Rc;

use actix_http::Request;
use actix_service::boxed::{self, BoxService};
use actix_service::ServiceExt;
use actix_web::body::{to_bytes, BoxBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, Method, StatusCode};
use actix_web::test::TestRequest;
use qldv::db::{Engine, PoolOptions};
use qldv::services::bootstrap;
use qldv::state::{AppState, StateOptions};
use serde_json::{json, Value};

pub use db::TestDb;
pub use invariant::assert_membership_invariant;

/// The audit chain's key in tests (one per process, like a server's).
pub const AUDIT_KEY: &[u8] = b"qldv-tests-audit-key-qldv-tests-audit-key-0123";
/// Password of the bootstrap administrator in tests.
pub const ADMIN_PASSWORD: &str = "admin-test-password";
/// Password given to every user a test creates.
pub const USER_PASSWORD: &str = "user-test-password";
/// The key test apps sign access tokens with (to forge tokens in tests).
pub const JWT_SECRET: &[u8] = b"test-secret-test-secret-test-secret-0123";

type Svc = BoxService<Request, ServiceResponse<BoxBody>, actix_web::Error>;

/// A running application over its own database.
pub struct TestApp {
    svc: Rc<Svc>,
    /// The application state (pool, keys).
    pub state: AppState,
    /// The database, dropped with the app.
    pub db: TestDb,
}

/// How to build a [`TestApp`].
#[derive(Default)]
pub struct TestAppBuilder {
    hsts: bool,
    today: Option<chrono::NaiveDate>,
    database_url: Option<String>,
    access_token_minutes: Option<i64>,
    cors_origins: Vec<String>,
    pool_size: Option<u32>,
    queue_timeout: Option<std::time::Duration>,
    trusted_proxies: Vec<String>,
}

impl TestAppBuilder {
    /// At most this many database connections.
    pub fn pool_size(mut self, n: u32) -> Self {
        self.pool_size = Some(n);
        self
    }

    /// How long a request waits for a connection before answering 503.
    pub fn queue_timeout(mut self, t: std::time::Duration) -> Self {
        self.queue_timeout = Some(t);
        self
    }

    /// Believes `X-Forwarded-For` from this address or network.
    pub fn trusted_proxy(mut self, net: &str) -> Self {
        self.trusted_proxies.push(net.to_string());
        self
    }

    /// As a deployment behind a TLS proxy (`QLDV_HSTS=1`).
    pub fn hsts(mut self) -> Self {
        self.hsts = true;
        self
    }

    /// Uses this database URL without connecting or migrating (for outage tests).
    pub fn unreachable_database(mut self, url: &str) -> Self {
        self.database_url = Some(url.to_string());
        self
    }

    /// Fixes "today" for rules that depend on the date.
    pub fn today(mut self, date: &str) -> Self {
        self.today = Some(date.parse().expect("YYYY-MM-DD"));
        self
    }

    /// Access-token lifetime (negative: tokens are born expired).
    pub fn access_token_minutes(mut self, m: i64) -> Self {
        self.access_token_minutes = Some(m);
        self
    }

    /// Allows this browser origin to call the API across origins.
    pub fn cors_origin(mut self, origin: &str) -> Self {
        self.cors_origins.push(origin.to_string());
        self
    }

    /// Builds the app.
    pub async fn build(self) -> TestApp {
        let (db, url, migrate) = match self.database_url {
            Some(url) => (TestDb::none(), url, false),
            None => {
                let db = TestDb::create();
                let url = db.url.clone();
                (db, url, true)
            }
        };
        let opts = StateOptions {
            database_url: url.clone(),
            jwt_secret: JWT_SECRET.to_vec(),
            access_token_minutes: self.access_token_minutes.unwrap_or(15),
            refresh_token_days: 14,
            refresh_family_days: 30,
            pool: PoolOptions {
                max_size: self.pool_size.unwrap_or(6),
                checkout_timeout: std::time::Duration::from_secs(10),
                queue_timeout: self
                    .queue_timeout
                    .unwrap_or(PoolOptions::default().queue_timeout),
            },
        };
        qldv::models::audit_chain::install_key(
            qldv::models::audit_chain::AuditKey::new(AUDIT_KEY.to_vec()).expect("audit key"),
        )
        .expect("install the audit key");
        let state = if migrate {
            let state = qldv::startup::open(&opts).expect("open test database");
            let mut conn = state.pool.get().expect("connection");
            bootstrap::ensure_admin(&mut conn, bootstrap::AdminPassword::Given(ADMIN_PASSWORD))
                .expect("bootstrap admin");
            state
        } else {
            let engine = Engine::from_url(&url).expect("engine");
            let mut opts = opts;
            opts.pool.checkout_timeout = std::time::Duration::from_millis(500);
            AppState::unchecked(&opts, engine).expect("state")
        };
        let mut state = state;
        state.hsts = self.hsts;
        state.fixed_today = self.today;
        state.cors_origins = self.cors_origins;
        state.trusted_proxies = self
            .trusted_proxies
            .iter()
            .map(|n| qldv::domain::client_address::IpNet::parse(n).expect("address or network"))
            .collect();
        state.sync_key = Some(qldv::services::sync::SyncKey::generate());
        let svc = actix_web::test::init_service(qldv::app(state.clone(), None)).await;
        let svc = boxed::service(svc.map(|res: ServiceResponse<_>| res.map_into_boxed_body()));
        TestApp {
            svc: Rc::new(svc),
            state,
            db,
        }
    }
}

impl TestApp {
    /// Asserts the membership invariant on this app's database.
    pub fn assert_invariant(&self) {
        assert_membership_invariant(&self.state.pool);
    }

    /// Runs raw SQL on this app's database, behind the application's back (either engine).
    pub fn execute_sql(&self, sql: &str) {
        use diesel::RunQueryDsl;
        let mut conn = self.state.pool.get().unwrap();
        diesel::sql_query(sql).execute(&mut conn).unwrap();
    }

    /// Stores `value` in the `column` of row `id` of `table` although the schema's CHECK would
    /// refuse it (the constraint is lifted first), as a database written by another version or
    /// edited by hand may hold it.
    pub fn store_unchecked(&self, table: &str, column: &str, value: &str, id: i64) {
        use diesel::RunQueryDsl;
        let mut conn = self.state.pool.get().unwrap();
        let update = format!("UPDATE {table} SET {column} = '{value}' WHERE id = {id}");
        let statements = if self.db.is_postgres() {
            vec![
                format!("ALTER TABLE {table} DROP CONSTRAINT {table}_{column}_check"),
                update,
            ]
        } else {
            vec![
                "PRAGMA ignore_check_constraints = ON".to_string(),
                update,
                "PRAGMA ignore_check_constraints = OFF".to_string(),
            ]
        };
        for s in statements {
            diesel::sql_query(s).execute(&mut conn).unwrap();
        }
    }

    /// A builder for non-default apps.
    pub fn builder() -> TestAppBuilder {
        TestAppBuilder::default()
    }

    /// An app over a fresh, migrated database with the bootstrap administrator.
    pub async fn new() -> Self {
        Self::builder().build().await
    }

    /// A caller with no credentials.
    pub fn anonymous(&self) -> Client {
        Client {
            svc: self.svc.clone(),
            token: None,
            username: String::new(),
            id: 0,
            peer: "127.0.0.1:40000".parse().unwrap(),
        }
    }

    /// A caller with this bearer token.
    pub fn with_token(&self, token: &str) -> Client {
        Client {
            token: Some(token.to_string()),
            ..self.anonymous()
        }
    }

    /// Signs in and returns the caller.
    pub async fn login(&self, username: &str, password: &str) -> Client {
        let res = self
            .anonymous()
            .post(
                "/api/v1/auth/login",
                json!({"username": username, "password": password}),
            )
            .await;
        res.assert_status(200);
        let mut client = self.with_token(res.json["access_token"].as_str().unwrap());
        client.username = username.to_string();
        let me = client.get("/api/v1/auth/me").await;
        client.id = me.json["id"].as_i64().unwrap();
        client
    }

    /// The bootstrap administrator, signed in.
    pub async fn admin(&self) -> Client {
        self.login("admin", ADMIN_PASSWORD).await
    }

    /// Creates (as admin) a user with `role` scoped to `org` and signs it in.
    pub async fn user(&self, username: &str, role: &str, org: Option<i64>) -> Client {
        let admin = self.admin().await;
        admin
            .post(
                "/api/v1/users",
                json!({"username": username, "password": USER_PASSWORD, "role": role,
                       "organization_id": org}),
            )
            .await
            .assert_status(201);
        self.login(username, USER_PASSWORD).await
    }
}

/// A caller of the API.
#[derive(Clone)]
pub struct Client {
    svc: Rc<Svc>,
    token: Option<String>,
    /// User name (empty for anonymous).
    pub username: String,
    /// User id (0 for anonymous).
    pub id: i64,
    peer: std::net::SocketAddr,
}

/// A response, with the body parsed as JSON when it is JSON.
#[derive(Debug)]
pub struct Response {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: header::HeaderMap,
    /// Body as JSON (`Null` when empty or not JSON).
    pub json: Value,
    /// Body as text.
    pub text: String,
    /// Body as bytes (spreadsheets).
    pub body: Vec<u8>,
}

impl Response {
    /// Panics with the body unless the status is `status`.
    pub fn assert_status(&self, status: u16) -> &Self {
        assert_eq!(
            self.status.as_u16(),
            status,
            "expected {status}, got {} with body {}",
            self.status,
            self.text
        );
        self
    }

    /// Asserts a problem+json response with this status and code, with the RFC 9457 members.
    pub fn assert_problem(&self, status: u16, code: &str) -> &Self {
        self.assert_status(status);
        assert_eq!(
            self.header("content-type").as_deref(),
            Some("application/problem+json"),
            "problem content type; body {}",
            self.text
        );
        assert_eq!(self.json["code"], code, "problem code; body {}", self.text);
        assert_eq!(self.json["status"], status);
        assert!(self.json["title"].is_string() && self.json["detail"].is_string());
        assert_eq!(self.json["type"], format!("urn:qldv:problem:{code}"));
        assert!(self.json["request_id"].is_string(), "request id in body");
        self
    }

    /// A header as text.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    /// The `id` field of the body.
    pub fn id(&self) -> i64 {
        self.json["id"]
            .as_i64()
            .unwrap_or_else(|| panic!("no id in {}", self.text))
    }
}

impl Client {
    /// The same caller, connecting from another address.
    pub fn from_address(&self, ip: &str) -> Client {
        Client {
            peer: std::net::SocketAddr::new(ip.parse().expect("IP address"), 40000),
            ..self.clone()
        }
    }

    /// Sends a request with optional JSON body and extra headers.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Response {
        let mut req = TestRequest::default()
            .method(method)
            .uri(path)
            .peer_addr(self.peer);
        if let Some(t) = &self.token {
            req = req.insert_header((header::AUTHORIZATION, format!("Bearer {t}")));
        }
        for (k, v) in headers {
            req = req.insert_header((*k, *v));
        }
        if let Some(b) = body {
            req = req.set_json(b);
        }
        self.call(req).await
    }

    async fn call(&self, req: TestRequest) -> Response {
        let res = self.svc.call(req.to_request()).await.expect("service call");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = to_bytes(res.into_body()).await.unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes).to_string();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Response {
            status,
            headers,
            json,
            text,
            body: bytes.to_vec(),
        }
    }

    /// `GET`.
    pub async fn get(&self, path: &str) -> Response {
        self.send(Method::GET, path, None, &[]).await
    }

    /// Every item of a paged list (`{items, next_cursor}`), read `page_size` at a time by
    /// following `next_cursor`; each page must answer 200 and hold at most `page_size` items.
    pub async fn get_all(&self, path: &str, page_size: usize) -> Vec<Value> {
        let join = if path.contains('?') { '&' } else { '?' };
        let mut items = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let url = match &cursor {
                Some(c) => format!("{path}{join}limit={page_size}&cursor={c}"),
                None => format!("{path}{join}limit={page_size}"),
            };
            let res = self.get(&url).await;
            res.assert_status(200);
            let page = res.json["items"]
                .as_array()
                .unwrap_or_else(|| panic!("{url}: not a page: {}", res.text));
            assert!(page.len() <= page_size, "{url}: {} items", page.len());
            items.extend(page.iter().cloned());
            match res.json["next_cursor"].as_str() {
                Some(next) => cursor = Some(next.to_string()),
                None => {
                    assert!(res.json["next_cursor"].is_null(), "{url}: {}", res.text);
                    return items;
                }
            }
        }
    }

    /// `POST` with JSON.
    pub async fn post(&self, path: &str, body: Value) -> Response {
        self.send(Method::POST, path, Some(body), &[]).await
    }

    /// `PATCH` with JSON and optional `If-Match`.
    pub async fn patch(&self, path: &str, body: Value, if_match: Option<&str>) -> Response {
        let headers: Vec<(&str, &str)> =
            if_match.map(|v| vec![("if-match", v)]).unwrap_or_default();
        self.send(Method::PATCH, path, Some(body), &headers).await
    }

    /// `PUT` with JSON and optional `If-Match`.
    pub async fn put(&self, path: &str, body: Value, if_match: Option<&str>) -> Response {
        let headers: Vec<(&str, &str)> =
            if_match.map(|v| vec![("if-match", v)]).unwrap_or_default();
        self.send(Method::PUT, path, Some(body), &headers).await
    }

    /// `POST` a multipart form: text fields and one file.
    pub async fn upload(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file_name: &str,
        bytes: &[u8],
    ) -> Response {
        let boundary = "qldv-test-boundary-7d3c";
        let mut body = Vec::new();
        for (k, v) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let mut req = TestRequest::default()
            .method(Method::POST)
            .uri(path)
            .peer_addr(self.peer)
            .insert_header((
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            ))
            .set_payload(body);
        if let Some(t) = &self.token {
            req = req.insert_header((header::AUTHORIZATION, format!("Bearer {t}")));
        }
        self.call(req).await
    }

    /// Polls an import job at `location` until it is no longer running; the job as it ended.
    pub async fn finished_job(&self, location: &str) -> Value {
        for _ in 0..2400 {
            let job = self.get(location).await;
            job.assert_status(200);
            if job.json["status"] != "running" {
                return job.json;
            }
            actix_web::rt::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        panic!("import did not finish");
    }

    /// Creates an organisation and returns its id.
    pub async fn create_org(&self, name: &str, kind: &str, parent: Option<i64>) -> i64 {
        let res = self
            .post(
                "/api/v1/organizations",
                json!({"name": name, "kind": kind, "parent_id": parent}),
            )
            .await;
        res.assert_status(201);
        res.id()
    }
}

/// A valid new member (probationary, admitted in March 2025) in `org`, with `overrides` applied.
pub fn member_json(org: i64, overrides: Value) -> Value {
    let mut m = json!({
        "organization_id": org,
        "full_name": "Nguyễn Văn An",
        "gender": "male",
        "birth_date": "1990-05-10",
        "national_id": "031090001234",
        "admission_decision_on": "2025-03-03",
        "admission_decision_no": "125-QĐ/ĐU",
        "ceremony_on": "2025-03-20",
        "status": "probationary",
    });
    if let (Some(m), Some(o)) = (m.as_object_mut(), overrides.as_object()) {
        for (k, v) in o {
            if v.is_null() {
                m.remove(k);
            } else {
                m.insert(k.clone(), v.clone());
            }
        }
    }
    m
}

/// An official member entered from existing records: born in `born`, admission decision on
/// `decided` (the ceremony two weeks later, official a year after it). `n` makes the CCCD unique.
pub fn official_json(cell: i64, name: &str, born: i32, decided: &str, n: u32) -> Value {
    let d: chrono::NaiveDate = decided.parse().expect("YYYY-MM-DD");
    let ceremony = d + chrono::Duration::days(14);
    let official = ceremony
        .checked_add_months(chrono::Months::new(12))
        .expect("date");
    member_json(
        cell,
        json!({"full_name": name, "birth_date": format!("{born}-01-15"),
               "national_id": format!("031{}{:02}{n:06}", if born >= 2000 { 2 } else { 0 }, born % 100),
               "admission_decision_on": decided, "ceremony_on": ceremony.to_string(),
               "status": "official", "official_on": official.to_string()}),
    )
}

/// A tree for member tests: province → commune → cell.
pub struct Tree {
    /// Province id.
    pub province: i64,
    /// Commune id.
    pub commune: i64,
    /// Cell id.
    pub cell: i64,
}

impl Client {
    /// Creates province → commune → cell named after `name`.
    pub async fn create_tree(&self, name: &str) -> Tree {
        let province = self
            .create_org(&format!("Tỉnh ủy {name}"), "province", None)
            .await;
        let commune = self
            .create_org(&format!("Đảng ủy xã {name}"), "commune", Some(province))
            .await;
        let cell = self
            .create_org(&format!("Chi bộ thôn {name}"), "cell", Some(commune))
            .await;
        Tree {
            province,
            commune,
            cell,
        }
    }

    /// Creates a member and returns its id.
    pub async fn create_member(&self, body: Value) -> i64 {
        let res = self.post("/api/v1/members", body).await;
        res.assert_status(201);
        res.id()
    }
}

/// The cells of the first sheet of an XLSX workbook, as text (numbers as Rust prints them).
pub fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("xlsx");
    let first = book.sheet_names().first().cloned().expect("a sheet");
    let range = book.worksheet_range(&first).expect("sheet");
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}
