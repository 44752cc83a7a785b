//! One error type for the whole server, mapped in one place to RFC 9457 problem documents.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use qldv_api_types::vocabulary::Lang;
use qldv_api_types::{FieldError, Problem};

use crate::messages::{text, Text, Thing};

use crate::telemetry::current_request_id;

mod validation;

/// Everything a request can fail with. Every message is a [`Text`] (Vietnamese and English):
/// the problem document is rendered in the caller's language ([`crate::messages::lang`]).
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400: the request cannot be read (bad JSON, bad query string).
    #[error("malformed request: {0}")]
    Malformed(Text),
    /// 413 `payload_too_large`: the body is larger than the endpoint accepts.
    #[error("payload too large: {0}")]
    TooLarge(Text),
    /// 422 `validation_failed`: fields that break their format.
    #[error("validation failed")]
    Validation(Vec<FieldIssue>),
    /// 401: no valid credentials.
    #[error("not authenticated: {0}")]
    Unauthenticated(&'static str, Text),
    /// 403: authenticated but the role may not do this.
    #[error("forbidden: {0}")]
    Forbidden(Text),
    /// 404: no such record, or outside the caller's scope.
    #[error("not found: {0:?}")]
    NotFound(Thing),
    /// 405: the path exists but not with this method (the methods it has, for `Allow`).
    #[error("method not allowed; allowed: {0}")]
    MethodNotAllowed(String),
    /// 409: conflicts with the current state.
    #[error("conflict {0}: {1}")]
    Conflict(&'static str, Text),
    /// 409 `recorded_elsewhere`: an identifier is held by a record outside the caller's scope
    /// (where is never said); audited by [`crate::services::disclosure`].
    #[error("identifier held outside the caller's scope")]
    HeldElsewhere(Box<crate::domain::disclosure::HeldElsewhere>),
    /// 412: the `If-Match` version is not the current one.
    #[error("precondition failed: current version {0}")]
    PreconditionFailed(i64),
    /// 422: valid input that breaks a rule (with a stable code).
    #[error("rule {0}: {1}")]
    Rule(&'static str, Text),
    /// 429: too many attempts.
    #[error("rate limited")]
    RateLimited {
        /// Seconds until another attempt is allowed.
        retry_after: i64,
    },
    /// 429 with a stable code: the server is busy with work of this kind (e.g. imports); try
    /// again after the given seconds.
    #[error("busy {0}: {1}")]
    Busy(&'static str, Text, i64),
    /// 503: the database is unreachable.
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// 500: a bug or an unexpected failure (details go to the log only).
    #[error("internal error: {0}")]
    Internal(String),
    /// 500 with a stable code: figures about to be sent break an identity they must hold (a
    /// report's `report_identity_broken`); nothing is sent.
    #[error("broken {0}: {1}")]
    Broken(&'static str, Text),
}

/// One invalid field, its message in both languages (a [`FieldError`] once the language is known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    /// The field, as named in the request body (`snake_case`; nested with dots).
    pub field: String,
    /// Stable machine code of the failed check.
    pub code: String,
    /// Message for a person.
    pub message: Text,
}

impl FieldIssue {
    /// An invalid field.
    pub fn new(field: impl Into<String>, code: impl Into<String>, message: Text) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message,
        }
    }

    /// The field error as served in `lang`.
    pub fn in_lang(&self, lang: Lang) -> FieldError {
        FieldError {
            field: self.field.clone(),
            code: self.code.clone(),
            message: self.message.get(lang).to_string(),
        }
    }
}

impl AppError {
    /// 404 for a kind of record.
    pub fn not_found(what: Thing) -> Self {
        Self::NotFound(what)
    }

    /// 503 from a connection-pool or connection failure.
    pub fn unavailable(e: impl std::fmt::Display) -> Self {
        Self::Unavailable(e.to_string())
    }

    /// 500 with a message for the log.
    pub fn internal(e: impl std::fmt::Display) -> Self {
        Self::Internal(e.to_string())
    }

    /// 422 `validation_failed` for one field.
    pub fn field(field: &str, code: &str, message: Text) -> Self {
        Self::Validation(vec![FieldIssue::new(field, code, message)])
    }

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Malformed(_) => "malformed_request",
            Self::TooLarge(_) => "payload_too_large",
            Self::Validation(_) => "validation_failed",
            Self::Unauthenticated(code, _) => code,
            Self::Forbidden(_) => "forbidden",
            Self::NotFound(_) => "not_found",
            Self::MethodNotAllowed(_) => "method_not_allowed",
            Self::Conflict(code, _)
            | Self::Rule(code, _)
            | Self::Busy(code, ..)
            | Self::Broken(code, _) => code,
            Self::HeldElsewhere(_) => "recorded_elsewhere",
            Self::PreconditionFailed(_) => "version_mismatch",
            Self::RateLimited { .. } => "rate_limited",
            Self::Unavailable(_) => "database_unavailable",
            Self::Internal(_) => "internal_error",
        }
    }

    /// The problem type's summary.
    pub fn title(&self) -> Text {
        match self {
            Self::Malformed(_) => text!("Yêu cầu không đọc được", "The request cannot be read"),
            Self::TooLarge(_) => text!("Nội dung gửi lên quá lớn", "The request body is too large"),
            Self::Validation(_) => text!("Dữ liệu không hợp lệ", "Invalid data"),
            Self::Unauthenticated(..) => text!("Chưa đăng nhập", "Not signed in"),
            Self::Forbidden(_) => text!("Không có quyền", "Not allowed"),
            Self::NotFound(_) => text!("Không tìm thấy", "Not found"),
            Self::MethodNotAllowed(_) => {
                text!("Phương thức không được hỗ trợ", "Method not allowed")
            }
            Self::Conflict(..) | Self::HeldElsewhere(_) => text!(
                "Xung đột với dữ liệu hiện có",
                "Conflicts with the current data"
            ),
            Self::PreconditionFailed(_) => text!(
                "Dữ liệu đã bị người khác thay đổi",
                "Someone else changed the data"
            ),
            Self::Rule(..) => text!("Vi phạm quy định", "Breaks a rule"),
            Self::RateLimited { .. } => text!("Quá nhiều lần thử", "Too many attempts"),
            Self::Busy(..) => text!(
                "Máy chủ đang bận việc này",
                "The server is busy with this work"
            ),
            Self::Unavailable(_) => text!(
                "Cơ sở dữ liệu tạm thời không truy cập được",
                "The database is unreachable for now"
            ),
            Self::Internal(_) | Self::Broken(..) => text!("Lỗi hệ thống", "Internal error"),
        }
    }

    /// What went wrong in this occurrence.
    pub fn detail(&self) -> Text {
        match self {
            Self::Malformed(m) | Self::TooLarge(m) => m.clone(),
            Self::Validation(errors) => {
                let n = errors.len();
                text!("{n} trường không hợp lệ", "{n} invalid field(s)")
            }
            Self::Unauthenticated(_, m) | Self::Forbidden(m) => m.clone(),
            Self::NotFound(what) => Text::new(
                format!(
                    "Không tìm thấy {} hoặc nằm ngoài phạm vi quản lý",
                    what.noun(Lang::Vi)
                ),
                format!("No such {} in your scope", what.noun(Lang::En)),
            ),
            Self::MethodNotAllowed(allow) => text!(
                "Đường dẫn này chỉ nhận: {allow}",
                "This path accepts only: {allow}"
            ),
            Self::Conflict(_, m) | Self::Rule(_, m) | Self::Busy(_, m, _) | Self::Broken(_, m) => {
                m.clone()
            }
            Self::HeldElsewhere(_) => text!(
                "Người này đã có hồ sơ đảng viên ở một tổ chức ngoài phạm vi quản lý của bạn; đề \
                 nghị nơi đang quản lý chuyển sinh hoạt đảng thay vì lập hồ sơ mới",
                "This person has a party member record in an organisation outside your scope; ask \
                 the organisation that holds it for a transfer instead of creating a new record"
            ),
            Self::PreconditionFailed(v) => text!(
                "Bản ghi đã được cập nhật (phiên bản hiện tại {v}); tải lại rồi sửa tiếp",
                "The record was updated (current version {v}); reload it and edit again"
            ),
            Self::RateLimited { retry_after } => {
                let minutes = (retry_after + 59) / 60;
                text!(
                    "Thử lại sau {minutes} phút",
                    "Try again in {minutes} minute(s)"
                )
            }
            Self::Unavailable(_) => text!(
                "Vui lòng thử lại sau ít phút",
                "Please try again in a few minutes"
            ),
            Self::Internal(_) => text!(
                "Đã ghi nhận lỗi; báo quản trị viên kèm mã yêu cầu",
                "The error was logged; tell an administrator the request id"
            ),
        }
    }

    /// The problem document for this error, in the language of the request being served.
    pub fn problem(&self) -> Problem {
        self.problem_in(crate::messages::lang::current())
    }

    /// The problem document for this error in `lang`.
    pub fn problem_in(&self, lang: Lang) -> Problem {
        let code = self.code();
        Problem {
            problem_type: format!("urn:qldv:problem:{code}"),
            title: self.title().get(lang).to_string(),
            status: self.status_code().as_u16(),
            detail: self.detail().get(lang).to_string(),
            code: qldv_api_types::ErrorCode::from_wire(code).unwrap_or_else(|| {
                tracing::error!(code, "problem code missing from the ErrorCode catalogue");
                qldv_api_types::ErrorCode::Unrecognised
            }),
            request_id: current_request_id(),
            errors: match self {
                Self::Validation(e) => e.iter().map(|f| f.in_lang(lang)).collect(),
                _ => Vec::new(),
            },
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Malformed(_) => StatusCode::BAD_REQUEST,
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Validation(_) | Self::Rule(..) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Unauthenticated(..) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict(..) | Self::HeldElsewhere(_) => StatusCode::CONFLICT,
            Self::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            Self::RateLimited { .. } | Self::Busy(..) => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) | Self::Broken(..) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Internal(m) => tracing::error!(error = %m, "internal error"),
            Self::Broken(code, m) => tracing::error!(code, error = %m.en, "identity broken"),
            Self::Unavailable(m) => tracing::warn!(error = %m, "database unavailable"),
            other => tracing::debug!(error = %other, "request refused"),
        }
        let lang = crate::messages::lang::current();
        let mut resp = HttpResponse::build(self.status_code());
        resp.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        resp.insert_header((header::CONTENT_LANGUAGE, crate::messages::lang::tag(lang)));
        match self {
            Self::Unauthenticated(..) => {
                resp.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            Self::RateLimited { retry_after } | Self::Busy(_, _, retry_after) => {
                resp.insert_header((header::RETRY_AFTER, retry_after.to_string()));
            }
            Self::Unavailable(_) => {
                resp.insert_header((header::RETRY_AFTER, "5"));
            }
            Self::MethodNotAllowed(allow) => {
                resp.insert_header((header::ALLOW, allow.clone()));
            }
            _ => {}
        }
        resp.body(serde_json::to_string(&self.problem_in(lang)).unwrap_or_default())
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        match e {
            E::NotFound => Self::NotFound(Thing::Record),
            E::DatabaseError(K::UniqueViolation, info) => {
                let m = info.message();
                Self::Conflict(
                    "already_exists",
                    text!("Giá trị đã tồn tại ({m})", "The value exists already ({m})"),
                )
            }
            E::DatabaseError(K::ForeignKeyViolation, info) => {
                let m = info.message();
                Self::Rule(
                    "reference_invalid",
                    text!("Tham chiếu không hợp lệ ({m})", "Invalid reference ({m})"),
                )
            }
            E::DatabaseError(K::ClosedConnection, info) => Self::Unavailable(info.message().into()),
            E::DatabaseError(K::SerializationFailure, _) => Self::Conflict(
                "concurrent_update",
                text!(
                    "Dữ liệu đang được người khác cập nhật; thử lại",
                    "Someone else is updating the data; try again"
                ),
            ),
            // PostgreSQL refuses the NUL character in text (SQLite would store it): bad input.
            E::DatabaseError(_, info) if info.message().contains("0x00") => Self::Malformed(text!(
                "Dữ liệu chứa ký tự NUL (\\u0000), không được phép",
                "The data holds a NUL character (\\u0000), which is not allowed"
            )),
            E::DatabaseError(_, info)
                if info.message().contains("database is locked")
                    || info.message().contains("terminating connection")
                    || info.message().contains("server closed the connection") =>
            {
                Self::Unavailable(info.message().into())
            }
            other => Self::Internal(other.to_string()),
        }
    }
}

/// Result type of handlers and services.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use qldv_api_types::ErrorCode;

    use super::AppError;
    use crate::messages::{Text, Thing};

    /// Reads the `"code"` literal passed as first argument after each `marker` in `text`.
    fn codes_after<'a>(text: &'a str, marker: &str) -> Vec<&'a str> {
        text.match_indices(marker)
            .filter_map(|(at, _)| {
                let rest = text[at + marker.len()..].trim_start();
                let rest = rest.strip_prefix('"')?;
                let end = rest.find('"')?;
                let code = &rest[..end];
                code.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_')
                    .then_some(code)
            })
            .collect()
    }

    fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                out.push((path.display().to_string(), text));
            }
        }
    }

    #[test]
    fn every_code_the_server_can_answer_is_catalogued_with_its_status() {
        let mut files = Vec::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        // Violations of these rules become field errors or a plain 403, not a problem code.
        let not_problems = ["cccd.rs", "access.rs"];
        let mut seen = 0;
        for (path, text) in &files {
            let kinds: [(&str, u16); 6] = [
                ("Conflict(", 409),
                ("Rule(", 422),
                ("Busy(", 429),
                ("Unauthenticated(", 401),
                ("refused(", 422),
                ("Violation::new(", 422),
            ];
            for (marker, status) in kinds {
                if marker == "Violation::new(" && not_problems.iter().any(|f| path.ends_with(f)) {
                    continue;
                }
                for code in codes_after(text, marker) {
                    seen += 1;
                    // Issuing a card to an inactive member is a rule (422), elsewhere a 409.
                    if (code, status, path.ends_with("card.rs")) == ("member_not_active", 422, true)
                    {
                        continue;
                    }
                    let known = ErrorCode::from_wire(code);
                    assert!(known.is_some(), "{path}: `{code}` is not in ErrorCode");
                    assert_eq!(
                        known.map(ErrorCode::status),
                        Some(status),
                        "{path}: `{code}` is catalogued with another status"
                    );
                }
            }
        }
        assert!(seen > 80, "only {seen} codes found: did the scan break?");
    }

    #[test]
    fn the_fixed_codes_are_catalogued_with_their_status() {
        use actix_web::ResponseError;
        let errors = [
            AppError::Malformed(Text::default()),
            AppError::TooLarge(Text::default()),
            AppError::Validation(Vec::new()),
            AppError::Forbidden(Text::default()),
            AppError::NotFound(Thing::Record),
            AppError::MethodNotAllowed(String::new()),
            AppError::PreconditionFailed(1),
            AppError::RateLimited { retry_after: 1 },
            AppError::Unavailable(String::new()),
            AppError::Internal(String::new()),
        ];
        for e in errors {
            let p = e.problem();
            assert_ne!(p.code, ErrorCode::Unrecognised, "{e}");
            assert_eq!(p.code.status(), e.status_code().as_u16(), "{e}");
            assert_eq!(p.code.as_str(), e.code());
        }
    }
}
