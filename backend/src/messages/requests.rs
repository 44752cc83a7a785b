//! Requests the server cannot read: bodies, query strings, paths, headers, and their limits.

use super::text;
use crate::error::AppError;

/// 413: a JSON body over the limit of `mb` MB.
pub fn json_too_large(mb: usize) -> AppError {
    AppError::TooLarge(text!(
        "Nội dung JSON vượt quá {mb} MB",
        "The JSON body is over {mb} MB"
    ))
}

/// 400: a JSON body that does not read as the operation's request.
pub fn json_invalid(why: impl std::fmt::Display) -> AppError {
    AppError::Malformed(text!(
        "Nội dung JSON không hợp lệ: {why}",
        "The JSON body is not valid: {why}"
    ))
}

/// 400: a query string that does not read.
pub fn query_invalid(why: impl std::fmt::Display) -> AppError {
    AppError::Malformed(text!(
        "Tham số truy vấn không hợp lệ: {why}",
        "The query string is not valid: {why}"
    ))
}

/// 400: a path whose parameters do not read.
pub fn path_invalid(why: impl std::fmt::Display) -> AppError {
    AppError::Malformed(text!(
        "Đường dẫn không hợp lệ: {why}",
        "The path is not valid: {why}"
    ))
}

/// 400: a `cursor` that is not one the server gave.
pub fn cursor_invalid() -> AppError {
    AppError::Malformed(text!(
        "Tham số cursor không hợp lệ",
        "The cursor is not valid"
    ))
}

/// The message of a `limit` outside `1..=max` (a query parameter's error).
pub fn limit_range(max: i64) -> String {
    // Both languages are shown: the parameter's message has no code to look up.
    let t = text!("limit phải từ 1 đến {max}", "limit must be 1..={max}");
    format!("{} ({})", t.vi, t.en)
}

/// The message of a negative value (a query parameter's error).
pub fn negative() -> String {
    let t = text!("giá trị không được âm", "must not be negative");
    format!("{} ({})", t.vi, t.en)
}

/// 400: a change-feed position (`after`) that is not a non-negative number.
pub fn after_invalid() -> AppError {
    AppError::Malformed(text!(
        "Tham số after không hợp lệ",
        "The after parameter is not valid"
    ))
}

/// 400: a year outside the years the server knows.
pub fn year_out_of_range(year: i32, first: i32, last: i32) -> AppError {
    AppError::Malformed(text!(
        "Năm {year} nằm ngoài khoảng {first}–{last}",
        "The year {year} is outside {first}–{last}"
    ))
}

/// 400: an `If-Match` header that is not text.
pub fn if_match_unreadable() -> AppError {
    AppError::Malformed(text!("If-Match không hợp lệ", "If-Match is not valid"))
}

/// 400: an `If-Match` header that is not an ETag of this server.
pub fn if_match_not_etag() -> AppError {
    AppError::Malformed(text!(
        "If-Match phải là ETag nhận được từ GET",
        "If-Match must be the ETag a GET returned"
    ))
}

/// 400: an `Idempotency-Key` of the wrong length or with unprintable characters.
pub fn idempotency_key_invalid() -> AppError {
    AppError::Malformed(text!(
        "Idempotency-Key dài 1–255 ký tự in được",
        "Idempotency-Key is 1–255 printable characters"
    ))
}

/// 422 `idempotency_key_reused`: the key was sent with another request.
pub fn idempotency_key_reused() -> AppError {
    AppError::Rule(
        "idempotency_key_reused",
        text!(
            "Idempotency-Key này đã được dùng cho một yêu cầu khác",
            "This Idempotency-Key was used for another request"
        ),
    )
}

/// 409 `idempotency_in_progress`: the first request with the key is still running.
pub fn idempotency_in_progress() -> AppError {
    AppError::Conflict(
        "idempotency_in_progress",
        text!(
            "Yêu cầu đầu tiên với Idempotency-Key này đang được xử lý",
            "The first request with this Idempotency-Key is still being processed"
        ),
    )
}

/// 403: a browser origin that may not call the API.
pub fn origin_refused() -> AppError {
    AppError::Forbidden(text!(
        "Nguồn gọi (Origin) không được phép truy cập API này.",
        "This origin may not call this API."
    ))
}

/// 400: a member list sorted by anything but the name.
pub fn sort_by_name_only() -> AppError {
    AppError::Malformed(text!(
        "sort chỉ nhận giá trị 'name'",
        "sort takes only the value 'name'"
    ))
}

/// 422 on `format`, `unsupported_format`: a report's format.
pub fn report_format() -> AppError {
    AppError::field(
        "format",
        "unsupported_format",
        text!(
            "Định dạng phải là json, csv hoặc xlsx",
            "The format is json, csv or xlsx"
        ),
    )
}

/// 422 on `organization_id`, `required`: the report's organisation (a caller without a scope).
pub fn report_organization_required() -> AppError {
    AppError::field(
        "organization_id",
        "required",
        text!(
            "Chọn tổ chức cần báo cáo",
            "Choose the organisation to report on"
        ),
    )
}

/// 400: an uploaded sync package over the limit.
pub fn package_too_large() -> AppError {
    AppError::Malformed(text!(
        "Gói đồng bộ quá lớn",
        "The sync package is too large"
    ))
}

/// 413: an uploaded file over `mb` MB.
pub fn file_too_large(mb: usize) -> AppError {
    AppError::TooLarge(text!(
        "Tệp lớn hơn {mb} MB; chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt",
        "The file is over {mb} MB; split it into smaller files and import them in turn"
    ))
}

/// 422 on `organization_id`, `invalid`: an upload's organisation that is not a number.
pub fn upload_organization_invalid() -> AppError {
    AppError::field(
        "organization_id",
        "invalid",
        text!(
            "Mã tổ chức không hợp lệ",
            "The organisation id is not valid"
        ),
    )
}

/// 422 on `organization_id`, `required`: the organisation an import fills.
pub fn upload_organization_required() -> AppError {
    AppError::field(
        "organization_id",
        "required",
        text!(
            "Chọn tổ chức nhận dữ liệu",
            "Choose the organisation the data goes to"
        ),
    )
}

/// 422 on `file`, `required`: no file uploaded.
pub fn upload_file_required() -> AppError {
    AppError::field(
        "file",
        "required",
        text!("Chọn tệp cần nhập", "Choose the file to import"),
    )
}

/// 400: a multipart body that cannot be read.
pub fn multipart_unreadable(e: impl std::fmt::Display) -> AppError {
    AppError::Malformed(text!(
        "Nội dung multipart không đọc được: {e}",
        "The multipart body cannot be read: {e}"
    ))
}

/// 400: a request body that cannot be read.
pub fn body_unreadable(e: impl std::fmt::Display) -> AppError {
    AppError::Malformed(text!(
        "Nội dung gửi lên không đọc được: {e}",
        "The request body cannot be read: {e}"
    ))
}
