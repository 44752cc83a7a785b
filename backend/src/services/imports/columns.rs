//! The columns of the import template (Vietnamese headers, the API field each fills) and the
//! conversion of one spreadsheet row into the API's [`CreateMember`].

use super::read::Row;
use chrono::NaiveDate;
use qldv_api_types::member_fields::MemberField;

use crate::messages::Text;
use qldv_api_types::members::{CreateMember, Gender, MemberProfile, MemberStatus, PoliticalTheory};
use qldv_api_types::reports::ImportError;
use qldv_api_types::vocabulary::{Term, Vietnamese};
use qldv_api_types::OrgId;

/// One template column: the member field it fills (whose label is its header), required, how
/// to fill it.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The field it fills (field errors name it; its label is the header).
    pub field: MemberField,
    /// Whether every row must fill it.
    pub required: bool,
    /// Help for the template's instructions sheet.
    pub help: &'static str,
}

impl Column {
    /// The header as in the template (matched without regard to case, diacritics or spaces).
    pub fn header(&self) -> &'static str {
        self.field.vi()
    }

    /// The headers a file may name the column by: its header, and an earlier template's.
    pub(crate) fn headers(&self) -> impl Iterator<Item = &'static str> {
        let earlier = match self.field {
            MemberField::PoliticalTheory => Some("Lý luận chính trị"),
            _ => None,
        };
        std::iter::once(self.header()).chain(earlier)
    }
}

const fn col(field: MemberField, required: bool, help: &'static str) -> Column {
    Column {
        field,
        required,
        help,
    }
}

/// The template's columns, in order.
pub const COLUMNS: [Column; 31] = [
    col(
        MemberField::OrganizationId,
        false,
        "Mã số (id) hoặc mã tổ chức của chi bộ; để trống: tổ chức chọn khi nhập",
    ),
    col(
        MemberField::FullName,
        true,
        "Họ tên đầy đủ, có dấu, như trên CCCD",
    ),
    col(MemberField::Gender, true, "Nam hoặc Nữ"),
    col(MemberField::BirthDate, true, "dd/mm/yyyy"),
    col(
        MemberField::NationalId,
        false,
        "12 chữ số; khớp giới tính và năm sinh",
    ),
    col(
        MemberField::LegacyIdNo,
        false,
        "Chứng minh nhân dân cũ, 9 chữ số (nếu có)",
    ),
    col(
        MemberField::PersonalHistoryNo,
        false,
        "6 chữ số và ký hiệu tỉnh, ví dụ 123456HP",
    ),
    col(MemberField::BirthPlace, false, ""),
    col(MemberField::Hometown, false, ""),
    col(MemberField::PermanentAddress, false, ""),
    col(MemberField::CurrentAddress, false, ""),
    col(MemberField::Ethnicity, false, "Ví dụ: Kinh"),
    col(
        MemberField::Religion,
        false,
        "Không, nếu không theo tôn giáo nào",
    ),
    col(MemberField::Phone, false, ""),
    col(MemberField::Email, false, ""),
    col(MemberField::EducationGeneral, false, "Ví dụ: 12/12"),
    col(MemberField::ProfessionalQualification, false, ""),
    col(MemberField::AcademicDegree, false, ""),
    col(MemberField::AcademicTitle, false, ""),
    col(
        MemberField::PoliticalTheory,
        false,
        "Chưa qua đào tạo, Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân",
    ),
    col(MemberField::Occupation, false, ""),
    col(MemberField::JobTitle, false, ""),
    col(MemberField::Workplace, false, ""),
    col(MemberField::YouthUnionJoinedOn, false, "dd/mm/yyyy"),
    col(MemberField::Introducers, false, ""),
    col(MemberField::AdmissionDecisionOn, true, "dd/mm/yyyy"),
    col(MemberField::AdmissionDecisionNo, false, ""),
    col(
        MemberField::CeremonyOn,
        true,
        "Ngày tổ chức lễ kết nạp, dd/mm/yyyy",
    ),
    col(MemberField::CeremonyPlace, false, ""),
    col(
        MemberField::OfficialOn,
        false,
        "Để trống nếu còn dự bị; nếu có: ngày kết nạp cộng 12 tháng",
    ),
    col(
        MemberField::FirstAdmissionDecisionOn,
        false,
        "Chỉ với đảng viên kết nạp lại",
    ),
];

/// The header of the column filling an API field (for error reports).
pub fn header_of(field: &str) -> Option<&'static str> {
    COLUMNS
        .iter()
        .find(|c| c.field.code() == field)
        .map(Column::header)
}

pub(crate) fn key(header: &str) -> String {
    crate::domain::vn_text::fold(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The API field a template column's header fills.
pub fn field_of_header(header: &str) -> Option<&'static str> {
    COLUMNS
        .iter()
        .find(|c| c.header() == header)
        .map(|c| c.field.code())
}

/// Whether a file's header names a template column (other columns are not read).
pub fn is_template_column(header: &str) -> bool {
    let k = key(header);
    COLUMNS
        .iter()
        .flat_map(Column::headers)
        .any(|h| key(h) == k)
}

/// Where each template column is in a file's header row; the missing required columns as errors.
pub fn locate(header: &[String]) -> Result<Vec<Option<usize>>, Vec<ImportError>> {
    let keys: Vec<String> = header.iter().map(|h| key(h)).collect();
    let found: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|c| {
            let names: Vec<String> = c.headers().map(key).collect();
            keys.iter().position(|k| names.contains(k))
        })
        .collect();
    let missing: Vec<ImportError> = COLUMNS
        .iter()
        .zip(&found)
        .filter(|(c, f)| c.required && f.is_none())
        .map(|(c, _)| ImportError {
            sheet: None,
            row: 1,
            column: Some(c.header().into()),
            value: None,
            code: "missing_column".into(),
            message: crate::messages::imports::missing_column(c.header()).served(),
        })
        .collect();
    if missing.is_empty() {
        Ok(found)
    } else {
        Err(missing)
    }
}

/// A CCCD (12 digits) or a legacy CMND (9) as typed into a spreadsheet: a number cell loses the
/// leading zeros, so a shorter run of digits is padded back to `digits`.
fn identity_number(v: &str, digits: usize) -> String {
    if !v.is_empty() && v.len() < digits && v.chars().all(|c| c.is_ascii_digit()) {
        format!("{v:0>digits$}")
    } else {
        v.to_string()
    }
}

/// A date as clerks write it: `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy` or ISO `yyyy-mm-dd`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

fn parse_gender(s: &str) -> Option<Gender> {
    match key(s).as_str() {
        "nam" | "male" => Some(Gender::Male),
        "nu" | "female" => Some(Gender::Female),
        _ => None,
    }
}

fn parse_theory(s: &str) -> Option<PoliticalTheory> {
    match key(s).as_str() {
        "chuaquadaotao" | "khong" | "none" => Some(PoliticalTheory::None),
        "socap" | "elementary" => Some(PoliticalTheory::Elementary),
        "trungcap" | "intermediate" => Some(PoliticalTheory::Intermediate),
        "caocap" | "advanced" => Some(PoliticalTheory::Advanced),
        "cunhan" | "bachelor" => Some(PoliticalTheory::Bachelor),
        _ => None,
    }
}

/// The text field of the profile a column fills, if it is a plain text field.
fn text_slot<'a>(p: &'a mut MemberProfile, field: &str) -> Option<&'a mut Option<String>> {
    Some(match field {
        "full_name" => &mut p.full_name,
        "national_id" => &mut p.national_id,
        "legacy_id_no" => &mut p.legacy_id_no,
        "personal_history_no" => &mut p.personal_history_no,
        "birth_place" => &mut p.birth_place,
        "hometown" => &mut p.hometown,
        "permanent_address" => &mut p.permanent_address,
        "current_address" => &mut p.current_address,
        "ethnicity" => &mut p.ethnicity,
        "religion" => &mut p.religion,
        "phone" => &mut p.phone,
        "email" => &mut p.email,
        "education_general" => &mut p.education_general,
        "professional_qualification" => &mut p.professional_qualification,
        "academic_degree" => &mut p.academic_degree,
        "academic_title" => &mut p.academic_title,
        "occupation" => &mut p.occupation,
        "job_title" => &mut p.job_title,
        "workplace" => &mut p.workplace,
        "introducers" => &mut p.introducers,
        "admission_decision_no" => &mut p.admission_decision_no,
        "ceremony_place" => &mut p.ceremony_place,
        _ => return None,
    })
}

/// The columns shared by the members' and the candidates' templates: the identity, from
/// `Mã chi bộ` to the Youth Union date.
pub const IDENTITY: usize = 24;

/// A cell's trimmed text, `None` when empty (a problem noted when the column is required).
pub(crate) fn cell(
    row: &Row,
    header: &str,
    required: bool,
    pos: Option<usize>,
    errors: &mut Vec<ImportError>,
) -> Option<String> {
    let value = pos
        .and_then(|p| row.cell(p))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty());
    if value.is_none() && required {
        errors.push(problem(
            row.no,
            header,
            None,
            "required",
            crate::messages::imports::missing_cell(header).served(),
        ));
    }
    value
}

/// A cell that does not read, with how to write it.
pub(crate) fn bad_cell(row: u32, header: &str, value: &str, how: &Text) -> ImportError {
    problem(
        row,
        header,
        Some(value),
        "invalid_format",
        crate::messages::imports::invalid_cell(header, how).served(),
    )
}

/// Fills an identity column's value `v` into the profile (or the organisation cell); `false`
/// when the column is not one of the identity's.
pub(crate) fn fill_identity(
    profile: &mut MemberProfile,
    organization: &mut Option<String>,
    row: u32,
    c: &Column,
    v: &str,
) -> Result<bool, ImportError> {
    let bad = |what: Text| bad_cell(row, c.header(), v, &what);
    let date = || parse_date(v).ok_or_else(|| bad(crate::messages::imports::write_date()));
    if let Some(slot) = text_slot(profile, c.field.code()) {
        *slot = Some(match c.field {
            MemberField::NationalId => identity_number(v, 12),
            MemberField::LegacyIdNo => identity_number(v, 9),
            _ => v.to_string(),
        });
        return Ok(true);
    }
    match c.field {
        MemberField::OrganizationId => *organization = Some(v.to_string()),
        MemberField::Gender => {
            profile.gender =
                Some(parse_gender(v).ok_or_else(|| bad(crate::messages::imports::write_gender()))?)
        }
        MemberField::BirthDate => profile.birth_date = Some(date()?),
        MemberField::PoliticalTheory => {
            profile.political_theory =
                Some(parse_theory(v).ok_or_else(|| bad(crate::messages::imports::write_theory()))?)
        }
        MemberField::YouthUnionJoinedOn => profile.youth_union_joined_on = Some(date()?),
        _ => return Ok(false),
    }
    Ok(true)
}

/// One data row, read: the member to create (if the cells parse), and the organisation cell as
/// written (an id or a code) when the row names one.
#[derive(Debug)]
pub struct ParsedRow {
    /// The member, with `organization_id` left 0 when the row names none or a code.
    pub member: CreateMember,
    /// The `Mã chi bộ` cell, if filled.
    pub organization: Option<String>,
}

/// Converts a row (cells as text, in file order) into a member, or the problems of its cells.
pub fn parse_row(row: &Row, at: &[Option<usize>]) -> Result<ParsedRow, Vec<ImportError>> {
    let row_no = row.no;
    let mut errors = Vec::new();
    let mut profile = MemberProfile::default();
    let mut dates: [Option<NaiveDate>; 4] = [None; 4];
    let mut organization = None;
    let mut official_on = None;
    let mut first_on = None;
    for (c, pos) in COLUMNS.iter().zip(at) {
        let Some(v) = cell(row, c.header(), c.required, *pos, &mut errors) else {
            continue;
        };
        match fill_identity(&mut profile, &mut organization, row_no, c, &v) {
            Ok(true) => continue,
            Ok(false) => {}
            Err(e) => {
                errors.push(e);
                continue;
            }
        }
        let bad = |what: Text| bad_cell(row_no, c.header(), &v, &what);
        let date = || parse_date(&v).ok_or_else(|| bad(crate::messages::imports::write_date()));
        let outcome: Result<(), ImportError> = match c.field.code() {
            "admission_decision_on" => date().map(|d| dates[0] = Some(d)),
            "ceremony_on" => date().map(|d| dates[1] = Some(d)),
            "official_on" => date().map(|d| official_on = Some(d)),
            "first_admission_decision_on" => date().map(|d| first_on = Some(d)),
            _ => Ok(()),
        };
        if let Err(e) = outcome {
            errors.push(e);
        }
    }
    let (Some(decision), Some(ceremony)) = (dates[0], dates[1]) else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ParsedRow {
        member: CreateMember {
            organization_id: OrgId(0),
            profile,
            admission_decision_on: decision,
            ceremony_on: ceremony,
            status: if official_on.is_some() {
                MemberStatus::Official
            } else {
                MemberStatus::Probationary
            },
            official_on,
            first_admission_decision_on: first_on,
            age_consent_no: None,
            ceremony_delay_approval_no: None,
            cell_considered_on: None,
            decision_received_on: None,
        },
        organization,
    })
}

/// A problem with one cell.
pub fn problem(
    row: u32,
    column: &str,
    value: Option<&str>,
    code: &str,
    message: String,
) -> ImportError {
    ImportError {
        sheet: None,
        row,
        column: Some(column.into()),
        value: value.map(str::to_string),
        code: code.into(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Vec<String> {
        COLUMNS.iter().map(|c| c.header().to_uppercase()).collect()
    }

    #[test]
    fn headers_match_without_case_or_diacritics() {
        let mut h = header();
        h[1] = "ho va ten".into();
        let at = locate(&h).unwrap_or_default();
        assert_eq!(at[1], Some(1));
        let missing = locate(&h[2..]).err().unwrap_or_default();
        assert!(missing
            .iter()
            .any(|e| e.column.as_deref() == Some("Họ và tên")));
    }

    /// The template's headers are the member fields' labels; a file made from the template
    /// before it said "Trình độ lý luận chính trị" is still read.
    #[test]
    fn headers_are_the_field_labels_and_the_earlier_header_is_read() {
        assert_eq!(
            header_of("political_theory"),
            Some("Trình độ lý luận chính trị")
        );
        assert_eq!(header_of("ceremony_on"), Some("Ngày kết nạp"));
        let h = vec!["Họ và tên".to_string(), "Lý luận chính trị".to_string()];
        let at = locate(&h).err().map(|_| ());
        assert_eq!(at, Some(()), "required columns are missing");
        assert!(is_template_column("Lý luận chính trị"));
        let mut full = header();
        let theory = COLUMNS
            .iter()
            .position(|c| c.field == MemberField::PoliticalTheory)
            .unwrap_or_default();
        full[theory] = "Lý luận chính trị".into();
        assert_eq!(locate(&full).unwrap_or_default()[theory], Some(theory));
    }

    #[test]
    fn a_row_parses_into_an_official_member() {
        let at: Vec<Option<usize>> = (0..COLUMNS.len()).map(Some).collect();
        let mut cells = vec![String::new(); COLUMNS.len()];
        let set = |cells: &mut Vec<String>, header: &str, v: &str| {
            if let Some(i) = COLUMNS.iter().position(|c| c.header() == header) {
                cells[i] = v.into();
            }
        };
        set(&mut cells, "Họ và tên", "Nguyễn Văn An");
        set(&mut cells, "Giới tính", "Nam");
        set(&mut cells, "Ngày sinh", "15/01/1980");
        set(&mut cells, "Ngày quyết định kết nạp", "07/03/2005");
        set(&mut cells, "Ngày kết nạp", "2005-03-21");
        set(&mut cells, "Ngày chính thức", "21/03/2006");
        set(&mut cells, "Trình độ lý luận chính trị", "Trung cấp");
        let parse = |cells: &Vec<String>| match Row::new(2, cells) {
            Some(row) => parse_row(&row, &at),
            None => Err(Vec::new()),
        };
        let row = parse(&cells).map(|r| r.member);
        let m = row.as_ref().ok();
        assert_eq!(m.map(|m| m.status), Some(MemberStatus::Official));
        assert_eq!(
            m.and_then(|m| m.profile.political_theory),
            Some(PoliticalTheory::Intermediate)
        );
        set(&mut cells, "Ngày sinh", "31/02/1980");
        set(&mut cells, "Giới tính", "X");
        let errs = parse(&cells).err().unwrap_or_default();
        let cols: Vec<_> = errs.iter().filter_map(|e| e.column.as_deref()).collect();
        assert_eq!(cols, ["Giới tính", "Ngày sinh"]);
        assert_eq!(errs[1].value.as_deref(), Some("31/02/1980"));
    }
}
