//! Why a step (or a drop) cannot be recorded: one variant per rule broken, each with a stable
//! code (the future `ErrorCode` of the API) and a message in Vietnamese.

use chrono::NaiveDate;
use qldv_api_types::candidates::{CandidateStage, CandidateStepKind};
use qldv_api_types::vocabulary::Vietnamese;

use super::introducer::IntroducerRefusal;
use crate::domain::admission::FieldViolation;
use crate::domain::Violation;

/// A refused step of a candidate's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepRefusal {
    /// The file is closed (admitted, refused or dropped).
    FileClosed(CandidateStage),
    /// Dated after today.
    DateInFuture,
    /// Dated before the candidate was identified.
    BeforeIdentification,
    /// Rule 30: a step it needs is not recorded yet.
    OutOfOrder {
        /// The step needed first.
        needs: CandidateStepKind,
    },
    /// Rule 30: a step of a later phase is already recorded.
    AfterLaterStep {
        /// That later step.
        later: CandidateStepKind,
    },
    /// Rule 30: dated before a step it follows.
    DateBeforeEarlierStep {
        /// That step.
        earlier: CandidateStepKind,
        /// Its date.
        on: NaiveDate,
    },
    /// This step is recorded once, and it is.
    AlreadyRecorded(CandidateStepKind),
    /// Rule 25: the introducer cannot introduce.
    Introducer(IntroducerRefusal),
    /// The same member already introduces the candidate.
    SameIntroducer,
    /// Rule 25: two introductions stand already.
    IntroductionsComplete,
    /// Rule 26: a union's introduction for a candidate who is not its member.
    NotUnionMember(CandidateStepKind),
    /// Rule 26: the cell resolved without the introductions it needs.
    IntroductionsIncomplete {
        /// Introductions standing on the resolution's date.
        have: u32,
    },
    /// Rule 26: a Youth Union member of youth age is introduced by the Youth Union.
    YouthUnionIntroductionRequired,
    /// Rule 24: the certificate is no longer valid on the resolution's date.
    CertificateExpired {
        /// Last day it was valid.
        valid_until: NaiveDate,
    },
    /// Rules 27–28: more agreeing than members, or no members.
    VoteInconsistent,
    /// Rules 27–28: the vote is under two thirds of the members.
    VoteUnderTwoThirds {
        /// Agreeing votes.
        agreeing: u32,
        /// Votes needed.
        needed: u32,
        /// Members counted.
        members: u32,
    },
    /// A grassroots cell has no grassroots committee resolution.
    NoGrassrootsCommittee,
    /// The step is recorded by a committee above the caller's scope (29-QĐ/TW §4.3.2).
    NotCompetent(super::StepLevel),
    /// Rule 29: the extension is recorded after the deadline it extends.
    ExtensionAfterDeadline {
        /// That deadline.
        deadline: NaiveDate,
    },
    /// Rule 29: the decision (or refusal) is past its deadline and no reason is recorded.
    DecisionPastDeadline {
        /// The deadline (extended if an extension is recorded).
        deadline: NaiveDate,
    },
    /// The cell cannot have received the decision before it was signed, or after the ceremony.
    ReceivedOutOfOrder,
    /// Rule 1 (age) or rule 2 (ceremony deadline), as the admission rules word it.
    Admission(FieldViolation),
}

impl StepRefusal {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        use IntroducerRefusal as I;
        match self {
            Self::FileClosed(_) => "candidate_file_closed",
            Self::DateInFuture => "date_in_future",
            Self::BeforeIdentification => "before_identification",
            Self::OutOfOrder { .. } => "step_out_of_order",
            Self::AfterLaterStep { .. } => "step_after_later_step",
            Self::DateBeforeEarlierStep { .. } => "date_before_earlier_step",
            Self::AlreadyRecorded(_) => "step_already_recorded",
            Self::Introducer(I::NotOfficial) => "introducer_not_official",
            Self::Introducer(I::TooShortTogether { .. }) => "introducer_too_short_together",
            Self::Introducer(I::Left { .. }) => "introducer_left",
            Self::Introducer(I::Disciplined) => "introducer_disciplined",
            Self::Introducer(I::NothingToReplace) => "introducer_nothing_to_replace",
            Self::SameIntroducer => "introducer_repeated",
            Self::IntroductionsComplete => "introductions_complete",
            Self::NotUnionMember(_) => "not_union_member",
            Self::IntroductionsIncomplete { .. } => "introductions_incomplete",
            Self::YouthUnionIntroductionRequired => "youth_union_introduction_required",
            Self::CertificateExpired { .. } => "certificate_expired",
            Self::VoteInconsistent => "vote_inconsistent",
            Self::VoteUnderTwoThirds { .. } => "vote_under_two_thirds",
            Self::NoGrassrootsCommittee => "no_grassroots_committee",
            Self::NotCompetent(_) => "step_not_competent",
            Self::ExtensionAfterDeadline { .. } => "extension_after_deadline",
            Self::DecisionPastDeadline { .. } => "decision_past_deadline",
            Self::ReceivedOutOfOrder => "decision_received_out_of_order",
            Self::Admission(v) => v.violation.code,
        }
    }

    /// What is wrong, in Vietnamese.
    pub fn message(&self) -> String {
        use IntroducerRefusal as I;
        let day = |d: &NaiveDate| d.format("%d/%m/%Y").to_string();
        match self {
            Self::FileClosed(stage) => format!("Hồ sơ đã kết thúc ({})", stage.vi()),
            Self::DateInFuture => "Ngày không thể ở tương lai".into(),
            Self::BeforeIdentification => {
                "Ngày không thể trước ngày chi bộ xác định quần chúng ưu tú".into()
            }
            Self::OutOfOrder { needs } => format!("Cần có trước: {}", needs.vi()),
            Self::AfterLaterStep { later } => format!("Đã có bước sau: {}", later.vi()),
            Self::DateBeforeEarlierStep { earlier, on } => {
                format!("Ngày không thể trước {} ({})", earlier.vi(), day(on))
            }
            Self::AlreadyRecorded(kind) => format!("Đã có: {}", kind.vi()),
            Self::Introducer(I::NotOfficial) => {
                "Người giới thiệu phải là đảng viên chính thức".into()
            }
            Self::Introducer(I::TooShortTogether { months, needed }) => format!(
                "Người giới thiệu phải cùng công tác, học tập hoặc cư trú với người vào Đảng ít nhất {needed} tháng; mới {months} tháng"
            ),
            Self::Introducer(I::Left { on }) => {
                format!("Người giới thiệu đã chuyển đi hoặc ra khỏi Đảng ngày {}", day(on))
            }
            Self::Introducer(I::Disciplined) => {
                "Người giới thiệu đang chịu kỷ luật: chi bộ phân công đảng viên khác".into()
            }
            Self::Introducer(I::NothingToReplace) => {
                "Chưa có người giới thiệu nào chuyển đi hoặc bị kỷ luật để thay thế".into()
            }
            Self::SameIntroducer => "Đảng viên này đã giới thiệu người vào Đảng".into(),
            Self::IntroductionsComplete => "Đã đủ hai người (tổ chức) giới thiệu".into(),
            Self::NotUnionMember(kind) => {
                format!("Người vào Đảng không phải đoàn viên của tổ chức giới thiệu ({})", kind.vi())
            }
            Self::IntroductionsIncomplete { have } => format!(
                "Cần hai đảng viên chính thức giới thiệu (hoặc nghị quyết giới thiệu của Đoàn, Công đoàn và một đảng viên chính thức); hiện có {have}"
            ),
            Self::YouthUnionIntroductionRequired => {
                "Người vào Đảng trong độ tuổi thanh niên là đoàn viên: cần nghị quyết giới thiệu của Đoàn và một đảng viên chính thức".into()
            }
            Self::CertificateExpired { valid_until } => format!(
                "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng chỉ có giá trị đến {}: cần học lại",
                day(valid_until)
            ),
            Self::VoteInconsistent => "Số tán thành không thể lớn hơn số thành viên".into(),
            Self::VoteUnderTwoThirds { agreeing, needed, members } => format!(
                "Cần ít nhất hai phần ba ({needed}/{members}) tán thành; có {agreeing}"
            ),
            Self::NoGrassrootsCommittee => {
                "Chi bộ cơ sở đề nghị thẳng lên cấp ủy cấp trên: không có nghị quyết đảng ủy cơ sở".into()
            }
            Self::NotCompetent(super::StepLevel::Grassroots) => {
                "Bước này do đảng ủy cơ sở (hoặc cấp trên) ghi nhận".into()
            }
            Self::NotCompetent(_) => {
                "Bước này do cấp ủy có thẩm quyền kết nạp (cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng) ghi nhận".into()
            }
            Self::ExtensionAfterDeadline { deadline } => {
                format!("Chỉ gia hạn trong thời hạn (đến {})", day(deadline))
            }
            Self::DecisionPastDeadline { deadline } => format!(
                "Quá thời hạn xem xét, quyết định kết nạp ({}): ghi lý do chậm",
                day(deadline)
            ),
            Self::ReceivedOutOfOrder => {
                "Ngày chi bộ nhận quyết định phải từ ngày ký đến ngày lễ kết nạp".into()
            }
            Self::Admission(v) => v.violation.message.clone(),
        }
    }
}

impl From<StepRefusal> for Violation {
    fn from(r: StepRefusal) -> Self {
        Violation::new(r.code(), r.message())
    }
}
