//! What every spreadsheet the server writes shares: CSV quoting, the XLSX media type, the error
//! of a failed workbook.

use crate::error::AppError;

/// The media type of an XLSX workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// One CSV field, quoted when it holds a separator, a quote or a line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One CSV line (CRLF-terminated, as spreadsheet programs expect).
pub fn csv_line(fields: &[String]) -> String {
    let mut l = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    l.push_str("\r\n");
    l
}

/// A workbook that could not be written (a bug: the inputs are ours).
pub fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> AppError {
    AppError::internal(format!("spreadsheet: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_separators_are_quoted() {
        assert_eq!(csv_field("Hà Nội"), "Hà Nội");
        assert_eq!(csv_field("Xã A, huyện B"), "\"Xã A, huyện B\"");
        assert_eq!(csv_field("nói \"không\""), "\"nói \"\"không\"\"\"");
        assert_eq!(csv_line(&["a".into(), "b,c".into()]), "a,\"b,c\"\r\n");
    }
}
