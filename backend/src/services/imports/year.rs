//! What the imports of a cell's year (issue 23) share: the file read whole (every column kept,
//! so that a column whose header does not read is reported rather than dropped), the member
//! columns matched against the cell's roster, the row-level problems naming their sheet, the
//! job record and its all-or-nothing ending.

use qldv_api_types::reports::{ImportError, ImportKind, ImportStatus};
use qldv_api_types::{MemberId, OrgId};
use sha2::{Digest, Sha256};
use std::ops::Not;

use super::columns::key;
use super::read::{self, Row, Sheet};
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::error::{AppError, AppResult, FieldIssue};
use crate::messages::imports::year as msg;
use crate::messages::Text;
use crate::models::cell_roster::RosterMember;
use crate::models::import::{ImportRow, Outcome};
use crate::models::uow::Uow;

/// Header of the party card number column.
pub const CARD: &str = "Số thẻ đảng viên";
/// Header of the personal-history number column.
pub const HISTORY: &str = "Số lý lịch";
/// Header of the name column.
pub const NAME: &str = "Họ và tên";

/// A file of a cell's year, read.
#[derive(Debug)]
pub struct YearFile {
    /// File name as uploaded.
    pub file_name: String,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// The worksheet's name, as problems quote it.
    pub sheet_name: String,
    /// Header and rows, every column kept.
    pub sheet: Sheet,
    /// Where the member columns are.
    pub who: Who,
}

/// Where the member columns are in a file.
#[derive(Debug, Clone, Copy)]
pub struct Who {
    /// `Số thẻ đảng viên`.
    pub card: Option<usize>,
    /// `Số lý lịch`.
    pub history: Option<usize>,
    /// `Họ và tên`.
    pub name: usize,
}

impl Who {
    /// Whether column `i` is one of them.
    pub fn is(&self, i: usize) -> bool {
        self.card == Some(i) || self.history == Some(i) || self.name == i
    }
}

/// Reads a file within `limits` (413 over them, 422 unreadable, empty, or without `Họ và tên`
/// and one of the two numbers).
pub fn read_file(file_name: &str, bytes: &[u8], limits: &read::Limits) -> AppResult<YearFile> {
    let sheet =
        read::read(file_name, bytes, limits, &|_| true).map_err(read::Refusal::into_app_error)?;
    let find = |h: &str| sheet.header.iter().position(|x| key(x) == key(h));
    let (card, history) = (find(CARD), find(HISTORY));
    let missing = |h: &str| {
        AppError::Validation(vec![FieldIssue::new(
            "file",
            "missing_column",
            crate::messages::imports::missing_column(h),
        )])
    };
    let name = find(NAME).ok_or_else(|| missing(NAME))?;
    if card.is_none() && history.is_none() {
        return Err(missing(CARD));
    }
    if sheet.rows.is_empty() {
        return Err(crate::messages::imports::empty_file());
    }
    Ok(YearFile {
        file_name: file_name.to_string(),
        sha256: hex::encode(Sha256::digest(bytes)),
        sheet_name: sheet.name.clone().unwrap_or_else(|| file_name.to_string()),
        sheet,
        who: Who {
            card,
            history,
            name,
        },
    })
}

impl YearFile {
    /// A problem with a cell of this file's sheet.
    pub fn problem(
        &self,
        row: u32,
        column: Option<&str>,
        value: Option<&str>,
        code: &str,
        message: &Text,
    ) -> ImportError {
        ImportError {
            sheet: Some(self.sheet_name.as_str().into()),
            row,
            column: column.map(str::to_string),
            value: value.map(str::to_string),
            code: code.to_string(),
            message: message.served(),
        }
    }

    /// The trimmed text of a row's cell, if not blank.
    pub fn text<'r>(&self, row: &'r Row, at: Option<usize>) -> Option<&'r str> {
        at.and_then(|i| row.cell(i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    /// Whether a row names no member (both numbers blank): a row of meeting details.
    pub fn is_detail_row(&self, row: &Row) -> bool {
        self.text(row, self.who.card).is_none() && self.text(row, self.who.history).is_none()
    }

    /// The member a row names, found in `roster` by card or personal-history number and
    /// checked against the name written; else the row's problem.
    pub fn member<'a>(
        &self,
        row: &Row,
        roster: &'a [RosterMember],
    ) -> Result<&'a RosterMember, ImportError> {
        let same = |a: &Option<String>, b: &str| a.as_deref().is_some_and(|a| key(a) == key(b));
        let by = |at: Option<usize>, header: &str, number: fn(&RosterMember) -> &Option<String>| {
            self.text(row, at).map(|v| {
                roster.iter().find(|m| same(number(m), v)).ok_or_else(|| {
                    self.problem(
                        row.no,
                        Some(header),
                        Some(v),
                        "member_not_found",
                        &msg::member_not_found(header),
                    )
                })
            })
        };
        let found = match by(self.who.card, CARD, |m| &m.card_number) {
            Some(Ok(m)) => Ok(m),
            by_card => match by(self.who.history, HISTORY, |m| &m.personal_history_no) {
                Some(found) => found,
                None => by_card.unwrap_or_else(|| {
                    Err(self.problem(
                        row.no,
                        Some(CARD),
                        None,
                        "required",
                        &msg::member_number_missing(),
                    ))
                }),
            },
        }?;
        let written = self.text(row, Some(self.who.name)).unwrap_or_default();
        if same_name(written, &found.full_name).not() {
            return Err(self.problem(
                row.no,
                Some(NAME),
                Some(written),
                "member_name_mismatch",
                &msg::name_mismatch(&found.full_name),
            ));
        }
        Ok(found)
    }

    /// The member of every member row (each once), or the rows' problems.
    pub fn members(
        &self,
        roster: &[RosterMember],
        rows: &[&Row],
    ) -> Result<Vec<MemberId>, Vec<ImportError>> {
        let mut errors = Vec::new();
        let mut ids: Vec<MemberId> = Vec::with_capacity(rows.len());
        for row in rows {
            match self.member(row, roster) {
                Ok(m) if ids.contains(&m.id) => errors.push(self.problem(
                    row.no,
                    Some(NAME),
                    Some(&m.full_name),
                    "member_repeated",
                    &msg::member_repeated(),
                )),
                Ok(m) => ids.push(m.id),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(ids)
        } else {
            Err(errors)
        }
    }
}

/// Whether two names are the same but for case and spacing (tones count: An is not Ân).
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        crate::domain::vn_text::into_nfc(s.to_string())
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}

/// The index in `field` (`attendance[3]`, `payments[3].amount`), if any.
pub fn index_in(field: &str) -> Option<usize> {
    let open = field.find('[')?;
    let close = field[open..].find(']')? + open;
    field.get(open + 1..close)?.parse().ok()
}

/// Whether an error is a refusal of the data (reported on its rows) rather than a failure.
pub fn is_refusal(e: &AppError) -> bool {
    matches!(
        e,
        AppError::Validation(..) | AppError::Conflict(..) | AppError::Rule(..)
    )
}

/// The field problems of a refusal (one, with the problem's detail, when it has none).
pub fn issues(e: AppError) -> Vec<(String, String, Text)> {
    match e {
        AppError::Validation(list) if !list.is_empty() => list
            .into_iter()
            .map(|i| (i.field, i.code, i.message))
            .collect(),
        AppError::Conflict(code, text) | AppError::Rule(code, text) => {
            vec![(String::new(), code.to_string(), text)]
        }
        other => {
            let p = other.problem();
            let detail = p.detail.clone();
            vec![(
                String::new(),
                p.code.as_str().to_string(),
                Text {
                    vi: detail.clone(),
                    en: detail,
                },
            )]
        }
    }
}

/// Records a job of `kind` for `file` in `cell` (in the caller's scope), runs `body` in one
/// transaction (rolled back whole on any problem) and records the outcome; the finished job.
pub fn run(
    conn: &mut DbConn,
    caller: &AuthUser,
    (kind, cell): (ImportKind, OrgId),
    file: &YearFile,
    body: impl FnOnce(&mut Uow<'_>, &mut Outcome) -> AppResult<()>,
) -> AppResult<ImportRow> {
    let job = ImportRow::start(
        conn,
        kind,
        cell,
        &file.file_name,
        &file.sha256,
        i64::try_from(file.sheet.rows.len()).unwrap_or(i64::MAX),
        Some(caller.id).filter(|id| id.0 > 0),
        &caller.username,
    )?;
    let mut outcome = Outcome::default();
    let result = crate::db::unit_of_work(conn, |c: &mut Uow<'_>| {
        body(c, &mut outcome)?;
        if outcome.errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(Vec::new()))
        }
    });
    let status = match result {
        Ok(()) => ImportStatus::Succeeded,
        Err(e) => {
            outcome.created = 0;
            outcome.unchanged = 0;
            outcome.message = Some(if outcome.errors.is_empty() {
                e.problem().detail
            } else {
                crate::messages::imports::rolled_back(outcome.errors.len()).served()
            });
            ImportStatus::Failed
        }
    };
    ImportRow::finish(conn, job.id, status, &outcome)?;
    ImportRow::find(conn, &caller.scope, job.id)
}
