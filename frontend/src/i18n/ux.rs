//! Labels of the clerk's aids: typed dates, the organisation search, confirmations, the menu,
//! breadcrumbs, empty states that say what to do next, and the sentences of confirmations.

use super::Lang;

/// A label of the clerk's aids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ux {
    /// Placeholder of a date input.
    DatePattern,
    /// A date is needed.
    DateEmpty,
    /// Not day/month/year.
    DateMalformed,
    /// A day the calendar lacks.
    DateNoSuchDay,
    /// A year out of range.
    DateYear,
    /// The organisation search box.
    FindOrganization,
    /// The organisation search found nothing.
    NoOrganizationMatches,
    /// Title of a confirmation dialog.
    ConfirmTitle,
    /// The confirming button.
    Confirm,
    /// The button that backs out of a confirmation.
    GoBack,
    /// The menu button of a narrow screen.
    Menu,
    /// The breadcrumbs' landmark.
    WhereAmI,
    /// The member list is empty.
    NoMembersNext,
    /// The member list of an organisation is empty.
    NoMembersHereNext,
    /// No alerts.
    NoAlertsNext,
    /// An evaluation list with nobody to rate.
    NoOneToRate,
    /// No pending incoming transfer.
    NoIncomingNext,
    /// No pending outgoing transfer.
    NoOutgoingNext,
    /// Column of alerts: what it is about.
    AlertAbout,
    /// Column of alerts: what clears it.
    AlertAction,
    /// Action of an overdue recognition.
    ActRecognize,
    /// Action of a transfer not received.
    ActTransferInbox,
    /// Action of working away too long.
    ActAway,
    /// Action of a lapsing discipline.
    ActDiscipline,
    /// Action of an expired temporary transfer.
    ActTemporary,
    /// Record a name removal (rules 4 and 23).
    ActRemoval,
    /// Open a candidate's admission file.
    ActCandidate,
    /// Open the cell's month (meetings, duties, dues).
    ActCellMonth,
    /// Open the evaluation round (a residence comment missing).
    ActEvaluation,
    /// The member form, to print.
    PrintMemberForm,
    /// A report, to print.
    PrintReport,
    /// The score input of an evaluation.
    ScoreHint,
    /// Where the admission form goes.
    AdmitHere,
}

impl Lang {
    /// The label of a clerk's aid in this language.
    pub fn ux(self, key: Ux) -> &'static str {
        let (vi, en) = pair(key);
        match self {
            Self::Vi => vi,
            Self::En => en,
        }
    }
}

fn pair(key: Ux) -> (&'static str, &'static str) {
    use Ux::*;
    match key {
        DatePattern => ("ngày/tháng/năm", "dd/mm/yyyy"),
        DateEmpty => ("Nhập ngày (ngày/tháng/năm).", "Enter a date (dd/mm/yyyy)."),
        DateMalformed => (
            "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 20/03/2025.",
            "Type the date as day/month/year, e.g. 20/03/2025.",
        ),
        DateNoSuchDay => (
            "Không có ngày này trong lịch (ví dụ 31/02).",
            "There is no such day in the calendar (e.g. 31/02).",
        ),
        DateYear => (
            "Năm gồm 4 chữ số, từ 1900 đến 2100.",
            "The year has four digits, 1900 to 2100.",
        ),
        FindOrganization => ("Tìm tổ chức theo tên", "Find an organisation by name"),
        NoOrganizationMatches => (
            "Không có tổ chức nào có tên như vậy trong phạm vi quản lý.",
            "No organisation of your scope has that name.",
        ),
        ConfirmTitle => ("Xác nhận trước khi thực hiện", "Confirm before it is done"),
        Confirm => ("Xác nhận", "Confirm"),
        GoBack => ("Xem lại", "Go back"),
        Menu => ("Danh mục", "Menu"),
        WhereAmI => ("Vị trí trong cây tổ chức", "Where you are in the tree"),
        NoMembersNext => (
            "Không có đảng viên nào phù hợp. Bỏ bớt điều kiện tìm kiếm, hoặc kết nạp / nhập hồ sơ đảng viên mới.",
            "No matching members. Clear the search or the status, or admit / enter a member.",
        ),
        NoMembersHereNext => (
            "Tổ chức này chưa có đảng viên. Nhập hồ sơ đảng viên đang sinh hoạt ở đây, hoặc nhập cả danh sách từ tệp Excel.",
            "This organisation has no members yet. Enter the members registered here, or import the list from a spreadsheet.",
        ),
        NoAlertsNext => (
            "Không có việc quá hạn hay sắp đến hạn. Khi có, cảnh báo hiện ở đây kèm việc cần làm.",
            "Nothing overdue or due soon. Alerts show here with what to do.",
        ),
        NoOneToRate => (
            "Không có đảng viên phải đánh giá trong năm này. Chọn tổ chức khác hoặc năm khác.",
            "Nobody to rate this year here. Choose another organisation or year.",
        ),
        NoIncomingNext => (
            "Không có hồ sơ nào chờ tiếp nhận. Giấy giới thiệu chuyển đến sẽ hiện ở đây.",
            "Nothing waiting to be received. Incoming transfers show here.",
        ),
        NoOutgoingNext => (
            "Không có hồ sơ nào đang chờ nơi đến tiếp nhận. Giới thiệu chuyển sinh hoạt từ trang của đảng viên.",
            "Nothing waiting at the receiver. Issue a transfer from the member's page.",
        ),
        AlertAbout => ("Nội dung", "About"),
        AlertAction => ("Việc cần làm", "To do"),
        ActRecognize => ("Xét công nhận chính thức", "Decide the recognition"),
        ActTransferInbox => ("Xem chuyển sinh hoạt", "Open the transfers"),
        ActAway => ("Xem hồ sơ, lịch sử", "Open the history"),
        ActDiscipline => ("Xem kỷ luật", "Open the discipline"),
        ActTemporary => ("Xem chuyển sinh hoạt tạm thời", "Open the temporary transfer"),
        ActRemoval => ("Xem xét xóa tên", "Consider the name removal"),
        ActCandidate => ("Xem hồ sơ kết nạp", "Open the admission file"),
        ActCellMonth => ("Mở sinh hoạt chi bộ", "Open the cell's month"),
        ActEvaluation => ("Mở đợt đánh giá", "Open the evaluation round"),
        PrintMemberForm => ("In phiếu đảng viên", "Print the member form"),
        PrintReport => ("Bản in", "Print view"),
        ScoreHint => ("Điểm (0–100)", "Score (0–100)"),
        AdmitHere => ("Nhập hồ sơ đảng viên", "Enter a member"),
    }
}

/// What a transfer will do, named in full before it is issued.
pub fn confirm_transfer(lang: Lang, official: bool, name: &str, from: &str, to: &str) -> String {
    match (lang, official) {
        (Lang::Vi, true) => {
            format!("Chuyển sinh hoạt chính thức đảng viên {name} từ {from} đến {to}?")
        }
        (Lang::Vi, false) => {
            format!("Chuyển sinh hoạt tạm thời đảng viên {name} từ {from} đến {to}?")
        }
        (Lang::En, true) => format!("Transfer member {name} officially from {from} to {to}?"),
        (Lang::En, false) => {
            format!("Transfer member {name} temporarily from {from} to {to}?")
        }
    }
}

/// What accepting a transfer will do: the member joins the receiving organisation.
pub fn confirm_accept(lang: Lang, name: &str, from: &str, to: &str, received_on: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Tiếp nhận đảng viên {name} chuyển từ {from} về {to}, ngày nhận {received_on}? Đảng viên sinh hoạt tại {to} từ ngày này."
        ),
        Lang::En => format!(
            "Accept member {name} from {from} into {to}, received on {received_on}? The member belongs to {to} from that day."
        ),
    }
}

/// What rejecting a transfer will do: the paper goes back, the member stays where they were.
pub fn confirm_reject(lang: Lang, name: &str, from: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Từ chối tiếp nhận đảng viên {name} chuyển từ {from}? Giấy giới thiệu bị trả lại, đảng viên vẫn sinh hoạt tại {from}."
        ),
        Lang::En => format!(
            "Reject the transfer of member {name} from {from}? The paper is returned and the member stays in {from}."
        ),
    }
}

/// What cancelling a transfer will do: the paper is withdrawn before it is received.
pub fn confirm_cancel(lang: Lang, name: &str, from: &str, to: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Hủy giấy giới thiệu chuyển sinh hoạt của đảng viên {name} đến {to}? Đảng viên vẫn sinh hoạt tại {from}."
        ),
        Lang::En => format!(
            "Cancel the transfer of member {name} to {to}? The member stays in {from}."
        ),
    }
}

/// What recognition will do (the form has no choice: `_choice` is empty).
pub fn confirm_recognition(lang: Lang, _choice: &str, name: &str, org: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Công nhận đảng viên {name} ({org}) là đảng viên chính thức? Hồ sơ chuyển sang trạng thái chính thức."
        ),
        Lang::En => format!(
            "Recognise member {name} ({org}) as an official member? The record becomes an official one."
        ),
    }
}

/// What re-admission will do (the form has no choice: `_choice` is empty).
pub fn confirm_readmission(lang: Lang, _choice: &str, name: &str, org: &str) -> String {
    match lang {
        Lang::Vi => {
            format!("Kết nạp lại đảng viên {name} ({org})? Hồ sơ trở lại trạng thái dự bị.")
        }
        Lang::En => {
            format!("Re-admit member {name} ({org})? The record becomes a probationary one again.")
        }
    }
}

/// The label with its first letter in lower case, to sit inside a sentence ("Xin ra khỏi Đảng"
/// → "xin ra khỏi Đảng": the capital of Đảng stays).
fn lower_first(label: &str) -> String {
    let mut c = label.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// What a discipline will do: the form (already a label) and the member.
pub fn confirm_discipline(lang: Lang, form: &str, name: &str, org: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Thi hành kỷ luật {} đối với đảng viên {name} ({org})?",
            lower_first(form)
        ),
        Lang::En => format!(
            "Discipline member {name} ({org}) with a {}?",
            lower_first(form)
        ),
    }
}

/// What an exit will do: the reason (already a label) and the member.
pub fn confirm_exit(lang: Lang, reason: &str, name: &str, org: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Ghi nhận đảng viên {name} ({org}) ra khỏi Đảng — {}? Hồ sơ chuyển sang trạng thái đã ra khỏi Đảng.",
            lower_first(reason)
        ),
        Lang::En => format!(
            "Record that member {name} ({org}) left the party — {}? The record becomes an exited one.",
            lower_first(reason)
        ),
    }
}

/// What issuing a party card will do: the member, the decision and the day of issue.
pub fn confirm_card_issue(lang: Lang, name: &str, org: &str, decision: &str, on: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Cấp thẻ đảng viên cho đảng viên {name} ({org}), quyết định số {decision}, ngày cấp {on}?"
        ),
        Lang::En => format!(
            "Issue a party card to member {name} ({org}), decision no. {decision}, issued on {on}?"
        ),
    }
}

/// What reissuing a card will do: the reason (already a label), and the card in use is replaced.
pub fn confirm_card_reissue(
    lang: Lang,
    reason: &str,
    (name, org): (&str, &str),
    decision: &str,
    on: &str,
) -> String {
    let reason = lower_first(reason);
    match lang {
        Lang::Vi => format!(
            "Cấp lại thẻ đảng viên cho đảng viên {name} ({org}), lý do: {reason}, quyết định số {decision}, ngày cấp {on}? Thẻ đang sử dụng chuyển sang đã cấp lại."
        ),
        Lang::En => format!(
            "Reissue the party card of member {name} ({org}), reason: {reason}, decision no. {decision}, issued on {on}? The card in use becomes a reissued one."
        ),
    }
}

/// What approving badge proposals will do: the members named, under one decision.
pub fn confirm_badge_award(lang: Lang, names: &[String], decision: &str) -> String {
    let (n, names) = (names.len(), names.join(", "));
    match lang {
        Lang::Vi => format!(
            "Quyết định tặng Huy hiệu Đảng cho {n} đảng viên ({names}), quyết định số {decision}? Các đề nghị được duyệt."
        ),
        Lang::En => format!(
            "Award the Party badge to {n} member(s) ({names}), decision no. {decision}? The proposals are approved."
        ),
    }
}

/// An organisation named by id when its name is not at hand (outside the caller's scope).
pub fn org_by_id(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Vi => format!("tổ chức đảng mã {id}"),
        Lang::En => format!("organisation #{id}"),
    }
}

/// What recording the superior committee's decision will do: the candidate is admitted, the
/// ceremony becomes due.
pub fn confirm_decision(lang: Lang, name: &str, org: &str, no: &str, on: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Ghi nhận quyết định kết nạp số {no} ngày {on} cho quần chúng {name} ({org})? Chi bộ phải tổ chức lễ kết nạp trong 30 ngày làm việc kể từ khi nhận quyết định."
        ),
        Lang::En => format!(
            "Record admission decision {no} of {on} for candidate {name} ({org})? The cell must hold the ceremony within 30 working days of receiving it."
        ),
    }
}

/// What recording a refusal will do: the file closes without an admission.
pub fn confirm_refusal(lang: Lang, name: &str, org: &str, on: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Ghi nhận cấp ủy không đồng ý kết nạp quần chúng {name} ({org}) ngày {on}? Hồ sơ sẽ đóng, không kết nạp."
        ),
        Lang::En => format!(
            "Record that the committee refused to admit candidate {name} ({org}) on {on}? The file closes without an admission."
        ),
    }
}

/// What recording the ceremony will do: the same record becomes a probationary member.
pub fn confirm_ceremony(lang: Lang, name: &str, org: &str, on: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Ghi nhận lễ kết nạp quần chúng {name} ({org}) ngày {on}? Hồ sơ trở thành đảng viên dự bị, mọi ngày tháng được giữ nguyên; bước này không hoàn tác được."
        ),
        Lang::En => format!(
            "Record the admission ceremony of candidate {name} ({org}) on {on}? The record becomes a probationary member with every date carried over; this cannot be undone."
        ),
    }
}

/// What dropping a candidate will do: the file closes with the reason (already a label).
pub fn confirm_drop(lang: Lang, name: &str, org: &str, reason: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Thôi theo dõi quần chúng {name} ({org}) — {}? Hồ sơ sẽ đóng, không ghi thêm bước nào.",
            lower_first(reason)
        ),
        Lang::En => format!(
            "Drop candidate {name} ({org}) — {}? The file closes and takes no further step.",
            lower_first(reason)
        ),
    }
}
