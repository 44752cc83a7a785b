//! Candidates (issue 22): the one place a refused step becomes an [`AppError`], with its
//! message in Vietnamese (from the rule) and in English.

use chrono::NaiveDate;
use qldv_api_types::vocabulary::English;

use super::{text, Text};
use crate::domain::candidate::{IntroducerRefusal as I, StepRefusal};
use crate::error::AppError;

/// 404: no such candidate in the caller's scope.
pub fn not_found() -> AppError {
    AppError::not_found(super::Thing::Candidate)
}

fn day(d: &NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The refusal in both languages: the rule's Vietnamese, and its English.
pub fn text(r: &StepRefusal) -> Text {
    let en = match r {
        StepRefusal::FileClosed(stage) => format!("The file is closed ({})", stage.en()),
        StepRefusal::DateInFuture => "The date cannot be in the future".into(),
        StepRefusal::BeforeIdentification => {
            "The date cannot precede the day the cell identified the candidate".into()
        }
        StepRefusal::OutOfOrder { needs } => format!("Record first: {}", needs.en()),
        StepRefusal::AfterLaterStep { later } => {
            format!("A later step is already recorded: {}", later.en())
        }
        StepRefusal::DateBeforeEarlierStep { earlier, on } => {
            format!("The date cannot precede {} ({})", earlier.en(), day(on))
        }
        StepRefusal::AlreadyRecorded(kind) => format!("Already recorded: {}", kind.en()),
        StepRefusal::Introducer(I::NotOfficial) => {
            "The introducer must be an official member".into()
        }
        StepRefusal::Introducer(I::TooShortTogether { months, needed }) => format!(
            "The introducer must have worked, studied or lived with the candidate for at least {needed} months; only {months}"
        ),
        StepRefusal::Introducer(I::Left { on }) => {
            format!("The introducer left the organisation on {}", day(on))
        }
        StepRefusal::Introducer(I::Disciplined) => {
            "The introducer is under a discipline: the cell assigns another member".into()
        }
        StepRefusal::Introducer(I::NothingToReplace) => {
            "No introducer has left or been disciplined: nothing to replace".into()
        }
        StepRefusal::SameIntroducer => "This member already introduces the candidate".into(),
        StepRefusal::IntroductionsComplete => "Two introductions stand already".into(),
        StepRefusal::NotUnionMember(kind) => {
            format!("The candidate is not a member of the introducing union ({})", kind.en())
        }
        StepRefusal::IntroductionsIncomplete { have } => format!(
            "Two official members must introduce the candidate (or a union's resolution and one official member); {have} so far"
        ),
        StepRefusal::YouthUnionIntroductionRequired => {
            "A Youth Union member of youth age needs the Youth Union's resolution and one official member".into()
        }
        StepRefusal::CertificateExpired { valid_until } => format!(
            "The awareness course certificate was valid until {}: the course is to be taken again",
            day(valid_until)
        ),
        StepRefusal::VoteInconsistent => "More agreeing than members".into(),
        StepRefusal::VoteUnderTwoThirds {
            agreeing,
            needed,
            members,
        } => format!("At least two thirds ({needed}/{members}) must agree; {agreeing} did"),
        StepRefusal::NoGrassrootsCommittee => {
            "A grassroots cell proposes directly to the superior committee: no grassroots committee resolution".into()
        }
        StepRefusal::NotCompetent(crate::domain::candidate::StepLevel::Grassroots) => {
            "This step is recorded by the grassroots committee (or a board above it)".into()
        }
        StepRefusal::NotCompetent(_) => {
            "This step is recorded by the committee with the power to admit (the committee directly above the grassroots organisation)".into()
        }
        StepRefusal::ExtensionAfterDeadline { deadline } => {
            format!("An extension is granted within the deadline (until {})", day(deadline))
        }
        StepRefusal::DecisionPastDeadline { deadline } => format!(
            "Past the deadline for the decision ({}): record the reason for the delay",
            day(deadline)
        ),
        StepRefusal::ReceivedOutOfOrder => {
            "The cell receives the decision between its signature and the ceremony".into()
        }
        StepRefusal::Admission(v) => format!("Admission rule broken: {}", v.violation.code),
    };
    Text::new(r.message(), en)
}

/// 422 with the refusal's catalogued code.
pub fn refused(r: StepRefusal) -> AppError {
    AppError::Rule(r.code(), text(&r))
}

/// 422 on `categories`: only the occupational categories are entered.
pub fn category_not_entered(field: &str) -> AppError {
    let t = text!(
        "Chỉ nhập các thành phần nghề nghiệp; các thành phần khác được suy ra",
        "Only the occupational categories are entered; the others are derived"
    );
    AppError::field(field, "not_allowed", t)
}

/// 422: a step is missing a field its kind needs.
pub fn step_field_required(field: &str) -> AppError {
    let t = text!("Bước này cần trường {field}", "This step needs {field}");
    AppError::field(field, "required", t)
}

/// 422 on `introducer_id` / `helper_ids`: not a member in the caller's scope.
pub fn member_not_found(field: &str) -> AppError {
    let t = text!(
        "Không tìm thấy đảng viên trong phạm vi",
        "No such member in your organisation"
    );
    AppError::field(field, "not_found", t)
}

/// Warning: the vote base entered differs from the records'.
pub fn vote_base_differs(entered: u32, computed: u32) -> Text {
    text!(
        "Số đảng viên tính biểu quyết ({entered}) khác số đảng viên chính thức theo hồ sơ ({computed}): kiểm tra biên bản (vắng mặt được miễn, sinh hoạt tạm thời)",
        "The vote base entered ({entered}) differs from the official members on record ({computed}): check the minutes (exempt absentees, temporary registrations)"
    )
}

/// The text of a candidate's alert.
pub fn alert(a: &crate::domain::candidate::CandidateAlert) -> Text {
    use crate::domain::candidate::CandidateAlert as A;
    match a {
        A::CertificateExpired { valid_until } => {
            let d = day(valid_until);
            text!(
                "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng hết giá trị từ sau {d}: cần học lại trước khi chi bộ xét",
                "The awareness course certificate lapsed after {d}: the course is to be taken again before the cell resolves"
            )
        }
        A::IntroducerLeft { on, .. } => {
            let d = day(on);
            text!(
                "Người giới thiệu đã chuyển đi hoặc ra khỏi Đảng ngày {d}: chi bộ phân công đảng viên chính thức khác",
                "An introducer left on {d}: the cell assigns another official member"
            )
        }
        A::IntroducerDisciplined { .. } => text!(
            "Người giới thiệu đang chịu kỷ luật: chi bộ phân công đảng viên chính thức khác",
            "An introducer is under a discipline: the cell assigns another official member"
        ),
        A::DecisionOverdue { deadline } => {
            let d = day(deadline);
            text!(
                "Quá thời hạn xem xét, quyết định kết nạp ({d})",
                "Past the deadline for the admission decision ({d})"
            )
        }
        A::CeremonyOverdue { deadline } => {
            let d = day(deadline);
            text!(
                "Quá thời hạn tổ chức lễ kết nạp ({d}): cần cấp ủy cấp trên đồng ý",
                "Past the deadline for the ceremony ({d}): the superior committee's approval is needed"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qldv_api_types::ErrorCode;

    #[test]
    fn every_refusal_code_is_catalogued_as_a_422() {
        use qldv_api_types::candidates::{CandidateStage, CandidateStepKind as K};
        let d = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
        let all = [
            StepRefusal::FileClosed(CandidateStage::Dropped),
            StepRefusal::DateInFuture,
            StepRefusal::BeforeIdentification,
            StepRefusal::OutOfOrder {
                needs: K::Application,
            },
            StepRefusal::AfterLaterStep { later: K::Ceremony },
            StepRefusal::DateBeforeEarlierStep {
                earlier: K::Application,
                on: d,
            },
            StepRefusal::AlreadyRecorded(K::Application),
            StepRefusal::Introducer(I::NotOfficial),
            StepRefusal::Introducer(I::TooShortTogether {
                months: 11,
                needed: 12,
            }),
            StepRefusal::Introducer(I::Left { on: d }),
            StepRefusal::Introducer(I::Disciplined),
            StepRefusal::Introducer(I::NothingToReplace),
            StepRefusal::SameIntroducer,
            StepRefusal::IntroductionsComplete,
            StepRefusal::NotUnionMember(K::YouthUnionIntroduction),
            StepRefusal::IntroductionsIncomplete { have: 1 },
            StepRefusal::YouthUnionIntroductionRequired,
            StepRefusal::CertificateExpired { valid_until: d },
            StepRefusal::VoteInconsistent,
            StepRefusal::VoteUnderTwoThirds {
                agreeing: 5,
                needed: 6,
                members: 9,
            },
            StepRefusal::NoGrassrootsCommittee,
            StepRefusal::NotCompetent(crate::domain::candidate::StepLevel::Grassroots),
            StepRefusal::NotCompetent(crate::domain::candidate::StepLevel::Deciding),
            StepRefusal::ExtensionAfterDeadline { deadline: d },
            StepRefusal::DecisionPastDeadline { deadline: d },
            StepRefusal::ReceivedOutOfOrder,
        ];
        for r in all {
            let code = r.code();
            assert_eq!(
                ErrorCode::from_wire(code).map(ErrorCode::status),
                Some(422),
                "{code}"
            );
            let t = text(&r);
            assert!(
                !t.vi.is_empty() && !t.en.is_empty() && t.vi != t.en,
                "{code}"
            );
        }
        for code in [
            "too_young",
            "consent_required",
            "ceremony_too_late",
            "date_order",
        ] {
            assert_eq!(ErrorCode::from_wire(code).map(ErrorCode::status), Some(422));
        }
    }
}
