//! Importing members from a spreadsheet: the file, its rows and cells, and the server's load.
//! Numbers arrive formatted (thousands separated) by the caller.

use std::fmt::Display;

use super::{text, Text};
use crate::error::AppError;

/// 429 `import_running`: the caller's previous import is still running.
pub fn yours_running(retry_after: i64) -> AppError {
    AppError::Busy(
        "import_running",
        text!(
            "Lượt nhập trước của bạn chưa xong; chờ nó kết thúc rồi nhập tiếp",
            "Your previous import is not finished; wait for it, then import again"
        ),
        retry_after,
    )
}

/// 429 `imports_busy`: the server runs as many imports as it takes.
pub fn server_busy(retry_after: i64) -> AppError {
    AppError::Busy(
        "imports_busy",
        text!(
            "Máy chủ đang chạy nhiều lượt nhập; thử lại sau ít phút",
            "The server is running many imports; try again in a few minutes"
        ),
        retry_after,
    )
}

/// 422 on `file`, `empty_file`.
pub fn empty_file() -> AppError {
    AppError::field(
        "file",
        "empty_file",
        text!("Tệp không có dòng dữ liệu nào", "The file has no data rows"),
    )
}

/// An import refused whole because of its `errors` bad rows.
pub fn rolled_back(errors: usize) -> Text {
    text!(
        "{errors} lỗi; không dòng nào được nhập. Sửa các dòng lỗi rồi nhập lại.",
        "{errors} errors; no row was imported. Correct the rows in error and import again."
    )
}

/// An import the server's stop interrupted.
pub fn interrupted() -> Text {
    text!(
        "Máy chủ dừng trong khi nhập; không có dòng nào được ghi. Hãy nhập lại tệp.",
        "The server stopped during the import; no row was written. Import the file again."
    )
}

/// A row repeating an identifier of an earlier row of the file.
pub fn duplicate_in_file(first: impl Display) -> Text {
    text!(
        "Trùng với dòng {first} của tệp",
        "Repeats row {first} of the file"
    )
}

/// A row naming a cell that is not in the organisation imported into.
pub fn cell_not_in(organization: &str) -> Text {
    text!(
        "Không có chi bộ này trong {organization}",
        "There is no such cell in {organization}"
    )
}

/// A required column missing from the header row.
pub fn missing_column(header: &str) -> Text {
    text!(
        "Thiếu cột bắt buộc \"{header}\"",
        "The required column \"{header}\" is missing"
    )
}

/// A required cell left empty (`header` is the column's).
pub fn missing_cell(header: &str) -> Text {
    let vi = header.to_lowercase();
    text!("Thiếu {vi}", "{header} is missing")
}

/// A cell that does not read, and how to write it.
pub fn invalid_cell(header: &str, how: &Text) -> Text {
    let (vi, en) = (&how.vi, &how.en);
    text!("{header} không hợp lệ: {vi}", "{header} is not valid: {en}")
}

/// How to write a date.
pub fn write_date() -> Text {
    text!("ghi ngày dạng dd/mm/yyyy", "write the date as dd/mm/yyyy")
}

/// How to write a yes-or-no cell.
pub fn write_yes() -> Text {
    text!("ghi Có, hoặc để trống", "write Có (yes), or leave it empty")
}

/// How to write a document number of at most `max` characters.
pub fn write_at_most(max: usize) -> Text {
    text!(
        "ghi số văn bản, tối đa {max} ký tự",
        "write the document number, at most {max} characters"
    )
}

/// How to write a value of a closed list (`labels`, joined).
pub fn write_one_of(labels: &str) -> Text {
    text!("ghi một trong: {labels}", "write one of: {labels}")
}

/// How to write a gender.
pub fn write_gender() -> Text {
    text!("ghi Nam hoặc Nữ", "write Nam or Nữ")
}

/// How to write a political theory level.
pub fn write_theory() -> Text {
    text!(
        "ghi Chưa qua đào tạo, Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân",
        "write Chưa qua đào tạo, Sơ cấp, Trung cấp, Cao cấp or Cử nhân"
    )
}

/// A CSV file in UTF-16.
pub fn csv_utf16() -> Text {
    text!(
        "Tệp CSV mã hóa UTF-16 (\"Unicode Text\"); trong Excel chọn Lưu thành → \"CSV UTF-8\" rồi nhập lại",
        "The CSV file is UTF-16 (\"Unicode Text\"); in Excel choose Save as → \"CSV UTF-8\" and import again"
    )
}

/// A CSV file in another encoding than UTF-8.
pub fn csv_not_utf8() -> Text {
    text!(
        "Tệp CSV phải mã hóa UTF-8; tệp này dùng bảng mã khác (Windows-1258, TCVN3, VNI…): trong Excel chọn Lưu thành → \"CSV UTF-8\"",
        "The CSV file must be UTF-8; this one uses another encoding (Windows-1258, TCVN3, VNI…): in Excel choose Save as → \"CSV UTF-8\""
    )
}

/// A line over `kb` KB.
pub fn line_too_long(no: impl Display, kb: impl Display) -> Text {
    text!(
        "Dòng {no} dài hơn {kb} KB; một dòng chỉ chứa một đảng viên",
        "Line {no} is over {kb} KB; a line holds one member"
    )
}

/// A row too long to keep.
pub fn row_too_long() -> Text {
    text!("Tệp có dòng quá dài", "The file has a row that is too long")
}

/// More rows than an import takes.
pub fn too_many_rows(max: impl Display) -> Text {
    text!(
        "Tệp có hơn {max} dòng dữ liệu; chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt",
        "The file has over {max} data rows; split it into smaller files and import them in turn"
    )
}

/// A row with more cells than read.
pub fn too_many_columns(row: impl Display, max: impl Display, template: impl Display) -> Text {
    text!(
        "Dòng {row} có hơn {max} cột; tệp mẫu chỉ có {template} cột",
        "Row {row} has over {max} columns; the template has {template}"
    )
}

/// A file that is neither XLSX nor CSV.
pub fn file_kind() -> Text {
    text!(
        "Chỉ nhận tệp .xlsx hoặc .csv",
        "Only .xlsx or .csv files are taken"
    )
}

/// A file that is not an XLSX archive.
pub fn not_xlsx(why: impl Display) -> Text {
    text!(
        "Không đọc được tệp Excel (.xlsx): {why}",
        "The Excel file (.xlsx) does not read: {why}"
    )
}

/// An XLSX archive with too many parts.
pub fn too_many_parts(n: impl Display) -> Text {
    text!(
        "Tệp Excel chứa {n} thành phần (tệp hợp lệ có vài chục)",
        "The Excel file holds {n} parts (a valid one has a few dozen)"
    )
}

/// An XLSX part inflating over `mb` MB.
pub fn part_too_large(name: &str, mb: impl Display) -> Text {
    text!(
        "Thành phần \"{name}\" của tệp Excel giải nén ra hơn {mb} MB; chia thành nhiều tệp nhỏ hơn",
        "The part \"{name}\" of the Excel file inflates to over {mb} MB; split it into smaller files"
    )
}

/// An XLSX file inflating over `mb` MB.
pub fn archive_too_large(mb: impl Display) -> Text {
    text!(
        "Tệp Excel giải nén ra hơn {mb} MB; chia thành nhiều tệp nhỏ hơn",
        "The Excel file inflates to over {mb} MB; split it into smaller files"
    )
}

/// A broken XLSX part.
pub fn broken_part(name: &str, why: impl Display) -> Text {
    text!(
        "Tệp Excel hỏng ({name}): {why}",
        "The Excel file is broken ({name}): {why}"
    )
}

/// A shared-string table announcing more strings than it can hold.
pub fn broken_strings(announced: impl Display, size: impl Display) -> Text {
    text!(
        "Tệp Excel hỏng: bảng chuỗi khai {announced} chuỗi nhưng chỉ dài {size} byte",
        "The Excel file is broken: its string table announces {announced} strings in {size} bytes"
    )
}

/// A workbook calamine cannot open.
pub fn workbook_unreadable(why: impl Display) -> Text {
    text!(
        "Không đọc được tệp Excel: {why}",
        "The Excel file does not read: {why}"
    )
}

/// A workbook without sheets.
pub fn no_sheet() -> Text {
    text!(
        "Tệp Excel không có trang tính nào",
        "The Excel file has no sheet"
    )
}

/// A sheet that does not read.
pub fn sheet_unreadable(sheet: &str, why: impl Display) -> Text {
    text!(
        "Không đọc được trang tính \"{sheet}\": {why}",
        "The sheet \"{sheet}\" does not read: {why}"
    )
}

/// A sheet whose rows go back (not written by Excel).
pub fn rows_out_of_order(sheet: &str, no: impl Display, at: impl Display) -> Text {
    text!(
        "Trang tính \"{sheet}\" có dòng {no} sau dòng {at}: tệp không do Excel tạo ra",
        "The sheet \"{sheet}\" has row {no} after row {at}: the file was not made by Excel"
    )
}

/// A CSV line the reader cannot read.
pub fn csv_line_unreadable(no: u32, e: impl std::fmt::Display) -> Text {
    text!("Dòng {no}: {e}", "Line {no}: {e}")
}

/// The imports of a cell's year (issue 23): attendance and dues.
pub mod year {
    use super::{text, Text};

    /// No member of the cell that year has this number.
    pub fn member_not_found(header: &str) -> Text {
        text!(
            "Không có đảng viên nào của chi bộ trong năm có {header} này",
            "No member of the cell in that year has this {header}"
        )
    }

    /// A member row with neither number.
    pub fn member_number_missing() -> Text {
        text!(
            "Ghi số thẻ đảng viên hoặc số lý lịch của đảng viên",
            "Write the member's party card number or personal-history number"
        )
    }

    /// The name written is not the member's.
    pub fn name_mismatch(name: &str) -> Text {
        text!(
            "Họ và tên không khớp với hồ sơ ({name}); kiểm tra lại số thẻ hoặc số lý lịch",
            "The name does not match the record ({name}); check the card or personal-history number"
        )
    }

    /// A member on two rows.
    pub fn member_repeated() -> Text {
        text!(
            "Đảng viên đã có ở một dòng trên",
            "The member is already on a row above"
        )
    }

    /// A column header that is neither a member column nor a meeting's date (or a month).
    pub fn unknown_column(how: Text) -> Text {
        Text::new(
            format!("Tiêu đề cột không đọc được: {}", how.vi),
            format!("The column's header does not read: {}", how.en),
        )
    }

    /// How to head a meeting's column.
    pub fn write_meeting_header() -> Text {
        text!(
            "ghi ngày họp dd/mm/yyyy, thêm \"chuyên đề\" cho cuộc họp chuyên đề",
            "write the meeting's date dd/mm/yyyy, adding \"chuyên đề\" for a topical meeting"
        )
    }

    /// How to head a month's column.
    pub fn write_month_header() -> Text {
        text!(
            "ghi Tháng 1 … Tháng 12 hoặc mm/yyyy của năm nhập",
            "write Tháng 1 … Tháng 12 or mm/yyyy of the year imported"
        )
    }

    /// How to write an attendance cell.
    pub fn write_attendance() -> Text {
        text!(
            "ghi C (có mặt), P (vắng có lý do, lý do sau dấu hai chấm: \"P: ốm\"), K (vắng không lý do), M (miễn sinh hoạt), N (sinh hoạt nơi khác), hoặc để trống",
            "write C (present), P (excused, the reason after a colon: \"P: ốm\"), K (absent), M (exempt), N (elsewhere), or leave it empty"
        )
    }

    /// How to write an amount.
    pub fn write_amount() -> Text {
        text!(
            "ghi số tiền đã nộp bằng đồng, số nguyên lớn hơn 0 (85000 hoặc 85.000), hoặc để trống nếu chưa nộp",
            "write the amount paid in đồng, a whole number above 0 (85000 or 85.000), or leave it empty if not paid"
        )
    }

    /// Two columns for one meeting.
    pub fn meeting_repeated() -> Text {
        text!(
            "Cuộc họp này đã có ở một cột trước",
            "This meeting already has a column before"
        )
    }

    /// Two columns for one month.
    pub fn month_repeated() -> Text {
        text!(
            "Tháng này đã có ở một cột trước",
            "This month already has a column before"
        )
    }

    /// A meeting recorded before with another sheet.
    pub fn meeting_recorded_otherwise(on: &str) -> Text {
        text!(
            "Cuộc họp ngày {on} đã được ghi với bảng điểm danh khác; sửa bảng điểm danh trên màn hình cuộc họp",
            "The meeting of {on} is already recorded with another attendance sheet; correct it on the meeting's screen"
        )
    }

    /// A member expected at a meeting who has no row (or an empty cell).
    pub fn left_out(detail: &Text) -> Text {
        let (vi, en) = (&detail.vi, &detail.en);
        text!(
            "{vi} (thêm dòng của đảng viên hoặc ghi vào ô của cuộc họp)",
            "{en} (add the member's row or fill the meeting's cell)"
        )
    }

    /// A column with no meeting or month at all.
    pub fn nothing_to_import() -> Text {
        text!(
            "Tệp không có cột cuộc họp (hoặc tháng) nào có dữ liệu",
            "The file has no meeting (or month) column with data"
        )
    }
}
