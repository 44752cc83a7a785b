//! One error type for the whole server, mapped in one place to RFC 9457 problem documents.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use qldv_api_types::{FieldError, Problem};

use crate::telemetry::current_request_id;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400: the request cannot be read (bad JSON, bad query string).
    #[error("malformed request: {0}")]
    Malformed(String),
    /// 413 `payload_too_large`: the body is larger than the endpoint accepts.
    #[error("payload too large: {0}")]
    TooLarge(String),
    /// 422 `validation_failed`: fields that break their format.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// 401: no valid credentials.
    #[error("not authenticated: {0}")]
    Unauthenticated(&'static str, String),
    /// 403: authenticated but the role may not do this.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// 404: no such record, or outside the caller's scope.
    #[error("not found: {0}")]
    NotFound(&'static str),
    /// 405: the path exists but not with this method (the methods it has, for `Allow`).
    #[error("method not allowed; allowed: {0}")]
    MethodNotAllowed(String),
    /// 409: conflicts with the current state.
    #[error("conflict {0}: {1}")]
    Conflict(&'static str, String),
    /// 409 `recorded_elsewhere`: an identifier is held by a record outside the caller's scope
    /// (where is never said); audited by [`crate::services::disclosure`].
    #[error("identifier held outside the caller's scope")]
    HeldElsewhere(Box<crate::domain::disclosure::HeldElsewhere>),
    /// 412: the `If-Match` version is not the current one.
    #[error("precondition failed: current version {0}")]
    PreconditionFailed(i64),
    /// 422: valid input that breaks a rule (with a stable code).
    #[error("rule {0}: {1}")]
    Rule(&'static str, String),
    /// 429: too many attempts.
    #[error("rate limited")]
    RateLimited {
        /// Seconds until another attempt is allowed.
        retry_after: i64,
    },
    /// 429 with a stable code: the server is busy with work of this kind (e.g. imports); try
    /// again after the given seconds.
    #[error("busy {0}: {1}")]
    Busy(&'static str, String, i64),
    /// 503: the database is unreachable.
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// 500: a bug or an unexpected failure (details go to the log only).
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    /// 404 for a kind of record (e.g. "organization").
    pub fn not_found(what: &'static str) -> Self {
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
    pub fn field(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError {
            field: field.to_string(),
            code: code.to_string(),
            message: message.into(),
        }])
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
            Self::Conflict(code, _) | Self::Rule(code, _) | Self::Busy(code, ..) => code,
            Self::HeldElsewhere(_) => "recorded_elsewhere",
            Self::PreconditionFailed(_) => "version_mismatch",
            Self::RateLimited { .. } => "rate_limited",
            Self::Unavailable(_) => "database_unavailable",
            Self::Internal(_) => "internal_error",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            Self::Malformed(_) => "Yêu cầu không đọc được",
            Self::TooLarge(_) => "Nội dung gửi lên quá lớn",
            Self::Validation(_) => "Dữ liệu không hợp lệ",
            Self::Unauthenticated(..) => "Chưa đăng nhập",
            Self::Forbidden(_) => "Không có quyền",
            Self::NotFound(_) => "Không tìm thấy",
            Self::MethodNotAllowed(_) => "Phương thức không được hỗ trợ",
            Self::Conflict(..) | Self::HeldElsewhere(_) => "Xung đột với dữ liệu hiện có",
            Self::PreconditionFailed(_) => "Dữ liệu đã bị người khác thay đổi",
            Self::Rule(..) => "Vi phạm quy định",
            Self::RateLimited { .. } => "Quá nhiều lần thử",
            Self::Busy(..) => "Máy chủ đang bận việc này",
            Self::Unavailable(_) => "Cơ sở dữ liệu tạm thời không truy cập được",
            Self::Internal(_) => "Lỗi hệ thống",
        }
    }

    fn detail(&self) -> String {
        match self {
            Self::Malformed(m) | Self::TooLarge(m) => m.clone(),
            Self::Validation(errors) => format!("{} trường không hợp lệ", errors.len()),
            Self::Unauthenticated(_, m) | Self::Forbidden(m) => m.clone(),
            Self::NotFound(what) => format!("Không tìm thấy {what} hoặc nằm ngoài phạm vi quản lý"),
            Self::MethodNotAllowed(allow) => format!("Đường dẫn này chỉ nhận: {allow}"),
            Self::Conflict(_, m) | Self::Rule(_, m) | Self::Busy(_, m, _) => m.clone(),
            Self::HeldElsewhere(_) => "Người này đã có hồ sơ đảng viên ở một tổ chức ngoài phạm vi \
                 quản lý của bạn; đề nghị nơi đang quản lý chuyển sinh hoạt đảng thay vì lập hồ sơ mới"
                .to_string(),
            Self::PreconditionFailed(v) => {
                format!("Bản ghi đã được cập nhật (phiên bản hiện tại {v}); tải lại rồi sửa tiếp")
            }
            Self::RateLimited { retry_after } => {
                format!("Thử lại sau {} phút", (retry_after + 59) / 60)
            }
            Self::Unavailable(_) => "Vui lòng thử lại sau ít phút".to_string(),
            Self::Internal(_) => "Đã ghi nhận lỗi; báo quản trị viên kèm mã yêu cầu".to_string(),
        }
    }

    /// The problem document for this error.
    pub fn problem(&self) -> Problem {
        let code = self.code();
        Problem {
            problem_type: format!("urn:qldv:problem:{code}"),
            title: self.title().to_string(),
            status: self.status_code().as_u16(),
            detail: self.detail(),
            code: qldv_api_types::ErrorCode::from_wire(code).unwrap_or_else(|| {
                tracing::error!(code, "problem code missing from the ErrorCode catalogue");
                qldv_api_types::ErrorCode::Unrecognised
            }),
            request_id: current_request_id(),
            errors: match self {
                Self::Validation(e) => e.clone(),
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
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Internal(m) => tracing::error!(error = %m, "internal error"),
            Self::Unavailable(m) => tracing::warn!(error = %m, "database unavailable"),
            other => tracing::debug!(error = %other, "request refused"),
        }
        let mut resp = HttpResponse::build(self.status_code());
        resp.insert_header((header::CONTENT_TYPE, "application/problem+json"));
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
        resp.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        match e {
            E::NotFound => Self::NotFound("bản ghi"),
            E::DatabaseError(K::UniqueViolation, info) => Self::Conflict(
                "already_exists",
                format!("Giá trị đã tồn tại ({})", info.message()),
            ),
            E::DatabaseError(K::ForeignKeyViolation, info) => Self::Rule(
                "reference_invalid",
                format!("Tham chiếu không hợp lệ ({})", info.message()),
            ),
            E::DatabaseError(K::ClosedConnection, info) => Self::Unavailable(info.message().into()),
            E::DatabaseError(K::SerializationFailure, _) => Self::Conflict(
                "concurrent_update",
                "Dữ liệu đang được người khác cập nhật; thử lại".into(),
            ),
            // PostgreSQL refuses the NUL character in text (SQLite would store it): bad input.
            E::DatabaseError(_, info) if info.message().contains("0x00") => {
                Self::Malformed("Dữ liệu chứa ký tự NUL (\\u0000), không được phép".into())
            }
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

impl From<validator::ValidationErrors> for AppError {
    fn from(errors: validator::ValidationErrors) -> Self {
        Self::Validation(field_errors(&errors, ""))
    }
}

/// Struct fields that are `#[serde(flatten)]`ed into their parent in requests.
const FLATTENED: [&str; 1] = ["profile"];

/// Flattens validator's nested errors into `field`, `code`, `message` triples.
fn field_errors(errors: &validator::ValidationErrors, prefix: &str) -> Vec<FieldError> {
    use validator::ValidationErrorsKind as K;
    let mut out = Vec::new();
    for (field, kind) in errors.errors() {
        // A flattened sub-structure (`#[serde(flatten)]`) has no name of its own on the wire.
        let name = if FLATTENED.contains(&field.as_ref()) {
            prefix.to_string()
        } else if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            K::Field(list) => out.extend(list.iter().map(|e| {
                FieldError {
                    field: name.clone(),
                    code: e.code.to_string(),
                    message: e
                        .message
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| format!("Giá trị của {name} không hợp lệ")),
                }
            })),
            K::Struct(inner) => out.extend(field_errors(inner, &name)),
            K::List(items) => {
                for (i, inner) in items {
                    out.extend(field_errors(inner, &format!("{name}[{i}]")));
                }
            }
        }
    }
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

/// Result type of handlers and services.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use qldv_api_types::ErrorCode;

    use super::AppError;

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
            AppError::Malformed(String::new()),
            AppError::TooLarge(String::new()),
            AppError::Validation(Vec::new()),
            AppError::Forbidden(String::new()),
            AppError::NotFound("x"),
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
