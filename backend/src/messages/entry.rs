//! Data-entry timeliness.

use chrono::NaiveDate;
use qldv_api_types::reports::EntryKind;
use qldv_api_types::vocabulary::{English, Vietnamese};

use super::{text, Text};

/// The message of a late-entry alert.
pub fn late(
    kind: EntryKind,
    occurred_on: NaiveDate,
    entered_on: NaiveDate,
    delay: i64,
    deadline: u32,
) -> Text {
    let (vi, en) = (kind.vi(), kind.en());
    let occurred = occurred_on.format("%d/%m/%Y");
    let entered = entered_on.format("%d/%m/%Y");
    text!(
        "{vi} ngày {occurred} được nhập ngày {entered}, chậm {delay} ngày (hạn {deadline} ngày): kiểm tra việc báo cáo, cập nhật dữ liệu kịp thời",
        "{en} of {occurred} was entered on {entered}, {delay} days late (deadline {deadline} days): check that reports and data are kept up to date"
    )
}
