//! The residence liaison (213-QĐ/TW, rule 39): the one place a refusal becomes an
//! [`AppError`], in Vietnamese and English, and the alert's text.

use chrono::NaiveDate;

use super::{text, Text};
use crate::domain::cell_year::liaison::LiaisonRefusal as R;
use crate::error::AppError;

/// 404: no such liaison for the caller (out of its scope, or not its side of the liaison).
pub fn not_found() -> AppError {
    AppError::not_found(super::Thing::Liaison)
}

/// 422 on `residence_org_id`, `not_found`: no such organisation (in any province).
pub fn residence_not_found() -> AppError {
    AppError::field(
        "residence_org_id",
        "not_found",
        text!(
            "Không tìm thấy tổ chức đảng nơi cư trú",
            "No such party organisation of residence"
        ),
    )
}

/// The refusal as an error with its catalogued code.
pub fn refused(r: R) -> AppError {
    match r {
        R::ResidenceNotACell => AppError::field(
            "residence_org_id",
            "not_a_cell",
            text!(
                "Nơi cư trú phải là chi bộ hoặc đảng bộ cơ sở đang hoạt động",
                "The residence must be an open cell or grassroots organisation"
            ),
        ),
        R::DateInFuture => AppError::Rule(
            "date_in_future",
            text!(
                "Ngày không được sau ngày hôm nay",
                "The date cannot be after today"
            ),
        ),
        R::EndsBeforeIntroduced => AppError::Rule(
            "date_order",
            text!(
                "Ngày kết thúc không được trước ngày giới thiệu",
                "The end cannot precede the introduction"
            ),
        ),
        R::AlreadyOpen => AppError::Conflict(
            "liaison_open",
            text!(
                "Đảng viên đang được giới thiệu về một nơi cư trú khác: kết thúc mối liên hệ đó trước",
                "The member is already introduced to a place of residence: end that liaison first"
            ),
        ),
        R::AlreadyEnded => AppError::Conflict(
            "liaison_ended",
            text!(
                "Mối liên hệ với nơi cư trú đã kết thúc",
                "The residence liaison is already ended"
            ),
        ),
        R::NotRunning => AppError::Rule(
            "liaison_not_running",
            text!(
                "Năm này đảng viên không giữ mối liên hệ với nơi cư trú, hoặc chưa đến năm này",
                "The liaison did not run that year, or the year is still to come"
            ),
        ),
    }
}

/// The alert: the residence cell's comment of `year` is missing and the round opened.
pub fn comment_missing(year: i32, residence: &str, opened: NaiveDate) -> Text {
    let on = opened.format("%d/%m/%Y");
    text!(
        "Chưa có nhận xét năm {year} của {residence} nơi đảng viên cư trú (đợt đánh giá đã bắt \
         đầu ngày {on}): đề nghị chi ủy nơi cư trú gửi nhận xét",
        "No {year} comment yet from {residence}, where the member lives (the evaluation round \
         began on {on}): ask the residence cell for it"
    )
}

/// 422 on `text`, `required`: a comment of blanks only.
pub fn empty_comment() -> AppError {
    AppError::field(
        "text",
        "required",
        text!(
            "Nhận xét không được để trống",
            "The comment cannot be blank"
        ),
    )
}
