//! Labels of values the API sends as codes: event kinds, levels, statuses, field names.

use qldv_api_types::members::MemberEventKind;

use super::{Lang, Text};

/// The label of a member event kind, from the shared labels (every kind the server records).
pub fn event_label(lang: Lang, kind: MemberEventKind) -> &'static str {
    lang.term(kind)
}

/// Names of levels and statuses, for the tabs.
pub fn kind_label(lang: Lang, kind: &str) -> String {
    let vi = match kind {
        "excellent" => "Hoàn thành xuất sắc nhiệm vụ",
        "good" => "Hoàn thành tốt nhiệm vụ",
        "complete" => "Hoàn thành nhiệm vụ",
        "not_complete" => "Không hoàn thành nhiệm vụ",
        "not_rated" => "Không xếp loại",
        "active" => "Đang sử dụng",
        "void" => "Đã cấp lại",
        "revoked" => "Đã thu hồi",
        "collected" => "Đã thu lại",
        "awarded" => "Đã trao",
        "returned" => "Đã thu hồi",
        "pending" => "Chờ tiếp nhận",
        "accepted" => "Đã tiếp nhận",
        "rejected" => "Bị từ chối",
        "cancelled" => "Đã hủy",
        "completed" => "Hoàn tất",
        _ => "",
    };
    match lang {
        Lang::Vi if !vi.is_empty() => vi.to_string(),
        _ => kind.replace('_', " "),
    }
}

/// The label of a dossier field named by the API (e.g. in `missing_fields`).
pub fn field_label(lang: Lang, field: &str) -> String {
    let key = match field {
        "birth_place" => Text::BirthPlace,
        "hometown" => Text::Hometown,
        "permanent_address" => Text::PermanentAddress,
        "current_address" => Text::CurrentAddress,
        "ethnicity" => Text::Ethnicity,
        "religion" => Text::Religion,
        "national_id" => Text::NationalId,
        "education_general" => Text::Education,
        "political_theory" => Text::PoliticalTheory,
        "occupation" => Text::Occupation,
        "personal_history_no" => Text::PersonalHistoryNo,
        "admission_decision_no" => Text::Decision,
        other => return other.replace('_', " "),
    };
    lang.t(key).to_string()
}
