//! Judging and writing an import's rows a thousand at a time: each row checked by the API's own
//! rules in order (cells, duplicates in the file, records already kept, the cell, every rule of
//! a creation, identifiers held elsewhere), with one query per set for the records holding the
//! set's identifiers and the organisations named cached; the accepted rows then written together
//! by the same code as one creation through the API.

use qldv_api_types::member_fields::MemberField;
use qldv_api_types::vocabulary::Vietnamese;
use qldv_api_types::MemberId;
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use qldv_api_types::reports::ImportError;
use qldv_api_types::OrgId;
use validator::Validate;

use super::columns::{self, problem, ParsedRow};
use super::read::Row;
use super::{field_problems, Prepared};
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::domain::disclosure::HeldElsewhere;
use crate::error::{AppError, AppResult};
use crate::models::member::MemberRow;
use crate::models::organization::{KindRow, OrganizationRow};
use crate::models::uow::Uow;
use crate::services::disclosure;
use crate::services::members::{self, Key, Planned};

/// Rows judged and written together.
pub const CHUNK: usize = 1_000;

/// One row: created, unchanged (already recorded), or its problems.
pub(crate) enum RowResult {
    Created,
    Unchanged,
    Refused(Vec<ImportError>),
}

/// What an import has learnt so far: the identifiers seen in the file and created, the
/// organisations named and whether their kinds hold members.
pub struct Judge<'a> {
    caller: &'a AuthUser,
    target: &'a OrganizationRow,
    file: &'a Prepared,
    today: NaiveDate,
    /// Each CCCD and history number as written, with the first row that wrote it.
    seen: HashMap<String, u32>,
    /// The identifiers of the records this import created, as stored.
    created: HashSet<(bool, String)>,
    /// The organisation each `Mã chi bộ` names (`None`: none inside the target).
    cells: HashMap<String, Option<OrganizationRow>>,
    /// Whether each kind of organisation holds members.
    kinds: HashMap<String, bool>,
    /// Identifiers reported held outside the caller's scope (to audit once the import ends).
    elsewhere: Vec<HeldElsewhere>,
    /// How many more of those the caller may be told.
    allowance: u32,
}

/// A row after the checks that need no other row.
enum Judged {
    Done(RowResult),
    Planned(
        u32,
        Box<Planned>,
        Box<qldv_api_types::members::CreateMember>,
    ),
}

fn refused(row: u32, e: &AppError) -> RowResult {
    let p = e.problem();
    RowResult::Refused(vec![ImportError {
        sheet: None,
        row,
        column: None,
        value: None,
        code: p.code.to_string(),
        message: p.detail,
    }])
}

impl<'a> Judge<'a> {
    /// Starts judging `file` for `caller` into `target`.
    pub fn new(
        caller: &'a AuthUser,
        target: &'a OrganizationRow,
        file: &'a Prepared,
        today: NaiveDate,
        allowance: u32,
    ) -> Self {
        Self {
            caller,
            target,
            file,
            today,
            seen: HashMap::new(),
            created: HashSet::new(),
            cells: HashMap::new(),
            kinds: HashMap::new(),
            elsewhere: Vec::new(),
            allowance,
        }
    }

    /// The identifiers reported held outside the caller's scope so far.
    pub fn take_elsewhere(&mut self) -> Vec<HeldElsewhere> {
        std::mem::take(&mut self.elsewhere)
    }

    /// Judges a set of rows and writes the accepted ones; each row's result, in order.
    pub(crate) fn import(&mut self, conn: &mut Uow<'_>, rows: &[Row]) -> AppResult<Vec<RowResult>> {
        let parsed: Vec<(u32, Result<ParsedRow, Vec<ImportError>>)> = rows
            .iter()
            .map(|row| (row.no, columns::parse_row(row, &self.file.at)))
            .collect();
        let written: Vec<(&str, &str)> = parsed
            .iter()
            .filter_map(|(_, p)| p.as_ref().ok())
            .flat_map(|p| {
                let m = &p.member.profile;
                [
                    m.national_id.as_deref().map(|v| ("cccd", v)),
                    m.personal_history_no.as_deref().map(|v| ("history", v)),
                ]
            })
            .flatten()
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let kept = Kept::read(conn, &written)?;
        let mut judged = Vec::with_capacity(parsed.len());
        for (row, p) in parsed {
            judged.push(match p {
                Ok(p) => self.judge(conn, row, p, &kept)?,
                Err(errs) => Judged::Done(RowResult::Refused(errs)),
            });
        }
        self.write(conn, judged)
    }

    /// The checks of one row that need no other row of its set.
    fn judge(
        &mut self,
        conn: &mut DbConn,
        row: u32,
        parsed: ParsedRow,
        kept: &Kept,
    ) -> AppResult<Judged> {
        let mut member = parsed.member;
        let keys = [
            (
                MemberField::NationalId.vi(),
                member.profile.national_id.clone(),
            ),
            (
                MemberField::PersonalHistoryNo.vi(),
                member.profile.personal_history_no.clone(),
            ),
        ];
        for (column, value) in &keys {
            if let Some(first) = value.as_ref().and_then(|v| self.seen.get(v)) {
                return Ok(Judged::Done(RowResult::Refused(vec![problem(
                    row,
                    column,
                    value.as_deref(),
                    "duplicate_in_file",
                    crate::messages::imports::duplicate_in_file(first).served(),
                )])));
            }
        }
        for v in keys.iter().filter_map(|(_, v)| v.clone()) {
            self.seen.insert(v, row);
        }
        // Already recorded here: nothing to do. Recorded anywhere else is said only once the row
        // has passed every other rule (an invalid row tells nothing of who holds its numbers).
        if kept
            .path_of(
                member.profile.national_id.as_deref(),
                member.profile.personal_history_no.as_deref(),
            )
            .is_some_and(|path| crate::domain::tree::is_within(path, &self.target.path))
        {
            return Ok(Judged::Done(RowResult::Unchanged));
        }
        let Some(org) = self.cell_of(conn, parsed.organization.as_deref())? else {
            let named = parsed.organization.as_deref();
            return Ok(Judged::Done(RowResult::Refused(vec![problem(
                row,
                MemberField::OrganizationId.vi(),
                named,
                "organization_not_found",
                crate::messages::imports::cell_not_in(&self.target.name).served(),
            )])));
        };
        member.organization_id = org.id;
        if let Err(e) = member.validate() {
            let AppError::Validation(errs) = AppError::from(e) else {
                return Err(AppError::internal("validation error of another kind"));
            };
            return Ok(Judged::Done(RowResult::Refused(field_problems(
                row, &member, errs,
            ))));
        }
        let holds = match self.kinds.get(&org.kind) {
            Some(h) => *h,
            None => {
                let h = KindRow::get(conn, &org.kind)?.holds_members;
                self.kinds.insert(org.kind.clone(), h);
                h
            }
        };
        Ok(
            match members::plan(conn, &org, holds, &member, self.today) {
                Ok(plan) => Judged::Planned(row, Box::new(plan), Box::new(member)),
                Err(AppError::Validation(errs)) => {
                    Judged::Done(RowResult::Refused(field_problems(row, &member, errs)))
                }
                Err(
                    e @ (AppError::Conflict(..)
                    | AppError::Rule(..)
                    | AppError::NotFound(..)
                    | AppError::Forbidden(..)),
                ) => Judged::Done(refused(row, &e)),
                Err(e) => return Err(e),
            },
        )
    }

    /// The cell a row belongs to: the job's organisation, or the one the row names (by id or
    /// code) inside it; `None` when it names none there.
    fn cell_of(
        &mut self,
        conn: &mut DbConn,
        named: Option<&str>,
    ) -> AppResult<Option<OrganizationRow>> {
        let Some(named) = named else {
            return Ok(Some(self.target.clone()));
        };
        if let Some(found) = self.cells.get(named) {
            return Ok(found.clone());
        }
        let inside = self.caller.scope.narrow(self.target.id, &self.target.path);
        let found = match named.parse::<i64>() {
            Ok(id) => OrganizationRow::find(conn, &inside, OrgId(id)),
            Err(_) => OrganizationRow::by_code(conn, &inside, named),
        };
        let found = match found {
            Ok(o) => Some(o),
            Err(AppError::NotFound(_)) => None,
            Err(e) => return Err(e),
        };
        self.cells.insert(named.to_string(), found.clone());
        Ok(found)
    }

    /// Refuses the planned rows whose identifiers (as stored) another record or an earlier row
    /// holds, writes the others together, and returns every row's result in order.
    fn write(&mut self, conn: &mut Uow<'_>, judged: Vec<Judged>) -> AppResult<Vec<RowResult>> {
        let stored: Vec<(&str, &str)> = judged
            .iter()
            .filter_map(|j| match j {
                Judged::Planned(_, plan, _) => Some(plan.keys()),
                Judged::Done(_) => None,
            })
            .flatten()
            .map(|k| match k {
                Key::NationalId(v) => ("cccd", v),
                Key::HistoryNo(v) => ("history", v),
            })
            .collect();
        let held = Kept::read(conn, &stored)?;
        let mut results = Vec::with_capacity(judged.len());
        let mut plans = Vec::new();
        for j in judged {
            match j {
                Judged::Done(r) => results.push(r),
                Judged::Planned(row, plan, _member) => {
                    let taken = plan.keys().into_iter().find_map(|k| {
                        let (cccd, v) = match k {
                            Key::NationalId(v) => (true, v),
                            Key::HistoryNo(v) => (false, v),
                        };
                        if self.created.contains(&(cccd, v.to_string())) {
                            return Some(members::taken(k));
                        }
                        held.holder(cccd, v)
                            .map(|h| disclosure::held(self.caller, k, h.clone()))
                    });
                    match taken {
                        Some(AppError::HeldElsewhere(h)) => {
                            if self.allowance == 0 {
                                // Told no more: the import stops here, this row untold.
                                return Err(disclosure::exhausted());
                            }
                            self.allowance -= 1;
                            results.push(refused(row, &AppError::HeldElsewhere(h.clone())));
                            self.elsewhere.push(*h);
                            continue;
                        }
                        Some(e) => {
                            results.push(refused(row, &e));
                            continue;
                        }
                        None => {}
                    }
                    for k in plan.keys() {
                        self.created.insert(match k {
                            Key::NationalId(v) => (true, v.to_string()),
                            Key::HistoryNo(v) => (false, v.to_string()),
                        });
                    }
                    results.push(RowResult::Created);
                    plans.push(*plan);
                }
            }
        }
        members::write(conn, &self.caller.actor(), plans)?;
        Ok(results)
    }
}

/// The records already holding some identifiers: each value with the holder's id and
/// organisation path.
struct Kept {
    cccd: HashMap<String, (MemberId, String)>,
    history: HashMap<String, (MemberId, String)>,
}

impl Kept {
    /// Reads the holders of `values` (`("cccd" | "history", value)`) in one query.
    fn read(conn: &mut DbConn, values: &[(&str, &str)]) -> AppResult<Self> {
        let pick = |which: &str| -> Vec<&str> {
            values
                .iter()
                .filter(|(w, _)| *w == which)
                .map(|(_, v)| *v)
                .collect()
        };
        let mut kept = Self {
            cccd: HashMap::new(),
            history: HashMap::new(),
        };
        for (id, cccd, history, path) in MemberRow::holding(conn, &pick("cccd"), &pick("history"))?
        {
            if let Some(v) = cccd {
                kept.cccd.insert(v, (id, path.clone()));
            }
            if let Some(v) = history {
                kept.history.insert(v, (id, path));
            }
        }
        Ok(kept)
    }

    /// The record holding this CCCD (`cccd`) or history number: its id and path.
    fn holder(&self, cccd: bool, value: &str) -> Option<&(MemberId, String)> {
        if cccd {
            self.cccd.get(value)
        } else {
            self.history.get(value)
        }
    }

    /// The path of the record holding the CCCD, else the one holding the history number.
    fn path_of(&self, cccd: Option<&str>, history: Option<&str>) -> Option<&str> {
        cccd.and_then(|v| self.cccd.get(v))
            .or_else(|| history.and_then(|v| self.history.get(v)))
            .map(|(_, path)| path.as_str())
    }
}
