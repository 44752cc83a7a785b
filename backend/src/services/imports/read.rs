//! Reading an import file (XLSX or CSV) into a header row and data rows of text cells.

use calamine::{Data, Reader, Xlsx};
use qldv_api_types::reports::ImportError;

/// A file's header and data rows, cells as text.
#[derive(Debug, Default)]
pub struct Sheet {
    /// The first row.
    pub header: Vec<String>,
    /// The rows after it (fully empty rows are dropped).
    pub rows: Vec<Row>,
}

/// One data row: its spreadsheet number and its cells' text stored end to end (a file of a
/// million rows held as one string per row rather than thirty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row's number in the spreadsheet (the header is row 1).
    pub no: u32,
    text: String,
    ends: Box<[u32]>,
}

impl Row {
    /// A row of these cells; `None` when its text exceeds 4 GiB.
    pub fn new<S: AsRef<str>>(no: u32, cells: impl IntoIterator<Item = S>) -> Option<Row> {
        let mut text = String::new();
        let mut ends = Vec::new();
        for c in cells {
            text.push_str(c.as_ref());
            ends.push(u32::try_from(text.len()).ok()?);
        }
        text.shrink_to_fit();
        Some(Row {
            no,
            text,
            ends: ends.into_boxed_slice(),
        })
    }

    /// The text of cell `i` (0-based), if the row has that many cells.
    pub fn cell(&self, i: usize) -> Option<&str> {
        let end = usize::try_from(*self.ends.get(i)?).ok()?;
        let start = match i.checked_sub(1) {
            Some(before) => usize::try_from(*self.ends.get(before)?).ok()?,
            None => 0,
        };
        self.text.get(start..end)
    }

    /// The cells in order.
    pub fn cells(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).filter_map(|i| self.cell(i))
    }

    /// Whether every cell is empty or blank.
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
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

fn too_long() -> ImportError {
    unreadable("Tệp có dòng quá dài".into())
}

/// Splits the first line off as the header and keeps the other non-blank rows, numbered from 2.
fn sheet(mut lines: impl Iterator<Item = Result<Row, ImportError>>) -> Result<Sheet, ImportError> {
    let header = match lines.next().transpose()? {
        Some(h) => h.cells().map(str::to_string).collect(),
        None => Vec::new(),
    };
    let mut rows = Vec::new();
    for (i, line) in lines.enumerate() {
        let mut row = line?;
        row.no = u32::try_from(i).unwrap_or(u32::MAX - 2).saturating_add(2);
        if !row.is_blank() {
            rows.push(row);
        }
    }
    rows.shrink_to_fit();
    Ok(Sheet { header, rows })
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
    sheet(
        range
            .rows()
            .map(|r| Row::new(0, r.iter().map(cell)).ok_or_else(too_long)),
    )
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
    let reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    sheet(reader.into_records().enumerate().map(|(i, rec)| {
        let rec = rec.map_err(|e| unreadable(format!("Dòng {}: {e}", i + 1)))?;
        Row::new(0, rec.iter()).ok_or_else(too_long)
    }))
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
        let bình = &s.rows[1];
        assert_eq!(
            (bình.no, bình.cell(0), bình.cell(1)),
            (4, Some("Bình"), Some("Nữ"))
        );
        assert_eq!(bình.cell(2), None);
    }

    #[test]
    fn a_row_gives_back_its_cells_as_written() {
        let cells = ["", "Nguyễn Văn An", "", " 15/01/1980 ", "Nữ"];
        let row = Row::new(7, cells);
        let back: Vec<Option<&str>> = (0..6)
            .map(|i| row.as_ref().and_then(|r| r.cell(i)))
            .collect();
        let mut expected: Vec<Option<&str>> = cells.iter().map(|c| Some(*c)).collect();
        expected.push(None);
        assert_eq!(back, expected);
        assert!(row.is_some_and(|r| !r.is_blank()));
        assert!(Row::new(8, ["", " ", ""]).is_some_and(|r| r.is_blank()));
    }

    proptest::proptest! {
        #[test]
        fn a_row_keeps_any_cells(cells in proptest::collection::vec(".{0,12}", 0..40)) {
            let row = Row::new(2, &cells);
            let back: Vec<Option<&str>> = (0..=cells.len())
                .map(|i| row.as_ref().and_then(|r| r.cell(i)))
                .collect();
            let mut expected: Vec<Option<&str>> = cells.iter().map(|c| Some(c.as_str())).collect();
            expected.push(None);
            proptest::prop_assert_eq!(back, expected);
        }
    }

    #[test]
    fn other_files_are_refused() {
        assert_eq!(
            read("a.pdf", b"%PDF").map(|_| ()).map_err(|e| e.code),
            Err("unreadable_file".to_string())
        );
    }
}
