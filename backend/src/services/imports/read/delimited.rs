//! Reading a CSV file: UTF-8, comma or semicolon separated, each record within the limits.

use super::{too_many_columns, Builder, Limits, Refusal, Sheet};

/// Reads CSV (UTF-8, with or without a byte-order mark; comma or semicolon separated), keeping
/// the columns `keep` accepts.
pub fn csv(bytes: &[u8], limits: &Limits, keep: &dyn Fn(&str) -> bool) -> Result<Sheet, Refusal> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Refusal::unreadable(crate::messages::imports::csv_utf16()));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Refusal::unreadable(crate::messages::imports::csv_not_utf8()))?;
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
        let more = reader.read_record(&mut record).map_err(|e| {
            Refusal::unreadable(crate::messages::imports::csv_line_unreadable(no, e))
        })?;
        if !more {
            break;
        }
        if record.as_slice().len() > limits.max_line_bytes {
            return Err(Refusal::Unreadable(
                "line_too_long",
                crate::messages::imports::line_too_long(no, limits.max_line_bytes >> 10),
            ));
        }
        if record.len() > limits.max_columns {
            return Err(too_many_columns(limits, no));
        }
        builder.row(no, record.iter().map(str::to_string).enumerate().collect())?;
    }
    Ok(builder.finish())
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
    fn decomposed_text_is_read_composed() {
        // A file saved on macOS: "Họ tên" and "Nguyễn" decomposed (NFD).
        let s = csv(
            "Ho\u{323} te\u{302}n\nNguye\u{302}\u{303}n Va\u{306}n An\n".as_bytes(),
            &Limits::UPLOAD,
            &|_| true,
        );
        let s = s.unwrap_or_default();
        assert_eq!(s.header, ["Họ tên"]);
        assert_eq!(s.rows[0].cell(0), Some("Nguyễn Văn An"));
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
                .map_err(|e| e.code())
        };
        assert_eq!(code(b"a,b\n1,2\n3,4\n"), Ok(()));
        assert_eq!(code(b"a,b\n1,2\n3,4\n5,6\n"), Err("payload_too_large"));
        assert_eq!(code(b"a,b\n12345678901,2\n"), Err("line_too_long"));
        assert_eq!(code(b"a,b\n1,2,3,4\n"), Err("too_many_columns"));
        assert_eq!(code(&[0xFF, 0xFE, b'a', 0]), Err("unreadable_file"));
        assert_eq!(code(&[b'a', 0xE0, b'\n']), Err("unreadable_file"));
    }
}
