//! `GET /members/export`: the member list (same filters) as a CSV spreadsheet, streamed.

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{get, web, HttpResponse};
use qldv_api_types::member_fields::MemberField;
use qldv_api_types::vocabulary::Vietnamese;
use qldv_api_types::MemberId;
use serde::Deserialize;

use super::list::{filter_from, MemberQuery};
use crate::auth::AuthUser;
use crate::domain::privacy::Privacy;
use crate::error::AppError;
use crate::models::member::MemberRow;
use crate::models::member_query::MemberFilter;
use crate::models::organization::OrganizationRow;
use crate::routes::problems;
use crate::services::spreadsheet::{csv_line, xlsx_error, XLSX};
use crate::state::AppState;

/// Rows read per database round trip: memory stays flat whatever the subtree's size.
const CHUNK: i64 = 1_000;

/// The columns, in order: their headers are the fields' Vietnamese labels (the boards'
/// spreadsheets), the same as the import template's.
const HEADERS: [MemberField; 16] = [
    MemberField::FullName,
    MemberField::Gender,
    MemberField::BirthDate,
    MemberField::NationalId,
    MemberField::LegacyIdNo,
    MemberField::Status,
    MemberField::AdmissionDecisionOn,
    MemberField::OfficialOn,
    MemberField::PartyAge,
    MemberField::CardNumber,
    MemberField::OrganizationId,
    MemberField::Hometown,
    MemberField::CurrentAddress,
    MemberField::Ethnicity,
    MemberField::Religion,
    MemberField::PersonalHistoryNo,
];

/// The cells of one member, in header order.
fn cells(m: &MemberRow, today: chrono::NaiveDate, privacy: Privacy) -> Vec<String> {
    use crate::domain::privacy::Field;
    let date = |d: Option<chrono::NaiveDate>| {
        d.map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_default()
    };
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let age = crate::domain::party_age::years(&m.party_age_facts(), today);
    vec![
        m.full_name.clone(),
        m.gender.vi().to_string(),
        date(Some(m.birth_date)),
        opt(&privacy.show(Field::NationalId, m.national_id.clone())),
        opt(&privacy.show(Field::NationalId, m.legacy_id_no.clone())),
        m.status.vi().to_string(),
        date(Some(m.admission_decision_on)),
        date(m.official_on),
        age.map(|a| a.to_string()).unwrap_or_default(),
        opt(&m.card_number),
        m.organization_id.to_string(),
        opt(&m.hometown),
        opt(&privacy.show(Field::Address, m.current_address.clone())),
        opt(&privacy.show(Field::Ethnicity, m.ethnicity.clone())),
        opt(&privacy.show(Field::Religion, m.religion.clone())),
        opt(&m.personal_history_no),
    ]
}

fn row(m: &MemberRow, today: chrono::NaiveDate, privacy: Privacy) -> String {
    csv_line(&cells(m, today, privacy))
}

/// The output format (`format=xlsx` or the XLSX media type in `Accept`; CSV otherwise).
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportFormat {
    /// `csv` (default) or `xlsx`.
    pub format: Option<String>,
}

/// The whole list as an XLSX workbook, read in chunks into a constant-memory worksheet (rows go
/// to a temporary file as they are written; only the compressed workbook is held at the end).
fn xlsx(
    conn: &mut crate::db::DbConn,
    scope: &crate::auth::Scope,
    filter: &MemberFilter,
    today: chrono::NaiveDate,
    privacy: Privacy,
) -> Result<Vec<u8>, AppError> {
    use rust_xlsxwriter::{Format, Workbook};
    let err = xlsx_error;
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet_with_constant_memory();
    sheet.set_name("Danh sách đảng viên").map_err(err)?;
    for (c, h) in (0u16..).zip(HEADERS) {
        sheet
            .write_string_with_format(0, c, h.vi(), &bold)
            .map_err(err)?;
    }
    let mut after = None;
    let mut r: u32 = 1;
    loop {
        let rows = MemberRow::list(conn, scope, filter, after.take(), CHUNK)?;
        for m in &rows {
            for (c, v) in (0u16..).zip(cells(m, today, privacy)) {
                sheet.write_string(r, c, v).map_err(err)?;
            }
            r += 1;
        }
        if i64::try_from(rows.len()).unwrap_or(0) < CHUNK {
            break;
        }
        after = rows.last().map(|m| (m.name_sort_key.clone(), m.id));
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    book.save_to_buffer().map_err(err)
}

struct Cursor {
    after: Option<(String, MemberId)>,
    first: bool,
    done: bool,
}

/// The member list with the filters of `GET /members`, in Vietnamese name order: CSV (UTF-8
/// with a byte-order mark so spreadsheet programs read the Vietnamese letters) streamed in
/// chunks, or XLSX with `format=xlsx` (or the XLSX media type in `Accept`).
#[utoipa::path(
    tag = "members",
    params(MemberQuery, ExportFormat),
    responses(
        (status = 200, description = "The list as CSV (streamed) or XLSX", content(
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        problems::NotFound,
    ),
)]
#[get("/members/export")]
pub async fn export_members(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<MemberQuery>,
    format: web::Query<ExportFormat>,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let mut filter: MemberFilter = filter_from(&query, privacy)?;
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let as_xlsx = format.format.as_deref() == Some("xlsx") || accept.contains(XLSX);
    let org = query.organization_id;
    let caller = user.clone();
    // Found in the caller's scope (404 outside it) and the export audited before any row leaves.
    let path = crate::db::run(&state.pool, move |c| {
        let path = match org {
            Some(o) => Some(OrganizationRow::find(c, &caller.scope, o)?.path),
            None => None,
        };
        let ext = if as_xlsx { "xlsx" } else { "csv" };
        crate::models::audit::exported(c, &caller, "members", ext, org)?;
        Ok(path)
    })
    .await?;
    if path.is_some() {
        filter.subtree_path = path;
    }
    let today = state.today();
    if as_xlsx {
        let scope = user.scope.clone();
        let body = crate::db::run(&state.pool, move |c| {
            xlsx(c, &scope, &filter, today, privacy)
        })
        .await?;
        return Ok(HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, XLSX))
            .insert_header((
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"danh-sach-dang-vien.xlsx\"",
            ))
            .body(body));
    }
    let pool = state.pool.clone();
    let start = Cursor {
        after: None,
        first: true,
        done: false,
    };
    let body = futures_util::stream::unfold(start, move |cur| {
        let (pool, scope, filter) = (pool.clone(), user.scope.clone(), filter.clone());
        async move {
            if cur.done {
                return None;
            }
            let after = cur.after.clone();
            let rows = crate::db::run(&pool, move |c| {
                MemberRow::list(c, &scope, &filter, after, CHUNK)
            })
            .await;
            let rows = match rows {
                Ok(rows) => rows,
                Err(e) => {
                    tracing::error!(error = %e, "member export stopped");
                    let done = Cursor { done: true, ..cur };
                    return Some((Err(actix_web::error::ErrorServiceUnavailable(e)), done));
                }
            };
            let mut out = String::new();
            if cur.first {
                out.push('\u{feff}');
                out.push_str(&csv_line(&HEADERS.map(|h| h.vi().to_string())));
            }
            for m in &rows {
                out.push_str(&row(m, today, privacy));
            }
            let next = Cursor {
                after: rows.last().map(|m| (m.name_sort_key.clone(), m.id)),
                first: false,
                done: i64::try_from(rows.len()).unwrap_or(0) < CHUNK,
            };
            Some((Ok::<_, actix_web::Error>(Bytes::from(out)), next))
        }
    });
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"danh-sach-dang-vien.csv\"",
        ))
        .streaming(body))
}
