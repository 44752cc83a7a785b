//! The catalogue of the messages a person reads when a request is refused: each written once,
//! beside its stable code and its HTTP meaning (the [`AppError`] variant), in Vietnamese and
//! English ([`Text`], built with `text!(vi, en)`).
//!
//! ## Where a message is worded (the convention)
//! - A refusal decided by services, models or routes is a function of this catalogue, in the
//!   module of its area (`messages::transfers`, `messages::accounts`…), returning an [`AppError`]
//!   whose every text is `text!(vi, en)`. Callers name the function, never spell the words.
//! - A refusal of a pure rule in `domain/` ([`crate::domain::Violation`], or a refusal enum) is
//!   worded beside the rule, as `text!(vi, en)` passed to `Violation::new`, so the rule and its
//!   words are read together; a refusal enum without words is turned into its message here (the
//!   `From` conversions below).
//! - A 404 names its record by a [`Thing`], a small vocabulary of nouns in both languages.
//! - Texts that are stored (the reason on a transfer row, an alert's message) are built the same
//!   way; the caller keeps `.vi` for the stored copy.
//!
//! Which language is served is chosen per request from `Accept-Language` ([`lang`]). A test
//! (`guards`) keeps Vietnamese literals out of every other file but the allow-listed ones.

use crate::domain::{admission, evaluation, transfer};
use crate::error::AppError;

pub mod candidates;
pub mod cases;
pub mod dues;
pub mod lang;
pub mod meetings;
pub mod things;
pub use things::Thing;

impl From<admission::RecognitionRefused> for AppError {
    fn from(_: admission::RecognitionRefused) -> Self {
        cases::recognition_refused()
    }
}

/// Members.
pub mod members {
    use super::{text, AppError};

    /// 409 `not_probationary`: only a probationary member is recognised (rule 3).
    pub fn not_probationary() -> AppError {
        AppError::Conflict(
            "not_probationary",
            text!(
                "Chỉ công nhận chính thức cho đảng viên dự bị",
                "Only a probationary member is recognised as official"
            ),
        )
    }

    /// 409 `member_not_active`: the member has left (exited or deceased).
    pub fn not_active() -> AppError {
        AppError::Conflict(
            "member_not_active",
            text!(
                "Đảng viên không còn sinh hoạt",
                "The member is no longer active"
            ),
        )
    }
}

impl From<admission::NotProbationary> for AppError {
    fn from(_: admission::NotProbationary) -> Self {
        members::not_probationary()
    }
}

/// Discipline, exits, re-admission, and periods away or exempt (rules 10–13).
pub mod movements {
    use super::{text, AppError};

    /// 404: no such discipline decision of the member.
    pub fn discipline_not_found() -> AppError {
        AppError::not_found(super::Thing::Discipline)
    }

    /// 422 on `on`, `date_order`: a complaint or re-offence follows the decision.
    pub fn held_before_decision() -> AppError {
        AppError::field(
            "on",
            "date_order",
            text!(
                "Ngày ghi nhận phải sau ngày quyết định kỷ luật",
                "The date recorded must follow the discipline decision"
            ),
        )
    }

    /// 422 on `kind`, `invalid`: what holds a discipline.
    pub fn hold_kind_invalid() -> AppError {
        AppError::field(
            "kind",
            "invalid",
            text!(
                "kind là 'complaint' hoặc 'reoffence'",
                "kind is 'complaint' or 'reoffence'"
            ),
        )
    }

    /// 409 `member_not_exited`: only a former member is re-admitted.
    pub fn not_exited() -> AppError {
        AppError::Conflict(
            "member_not_exited",
            text!(
                "Chỉ kết nạp lại người đã ra khỏi Đảng",
                "Only a person who has left the Party is re-admitted"
            ),
        )
    }

    /// 422 on `ceremony_on`, `date_order`.
    pub fn ceremony_before_decision() -> AppError {
        AppError::field(
            "ceremony_on",
            "date_order",
            text!(
                "Lễ kết nạp không thể trước ngày quyết định",
                "The admission ceremony cannot precede the decision"
            ),
        )
    }

    /// 422 on `to`, `date_order`: a period ends after it starts.
    pub fn period_ends_before_start() -> AppError {
        AppError::field(
            "to",
            "date_order",
            text!(
                "Ngày kết thúc phải sau ngày bắt đầu",
                "The end date must follow the start date"
            ),
        )
    }

    /// 422 on `place`, `required`: where a member works away.
    pub fn absence_place_required() -> AppError {
        AppError::field(
            "place",
            "required",
            text!("Nhập nơi đi làm ăn xa", "Enter where the member works away"),
        )
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
    use super::{text, AppError};

    /// 409 `round_closed`: the round of `year` is closed; nothing of it changes.
    pub fn round_closed(year: i32) -> AppError {
        AppError::Conflict(
            "round_closed",
            text!(
                "Đợt đánh giá năm {year} đã khóa sổ: không sửa được",
                "The {year} rating round is closed: nothing of it changes"
            ),
        )
    }

    /// 409 `round_open`: only a closed round is reopened.
    pub fn round_open(year: i32) -> AppError {
        AppError::Conflict(
            "round_open",
            text!(
                "Đợt đánh giá năm {year} chưa khóa sổ",
                "The {year} rating round is not closed"
            ),
        )
    }

    /// 422 `not_grassroots`: rounds are closed by grassroots organisation, naming the one.
    pub fn close_at_grassroots(name: &str, id: i64) -> AppError {
        AppError::Rule(
            "not_grassroots",
            text!(
                "Khóa sổ đánh giá theo tổ chức cơ sở đảng: {name} (mã {id})",
                "Rating rounds are closed per grassroots party organisation: {name} (id {id})"
            ),
        )
    }

    /// 422 on `year`, `range`.
    pub fn year_range(last: i32) -> AppError {
        AppError::field(
            "year",
            "range",
            text!(
                "Năm đánh giá từ 1930 đến {last}",
                "The rating year is from 1930 to {last}"
            ),
        )
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

pub mod badges;

pub mod cards;

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
        let quota = crate::domain::Violation::new("quota_exceeded", text!("x", "y"));
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
pub mod liaisons;
pub mod organizations;
pub mod records;
pub mod reports;
pub mod requests;
pub mod sync;
pub mod targets;

#[cfg(test)]
mod guards;
