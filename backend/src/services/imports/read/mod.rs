//! Reading an import file (XLSX or CSV) into a header row and data rows of text cells.

mod delimited;
mod workbook;

pub use delimited::csv;
pub use workbook::xlsx;

use crate::error::AppError;
use crate::messages::Text;

/// A file's header and data rows, cells as text, of the kept columns only.
#[derive(Debug, Default)]
pub struct Sheet {
    /// The worksheet's name (an XLSX file's first sheet; `None` for CSV).
    pub name: Option<String>,
    /// The first row's kept cells.
    pub header: Vec<String>,
    /// The rows after it, cells aligned with `header` (rows with every kept cell empty are
    /// dropped).
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

/// How much one import file may hold. A file is measured against these before and while it is
/// read, so that no file can make the server allocate more than its limits allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Data rows (the header not counted).
    pub max_rows: u32,
    /// Entries in an XLSX archive.
    pub max_entries: usize,
    /// Bytes one archive entry may inflate to.
    pub max_entry_bytes: u64,
    /// Bytes all archive entries together may inflate to.
    pub max_total_bytes: u64,
    /// Bytes of one CSV record.
    pub max_line_bytes: usize,
    /// Cells in one row.
    pub max_columns: usize,
}

impl Limits {
    /// Files uploaded through the API (at most 50 MB on the wire).
    pub const UPLOAD: Limits = Limits {
        max_rows: 200_000,
        max_entries: 1_000,
        max_entry_bytes: 256 << 20,
        max_total_bytes: 512 << 20,
        max_line_bytes: 64 << 10,
        max_columns: 1_024,
    };

    /// Files given to `qldv import` by an operator on the server itself.
    pub const COMMAND_LINE: Limits = Limits {
        max_rows: 10_000_000,
        max_entries: 1_000,
        max_entry_bytes: 8 << 30,
        max_total_bytes: 16 << 30,
        max_line_bytes: 64 << 10,
        max_columns: 1_024,
    };
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Larger than the limits (413).
    TooLarge(Text),
    /// Not a readable spreadsheet (422), with the code of the field error.
    Unreadable(&'static str, Text),
}

impl Refusal {
    pub(super) fn unreadable(message: Text) -> Self {
        Self::Unreadable("unreadable_file", message)
    }

    /// The problem: 413 `payload_too_large`, or 422 with a field error on `file`.
    pub fn into_app_error(self) -> AppError {
        match self {
            Self::TooLarge(m) => AppError::TooLarge(m),
            Self::Unreadable(code, m) => AppError::field("file", code, m),
        }
    }

    /// The stable code: `payload_too_large`, or the field error's.
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooLarge(_) => "payload_too_large",
            Self::Unreadable(code, _) => code,
        }
    }
}

/// A count with the Vietnamese thousands separator (`200.000`).
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

pub(super) fn too_many_rows(limits: &Limits) -> Refusal {
    Refusal::TooLarge(crate::messages::imports::too_many_rows(thousands(
        u64::from(limits.max_rows),
    )))
}

pub(super) fn too_many_columns(limits: &Limits, row: u32) -> Refusal {
    Refusal::Unreadable(
        "too_many_columns",
        crate::messages::imports::too_many_columns(
            row,
            thousands(limits.max_columns as u64),
            super::columns::COLUMNS.len(),
        ),
    )
}

/// Builds a [`Sheet`] from rows given as their cells by column: the first row is the header,
/// and only the columns whose header `keep` accepts are kept (in file order).
pub(super) struct Builder<'k> {
    keep: &'k dyn Fn(&str) -> bool,
    limits: Limits,
    /// The kept columns' positions in the file, once the header is read.
    pub(super) kept: Option<Vec<usize>>,
    sheet: Sheet,
}

impl<'k> Builder<'k> {
    pub(super) fn new(keep: &'k dyn Fn(&str) -> bool, limits: Limits) -> Self {
        Self {
            keep,
            limits,
            kept: None,
            sheet: Sheet::default(),
        }
    }

    /// The row numbered `no` (1 = the first row of the file), its cells as `(column, text)` in
    /// column order.
    /// Every cell is read in Unicode NFC (rule 22): the one place imports are normalised.
    pub(super) fn row(&mut self, no: u32, cells: Vec<(usize, String)>) -> Result<(), Refusal> {
        let cells: Vec<(usize, String)> = cells
            .into_iter()
            .map(|(col, text)| (col, crate::domain::vn_text::into_nfc(text)))
            .collect();
        let Some(kept) = &self.kept else {
            let mut kept = Vec::new();
            for (col, text) in cells {
                if (self.keep)(&text) {
                    kept.push(col);
                    self.sheet.header.push(text);
                }
            }
            self.kept = Some(kept);
            return Ok(());
        };
        if no.saturating_sub(1) > self.limits.max_rows {
            return Err(too_many_rows(&self.limits));
        }
        let mut compact = vec![String::new(); kept.len()];
        for (col, text) in cells {
            if let Ok(k) = kept.binary_search(&col) {
                compact[k] = text;
            }
        }
        let row = Row::new(no, compact)
            .ok_or_else(|| Refusal::unreadable(crate::messages::imports::row_too_long()))?;
        if !row.is_blank() {
            self.sheet.rows.push(row);
        }
        Ok(())
    }

    pub(super) fn finish(mut self) -> Sheet {
        self.sheet.rows.shrink_to_fit();
        self.sheet
    }
}

/// Reads a file by its name's extension (or its first bytes: XLSX is a zip), within `limits`,
/// keeping the columns whose header `keep` accepts.
pub fn read(
    file_name: &str,
    bytes: &[u8],
    limits: &Limits,
    keep: &dyn Fn(&str) -> bool,
) -> Result<Sheet, Refusal> {
    let lower = file_name.to_lowercase();
    if lower.ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04") {
        xlsx(bytes, limits, keep)
    } else if lower.ends_with(".csv") || lower.ends_with(".txt") || !lower.contains('.') {
        csv(bytes, limits, keep)
    } else {
        Err(Refusal::unreadable(crate::messages::imports::file_kind()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            read("a.pdf", b"%PDF", &Limits::UPLOAD, &|_| true)
                .map(|_| ())
                .map_err(|e| e.code()),
            Err("unreadable_file")
        );
    }

    #[test]
    fn counts_read_the_vietnamese_way() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(200_000), "200.000");
        assert_eq!(thousands(1_234_567), "1.234.567");
    }
}
