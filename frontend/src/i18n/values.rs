//! Labels of values the API sends as codes: event kinds and dossier field names. Every other
//! enum is labelled by [`super::Lang::term`] from the shared vocabulary.

use qldv_api_types::members::MemberEventKind;

use super::{Lang, Text};

/// The label of a member event kind, from the shared labels (every kind the server records).
pub fn event_label(lang: Lang, kind: MemberEventKind) -> &'static str {
    lang.term(kind)
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
