//! `qldv import FILE --organization ID`: a bulk import from the command line, with a progress bar.

use std::io::Write;
use std::time::{Duration, Instant};

use qldv::auth::AuthUser;
use qldv::models::import::ImportRow;
use qldv::services::imports::{self, Options};
use qldv_api_types::reports::ImportStatus;
use qldv_api_types::OrgId;

/// One line of progress, redrawn in place: a bar, the count, the rate.
fn bar(done: i64, total: i64, started: Instant) -> String {
    let width = 30;
    let filled = if total > 0 {
        (done * width / total).clamp(0, width)
    } else {
        0
    };
    let rate = done as f64 / started.elapsed().as_secs_f64().max(0.001);
    format!(
        "\r[{}{}] {done}/{total} dòng ({rate:.0} dòng/giây)",
        "#".repeat(usize::try_from(filled).unwrap_or(0)),
        "-".repeat(usize::try_from(width - filled).unwrap_or(0)),
    )
}

/// Runs the import; the error report goes to standard output (one line per problem).
pub fn run(
    file: &std::path::Path,
    organization: i64,
    username: &str,
    skip_invalid: bool,
) -> Result<(), String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let problem = super::problem_text;
    let prepared =
        imports::prepare(&name, &bytes, &imports::Limits::COMMAND_LINE).map_err(problem)?;
    drop(bytes); // the rows are read: the file's bytes are not needed while they are written
    let (_, state) = qldv::startup::load()?;
    let mut conn = state.pool.get().map_err(|e| e.to_string())?;
    let caller = AuthUser::of_account(&mut conn, username).map_err(problem)?;
    caller.require_writer().map_err(problem)?;
    let job =
        imports::start(&mut conn, &caller, OrgId(organization), &prepared).map_err(problem)?;
    let total = job.total_rows;
    eprintln!(
        "Nhập {} ({} dòng) vào tổ chức {organization}, lượt nhập số {}",
        name, total, job.id
    );
    let started = Instant::now();
    let last = std::cell::Cell::new(Instant::now() - Duration::from_secs(1));
    let draw = |n: i64| {
        if n == total || last.get().elapsed() >= Duration::from_millis(200) {
            last.set(Instant::now());
            let mut err = std::io::stderr();
            let _ = write!(err, "{}", bar(n, total, started));
            let _ = err.flush();
        }
    };
    let today = state.today();
    let status = imports::run(
        &mut conn,
        &caller,
        &job,
        &prepared,
        Options {
            skip_invalid,
            place: None,
        },
        today,
        &draw,
    )
    .map_err(problem)?;
    eprintln!();
    let done = ImportRow::find(&mut conn, &caller.scope, job.id)
        .map_err(problem)?
        .to_dto(None);
    for e in &done.errors {
        println!(
            "Dòng {}\t{}\t{}\t{}",
            e.row,
            e.column.as_deref().unwrap_or("-"),
            e.value.as_deref().unwrap_or(""),
            e.message
        );
    }
    eprintln!(
        "Tạo mới {}, đã có (giữ nguyên) {}, lỗi {} — {:.1} giây",
        done.created,
        done.unchanged,
        done.error_count,
        started.elapsed().as_secs_f64()
    );
    match status {
        ImportStatus::Succeeded => Ok(()),
        _ => Err(done.message.unwrap_or_else(|| "import failed".into())),
    }
}
