//! What a deployment runs as: on PostgreSQL, a database role that owns its database but is not a
//! superuser (as docker-compose.yml and `scripts/pg-cluster.sh` set it up), so every path of the
//! server (migrations, COPY imports, the seeder, advisory locks) is proven without that power.

use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use qldv_tests::TestApp;

#[derive(QueryableByName)]
struct Role {
    #[diesel(sql_type = Text)]
    rolname: String,
    #[diesel(sql_type = Bool)]
    rolsuper: bool,
    #[diesel(sql_type = Bool)]
    owns_database: bool,
}

#[actix_web::test]
async fn the_test_database_role_is_not_a_superuser_and_owns_its_database() {
    let app = TestApp::new().await;
    if !app.db.is_postgres() {
        eprintln!("note: PostgreSQL only (database roles); skipped on SQLite");
        return;
    }
    let mut conn = diesel::PgConnection::establish(&app.db.url).unwrap();
    let role: Role = diesel::sql_query(
        "SELECT r.rolname::text AS rolname, r.rolsuper, \
                d.datdba = r.oid AS owns_database \
         FROM pg_roles r, pg_database d \
         WHERE r.rolname = current_user AND d.datname = current_database()",
    )
    .get_result(&mut conn)
    .unwrap();
    assert!(
        !role.rolsuper,
        "the server's role {:?} is a superuser: run the PostgreSQL tests as a role with LOGIN \
         CREATEDB NOSUPERUSER (scripts/pg-cluster.sh prints one), as a deployment does",
        role.rolname
    );
    assert!(
        role.owns_database,
        "{:?} should own its database",
        role.rolname
    );
}
