//! Reading an import file (XLSX or CSV) into a header row and data rows of text cells.

use calamine::{Data, Reader, Xlsx};
use qldv_api_types::reports::ImportError;

/// A file's header and data rows, cells as text.
#[derive(Debug, Default)]
pub struct Sheet {
    /// The first row.
    pub header: Vec<String>,
    /// The rows after it (fully empty rows are dropped), with their spreadsheet row numbers.
    pub rows: Vec<(u32, Vec<String>)>,
}

fn unreadable(message: String) -> ImportError {
    ImportError {
        row: 0,
        column: None,
        value: None,
        code: "unreadable_file".into(),
        message,
    }
}

fn cell(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map(|t| t.date().format("%d/%m/%Y").to_string())
            .unwrap_or_default(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn sheet(mut lines: impl Iterator<Item = Vec<String>>) -> Sheet {
    let header = lines.next().unwrap_or_default();
    let rows = lines
        .enumerate()
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, r)| {
            (
                u32::try_from(i).unwrap_or(u32::MAX - 2).saturating_add(2),
                r,
            )
        })
        .collect();
    Sheet { header, rows }
}

/// Reads the first worksheet of an XLSX workbook.
pub fn xlsx(bytes: &[u8]) -> Result<Sheet, ImportError> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| unreadable(format!("Không đọc được tệp Excel: {e}")))?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| unreadable("Tệp Excel không có trang tính nào".into()))?;
    let range = book
        .worksheet_range(&first)
        .map_err(|e| unreadable(format!("Không đọc được trang tính \"{first}\": {e}")))?;
    Ok(sheet(range.rows().map(|r| r.iter().map(cell).collect())))
}

/// Reads CSV (UTF-8, with or without a byte-order mark; comma or semicolon separated).
pub fn csv(bytes: &[u8]) -> Result<Sheet, ImportError> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| unreadable("Tệp CSV phải mã hóa UTF-8".into()))?;
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| unreadable(format!("Dòng {}: {e}", i + 1)))?;
        lines.push(rec.iter().map(str::to_string).collect());
    }
    Ok(sheet(lines.into_iter()))
}

/// Reads a file by its name's extension (or its first bytes: XLSX is a zip).
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Sheet, ImportError> {
    let lower = file_name.to_lowercase();
    if lower.ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04") {
        xlsx(bytes)
    } else if lower.ends_with(".csv") || lower.ends_with(".txt") || !lower.contains('.') {
        csv(bytes)
    } else {
        Err(unreadable("Chỉ nhận tệp .xlsx hoặc .csv".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_bom_and_semicolons() {
        let s = csv("\u{feff}Họ và tên;Giới tính\r\nAn;Nam\r\n;\r\nBình;Nữ\r\n".as_bytes());
        let s = s.unwrap_or_default();
        assert_eq!(s.header, ["Họ và tên", "Giới tính"]);
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[1], (4, vec!["Bình".to_string(), "Nữ".to_string()]));
    }

    #[test]
    fn other_files_are_refused() {
        assert_eq!(
            read("a.pdf", b"%PDF").map(|_| ()).map_err(|e| e.code),
            Err("unreadable_file".to_string())
        );
    }
}
