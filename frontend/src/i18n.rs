//! Every label of the interface, in one place: Vietnamese by default, English switchable.

use leptos::prelude::*;

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

/// A label of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    AppName,
    SignIn,
    SignOut,
    Username,
    Password,
    SigningIn,
    Dashboard,
    Members,
    Organizations,
    Search,
    SearchHint,
    Status,
    AllStatuses,
    Probationary,
    Official,
    Exited,
    TransferredOut,
    FullName,
    BirthDate,
    PartyAge,
    CardNumber,
    Years,
    LoadMore,
    Loading,
    NoMembers,
    NotFound,
    Back,
    Dossier,
    History,
    Evaluations,
    Cards,
    Badges,
    Transfers,
    Disciplines,
    Gender,
    Male,
    Female,
    NationalId,
    Hometown,
    CurrentAddress,
    Ethnicity,
    Religion,
    Phone,
    Email,
    Education,
    PoliticalTheory,
    Occupation,
    Workplace,
    PersonalHistoryNo,
    AdmissionDecision,
    Ceremony,
    OfficialOn,
    FirstAdmission,
    MissingFields,
    InTransit,
    Exempt,
    Away,
    Alerts,
    NoAlerts,
    Scope,
    WholeCountry,
    Year,
    Level,
    Score,
    Milestone,
    Occasion,
    Decision,
    IssuedOn,
    Nothing,
    Date,
    Event,
    Regulation,
    To,
    Form,
    Language,
    DownloadCsv,
    ChooseOne,
    Users,
    NewUser,
    Role,
    RoleViewer,
    RoleOrganizer,
    RoleIntegration,
    RoleAdmin,
    Deactivate,
    Activate,
    Admit,
    Save,
    EditDossier,
    ChangedMeanwhile,
    TheirValue,
    YourValue,
    Recognize,
    DecidedOn,
    Post,
    Reprimand,
    Warning,
    Dismissal,
    Expulsion,
    Exit,
    EffectiveOn,
    HardshipReason,
    NameRemoved,
    Resigned,
    Deceased,
    Readmit,
    ConsentNo,
    Actions,
    Proposed,
    Approved,
    NoneEligible,
    Early,
    Posthumous,
    Propose,
    Approve,
    Eligible,
    WaitingApproval,
    IssueCard,
    ReissueCard,
    Lost,
    Damaged,
    ReceivedOn,
    Accept,
    Reject,
    Cancel,
    Incoming,
    Outgoing,
    ReportBy,
    ChooseOrganization,
    Quota,
    OverBy,
    RoundClosed,
    CloseRound,
    RoundAtGrassroots,
    OrganizationId,
    IssueTransfer,
    Kind,
    Reason,
    TransferOfficial,
    TransferTemporary,
    Saved,
    Coverage,
    NotRatedYet,
    BirthPlace,
    PermanentAddress,
}

impl Lang {
    /// The label in this language.
    pub fn t(self, key: Text) -> &'static str {
        let (vi, en) = pair(key);
        match self {
            Self::Vi => vi,
            Self::En => en,
        }
    }

    /// The other language (the switch in the header).
    pub fn other(self) -> Self {
        match self {
            Self::Vi => Self::En,
            Self::En => Self::Vi,
        }
    }

    /// Its short code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Vi => "VI",
            Self::En => "EN",
        }
    }
}

fn pair(key: Text) -> (&'static str, &'static str) {
    use Text::*;
    match key {
        AppName => ("QLĐV — Quản lý đảng viên", "QLĐV — Party member records"),
        SignIn => ("Đăng nhập", "Sign in"),
        SignOut => ("Đăng xuất", "Sign out"),
        Username => ("Tên đăng nhập", "User name"),
        Password => ("Mật khẩu", "Password"),
        SigningIn => ("Đang đăng nhập…", "Signing in…"),
        Dashboard => ("Tổng quan", "Dashboard"),
        Members => ("Đảng viên", "Members"),
        Organizations => ("Tổ chức đảng", "Organisations"),
        Search => ("Tìm kiếm", "Search"),
        SearchHint => (
            "Họ tên (có dấu hoặc không dấu), số CCCD hoặc số thẻ",
            "Name (with or without diacritics), CCCD or card number",
        ),
        Status => ("Trạng thái", "Status"),
        AllStatuses => ("Tất cả", "All"),
        Probationary => ("Dự bị", "Probationary"),
        Official => ("Chính thức", "Official"),
        Exited => ("Đã ra khỏi Đảng", "Exited"),
        TransferredOut => ("Đã chuyển đi", "Transferred out"),
        FullName => ("Họ và tên", "Full name"),
        BirthDate => ("Ngày sinh", "Date of birth"),
        PartyAge => ("Tuổi đảng", "Party age"),
        CardNumber => ("Số thẻ đảng viên", "Card number"),
        Years => ("năm", "years"),
        LoadMore => ("Xem thêm", "Load more"),
        Loading => ("Đang tải…", "Loading…"),
        NoMembers => ("Không có đảng viên nào phù hợp.", "No matching members."),
        NotFound => ("Không tìm thấy trang.", "Page not found."),
        Back => ("Quay lại", "Back"),
        Dossier => ("Hồ sơ", "Dossier"),
        History => ("Lịch sử", "History"),
        Evaluations => ("Đánh giá, xếp loại", "Evaluations"),
        Cards => ("Thẻ đảng viên", "Party cards"),
        Badges => ("Huy hiệu Đảng", "Party badges"),
        Transfers => ("Chuyển sinh hoạt", "Transfers"),
        Disciplines => ("Kỷ luật", "Discipline"),
        Gender => ("Giới tính", "Gender"),
        Male => ("Nam", "Male"),
        Female => ("Nữ", "Female"),
        NationalId => ("Số CCCD", "National ID (CCCD)"),
        Hometown => ("Quê quán", "Home town"),
        CurrentAddress => ("Nơi ở hiện nay", "Current address"),
        Ethnicity => ("Dân tộc", "Ethnicity"),
        Religion => ("Tôn giáo", "Religion"),
        Phone => ("Điện thoại", "Phone"),
        Email => ("Thư điện tử", "E-mail"),
        Education => ("Giáo dục phổ thông", "General education"),
        PoliticalTheory => ("Lý luận chính trị", "Political theory"),
        Occupation => ("Nghề nghiệp", "Occupation"),
        Workplace => ("Nơi làm việc", "Workplace"),
        PersonalHistoryNo => ("Số lý lịch", "Personal-history number"),
        AdmissionDecision => ("Ngày quyết định kết nạp", "Admission decision"),
        Ceremony => ("Ngày lễ kết nạp", "Admission ceremony"),
        OfficialOn => ("Ngày chính thức", "Official since"),
        FirstAdmission => ("Ngày kết nạp lần đầu", "First admission decision"),
        MissingFields => ("Trường hồ sơ còn thiếu", "Missing dossier fields"),
        InTransit => ("Đang chuyển sinh hoạt", "In transit"),
        Exempt => ("Miễn công tác, sinh hoạt", "Exempt"),
        Away => ("Đi làm ăn xa", "Working away"),
        Alerts => ("Cảnh báo cần xử lý", "Alerts to act on"),
        NoAlerts => ("Không có cảnh báo.", "No alerts."),
        Scope => ("Phạm vi quản lý", "Scope"),
        WholeCountry => ("Toàn quốc", "Whole country"),
        Year => ("Năm", "Year"),
        Level => ("Xếp loại", "Level"),
        Score => ("Điểm", "Score"),
        Milestone => ("Mốc", "Milestone"),
        Occasion => ("Dịp trao", "Occasion"),
        Decision => ("Số quyết định", "Decision"),
        IssuedOn => ("Ngày cấp", "Issued on"),
        Nothing => ("Chưa có dữ liệu.", "Nothing yet."),
        Date => ("Ngày", "Date"),
        Event => ("Sự kiện", "Event"),
        Regulation => ("Quy định", "Regulation"),
        To => ("Nơi đến", "To"),
        Form => ("Hình thức", "Form"),
        Language => ("Ngôn ngữ", "Language"),
        DownloadCsv => ("Tải danh sách (CSV)", "Download the list (CSV)"),
        ChooseOne => ("— Chọn —", "— Choose —"),
        Users => ("Tài khoản người dùng", "User accounts"),
        NewUser => ("Tạo tài khoản", "Create the account"),
        Role => ("Vai trò", "Role"),
        RoleViewer => ("Chỉ xem", "Viewer"),
        RoleOrganizer => ("Cán bộ tổ chức", "Organizer"),
        RoleIntegration => ("Hệ thống tích hợp", "Integration"),
        RoleAdmin => ("Quản trị", "Administrator"),
        Deactivate => ("Khóa", "Deactivate"),
        Activate => ("Mở khóa", "Activate"),
        Admit => ("Kết nạp / nhập hồ sơ đảng viên", "Admit / enter a member"),
        Save => ("Lưu", "Save"),
        EditDossier => ("Sửa hồ sơ", "Correct the dossier"),
        ChangedMeanwhile => ("Hồ sơ vừa được người khác sửa. Các trường họ đã sửa ở dưới; kiểm tra rồi bấm Lưu lần nữa để áp dụng thay đổi của bạn.", "Someone else changed this record meanwhile. Their changes are below; check them, then Save again to apply yours."),
        TheirValue => ("Giá trị mới trên máy chủ", "Their value"),
        YourValue => ("Giá trị bạn nhập", "Your value"),
        Recognize => ("Công nhận đảng viên chính thức", "Recognise as official"),
        DecidedOn => ("Ngày quyết định", "Decided on"),
        Post => ("Chức vụ đang giữ (nếu cách chức)", "Post held (for dismissal)"),
        Reprimand => ("Khiển trách", "Reprimand"),
        Warning => ("Cảnh cáo", "Warning"),
        Dismissal => ("Cách chức", "Dismissal"),
        Expulsion => ("Khai trừ", "Expulsion"),
        Exit => ("Ra khỏi Đảng / từ trần", "Exit"),
        EffectiveOn => ("Ngày hiệu lực", "Effective on"),
        HardshipReason => ("Lý do hoàn cảnh gia đình (xin ra)", "Family hardship (resignation)"),
        NameRemoved => ("Xóa tên", "Name removal"),
        Resigned => ("Xin ra khỏi Đảng", "Resignation"),
        Deceased => ("Từ trần", "Death"),
        Readmit => ("Kết nạp lại", "Re-admit"),
        ConsentNo => ("Văn bản đồng ý của BTV tỉnh ủy", "Provincial consent"),
        Actions => ("Nghiệp vụ", "Decisions"),
        Proposed => ("đề nghị đã gửi lên cấp trên.", "proposals sent up."),
        Approved => ("Huy hiệu đã được duyệt tặng.", "badges approved."),
        NoneEligible => (
            "Không có đảng viên đủ điều kiện cho dịp này.",
            "Nobody is eligible for this occasion.",
        ),
        Early => ("Tặng sớm (bệnh nặng)", "Early (serious illness)"),
        Posthumous => ("Truy tặng", "Posthumous"),
        Propose => ("Đề nghị tặng Huy hiệu", "Propose for the badge"),
        Approve => ("Duyệt tặng", "Approve"),
        Eligible => ("Đủ điều kiện xét tặng", "Eligible"),
        WaitingApproval => ("Đề nghị chờ duyệt", "Proposals waiting for approval"),
        IssueCard => ("Cấp thẻ đảng viên", "Issue a card"),
        ReissueCard => ("Cấp lại thẻ", "Reissue the card"),
        Lost => ("Bị mất", "Lost"),
        Damaged => ("Bị hỏng", "Damaged"),
        ReceivedOn => ("Ngày đến sinh hoạt", "Received on"),
        Accept => ("Tiếp nhận", "Accept"),
        Reject => ("Từ chối", "Reject"),
        Cancel => ("Hủy", "Cancel"),
        Incoming => (
            "Chờ tiếp nhận (chuyển đến)",
            "Waiting to be received (incoming)",
        ),
        Outgoing => (
            "Đã giới thiệu đi, chờ nơi đến tiếp nhận",
            "Sent, waiting for the receiver (outgoing)",
        ),
        ReportBy => ("Hạn đến sinh hoạt", "Report by"),
        ChooseOrganization => (
            "Chọn tổ chức đảng (mã) để xem đợt đánh giá.",
            "Choose an organisation (id) to see its round.",
        ),
        Quota => ("Tỷ lệ hoàn thành xuất sắc", "Excellent quota"),
        OverBy => ("vượt", "over by"),
        RoundClosed => ("Đã khóa sổ đánh giá", "Round closed"),
        CloseRound => ("Khóa sổ đánh giá", "Close the round"),
        RoundAtGrassroots => (
            "Đợt đánh giá được khóa sổ ở tổ chức cơ sở đảng.",
            "Rounds are closed at the grassroots organisation.",
        ),
        OrganizationId => ("Mã tổ chức đảng", "Organisation id"),
        IssueTransfer => ("Giới thiệu chuyển sinh hoạt", "Issue a transfer"),
        Kind => ("Loại", "Kind"),
        Reason => ("Lý do", "Reason"),
        TransferOfficial => ("Chính thức", "Official"),
        TransferTemporary => ("Tạm thời", "Temporary"),
        Saved => ("Đã lưu.", "Saved."),
        Coverage => ("Tỷ lệ đã đánh giá", "Rated so far"),
        NotRatedYet => ("Chưa đánh giá", "Not yet rated"),
        BirthPlace => ("Nơi sinh", "Place of birth"),
        PermanentAddress => ("Nơi thường trú", "Permanent address"),
    }
}

/// The language chosen for this session (provided by the app).
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<RwSignal<Lang>>().unwrap_or_else(|| RwSignal::new(Lang::Vi))
}

/// Names of event kinds and levels, for the history and the tabs.
pub fn kind_label(lang: Lang, kind: &str) -> String {
    let vi = match kind {
        "admitted" => "Kết nạp",
        "recognized" => "Công nhận chính thức",
        "entered_official" => "Nhập hồ sơ đảng viên chính thức",
        "profile_corrected" => "Sửa hồ sơ",
        "supplement_filed" => "Bổ sung hồ sơ hằng năm",
        "transfer_issued" => "Giới thiệu chuyển sinh hoạt",
        "transfer_accepted" => "Tiếp nhận chuyển sinh hoạt",
        "transfer_cancelled" => "Hủy chuyển sinh hoạt",
        "transfer_rejected" => "Từ chối chuyển sinh hoạt",
        "disciplined" => "Kỷ luật",
        "discipline_held" => "Khiếu nại / tái phạm",
        "exited" => "Ra khỏi Đảng",
        "readmitted" => "Kết nạp lại",
        "excellent" => "Hoàn thành xuất sắc nhiệm vụ",
        "good" => "Hoàn thành tốt nhiệm vụ",
        "complete" => "Hoàn thành nhiệm vụ",
        "not_complete" => "Không hoàn thành nhiệm vụ",
        "not_rated" => "Không xếp loại",
        "active" => "Đang sử dụng",
        "void" => "Đã cấp lại",
        "revoked" => "Đã thu hồi",
        "collected" => "Đã thu lại",
        "awarded" => "Đã trao",
        "returned" => "Đã thu hồi",
        "reprimand" => "Khiển trách",
        "warning" => "Cảnh cáo",
        "dismissal" => "Cách chức",
        "expulsion" => "Khai trừ",
        "pending" => "Chờ tiếp nhận",
        "accepted" => "Đã tiếp nhận",
        "rejected" => "Bị từ chối",
        "cancelled" => "Đã hủy",
        "completed" => "Hoàn tất",
        _ => "",
    };
    match lang {
        Lang::Vi if !vi.is_empty() => vi.to_string(),
        _ => kind.replace('_', " "),
    }
}

/// The label of a dossier field named by the API (e.g. in `missing_fields`).
pub fn field_label(lang: Lang, field: &str) -> String {
    let key = match field {
        "birth_place" => Text::BirthPlace,
        "hometown" => Text::Hometown,
        "permanent_address" => Text::PermanentAddress,
        "current_address" => Text::CurrentAddress,
        "ethnicity" => Text::Ethnicity,
        "religion" => Text::Religion,
        "national_id" => Text::NationalId,
        "education_general" => Text::Education,
        "political_theory" => Text::PoliticalTheory,
        "occupation" => Text::Occupation,
        "personal_history_no" => Text::PersonalHistoryNo,
        "admission_decision_no" => Text::Decision,
        other => return other.replace('_', " "),
    };
    lang.t(key).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dossier_field_the_api_names_has_a_label() {
        for f in [
            "birth_place",
            "hometown",
            "permanent_address",
            "current_address",
            "ethnicity",
            "religion",
            "national_id",
            "education_general",
            "political_theory",
            "occupation",
            "personal_history_no",
            "admission_decision_no",
        ] {
            assert!(!field_label(Lang::Vi, f).contains('_'), "{f}");
            assert!(!field_label(Lang::En, f).contains('_'), "{f}");
        }
    }

    #[test]
    fn labels_switch_language() {
        assert_eq!(Lang::Vi.t(Text::Members), "Đảng viên");
        assert_eq!(Lang::En.t(Text::Members), "Members");
        assert_eq!(Lang::Vi.other(), Lang::En);
        assert_eq!(
            kind_label(Lang::Vi, "excellent"),
            "Hoàn thành xuất sắc nhiệm vụ"
        );
        assert_eq!(kind_label(Lang::En, "not_rated"), "not rated");
    }
}
