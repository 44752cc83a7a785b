//! The catalogue of the messages a person reads when a request is refused: each written once,
//! beside its stable code and its HTTP meaning (the [`AppError`] variant).
//!
//! Services and models name a refusal here instead of spelling its Vietnamese text, so a message
//! is corrected in one place and cannot drift from its code. A refusal of a pure rule in
//! `domain/` is turned into its message here too (the `From` conversions below). Rule violations
//! that carry their own text ([`crate::domain::Violation`]) keep it beside their code in the
//! rule's function.

use crate::domain::{admission, evaluation, transfer};
use crate::error::AppError;

pub mod candidates;
pub mod cases;

impl From<admission::RecognitionRefused> for AppError {
    fn from(_: admission::RecognitionRefused) -> Self {
        cases::recognition_refused()
    }
}

/// Members.
pub mod members {
    use super::AppError;

    /// 409 `not_probationary`: only a probationary member is recognised (rule 3).
    pub fn not_probationary() -> AppError {
        AppError::Conflict(
            "not_probationary",
            "Chỉ công nhận chính thức cho đảng viên dự bị".into(),
        )
    }

    /// 409 `member_not_active`: the member has left (exited or deceased).
    pub fn not_active() -> AppError {
        AppError::Conflict("member_not_active", "Đảng viên không còn sinh hoạt".into())
    }
}

impl From<admission::NotProbationary> for AppError {
    fn from(_: admission::NotProbationary) -> Self {
        members::not_probationary()
    }
}

/// Discipline, exits, re-admission, and periods away or exempt (rules 10–13).
pub mod movements {
    use super::AppError;

    /// 404: no such discipline decision of the member.
    pub fn discipline_not_found() -> AppError {
        AppError::not_found("quyết định kỷ luật")
    }

    /// 422 on `on`, `date_order`: a complaint or re-offence follows the decision.
    pub fn held_before_decision() -> AppError {
        AppError::field(
            "on",
            "date_order",
            "Ngày ghi nhận phải sau ngày quyết định kỷ luật",
        )
    }

    /// 422 on `kind`, `invalid`: what holds a discipline.
    pub fn hold_kind_invalid() -> AppError {
        AppError::field("kind", "invalid", "kind là 'complaint' hoặc 'reoffence'")
    }

    /// 409 `member_not_exited`: only a former member is re-admitted.
    pub fn not_exited() -> AppError {
        AppError::Conflict(
            "member_not_exited",
            "Chỉ kết nạp lại người đã ra khỏi Đảng".into(),
        )
    }

    /// 422 on `ceremony_on`, `date_order`.
    pub fn ceremony_before_decision() -> AppError {
        AppError::field(
            "ceremony_on",
            "date_order",
            "Lễ kết nạp không thể trước ngày quyết định",
        )
    }

    /// 422 on `to`, `date_order`: a period ends after it starts.
    pub fn period_ends_before_start() -> AppError {
        AppError::field("to", "date_order", "Ngày kết thúc phải sau ngày bắt đầu")
    }

    /// 422 on `place`, `required`: where a member works away.
    pub fn absence_place_required() -> AppError {
        AppError::field("place", "required", "Nhập nơi đi làm ăn xa")
    }
}

pub mod transfers;

impl From<transfer::Refusal> for AppError {
    fn from(r: transfer::Refusal) -> Self {
        use transfer::{Decision, Refusal};
        match r {
            Refusal::WrongSide(Decision::Accept) => transfers::accept_by_receiver_only(),
            Refusal::WrongSide(Decision::Reject) => transfers::reject_by_receiver_only(),
            Refusal::WrongSide(Decision::Cancel) => transfers::cancel_by_sender_only(),
            Refusal::NotPending => transfers::not_pending(),
            Refusal::AlreadyPending => transfers::already_pending(),
        }
    }
}

/// Yearly ratings and their rounds (rules 14–16).
pub mod evaluations {
    use super::AppError;

    /// 409 `round_closed`: the round of `year` is closed; nothing of it changes.
    pub fn round_closed(year: i32) -> AppError {
        AppError::Conflict(
            "round_closed",
            format!("Đợt đánh giá năm {year} đã khóa sổ: không sửa được"),
        )
    }

    /// 409 `round_open`: only a closed round is reopened.
    pub fn round_open(year: i32) -> AppError {
        AppError::Conflict(
            "round_open",
            format!("Đợt đánh giá năm {year} chưa khóa sổ"),
        )
    }

    /// 422 `not_grassroots`: rounds are closed by grassroots organisation, naming the one.
    pub fn close_at_grassroots(name: &str, id: i64) -> AppError {
        AppError::Rule(
            "not_grassroots",
            format!("Khóa sổ đánh giá theo tổ chức cơ sở đảng: {name} (mã {id})"),
        )
    }

    /// 422 on `year`, `range`.
    pub fn year_range(last: i32) -> AppError {
        AppError::field("year", "range", format!("Năm đánh giá từ 1930 đến {last}"))
    }
}

/// A round's refusal as the catalogue's message: the year of the round, and the grassroots
/// organisation it belongs to (named when the caller asked of another organisation).
pub fn round_refused(
    r: evaluation::RoundRefusal,
    year: i32,
    grassroots: (&str, qldv_api_types::OrgId),
) -> AppError {
    use evaluation::RoundRefusal;
    match r {
        RoundRefusal::NotGrassroots => {
            evaluations::close_at_grassroots(grassroots.0, grassroots.1 .0)
        }
        RoundRefusal::Closed => evaluations::round_closed(year),
        RoundRefusal::NotClosed => evaluations::round_open(year),
        RoundRefusal::Quota(v) => v.into(),
    }
}

/// Party badges (rules 18–20).
pub mod badges {
    use super::AppError;

    /// 404: the proposal does not exist or its member is outside the scope.
    pub fn proposal_not_found() -> AppError {
        AppError::not_found("đề nghị tặng Huy hiệu")
    }

    /// 403: badges are awarded by the provincial standing committee.
    pub fn provincial_only() -> AppError {
        AppError::Forbidden(
            "Huy hiệu Đảng do ban thường vụ tỉnh ủy, thành ủy (hoặc cấp tương đương) quyết định"
                .into(),
        )
    }

    /// 409 `already_held`: the member has that milestone's badge.
    pub fn already_held(milestone: u32) -> AppError {
        AppError::Conflict(
            "already_held",
            format!("Đảng viên đã nhận Huy hiệu {milestone} năm tuổi Đảng"),
        )
    }

    /// 409 `already_proposed`: a proposal of that milestone is open for the member.
    pub fn already_proposed(milestone: u32) -> AppError {
        AppError::Conflict(
            "already_proposed",
            format!("Đảng viên đã được đề nghị Huy hiệu {milestone} năm"),
        )
    }

    /// 409 `proposal_decided`: the proposal was approved or rejected already.
    pub fn proposal_decided(id: qldv_api_types::ProposalId) -> AppError {
        AppError::Conflict(
            "proposal_decided",
            format!("Đề nghị số {id} đã được xét trước đó"),
        )
    }

    /// 409 `already_exists`: the organisation recorded that special occasion already.
    pub fn occasion_recorded() -> AppError {
        AppError::Conflict(
            "already_exists",
            "Dịp xét tặng Huy hiệu này đã được ghi nhận cho tổ chức".into(),
        )
    }

    /// 422 `not_an_occasion`: a special occasion is recorded only for a date other than the four
    /// anniversaries.
    pub fn occasion_is_fixed() -> AppError {
        AppError::Rule(
            "not_an_occasion",
            "Các ngày 3/2, 19/5, 2/9, 7/11 là dịp xét tặng hằng năm, không cần ghi nhận".into(),
        )
    }

    /// 404: no such discipline decision of the member.
    pub fn discipline_not_found() -> AppError {
        AppError::not_found("quyết định kỷ luật")
    }

    /// 409 `already_exists`: the remedy of that discipline is recorded already.
    pub fn remedy_recorded() -> AppError {
        AppError::Conflict(
            "already_exists",
            "Đã ghi nhận chi bộ công nhận sửa chữa khuyết điểm cho quyết định kỷ luật này".into(),
        )
    }

    /// 422 `date_order`: the remedy is recognised after the discipline decision.
    pub fn remedy_before_decision() -> AppError {
        AppError::Rule(
            "date_order",
            "Ngày chi bộ công nhận sửa chữa khuyết điểm phải từ ngày quyết định kỷ luật".into(),
        )
    }
}

/// Party cards (rule 17).
pub mod cards {
    use super::AppError;

    /// 404: the card does not exist or its member is outside the scope.
    pub fn not_found() -> AppError {
        AppError::not_found("thẻ đảng viên")
    }

    /// 403: cards are issued by the level above the member's grassroots organisation.
    pub fn superior_only() -> AppError {
        AppError::Forbidden(
            "Thẻ đảng viên do cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng cấp".into(),
        )
    }

    /// 409 `card_number_taken`.
    pub fn number_taken(number: &str) -> AppError {
        AppError::Conflict("card_number_taken", format!("Số thẻ {number} đã được dùng"))
    }

    /// 409 `card_numbers_exhausted`: every number of the format is used.
    pub fn numbers_exhausted(digits: u32) -> AppError {
        AppError::Conflict(
            "card_numbers_exhausted",
            format!("Đã hết số thẻ {digits} chữ số; cập nhật định dạng số thẻ"),
        )
    }

    /// 409 `card_already_active`: the member has a valid card; reissue it instead.
    pub fn already_active() -> AppError {
        AppError::Conflict(
            "card_already_active",
            "Đảng viên đang có thẻ còn hiệu lực: dùng cấp lại".into(),
        )
    }

    /// 409 `card_not_active`: the card was voided, revoked or replaced.
    pub fn not_active() -> AppError {
        AppError::Conflict(
            "card_not_active",
            "Thẻ không còn hiệu lực (đã hủy, thu hồi hoặc cấp lại)".into(),
        )
    }

    /// 422 on `issued_on`, `date_order`: a card is issued once the member is official.
    pub fn issued_before_official() -> AppError {
        AppError::field(
            "issued_on",
            "date_order",
            "Ngày cấp thẻ phải từ ngày công nhận đảng viên chính thức",
        )
    }

    /// 422 on `issued_on`, `date_order`: a reissue comes after the old card.
    pub fn reissued_before_old() -> AppError {
        AppError::field(
            "issued_on",
            "date_order",
            "Ngày cấp lại phải sau ngày cấp thẻ cũ",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::ResponseError;

    #[test]
    fn each_transfer_refusal_has_its_status_and_code() {
        use transfer::{Decision, Refusal};
        let cases = [
            (Refusal::WrongSide(Decision::Accept), 403, "forbidden"),
            (Refusal::WrongSide(Decision::Reject), 403, "forbidden"),
            (Refusal::WrongSide(Decision::Cancel), 403, "forbidden"),
            (Refusal::NotPending, 409, "transfer_not_pending"),
            (Refusal::AlreadyPending, 409, "transfer_pending"),
        ];
        for (r, status, code) in cases {
            let e = AppError::from(r);
            assert_eq!((e.status_code().as_u16(), e.code()), (status, code));
        }
    }

    #[test]
    fn each_round_refusal_has_its_status_and_code() {
        use evaluation::RoundRefusal;
        let quota = crate::domain::Violation::new("quota_exceeded", "x");
        let cases = [
            (RoundRefusal::NotGrassroots, 422, "not_grassroots"),
            (RoundRefusal::Closed, 409, "round_closed"),
            (RoundRefusal::NotClosed, 409, "round_open"),
            (RoundRefusal::Quota(quota), 422, "quota_exceeded"),
        ];
        for (r, status, code) in cases {
            let e = round_refused(r, 2025, ("Đảng ủy xã A", qldv_api_types::OrgId(7)));
            assert_eq!((e.status_code().as_u16(), e.code()), (status, code));
        }
        let named = round_refused(
            RoundRefusal::NotGrassroots,
            2025,
            ("Đảng ủy xã A", qldv_api_types::OrgId(7)),
        );
        assert!(named.problem().detail.contains("Đảng ủy xã A (mã 7)"));
    }
}

pub mod interruptions;

pub mod regulations;

pub mod entry;

pub mod text;
pub(crate) use text::text;
pub use text::Text;

pub mod accounts;
pub mod alerts;
pub mod imports;
pub mod organizations;
pub mod records;
pub mod requests;
pub mod sync;
pub mod targets;
