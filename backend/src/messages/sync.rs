//! Sync packages between installations: opening, trusting, placing and applying them.

use std::fmt::Display;

use super::{text, Text};
use crate::domain::Violation;
use crate::error::AppError;

/// 409 `sync_key_missing`: this installation signs no packages.
pub fn key_missing() -> AppError {
    AppError::Conflict(
        "sync_key_missing",
        text!(
            "Cài đặt này chưa có khóa ký gói đồng bộ (QLDV_SYNC_KEY_FILE)",
            "This installation has no key to sign sync packages (QLDV_SYNC_KEY_FILE)"
        ),
    )
}

/// 400: a package that is not JSON of a package.
pub fn unreadable(why: impl Display) -> AppError {
    AppError::Malformed(text!(
        "Gói đồng bộ không đọc được: {why}",
        "The sync package does not read: {why}"
    ))
}

/// 400: a package whose signed content does not read.
pub fn content_unreadable(why: impl Display) -> AppError {
    AppError::Malformed(text!(
        "Nội dung gói không đọc được: {why}",
        "The package's content does not read: {why}"
    ))
}

/// 422 `sync_format_unknown`: the envelope's format.
pub fn format_unknown(format: &str) -> AppError {
    AppError::Rule(
        "sync_format_unknown",
        text!(
            "Gói đồng bộ định dạng '{format}' không được hỗ trợ",
            "Sync packages of the format '{format}' are not supported"
        ),
    )
}

/// 422 `sync_format_unknown`: the content's format.
pub fn content_format_unknown() -> AppError {
    AppError::Rule(
        "sync_format_unknown",
        text!(
            "Định dạng nội dung gói không được hỗ trợ",
            "The package content's format is not supported"
        ),
    )
}

/// 422 `sync_signature_invalid`: the package's public key.
pub fn key_invalid() -> AppError {
    signature_refused(text!(
        "Khóa công khai của gói không hợp lệ",
        "The package's public key is not valid"
    ))
}

/// 422 `sync_signature_invalid`: the signature does not decode.
pub fn signature_invalid() -> AppError {
    signature_refused(text!(
        "Chữ ký của gói không hợp lệ",
        "The package's signature is not valid"
    ))
}

/// 422 `sync_signature_invalid`: the signature does not match the content.
pub fn signature_mismatch() -> AppError {
    signature_refused(text!(
        "Chữ ký không khớp: gói đã bị sửa sau khi ký",
        "The signature does not match: the package was changed after signing"
    ))
}

fn signature_refused(t: Text) -> AppError {
    AppError::Rule("sync_signature_invalid", t)
}

/// 422 `sync_key_untrusted`.
pub fn key_untrusted() -> AppError {
    AppError::Rule(
        "sync_key_untrusted",
        text!(
            "Gói được ký bởi một cài đặt chưa được tin cậy: thêm khóa của nơi gửi trước (qldv sync trust)",
            "The package is signed by an installation not trusted: add the sender's key first (qldv sync trust)"
        ),
    )
}

/// 422 `sync_key_unbound`: a key trusted before keys were bound to an organisation.
pub fn key_unbound() -> AppError {
    AppError::Rule(
        "sync_key_unbound",
        text!(
            "Khóa của nơi gửi được tin cậy trước khi khóa gắn với một tổ chức: quản trị viên toàn quốc cần tin cậy lại khóa này kèm tổ chức (qldv sync trust --organization)",
            "The sender's key was trusted before keys were bound to an organisation: a national administrator trusts it again with its organisation (qldv sync trust --organization)"
        ),
    )
}

/// 403: a package of a subtree outside the caller's scope.
pub fn outside_scope() -> AppError {
    AppError::Forbidden(text!(
        "Gói thuộc phạm vi ngoài phạm vi của tài khoản",
        "The package belongs outside the account's scope"
    ))
}

/// 422 on `public_key`, `invalid_key`.
pub fn public_key_format() -> AppError {
    AppError::field(
        "public_key",
        "invalid_key",
        text!(
            "Khóa công khai phải là khóa Ed25519 (32 byte, base64)",
            "The public key is an Ed25519 key (32 bytes, base64)"
        ),
    )
}

/// 422 on `organization_id`, `required`: the subtree a trusted key writes.
pub fn key_organization_required() -> AppError {
    AppError::field(
        "organization_id",
        "required",
        text!(
            "Cần chỉ rõ tổ chức mà khóa này được ghi dữ liệu (cây tổ chức trực thuộc)",
            "Name the organisation whose subtree this key writes"
        ),
    )
}

/// A record held here newer than the package's.
pub fn newer_here(held: i64, package: i64) -> Text {
    text!(
        "Bản ghi ở đây (phiên bản {held}) mới hơn bản trong gói ({package}): giữ nguyên",
        "The record here (version {held}) is newer than the package's ({package}): kept"
    )
}

/// A record changed on both sides.
pub fn diverged(held: i64) -> Text {
    text!(
        "Bản ghi đã được sửa ở cả hai nơi (phiên bản {held}): cần đối chiếu",
        "The record was changed on both sides (version {held}): reconcile it"
    )
}

/// `sync_outside_subtree`: the key's organisation is not here yet.
pub fn key_organization_absent(id: impl Display) -> Violation {
    outside(text!(
        "Tổ chức {id} mà khóa ký đại diện chưa có ở đây: gói đầu tiên phải mang tổ chức đó",
        "The organisation {id} the signing key stands for is not here: the first package carries it"
    ))
}

/// `sync_outside_subtree`: an organisation neither here nor in the key's subtree.
pub fn organization_unknown(id: impl Display) -> Violation {
    outside(text!(
        "Gói nhắc tới tổ chức {id} không có ở đây và không nằm trong phạm vi của khóa ký",
        "The package names the organisation {id}, neither here nor in the signing key's scope"
    ))
}

/// `sync_outside_subtree`: a transfer of a member at neither of its ends.
pub fn transfer_elsewhere() -> Violation {
    outside(text!(
        "Giấy chuyển sinh hoạt của một đảng viên không ở nơi đi hay nơi đến",
        "A transfer of a member who is at neither of its ends"
    ))
}

/// `sync_outside_subtree`: a record of a member not here.
pub fn member_absent(entity: &str, id: impl Display) -> Violation {
    outside(text!(
        "Bản ghi {entity} {id} thuộc một đảng viên không có ở đây",
        "The record {entity} {id} belongs to a member who is not here"
    ))
}

/// `sync_outside_subtree`: a record carrying more than one row of a table.
pub fn rows_repeated(id: impl Display, table: &str) -> Violation {
    outside(text!(
        "Bản ghi {id} mang nhiều hơn một dòng {table}",
        "The record {id} carries more than one row of {table}"
    ))
}

fn outside(t: Text) -> Violation {
    Violation::new("sync_outside_subtree", t)
}

/// `date_order`: a member's dates that do not read.
pub fn dates_unreadable() -> Violation {
    Violation::new(
        "date_order",
        text!(
            "Ngày tháng trong hồ sơ không đọc được",
            "The record's dates do not read"
        ),
    )
}

/// The record a placement check names: an organisation.
pub fn organization(id: impl Display) -> Text {
    text!("tổ chức {id}", "organisation {id}")
}

/// The record a placement check names: a member.
pub fn member(id: impl Display) -> Text {
    text!("đảng viên {id}", "member {id}")
}

/// The record a placement check names: another record.
pub fn record(entity: &str, id: impl Display) -> Text {
    text!("bản ghi {entity} {id}", "record {entity} {id}")
}

/// 400: a package record without its own row.
pub fn record_without_row(id: impl Display) -> AppError {
    AppError::Malformed(text!(
        "Bản ghi {id} trong gói không có dòng dữ liệu",
        "Record {id} of the package has no row"
    ))
}

/// 400: a package record whose row names another id.
pub fn record_inconsistent(id: impl Display) -> AppError {
    AppError::Malformed(text!(
        "Bản ghi {id} trong gói không nhất quán",
        "Record {id} of the package is inconsistent"
    ))
}

/// The record a placement check names: a meeting.
pub fn meeting(id: impl Display) -> Text {
    text!("cuộc họp {id}", "meeting {id}")
}

/// The record a placement check names: a duty.
pub fn duty(id: impl Display) -> Text {
    text!("nhiệm vụ {id}", "duty {id}")
}

/// The record a placement check names: a residence liaison.
pub fn liaison(id: impl Display) -> Text {
    text!("giới thiệu nơi cư trú {id}", "residence liaison {id}")
}

/// The set a placement check names: a member's dues entries.
pub fn member_dues(id: impl Display) -> Text {
    text!(
        "mức đóng, miễn giảm và tạm hoãn đảng phí của đảng viên {id}",
        "dues bases, reliefs and arrangements of member {id}"
    )
}

/// The set a placement check names: a cell's dues sheet of a month (`yyyymm`).
pub fn sheet(org: impl Display, month: i32) -> Text {
    let (y, m) = (month / 100, month % 100);
    text!(
        "sổ thu đảng phí tháng {m:02}/{y} của tổ chức {org}",
        "the dues sheet of {y}-{m:02} of organisation {org}"
    )
}

/// A cell's-year set that could not be written here (reported; the rest applied).
pub fn set_refused(what: &Text, why: &Text) -> Text {
    let (vi, en) = (&what.vi, &what.en);
    let (why_vi, why_en) = (&why.vi, &why.en);
    text!(
        "Không ghi được {vi}: {why_vi}",
        "The {en} could not be written: {why_en}"
    )
}

/// A liaison whose residence organisation is not in this installation's tree.
pub fn residence_absent(what: &Text, residence: impl Display) -> Text {
    let (vi, en) = (&what.vi, &what.en);
    text!(
        "Không ghi {vi}: tổ chức nơi cư trú {residence} không có ở đây (thuộc cài đặt khác); giữ ở nơi gửi",
        "The {en}: the residence organisation {residence} is not here (another installation's); kept by the sender"
    )
}

/// Lines of a cell's-year set (attendance, payments) naming members not held here: left out.
pub fn lines_of_absent_members(what: &Text, n: usize) -> Text {
    let (vi, en) = (&what.vi, &what.en);
    text!(
        "Trong {vi}: {n} dòng của đảng viên không có ở đây (đã chuyển đi) không được ghi",
        "The {en}: {n} lines of members not here (moved away) were not written"
    )
}
