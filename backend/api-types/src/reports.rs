//! Statistical reports (báo cáo thống kê) and bulk imports of existing records.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::OrgId;

crate::vocabulary::vocabulary! {
    /// The reports of `GET /api/v1/reports/{code}` (the label of each is its printed title).
    pub enum ReportCode {
        /// Biến động đảng viên: start + in − out = end, for a period.
        Movement = "movement",
        /// Cơ cấu đội ngũ đảng viên, as of a date.
        Composition = "composition",
        /// Kết nạp đảng viên mới by category, for a period.
        Admissions = "admissions",
        /// Kết quả đánh giá, xếp loại đảng viên for a year.
        Evaluations = "evaluations",
        /// Kỷ luật đảng viên by form, for a period.
        Discipline = "discipline",
        /// Huy hiệu Đảng by milestone, for a period.
        Badges = "badges",
        /// Chất lượng dữ liệu hồ sơ (missing fields, supplements not filed), as of a date.
        Completeness = "completeness",
        /// Kịp thời cập nhật dữ liệu: how long after the event admissions, transfers, exits
        /// and deaths were entered, for a period.
        Timeliness = "timeliness",
        /// Phát triển đảng viên for a year: each organisation's target (and its children's
        /// targets summed), admitted, the share of the target, admissions by category, and the
        /// open candidates by stage.
        Development = "development",
        /// Sinh hoạt chi bộ for a year (issue 23): regular months and topical quarters due and
        /// held (rule 34), and attendance (rule 35).
        Meetings = "meetings",
        /// Phân công nhiệm vụ for a year (issue 23): duties assigned, reviewed by result, open,
        /// closed by a transfer or an exit (rule 38).
        Duties = "duties",
        /// Đảng phí (01-QĐ/TW 2026) for a period of months: per subordinate organisation and
        /// per month, due, paid, deferred, arrears, extra and collected (due = paid + deferred +
        /// arrears on every line), and what each level keeps when the ratios are set.
        Dues = "dues",
    }
}

crate::vocabulary::vocabulary! {
    /// What kind of event a data-entry timeliness count is about.
    pub enum EntryKind {
        /// An admission or re-admission (the decision's date).
        Admission = "admission",
        /// A transfer received, or one out of the system (the day it took effect).
        Transfer = "transfer",
        /// A name removal, resignation or expulsion.
        Exit = "exit",
        /// A death.
        Death = "death",
    }
}

impl ReportCode {
    /// Whether the report covers a period (`from`–`to`) rather than a single date (`as_of`).
    pub fn is_period(self) -> bool {
        matches!(
            self,
            Self::Movement
                | Self::Admissions
                | Self::Discipline
                | Self::Badges
                | Self::Timeliness
                | Self::Development
                | Self::Dues
        )
    }
}

/// A column of a report table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportColumn {
    /// Stable key for programs, e.g. `transferred_in`.
    pub key: String,
    /// Vietnamese header, as printed.
    pub label: String,
    /// English header.
    pub label_en: String,
}

/// A row of a report table: an organisation (or a category) and its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportRow {
    /// Stable key: the organisation id, a category value, or `total`.
    pub key: String,
    /// What the row counts, as printed.
    pub label: String,
    /// The organisation of the row, for rows per subordinate organisation.
    pub organization_id: Option<OrgId>,
    /// Whether this is the total row.
    pub total: bool,
    /// One figure per column, in column order.
    pub values: Vec<i64>,
    /// The share of the section's `share` column for this row, as a percentage to two decimals
    /// (59.71); none where its base is 0 (no target) or the section has no share.
    #[serde(default)]
    pub share: Option<f64>,
}

/// A share computed per row between two columns of a section (e.g. admitted of target), shown
/// right after the column it measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportShare {
    /// The column measured (e.g. `admitted`).
    pub of: String,
    /// The column it is a share of (e.g. `target`); a row where it is 0 has no share.
    pub per: String,
    /// Vietnamese header, as printed.
    pub label: String,
    /// English header.
    pub label_en: String,
}

/// One table of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportSection {
    /// Stable key, e.g. `gender`, `by_organization`.
    pub key: String,
    /// Vietnamese title.
    pub title: String,
    /// English title.
    pub title_en: String,
    /// The header of the first column (what the rows are).
    pub row_label: String,
    /// The figures' columns.
    pub columns: Vec<ReportColumn>,
    /// The rows; the total row, when there is one, comes last.
    pub rows: Vec<ReportRow>,
    /// When set, the first column is also shown as a share (%) of this number.
    pub percent_of: Option<i64>,
    /// When set, each row's `share` is one column of another, printed after `share.of`.
    #[serde(default)]
    pub share: Option<ReportShare>,
}

/// A statistical report for an organisation's subtree, ready to print or export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    /// Which report.
    pub code: ReportCode,
    /// Vietnamese title.
    pub title: String,
    /// English title.
    pub title_en: String,
    /// The organisation whose subtree is counted (as the tree was at the dates).
    pub organization_id: OrgId,
    /// Its name.
    pub organization_name: String,
    /// The date of a point-in-time report.
    pub as_of: Option<NaiveDate>,
    /// First day of the period of a period report.
    pub from: Option<NaiveDate>,
    /// Last day of the period (inclusive).
    pub to: Option<NaiveDate>,
    /// The evaluation year (`evaluations`), or the year of the targets (`development`).
    pub year: Option<i32>,
    /// Who produced it (user name).
    pub produced_by: String,
    /// When it was produced (UTC).
    pub produced_at: DateTime<Utc>,
    /// Notes on how the figures are counted, in Vietnamese.
    pub notes: Vec<String>,
    /// The tables.
    pub sections: Vec<ReportSection>,
}

crate::vocabulary::vocabulary! {
    /// Status of a bulk import.
    pub enum ImportStatus {
        /// Rows are being validated and written.
        Running = "running",
        /// Every row was imported (or already present).
        Succeeded = "succeeded",
        /// Nothing was imported; `errors` says why.
        Failed = "failed",
        /// The server stopped during the import; nothing was imported.
        Interrupted = "interrupted",
    }
}

crate::vocabulary::vocabulary! {
    /// What a bulk import brings in (each kind has its own upload and template).
    pub enum ImportKind {
        /// Existing members' records (`POST /imports`).
        Members = "members",
        /// Candidates for admission (`POST /organizations/{id}/candidates/import`).
        Candidates = "candidates",
        /// A cell's meetings of a year with their attendance
        /// (`POST /organizations/{id}/meetings/import`).
        Meetings = "meetings",
        /// A cell's dues payments of a year (`POST /organizations/{id}/dues-sheet/import`).
        Dues = "dues",
    }
}

/// A problem with one cell (or row) of an import file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportError {
    /// The worksheet, for the imports of a cell's year (absent for the members' and
    /// candidates' files, which are read from their first sheet).
    // Boxed: a problem stays small, as a file of many bad rows holds many.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub sheet: Option<Box<str>>,
    /// Row number as the spreadsheet shows it (the header is row 1).
    pub row: u32,
    /// Column header (Vietnamese), when one column is at fault.
    pub column: Option<String>,
    /// The value found.
    pub value: Option<String>,
    /// Machine-readable code, as in the API's field errors.
    pub code: String,
    /// What is wrong, in Vietnamese.
    pub message: String,
}

/// A bulk import job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportJob {
    /// Id (poll `GET /api/v1/imports/{id}`).
    pub id: crate::ImportId,
    /// Organisation the rows go to (rows naming a cell must be inside its subtree).
    pub organization_id: OrgId,
    /// What the file brings in.
    pub kind: ImportKind,
    /// Name of the uploaded file.
    pub file_name: String,
    /// SHA-256 of the file.
    pub file_sha256: String,
    /// Status.
    pub status: ImportStatus,
    /// Data rows in the file.
    pub total_rows: i64,
    /// Rows validated so far.
    pub processed_rows: i64,
    /// Members created (0 unless succeeded).
    pub created: i64,
    /// Rows matching an existing record by CCCD or personal-history number (left unchanged).
    pub unchanged: i64,
    /// Rows with problems.
    pub error_count: i64,
    /// Every problem found (empty unless failed).
    pub errors: Vec<ImportError>,
    /// A message for the whole file (unreadable file, missing columns).
    pub message: Option<String>,
    /// Who started it.
    pub created_by: String,
    /// When it started (UTC).
    pub created_at: DateTime<Utc>,
    /// When it ended (UTC).
    pub finished_at: Option<DateTime<Utc>>,
}
