//! Admission and probation (rules 1–4) and the coherence of a dossier's dates.

use crate::messages::{text, Text};
use chrono::NaiveDate;
use qldv_api_types::members::MemberStatus;
use qldv_api_types::movements::MembershipEnd;

use super::calendar::{add_months, add_working_days, full_months};
use super::settings::RuleSettings;
use super::Violation;

/// The dates of an admission, as entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdmissionDates {
    /// Date of birth.
    pub birth: NaiveDate,
    /// Joined the Youth Union.
    pub youth_union: Option<NaiveDate>,
    /// The cell's consideration (rule 1): on or before the decision.
    pub considered: Option<NaiveDate>,
    /// Admission decision signed.
    pub decision: NaiveDate,
    /// The cell received the decision (rule 2): on or after the decision, not after the ceremony.
    pub received: Option<NaiveDate>,
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

fn at(field: &'static str, code: &'static str, message: Text) -> FieldViolation {
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
            text!(
                "Ngày sinh phải trước hôm nay",
                "The birth date must be before today"
            ),
        ));
    }
    if let Some(y) = d.youth_union {
        if y <= d.birth {
            out.push(at(
                "youth_union_joined_on",
                "date_order",
                text!(
                    "Ngày vào Đoàn phải sau ngày sinh",
                    "Joining the Youth Union follows the birth date"
                ),
            ));
        }
        if y > d.decision {
            out.push(at(
                "youth_union_joined_on",
                "date_order",
                text!(
                    "Ngày vào Đoàn phải trước ngày quyết định kết nạp",
                    "Joining the Youth Union precedes the admission decision"
                ),
            ));
        }
    }
    if d.decision > today {
        out.push(at(
            "admission_decision_on",
            "date_order",
            text!(
                "Ngày quyết định kết nạp không thể ở tương lai",
                "The admission decision cannot be in the future"
            ),
        ));
    }
    if d.considered.is_some_and(|c| c > d.decision) {
        out.push(at(
            "cell_considered_on",
            "date_order",
            text!(
                "Ngày chi bộ xét kết nạp phải trước hoặc cùng ngày quyết định kết nạp",
                "The cell considers the admission on or before the admission decision"
            ),
        ));
    }
    if let Some(r) = d.received {
        if r < d.decision {
            out.push(at(
                "decision_received_on",
                "date_order",
                text!(
                    "Ngày chi bộ nhận quyết định không thể trước ngày ký quyết định",
                    "The cell cannot receive the decision before it is signed"
                ),
            ));
        }
        if r > d.ceremony {
            out.push(at(
                "decision_received_on",
                "date_order",
                text!(
                    "Lễ kết nạp không thể trước ngày chi bộ nhận quyết định",
                    "The ceremony cannot precede the cell's receipt of the decision"
                ),
            ));
        }
    }
    if d.ceremony < d.decision {
        out.push(at(
            "ceremony_on",
            "date_order",
            text!(
                "Lễ kết nạp không thể trước ngày quyết định",
                "The admission ceremony cannot precede the decision"
            ),
        ));
    }
    if d.ceremony > today {
        out.push(at(
            "ceremony_on",
            "date_order",
            text!(
                "Ngày lễ kết nạp không thể ở tương lai",
                "The ceremony cannot be in the future"
            ),
        ));
    }
    if let Some(o) = d.official {
        if o < d.ceremony {
            out.push(at(
                "official_on",
                "date_order",
                text!(
                    "Ngày chính thức không thể trước lễ kết nạp",
                    "The official date cannot precede the ceremony"
                ),
            ));
        }
        if o > today {
            out.push(at(
                "official_on",
                "date_order",
                text!(
                    "Ngày chính thức không thể ở tương lai",
                    "The official date cannot be in the future"
                ),
            ));
        }
    }
    out
}

/// Rule 1: on the cell's consideration date the applicant is at least 18 and at most 60, in
/// whole months ("đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)"): up to 60 years 0 months (the
/// days past the birthday do not count) no consent is needed; from 60 years 1 month the
/// recorded consent of the committee directly under the Central Committee is.
pub fn check_age(
    birth: NaiveDate,
    considered: NaiveDate,
    has_consent: bool,
    s: &RuleSettings,
) -> Result<(), FieldViolation> {
    let months = full_months(birth, considered);
    if months < s.min_admission_age_months {
        return Err(at(
            "birth_date",
            "too_young",
            text!(
"Người được kết nạp phải đủ {} tuổi (tính theo tháng) tại ngày chi bộ xét kết nạp; mới {} tháng",
"An applicant is at least {} years old (in whole months) on the day the cell considers the admission; this one is {} months",
                s.min_admission_age_months / 12,
                months
            ),
        ));
    }
    if months > s.consent_age_years * 12 && !has_consent {
        return Err(at(
            "age_consent_no",
            "consent_required",
            text!(
"Tại ngày chi bộ xét kết nạp người vào Đảng đã trên {} tuổi ({} tuổi {} tháng): cần văn bản của cấp ủy trực thuộc Trung ương; nhập số văn bản",
"On the day the cell considered the admission the applicant was over {} ({} years {} months): the consent of a committee directly under the Central Committee is needed; enter its number",
                s.consent_age_years,
                months / 12,
                months % 12
            ),
        ));
    }
    Ok(())
}

/// Rule 2: the ceremony within the deadline counted from the day the cell received the
/// decision (not the day it was signed), unless an approval is recorded.
pub fn check_ceremony(
    received: NaiveDate,
    ceremony: NaiveDate,
    has_approval: bool,
    s: &RuleSettings,
) -> Result<(), FieldViolation> {
    let deadline = ceremony_deadline(received, s);
    if ceremony > deadline && !has_approval {
        return Err(at(
            "ceremony_on",
            "ceremony_too_late",
            text!(
"Lễ kết nạp phải tổ chức trong {} ngày làm việc kể từ ngày chi bộ nhận quyết định (hạn {}); nếu được phép chậm, nhập số văn bản cho phép",
"The ceremony is held within {} working days of the cell receiving the decision (deadline {}); if a delay was allowed, enter the approving document's number",
                s.ceremony_deadline_working_days,
                deadline.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

/// Rule 2: the last day the ceremony may be held without an approval, counted in working days
/// from the day the cell received the decision.
pub fn ceremony_deadline(received: NaiveDate, s: &RuleSettings) -> NaiveDate {
    add_working_days(received, s.ceremony_deadline_working_days, &s.calendar)
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
        MemberStatus::Official
        | MemberStatus::Exited
        | MemberStatus::TransferredOut
        | MemberStatus::Candidate => Err(NotProbationary),
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
            text!(
"Chưa hết {} tháng dự bị: sớm nhất ngày {} mới được công nhận chính thức",
"The {} months of probation are not over: recognition as official comes on {} at the earliest",
                s.probation_months,
                official.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(official)
}

/// A probationary member whose recognition was refused (rule 4): only the name removal (or a
/// death) remains (409).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecognitionRefused;

/// Rule 4: a member refused recognition is never made official, nor refused twice.
pub fn require_not_refused(refused: bool) -> Result<(), RecognitionRefused> {
    if refused {
        Err(RecognitionRefused)
    } else {
        Ok(())
    }
}

/// Rule 4: the decision not to recognise is taken when the probation has ended, like the
/// recognition (rule 3); the same `probation_not_finished` before then.
pub fn refuse(
    ceremony: NaiveDate,
    decided_on: NaiveDate,
    s: &RuleSettings,
) -> Result<(), Violation> {
    recognise(ceremony, decided_on, s).map(|_| ())
}

/// Rule 4: after a refusal the member leaves by name removal (or dies); no other exit.
pub fn exit_after_refusal_allowed(refused: bool, reason: MembershipEnd) -> bool {
    !refused || matches!(reason, MembershipEnd::NameRemoved | MembershipEnd::Deceased)
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
    fn up_to_sixty_years_and_zero_months_needs_no_consent() {
        let birth = d(1965, 6, 15);
        let code = |considered, consent| {
            check_age(birth, considered, consent, &s()).map_err(|e| e.violation.code)
        };
        // Exactly 60 on the cell's consideration date: no consent.
        assert_eq!(code(d(2025, 6, 15), false), Ok(()));
        // 60 + 1 day is still 60 years 0 months counted in whole months: no consent.
        assert_eq!(code(d(2025, 6, 16), false), Ok(()));
        assert_eq!(code(d(2025, 7, 14), false), Ok(()));
        // 60 years 1 month: over 60, the consent is needed.
        assert_eq!(code(d(2025, 7, 15), false), Err("consent_required"));
        assert_eq!(code(d(2025, 7, 15), true), Ok(()));
    }

    #[test]
    fn age_is_judged_on_the_cells_consideration_date_not_the_decision() {
        // 60 years 0 months when the cell considered, 60 years 2 months at the decision.
        let birth = d(1965, 6, 15);
        assert!(check_age(birth, d(2025, 6, 20), false, &s()).is_ok());
        assert!(check_age(birth, d(2025, 8, 20), false, &s()).is_err());
        // 17 years 11 months when the cell considered: too young even if 18 by the decision.
        let young = d(2007, 6, 15);
        assert_eq!(
            check_age(young, d(2025, 6, 1), false, &s()).map_err(|e| e.violation.code),
            Err("too_young")
        );
    }

    #[test]
    fn the_ceremony_deadline_counts_from_the_day_the_decision_was_received() {
        // Signed Monday 2025-10-06, received a week later (Monday 2025-10-13): 30 working days
        // from receipt end on Monday 2025-11-24, a week past 30 working days from the signature
        // (2025-11-17). No holiday falls in between.
        let received = d(2025, 10, 13);
        assert_eq!(
            add_working_days(received, 30, &s().calendar),
            d(2025, 11, 24)
        );
        assert_eq!(
            add_working_days(d(2025, 10, 6), 30, &s().calendar),
            d(2025, 11, 17)
        );
        assert!(check_ceremony(received, d(2025, 11, 24), false, &s()).is_ok());
        assert!(check_ceremony(received, d(2025, 11, 25), false, &s()).is_err());
        assert!(check_ceremony(d(2025, 10, 6), d(2025, 11, 24), false, &s()).is_err());
    }

    #[test]
    fn a_refused_member_is_never_recognised_and_leaves_by_name_removal() {
        assert_eq!(require_not_refused(false), Ok(()));
        assert_eq!(require_not_refused(true), Err(RecognitionRefused));
        assert!(refuse(d(2025, 5, 19), d(2026, 5, 18), &s()).is_err());
        assert!(refuse(d(2025, 5, 19), d(2026, 5, 19), &s()).is_ok());
        assert!(exit_after_refusal_allowed(true, MembershipEnd::NameRemoved));
        assert!(exit_after_refusal_allowed(true, MembershipEnd::Deceased));
        assert!(!exit_after_refusal_allowed(true, MembershipEnd::Resigned));
        assert!(exit_after_refusal_allowed(false, MembershipEnd::Resigned));
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
            considered: Some(d(2014, 12, 20)),
            decision: d(2015, 1, 1),
            received: Some(d(2015, 1, 8)),
            ceremony: d(2015, 1, 20),
            official: Some(d(2016, 1, 20)),
        };
        assert!(check_dates(&ok, d(2026, 1, 1)).is_empty());
        let bad = AdmissionDates {
            ceremony: d(2014, 12, 31),
            received: None,
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
        let bad = AdmissionDates {
            considered: Some(d(2015, 1, 2)),
            ..ok
        };
        assert_eq!(
            check_dates(&bad, d(2026, 1, 1))[0].field,
            "cell_considered_on"
        );
        for received in [d(2014, 12, 31), d(2015, 1, 21)] {
            let bad = AdmissionDates {
                received: Some(received),
                ..ok
            };
            assert_eq!(
                check_dates(&bad, d(2026, 1, 1))[0].field,
                "decision_received_on"
            );
        }
    }

    proptest::proptest! {
        /// Rule 1, "đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)", "trên 60 tuổi" needs the
        /// consent: counted in whole months, the consent is needed exactly from the day the
        /// applicant is 60 years and 1 month old (one day before it, none), whatever the birth date.
        #[test]
        fn consent_is_needed_exactly_from_sixty_years_and_one_month(
            y in 1930i32..2000, m in 1u32..13, day in 1u32..29, offset in -400i64..400,
        ) {
            let birth = d(y, m, day);
            let threshold = crate::domain::calendar::add_months(birth, 60 * 12 + 1);
            let considered = threshold + chrono::Duration::days(offset);
            let refused = check_age(birth, considered, false, &s())
                .err()
                .map(|e| e.violation.code);
            let expected = (considered >= threshold).then_some("consent_required");
            proptest::prop_assert_eq!(refused, expected);
            proptest::prop_assert!(check_age(birth, considered, true, &s()).is_ok());
        }
    }
}
