//! Bulk import of existing records from a spreadsheet: every row validated with the API's own
//! rules, all or nothing (by default) in one transaction, rows matching an existing record by
//! CCCD or personal-history number left unchanged so that a second import creates nothing.

pub mod candidate_columns;
pub mod candidates;
pub mod columns;
pub mod dues_year;
pub mod meetings_year;
pub mod read;
mod rows;
pub mod template;
pub mod year;
pub mod year_template;

use qldv_api_types::{ImportId, UserId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use qldv_api_types::members::CreateMember;
use qldv_api_types::reports::{ImportError, ImportStatus};
use qldv_api_types::OrgId;

use crate::error::FieldIssue;
use sha2::{Digest, Sha256};

use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::models::import::{ImportRow, Outcome};
use crate::models::organization::OrganizationRow;
use crate::models::uow::Uow;
use columns::header_of;
use read::Sheet;

/// The imports running in this process: their progress (a job's transaction is not visible to
/// others until it ends, so its progress lives here) and their places — one per user, a few
/// per server, so that uploads cannot pile up jobs each holding a connection and memory.
#[derive(Debug, Clone)]
pub struct Running {
    progress: Arc<Mutex<HashMap<ImportId, i64>>>,
    /// The users whose imports hold a place, once per place.
    places: Arc<Mutex<Vec<UserId>>>,
    capacity: u32,
}

impl Default for Running {
    fn default() -> Self {
        Self::with_capacity(Self::DEFAULT_CAPACITY)
    }
}

/// Why an import cannot start now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// The user has an import running.
    Yours,
    /// The server runs as many imports as it allows.
    Server,
}

impl Busy {
    /// Seconds to wait before trying again.
    pub const RETRY_AFTER: i64 = 30;

    /// The problem: 429 with `Retry-After`.
    pub fn into_app_error(self) -> AppError {
        match self {
            Self::Yours => crate::messages::imports::yours_running(Self::RETRY_AFTER),
            Self::Server => crate::messages::imports::server_busy(Self::RETRY_AFTER),
        }
    }
}

/// A running import's place; given back when dropped.
#[derive(Debug)]
pub struct Place {
    places: Arc<Mutex<Vec<UserId>>>,
    user: UserId,
}

impl Drop for Place {
    fn drop(&mut self) {
        if let Ok(mut p) = self.places.lock() {
            if let Some(i) = p.iter().position(|u| *u == self.user) {
                p.swap_remove(i);
            }
        }
    }
}

impl Running {
    /// Imports a server runs at once unless `QLDV_MAX_IMPORTS` says otherwise.
    pub const DEFAULT_CAPACITY: u32 = 2;

    /// At most `capacity` imports at once (at least one).
    pub fn with_capacity(capacity: u32) -> Self {
        Self {
            progress: Arc::default(),
            places: Arc::default(),
            capacity: capacity.max(1),
        }
    }

    /// How many imports may run at once.
    pub fn capacity(&self) -> u32 {
        self.capacity
    }

    /// A place for an import by `user`, unless the user has one running or the server is full.
    pub fn claim(&self, user: UserId) -> Result<Place, Busy> {
        let mut places = self.places.lock().map_err(|_| Busy::Server)?;
        if places.contains(&user) {
            return Err(Busy::Yours);
        }
        if places.len() >= self.capacity as usize {
            return Err(Busy::Server);
        }
        places.push(user);
        Ok(Place {
            places: self.places.clone(),
            user,
        })
    }

    /// Notes a job's progress.
    pub fn set(&self, job: ImportId, processed: i64) {
        if let Ok(mut m) = self.progress.lock() {
            m.insert(job, processed);
        }
    }

    /// A running job's progress.
    pub fn get(&self, job: ImportId) -> Option<i64> {
        self.progress.lock().ok().and_then(|m| m.get(&job).copied())
    }

    /// Forgets a finished job.
    pub fn clear(&self, job: ImportId) {
        if let Ok(mut m) = self.progress.lock() {
            m.remove(&job);
        }
    }
}

/// A file read and checked for its columns, ready to import.
#[derive(Debug)]
pub struct Prepared {
    /// File name.
    pub file_name: String,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// Header and rows.
    pub sheet: Sheet,
    /// Position of each template column in the file.
    pub at: Vec<Option<usize>>,
}

pub use read::Limits;

fn file_error(e: &ImportError) -> FieldIssue {
    let column = e.column.as_deref().unwrap_or_default();
    FieldIssue::new(
        "file",
        e.code.clone(),
        crate::messages::imports::missing_column(column),
    )
}

/// Reads a file within `limits`, keeping the template's columns only; a file over them is a
/// 413, an unreadable file or missing required columns a 422 naming them.
pub fn prepare(file_name: &str, bytes: &[u8], limits: &read::Limits) -> AppResult<Prepared> {
    let sheet = read::read(file_name, bytes, limits, &columns::is_template_column)
        .map_err(read::Refusal::into_app_error)?;
    let at = columns::locate(&sheet.header)
        .map_err(|errs| AppError::Validation(errs.iter().map(file_error).collect()))?;
    if sheet.rows.is_empty() {
        return Err(crate::messages::imports::empty_file());
    }
    Ok(Prepared {
        file_name: file_name.to_string(),
        sha256: hex::encode(Sha256::digest(bytes)),
        sheet,
        at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_place_per_user_and_a_few_per_server_given_back_when_dropped() {
        let running = Running::with_capacity(2);
        let a = running.claim(UserId(1));
        assert!(a.is_ok());
        assert_eq!(running.claim(UserId(1)).map(|_| ()), Err(Busy::Yours));
        let b = running.claim(UserId(2));
        assert!(b.is_ok());
        assert_eq!(running.claim(UserId(3)).map(|_| ()), Err(Busy::Server));
        drop(a);
        assert!(running.claim(UserId(1)).is_ok(), "the place was given back");
        let c = running.claim(UserId(3));
        assert!(c.is_ok());
        assert_eq!(Running::with_capacity(0).capacity(), 1);
    }
}

/// How to import.
#[derive(Debug, Default)]
pub struct Options {
    /// Import the good rows and report the bad ones, instead of all or nothing.
    pub skip_invalid: bool,
    /// The job's place among the running imports (none from the command line), given back as
    /// the job ends.
    pub place: Option<Place>,
}

/// Records a started job for a prepared file in an organisation inside the caller's scope.
pub fn start(
    conn: &mut DbConn,
    caller: &AuthUser,
    org: OrgId,
    p: &Prepared,
) -> AppResult<ImportRow> {
    let target = OrganizationRow::find(conn, &caller.scope, org)?;
    ImportRow::start(
        conn,
        qldv_api_types::reports::ImportKind::Members,
        target.id,
        &p.file_name,
        &p.sha256,
        i64::try_from(p.sheet.rows.len()).unwrap_or(i64::MAX),
        Some(caller.id).filter(|id| id.0 > 0),
        &caller.username,
    )
}

/// The problems of a refused row, one per field error, placed in their columns.
pub(crate) fn field_problems(
    row: u32,
    member: &CreateMember,
    errors: Vec<FieldIssue>,
) -> Vec<ImportError> {
    let shown = serde_json::to_value(member).ok();
    errors
        .into_iter()
        .map(|e| {
            let field = e.field.rsplit('.').next().unwrap_or(&e.field).to_string();
            let value = shown
                .as_ref()
                .and_then(|v| {
                    v.get(&field)
                        .or_else(|| v.get("profile").and_then(|p| p.get(&field)))
                })
                .filter(|v| !v.is_null())
                .map(|v| {
                    v.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string())
                })
                // Dates as the clerk wrote them, not as the API spells them.
                .map(|v| match NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
                    Ok(d) => d.format("%d/%m/%Y").to_string(),
                    Err(_) => v,
                });
            ImportError {
                sheet: None,
                row,
                column: header_of(&field).map(str::to_string),
                value,
                code: e.code,
                message: e.message.served(),
            }
        })
        .collect()
}

/// Judges and writes every row of the file, a set at a time, noting the outcome and progress.
fn judge_all(
    conn: &mut Uow<'_>,
    judge: &mut rows::Judge<'_>,
    p: &Prepared,
    outcome: &mut Outcome,
    progress: &dyn Fn(i64),
) -> AppResult<()> {
    for chunk in p.sheet.rows.chunks(rows::CHUNK) {
        for result in judge.import(conn, chunk)? {
            match result {
                rows::RowResult::Created => outcome.created += 1,
                rows::RowResult::Unchanged => outcome.unchanged += 1,
                rows::RowResult::Refused(errs) => outcome.errors.extend(errs),
            }
            outcome.processed += 1;
        }
        progress(outcome.processed);
    }
    Ok(())
}

/// A job's report as `privacy` allows: the values it quotes from personal-data columns masked.
pub fn shown(
    mut job: qldv_api_types::reports::ImportJob,
    privacy: crate::domain::privacy::Privacy,
) -> qldv_api_types::reports::ImportJob {
    use crate::domain::privacy::Field;
    for e in &mut job.errors {
        let field = e
            .column
            .as_deref()
            .and_then(columns::field_of_header)
            .and_then(Field::of_name);
        if let Some(f) = field {
            e.value = privacy.show(f, e.value.take());
        }
    }
    job
}

/// Records a job that could not run to its end (its own connection failed) as failed.
pub fn abandon(conn: &mut DbConn, job: ImportId, e: &AppError) -> AppResult<()> {
    ImportRow::fail_if_running(conn, job, &e.problem().detail)
}

/// Runs a started job to its end in one transaction and records the outcome; `progress` is
/// called after each row. Every row is judged by the rule settings as read at the start.
pub fn run(
    conn: &mut DbConn,
    caller: &AuthUser,
    job: &ImportRow,
    p: &Prepared,
    opts: Options,
    today: NaiveDate,
    progress: &dyn Fn(i64),
) -> AppResult<ImportStatus> {
    let mut outcome = Outcome::default();
    let mut rolled_back = false;
    // Identifiers told held outside the caller's scope, audited whether the import commits or not.
    let mut elsewhere = Vec::new();
    let result = OrganizationRow::find(conn, &caller.scope, job.organization_id)
        .and_then(|target| {
            Ok((
                target,
                crate::services::disclosure::allowance(conn, caller)?,
            ))
        })
        .and_then(|(target, allowance)| {
            crate::models::setting::with_cache(|| {
                crate::db::unit_of_work(conn, |c: &mut Uow<'_>| {
                    let mut judge = rows::Judge::new(caller, &target, p, today, allowance);
                    let judged = judge_all(c, &mut judge, p, &mut outcome, progress);
                    elsewhere = judge.take_elsewhere();
                    judged?;
                    if !outcome.errors.is_empty() && !opts.skip_invalid {
                        rolled_back = true;
                        return Err(AppError::Validation(Vec::new()));
                    }
                    Ok(())
                })
            })
        });
    crate::services::disclosure::record(conn, caller, &elsewhere)?;
    let status = match result {
        Ok(()) if outcome.errors.is_empty() || opts.skip_invalid => ImportStatus::Succeeded,
        Ok(()) => ImportStatus::Failed,
        Err(_) if rolled_back => {
            outcome.created = 0;
            outcome.unchanged = 0;
            outcome.message =
                Some(crate::messages::imports::rolled_back(outcome.errors.len()).served());
            ImportStatus::Failed
        }
        Err(e) => {
            outcome.created = 0;
            outcome.unchanged = 0;
            outcome.message = Some(e.problem().detail);
            ImportStatus::Failed
        }
    };
    if outcome.created > 0 {
        // A large import leaves a change per member and level in the composition counts' queue.
        // The rows are committed whatever happens here: the server folds again every few minutes.
        if let Err(e) = crate::models::composition_rollup::fold(conn) {
            tracing::warn!(import = %job.id, error = %e, "composition counts not folded after an import");
        }
    }
    // The job's place is given back before its end is visible, so a client that polled the end
    // may start the next import at once.
    drop(opts.place);
    ImportRow::finish(conn, job.id, status, &outcome)?;
    Ok(status)
}
