//! Reading an import file (XLSX or CSV) into a header row and data rows of text cells.

use std::io::Read;

use calamine::{DataRef, Reader, Xlsx};
use qldv_api_types::reports::ImportError;

use crate::error::AppError;

/// A file's header and data rows, cells as text, of the kept columns only.
#[derive(Debug, Default)]
pub struct Sheet {
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
    TooLarge(String),
    /// Not a readable spreadsheet (422), with the code of the field error.
    Unreadable(&'static str, String),
}

impl Refusal {
    fn unreadable(message: impl Into<String>) -> Self {
        Self::Unreadable("unreadable_file", message.into())
    }

    /// The problem: 413 `payload_too_large`, or 422 with a field error on `file`.
    pub fn into_app_error(self) -> AppError {
        match self {
            Self::TooLarge(m) => AppError::TooLarge(m),
            Self::Unreadable(code, m) => AppError::field("file", code, m),
        }
    }

    /// The same as an error of an import's report.
    pub fn into_import_error(self) -> ImportError {
        let (code, message) = match self {
            Self::TooLarge(m) => ("payload_too_large", m),
            Self::Unreadable(code, m) => (code, m),
        };
        ImportError {
            row: 0,
            column: None,
            value: None,
            code: code.into(),
            message,
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

fn too_many_rows(limits: &Limits) -> Refusal {
    Refusal::TooLarge(format!(
        "Tệp có hơn {} dòng dữ liệu; chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt",
        thousands(u64::from(limits.max_rows))
    ))
}

fn too_many_columns(limits: &Limits, row: u32) -> Refusal {
    Refusal::Unreadable(
        "too_many_columns",
        format!(
            "Dòng {row} có hơn {} cột; tệp mẫu chỉ có {} cột",
            thousands(limits.max_columns as u64),
            super::columns::COLUMNS.len()
        ),
    )
}

fn mib(bytes: u64) -> u64 {
    bytes >> 20
}

/// The text of a cell (dates as clerks write them).
fn cell(d: &DataRef<'_>) -> String {
    match d {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(dt) => dt
            .as_datetime()
            .map(|t| t.date().format("%d/%m/%Y").to_string())
            .unwrap_or_default(),
        DataRef::Error(e) => format!("#{e:?}"),
    }
}

/// Builds a [`Sheet`] from rows given as their cells by column: the first row is the header,
/// and only the columns whose header `keep` accepts are kept (in file order).
struct Builder<'k> {
    keep: &'k dyn Fn(&str) -> bool,
    limits: Limits,
    /// The kept columns' positions in the file, once the header is read.
    kept: Option<Vec<usize>>,
    sheet: Sheet,
}

impl<'k> Builder<'k> {
    fn new(keep: &'k dyn Fn(&str) -> bool, limits: Limits) -> Self {
        Self {
            keep,
            limits,
            kept: None,
            sheet: Sheet::default(),
        }
    }

    /// The row numbered `no` (1 = the first row of the file), its cells as `(column, text)` in
    /// column order.
    fn row(&mut self, no: u32, cells: Vec<(usize, String)>) -> Result<(), Refusal> {
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
        let row =
            Row::new(no, compact).ok_or_else(|| Refusal::unreadable("Tệp có dòng quá dài"))?;
        if !row.is_blank() {
            self.sheet.rows.push(row);
        }
        Ok(())
    }

    fn finish(mut self) -> Sheet {
        self.sheet.rows.shrink_to_fit();
        self.sheet
    }
}

/// Measures an XLSX archive before anything parses it: the number of entries, the sizes they
/// declare, and the sizes they really inflate to (a zip bomb, or an entry lying about its
/// size, is found here, never in memory).
fn inspect_archive(bytes: &[u8], limits: &Limits) -> Result<(), Refusal> {
    let not_xlsx = |e: zip::result::ZipError| {
        Refusal::unreadable(format!("Không đọc được tệp Excel (.xlsx): {e}"))
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(not_xlsx)?;
    if archive.len() > limits.max_entries {
        return Err(Refusal::unreadable(format!(
            "Tệp Excel chứa {} thành phần (tệp hợp lệ có vài chục)",
            thousands(archive.len() as u64)
        )));
    }
    let entry_too_large = |name: &str| {
        Refusal::TooLarge(format!(
            "Thành phần \"{name}\" của tệp Excel giải nén ra hơn {} MB; chia thành nhiều tệp nhỏ hơn",
            mib(limits.max_entry_bytes)
        ))
    };
    let total_too_large = || {
        Refusal::TooLarge(format!(
            "Tệp Excel giải nén ra hơn {} MB; chia thành nhiều tệp nhỏ hơn",
            mib(limits.max_total_bytes)
        ))
    };
    let mut declared_total = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(not_xlsx)?;
        if entry.size() > limits.max_entry_bytes {
            return Err(entry_too_large(entry.name()));
        }
        declared_total = declared_total.saturating_add(entry.size());
        if declared_total > limits.max_total_bytes {
            return Err(total_too_large());
        }
    }
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(not_xlsx)?;
        let name = entry.name().to_string();
        let mut limited = (&mut entry).take(limits.max_entry_bytes.saturating_add(1));
        let inflated = if name == "xl/sharedStrings.xml" {
            shared_strings_size(&mut limited, &name)?
        } else {
            std::io::copy(&mut limited, &mut std::io::sink())
                .map_err(|e| Refusal::unreadable(format!("Tệp Excel hỏng ({name}): {e}")))?
        };
        if inflated > limits.max_entry_bytes {
            return Err(entry_too_large(&name));
        }
        total = total.saturating_add(inflated);
        if total > limits.max_total_bytes {
            return Err(total_too_large());
        }
    }
    Ok(())
}

/// Inflates the shared strings to measure them, and checks that the number of strings they
/// announce (which a reader reserves room for) could fit in their size.
fn shared_strings_size(r: &mut impl Read, name: &str) -> Result<u64, Refusal> {
    let broken = |e: std::io::Error| Refusal::unreadable(format!("Tệp Excel hỏng ({name}): {e}"));
    let mut head = Vec::with_capacity(4096);
    r.by_ref()
        .take(4096)
        .read_to_end(&mut head)
        .map_err(broken)?;
    let rest = std::io::copy(r, &mut std::io::sink()).map_err(broken)?;
    let size = (head.len() as u64).saturating_add(rest);
    let announced = announced_count(&head);
    // Each string takes at least `<si><t/></si>` (13 bytes).
    if announced.is_some_and(|n| n > size / 13 + 1) {
        return Err(Refusal::unreadable(format!(
            "Tệp Excel hỏng: bảng chuỗi khai {} chuỗi nhưng chỉ dài {} byte",
            thousands(announced.unwrap_or_default()),
            thousands(size)
        )));
    }
    Ok(size)
}

/// The `uniqueCount` (or `count`) the `<sst>` element announces, read from the entry's start.
fn announced_count(head: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(head);
    let sst = &text[text.find("<sst")?..];
    let sst = &sst[..sst.find('>').unwrap_or(sst.len())];
    ["uniqueCount=", "count="]
        .iter()
        .filter_map(|attr| {
            let at = sst.find(attr)? + attr.len();
            let value = sst.get(at + 1..)?;
            let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
            // Too many digits to count is more than anything could hold.
            Some(digits.parse::<u64>().unwrap_or(u64::MAX))
        })
        .max()
}

/// Reads the first worksheet of an XLSX workbook, cell by cell, keeping the columns `keep`
/// accepts; the archive is measured first.
pub fn xlsx(bytes: &[u8], limits: &Limits, keep: &dyn Fn(&str) -> bool) -> Result<Sheet, Refusal> {
    inspect_archive(bytes, limits)?;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| Refusal::unreadable(format!("Không đọc được tệp Excel: {e}")))?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| Refusal::unreadable("Tệp Excel không có trang tính nào"))?;
    let unreadable_sheet = |e: calamine::XlsxError| {
        Refusal::unreadable(format!("Không đọc được trang tính \"{first}\": {e}"))
    };
    let mut cells = book
        .worksheet_cells_reader(&first)
        .map_err(unreadable_sheet)?;
    // The dimension the sheet declares (a hint, checked again cell by cell).
    if cells.dimensions().end.0 > limits.max_rows {
        return Err(too_many_rows(limits));
    }
    let mut builder = Builder::new(keep, *limits);
    let mut current: Option<(u32, Vec<(usize, String)>)> = None;
    while let Some(c) = cells.next_cell().map_err(unreadable_sheet)? {
        let (row, col) = c.get_position();
        if row > limits.max_rows {
            return Err(too_many_rows(limits));
        }
        let no = row.saturating_add(1);
        match &mut current {
            Some((at, _)) if *at == no => {}
            Some((at, _)) if *at > no => {
                return Err(Refusal::unreadable(format!(
                    "Trang tính \"{first}\" có dòng {no} sau dòng {at}: tệp không do Excel tạo ra"
                )))
            }
            _ => {
                if let Some((at, row_cells)) = current.take() {
                    builder.row(at, row_cells)?;
                }
                current = Some((no, Vec::new()));
            }
        }
        if let Some((_, row_cells)) = &mut current {
            let col = col as usize;
            // Before the header is read every cell counts; after it, only the kept columns.
            let wanted = builder
                .kept
                .as_ref()
                .is_none_or(|kept| kept.binary_search(&col).is_ok());
            if wanted {
                if row_cells.len() >= limits.max_columns {
                    return Err(too_many_columns(limits, no));
                }
                row_cells.push((col, cell(c.get_value())));
            }
        }
    }
    if let Some((at, row_cells)) = current {
        builder.row(at, row_cells)?;
    }
    Ok(builder.finish())
}

/// Reads CSV (UTF-8, with or without a byte-order mark; comma or semicolon separated), keeping
/// the columns `keep` accepts.
pub fn csv(bytes: &[u8], limits: &Limits, keep: &dyn Fn(&str) -> bool) -> Result<Sheet, Refusal> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Refusal::unreadable(
            "Tệp CSV mã hóa UTF-16 (\"Unicode Text\"); trong Excel chọn Lưu thành → \"CSV UTF-8\" rồi nhập lại",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Refusal::unreadable(
            "Tệp CSV phải mã hóa UTF-8; tệp này dùng bảng mã khác (Windows-1258, TCVN3, VNI…): trong Excel chọn Lưu thành → \"CSV UTF-8\"",
        )
    })?;
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
    let mut builder = Builder::new(keep, *limits);
    let mut record = ::csv::StringRecord::new();
    let mut no = 0u32;
    loop {
        no = no.saturating_add(1);
        let more = reader
            .read_record(&mut record)
            .map_err(|e| Refusal::unreadable(format!("Dòng {no}: {e}")))?;
        if !more {
            break;
        }
        if record.as_slice().len() > limits.max_line_bytes {
            return Err(Refusal::Unreadable(
                "line_too_long",
                format!(
                    "Dòng {no} dài hơn {} KB; một dòng chỉ chứa một đảng viên",
                    limits.max_line_bytes >> 10
                ),
            ));
        }
        if record.len() > limits.max_columns {
            return Err(too_many_columns(limits, no));
        }
        builder.row(no, record.iter().map(str::to_string).enumerate().collect())?;
    }
    Ok(builder.finish())
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
        Err(Refusal::unreadable("Chỉ nhận tệp .xlsx hoặc .csv"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_bom_and_semicolons() {
        let s = csv(
            "\u{feff}Họ và tên;Giới tính\r\nAn;Nam\r\n;\r\nBình;Nữ\r\n".as_bytes(),
            &Limits::UPLOAD,
            &|_| true,
        );
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
            read("a.pdf", b"%PDF", &Limits::UPLOAD, &|_| true)
                .map(|_| ())
                .map_err(|e| e.into_import_error().code),
            Err("unreadable_file".to_string())
        );
    }

    #[test]
    fn only_the_kept_columns_are_held_and_rows_keep_their_numbers() {
        let keep = |h: &str| h.starts_with('K');
        let s = csv(
            b"x,K1,y,K2\n1,a,2,b\n3,,4,\n5,c,6,d\n",
            &Limits::UPLOAD,
            &keep,
        );
        let s = s.unwrap_or_default();
        assert_eq!(s.header, ["K1", "K2"]);
        let rows: Vec<(u32, Vec<&str>)> =
            s.rows.iter().map(|r| (r.no, r.cells().collect())).collect();
        assert_eq!(rows, [(2, vec!["a", "b"]), (4, vec!["c", "d"])]);
    }

    #[test]
    fn csv_limits_are_refusals_with_their_codes() {
        let limits = Limits {
            max_rows: 2,
            max_line_bytes: 10,
            max_columns: 3,
            ..Limits::UPLOAD
        };
        let code = |bytes: &[u8]| {
            csv(bytes, &limits, &|_| true)
                .map(|_| ())
                .map_err(|e| e.into_import_error().code)
        };
        assert_eq!(code(b"a,b\n1,2\n3,4\n"), Ok(()));
        assert_eq!(
            code(b"a,b\n1,2\n3,4\n5,6\n"),
            Err("payload_too_large".into())
        );
        assert_eq!(code(b"a,b\n12345678901,2\n"), Err("line_too_long".into()));
        assert_eq!(code(b"a,b\n1,2,3,4\n"), Err("too_many_columns".into()));
        assert_eq!(code(&[0xFF, 0xFE, b'a', 0]), Err("unreadable_file".into()));
        assert_eq!(code(&[b'a', 0xE0, b'\n']), Err("unreadable_file".into()));
    }

    #[test]
    fn counts_read_the_vietnamese_way() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(200_000), "200.000");
        assert_eq!(thousands(1_234_567), "1.234.567");
    }

    #[test]
    fn the_announced_number_of_strings_is_read_from_the_sst_element() {
        let head = br#"<?xml version="1.0"?><sst xmlns="x" count="12" uniqueCount="10"><si>"#;
        assert_eq!(announced_count(head), Some(12));
        assert_eq!(
            announced_count(br#"<sst uniqueCount="99999999999999999999999">"#),
            Some(u64::MAX)
        );
        assert_eq!(announced_count(b"<other/>"), None);
    }

    #[test]
    fn what_is_not_a_zip_is_unreadable_and_a_real_workbook_passes_inspection() {
        assert!(matches!(
            inspect_archive(b"PK\x03\x04 not really", &Limits::UPLOAD),
            Err(Refusal::Unreadable("unreadable_file", _))
        ));
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        let written = sheet.write_string(0, 0, "Họ và tên").map(|_| ());
        assert!(written.is_ok());
        let bytes = book.save_to_buffer().unwrap_or_default();
        assert_eq!(inspect_archive(&bytes, &Limits::UPLOAD), Ok(()));
        let tight = Limits {
            max_entry_bytes: 100,
            ..Limits::UPLOAD
        };
        assert!(matches!(
            inspect_archive(&bytes, &tight),
            Err(Refusal::TooLarge(_))
        ));
    }
}
