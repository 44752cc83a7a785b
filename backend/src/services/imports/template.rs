//! The import template: an XLSX workbook with the Vietnamese column headers, an example row, and
//! a sheet explaining each column.

use rust_xlsxwriter::{Format, Workbook};

use super::columns::COLUMNS;
use crate::error::{AppError, AppResult};
use crate::services::spreadsheet::xlsx_error;

/// An example row (an official member entered from existing records).
const EXAMPLE: [(&str, &str); 14] = [
    ("Họ và tên", "Nguyễn Văn An"),
    ("Giới tính", "Nam"),
    ("Ngày sinh", "15/01/1980"),
    ("Số CCCD", "031080001234"),
    ("Số lý lịch", "123456HP"),
    ("Quê quán", "Xã An Lư, huyện Thủy Nguyên, Hải Phòng"),
    ("Dân tộc", "Kinh"),
    ("Tôn giáo", "Không"),
    ("Trình độ giáo dục phổ thông", "12/12"),
    ("Trình độ lý luận chính trị", "Trung cấp"),
    ("Ngày quyết định kết nạp", "07/03/2005"),
    ("Số quyết định kết nạp", "125-QĐ/ĐU"),
    ("Ngày kết nạp", "21/03/2005"),
    ("Ngày chính thức", "21/03/2006"),
];

/// The members' template workbook.
pub fn xlsx() -> AppResult<Vec<u8>> {
    let columns: Vec<(&str, bool, &str)> = COLUMNS
        .iter()
        .map(|c| (c.header(), c.required, c.help))
        .collect();
    let notes = [
        "Mỗi dòng một đảng viên. Ngày ghi dd/mm/yyyy. Xóa dòng ví dụ trước khi nhập.",
        "Dòng trùng số CCCD hoặc số lý lịch với hồ sơ đã có được bỏ qua: nhập lại cùng tệp không tạo hồ sơ mới.",
        "Mặc định: có một dòng lỗi thì không dòng nào được nhập; báo cáo lỗi ghi rõ dòng, cột, giá trị.",
    ];
    workbook("Danh sách đảng viên", &columns, &EXAMPLE, &notes)
}

/// A template workbook: a sheet `name` with the headers (required ones highlighted, as
/// `(header, required, help)`) and an example row, and a sheet explaining each column.
pub fn workbook(
    name: &str,
    columns: &[(&str, bool, &str)],
    example: &[(&str, &str)],
    notes: &[&str],
) -> AppResult<Vec<u8>> {
    let mut book = Workbook::new();
    let required = Format::new().set_bold().set_background_color(0x00FF_E699);
    let optional = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let sheet = book.add_worksheet();
    sheet.set_name(name).map_err(xlsx_error)?;
    for (i, &(header, is_required, _)) in columns.iter().enumerate() {
        let col = u16::try_from(i).map_err(|_| AppError::internal("template: columns"))?;
        let f = if is_required { &required } else { &optional };
        sheet
            .write_string_with_format(0, col, header, f)
            .map_err(xlsx_error)?;
        // Text cells, so that CCCD keeps its leading zero and dates stay as written.
        sheet.set_column_format(col, &text).map_err(xlsx_error)?;
        sheet.set_column_width(col, 18).map_err(xlsx_error)?;
        if let Some((_, v)) = example.iter().find(|(h, _)| *h == header) {
            sheet
                .write_string_with_format(1, col, *v, &text)
                .map_err(xlsx_error)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    let help = book.add_worksheet();
    help.set_name("Hướng dẫn").map_err(xlsx_error)?;
    let bold = Format::new().set_bold();
    for (i, h) in ["Cột", "Bắt buộc", "Cách ghi"].iter().enumerate() {
        let col = u16::try_from(i).map_err(|_| AppError::internal("template: columns"))?;
        help.write_string_with_format(0, col, *h, &bold)
            .map_err(xlsx_error)?;
    }
    for (i, &(header, is_required, how)) in columns.iter().enumerate() {
        let row = u32::try_from(i + 1).map_err(|_| AppError::internal("template: rows"))?;
        help.write_string(row, 0, header).map_err(xlsx_error)?;
        help.write_string(row, 1, if is_required { "Có" } else { "" })
            .map_err(xlsx_error)?;
        help.write_string(row, 2, how).map_err(xlsx_error)?;
    }
    for (i, n) in notes.iter().enumerate() {
        let row = u32::try_from(columns.len() + 2 + i)
            .map_err(|_| AppError::internal("template: rows"))?;
        help.write_string(row, 0, *n).map_err(xlsx_error)?;
    }
    help.set_column_width(0, 30).map_err(xlsx_error)?;
    help.set_column_width(2, 80).map_err(xlsx_error)?;
    book.save_to_buffer().map_err(xlsx_error)
}
