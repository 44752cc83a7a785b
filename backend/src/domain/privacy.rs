//! Who sees a member's personal data (CCCD, phone, e-mail, addresses) in full, and how it is
//! masked for the others.

use qldv_api_types::auth::Role;

/// How much personal data a reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Privacy {
    /// Everything: the clerks who keep the records (administrators, organizers), integration
    /// systems that match records by CCCD, and the server's own feeds and packages.
    Full,
    /// Identity numbers, phone, e-mail and addresses masked: read-only viewers.
    Masked,
}

impl Privacy {
    /// What a role sees.
    pub fn for_role(role: Role) -> Self {
        match role {
            Role::Admin | Role::Organizer | Role::Integration => Self::Full,
            Role::Viewer => Self::Masked,
        }
    }

    /// Applies the policy to one value with `mask`.
    pub fn apply(self, value: Option<String>, mask: fn(&str) -> String) -> Option<String> {
        match self {
            Self::Full => value,
            Self::Masked => value.map(|v| mask(&v)),
        }
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
    fn viewers_see_masked_values_and_the_others_full_ones() {
        assert_eq!(Privacy::for_role(Role::Viewer), Privacy::Masked);
        for r in [Role::Admin, Role::Organizer, Role::Integration] {
            assert_eq!(Privacy::for_role(r), Privacy::Full);
        }
        let v = Some("031085001234".to_string());
        assert_eq!(Privacy::Full.apply(v.clone(), mask_national_id), v);
        assert_eq!(
            Privacy::Masked.apply(v, mask_national_id).as_deref(),
            Some("********1234")
        );
        assert_eq!(Privacy::Masked.apply(None, mask_phone), None);
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
