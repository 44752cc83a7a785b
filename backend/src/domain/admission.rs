//! Admission and probation (rules 1–4) and the coherence of a dossier's dates.

use chrono::NaiveDate;
use qldv_api_types::members::MemberStatus;

use super::calendar::{add_months, add_working_days, full_months};
use super::settings::RuleSettings;
use super::Violation;

/// The dates of an admission, as entered.
#[derive(Debug, Clone, Copy)]
pub struct AdmissionDates {
    /// Date of birth.
    pub birth: NaiveDate,
    /// Joined the Youth Union.
    pub youth_union: Option<NaiveDate>,
    /// Admission decision signed.
    pub decision: NaiveDate,
    /// Ceremony held.
    pub ceremony: NaiveDate,
    /// Recognised official (data entry of existing members).
    pub official: Option<NaiveDate>,
}

/// A broken rule with the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldViolation {
    /// Field of the request.
    pub field: &'static str,
    /// What is wrong.
    pub violation: Violation,
}

fn at(field: &'static str, code: &'static str, message: impl Into<String>) -> FieldViolation {
    FieldViolation {
        field,
        violation: Violation::new(code, message),
    }
}

/// Whether the dossier's dates are in order: birth < Youth Union ≤ decision ≤ ceremony ≤ official,
/// none in the future of `today`.
pub fn check_dates(d: &AdmissionDates, today: NaiveDate) -> Vec<FieldViolation> {
    let mut out = Vec::new();
    if d.birth >= today {
        out.push(at(
            "birth_date",
            "date_order",
            "Ngày sinh phải trước hôm nay",
        ));
    }
    if let Some(y) = d.youth_union {
        if y <= d.birth {
            out.push(at(
                "youth_union_joined_on",
                "date_order",
                "Ngày vào Đoàn phải sau ngày sinh",
            ));
        }
        if y > d.decision {
            out.push(at(
                "youth_union_joined_on",
                "date_order",
                "Ngày vào Đoàn phải trước ngày quyết định kết nạp",
            ));
        }
    }
    if d.decision > today {
        out.push(at(
            "admission_decision_on",
            "date_order",
            "Ngày quyết định kết nạp không thể ở tương lai",
        ));
    }
    if d.ceremony < d.decision {
        out.push(at(
            "ceremony_on",
            "date_order",
            "Lễ kết nạp không thể trước ngày quyết định",
        ));
    }
    if d.ceremony > today {
        out.push(at(
            "ceremony_on",
            "date_order",
            "Ngày lễ kết nạp không thể ở tương lai",
        ));
    }
    if let Some(o) = d.official {
        if o < d.ceremony {
            out.push(at(
                "official_on",
                "date_order",
                "Ngày chính thức không thể trước lễ kết nạp",
            ));
        }
        if o > today {
            out.push(at(
                "official_on",
                "date_order",
                "Ngày chính thức không thể ở tương lai",
            ));
        }
    }
    out
}

/// Rule 1: at least 18 in whole months at the decision; from 60 a consent is required.
pub fn check_age(
    birth: NaiveDate,
    decision: NaiveDate,
    has_consent: bool,
    s: &RuleSettings,
) -> Result<(), FieldViolation> {
    let months = full_months(birth, decision);
    if months < s.min_admission_age_months {
        return Err(at(
            "birth_date",
            "too_young",
            format!(
                "Người được kết nạp phải đủ {} tuổi (tính đủ tháng) tại ngày quyết định; mới {} tháng",
                s.min_admission_age_months / 12,
                months
            ),
        ));
    }
    if months >= s.consent_age_years * 12 && !has_consent {
        return Err(at(
            "age_consent_no",
            "consent_required",
            format!(
                "Kết nạp người từ {} tuổi trở lên cần ý kiến của ban thường vụ tỉnh ủy; nhập số văn bản",
                s.consent_age_years
            ),
        ));
    }
    Ok(())
}

/// Rule 2: the ceremony within the deadline of the decision unless an approval is recorded.
pub fn check_ceremony(
    decision: NaiveDate,
    ceremony: NaiveDate,
    has_approval: bool,
    s: &RuleSettings,
) -> Result<(), FieldViolation> {
    let deadline = add_working_days(decision, s.ceremony_deadline_working_days, &s.calendar);
    if ceremony > deadline && !has_approval {
        return Err(at(
            "ceremony_on",
            "ceremony_too_late",
            format!(
                "Lễ kết nạp phải tổ chức trong {} ngày làm việc kể từ ngày quyết định (hạn {}); nếu được phép chậm, nhập số văn bản cho phép",
                s.ceremony_deadline_working_days,
                deadline.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

/// Rule 3: the official date is the ceremony plus the probation, exactly.
pub fn official_date(ceremony: NaiveDate, s: &RuleSettings) -> NaiveDate {
    add_months(ceremony, s.probation_months)
}

/// A member who is not on probation: official already, or gone (409).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotProbationary;

/// Rule 3: only a probationary member is recognised as official.
pub fn require_probationary(status: MemberStatus) -> Result<(), NotProbationary> {
    match status {
        MemberStatus::Probationary => Ok(()),
        MemberStatus::Official | MemberStatus::Exited | MemberStatus::TransferredOut => {
            Err(NotProbationary)
        }
    }
}

/// Rule 3: recognition decided on `decided_on` is allowed only once probation has ended; the
/// official date is the end of probation, whatever the decision date.
pub fn recognise(
    ceremony: NaiveDate,
    decided_on: NaiveDate,
    s: &RuleSettings,
) -> Result<NaiveDate, Violation> {
    let official = official_date(ceremony, s);
    if decided_on < official {
        return Err(Violation::new(
            "probation_not_finished",
            format!(
                "Chưa hết {} tháng dự bị: sớm nhất ngày {} mới được công nhận chính thức",
                s.probation_months,
                official.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(official)
}

/// Rule 3: the date from which a missing recognition decision is overdue.
pub fn recognition_overdue_from(ceremony: NaiveDate, s: &RuleSettings) -> NaiveDate {
    add_working_days(
        official_date(ceremony, s),
        s.recognition_overdue_working_days,
        &s.calendar,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_probationary_member_is_recognised() {
        assert_eq!(require_probationary(MemberStatus::Probationary), Ok(()));
        for other in [
            MemberStatus::Official,
            MemberStatus::Exited,
            MemberStatus::TransferredOut,
        ] {
            assert_eq!(require_probationary(other), Err(NotProbationary));
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn s() -> RuleSettings {
        RuleSettings::defaults("test")
    }

    #[test]
    fn eighteen_in_whole_months() {
        let birth = d(2007, 6, 15);
        assert!(check_age(birth, d(2025, 6, 14), false, &s()).is_err());
        assert!(check_age(birth, d(2025, 6, 15), false, &s()).is_ok());
    }

    #[test]
    fn sixty_and_over_needs_consent() {
        let birth = d(1965, 6, 15);
        assert!(check_age(birth, d(2025, 6, 14), false, &s()).is_ok());
        let err = check_age(birth, d(2025, 6, 15), false, &s()).err();
        assert_eq!(err.map(|e| e.violation.code), Some("consent_required"));
        assert!(check_age(birth, d(2025, 6, 15), true, &s()).is_ok());
    }

    #[test]
    fn ceremony_within_thirty_working_days() {
        // Decision Monday 2025-03-03; 30 working days later is Tuesday 2025-04-15 (Hùng
        // Kings' day, Monday 7 Apr, is not a working day).
        let decision = d(2025, 3, 3);
        assert!(check_ceremony(decision, d(2025, 4, 15), false, &s()).is_ok());
        assert!(check_ceremony(decision, d(2025, 4, 16), false, &s()).is_err());
        assert!(check_ceremony(decision, d(2025, 4, 16), true, &s()).is_ok());
    }

    #[test]
    fn official_date_is_ceremony_plus_twelve_months_exactly() {
        let ceremony = d(2024, 2, 29);
        assert_eq!(official_date(ceremony, &s()), d(2025, 2, 28));
        assert!(recognise(d(2025, 5, 19), d(2026, 5, 18), &s()).is_err());
        assert_eq!(
            recognise(d(2025, 5, 19), d(2026, 5, 19), &s()).ok(),
            Some(d(2026, 5, 19))
        );
        // A late decision does not shift the official date.
        assert_eq!(
            recognise(d(2025, 5, 19), d(2026, 9, 1), &s()).ok(),
            Some(d(2026, 5, 19))
        );
    }

    #[test]
    fn dates_must_be_in_order() {
        let ok = AdmissionDates {
            birth: d(1990, 1, 1),
            youth_union: Some(d(2005, 3, 26)),
            decision: d(2015, 1, 1),
            ceremony: d(2015, 1, 20),
            official: Some(d(2016, 1, 20)),
        };
        assert!(check_dates(&ok, d(2026, 1, 1)).is_empty());
        let bad = AdmissionDates {
            ceremony: d(2014, 12, 31),
            ..ok
        };
        assert_eq!(check_dates(&bad, d(2026, 1, 1))[0].field, "ceremony_on");
        let bad = AdmissionDates {
            youth_union: Some(d(2016, 1, 1)),
            ..ok
        };
        assert_eq!(
            check_dates(&bad, d(2026, 1, 1))[0].field,
            "youth_union_joined_on"
        );
    }
}
