//! What every spreadsheet the server writes shares: CSV quoting, the XLSX media type, the error
//! of a failed workbook.

use crate::error::AppError;

/// The media type of an XLSX workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Whether a spreadsheet program opening a CSV would read this cell as a formula: it starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a plain number (`-5` stays a
/// number; `-2+3`, `+84 912…` and `=HYPERLINK(…)` would run).
fn would_run(s: &str) -> bool {
    let plain_number = {
        let digits = s.strip_prefix('-').unwrap_or(s);
        digits.chars().any(|c| c.is_ascii_digit())
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.chars().filter(|c| *c == '.').count() <= 1
    };
    s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !plain_number
}

/// One CSV field: a cell a spreadsheet would run as a formula is written as text (a leading
/// `'`, as OWASP advises against CSV injection); quoted when it holds a separator, a quote or a
/// line break.
pub fn csv_field(s: &str) -> String {
    let s = if would_run(s) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
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

    #[test]
    fn cells_a_spreadsheet_would_run_are_written_as_text() {
        assert_eq!(csv_field("=1+2"), "'=1+2");
        assert_eq!(csv_field("+84 912"), "'+84 912");
        assert_eq!(csv_field("-2+3"), "'-2+3");
        // A sign and a point are not a number (found by the property below).
        assert_eq!(csv_field("-."), "'-.");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\t=1"), "'\t=1");
        assert_eq!(csv_field("\r=1"), "\"'\r=1\"");
        assert_eq!(
            csv_field("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        // Numbers stay numbers, other text stays as it is.
        for plain in ["-5", "-0.5", "12", "3.25", "", "Hà Nội", "a=b", "'=1"] {
            assert_eq!(csv_field(plain), plain);
        }
    }

    proptest::proptest! {
        #[test]
        fn no_field_starts_like_a_formula(s in "[=+@\t\r-]?[ -~à-ỹ]{0,12}") {
            let f = csv_field(&s);
            let cell = f.strip_prefix('"').unwrap_or(&f);
            let runs = cell.starts_with(['=', '+', '@', '\t', '\r'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            proptest::prop_assert!(!runs, "{s:?} written as {f:?}");
        }
    }
}
