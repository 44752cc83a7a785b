//! Admission targets and the development report (issue 22).

use super::text;
use crate::domain::development::DatesRefused;
use crate::error::AppError;

/// 422: a development report counts one calendar year's targets (`report_by_year` on `year`),
/// over a period that ends after it starts (`period_reversed` on `from`), in a year that has a
/// calendar (`invalid_year` on `year`).
pub fn report_dates(refused: DatesRefused) -> AppError {
    match refused {
        DatesRefused::NotAYear => AppError::field(
            "year",
            "report_by_year",
            text!(
                "Báo cáo phát triển đảng viên tính theo chỉ tiêu của một năm: chọn năm (year), \
                 hoặc từ ngày, đến ngày trong cùng một năm",
                "The development report counts one year's targets: ask it with `year`, or with \
                 `from` and `to` inside one calendar year"
            ),
        ),
        DatesRefused::PeriodReversed => AppError::field(
            "from",
            "period_reversed",
            text!(
                "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc",
                "The period must start on or before its last day"
            ),
        ),
        DatesRefused::InvalidYear => AppError::field(
            "year",
            "invalid_year",
            text!("Năm không hợp lệ", "The year is not valid"),
        ),
    }
}

/// 422 on `resolution_on`, `resolution_in_future`: the congress resolution is dated after today.
pub fn resolution_in_future() -> AppError {
    AppError::field(
        "resolution_on",
        "resolution_in_future",
        text!(
            "Ngày nghị quyết đại hội không được sau ngày hôm nay",
            "The congress resolution cannot be dated after today"
        ),
    )
}

/// The note of the development report on the categories counted from the member records.
pub fn categories_note() -> super::Text {
    text!(
        "Đoàn viên: có ngày vào Đoàn; chủ doanh nghiệp, học sinh – sinh viên, công nhân, lao động \
         tự do – hợp đồng: theo nghề nghiệp ghi trong hồ sơ (như báo cáo kết nạp đảng viên).",
        "Youth Union: a Youth Union joining date is recorded; business owners, students, workers, \
         free and contract labour: by the occupation recorded (as in the Admissions report)."
    )
}

/// The note on the category only the candidate file records (rule 31).
pub fn population_policy_note() -> super::Text {
    text!(
        "Kết nạp người vi phạm chính sách dân số: chỉ đếm những người kết nạp qua hồ sơ quần chúng \
         ưu tú trong hệ thống có ghi trường hợp này; hồ sơ đảng viên nhập trực tiếp không có thông \
         tin này.",
        "Admissions of people who broke the population policy: counted only for admissions through \
         a candidate file in the system that records the case; members entered directly do not \
         hold it."
    )
}

/// The note of the development report on targets and shares.
pub fn targets_note(year: i32) -> super::Text {
    text!(
        "Chỉ tiêu: chỉ tiêu kết nạp năm {year} theo nghị quyết đại hội của chính tổ chức; cột bên \
         cạnh là tổng chỉ tiêu của các tổ chức trực thuộc nó. Tỷ lệ = số kết nạp / chỉ tiêu của \
         tổ chức; để trống khi chưa có chỉ tiêu. Số kết nạp gồm kết nạp mới và kết nạp lại trong \
         kỳ báo cáo, như báo cáo kết nạp đảng viên.",
        "Target: the organisation's own {year} admission target from its congress resolution; \
         beside it, the sum of its subordinate organisations' targets. Share = admitted / the \
         organisation's target, blank without a target. Admitted counts admissions and \
         re-admissions of the period, as the Admissions report does."
    )
}

/// The note when the pipeline of candidates cannot be counted yet.
pub fn pipeline_note() -> super::Text {
    text!(
        "Quần chúng ưu tú theo giai đoạn: chưa có dữ liệu quần chúng ưu tú trong hệ thống.",
        "Candidates by stage: no candidate records in the system yet."
    )
}
