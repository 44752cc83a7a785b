//! `qldv seed`: a realistic, deterministic dataset in an empty database.

use qldv::services::seed::{self, SeedOptions};

/// Seeds `members` members from `seed`; progress on standard error, the summary on standard
/// output.
pub fn run(members: u64, seed: u64) -> Result<(), String> {
    let (_, state) = qldv::startup::load()?;
    let mut conn = state.pool.get().map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let opts = SeedOptions {
        members,
        seed,
        today: state.today(),
    };
    let summary = seed::run(&mut conn, &opts, |done| {
        let rate = done as f64 / started.elapsed().as_secs_f64().max(0.001);
        eprintln!("{done}/{members} đảng viên ({rate:.0}/giây)");
    })
    .map_err(super::problem_text)?;
    println!(
        "{}",
        serde_json::to_string(&summary).map_err(|e| e.to_string())?
    );
    eprintln!("xong sau {:.1} giây", started.elapsed().as_secs_f64());
    Ok(())
}
