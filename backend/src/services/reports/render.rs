//! A report as a spreadsheet: CSV (UTF-8 with a byte-order mark) or XLSX, with the title, the
//! organisation, the dates and who produced it above the tables, Vietnamese headers.

use qldv_api_types::reports::{Report, ReportCode, ReportRow, ReportSection};
use rust_xlsxwriter::{Format, Workbook};

use crate::error::{AppError, AppResult};
use crate::services::spreadsheet::{csv_line, xlsx_error};

/// The lines above the tables: title, organisation, dates, producer.
fn heading(r: &Report) -> Vec<String> {
    let date = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let when = match (r.as_of, r.from, r.to) {
        (Some(a), _, _) => format!("Tính đến ngày: {}", date(a)),
        (None, Some(f), Some(t)) => format!("Từ ngày {} đến ngày {}", date(f), date(t)),
        _ => String::new(),
    };
    // Vietnam's time (UTC+7, no daylight saving).
    let produced = (r.produced_at + chrono::Duration::hours(7)).format("%d/%m/%Y %H:%M");
    let mut lines = vec![
        r.title.to_uppercase(),
        format!("Tổ chức: {}", r.organization_name),
        when,
    ];
    match (r.year, r.code) {
        (Some(y), ReportCode::Development) => lines.push(format!("Năm: {y}")),
        (Some(y), _) => lines.push(format!("Năm đánh giá: {y}")),
        (None, _) => {}
    }
    lines.push(format!("Người lập: {} — lúc {produced}", r.produced_by));
    lines
}

/// Whether the section's per-row share is printed right after column `key`.
fn share_after(s: &ReportSection, key: &str) -> bool {
    s.share.as_ref().is_some_and(|sh| sh.of == key)
}

/// Header cells of a section: the row label, the columns (the per-row share after the column it
/// measures), and the share of `percent_of` if any.
fn headers(s: &ReportSection) -> Vec<String> {
    let mut h = vec![s.row_label.clone()];
    for c in &s.columns {
        h.push(c.label.clone());
        if let Some(sh) = s.share.as_ref().filter(|_| share_after(s, &c.key)) {
            h.push(sh.label.clone());
        }
    }
    if s.percent_of.is_some() {
        h.push("Tỷ lệ (%)".into());
    }
    h
}

/// A figure of a row, after its label.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell {
    /// A count.
    Count(i64),
    /// A percentage to two decimals; blank when there is none (no target).
    Share(Option<f64>),
}

/// The figures of a row in header order.
fn cells(s: &ReportSection, row: &ReportRow) -> Vec<Cell> {
    let mut out = Vec::with_capacity(row.values.len() + 2);
    for (c, v) in s.columns.iter().zip(&row.values) {
        out.push(Cell::Count(*v));
        if share_after(s, &c.key) {
            out.push(Cell::Share(row.share));
        }
    }
    if let Some(of) = s.percent_of {
        out.push(Cell::Share(Some(share(&row.values, of))));
    }
    out
}

/// The share of the first value, to two decimals.
fn share(values: &[i64], of: i64) -> f64 {
    match (values.first(), of) {
        (Some(v), of) if of > 0 => ((*v as f64) * 10_000.0 / (of as f64)).round() / 100.0,
        _ => 0.0,
    }
}

fn push_line(out: &mut String, fields: &[String]) {
    out.push_str(&csv_line(fields));
}

/// The report as CSV.
pub fn csv(r: &Report) -> String {
    let mut out = String::from("\u{feff}");
    for l in heading(r) {
        push_line(&mut out, &[l]);
    }
    for s in &r.sections {
        out.push_str("\r\n");
        push_line(&mut out, std::slice::from_ref(&s.title));
        push_line(&mut out, &headers(s));
        for row in &s.rows {
            let mut line = vec![row.label.clone()];
            line.extend(cells(s, row).into_iter().map(|c| match c {
                Cell::Count(n) => n.to_string(),
                Cell::Share(Some(p)) => format!("{p:.2}"),
                Cell::Share(None) => String::new(),
            }));
            push_line(&mut out, &line);
        }
    }
    if !r.notes.is_empty() {
        out.push_str("\r\n");
        for n in &r.notes {
            push_line(&mut out, &[format!("Ghi chú: {n}")]);
        }
    }
    out
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique by its number.
fn sheet_name(i: usize, title: &str) -> String {
    let clean: String = title
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .collect();
    format!("{}. {clean}", i + 1).chars().take(31).collect()
}

/// The report as an XLSX workbook: one sheet per table.
pub fn xlsx(r: &Report) -> AppResult<Vec<u8>> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let cell = Format::new().set_border(rust_xlsxwriter::FormatBorder::Thin);
    let pct = Format::new()
        .set_num_format("0.00")
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let top = heading(r);
    for (i, s) in r.sections.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet
            .set_name(sheet_name(i, &s.title))
            .map_err(xlsx_error)?;
        let mut row: u32 = 0;
        for (j, l) in top.iter().enumerate() {
            let f = if j == 0 { &title } else { &bold };
            sheet
                .write_string_with_format(row, 0, l, f)
                .map_err(xlsx_error)?;
            row += 1;
        }
        sheet
            .write_string_with_format(row, 0, &s.title, &bold)
            .map_err(xlsx_error)?;
        row += 2;
        for (c, h) in headers(s).iter().enumerate() {
            let c = u16::try_from(c).map_err(xlsx_err_cols)?;
            sheet
                .write_string_with_format(row, c, h, &header)
                .map_err(xlsx_error)?;
        }
        sheet.set_column_width(0, 40).map_err(xlsx_error)?;
        row += 1;
        for data in &s.rows {
            let f = if data.total { &header } else { &cell };
            sheet
                .write_string_with_format(row, 0, &data.label, f)
                .map_err(xlsx_error)?;
            for (c, v) in cells(s, data).into_iter().enumerate() {
                let c = u16::try_from(c + 1).map_err(xlsx_err_cols)?;
                match v {
                    Cell::Count(n) => sheet.write_number_with_format(row, c, n as f64, f),
                    Cell::Share(Some(p)) => sheet.write_number_with_format(row, c, p, &pct),
                    Cell::Share(None) => sheet.write_blank(row, c, &cell),
                }
                .map_err(xlsx_error)?;
            }
            row += 1;
        }
        row += 1;
        for n in &r.notes {
            sheet
                .write_string(row, 0, format!("Ghi chú: {n}"))
                .map_err(xlsx_error)?;
            row += 1;
        }
    }
    book.save_to_buffer().map_err(xlsx_error)
}

fn xlsx_err_cols(_: std::num::TryFromIntError) -> AppError {
    AppError::internal("spreadsheet: too many columns")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_short_and_clean() {
        assert_eq!(sheet_name(0, "Giới tính"), "1. Giới tính");
        let long = sheet_name(11, "Đảng viên chính thức, dự bị / miễn sinh hoạt [x]");
        assert!(long.chars().count() <= 31);
        assert!(!long.contains('/') && !long.contains('['));
    }

    #[test]
    fn shares_have_two_decimals() {
        assert_eq!(share(&[1], 3), 33.33);
        assert_eq!(share(&[2], 0), 0.0);
    }
}
