//! Reading an XLSX workbook: its archive measured before anything parses it, then its first
//! sheet read cell by cell.

use crate::messages::imports as msg;
use std::io::Read;

use calamine::{DataRef, Reader, Xlsx};

use super::{thousands, too_many_columns, too_many_rows, Builder, Limits, Refusal, Sheet};

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

/// Measures an XLSX archive before anything parses it: the number of entries, the sizes they
/// declare, and the sizes they really inflate to (a zip bomb, or an entry lying about its
/// size, is found here, never in memory).
fn inspect_archive(bytes: &[u8], limits: &Limits) -> Result<(), Refusal> {
    let not_xlsx = |e: zip::result::ZipError| Refusal::unreadable(msg::not_xlsx(e));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(not_xlsx)?;
    if archive.len() > limits.max_entries {
        return Err(Refusal::unreadable(msg::too_many_parts(thousands(
            archive.len() as u64,
        ))));
    }
    let entry_too_large =
        |name: &str| Refusal::TooLarge(msg::part_too_large(name, mib(limits.max_entry_bytes)));
    let total_too_large = || Refusal::TooLarge(msg::archive_too_large(mib(limits.max_total_bytes)));
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
                .map_err(|e| Refusal::unreadable(msg::broken_part(&name, e)))?
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
    let broken = |e: std::io::Error| Refusal::unreadable(msg::broken_part(name, e));
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
        return Err(Refusal::unreadable(msg::broken_strings(
            thousands(announced.unwrap_or_default()),
            thousands(size),
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
        .map_err(|e| Refusal::unreadable(msg::workbook_unreadable(e)))?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| Refusal::unreadable(msg::no_sheet()))?;
    let unreadable_sheet =
        |e: calamine::XlsxError| Refusal::unreadable(msg::sheet_unreadable(&first, e));
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
                return Err(Refusal::unreadable(msg::rows_out_of_order(&first, no, at)))
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
    let mut sheet = builder.finish();
    sheet.name = Some(first);
    Ok(sheet)
}

#[cfg(test)]
mod tests {
    use super::*;

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
