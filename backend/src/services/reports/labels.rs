//! Printed names of report columns and categories, Vietnamese and English, in one place.

use qldv_api_types::evaluations::EvaluationLevel;
use qldv_api_types::reports::ReportCode;
use qldv_api_types::vocabulary::{English, Term, Vietnamese};

/// `(key, Vietnamese, English)`.
pub type Label = (&'static str, &'static str, &'static str);

/// Movement columns, in print order (`in_*`/`out_*` metrics map to these keys).
pub const MOVEMENT: [Label; 12] = [
    ("start", "Đầu kỳ", "At start"),
    ("admitted", "Kết nạp", "Admitted"),
    ("transferred_in", "Chuyển đến", "Transferred in"),
    ("readmitted", "Kết nạp lại", "Re-admitted"),
    (
        "restructured_in",
        "Nhận do sắp xếp tổ chức",
        "In by restructuring",
    ),
    ("transferred_out", "Chuyển đi", "Transferred out"),
    ("deceased", "Từ trần", "Died"),
    ("name_removed", "Xóa tên", "Name removed"),
    ("expelled", "Khai trừ", "Expelled"),
    ("resigned", "Xin ra khỏi Đảng", "Resigned"),
    (
        "restructured_out",
        "Chuyển do sắp xếp tổ chức",
        "Out by restructuring",
    ),
    ("end", "Cuối kỳ", "At end"),
];

/// Admission columns.
pub const ADMISSIONS: [Label; 7] = [
    ("total", "Tổng số kết nạp", "Total admitted"),
    ("women", "Nữ", "Women"),
    ("youth_union", "Đoàn viên", "Youth Union members"),
    ("business_owners", "Chủ doanh nghiệp", "Business owners"),
    ("students", "Học sinh, sinh viên", "Students"),
    ("workers", "Công nhân", "Workers"),
    ("readmitted", "Kết nạp lại", "Re-admitted"),
];

/// Evaluation columns: one per rating level, labelled by the vocabulary, between the members
/// and the not-yet-evaluated counts.
pub fn evaluations() -> Vec<Label> {
    let mut out = vec![("members", "Tổng số đảng viên", "Members")];
    out.extend(
        EvaluationLevel::ALL
            .iter()
            .map(|l| (l.code(), l.vi(), l.en())),
    );
    out.push(("missing", "Chưa đánh giá", "Not yet evaluated"));
    out.push((
        "coverage_percent",
        "Tỷ lệ đã xếp loại trên số phải xếp loại (%)",
        "Rated of those due (%)",
    ));
    out
}

/// Discipline columns.
pub const DISCIPLINE: [Label; 5] = [
    ("reprimand", "Khiển trách", "Reprimand"),
    ("warning", "Cảnh cáo", "Warning"),
    ("dismissal", "Cách chức", "Dismissal"),
    ("expulsion", "Khai trừ", "Expulsion"),
    ("total", "Tổng số", "Total"),
];

/// Completeness columns (the required fields' columns are `missing_<field>`).
pub const COMPLETENESS: [Label; 16] = [
    ("members", "Tổng số đảng viên", "Members"),
    ("missing_birth_place", "Thiếu nơi sinh", "No place of birth"),
    ("missing_hometown", "Thiếu quê quán", "No home town"),
    (
        "missing_permanent_address",
        "Thiếu nơi thường trú",
        "No permanent address",
    ),
    (
        "missing_current_address",
        "Thiếu nơi ở hiện nay",
        "No current address",
    ),
    ("missing_ethnicity", "Thiếu dân tộc", "No ethnicity"),
    ("missing_religion", "Thiếu tôn giáo", "No religion"),
    ("missing_national_id", "Thiếu số CCCD", "No CCCD"),
    (
        "missing_education_general",
        "Thiếu trình độ phổ thông",
        "No general education",
    ),
    (
        "missing_political_theory",
        "Thiếu trình độ lý luận chính trị",
        "No political theory level",
    ),
    ("missing_occupation", "Thiếu nghề nghiệp", "No occupation"),
    (
        "missing_personal_history_no",
        "Thiếu số lý lịch",
        "No personal-history number",
    ),
    (
        "missing_admission_decision_no",
        "Thiếu số quyết định kết nạp",
        "No admission decision number",
    ),
    ("incomplete", "Hồ sơ chưa đầy đủ", "Incomplete records"),
    ("no_card", "Chưa có thẻ đảng viên", "No party card"),
    (
        "no_supplement",
        "Chưa bổ sung hồ sơ năm nay",
        "No supplement this year",
    ),
];

/// Composition dimensions: key, Vietnamese and English titles.
pub const DIMENSIONS: [Label; 13] = [
    ("gender", "Giới tính", "Gender"),
    ("age", "Độ tuổi", "Age"),
    ("ethnicity", "Dân tộc", "Ethnicity"),
    ("religion", "Tôn giáo", "Religion"),
    (
        "education_general",
        "Trình độ giáo dục phổ thông",
        "General education",
    ),
    (
        "professional_qualification",
        "Trình độ chuyên môn",
        "Professional qualification",
    ),
    ("academic_degree", "Học vị", "Academic degree"),
    ("academic_title", "Học hàm", "Academic title"),
    (
        "political_theory",
        "Trình độ lý luận chính trị",
        "Political theory",
    ),
    ("occupation", "Nghề nghiệp", "Occupation"),
    (
        "standing",
        "Đảng viên chính thức, dự bị",
        "Official or probationary",
    ),
    ("exempt", "Miễn sinh hoạt", "Exempt from activities"),
    ("away", "Đi làm ăn xa", "Working away"),
];

/// Categories with fixed names and order, per dimension, besides those of vocabulary terms (see
/// [`categories`]); other dimensions hold free text, shown as written.
pub const CATEGORIES: [(&str, &[Label]); 3] = [
    (
        "age",
        &[
            ("to_30", "Đến 30 tuổi", "Up to 30"),
            ("31_40", "Từ 31 đến 40 tuổi", "31–40"),
            ("41_50", "Từ 41 đến 50 tuổi", "41–50"),
            ("51_60", "Từ 51 đến 60 tuổi", "51–60"),
            ("61_70", "Từ 61 đến 70 tuổi", "61–70"),
            ("over_70", "Trên 70 tuổi", "Over 70"),
        ],
    ),
    (
        "exempt",
        &[("yes", "Được miễn", "Exempt"), ("no", "Không", "No")],
    ),
    (
        "away",
        &[("yes", "Đang đi làm ăn xa", "Away"), ("no", "Không", "No")],
    ),
];

/// The label of an empty value.
pub const NOT_RECORDED: (&str, &str) = ("(chưa ghi)", "(not recorded)");

/// Report titles: Vietnamese, English (the labels of the report's code).
pub fn title(code: ReportCode) -> (&'static str, &'static str) {
    (code.vi(), code.en())
}

/// The fixed categories of a dimension, if it has them.
pub fn categories(dimension: &str) -> Option<Vec<Label>> {
    use qldv_api_types::members::{Gender, MemberStatus, PoliticalTheory};
    fn terms<T: Term>(values: &[T]) -> Vec<Label> {
        values.iter().map(|t| (t.code(), t.vi(), t.en())).collect()
    }
    match dimension {
        "gender" => Some(terms(Gender::ALL)),
        "political_theory" => Some(terms(PoliticalTheory::ALL)),
        "standing" => Some(terms(&[MemberStatus::Official, MemberStatus::Probationary])),
        _ => CATEGORIES
            .iter()
            .find(|(d, _)| *d == dimension)
            .map(|(_, c)| c.to_vec()),
    }
}
