//! From a profile in a request to the columns to write, with every field checked.

use crate::error::FieldIssue;
use crate::messages::Text;
use chrono::NaiveDate;
use qldv_api_types::members::{Gender, MemberProfile};

use crate::domain::cccd;
use crate::domain::vn_text;
use crate::models::member::ProfileChanges;

fn field(errors: &mut Vec<FieldIssue>, field: &str, code: &str, message: Text) {
    errors.push(FieldIssue::new(field, code, message));
}

/// Trimmed text: `None` (absent) leaves the field, empty clears it.
fn text(v: &Option<String>) -> Option<Option<String>> {
    v.as_ref().map(|s| {
        let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!t.is_empty()).then_some(t)
    })
}

fn valid_history_no(s: &str) -> bool {
    let digits: String = s.chars().take(6).collect();
    let letters: Vec<char> = s.chars().skip(6).collect();
    digits.len() == 6
        && digits.chars().all(|c| c.is_ascii_digit())
        && (1..=3).contains(&letters.len())
        && letters
            .iter()
            .all(|c| c.is_uppercase() && c.is_alphabetic())
}

fn valid_phone(s: &str) -> bool {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    (9..=15).contains(&digits)
        && s.chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || " .-".contains(c) || (i == 0 && c == '+'))
}

/// The identity facts the CCCD must agree with, after the change.
#[derive(Debug, Clone, Copy)]
pub struct Identity {
    /// Gender.
    pub gender: Gender,
    /// Birth date.
    pub birth: NaiveDate,
}

/// Converts and checks a profile. `identity` is the gender and birth date the record will have;
/// `require_name` is set for creation.
pub fn to_changes(
    p: &MemberProfile,
    identity: Identity,
    require_name: bool,
    errors: &mut Vec<FieldIssue>,
) -> ProfileChanges {
    let full_name = text(&p.full_name).flatten();
    if require_name && full_name.is_none() {
        field(
            errors,
            "full_name",
            "required",
            crate::messages::records::name_required(),
        );
    }
    if p.full_name.is_some() && full_name.is_none() && !require_name {
        field(
            errors,
            "full_name",
            "required",
            crate::messages::records::name_not_empty(),
        );
    }
    let national_id = text(&p.national_id);
    if let Some(Some(n)) = &national_id {
        if let Err(v) = cccd::check(n, identity.gender, identity.birth) {
            field(errors, "national_id", v.code, v.text());
        }
    }
    let legacy_id_no = text(&p.legacy_id_no);
    if let Some(Some(n)) = &legacy_id_no {
        if n.len() != 9 || !n.chars().all(|c| c.is_ascii_digit()) {
            field(
                errors,
                "legacy_id_no",
                "format",
                crate::messages::records::legacy_id_format(),
            );
        }
    }
    let personal_history_no = text(&p.personal_history_no).map(|o| o.map(|s| s.to_uppercase()));
    if let Some(Some(h)) = &personal_history_no {
        if !valid_history_no(h) {
            field(
                errors,
                "personal_history_no",
                "format",
                crate::messages::records::history_no_format(),
            );
        }
    }
    let phone = text(&p.phone);
    if let Some(Some(ph)) = &phone {
        if !valid_phone(ph) {
            field(
                errors,
                "phone",
                "format",
                crate::messages::records::phone_format(),
            );
        }
    }
    ProfileChanges {
        name_folded: full_name.as_deref().map(vn_text::fold),
        name_sort_key: full_name.as_deref().map(vn_text::sort_key),
        full_name,
        birth_name: text(&p.birth_name),
        other_names: text(&p.other_names),
        gender: p.gender,
        birth_date: p.birth_date,
        birth_place: text(&p.birth_place),
        hometown: text(&p.hometown),
        permanent_address: text(&p.permanent_address),
        current_address: text(&p.current_address),
        ethnicity: text(&p.ethnicity),
        religion: text(&p.religion),
        national_id,
        legacy_id_no,
        phone,
        email: text(&p.email).map(|o| o.map(|e| e.to_lowercase())),
        education_general: text(&p.education_general),
        professional_qualification: text(&p.professional_qualification),
        academic_degree: text(&p.academic_degree),
        academic_title: text(&p.academic_title),
        political_theory: p.political_theory.map(Some),
        state_management: text(&p.state_management),
        foreign_languages: text(&p.foreign_languages),
        it_level: text(&p.it_level),
        occupation: text(&p.occupation),
        job_title: text(&p.job_title),
        workplace: text(&p.workplace),
        youth_union_joined_on: p.youth_union_joined_on.map(Some),
        personal_history_no,
        admission_decision_no: text(&p.admission_decision_no),
        introducers: text(&p.introducers),
        ceremony_place: text(&p.ceremony_place),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_numbers_and_phones() {
        assert!(valid_history_no("123456HP"));
        assert!(valid_history_no("123456ĐN"));
        assert!(!valid_history_no("12345HP"));
        assert!(!valid_history_no("123456HPXY"));
        assert!(!valid_history_no("123456"));
        assert!(valid_phone("0912 345 678"));
        assert!(valid_phone("+84912345678"));
        assert!(!valid_phone("12345"));
        assert!(!valid_phone("09123x5678"));
    }
}
