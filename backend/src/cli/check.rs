//! `qldv check`: the database's invariants, after a crash, a restore or a sync.

/// Lists every break on standard output; fails when there is one.
pub fn run() -> Result<(), String> {
    let (_, state) = qldv::startup::load()?;
    let mut conn = state.pool.get().map_err(|e| e.to_string())?;
    let problems = qldv::services::integrity::check(&mut conn).map_err(super::problem_text)?;
    if problems.is_empty() {
        eprintln!("cơ sở dữ liệu nhất quán");
        return Ok(());
    }
    for p in &problems {
        println!("{p}");
    }
    Err(format!("{} chỗ không nhất quán", problems.len()))
}
