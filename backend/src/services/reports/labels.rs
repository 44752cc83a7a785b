//! Printed names of report columns and categories, Vietnamese and English, in one place.

use qldv_api_types::evaluations::EvaluationLevel;
use qldv_api_types::member_fields::MemberField;

use crate::models::member_view::REQUIRED_FIELDS;
use qldv_api_types::reports::ReportCode;
use qldv_api_types::vocabulary::{English, Term, Vietnamese};

/// `(key, Vietnamese, English)`.
pub type Label = (&'static str, &'static str, &'static str);

/// A term's column: its code, its labels.
fn term<T: Term>(t: T) -> Label {
    (t.code(), t.vi(), t.en())
}

/// A term's column, under `key` when it is `renamed` (a code both starts and ends share).
fn keyed<T: Term>(t: T, renamed: T, key: &'static str) -> Label {
    let (code, vi, en) = term(t);
    (if t == renamed { key } else { code }, vi, en)
}

/// Movement columns, in print order (`in_*`/`out_*` metrics map to these keys): the ways a
/// membership starts and ends, labelled by the vocabulary, between the counts at start and end.
pub fn movement() -> Vec<Label> {
    use qldv_api_types::movements::{MembershipEnd as End, MembershipStart as Start};
    let mut out = vec![("start", "Đầu kỳ", "At start")];
    out.extend(
        [
            Start::Admitted,
            Start::TransferredIn,
            Start::Readmitted,
            Start::Restructured,
        ]
        .map(|s| keyed(s, Start::Restructured, "restructured_in")),
    );
    out.extend(
        [
            End::TransferredOut,
            End::Deceased,
            End::NameRemoved,
            End::Expelled,
            End::Resigned,
            End::Restructured,
        ]
        .map(|e| keyed(e, End::Restructured, "restructured_out")),
    );
    out.push(("end", "Cuối kỳ", "At end"));
    out
}

/// Admission columns.
pub fn admissions() -> Vec<Label> {
    let readmitted = term(qldv_api_types::movements::MembershipStart::Readmitted);
    vec![
        ("total", "Tổng số kết nạp", "Total admitted"),
        ("women", "Nữ", "Women"),
        ("youth_union", "Đoàn viên", "Youth Union members"),
        ("business_owners", "Chủ doanh nghiệp", "Business owners"),
        ("students", "Học sinh, sinh viên", "Students"),
        ("workers", "Công nhân", "Workers"),
        readmitted,
    ]
}

/// Evaluation columns: one per rating level, labelled by the vocabulary, between the members
/// and the not-yet-evaluated counts.
pub fn evaluations() -> Vec<Label> {
    let mut out = vec![("members", "Tổng số đảng viên", "Members")];
    out.extend(EvaluationLevel::ALL.iter().map(|l| term(*l)));
    out.push(("missing", "Chưa đánh giá", "Not yet evaluated"));
    out.push((
        "coverage_percent",
        "Tỷ lệ đã xếp loại trên số phải xếp loại (%)",
        "Rated of those due (%)",
    ));
    out
}

/// Discipline columns: the forms, labelled by the vocabulary, and their total.
pub fn discipline() -> Vec<Label> {
    use qldv_api_types::movements::DisciplineForm;
    let mut out: Vec<Label> = DisciplineForm::ALL.iter().map(|f| term(*f)).collect();
    out.push(TOTAL_COLUMN);
    out
}

/// Badge columns: one per milestone reached in the period (see [`badge`]), then these.
pub const BADGE_TOTALS: [Label; 2] = [
    TOTAL_COLUMN,
    ("returned", "Trong đó đã thu hồi", "Of which returned"),
];

/// The column of a badge milestone (`n` years of party age): Vietnamese, English.
pub fn badge(n: i64) -> (String, String) {
    (
        format!("Huy hiệu {n} năm tuổi Đảng"),
        format!("{n}-year badge"),
    )
}

/// The column summing the others.
const TOTAL_COLUMN: Label = ("total", "Tổng số", "Total");

/// A label as it reads inside a sentence: the first letter small, unless the word is an
/// abbreviation (`CCCD`).
fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() || second == ' ' => first
            .to_lowercase()
            .chain(label[first.len_utf8()..].chars())
            .collect(),
        _ => label.to_string(),
    }
}

/// Completeness columns: the members, one `missing_<field>` column per required field of the
/// record (labelled by the field's label), then the records' own counts.
pub fn completeness() -> Vec<(String, String, String)> {
    let mut out = vec![("members", "Tổng số đảng viên", "Members")]
        .into_iter()
        .map(owned)
        .collect::<Vec<_>>();
    out.extend(REQUIRED_FIELDS.iter().map(|code| {
        let (vi, en) = match MemberField::parse(code) {
            Ok(f) => (in_sentence(f.vi()), in_sentence(f.en())),
            Err(_) => (code.to_string(), code.to_string()),
        };
        (
            format!("missing_{code}"),
            format!("Thiếu {vi}"),
            format!("No {en}"),
        )
    }));
    out.extend(
        [
            ("incomplete", "Hồ sơ chưa đầy đủ", "Incomplete records"),
            ("no_card", "Chưa có thẻ đảng viên", "No party card"),
            (
                "no_supplement",
                "Chưa bổ sung hồ sơ năm nay",
                "No supplement this year",
            ),
        ]
        .into_iter()
        .map(owned),
    );
    out
}

fn owned((k, vi, en): Label) -> (String, String, String) {
    (k.into(), vi.into(), en.into())
}

/// Composition dimensions, in print order: key, Vietnamese and English titles (a member
/// field's labels where the dimension is a field).
pub fn dimensions() -> Vec<Label> {
    let field = |f: MemberField| (f.code(), f.vi(), f.en());
    vec![
        field(MemberField::Gender),
        ("age", "Độ tuổi", "Age"),
        field(MemberField::Ethnicity),
        field(MemberField::Religion),
        field(MemberField::EducationGeneral),
        field(MemberField::ProfessionalQualification),
        field(MemberField::AcademicDegree),
        field(MemberField::AcademicTitle),
        field(MemberField::PoliticalTheory),
        field(MemberField::Occupation),
        (
            "standing",
            "Đảng viên chính thức, dự bị",
            "Official or probationary",
        ),
        ("exempt", "Miễn sinh hoạt", "Exempt from activities"),
        ("away", "Đi làm ăn xa", "Working away"),
    ]
}

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

/// Timeliness columns, in print order.
pub const TIMELINESS: [Label; 6] = [
    ("entered", "Số việc đã nhập", "Entries"),
    ("on_time", "Nhập đúng hạn", "On time"),
    ("late", "Nhập chậm", "Late"),
    ("on_time_percent", "Tỷ lệ đúng hạn (%)", "On time (%)"),
    (
        "mean_delay_days",
        "Số ngày chậm bình quân",
        "Mean delay (days)",
    ),
    (
        "max_delay_days",
        "Số ngày chậm nhất",
        "Longest delay (days)",
    ),
];

/// The timeliness section of one row per kind of event: key, titles, the rows' heading.
pub const BY_KIND: Section = (
    "by_kind",
    ("Theo loại việc", "By kind of event"),
    "Loại việc",
);

/// A section's key, Vietnamese and English titles, and the heading of its rows.
pub type Section = (&'static str, (&'static str, &'static str), &'static str);

/// The total row's label.
pub const TOTAL_ROW: &str = "Tổng cộng";

/// The section of one row per subordinate organisation: key, titles, the rows' heading.
pub const BY_ORGANIZATION: Section = (
    "by_organization",
    ("Theo tổ chức trực thuộc", "By subordinate organisation"),
    "Tổ chức",
);

/// The row of the root organisation's own members, after its name.
pub const DIRECT: &str = "(trực tiếp)";

/// The one column of a composition section.
pub const MEMBERS_COLUMN: Label = ("members", "Số đảng viên", "Members");

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
        values.iter().map(|t| term(*t)).collect()
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

/// The dues report's columns, in print order (issue 23).
pub const DUES: [Label; 8] = [
    ("members", "Lượt đảng viên phải đóng", "Member-months due"),
    ("due", "Phải đóng (đ)", "Due (VND)"),
    ("paid", "Đã đóng (đ)", "Paid (VND)"),
    ("deferred", "Được chậm đóng (đ)", "Deferred (VND)"),
    ("arrears", "Chưa đóng (đ)", "Unpaid (VND)"),
    (
        "extra",
        "Đóng cao hơn mức quy định (đ)",
        "Paid beyond the due (VND)",
    ),
    ("collected", "Tổng thu (đ)", "Collected (VND)"),
    (
        "unpaid_members",
        "Lượt đảng viên chưa đóng đủ",
        "Member-months not fully paid",
    ),
];

/// The dues report's section by month.
pub const BY_MONTH: Section = ("by_month", ("Theo tháng", "By month"), "Tháng");

/// The dues report's section of what each level keeps.
pub const DUES_SPLIT: Section = (
    "split",
    ("Phân bổ số đảng phí thu được", "What each level keeps"),
    "Cấp",
);

/// The split section's one column.
pub const DUES_SPLIT_AMOUNT: Label = ("amount", "Số tiền (đ)", "Amount (VND)");

/// A month's row label in the dues report.
pub fn month_row(m: crate::domain::cell_year::Month) -> String {
    format!("Tháng {m}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_and_labels<S: AsRef<str>>(cols: &[(S, S, S)]) -> Vec<String> {
        cols.iter()
            .map(|(k, vi, en)| format!("{}|{}|{}", k.as_ref(), vi.as_ref(), en.as_ref()))
            .collect()
    }

    #[test]
    fn every_required_field_has_its_label() {
        for f in REQUIRED_FIELDS {
            assert!(MemberField::parse(f).is_ok(), "{f}");
        }
    }

    /// The columns taken from the vocabulary print as the report's own table printed them.
    #[test]
    fn vocabulary_columns_print_as_before() {
        assert_eq!(
            keys_and_labels(&movement()),
            [
                "start|Đầu kỳ|At start",
                "admitted|Kết nạp|Admitted",
                "transferred_in|Chuyển đến|Transferred in",
                "readmitted|Kết nạp lại|Re-admitted",
                "restructured_in|Nhận do sắp xếp tổ chức|In by restructuring",
                "transferred_out|Chuyển đi|Transferred out",
                "deceased|Từ trần|Died",
                "name_removed|Xóa tên|Name removed",
                "expelled|Khai trừ|Expelled",
                "resigned|Xin ra khỏi Đảng|Resigned",
                "restructured_out|Chuyển do sắp xếp tổ chức|Out by restructuring",
                "end|Cuối kỳ|At end",
            ]
        );
        assert_eq!(
            keys_and_labels(&discipline()),
            [
                "reprimand|Khiển trách|Reprimand",
                "warning|Cảnh cáo|Warning",
                "dismissal|Cách chức|Dismissal",
                "expulsion|Khai trừ|Expulsion",
                "total|Tổng số|Total",
            ]
        );
        assert_eq!(
            keys_and_labels(&admissions()).last().map(String::as_str),
            Some("readmitted|Kết nạp lại|Re-admitted")
        );
        assert_eq!(
            keys_and_labels(&completeness()),
            [
                "members|Tổng số đảng viên|Members",
                "missing_birth_place|Thiếu nơi sinh|No place of birth",
                "missing_hometown|Thiếu quê quán|No home town",
                "missing_permanent_address|Thiếu nơi thường trú|No permanent address",
                "missing_current_address|Thiếu nơi ở hiện nay|No current address",
                "missing_ethnicity|Thiếu dân tộc|No ethnicity",
                "missing_religion|Thiếu tôn giáo|No religion",
                "missing_national_id|Thiếu số CCCD|No CCCD",
                "missing_education_general|Thiếu trình độ giáo dục phổ thông|No general education",
                "missing_political_theory|Thiếu trình độ lý luận chính trị|No political theory level",
                "missing_occupation|Thiếu nghề nghiệp|No occupation",
                "missing_personal_history_no|Thiếu số lý lịch|No personal-history number",
                "missing_admission_decision_no|Thiếu số quyết định kết nạp|No admission decision number",
                "incomplete|Hồ sơ chưa đầy đủ|Incomplete records",
                "no_card|Chưa có thẻ đảng viên|No party card",
                "no_supplement|Chưa bổ sung hồ sơ năm nay|No supplement this year",
            ]
        );
        // The composition's titles: the fields' labels (only the English of political theory
        // reads "Political theory level" where the report said "Political theory").
        let dims: Vec<String> = keys_and_labels(&dimensions());
        assert_eq!(dims.len(), 13);
        assert!(dims
            .contains(&"education_general|Trình độ giáo dục phổ thông|General education".into()));
        assert!(dims.contains(
            &"political_theory|Trình độ lý luận chính trị|Political theory level".into()
        ));
    }
}
