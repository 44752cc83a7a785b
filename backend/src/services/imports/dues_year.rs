//! Import of a cell's dues payments of a year (issue 23), laid out as the cell's collection
//! book: one sheet, a row per member (`Số thẻ đảng viên` or `Số lý lịch`, and `Họ và tên` to
//! check), a column per month of the year (`Tháng 1` … `Tháng 12`, or `01/2026`), each cell
//! the amount paid for that month in đồng (empty: not paid). Each month with an amount is the
//! month's sheet, recorded through `services::dues::sheet::record` (the service of
//! `PUT /organizations/{id}/dues-sheet/{month}`): it replaces what that month's sheet held, so
//! a second import of the file changes nothing (a month already holding exactly the file's
//! payments is not written again). A month that has not come needs a prepayment arrangement,
//! judged by `ledger::check_payment` as a collection made today. A month without any amount
//! is left as it is. All or nothing.

use chrono::NaiveDate;
use qldv_api_types::cell_year::PaymentChannel;
use qldv_api_types::dues::{DuesPaymentLine, RecordDuesSheet};
use qldv_api_types::reports::{ImportError, ImportKind};
use qldv_api_types::{MemberId, OrgId};
use validator::Validate;

use super::read::Row;
use super::year::{self, YearFile};
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::domain::cell_year::ledger::{check_payment, Payment};
use crate::domain::cell_year::Month;
use crate::error::{AppError, AppResult};
use crate::messages::imports::year as msg;
use crate::models::import::{ImportRow, Outcome};
use crate::models::uow::Uow;

/// A month's column.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    at: usize,
    header: String,
    month: Month,
}

/// The month of `year` a column's header names: `Tháng 3`, `T3`, `3`, `03/2026`, `Tháng
/// 03/2026` (another year's month does not read).
fn month_header(h: &str, year: i32) -> Option<Month> {
    // Folded: lower case, no tones, words separated by single spaces (`thang 03 2026`).
    let folded = crate::domain::vn_text::fold(h);
    let mut words: Vec<&str> = folded.split(' ').collect();
    if words.first() == Some(&"thang") {
        words.remove(0);
    }
    let (m, y) = match words.as_slice() {
        [m] => (m.strip_prefix('t').unwrap_or(m), None),
        [m, y] => (*m, Some(*y)),
        _ => return None,
    };
    if !m.chars().all(|c| c.is_ascii_digit()) || m.is_empty() {
        return None;
    }
    if let Some(y) = y {
        if y.parse::<i32>().ok()? != year {
            return None;
        }
    }
    Month::new(year, m.parse().ok()?)
}

/// An amount in đồng: digits, thousands optionally grouped by `.`, `,` or spaces (`85.000`),
/// an optional `đ` or `đồng` after; above zero. A decimal fraction does not read.
fn amount(v: &str) -> Option<i64> {
    let v = v.trim();
    let v = v
        .strip_suffix("đồng")
        .or_else(|| v.strip_suffix("đ"))
        .or_else(|| v.strip_suffix("VND"))
        .unwrap_or(v)
        .trim();
    let v: String = v.chars().filter(|c| !c.is_whitespace()).collect();
    let groups: Vec<&str> = v.split(['.', ',']).collect();
    let well_grouped = groups
        .iter()
        .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
        && (groups.len() == 1
            || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
    if !well_grouped {
        return None;
    }
    groups.concat().parse::<i64>().ok().filter(|a| *a > 0)
}

/// The month columns, or the headers that do not read (a column without data is ignored).
fn columns(file: &YearFile, year: i32) -> (Vec<Column>, Vec<ImportError>) {
    let mut found: Vec<Column> = Vec::new();
    let mut errors = Vec::new();
    for (at, header) in file.sheet.header.iter().enumerate() {
        if file.who.is(at) {
            continue;
        }
        let used = file
            .sheet
            .rows
            .iter()
            .any(|r| file.text(r, Some(at)).is_some());
        match month_header(header, year) {
            Some(month) if found.iter().any(|c| c.month == month) => errors.push(file.problem(
                1,
                Some(header),
                Some(header),
                "month_repeated",
                &msg::month_repeated(),
            )),
            Some(month) => found.push(Column {
                at,
                header: header.clone(),
                month,
            }),
            None if used => errors.push(file.problem(
                1,
                Some(header),
                Some(header),
                "unknown_column",
                &msg::unknown_column(msg::write_month_header()),
            )),
            None => {}
        }
    }
    found.sort_by_key(|c| c.month);
    (found, errors)
}

/// Reads a dues file: 413, or 422 when unreadable, empty or without its member columns.
pub fn prepare(file_name: &str, bytes: &[u8], limits: &super::Limits) -> AppResult<YearFile> {
    year::read_file(file_name, bytes, limits)
}

/// A month's payments as the file writes them, with the row of each line; a cell that does
/// not read, or a month not come without its prepayment arrangement, as problems.
fn lines(
    c: &mut Uow<'_>,
    (file, col): (&YearFile, &Column),
    members: &[(&Row, MemberId)],
    today: NaiveDate,
    errors: &mut Vec<ImportError>,
) -> AppResult<(Vec<DuesPaymentLine>, Vec<u32>)> {
    let mut lines = Vec::new();
    let mut rows = Vec::new();
    for (row, member_id) in members {
        let Some(v) = file.text(row, Some(col.at)) else {
            continue;
        };
        let Some(paid) = amount(v) else {
            errors.push(file.problem(
                row.no,
                Some(&col.header),
                Some(v),
                "invalid_format",
                &crate::messages::imports::invalid_cell(&col.header, &msg::write_amount()),
            ));
            continue;
        };
        if col.month > Month::of(today) {
            // Collected today for a month that has not come: a prepayment, as the API judges it.
            let facts = crate::models::dues::facts(c, &[*member_id])?;
            let arrangements = facts
                .get(member_id)
                .map(|f| f.arrangements.as_slice())
                .unwrap_or_default();
            let p = Payment {
                on: today,
                first: col.month,
                months: 1,
                amount: paid,
            };
            if let Err(r) = check_payment(&p, arrangements) {
                errors.push(file.problem(
                    row.no,
                    Some(&col.header),
                    Some(v),
                    r.code(),
                    &r.message(),
                ));
                continue;
            }
        }
        lines.push(DuesPaymentLine {
            member_id: *member_id,
            amount: paid,
            months: 1,
            first_month: None,
            channel: PaymentChannel::Cash,
            receipt_no: None,
        });
        rows.push(row.no);
    }
    Ok((lines, rows))
}

/// Records one month's sheet, or notes it unchanged or refused.
fn one(
    c: &mut Uow<'_>,
    caller: &AuthUser,
    (org, today): (OrgId, NaiveDate),
    (file, col, rows): (&YearFile, &Column, &[u32]),
    body: &RecordDuesSheet,
    outcome: &mut Outcome,
) -> AppResult<()> {
    let refused = |e: AppError| -> Vec<ImportError> {
        year::issues(e)
            .into_iter()
            .map(|(field, code, message)| {
                let row = year::index_in(&field)
                    .and_then(|i| rows.get(i).copied())
                    .unwrap_or(1);
                file.problem(row, Some(&col.header), None, &code, &message)
            })
            .collect()
    };
    if let Err(e) = body.validate() {
        outcome.errors.extend(refused(AppError::from(e)));
        return Ok(());
    }
    let mut wanted: Vec<_> = body
        .payments
        .iter()
        .map(|l| (l.member_id, col.month.to_yyyymm(), 1, l.amount))
        .collect();
    wanted.sort_by_key(|p| p.0);
    if crate::models::cell_roster::sheet_payments(c, org, col.month)? == wanted {
        outcome.unchanged += 1;
        return Ok(());
    }
    match crate::services::dues::sheet::record(c, caller, (org, col.month), body, today) {
        Ok(_) => outcome.created += 1,
        Err(e) if year::is_refusal(&e) => outcome.errors.extend(refused(e)),
        Err(e) => return Err(e),
    }
    Ok(())
}

/// Imports a read dues file of `year` into the cell `org` (in the caller's scope; 404 outside,
/// 422 for an organisation that holds no members): every month in one transaction, rolled
/// back on any problem; the finished job.
pub fn run(
    conn: &mut DbConn,
    caller: &AuthUser,
    (org, year): (OrgId, i32),
    file: &YearFile,
    today: NaiveDate,
) -> AppResult<ImportRow> {
    let cell = crate::services::meetings::cell(conn, caller, org)?;
    let span = super::meetings_year::year_span(year)?;
    year::run(
        conn,
        caller,
        (ImportKind::Dues, cell.id),
        file,
        |c, outcome| {
            let (cols, errors) = columns(file, year);
            outcome.errors.extend(errors);
            outcome.processed = i64::try_from(file.sheet.rows.len()).unwrap_or(i64::MAX);
            if cols.is_empty() {
                if outcome.errors.is_empty() {
                    outcome.errors.push(file.problem(
                        1,
                        None,
                        None,
                        "nothing_to_import",
                        &msg::nothing_to_import(),
                    ));
                }
                return Ok(());
            }
            let roster = crate::models::cell_roster::roster(c, cell.id, span)?;
            let rows: Vec<&Row> = file.sheet.rows.iter().collect();
            let ids = match file.members(&roster, &rows) {
                Ok(ids) => ids,
                Err(errs) => {
                    outcome.errors.extend(errs);
                    return Ok(());
                }
            };
            let members: Vec<(&Row, MemberId)> = rows.into_iter().zip(ids).collect();
            for col in &cols {
                let mut cell_errors = Vec::new();
                let (payments, rows) = lines(c, (file, col), &members, today, &mut cell_errors)?;
                if payments.is_empty() && cell_errors.is_empty() {
                    continue;
                }
                if cell_errors.is_empty() {
                    let body = RecordDuesSheet {
                        paid_on: col.month.last_day().min(today),
                        payments,
                    };
                    one(
                        c,
                        caller,
                        (cell.id, today),
                        (file, col, &rows),
                        &body,
                        outcome,
                    )?;
                }
                outcome.errors.extend(cell_errors);
            }
            Ok(())
        },
    )
}

/// The dues template of a cell's year: its members that year with their numbers, a column per
/// month, and a sheet explaining how to fill it.
pub fn template(conn: &mut DbConn, caller: &AuthUser, org: OrgId, year: i32) -> AppResult<Vec<u8>> {
    let cell = crate::services::meetings::cell(conn, caller, org)?;
    let span = super::meetings_year::year_span(year)?;
    let mut roster = crate::models::cell_roster::roster(conn, cell.id, span)?;
    roster.sort_by_cached_key(|m| crate::domain::vn_text::fold(&m.full_name));
    let months: Vec<String> = (1..=12).map(|m| format!("Tháng {m:02}/{year}")).collect();
    let notes = [
        "Mỗi dòng một đảng viên, mỗi cột một tháng: ghi số tiền đảng phí đã nộp cho tháng đó, bằng đồng (85000 hoặc 85.000). Để trống nếu chưa nộp.",
        "Mỗi tháng có số tiền là bảng thu của tháng đó: nhập thay cho bảng thu tháng đó đã ghi trước (kể cả các dòng không có trong tệp). Tháng không có số tiền nào được giữ nguyên.",
        "Tháng chưa đến chỉ nhận khi đảng viên có thỏa thuận nộp trước. Nhập lại cùng tệp không thay đổi gì.",
        "Có một ô lỗi thì không tháng nào được nhập; báo cáo lỗi ghi rõ trang, dòng, cột.",
    ];
    super::year_template::workbook(&format!("Đảng phí {year}"), (&months, &[], &roster), &notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_header_names_a_month_of_the_year() {
        let m = |n| Month::new(2026, n);
        assert_eq!(month_header("Tháng 3", 2026), m(3));
        assert_eq!(month_header("Tháng 03/2026", 2026), m(3));
        assert_eq!(month_header("T12", 2026), m(12));
        assert_eq!(month_header("01/2026", 2026), m(1));
        assert_eq!(month_header("01/2025", 2026), None);
        assert_eq!(month_header("Tháng 13", 2026), None);
        assert_eq!(month_header("Ghi chú", 2026), None);
    }

    #[test]
    fn an_amount_is_whole_dong_with_grouped_thousands() {
        assert_eq!(amount("85000"), Some(85_000));
        assert_eq!(amount("85.000"), Some(85_000));
        assert_eq!(amount("1.234.500 đ"), Some(1_234_500));
        assert_eq!(amount("85 000"), Some(85_000));
        assert_eq!(amount("85000.5"), None);
        assert_eq!(amount("85.00"), None);
        assert_eq!(amount("0"), None);
        assert_eq!(amount("-5000"), None);
        assert_eq!(amount("năm mươi"), None);
    }
}
