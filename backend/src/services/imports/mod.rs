//! Bulk import of existing records from a spreadsheet: every row validated with the API's own
//! rules, all or nothing (by default) in one transaction, rows matching an existing record by
//! CCCD or personal-history number left unchanged so that a second import creates nothing.

pub mod columns;
pub mod read;
pub mod template;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use qldv_api_types::members::CreateMember;
use qldv_api_types::reports::{ImportError, ImportStatus};
use qldv_api_types::{FieldError, OrgId};
use sha2::{Digest, Sha256};
use validator::Validate;

use crate::auth::{AuthUser, Scope};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::models::import::{ImportRow, Outcome};
use crate::models::member::MemberRow;
use crate::models::organization::OrganizationRow;
use columns::{header_of, problem};
use read::Sheet;

/// Rows validated so far by each running job of this process (a job's transaction is not
/// visible to others until it ends, so its progress lives here).
#[derive(Debug, Clone, Default)]
pub struct Progress(Arc<Mutex<HashMap<i64, i64>>>);

impl Progress {
    /// Notes a job's progress.
    pub fn set(&self, job: i64, processed: i64) {
        if let Ok(mut m) = self.0.lock() {
            m.insert(job, processed);
        }
    }

    /// A running job's progress.
    pub fn get(&self, job: i64) -> Option<i64> {
        self.0.lock().ok().and_then(|m| m.get(&job).copied())
    }

    /// Forgets a finished job.
    pub fn clear(&self, job: i64) {
        if let Ok(mut m) = self.0.lock() {
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

fn file_error(e: &ImportError) -> FieldError {
    FieldError {
        field: "file".into(),
        code: e.code.clone(),
        message: e.message.clone(),
    }
}

/// Reads a file; an unreadable file or missing required columns is a 422 naming them.
pub fn prepare(file_name: &str, bytes: &[u8]) -> AppResult<Prepared> {
    let sheet =
        read::read(file_name, bytes).map_err(|e| AppError::Validation(vec![file_error(&e)]))?;
    let at = columns::locate(&sheet.header)
        .map_err(|errs| AppError::Validation(errs.iter().map(file_error).collect()))?;
    if sheet.rows.is_empty() {
        return Err(AppError::field(
            "file",
            "empty_file",
            "Tệp không có dòng dữ liệu nào",
        ));
    }
    Ok(Prepared {
        file_name: file_name.to_string(),
        sha256: hex::encode(Sha256::digest(bytes)),
        sheet,
        at,
    })
}

/// How to import.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Import the good rows and report the bad ones, instead of all or nothing.
    pub skip_invalid: bool,
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
        target.id,
        &p.file_name,
        &p.sha256,
        i64::try_from(p.sheet.rows.len()).unwrap_or(i64::MAX),
        Some(caller.id).filter(|id| *id > 0),
        &caller.username,
    )
}

/// The problems of a refused row, one per field error, placed in their columns.
fn field_problems(row: u32, member: &CreateMember, errors: Vec<FieldError>) -> Vec<ImportError> {
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
                row,
                column: header_of(&field).map(str::to_string),
                value,
                code: e.code,
                message: e.message,
            }
        })
        .collect()
}

/// The cell a row belongs to: the job's organisation, or the one the row names (by id or code)
/// inside it.
fn cell_of(
    conn: &mut DbConn,
    caller_scope: &Scope,
    target: &OrganizationRow,
    named: Option<&str>,
    row: u32,
) -> Result<i64, ImportError> {
    let Some(named) = named else {
        return Ok(target.id);
    };
    let inside = caller_scope.narrow(target.id, &target.path);
    let found = match named.parse::<i64>() {
        Ok(id) => OrganizationRow::find(conn, &inside, OrgId(id)),
        Err(_) => OrganizationRow::by_code(conn, &inside, named),
    };
    found.map(|o| o.id).map_err(|_| {
        problem(
            row,
            "Mã chi bộ",
            Some(named),
            "organization_not_found",
            format!("Không có chi bộ này trong {}", target.name),
        )
    })
}

/// One row: created, unchanged (already recorded), or its problems.
enum RowResult {
    Created,
    Unchanged,
    Refused(Vec<ImportError>),
}

fn import_row(
    conn: &mut DbConn,
    caller: &AuthUser,
    target: &OrganizationRow,
    p: &Prepared,
    (row, cells): (u32, &[String]),
    seen: &mut HashMap<String, u32>,
    today: NaiveDate,
) -> AppResult<RowResult> {
    let parsed = match columns::parse_row(row, cells, &p.at) {
        Ok(parsed) => parsed,
        Err(errs) => return Ok(RowResult::Refused(errs)),
    };
    let mut member = parsed.member;
    let keys = [
        ("Số CCCD", member.profile.national_id.clone()),
        ("Số lý lịch", member.profile.personal_history_no.clone()),
    ];
    for (column, value) in keys.iter() {
        if let Some(v) = value {
            if let Some(first) = seen.get(v) {
                return Ok(RowResult::Refused(vec![problem(
                    row,
                    column,
                    Some(v),
                    "duplicate_in_file",
                    format!("Trùng với dòng {first} của tệp"),
                )]));
            }
        }
    }
    for v in keys.iter().filter_map(|(_, v)| v.clone()) {
        seen.insert(v, row);
    }
    let existing = MemberRow::matching(
        conn,
        member.profile.national_id.as_deref(),
        member.profile.personal_history_no.as_deref(),
    )?;
    if let Some((_, path)) = existing {
        if crate::domain::tree::is_within(&path, &target.path) {
            return Ok(RowResult::Unchanged);
        }
        return Ok(RowResult::Refused(vec![ImportError {
            row,
            column: None,
            value: None,
            code: "recorded_elsewhere".into(),
            message: "Đảng viên này đã có hồ sơ ở tổ chức khác; cần chuyển sinh hoạt thay vì nhập"
                .into(),
        }]));
    }
    member.organization_id = match cell_of(
        conn,
        &caller.scope,
        target,
        parsed.organization.as_deref(),
        row,
    ) {
        Ok(id) => OrgId(id),
        Err(e) => return Ok(RowResult::Refused(vec![e])),
    };
    if let Err(e) = member.validate() {
        let AppError::Validation(errs) = AppError::from(e) else {
            return Err(AppError::internal("validation error of another kind"));
        };
        return Ok(RowResult::Refused(field_problems(row, &member, errs)));
    }
    // A savepoint per row: a refused row leaves the others' work intact.
    use diesel::Connection;
    let created = conn.transaction(|c| super::members::create(c, caller, &member, today));
    Ok(match created {
        Ok(_) => RowResult::Created,
        Err(AppError::Validation(errs)) => RowResult::Refused(field_problems(row, &member, errs)),
        Err(
            e @ (AppError::Conflict(..)
            | AppError::Rule(..)
            | AppError::NotFound(..)
            | AppError::Forbidden(..)),
        ) => {
            let p = e.problem();
            RowResult::Refused(vec![ImportError {
                row,
                column: None,
                value: None,
                code: p.code,
                message: p.detail,
            }])
        }
        Err(e) => return Err(e),
    })
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
    let result =
        OrganizationRow::find(conn, &caller.scope, OrgId(job.organization_id)).and_then(|target| {
            crate::models::setting::with_cache(|| {
                crate::db::write_transaction(conn, |c| {
                    let mut seen = HashMap::new();
                    for (row, cells) in &p.sheet.rows {
                        match import_row(c, caller, &target, p, (*row, cells), &mut seen, today)? {
                            RowResult::Created => outcome.created += 1,
                            RowResult::Unchanged => outcome.unchanged += 1,
                            RowResult::Refused(errs) => outcome.errors.extend(errs),
                        }
                        outcome.processed += 1;
                        progress(outcome.processed);
                    }
                    if !outcome.errors.is_empty() && !opts.skip_invalid {
                        rolled_back = true;
                        return Err(AppError::Validation(Vec::new()));
                    }
                    Ok(())
                })
            })
        });
    let status = match result {
        Ok(()) if outcome.errors.is_empty() || opts.skip_invalid => ImportStatus::Succeeded,
        Ok(()) => ImportStatus::Failed,
        Err(_) if rolled_back => {
            outcome.created = 0;
            outcome.unchanged = 0;
            outcome.message = Some(format!(
                "{} lỗi; không dòng nào được nhập. Sửa các dòng lỗi rồi nhập lại.",
                outcome.errors.len()
            ));
            ImportStatus::Failed
        }
        Err(e) => {
            outcome.created = 0;
            outcome.unchanged = 0;
            outcome.message = Some(e.problem().detail);
            ImportStatus::Failed
        }
    };
    ImportRow::finish(conn, job.id, status, &outcome)?;
    if outcome.created > 0 {
        // A large import leaves a change per member and level in the composition counts' queue.
        crate::models::composition_rollup::fold(conn)?;
    }
    Ok(status)
}
