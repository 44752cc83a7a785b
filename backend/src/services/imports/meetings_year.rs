//! Import of a cell's meetings of a year with their attendance (issue 23), laid out as the
//! paper register a clerk copies from: one sheet, a row per member (`Số thẻ đảng viên` or
//! `Số lý lịch`, and `Họ và tên` to check), a column per meeting headed by its date
//! (`05/01/2026`; `20/03/2026 chuyên đề` for a topical one), each cell the member's attendance
//! (`C`, `P: lý do`, `K`; `M`, `N` or empty where the record derives exempt or elsewhere).
//! Rows without a number carry the meetings' details: `Nội dung` (agenda), `Nghị quyết`,
//! `Tóm tắt biên bản`. Each meeting goes through `services::meetings::create`, the service of
//! `POST /organizations/{id}/meetings`; a meeting recorded before with the same sheet is left
//! unchanged, with another sheet refused. All or nothing.

use chrono::{Datelike, NaiveDate};
use qldv_api_types::cell_year::{Attendance, MeetingKind};
use qldv_api_types::meetings::{AttendanceLine, CreateMeeting};
use qldv_api_types::reports::{ImportError, ImportKind};
use qldv_api_types::OrgId;
use validator::Validate;

use super::columns::{key, parse_date};
use super::read::Row;
use super::year::{self, YearFile};
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::messages::imports::year as msg;
use crate::models::import::{ImportRow, Outcome};
use crate::models::meeting::{self as model, MeetingRow};
use crate::models::uow::Uow;

/// A meeting's column.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    at: usize,
    header: String,
    kind: MeetingKind,
    held_on: NaiveDate,
}

/// The date and kind a column's header names: a date, then `chuyên đề` for a topical meeting
/// (`thường kỳ`, or nothing, for a regular one).
fn meeting_header(h: &str) -> Option<(NaiveDate, MeetingKind)> {
    let h = h.trim();
    let end = h
        .find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '-' || c == '.'))
        .unwrap_or(h.len());
    let held_on = parse_date(h[..end].trim())?;
    let rest = key(&h[end..]);
    let kind = match rest.as_str() {
        "" | "thuongky" | "tk" => MeetingKind::Regular,
        "chuyende" | "cd" => MeetingKind::Topical,
        _ => return None,
    };
    Some((held_on, kind))
}

/// An attendance cell: the value and the reason written after it.
fn attendance(v: &str) -> Option<(Attendance, Option<String>)> {
    let (code, reason) = match v.find([':', '-', '(']) {
        Some(i) => (
            &v[..i],
            Some(v[i + 1..].trim().trim_end_matches(')').trim()),
        ),
        None => (v, None),
    };
    let value = match key(code).as_str() {
        "c" | "x" | "co" | "comat" | "present" => Attendance::Present,
        "p" | "vcl" | "vangcolydo" | "colydo" | "excused" => Attendance::Excused,
        "k" | "v" | "vang" | "vangkhonglydo" | "khonglydo" | "absent" => Attendance::Absent,
        "m" | "mien" | "miensinhhoat" | "exempt" => Attendance::Exempt,
        "n" | "noikhac" | "sinhhoatnoikhac" | "elsewhere" => Attendance::Elsewhere,
        _ => return None,
    };
    let reason = reason.filter(|r| !r.is_empty()).map(str::to_string);
    Some((value, reason))
}

/// A detail row's meaning, by its `Họ và tên` cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    Agenda,
    Resolution,
    Minutes,
}

fn detail(label: &str) -> Option<Detail> {
    let k = key(label);
    if k.starts_with("noidung") || k == "chuongtrinh" {
        Some(Detail::Agenda)
    } else if k.starts_with("nghiquyet") {
        Some(Detail::Resolution)
    } else if k.starts_with("tomtat") || k.starts_with("bienban") {
        Some(Detail::Minutes)
    } else {
        None
    }
}

/// The meeting columns, or the headers that do not read (a column without data is ignored).
fn columns(file: &YearFile) -> (Vec<Column>, Vec<ImportError>) {
    let mut found: Vec<Column> = Vec::new();
    let mut errors = Vec::new();
    for (at, header) in file.sheet.header.iter().enumerate() {
        if file.who.is(at) {
            continue;
        }
        let used = file
            .sheet
            .rows
            .iter()
            .any(|r| file.text(r, Some(at)).is_some());
        match meeting_header(header) {
            Some((held_on, kind))
                if found.iter().any(|c| c.held_on == held_on && c.kind == kind) =>
            {
                errors.push(file.problem(
                    1,
                    Some(header),
                    Some(header),
                    "meeting_repeated",
                    &msg::meeting_repeated(),
                ));
            }
            Some((held_on, kind)) => found.push(Column {
                at,
                header: header.clone(),
                kind,
                held_on,
            }),
            None if used => errors.push(file.problem(
                1,
                Some(header),
                Some(header),
                "unknown_column",
                &msg::unknown_column(msg::write_meeting_header()),
            )),
            None => {}
        }
    }
    found.sort_by_key(|c| (c.held_on, c.kind == MeetingKind::Topical));
    (found, errors)
}

/// Reads an attendance file: 413, or 422 when unreadable, empty or without its member columns.
pub fn prepare(file_name: &str, bytes: &[u8], limits: &super::Limits) -> AppResult<YearFile> {
    year::read_file(file_name, bytes, limits)
}

/// A meeting's request as the file writes it, with the row of each line.
fn request(
    file: &YearFile,
    col: &Column,
    details: &[(Detail, &Row)],
    members: &[(&Row, qldv_api_types::MemberId)],
    errors: &mut Vec<ImportError>,
) -> (CreateMeeting, Vec<u32>) {
    let text = |d: Detail| {
        details
            .iter()
            .filter(|(x, _)| *x == d)
            .find_map(|(_, r)| file.text(r, Some(col.at)))
            .map(str::to_string)
    };
    let agenda = text(Detail::Agenda).unwrap_or_else(|| match col.kind {
        MeetingKind::Regular => format!(
            "Sinh hoạt chi bộ thường kỳ tháng {:02}/{}",
            col.held_on.month(),
            col.held_on.year()
        ),
        MeetingKind::Topical => format!(
            "Sinh hoạt chuyên đề ngày {}",
            col.held_on.format("%d/%m/%Y")
        ),
    });
    let mut lines = Vec::new();
    let mut rows = Vec::new();
    for (row, member_id) in members {
        let Some(v) = file.text(row, Some(col.at)) else {
            continue;
        };
        match attendance(v) {
            Some((value, reason)) => {
                lines.push(AttendanceLine {
                    member_id: *member_id,
                    value,
                    reason,
                });
                rows.push(row.no);
            }
            None => errors.push(file.problem(
                row.no,
                Some(&col.header),
                Some(v),
                "invalid_format",
                &crate::messages::imports::invalid_cell(&col.header, &msg::write_attendance()),
            )),
        }
    }
    let body = CreateMeeting {
        kind: col.kind,
        held_on: col.held_on,
        agenda,
        resolution: text(Detail::Resolution),
        minutes_summary: text(Detail::Minutes),
        attendance: lines,
    };
    (body, rows)
}

/// The problems of a meeting the service refused, placed in the meeting's column: a line's on
/// its member's row, the others on the header row.
fn refusal(file: &YearFile, col: &Column, rows: &[u32], e: AppError) -> Vec<ImportError> {
    year::issues(e)
        .into_iter()
        .map(|(field, code, message)| {
            let row = year::index_in(&field)
                .and_then(|i| rows.get(i).copied())
                .unwrap_or(1);
            let message = if field == "attendance" {
                msg::left_out(&message)
            } else {
                message
            };
            file.problem(row, Some(&col.header), None, &code, &message)
        })
        .collect()
}

/// Records one meeting, or notes it unchanged or refused.
fn one(
    c: &mut Uow<'_>,
    caller: &AuthUser,
    (org, today): (OrgId, NaiveDate),
    (file, col, rows): (&YearFile, &Column, &[u32]),
    body: &CreateMeeting,
    outcome: &mut Outcome,
) -> AppResult<()> {
    if let Err(e) = body.validate() {
        outcome
            .errors
            .extend(refusal(file, col, rows, AppError::from(e)));
        return Ok(());
    }
    let before = MeetingRow::of_cell(c, org, col.held_on, col.held_on)?
        .into_iter()
        .find(|m| m.kind == col.kind);
    let Some(before) = before else {
        return match crate::services::meetings::create(c, caller, org, body, today) {
            Ok(_) => {
                outcome.created += 1;
                Ok(())
            }
            Err(e) if year::is_refusal(&e) => {
                outcome.errors.extend(refusal(file, col, rows, e));
                Ok(())
            }
            Err(e) => Err(e),
        };
    };
    // Recorded before: the file's sheet, judged as the service judges it, must be the same.
    let facts = model::sheet_facts(c, org, col.held_on)?;
    match crate::services::meetings::judge(&facts, &body.attendance) {
        Ok(mut judged) => {
            let mut stored: Vec<_> = model::lines(c, &[before.id])?
                .into_iter()
                .map(|l| (l.member_id, l.value, l.reason))
                .collect();
            judged.sort_by_key(|l| l.0);
            stored.sort_by_key(|l| l.0);
            if judged == stored {
                outcome.unchanged += 1;
            } else {
                let on = col.held_on.format("%d/%m/%Y").to_string();
                outcome.errors.push(file.problem(
                    1,
                    Some(&col.header),
                    Some(&col.header),
                    "meeting_already_recorded",
                    &msg::meeting_recorded_otherwise(&on),
                ));
            }
        }
        Err(e) => outcome.errors.extend(refusal(file, col, rows, e)),
    }
    Ok(())
}

/// Imports a read attendance file into the cell `org` (in the caller's scope; 404 outside, 422
/// for an organisation that holds no members): every meeting in one transaction, rolled back
/// on any problem; the finished job.
pub fn run(
    conn: &mut DbConn,
    caller: &AuthUser,
    org: OrgId,
    file: &YearFile,
    today: NaiveDate,
) -> AppResult<ImportRow> {
    let cell = crate::services::meetings::cell(conn, caller, org)?;
    year::run(
        conn,
        caller,
        (ImportKind::Meetings, cell.id),
        file,
        |c, outcome| {
            let (cols, errors) = columns(file);
            outcome.errors.extend(errors);
            let mut details = Vec::new();
            let mut member_rows = Vec::new();
            for row in &file.sheet.rows {
                match detail(file.text(row, Some(file.who.name)).unwrap_or_default()) {
                    Some(d) if file.is_detail_row(row) => details.push((d, row)),
                    _ => member_rows.push(row),
                }
            }
            outcome.processed = i64::try_from(file.sheet.rows.len()).unwrap_or(i64::MAX);
            let (Some(first), Some(last)) = (cols.first(), cols.last()) else {
                if outcome.errors.is_empty() {
                    outcome.errors.push(file.problem(
                        1,
                        None,
                        None,
                        "nothing_to_import",
                        &msg::nothing_to_import(),
                    ));
                }
                return Ok(());
            };
            let roster =
                crate::models::cell_roster::roster(c, cell.id, (first.held_on, last.held_on))?;
            let ids = match file.members(&roster, &member_rows) {
                Ok(ids) => ids,
                Err(errs) => {
                    outcome.errors.extend(errs);
                    return Ok(());
                }
            };
            let members: Vec<(&Row, qldv_api_types::MemberId)> =
                member_rows.iter().copied().zip(ids).collect();
            for col in &cols {
                let mut cell_errors = Vec::new();
                let (body, rows) = request(file, col, &details, &members, &mut cell_errors);
                if cell_errors.is_empty() {
                    one(
                        c,
                        caller,
                        (cell.id, today),
                        (file, col, &rows),
                        &body,
                        outcome,
                    )?;
                }
                outcome.errors.extend(cell_errors);
            }
            Ok(())
        },
    )
}

/// The attendance template of a cell's year: the members of the cell that year with their
/// numbers, a column per month headed `__/mm/yyyy` for the clerk to write the meeting's day
/// in, the detail rows, and a sheet explaining how to fill it.
pub fn template(conn: &mut DbConn, caller: &AuthUser, org: OrgId, year: i32) -> AppResult<Vec<u8>> {
    let cell = crate::services::meetings::cell(conn, caller, org)?;
    let (from, to) = year_span(year)?;
    let mut roster = crate::models::cell_roster::roster(conn, cell.id, (from, to))?;
    roster.sort_by_cached_key(|m| crate::domain::vn_text::fold(&m.full_name));
    let months: Vec<String> = (1..=12).map(|m| format!("__/{m:02}/{year}")).collect();
    let details = ["Nội dung", "Nghị quyết", "Tóm tắt biên bản"];
    let notes = [
        "Mỗi cột một cuộc họp: thay __ bằng ngày họp (dd/mm/yyyy); cuộc họp chuyên đề ghi thêm \"chuyên đề\" sau ngày (20/03/2026 chuyên đề) ở một cột mới. Cột không có dữ liệu được bỏ qua.",
        "Mỗi ô: C có mặt; P vắng có lý do, lý do sau dấu hai chấm (P: ốm); K vắng không lý do; M miễn sinh hoạt, N sinh hoạt tạm thời nơi khác (hoặc để trống: hệ thống tự điền theo hồ sơ).",
        "Ba dòng đầu (không có số thẻ, số lý lịch) ghi nội dung, nghị quyết, tóm tắt biên bản của từng cuộc họp; để trống nội dung thì ghi \"Sinh hoạt chi bộ thường kỳ tháng …\".",
        "Có một ô lỗi thì không cuộc họp nào được nhập; báo cáo lỗi ghi rõ trang, dòng, cột. Nhập lại cùng tệp không tạo cuộc họp mới.",
    ];
    super::year_template::workbook(
        &format!("Điểm danh {year}"),
        (&months, &details, &roster),
        &notes,
    )
}

/// The first and last days of a year within the months a record may name.
pub(super) fn year_span(year: i32) -> AppResult<(NaiveDate, NaiveDate)> {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .zip(NaiveDate::from_ymd_opt(year, 12, 31))
        .filter(|_| qldv_api_types::month::YEARS.contains(&year))
        .ok_or_else(|| {
            let years = qldv_api_types::month::YEARS;
            crate::messages::requests::year_out_of_range(year, *years.start(), *years.end())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_header_is_its_date_and_kind() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 20);
        assert_eq!(meeting_header("20/03/2026").map(|x| Some(x.0)), Some(d));
        assert_eq!(
            meeting_header("20/03/2026 chuyên đề").map(|x| x.1),
            Some(MeetingKind::Topical)
        );
        assert_eq!(
            meeting_header("20/03/2026 (thường kỳ)").map(|x| x.1),
            Some(MeetingKind::Regular)
        );
        assert_eq!(meeting_header("__/03/2026"), None);
        assert_eq!(meeting_header("20/03/2026 họp mặt"), None);
        assert_eq!(meeting_header("Ghi chú"), None);
    }

    #[test]
    fn an_attendance_cell_reads_its_code_and_reason() {
        assert_eq!(attendance("C"), Some((Attendance::Present, None)));
        assert_eq!(attendance("x"), Some((Attendance::Present, None)));
        assert_eq!(
            attendance("P: ốm"),
            Some((Attendance::Excused, Some("ốm".into())))
        );
        assert_eq!(
            attendance("P (đi công tác)"),
            Some((Attendance::Excused, Some("đi công tác".into())))
        );
        assert_eq!(attendance("P"), Some((Attendance::Excused, None)));
        assert_eq!(attendance("K"), Some((Attendance::Absent, None)));
        assert_eq!(
            attendance("Vắng không lý do"),
            Some((Attendance::Absent, None))
        );
        assert_eq!(attendance("M"), Some((Attendance::Exempt, None)));
        assert_eq!(attendance("có lẽ"), None);
        assert_eq!(attendance("2"), None);
    }

    #[test]
    fn detail_rows_are_named_by_their_label() {
        assert_eq!(detail("Nội dung"), Some(Detail::Agenda));
        assert_eq!(detail("NGHỊ QUYẾT"), Some(Detail::Resolution));
        assert_eq!(detail("Tóm tắt biên bản"), Some(Detail::Minutes));
        assert_eq!(detail("Nguyễn Văn An"), None);
    }
}
