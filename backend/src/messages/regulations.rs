//! The regulation chains and their settings.

use super::AppError;

/// 404 `not_found`: no such document in any chain.
pub fn unknown_regulation() -> AppError {
    AppError::not_found("văn bản quy định")
}

/// 422 on `key`, `setting_other_chain`: the key belongs to another chain than the
/// document's.
pub fn other_chain(code: &str, key: &str) -> AppError {
    AppError::field(
        "key",
        "setting_other_chain",
        format!("Tham số {key} không thuộc chuỗi quy định của văn bản {code}"),
    )
}

/// The message of a value the rules cannot read.
pub fn invalid_value(detail: &str) -> String {
    format!("Giá trị không hợp lệ ({detail})")
}

/// 422 on `in_force_from`, `chain_goes_back`.
pub fn goes_back(detail: String) -> AppError {
    AppError::field("in_force_from", "chain_goes_back", detail)
}

/// 409 `regulation_in_chain`.
pub fn already_in_chain(code: &str) -> AppError {
    AppError::Conflict(
        "regulation_in_chain",
        format!("Văn bản {code} đã có trong chuỗi này"),
    )
}

/// 409 `regulation_date_taken`.
pub fn date_taken() -> AppError {
    AppError::Conflict(
        "regulation_date_taken",
        "Đã có văn bản khác có hiệu lực cùng ngày: ghi văn bản đó vào chuỗi, hoặc kiểm tra lại ngày hiệu lực".into(),
    )
}

/// A sync package that does not say which rules it was judged by (a warning of the import).
pub fn unknown_settings(here: i64) -> String {
    format!(
        "Gói không ghi bộ tham số quy định mà nơi gửi đã dùng (nơi nhận: phiên bản {here}): nơi gửi cần nâng cấp; kiểm tra lại các quyết định trong gói"
    )
}

/// A sync package judged by other rules than this installation's (a warning of the import).
pub fn other_settings(sender: (i64, &str), here: (i64, &str)) -> String {
    format!(
        "Gói được lập theo bộ tham số quy định khác (phiên bản {} – {}) với nơi nhận (phiên bản {} – {}): các quyết định trong gói đã được xét theo quy định của nơi gửi; kiểm tra lại văn bản và tham số trước khi dùng kết quả",
        sender.0,
        &sender.1[..sender.1.len().min(12)],
        here.0,
        &here.1[..here.1.len().min(12)]
    )
}
