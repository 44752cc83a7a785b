//! The templates of a cell's year (issue 23): the cell's members of that year already listed
//! with their numbers (the clerk copies marks or amounts, not names), a column per meeting or
//! month, rows of details above the members, and a sheet explaining how to fill it.

use rust_xlsxwriter::{Format, Workbook};

use super::year::{CARD, HISTORY, NAME};
use crate::error::{AppError, AppResult};
use crate::models::cell_roster::RosterMember;
use crate::services::spreadsheet::xlsx_error;

fn col(i: usize) -> AppResult<u16> {
    u16::try_from(i).map_err(|_| AppError::internal("template: columns"))
}

fn row(i: usize) -> AppResult<u32> {
    u32::try_from(i).map_err(|_| AppError::internal("template: rows"))
}

/// A workbook: sheet `name` headed by the member columns then `columns`, the `details` rows
/// (their label in `Họ và tên`), a row per member of `roster`, and a sheet of `notes`.
pub fn workbook(
    name: &str,
    (columns, details, roster): (&[String], &[&str], &[RosterMember]),
    notes: &[&str],
) -> AppResult<Vec<u8>> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let sheet = book.add_worksheet();
    sheet.set_name(name).map_err(xlsx_error)?;
    let headers = [CARD, HISTORY, NAME]
        .into_iter()
        .chain(columns.iter().map(String::as_str));
    for (i, h) in headers.enumerate() {
        sheet
            .write_string_with_format(0, col(i)?, h, &bold)
            .map_err(xlsx_error)?;
        // Text cells, so that numbers keep their leading zeros and dates stay as written.
        sheet
            .set_column_format(col(i)?, &text)
            .map_err(xlsx_error)?;
        sheet
            .set_column_width(col(i)?, if i == 2 { 28 } else { 14 })
            .map_err(xlsx_error)?;
    }
    for (i, d) in details.iter().enumerate() {
        sheet
            .write_string_with_format(row(i + 1)?, 2, *d, &bold)
            .map_err(xlsx_error)?;
    }
    for (i, m) in roster.iter().enumerate() {
        let r = row(i + 1 + details.len())?;
        if let Some(card) = &m.card_number {
            sheet.write_string(r, 0, card).map_err(xlsx_error)?;
        }
        if let Some(history) = &m.personal_history_no {
            sheet.write_string(r, 1, history).map_err(xlsx_error)?;
        }
        sheet.write_string(r, 2, &m.full_name).map_err(xlsx_error)?;
    }
    sheet
        .set_freeze_panes(row(1 + details.len())?, 3)
        .map_err(xlsx_error)?;
    let help = book.add_worksheet();
    help.set_name("Hướng dẫn").map_err(xlsx_error)?;
    for (i, n) in notes.iter().enumerate() {
        help.write_string(row(i)?, 0, *n).map_err(xlsx_error)?;
    }
    help.set_column_width(0, 120).map_err(xlsx_error)?;
    book.save_to_buffer().map_err(xlsx_error)
}
