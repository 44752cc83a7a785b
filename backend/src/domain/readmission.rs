//! Re-admission (rule 13): who may be admitted again after an exit, and when.

use crate::messages::text;
use chrono::NaiveDate;
use qldv_api_types::movements::MembershipEnd;

use super::calendar::{add_months, full_months};
use super::settings::RuleSettings;
use super::Violation;

/// Why a member exited, as far as re-admission is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExitFacts {
    /// Name removed, resigned, expelled or deceased.
    pub reason: MembershipEnd,
    /// Exit date.
    pub exited_on: NaiveDate,
    /// Grounds that forbid re-admission forever: abandoned activities, serious disunity,
    /// corruption conviction, serious crime.
    pub barred: bool,
    /// A resignation with a recorded family-hardship reason.
    pub hardship: bool,
    /// A less-serious criminal record cleared on this date (60 months from it).
    pub record_cleared_on: Option<NaiveDate>,
}

/// Rule 13: whether a person may be re-admitted on `decision` date.
pub fn check_readmission(
    exit: &ExitFacts,
    readmitted_before: bool,
    has_consent: bool,
    decision: NaiveDate,
    s: &RuleSettings,
) -> Result<(), Violation> {
    if exit.reason == MembershipEnd::Deceased {
        return Err(Violation::new(
            "readmission_not_allowed",
            text!("Đảng viên đã từ trần", "The member is deceased"),
        ));
    }
    if readmitted_before {
        return Err(Violation::new(
            "readmission_not_allowed",
            text!(
                "Chỉ được kết nạp lại một lần",
                "A person is re-admitted once only"
            ),
        ));
    }
    if exit.barred {
        return Err(Violation::new(
            "readmission_not_allowed",
            text!("Không kết nạp lại người ra khỏi Đảng vì bỏ sinh hoạt, gây mất đoàn kết nghiêm trọng, tham nhũng hoặc phạm tội nghiêm trọng", "No re-admission after leaving for abandoning party life, serious disunity, corruption or a serious crime"),
        ));
    }
    if exit.reason == MembershipEnd::Resigned && !exit.hardship {
        return Err(Violation::new(
            "readmission_not_allowed",
            text!("Người xin ra khỏi Đảng chỉ được kết nạp lại khi có lý do hoàn cảnh gia đình được ghi nhận", "A person who resigned is re-admitted only for recorded family circumstances"),
        ));
    }
    if !has_consent {
        return Err(Violation::new(
            "consent_required",
            text!(
                "Kết nạp lại cần văn bản đồng ý của ban thường vụ tỉnh ủy",
                "Re-admission needs the provincial standing committee's written consent"
            ),
        ));
    }
    let (from, months) = match exit.record_cleared_on {
        Some(c) => (c, s.readmission_min_months_after_record),
        None => (exit.exited_on, s.readmission_min_months),
    };
    if full_months(from, decision) < months {
        return Err(Violation::new(
            "readmission_too_early",
            text!(
"Chỉ xem xét kết nạp lại sau ít nhất {months} tháng (từ ngày {}); sớm nhất ngày {}",
"Re-admission is considered after at least {months} months (from {}); on {} at the earliest",
                from.format("%d/%m/%Y"),
                add_months(from, months).format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn s() -> RuleSettings {
        RuleSettings::defaults("test")
    }

    fn exit(reason: MembershipEnd) -> ExitFacts {
        ExitFacts {
            reason,
            exited_on: d(2020, 5, 1),
            barred: false,
            hardship: false,
            record_cleared_on: None,
        }
    }

    #[test]
    fn readmission_after_thirty_six_months_with_consent_once() {
        let e = exit(MembershipEnd::NameRemoved);
        assert_eq!(
            check_readmission(&e, false, true, d(2023, 4, 30), &s()).map_err(|v| v.code),
            Err("readmission_too_early")
        );
        assert!(check_readmission(&e, false, true, d(2023, 5, 1), &s()).is_ok());
        assert!(check_readmission(&e, false, false, d(2023, 5, 1), &s()).is_err());
        assert!(check_readmission(&e, true, true, d(2023, 5, 1), &s()).is_err());
        assert!(check_readmission(
            &exit(MembershipEnd::Deceased),
            false,
            true,
            d(2030, 1, 1),
            &s()
        )
        .is_err());
        assert!(check_readmission(
            &ExitFacts { barred: true, ..e },
            false,
            true,
            d(2030, 1, 1),
            &s()
        )
        .is_err());
    }

    #[test]
    fn resignation_needs_hardship_and_a_criminal_record_sixty_months() {
        let r = exit(MembershipEnd::Resigned);
        assert!(check_readmission(&r, false, true, d(2024, 1, 1), &s()).is_err());
        assert!(check_readmission(
            &ExitFacts {
                hardship: true,
                ..r
            },
            false,
            true,
            d(2024, 1, 1),
            &s()
        )
        .is_ok());
        let c = ExitFacts {
            record_cleared_on: Some(d(2021, 1, 1)),
            ..exit(MembershipEnd::Expelled)
        };
        assert!(check_readmission(&c, false, true, d(2025, 12, 31), &s()).is_err());
        assert!(check_readmission(&c, false, true, d(2026, 1, 1), &s()).is_ok());
    }
}
