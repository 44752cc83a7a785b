//! Inspections, complaints, denunciations and discipline reviews of a member (rule 9): while one
//! is open the member gets no official transfer.

use crate::messages::text;
use chrono::NaiveDate;

use super::Violation;

/// A case (inspection, complaint, denunciation, discipline review) as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseFacts {
    /// What is handled.
    pub kind: qldv_api_types::cases::CaseKind,
    /// Began on.
    pub opened_on: NaiveDate,
    /// Settled on (`None` while open).
    pub settled_on: Option<NaiveDate>,
}

impl CaseFacts {
    /// Whether the case is open on `day`: begun, and not settled by then.
    pub fn open_on(&self, day: NaiveDate) -> bool {
        self.opened_on <= day && self.settled_on.is_none_or(|s| day < s)
    }
}

/// Rule 9: a member with a case open on `day` (inspection, complaint, denunciation or
/// discipline review) gets no official transfer until it is settled; a temporary transfer is
/// allowed, and a discipline (in force or past) no longer blocks either.
pub fn check_transfer(
    official: bool,
    cases: &[CaseFacts],
    day: NaiveDate,
) -> Result<(), Violation> {
    match cases.iter().filter(|c| c.open_on(day)).min_by_key(|c| c.opened_on) {
        Some(c) if official => Err(Violation::new(
            "official_transfer_blocked",
            text!(
"Đảng viên đang bị thanh tra, kiểm tra hoặc đang xem xét, giải quyết khiếu nại, tố cáo (từ ngày {}): chưa chuyển sinh hoạt đảng chính thức; có thể chuyển sinh hoạt tạm thời",
"The member is under inspection or a complaint or denunciation is being settled (since {}): no permanent transfer yet; a temporary one is possible",
                c.opened_on.format("%d/%m/%Y")
            ),
        )),
        _ => Ok(()),
    }
}

/// Whether a case of this kind is the consideration of a discipline: an inspection, a
/// denunciation or a discipline review may end in one; a complaint is about a decision already
/// taken (while it is handled that discipline stays in force, see [`super::discipline::standing`]).
pub fn considers_discipline(kind: qldv_api_types::cases::CaseKind) -> bool {
    use qldv_api_types::cases::CaseKind;
    match kind {
        CaseKind::Inspection | CaseKind::Denunciation | CaseKind::DisciplineReview => true,
        CaseKind::Complaint => false,
    }
}

/// Rule 20's "discipline under consideration" on `day`: a case that may end in a discipline
/// (inspection, denunciation, discipline review) is open that day.
pub fn under_consideration(cases: &[CaseFacts], day: NaiveDate) -> bool {
    cases
        .iter()
        .any(|c| considers_discipline(c.kind) && c.open_on(day))
}

/// Rule 20's periods of a discipline under consideration, as dated periods (for the badge
/// engine, which judges any day): each case that may end in a discipline, from its opening to
/// its settlement.
pub fn consideration_periods(cases: &[CaseFacts]) -> Vec<super::party_age::Period> {
    cases
        .iter()
        .filter(|c| considers_discipline(c.kind))
        .map(|c| super::party_age::Period {
            from: c.opened_on,
            to: c.settled_on,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use qldv_api_types::cases::CaseKind;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn complaint(opened: NaiveDate, settled: Option<NaiveDate>) -> CaseFacts {
        CaseFacts {
            kind: CaseKind::Complaint,
            opened_on: opened,
            settled_on: settled,
        }
    }

    #[test]
    fn an_open_complaint_blocks_an_official_transfer_only() {
        let c = [complaint(d(2026, 3, 2), Some(d(2026, 5, 15)))];
        let code = |official, day| check_transfer(official, &c, day).map_err(|v| v.code);
        assert_eq!(code(true, d(2026, 3, 1)), Ok(()));
        assert_eq!(code(true, d(2026, 3, 2)), Err("official_transfer_blocked"));
        assert_eq!(code(true, d(2026, 5, 14)), Err("official_transfer_blocked"));
        assert_eq!(code(true, d(2026, 5, 15)), Ok(()));
        assert_eq!(code(false, d(2026, 4, 1)), Ok(()));
    }

    #[test]
    fn every_kind_of_case_blocks_and_an_unsettled_one_blocks_until_settled() {
        for kind in [
            CaseKind::Inspection,
            CaseKind::Complaint,
            CaseKind::Denunciation,
            CaseKind::DisciplineReview,
        ] {
            let c = [CaseFacts {
                kind,
                opened_on: d(2020, 1, 1),
                settled_on: None,
            }];
            assert!(check_transfer(true, &c, d(2030, 1, 1)).is_err());
            assert!(check_transfer(false, &c, d(2030, 1, 1)).is_ok());
        }
        assert!(check_transfer(true, &[], d(2030, 1, 1)).is_ok());
    }

    proptest! {
        /// A temporary transfer is never blocked; an official one exactly when a case is open.
        #[test]
        fn blocked_exactly_while_a_case_is_open(open in 0i64..400, len in proptest::option::of(0i64..400),
                                                 at in 0i64..900, official: bool) {
            let base = d(2024, 1, 1);
            let c = [complaint(base + chrono::Duration::days(open),
                               len.map(|l| base + chrono::Duration::days(open + l)))];
            let day = base + chrono::Duration::days(at);
            let blocked = check_transfer(official, &c, day).is_err();
            prop_assert_eq!(blocked, official && c[0].open_on(day));
        }
    }
}
