//! A fresh database per test.

use diesel::{Connection, PgConnection, RunQueryDsl};

/// A database that exists for one test and is removed afterwards.
pub struct TestDb {
    /// Its URL.
    pub url: String,
    /// For PostgreSQL: the server's maintenance URL and the database name, to drop it.
    pg: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
}

/// `TEST_DATABASE_URL`, when the suite runs on PostgreSQL.
pub fn postgres_server() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| u.starts_with("postgres"))
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let (server, _) = base.rsplit_once('/').expect("postgres URL with a database");
    format!("{server}/{name}{query}")
}

impl TestDb {
    /// Creates an empty database on the configured engine.
    pub fn create() -> Self {
        match postgres_server() {
            Some(server) => {
                let name = format!("qldv_test_{}", uuid::Uuid::new_v4().simple());
                let mut conn = PgConnection::establish(&server).expect("connect TEST_DATABASE_URL");
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .expect("create test database");
                Self {
                    url: replace_database(&server, &name),
                    pg: Some((server, name)),
                    _dir: None,
                }
            }
            None => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}", dir.path().join("test.db").display());
                Self {
                    url,
                    pg: None,
                    _dir: Some(dir),
                }
            }
        }
    }

    /// No database (the app is pointed at an unreachable one).
    pub fn none() -> Self {
        Self {
            url: String::new(),
            pg: None,
            _dir: None,
        }
    }

    /// Whether the suite runs on PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        self.pg.is_some()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((server, name)) = &self.pg {
            if let Ok(mut conn) = PgConnection::establish(server) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn);
            }
        }
    }
}
