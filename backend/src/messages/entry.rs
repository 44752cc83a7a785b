//! Data-entry timeliness.

use chrono::NaiveDate;
use qldv_api_types::reports::EntryKind;
use qldv_api_types::vocabulary::Vietnamese;

/// The message of a late-entry alert.
pub fn late(
    kind: EntryKind,
    occurred_on: NaiveDate,
    entered_on: NaiveDate,
    delay: i64,
    deadline: u32,
) -> String {
    format!(
        "{} ngày {} được nhập ngày {}, chậm {delay} ngày (hạn {deadline} ngày): kiểm tra việc báo cáo, cập nhật dữ liệu kịp thời",
        kind.vi(),
        occurred_on.format("%d/%m/%Y"),
        entered_on.format("%d/%m/%Y")
    )
}
