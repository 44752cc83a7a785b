//! Labels of values the API sends as codes: event kinds, levels, statuses, field names.

use super::{Lang, Text};

/// Names of event kinds and levels, for the history and the tabs.
pub fn kind_label(lang: Lang, kind: &str) -> String {
    let vi = match kind {
        "admitted" => "Kết nạp",
        "recognized" => "Công nhận chính thức",
        "entered_official" => "Nhập hồ sơ đảng viên chính thức",
        "profile_corrected" => "Sửa hồ sơ",
        "supplement_filed" => "Bổ sung hồ sơ hằng năm",
        "transfer_issued" => "Giới thiệu chuyển sinh hoạt",
        "transfer_accepted" => "Tiếp nhận chuyển sinh hoạt",
        "transfer_cancelled" => "Hủy chuyển sinh hoạt",
        "transfer_rejected" => "Từ chối chuyển sinh hoạt",
        "disciplined" => "Kỷ luật",
        "discipline_held" => "Khiếu nại / tái phạm",
        "exited" => "Ra khỏi Đảng",
        "readmitted" => "Kết nạp lại",
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
        "reprimand" => "Khiển trách",
        "warning" => "Cảnh cáo",
        "dismissal" => "Cách chức",
        "expulsion" => "Khai trừ",
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
