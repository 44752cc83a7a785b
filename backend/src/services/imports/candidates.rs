//! Import of candidates (issue 22) with the members' machinery: the same reader, identity
//! columns, template layout, row-level error report and `imports` job record; each row goes
//! through `services::candidates::create`, so a candidate imported obeys the rules of one
//! entered by hand. All or nothing unless `skip_invalid`.

use chrono::NaiveDate;
use qldv_api_types::reports::{ImportError, ImportStatus};
use qldv_api_types::{ErrorCode, OrgId};
use sha2::{Digest, Sha256};

use super::candidate_columns::{self, header_of, parse_row};
use super::columns::{self, COLUMNS};
use super::read::{self, Sheet};
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::models::import::{ImportRow, Outcome};
use crate::models::organization::OrganizationRow;
use crate::models::uow::Uow;

/// A file read and its columns located.
#[derive(Debug)]
pub struct Prepared {
    file_name: String,
    sha256: String,
    sheet: Sheet,
    /// Position of each identity column, then of each extra column.
    at: Vec<Option<usize>>,
}

/// Reads a file within `limits`: a 413 when over them, a 422 when unreadable, empty or missing a
/// required column.
pub fn prepare(file_name: &str, bytes: &[u8], limits: &read::Limits) -> AppResult<Prepared> {
    let sheet = read::read(file_name, bytes, limits, &candidate_columns::is_column)
        .map_err(read::Refusal::into_app_error)?;
    let at = candidate_columns::locate(&sheet.header).map_err(|missing| {
        AppError::Validation(
            missing
                .iter()
                .map(|h| {
                    crate::error::FieldIssue::new(
                        "file",
                        "missing_column",
                        crate::messages::imports::missing_column(h),
                    )
                })
                .collect(),
        )
    })?;
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

/// The problems of a row `create` refused.
fn refusal(row: u32, e: AppError) -> Vec<ImportError> {
    match e {
        AppError::Validation(errs) => errs
            .into_iter()
            .map(|f| {
                let field = f.field.rsplit('.').next().unwrap_or(&f.field).to_string();
                let field = field.split('[').next().unwrap_or_default().to_string();
                ImportError {
                    sheet: None,
                    row,
                    column: header_of(&field).map(str::to_string),
                    value: None,
                    code: f.code,
                    message: f.message.served(),
                }
            })
            .collect(),
        e => {
            let p = e.problem();
            let column = match p.code {
                ErrorCode::NationalIdTaken => columns::header_of("national_id"),
                ErrorCode::PersonalHistoryNoTaken => columns::header_of("personal_history_no"),
                _ => None,
            };
            vec![ImportError {
                sheet: None,
                row,
                column: column.map(str::to_string),
                value: None,
                code: p.code.to_string(),
                message: p.detail,
            }]
        }
    }
}

/// The cell a row goes to: `org`, or the organisation the row names (by id or code) inside it.
fn cell_of(
    conn: &mut DbConn,
    caller: &AuthUser,
    target: &OrganizationRow,
    named: Option<&str>,
) -> AppResult<Option<OrgId>> {
    let Some(named) = named else {
        return Ok(Some(target.id));
    };
    let inside = caller.scope.narrow(target.id, &target.path);
    let found = match named.parse::<i64>() {
        Ok(id) => OrganizationRow::find(conn, &inside, OrgId(id)),
        Err(_) => OrganizationRow::by_code(conn, &inside, named),
    };
    match found {
        Ok(o) => Ok(Some(o.id)),
        Err(AppError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Imports a prepared file into `org` (in the caller's scope): records the job, creates each
/// row's candidate in one transaction (rolled back on any refused row unless `skip_invalid`),
/// and records the outcome; the finished job.
pub fn run(
    conn: &mut DbConn,
    caller: &AuthUser,
    org: OrgId,
    p: &Prepared,
    skip_invalid: bool,
    today: NaiveDate,
) -> AppResult<ImportRow> {
    let target = OrganizationRow::find(conn, &caller.scope, org)?;
    let job = ImportRow::start(
        conn,
        qldv_api_types::reports::ImportKind::Candidates,
        target.id,
        &p.file_name,
        &p.sha256,
        i64::try_from(p.sheet.rows.len()).unwrap_or(i64::MAX),
        Some(caller.id).filter(|id| id.0 > 0),
        &caller.username,
    )?;
    let mut outcome = Outcome::default();
    let mut rolled_back = false;
    // Identifiers told held outside the caller's scope: counted against the caller's allowance
    // and audited whether the import commits or not, as in the members' import.
    let mut allowance = crate::services::disclosure::allowance(conn, caller)?;
    let mut elsewhere = Vec::new();
    let result = crate::db::unit_of_work(conn, |c: &mut Uow<'_>| {
        for row in &p.sheet.rows {
            outcome.processed += 1;
            let (body, named) = match parse_row(row, &p.at) {
                Ok(parsed) => parsed,
                Err(errs) => {
                    outcome.errors.extend(errs);
                    continue;
                }
            };
            let Some(cell) = cell_of(c, caller, &target, named.as_deref())? else {
                outcome.errors.push(columns::problem(
                    row.no,
                    COLUMNS[0].header(),
                    named.as_deref(),
                    "organization_not_found",
                    crate::messages::imports::cell_not_in(&target.name).served(),
                ));
                continue;
            };
            match crate::services::candidates::create(c, caller, cell, &body, today) {
                Ok(_) => outcome.created += 1,
                Err(AppError::HeldElsewhere(h)) => {
                    if allowance == 0 {
                        return Err(crate::services::disclosure::exhausted());
                    }
                    allowance -= 1;
                    elsewhere.push(*h.clone());
                    outcome
                        .errors
                        .extend(refusal(row.no, AppError::HeldElsewhere(h)));
                }
                Err(
                    e @ (AppError::Validation(..)
                    | AppError::Conflict(..)
                    | AppError::Rule(..)
                    | AppError::NotFound(..)),
                ) => outcome.errors.extend(refusal(row.no, e)),
                Err(e) => return Err(e),
            }
        }
        if !outcome.errors.is_empty() && !skip_invalid {
            rolled_back = true;
            return Err(AppError::Validation(Vec::new()));
        }
        Ok(())
    });
    crate::services::disclosure::record(conn, caller, &elsewhere)?;
    let status = match result {
        Ok(()) => ImportStatus::Succeeded,
        Err(e) => {
            outcome.created = 0;
            outcome.message = Some(if rolled_back {
                crate::messages::imports::rolled_back(outcome.errors.len()).served()
            } else {
                e.problem().detail
            });
            ImportStatus::Failed
        }
    };
    ImportRow::finish(conn, job.id, status, &outcome)?;
    ImportRow::find(conn, &caller.scope, job.id)
}
