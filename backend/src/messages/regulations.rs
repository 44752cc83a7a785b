//! The regulation chains and their settings.

use super::{text, AppError, Text};

/// 404 `not_found`: no such document in any chain.
pub fn unknown_regulation() -> AppError {
    AppError::not_found(super::Thing::Regulation)
}

/// 422 on `key`, `setting_other_chain`: the key belongs to another chain than the
/// document's.
pub fn other_chain(code: &str, key: &str) -> AppError {
    AppError::field(
        "key",
        "setting_other_chain",
        text!(
            "Tham số {key} không thuộc chuỗi quy định của văn bản {code}",
            "Setting {key} is not of the chain of document {code}"
        ),
    )
}

/// The message of a value the rules cannot read.
pub fn invalid_value(detail: &str) -> Text {
    text!(
        "Giá trị không hợp lệ ({detail})",
        "Invalid value ({detail})"
    )
}

/// 422 on `in_force_from`, `chain_goes_back`.
pub fn goes_back(detail: Text) -> AppError {
    AppError::field("in_force_from", "chain_goes_back", detail)
}

/// 409 `regulation_in_chain`.
pub fn already_in_chain(code: &str) -> AppError {
    AppError::Conflict(
        "regulation_in_chain",
        text!(
            "Văn bản {code} đã có trong chuỗi này",
            "Document {code} is in this chain already"
        ),
    )
}

/// 409 `regulation_date_taken`.
pub fn date_taken() -> AppError {
    AppError::Conflict(
        "regulation_date_taken",
        text!("Đã có văn bản khác có hiệu lực cùng ngày: ghi văn bản đó vào chuỗi, hoặc kiểm tra lại ngày hiệu lực", "Another document comes into force on the same day: record that one in the chain, or check the date"),
    )
}

/// A sync package that does not say which rules it was judged by (a warning of the import).
pub fn unknown_settings(here: i64) -> Text {
    text!(
        "Gói không ghi bộ tham số quy định mà nơi gửi đã dùng (nơi nhận: phiên bản {here}): nơi gửi cần nâng cấp; kiểm tra lại các quyết định trong gói",
        "The package does not say which rule settings the sender used (here: version {here}): the sender needs an upgrade; check the decisions in the package again"
    )
}

/// A sync package judged by other rules than this installation's (a warning of the import).
pub fn other_settings(sender: (i64, &str), here: (i64, &str)) -> Text {
    let (sv, sh) = (sender.0, &sender.1[..sender.1.len().min(12)]);
    let (hv, hh) = (here.0, &here.1[..here.1.len().min(12)]);
    text!(
        "Gói được lập theo bộ tham số quy định khác (phiên bản {sv} – {sh}) với nơi nhận (phiên bản {hv} – {hh}): các quyết định trong gói đã được xét theo quy định của nơi gửi; kiểm tra lại văn bản và tham số trước khi dùng kết quả",
        "The package was made under other rule settings (version {sv} – {sh}) than here (version {hv} – {hh}): its decisions were judged by the sender's rules; check the documents and settings before using the results"
    )
}
