//! Who sees a member's personal data in full, and how it is masked for the others: one table
//! of field × reader ([`Privacy::shows`]) applied to every output.

use qldv_api_types::auth::Role;

/// Who is reading, as far as personal data is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Privacy {
    /// The clerks who keep the records (administrators, organizers) and the server's own feeds
    /// and packages: everything.
    Full,
    /// Other agencies' systems: the identity and contact data they match records by, never a
    /// health note or a discipline's reason.
    Integration,
    /// Read-only viewers: identity numbers, contact data, addresses, ethnicity, religion,
    /// health notes and discipline reasons masked.
    Masked,
    /// The residence cell of a member working elsewhere (213-QĐ/TW, rule 39), through the
    /// liaison view only: the name (not governed), the address and the phone, nothing else.
    Liaison,
}

/// A piece of personal data the policy governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// CCCD (and the legacy CMND).
    NationalId,
    /// Phone number.
    Phone,
    /// E-mail address.
    Email,
    /// Permanent or current address.
    Address,
    /// Ethnicity (sensitive personal data, Decree 13/2023/NĐ-CP art. 2).
    Ethnicity,
    /// Religion (sensitive personal data, Decree 13/2023/NĐ-CP art. 2).
    Religion,
    /// A note on a member's illness (health data, sensitive).
    HealthNote,
    /// The reason of a discipline.
    DisciplineReason,
    /// The income a member's party dues are based on (salary, pension, benefit): personal
    /// data that only the clerks who keep the records see (issue 23).
    DuesBase,
}

impl Field {
    /// Every governed field.
    pub const ALL: [Field; 9] = [
        Field::NationalId,
        Field::Phone,
        Field::Email,
        Field::Address,
        Field::Ethnicity,
        Field::Religion,
        Field::HealthNote,
        Field::DisciplineReason,
        Field::DuesBase,
    ];

    /// The field an API name (or stored column) carries, if the policy governs it.
    pub fn of_name(name: &str) -> Option<Field> {
        Some(match name {
            "national_id" | "legacy_id_no" => Field::NationalId,
            "phone" => Field::Phone,
            "email" => Field::Email,
            "permanent_address" | "current_address" => Field::Address,
            "ethnicity" => Field::Ethnicity,
            "religion" => Field::Religion,
            "note" => Field::HealthNote,
            "reason" => Field::DisciplineReason,
            "base" => Field::DuesBase,
            _ => return None,
        })
    }

    /// How a masked value of this field is shown.
    fn mask(self, value: &str) -> String {
        match self {
            Field::NationalId => mask_national_id(value),
            Field::Phone => mask_phone(value),
            Field::Email => mask_email(value),
            Field::Address => mask_address(value),
            Field::Ethnicity
            | Field::Religion
            | Field::HealthNote
            | Field::DisciplineReason
            | Field::DuesBase => "***".to_string(),
        }
    }
}

/// What a reader sees of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The value as stored.
    Full,
    /// The value masked (what identifies nobody stays).
    Masked,
}

impl Privacy {
    /// What a role sees of a member through the liaison view: a residence cell's clerks see
    /// the liaison's row, its viewers no more than their masked one.
    pub fn liaison_for(role: Role) -> Self {
        match Self::for_role(role) {
            Self::Masked => Self::Masked,
            Self::Full | Self::Integration | Self::Liaison => Self::Liaison,
        }
    }

    /// What a role sees.
    pub fn for_role(role: Role) -> Self {
        match role {
            Role::Admin | Role::Organizer => Self::Full,
            Role::Integration => Self::Integration,
            Role::Viewer => Self::Masked,
        }
    }

    /// The policy: one table of field × reader, applied to every output (records, lists,
    /// exports, events, illnesses, disciplines, import reports).
    pub fn shows(self, field: Field) -> Shown {
        use Field as F;
        match (self, field) {
            (Self::Full, _) => Shown::Full,
            (
                Self::Integration,
                F::NationalId | F::Phone | F::Email | F::Address | F::Ethnicity | F::Religion,
            ) => Shown::Full,
            (Self::Integration, F::HealthNote | F::DisciplineReason | F::DuesBase) => Shown::Masked,
            (Self::Masked, _) => Shown::Masked,
            (Self::Liaison, F::Phone | F::Address) => Shown::Full,
            (Self::Liaison, _) => Shown::Masked,
        }
    }

    /// One value of `field` as this reader sees it.
    pub fn show(self, field: Field, value: Option<String>) -> Option<String> {
        match self.shows(field) {
            Shown::Full => value,
            Shown::Masked => value.map(|v| field.mask(&v)),
        }
    }

    /// An amount of `field` (a dues base) as this reader sees it: absent when masked.
    pub fn show_amount(self, field: Field, value: Option<i64>) -> Option<i64> {
        match self.shows(field) {
            Shown::Full => value,
            Shown::Masked => None,
        }
    }

    /// One required value of `field` as this reader sees it.
    pub fn show_str(self, field: Field, value: &str) -> String {
        match self.shows(field) {
            Shown::Full => value.to_string(),
            Shown::Masked => field.mask(value),
        }
    }

    /// Masks, inside a JSON document (an event's details, a record before and after), every
    /// string under a key that names a governed field.
    pub fn show_json(self, value: &mut serde_json::Value) {
        if self == Self::Full {
            return;
        }
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    match Field::of_name(k) {
                        Some(f) if self.shows(f) == Shown::Masked => mask_strings(f, v),
                        _ => self.show_json(v),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| self.show_json(v)),
            _ => {}
        }
    }
}

fn mask_strings(field: Field, value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => *s = field.mask(s),
        serde_json::Value::Number(_) if field == Field::DuesBase => {
            *value = serde_json::Value::Null
        }
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| mask_strings(field, v)),
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| mask_strings(field, v)),
        _ => {}
    }
}

/// Keeps the last `keep` characters, stars for the rest: `031085001234` → `********1234`.
fn keep_last(value: &str, keep: usize) -> String {
    let chars: Vec<char> = value.chars().collect();
    let hidden = chars.len().saturating_sub(keep);
    let mut out = "*".repeat(hidden);
    out.extend(&chars[hidden..]);
    out
}

/// A CCCD shows its last four digits.
pub fn mask_national_id(value: &str) -> String {
    keep_last(value.trim(), 4)
}

/// A phone number shows its last three digits.
pub fn mask_phone(value: &str) -> String {
    keep_last(value.trim(), 3)
}

/// An e-mail shows its first letter and its domain: `an.nguyen@x.vn` → `a***@x.vn`.
pub fn mask_email(value: &str) -> String {
    match value.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => keep_last(value, 0),
    }
}

/// An address shows only its last part (the province): `Thôn 3, xã A, tỉnh B` → `***, tỉnh B`.
pub fn mask_address(value: &str) -> String {
    match value.rsplit_once(',') {
        Some((_, last)) => format!("***, {}", last.trim()),
        None => "***".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_table_of_field_and_reader() {
        assert_eq!(Privacy::for_role(Role::Viewer), Privacy::Masked);
        assert_eq!(Privacy::for_role(Role::Integration), Privacy::Integration);
        for r in [Role::Admin, Role::Organizer] {
            assert_eq!(Privacy::for_role(r), Privacy::Full);
        }
        for f in Field::ALL {
            assert_eq!(Privacy::Full.shows(f), Shown::Full, "{f:?}");
            assert_eq!(Privacy::Masked.shows(f), Shown::Masked, "{f:?}");
            let integration = Privacy::Integration.shows(f);
            let secret = matches!(
                f,
                Field::HealthNote | Field::DisciplineReason | Field::DuesBase
            );
            assert_eq!(integration == Shown::Masked, secret, "{f:?}");
            let contact = matches!(f, Field::Phone | Field::Address);
            assert_eq!(Privacy::Liaison.shows(f) == Shown::Full, contact, "{f:?}");
        }
        assert_eq!(Privacy::liaison_for(Role::Organizer), Privacy::Liaison);
        assert_eq!(Privacy::liaison_for(Role::Admin), Privacy::Liaison);
        assert_eq!(Privacy::liaison_for(Role::Viewer), Privacy::Masked);
        let v = Some("031085001234".to_string());
        assert_eq!(Privacy::Full.show(Field::NationalId, v.clone()), v);
        assert_eq!(
            Privacy::Masked.show(Field::NationalId, v).as_deref(),
            Some("********1234")
        );
        assert_eq!(Privacy::Masked.show(Field::Phone, None), None);
        assert_eq!(
            Privacy::Masked.show_str(Field::Religion, "Phật giáo"),
            "***"
        );
    }

    #[test]
    fn governed_fields_are_masked_anywhere_in_a_document() {
        let mut details = serde_json::json!({
            "changes": {
                "phone": {"before": "0912345678", "after": "0987654321"},
                "full_name": {"before": "An", "after": "Bình"},
                "current_address": {"before": "Thôn 3, tỉnh A", "after": null},
            },
            "list": [{"national_id": "031085001234"}],
        });
        Privacy::Masked.show_json(&mut details);
        assert_eq!(details["changes"]["phone"]["after"], "*******321");
        assert_eq!(details["changes"]["full_name"]["after"], "Bình");
        assert_eq!(
            details["changes"]["current_address"]["before"],
            "***, tỉnh A"
        );
        assert!(details["changes"]["current_address"]["after"].is_null());
        assert_eq!(details["list"][0]["national_id"], "********1234");
        let mut same = details.clone();
        Privacy::Integration.show_json(&mut same);
        assert_eq!(same, details);
    }

    #[test]
    fn each_kind_keeps_only_what_identifies_nobody() {
        assert_eq!(mask_phone("0912345678"), "*******678");
        assert_eq!(mask_email("an.nguyen@hanam.gov.vn"), "a***@hanam.gov.vn");
        assert_eq!(
            mask_address("Thôn 3, xã Thanh Hà, tỉnh Hà Nam"),
            "***, tỉnh Hà Nam"
        );
        assert_eq!(mask_address("Hà Nội"), "***");
        assert_eq!(mask_national_id("12"), "12");
    }

    proptest! {
        #[test]
        fn a_masked_cccd_never_shows_more_than_four_digits(id in "[0-9]{12}") {
            let m = mask_national_id(&id);
            prop_assert_eq!(m.chars().count(), 12);
            prop_assert_eq!(m.chars().filter(|c| c.is_ascii_digit()).count(), 4);
            prop_assert!(id.ends_with(m.trim_start_matches('*')));
        }
    }
}
