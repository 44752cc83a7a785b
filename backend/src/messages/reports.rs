//! The notes printed under the reports' tables. Reports print in Vietnamese for now (their row
//! labels and headings are Vietnamese): callers take `.vi`; the English is ready for an English
//! print layout.

use super::{text, Text};

/// Admissions: how the categories are counted.
pub fn admissions_categories() -> Text {
    text!(
        "Đoàn viên, chủ doanh nghiệp, học sinh – sinh viên, công nhân: trong số kết nạp mới (theo nghề nghiệp ghi trong hồ sơ).",
        "Youth Union members, business owners, pupils and students, workers: among the newly admitted (by the occupation on file)."
    )
}

/// Completeness: the supplement year.
pub fn completeness_year(year: i32) -> Text {
    text!(
        "Bổ sung hồ sơ: đảng viên chưa nộp phiếu bổ sung năm {year}.",
        "Record supplements: members who have not handed in the supplement form of {year}."
    )
}

/// Movements: how the counts at start and end relate.
pub fn movement_balance() -> Text {
    text!(
        "Đầu kỳ: số đảng viên ngày trước ngày bắt đầu; cuối kỳ: số đảng viên ngày kết thúc. Đầu kỳ + tăng − giảm = cuối kỳ ở mọi dòng.",
        "At start: members on the day before the start; at end: members on the end day. At start + in − out = at end on every row."
    )
}

/// Movements: the total row leaves out moves between subordinate organisations.
pub fn movement_total_row() -> Text {
    text!(
        "Dòng tổng cộng không tính chuyển sinh hoạt giữa các tổ chức trực thuộc với nhau, nên các cột tăng, giảm của dòng tổng có thể nhỏ hơn tổng các dòng.",
        "The total row leaves out transfers between subordinate organisations, so its in and out columns may be less than the sum of the rows."
    )
}

/// Movements: the organisation tree as it was at each moment.
pub fn movement_tree_in_time() -> Text {
    text!(
        "Tổ chức theo cây tổ chức tại từng thời điểm (kể cả đã chia tách, hợp nhất).",
        "Organisations as the tree was at each moment (split and merged ones included)."
    )
}

/// Movements: members in transit count at their origin.
pub fn movement_in_transit() -> Text {
    text!(
        "Đảng viên đang chuyển sinh hoạt (chưa được nơi đến tiếp nhận) được tính ở nơi đi.",
        "Members in transit (not yet received at the destination) count at their origin."
    )
}

/// Composition: the reference day.
pub fn composition_as_of() -> Text {
    text!(
        "Đảng viên thuộc tổ chức tại ngày báo cáo; tuổi tính đến ngày báo cáo.",
        "Members of the organisation on the report day; ages on that day."
    )
}

/// Evaluations: the reference day and year.
pub fn evaluations_as_of(on: chrono::NaiveDate, year: i64) -> Text {
    let on = on.format("%d/%m/%Y");
    text!(
        "Đảng viên thuộc tổ chức ngày {on}; kết quả xếp loại năm {year}.",
        "Members of the organisation on {on}; ratings of {year}."
    )
}

/// Badges: the occasions counted.
pub fn badge_occasions() -> Text {
    text!(
        "Theo đợt trao tặng trong kỳ (3/2, 19/5, 2/9, 7/11 và đợt đặc biệt).",
        "By the award occasions in the period (3 Feb, 19 May, 2 Sep, 7 Nov and special ones)."
    )
}

/// The dues report's note on its identity and where its sums come from.
pub fn dues_identity() -> Text {
    text!(
        "Mỗi dòng: phải đóng = đã đóng + được chậm đóng + chưa đóng (kiểm tra trước khi gửi); chưa đóng của tháng đã kết thúc là nợ đảng phí. Tổng thu = đã đóng + đóng cao hơn mức quy định. Số liệu cộng từ từng chi bộ theo tháng, theo cây tổ chức của tháng đó.",
        "On every line: due = paid + deferred + unpaid (checked before sending); what is unpaid in an ended month is in arrears. Collected = paid + paid beyond the due. Summed from each cell's months, by the tree as it was that month."
    )
}

/// The dues report's note when its period reaches a month that has not ended (`first`: the
/// first such month): what is unpaid there is not yet due.
pub fn dues_open_months(first: &str) -> Text {
    text!(
        "Từ tháng {first} chưa kết thúc: phần chưa đóng của các tháng này chưa đến hạn, chưa phải nợ đảng phí.",
        "From {first} the months have not ended: what is unpaid in them is not yet due, not arrears."
    )
}

/// The dues report's note when the split ratios are not set.
pub fn dues_no_split() -> Text {
    text!(
        "Phân bổ đảng phí giữa chi bộ, tổ chức cơ sở đảng và cấp trên: chưa có tỷ lệ.",
        "The split of dues between the cell, the grassroots organisation and the levels above: no ratios set yet."
    )
}

/// `report_identity_broken`: a line of the dues report does not balance.
pub fn dues_identity_broken(line: &str) -> Text {
    text!(
        "Số liệu đảng phí không cân đối ở dòng \"{line}\" (phải đóng ≠ đã đóng + chậm đóng + còn nợ): báo cáo không được gửi",
        "The dues figures do not balance on the line \"{line}\" (due ≠ paid + deferred + arrears): the report was not sent"
    )
}
