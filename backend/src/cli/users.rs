//! `qldv create-user`: an account made from the command line.

use qldv::auth::Role;

fn read_password() -> Result<String, String> {
    if let Ok(p) = std::env::var("QLDV_NEW_USER_PASSWORD") {
        return Ok(p);
    }
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password: {e}"))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

/// Creates the account (the password from `QLDV_NEW_USER_PASSWORD` or standard input).
pub fn create(username: &str, role: &str, organization: Option<i64>) -> Result<(), String> {
    let role = role
        .parse::<Role>()
        .map_err(|_| format!("unknown role {role:?}"))?;
    let password = read_password()?;
    if password.chars().count() < 10 {
        return Err("the password must have at least 10 characters".into());
    }
    let (_, state) = qldv::startup::load()?;
    let mut conn = state.pool.get().map_err(|e| e.to_string())?;
    let row = qldv::db::unit_of_work(&mut conn, |c: &mut qldv::models::uow::Uow<'_>| {
        qldv::services::users::create_as_system(
            c,
            "cli",
            username,
            &password,
            role,
            organization.map(qldv_api_types::OrgId),
        )
    })
    .map_err(super::problem_text)?;
    println!("created user {} (id {})", row.username, row.id);
    Ok(())
}
