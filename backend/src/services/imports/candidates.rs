//! Import of candidates (issue 22) with the members' machinery: the same reader, identity
//! columns, template layout, row-level error report and `imports` job record; each row goes
//! through `services::candidates::create`, so a candidate imported obeys the rules of one
//! entered by hand. All or nothing unless `skip_invalid`.

use chrono::NaiveDate;
use qldv_api_types::candidates::{CandidateSource, CreateCandidate, DevelopmentCategory};
use qldv_api_types::members::MemberProfile;
use qldv_api_types::reports::{ImportError, ImportStatus};
use qldv_api_types::vocabulary::{English, Term, Vietnamese};
use qldv_api_types::{ErrorCode, OrgId};
use sha2::{Digest, Sha256};

use super::columns::{self, bad_cell, cell, fill_identity, key, parse_date, COLUMNS, IDENTITY};
use super::read::{self, Row, Sheet};
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::messages::Text;
use crate::models::import::{ImportRow, Outcome};
use crate::models::organization::OrganizationRow;
use crate::models::uow::Uow;

/// A column of the candidates' template after the identity's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extra {
    Source,
    IdentifiedOn,
    YouthUnion,
    TradeUnion,
    PopulationPolicy,
    Categories,
}

impl Extra {
    const ALL: [Extra; 6] = [
        Extra::Source,
        Extra::IdentifiedOn,
        Extra::YouthUnion,
        Extra::TradeUnion,
        Extra::PopulationPolicy,
        Extra::Categories,
    ];

    fn header(self) -> &'static str {
        match self {
            Extra::Source => "Nguồn giới thiệu",
            Extra::IdentifiedOn => "Ngày xác định quần chúng ưu tú",
            Extra::YouthUnion => "Đoàn viên TNCS Hồ Chí Minh",
            Extra::TradeUnion => "Đoàn viên công đoàn",
            Extra::PopulationPolicy => "Vi phạm chính sách dân số",
            Extra::Categories => "Thành phần nghề nghiệp",
        }
    }

    fn required(self) -> bool {
        matches!(self, Extra::Source | Extra::IdentifiedOn)
    }

    fn help(self) -> &'static str {
        match self {
            Extra::Source => "Đoàn Thanh niên Cộng sản Hồ Chí Minh, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh, Công đoàn, Cơ quan, đơn vị nơi làm việc hoặc Khác",
            Extra::IdentifiedOn => "dd/mm/yyyy",
            Extra::YouthUnion | Extra::TradeUnion | Extra::PopulationPolicy => "Có hoặc để trống",
            Extra::Categories => "Chủ doanh nghiệp tư nhân; Học sinh, sinh viên; Công nhân; Lao động tự do, lao động hợp đồng (nhiều giá trị cách nhau bởi dấu chấm phẩy)",
        }
    }
}

/// The template's headers in order: `(header, required, help)`.
fn headers() -> Vec<(&'static str, bool, &'static str)> {
    COLUMNS[..IDENTITY]
        .iter()
        .map(|c| (c.header(), c.required, c.help))
        .chain(
            Extra::ALL
                .iter()
                .map(|e| (e.header(), e.required(), e.help())),
        )
        .collect()
}

/// The candidates' template workbook.
pub fn template() -> AppResult<Vec<u8>> {
    let example = [
        ("Họ và tên", "Trần Thị Bình"),
        ("Giới tính", "Nữ"),
        ("Ngày sinh", "20/05/1998"),
        ("Số CCCD", "031198001234"),
        ("Dân tộc", "Kinh"),
        ("Tôn giáo", "Không"),
        (
            Extra::Source.header(),
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        ),
        (Extra::IdentifiedOn.header(), "15/01/2025"),
        (Extra::YouthUnion.header(), "Có"),
    ];
    let notes = [
        "Mỗi dòng một quần chúng ưu tú. Ngày ghi dd/mm/yyyy. Xóa dòng ví dụ trước khi nhập.",
        "Số CCCD đã có ở một đảng viên hoặc quần chúng khác thì dòng bị từ chối.",
        "Mặc định: có một dòng lỗi thì không dòng nào được nhập; báo cáo lỗi ghi rõ dòng, cột, giá trị.",
    ];
    super::template::workbook("Danh sách quần chúng", &headers(), &example, &notes)
}

fn is_column(header: &str) -> bool {
    let k = key(header);
    headers().iter().any(|(h, _, _)| key(h) == k)
        || COLUMNS[..IDENTITY]
            .iter()
            .flat_map(columns::Column::headers)
            .any(|h| key(h) == k)
}

/// A file read and its columns located.
#[derive(Debug)]
pub struct Prepared {
    file_name: String,
    sha256: String,
    sheet: Sheet,
    /// Position of each identity column, then of each extra column.
    at: Vec<Option<usize>>,
}

/// Reads a file within `limits`: a 413 when over them, a 422 when unreadable, empty or missing a
/// required column.
pub fn prepare(file_name: &str, bytes: &[u8], limits: &read::Limits) -> AppResult<Prepared> {
    let sheet =
        read::read(file_name, bytes, limits, &is_column).map_err(read::Refusal::into_app_error)?;
    let keys: Vec<String> = sheet.header.iter().map(|h| key(h)).collect();
    let find = |names: Vec<String>| keys.iter().position(|k| names.contains(k));
    let mut at: Vec<Option<usize>> = COLUMNS[..IDENTITY]
        .iter()
        .map(|c| find(c.headers().map(key).collect()))
        .collect();
    at.extend(Extra::ALL.iter().map(|e| find(vec![key(e.header())])));
    let missing: Vec<_> = headers()
        .iter()
        .zip(&at)
        .filter(|((_, required, _), pos)| *required && pos.is_none())
        .map(|((h, _, _), _)| {
            crate::error::FieldIssue::new(
                "file",
                "missing_column",
                crate::messages::imports::missing_column(h),
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(AppError::Validation(missing));
    }
    if sheet.rows.is_empty() {
        return Err(crate::messages::imports::empty_file());
    }
    Ok(Prepared {
        file_name: file_name.to_string(),
        sha256: hex::encode(Sha256::digest(bytes)),
        sheet,
        at,
    })
}

fn parse_yes(v: &str) -> Option<bool> {
    match key(v).as_str() {
        "co" | "x" | "yes" | "true" | "1" => Some(true),
        "khong" | "no" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// A vocabulary value written as its Vietnamese label, its English label or its code.
fn parse_term<T: Term + Vietnamese + English>(v: &str) -> Option<T> {
    let k = key(v);
    T::ALL
        .iter()
        .copied()
        .find(|t| key(t.vi()) == k || key(t.code()) == k || key(t.en()) == k)
}

fn write_one_of<T: Term + Vietnamese>(all: &[T]) -> Text {
    let vi: Vec<&str> = all.iter().map(|t| t.vi()).collect();
    crate::messages::imports::write_one_of(&vi.join(", "))
}

/// Converts a row into a candidate and the `Mã chi bộ` cell, or the problems of its cells.
fn parse_row(
    row: &Row,
    at: &[Option<usize>],
) -> Result<(CreateCandidate, Option<String>), Vec<ImportError>> {
    let mut errors = Vec::new();
    let mut profile = MemberProfile::default();
    let mut organization = None;
    for (c, pos) in COLUMNS[..IDENTITY].iter().zip(at) {
        let Some(v) = cell(row, c.header(), c.required, *pos, &mut errors) else {
            continue;
        };
        if let Err(e) = fill_identity(&mut profile, &mut organization, row.no, c, &v) {
            errors.push(e);
        }
    }
    let mut body = CreateCandidate {
        profile,
        source: CandidateSource::Other,
        identified_on: NaiveDate::MIN,
        youth_union_member: false,
        trade_union_member: false,
        age_consent_no: None,
        population_policy: false,
        categories: Vec::new(),
    };
    let mut source = None;
    let mut identified = None;
    for (e, pos) in Extra::ALL.iter().zip(&at[IDENTITY..]) {
        let Some(v) = cell(row, e.header(), e.required(), *pos, &mut errors) else {
            continue;
        };
        let bad = |how: Text| bad_cell(row.no, e.header(), &v, &how);
        let yes = || parse_yes(&v).ok_or_else(|| bad(crate::messages::imports::write_yes()));
        let outcome = match e {
            Extra::Source => parse_term::<CandidateSource>(&v)
                .map(|s| source = Some(s))
                .ok_or_else(|| bad(write_one_of(CandidateSource::ALL))),
            Extra::IdentifiedOn => parse_date(&v)
                .map(|d| identified = Some(d))
                .ok_or_else(|| bad(crate::messages::imports::write_date())),
            Extra::YouthUnion => yes().map(|y| body.youth_union_member = y),
            Extra::TradeUnion => yes().map(|y| body.trade_union_member = y),
            Extra::PopulationPolicy => yes().map(|y| body.population_policy = y),
            Extra::Categories => v
                .split([';', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| {
                    parse_term::<DevelopmentCategory>(s)
                        .filter(|c| DevelopmentCategory::OCCUPATIONAL.contains(c))
                })
                .collect::<Option<Vec<_>>>()
                .map(|cats| body.categories = cats)
                .ok_or_else(|| bad(write_one_of(&DevelopmentCategory::OCCUPATIONAL))),
        };
        if let Err(e) = outcome {
            errors.push(e);
        }
    }
    match (source, identified) {
        (Some(s), Some(d)) if errors.is_empty() => {
            body.source = s;
            body.identified_on = d;
            Ok((body, organization))
        }
        _ => Err(errors),
    }
}

/// The header of the column filling a candidate's API field.
fn header_of(field: &str) -> Option<&'static str> {
    columns::header_of(field).or(match field {
        "source" => Some(Extra::Source.header()),
        "identified_on" => Some(Extra::IdentifiedOn.header()),
        "categories" => Some(Extra::Categories.header()),
        _ => None,
    })
}

/// The problems of a row `create` refused.
fn refusal(row: u32, e: AppError) -> Vec<ImportError> {
    match e {
        AppError::Validation(errs) => errs
            .into_iter()
            .map(|f| {
                let field = f.field.rsplit('.').next().unwrap_or(&f.field).to_string();
                let field = field.split('[').next().unwrap_or_default().to_string();
                ImportError {
                    row,
                    column: header_of(&field).map(str::to_string),
                    value: None,
                    code: f.code,
                    message: f.message.served(),
                }
            })
            .collect(),
        e => {
            let p = e.problem();
            let column = match p.code {
                ErrorCode::NationalIdTaken => columns::header_of("national_id"),
                ErrorCode::PersonalHistoryNoTaken => columns::header_of("personal_history_no"),
                _ => None,
            };
            vec![ImportError {
                row,
                column: column.map(str::to_string),
                value: None,
                code: p.code.to_string(),
                message: p.detail,
            }]
        }
    }
}

/// The cell a row goes to: `org`, or the organisation the row names (by id or code) inside it.
fn cell_of(
    conn: &mut DbConn,
    caller: &AuthUser,
    target: &OrganizationRow,
    named: Option<&str>,
) -> AppResult<Option<OrgId>> {
    let Some(named) = named else {
        return Ok(Some(target.id));
    };
    let inside = caller.scope.narrow(target.id, &target.path);
    let found = match named.parse::<i64>() {
        Ok(id) => OrganizationRow::find(conn, &inside, OrgId(id)),
        Err(_) => OrganizationRow::by_code(conn, &inside, named),
    };
    match found {
        Ok(o) => Ok(Some(o.id)),
        Err(AppError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Imports a prepared file into `org` (in the caller's scope): records the job, creates each
/// row's candidate in one transaction (rolled back on any refused row unless `skip_invalid`),
/// and records the outcome; the finished job.
pub fn run(
    conn: &mut DbConn,
    caller: &AuthUser,
    org: OrgId,
    p: &Prepared,
    skip_invalid: bool,
    today: NaiveDate,
) -> AppResult<ImportRow> {
    let target = OrganizationRow::find(conn, &caller.scope, org)?;
    let job = ImportRow::start(
        conn,
        target.id,
        &p.file_name,
        &p.sha256,
        i64::try_from(p.sheet.rows.len()).unwrap_or(i64::MAX),
        Some(caller.id).filter(|id| id.0 > 0),
        &caller.username,
    )?;
    let mut outcome = Outcome::default();
    let mut rolled_back = false;
    // Identifiers told held outside the caller's scope: counted against the caller's allowance
    // and audited whether the import commits or not, as in the members' import.
    let mut allowance = crate::services::disclosure::allowance(conn, caller)?;
    let mut elsewhere = Vec::new();
    let result = crate::db::unit_of_work(conn, |c: &mut Uow<'_>| {
        for row in &p.sheet.rows {
            outcome.processed += 1;
            let (body, named) = match parse_row(row, &p.at) {
                Ok(parsed) => parsed,
                Err(errs) => {
                    outcome.errors.extend(errs);
                    continue;
                }
            };
            let Some(cell) = cell_of(c, caller, &target, named.as_deref())? else {
                outcome.errors.push(columns::problem(
                    row.no,
                    COLUMNS[0].header(),
                    named.as_deref(),
                    "organization_not_found",
                    crate::messages::imports::cell_not_in(&target.name).served(),
                ));
                continue;
            };
            match crate::services::candidates::create(c, caller, cell, &body, today) {
                Ok(_) => outcome.created += 1,
                Err(AppError::HeldElsewhere(h)) => {
                    if allowance == 0 {
                        return Err(crate::services::disclosure::exhausted());
                    }
                    allowance -= 1;
                    elsewhere.push(*h.clone());
                    outcome
                        .errors
                        .extend(refusal(row.no, AppError::HeldElsewhere(h)));
                }
                Err(
                    e @ (AppError::Validation(..)
                    | AppError::Conflict(..)
                    | AppError::Rule(..)
                    | AppError::NotFound(..)),
                ) => outcome.errors.extend(refusal(row.no, e)),
                Err(e) => return Err(e),
            }
        }
        if !outcome.errors.is_empty() && !skip_invalid {
            rolled_back = true;
            return Err(AppError::Validation(Vec::new()));
        }
        Ok(())
    });
    crate::services::disclosure::record(conn, caller, &elsewhere)?;
    let status = match result {
        Ok(()) => ImportStatus::Succeeded,
        Err(e) => {
            outcome.created = 0;
            outcome.message = Some(if rolled_back {
                crate::messages::imports::rolled_back(outcome.errors.len()).served()
            } else {
                e.problem().detail
            });
            ImportStatus::Failed
        }
    };
    ImportRow::finish(conn, job.id, status, &outcome)?;
    ImportRow::find(conn, &caller.scope, job.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[(&str, &str)]) -> Option<Row> {
        let all = headers();
        let mut v = vec![String::new(); all.len()];
        for (h, x) in cells {
            if let Some(i) = all.iter().position(|(a, _, _)| a == h) {
                v[i] = (*x).to_string();
            }
        }
        Row::new(2, &v)
    }

    #[test]
    fn a_row_parses_into_a_candidate_and_bad_cells_are_named() {
        let at: Vec<Option<usize>> = (0..headers().len()).map(Some).collect();
        let good = [
            ("Họ và tên", "Trần Thị Bình"),
            ("Giới tính", "Nữ"),
            ("Ngày sinh", "20/05/1998"),
            ("Nguồn giới thiệu", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
            ("Ngày xác định quần chúng ưu tú", "15/01/2025"),
            ("Đoàn viên TNCS Hồ Chí Minh", "Có"),
            (
                "Thành phần nghề nghiệp",
                "worker; Lao động tự do, lao động hợp đồng",
            ),
        ];
        let parsed = row(&good).map(|r| parse_row(&r, &at));
        let Some(Ok((c, None))) = parsed else {
            #[allow(clippy::panic)] // the test's failure
            {
                panic!("not parsed: {parsed:?}")
            }
        };
        assert_eq!(c.source, CandidateSource::YouthUnion);
        assert!(c.youth_union_member && !c.trade_union_member);
        assert_eq!(
            c.categories,
            [
                DevelopmentCategory::Worker,
                DevelopmentCategory::FreeOrContractLabour
            ]
        );
        let mut bad = good;
        bad[3].1 = "Câu lạc bộ";
        bad[6].1 = "women";
        let errs = row(&bad)
            .map(|r| parse_row(&r, &at))
            .and_then(Result::err)
            .unwrap_or_default();
        let cols: Vec<_> = errs.iter().filter_map(|e| e.column.as_deref()).collect();
        assert_eq!(cols, ["Nguồn giới thiệu", "Thành phần nghề nghiệp"]);
    }
}
