//! Party cards (rule 17): who may get one, who may issue it, the number format, and what
//! becomes of the card when the member leaves (rule 12).

use crate::messages::text;
use qldv_api_types::cards::{CardStatus, ReissueReason};
use qldv_api_types::members::MemberStatus;
use qldv_api_types::movements::MembershipEnd;

use super::tree;
use super::Violation;

/// Rule 17: only official members get a card.
pub fn check_member(status: MemberStatus) -> Result<(), Violation> {
    match status {
        MemberStatus::Official => Ok(()),
        MemberStatus::Probationary => Err(Violation::new(
            "not_official",
            text!(
                "Chỉ đảng viên chính thức được phát thẻ đảng viên",
                "Only an official member is issued a party card"
            ),
        )),
        MemberStatus::Exited | MemberStatus::TransferredOut | MemberStatus::Candidate => {
            Err(Violation::new(
                "member_not_active",
                text!(
                    "Đảng viên không còn sinh hoạt",
                    "The member is no longer active"
                ),
            ))
        }
    }
}

/// Rule 17: a card is issued by the superior committee: the issuer's scope root must be a strict
/// ancestor of the member's grassroots organisation (a national scope always is).
pub fn issuer_is_superior(scope_root_path: Option<&str>, grassroots_path: &str) -> bool {
    match scope_root_path {
        None => true,
        Some(root) => root != grassroots_path && tree::is_within(grassroots_path, root),
    }
}

/// Rule 12: what the active card becomes when the member's membership ends: collected on an
/// expulsion, a name removal or a resignation; kept by the family (not active) on a death;
/// unchanged when the member moves on (a transfer out, a restructuring).
pub fn status_on_exit(reason: MembershipEnd) -> Option<CardStatus> {
    match reason {
        MembershipEnd::Expelled | MembershipEnd::NameRemoved | MembershipEnd::Resigned => {
            Some(CardStatus::Collected)
        }
        MembershipEnd::Deceased => Some(CardStatus::Kept),
        MembershipEnd::TransferredOut | MembershipEnd::Restructured => None,
    }
}

/// Rule 17: a reissue (lost, damaged) or the national exchange (Chỉ thị 51-CT/TW) replaces the
/// active card: the old one becomes void, whatever the reason.
pub fn status_after_reissue(reason: ReissueReason) -> CardStatus {
    match reason {
        ReissueReason::Lost | ReissueReason::Damaged | ReissueReason::Exchange => CardStatus::Void,
    }
}

/// Formats a generated number with `digits` digits (zero-padded).
pub fn format_number(n: i64, digits: u32) -> String {
    format!("{n:0width$}", width = digits as usize)
}

/// Whether `n` fits in `digits` digits.
pub fn fits(n: i64, digits: u32) -> bool {
    n >= 0 && n < 10i64.saturating_pow(digits)
}

/// Checks a given card number: exactly `digits` digits.
pub fn check_number(number: &str, digits: u32) -> Result<(), Violation> {
    if number.len() == digits as usize && number.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Violation::new(
            "card_number_format",
            text!(
                "Số thẻ đảng viên gồm đúng {digits} chữ số",
                "A party card number has exactly {digits} digits"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_official_members() {
        assert!(check_member(MemberStatus::Official).is_ok());
        assert_eq!(
            check_member(MemberStatus::Probationary).map_err(|v| v.code),
            Err("not_official")
        );
        assert_eq!(
            check_member(MemberStatus::Exited).map_err(|v| v.code),
            Err("member_not_active")
        );
    }

    #[test]
    fn on_exit_the_card_is_collected_or_kept_by_the_family() {
        use MembershipEnd::*;
        for r in [Expelled, NameRemoved, Resigned] {
            assert_eq!(status_on_exit(r), Some(CardStatus::Collected), "{r:?}");
        }
        assert_eq!(status_on_exit(Deceased), Some(CardStatus::Kept));
        assert_eq!(status_on_exit(TransferredOut), None);
        assert_eq!(status_on_exit(Restructured), None);
        for s in [CardStatus::Collected, CardStatus::Kept] {
            assert_ne!(s, CardStatus::Active, "neither is active");
        }
    }

    #[test]
    fn a_reissue_or_the_exchange_voids_the_old_card() {
        for r in [
            ReissueReason::Lost,
            ReissueReason::Damaged,
            ReissueReason::Exchange,
        ] {
            assert_eq!(status_after_reissue(r), CardStatus::Void, "{r:?}");
        }
    }

    #[test]
    fn the_superior_level_issues() {
        // Province /1/ → commune /1/2/ → grassroots /1/2/3/ → cell /1/2/3/4/.
        assert!(issuer_is_superior(None, "/1/2/3/"));
        assert!(issuer_is_superior(Some("/1/"), "/1/2/3/"));
        assert!(issuer_is_superior(Some("/1/2/"), "/1/2/3/"));
        assert!(!issuer_is_superior(Some("/1/2/3/"), "/1/2/3/"));
        assert!(!issuer_is_superior(Some("/1/2/3/4/"), "/1/2/3/"));
        assert!(!issuer_is_superior(Some("/9/"), "/1/2/3/"));
    }

    #[test]
    fn numbers_have_the_set_digits() {
        assert_eq!(format_number(42, 8), "00000042");
        assert!(check_number("12345678", 8).is_ok());
        assert!(check_number("1234567", 8).is_err());
        assert!(check_number("1234567a", 8).is_err());
        assert!(check_number("123456789", 9).is_ok());
        assert!(fits(99_999_999, 8));
        assert!(!fits(100_000_000, 8));
    }

    proptest! {
        #[test]
        fn generated_numbers_pass_the_check(n in 0i64..100_000_000) {
            prop_assert!(check_number(&format_number(n, 8), 8).is_ok());
        }
    }
}
