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

/// The template workbook.
pub fn xlsx() -> AppResult<Vec<u8>> {
    let mut book = Workbook::new();
    let required = Format::new().set_bold().set_background_color(0x00FF_E699);
    let optional = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let sheet = book.add_worksheet();
    sheet.set_name("Danh sách đảng viên").map_err(xlsx_error)?;
    for (i, c) in COLUMNS.iter().enumerate() {
        let col = u16::try_from(i).map_err(|_| AppError::internal("template: columns"))?;
        let f = if c.required { &required } else { &optional };
        sheet
            .write_string_with_format(0, col, c.header(), f)
            .map_err(xlsx_error)?;
        // Text cells, so that CCCD keeps its leading zero and dates stay as written.
        sheet.set_column_format(col, &text).map_err(xlsx_error)?;
        sheet.set_column_width(col, 18).map_err(xlsx_error)?;
        if let Some((_, v)) = EXAMPLE.iter().find(|(h, _)| *h == c.header()) {
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
    for (i, c) in COLUMNS.iter().enumerate() {
        let row = u32::try_from(i + 1).map_err(|_| AppError::internal("template: rows"))?;
        help.write_string(row, 0, c.header()).map_err(xlsx_error)?;
        help.write_string(row, 1, if c.required { "Có" } else { "" })
            .map_err(xlsx_error)?;
        help.write_string(row, 2, c.help).map_err(xlsx_error)?;
    }
    let notes = [
        "Mỗi dòng một đảng viên. Ngày ghi dd/mm/yyyy. Xóa dòng ví dụ trước khi nhập.",
        "Dòng trùng số CCCD hoặc số lý lịch với hồ sơ đã có được bỏ qua: nhập lại cùng tệp không tạo hồ sơ mới.",
        "Mặc định: có một dòng lỗi thì không dòng nào được nhập; báo cáo lỗi ghi rõ dòng, cột, giá trị.",
    ];
    for (i, n) in notes.iter().enumerate() {
        let row = u32::try_from(COLUMNS.len() + 2 + i)
            .map_err(|_| AppError::internal("template: rows"))?;
        help.write_string(row, 0, *n).map_err(xlsx_error)?;
    }
    help.set_column_width(0, 30).map_err(xlsx_error)?;
    help.set_column_width(2, 80).map_err(xlsx_error)?;
    book.save_to_buffer().map_err(xlsx_error)
}
