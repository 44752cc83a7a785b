//! The messages of the alerts a clerk reads on the alert list (dates as `dd/mm/yyyy`).

use chrono::NaiveDate;

use super::{text, Text};

fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// `recognition_overdue`: probation ended on `official` without a decision; overdue from `due`.
pub fn recognition_overdue(official: NaiveDate, due: NaiveDate) -> Text {
    let (official, due) = (date(official), date(due));
    text!(
        "Hết thời hạn dự bị từ {official} mà chưa có quyết định công nhận chính thức (quá hạn từ {due})",
        "Probation ended on {official} without a decision of recognition (overdue from {due})"
    )
}

/// `transfer_not_received`: the transfer's report-by date passed.
pub fn transfer_not_received(by: NaiveDate) -> Text {
    let by = date(by);
    text!(
        "Giấy giới thiệu sinh hoạt đã quá hạn báo cáo ({by}) mà chi bộ nơi đến chưa tiếp nhận",
        "The transfer's report-by date ({by}) has passed and the receiving cell has not received it"
    )
}

/// `away_too_long`: working away since `since` for over `months` months.
pub fn away_too_long(since: NaiveDate, months: impl std::fmt::Display) -> Text {
    let since = date(since);
    text!(
        "Đi làm ăn xa từ {since} đã quá {months} tháng mà chưa chuyển sinh hoạt chính thức",
        "Working away since {since}, over {months} months, without an official transfer"
    )
}

/// `discipline_lapsing`: the discipline lapses on `on`.
pub fn discipline_lapsing(on: NaiveDate) -> Text {
    let on = date(on);
    text!(
        "Kỷ luật hết hiệu lực ngày {on}",
        "The discipline lapses on {on}"
    )
}

/// `temporary_transfer_expired`: the temporary registration ended on `until`.
pub fn temporary_transfer_expired(until: NaiveDate) -> Text {
    let until = date(until);
    text!(
        "Sinh hoạt tạm thời đã hết hạn ngày {until}",
        "The temporary registration ended on {until}"
    )
}

/// `removal_not_recorded`: not recognised on `on`, no decision removing the name yet.
pub fn removal_not_recorded(on: NaiveDate) -> Text {
    let on = date(on);
    text!(
        "Không được công nhận đảng viên chính thức từ ngày {on} mà chưa có quyết định xóa tên",
        "Not recognised as official on {on}, and no decision removing the name yet"
    )
}

/// `dues_arrears`: a member owes `amount` đồng of dues over `months` ended months, the latest
/// `last`.
pub fn dues_arrears(months: usize, amount: i64, last: crate::domain::cell_year::Month) -> Text {
    let amount = thousands(amount);
    text!(
        "Nợ đảng phí {months} tháng, tổng {amount} đồng (tháng gần nhất: {last})",
        "Owes party dues for {months} months, {amount} đồng in all (latest month: {last})"
    )
}

/// `1234567` → `1.234.567` (Vietnamese digit grouping).
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}
