//! Nhãn tiếng Việt of every term (see [`crate::vocabulary`]).

use crate::movements::TransferKind;
use crate::vocabulary::labels;

labels!(Vietnamese, vi;
    TransferKind { Official => "Chính thức", Temporary => "Tạm thời" }
);

// Transfers, cards, badges, evaluations and reports.
labels!(Vietnamese, vi;
    crate::movements::TransferPurpose { Work => "Làm việc", Residence => "Cư trú", Study => "Học tập", Abroad => "Ra nước ngoài" }
    crate::movements::TransferStatus {
        Pending => "Chờ tiếp nhận",
        Accepted => "Đã tiếp nhận",
        Rejected => "Bị từ chối",
        Cancelled => "Đã hủy",
        Completed => "Hoàn tất",
    }
    crate::movements::TransferDirection { Incoming => "Chuyển đến", Outgoing => "Chuyển đi" }
    crate::cards::CardStatus {
        Active => "Đang sử dụng",
        Void => "Đã cấp lại",
        Revoked => "Đã thu hồi",
        Collected => "Đã thu lại",
        Kept => "Gia đình giữ (đã từ trần)",
    }
    crate::cards::ReissueReason { Lost => "Bị mất", Damaged => "Bị hư hỏng", Exchange => "Đổi thẻ (Chỉ thị 51-CT/TW)" }
    crate::badges::BadgeStatus { Awarded => "Đã trao", Returned => "Đã thu hồi" }
    crate::badges::ProposalStatus { Proposed => "Đã đề nghị", Approved => "Đã duyệt", Rejected => "Bị từ chối" }
    crate::evaluations::EvaluationLevel {
        Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        Good => "Hoàn thành tốt nhiệm vụ",
        Complete => "Hoàn thành nhiệm vụ",
        NotComplete => "Không hoàn thành nhiệm vụ",
        NotRated => "Không xếp loại",
    }
    crate::evaluations::NotRatedReason {
        RecentlyAdmitted => "Mới kết nạp chưa đủ 6 tháng",
        Exempt => "Miễn công tác và sinh hoạt đảng",
        Suspended => "Đình chỉ sinh hoạt",
    }
    crate::evaluations::RoundStatus { Open => "Đang đánh giá", Closed => "Đã khóa sổ" }
    crate::reports::ReportCode {
        Movement => "Báo cáo biến động đảng viên",
        Composition => "Báo cáo cơ cấu đội ngũ đảng viên",
        Admissions => "Báo cáo kết nạp đảng viên",
        Evaluations => "Báo cáo kết quả đánh giá, xếp loại chất lượng đảng viên",
        Discipline => "Báo cáo kỷ luật đảng viên",
        Badges => "Báo cáo trao tặng Huy hiệu Đảng",
        Completeness => "Báo cáo chất lượng dữ liệu hồ sơ đảng viên",
        Timeliness => "Báo cáo kịp thời cập nhật dữ liệu đảng viên",
        Development => "Báo cáo phát triển đảng viên",
        Meetings => "Báo cáo sinh hoạt chi bộ",
        Duties => "Báo cáo phân công nhiệm vụ đảng viên",
        Dues => "Báo cáo thu, nộp đảng phí",
    }
);

// Members, movements, roles, changes, imports.
use crate::auth::Role;
use crate::changes::ChangeEntity;
use crate::members::{Gender, MemberEventKind, MemberStatus, PoliticalTheory};
use crate::movements::{
    AlertKind, DisciplineForm, DisciplineHoldKind, ExitReason, MembershipEnd, MembershipStart,
    PeriodKind,
};
use crate::reports::{ImportKind, ImportStatus};

labels!(Vietnamese, vi;
    Gender { Male => "Nam", Female => "Nữ" }
    PoliticalTheory {
        None => "Chưa qua đào tạo",
        Elementary => "Sơ cấp",
        Intermediate => "Trung cấp",
        Advanced => "Cao cấp",
        Bachelor => "Cử nhân",
    }
    MemberStatus {
        Probationary => "Dự bị",
        Official => "Chính thức",
        Exited => "Đã ra khỏi Đảng",
        TransferredOut => "Đã chuyển đi",
        Candidate => "Quần chúng ưu tú",
    }
    MemberEventKind {
        Admitted => "Kết nạp",
        Recognized => "Công nhận chính thức",
        ProfileCorrected => "Sửa hồ sơ",
        SupplementFiled => "Bổ sung hồ sơ hằng năm",
        TransferIssued => "Giới thiệu chuyển sinh hoạt",
        TransferReceived => "Tiếp nhận chuyển sinh hoạt",
        TransferRejected => "Từ chối chuyển sinh hoạt",
        TransferCancelled => "Hủy chuyển sinh hoạt",
        TemporaryTransferIssued => "Giới thiệu sinh hoạt tạm thời",
        TemporaryTransferReceived => "Tiếp nhận sinh hoạt tạm thời",
        TemporaryTransferRejected => "Từ chối sinh hoạt tạm thời",
        TemporaryTransferCancelled => "Hủy sinh hoạt tạm thời",
        TransferredOut => "Chuyển sinh hoạt ra ngoài",
        MovedByRestructure => "Chuyển do sắp xếp tổ chức",
        Disciplined => "Kỷ luật",
        DisciplineHeld => "Khiếu nại / tái phạm",
        Exited => "Ra khỏi Đảng",
        Readmitted => "Kết nạp lại",
        ExitAnnulled => "Hủy quyết định ra khỏi Đảng",
        AbsenceRecorded => "Đi làm ăn xa",
        ExemptionRecorded => "Miễn công tác và sinh hoạt",
        LostContact => "Mất liên lạc với tổ chức đảng",
        ContactRestored => "Liên lạc lại với tổ chức đảng",
        InterruptionRecorded => "Ghi nhận thời gian gián đoạn sinh hoạt đảng",
        DisciplineAnnulled => "Hủy quyết định kỷ luật oan",
        ArrivedFromOutside => "Tiếp nhận từ ngoài hệ thống",
        TemporaryTransferEnded => "Kết thúc sinh hoạt tạm thời",
        NotRecognized => "Không công nhận đảng viên chính thức",
        CaseOpened => "Thanh tra, kiểm tra, khiếu nại, tố cáo",
        CaseSettled => "Kết luận, giải quyết",
    }
    DisciplineHoldKind { Complaint => "Khiếu nại", Reoffence => "Tái phạm" }
    crate::cases::CaseKind {
        Inspection => "Thanh tra, kiểm tra",
        Complaint => "Khiếu nại",
        Denunciation => "Tố cáo",
        DisciplineReview => "Xem xét kỷ luật",
    }
    crate::cases::ComplaintRuling {
        Upheld => "Giữ nguyên",
        Reduced => "Giảm hình thức kỷ luật",
        Annulled => "Xóa bỏ quyết định kỷ luật",
    }
    AlertKind {
        RecognitionOverdue => "Quá hạn công nhận chính thức",
        TransferNotReceived => "Chưa tiếp nhận chuyển sinh hoạt",
        AwayTooLong => "Đi làm ăn xa quá thời hạn",
        DisciplineLapsing => "Kỷ luật sắp hết hiệu lực",
        TemporaryTransferExpired => "Hết hạn sinh hoạt tạm thời",
        RemovalNotRecorded => "Không công nhận chính thức, chưa xóa tên",
        LateEntry => "Nhập dữ liệu chậm",
        NameRemovalProposed => "Đề nghị xóa tên",
        CandidateCertificateExpired => "Giấy chứng nhận bồi dưỡng nhận thức về Đảng hết giá trị",
        CandidateIntroducerLeft => "Người giới thiệu đã chuyển đi",
        CandidateIntroducerDisciplined => "Người giới thiệu bị kỷ luật",
        CandidateDecisionOverdue => "Quá hạn quyết định kết nạp",
        CandidateCeremonyOverdue => "Quá hạn tổ chức lễ kết nạp",
        LiaisonCommentMissing => "Thiếu nhận xét của chi bộ nơi cư trú",
        RegularMeetingMissing => "Tháng không sinh hoạt thường kỳ",
        TopicalMeetingMissing => "Quý không sinh hoạt chuyên đề",
        DutiesClosed => "Nhiệm vụ được phân công đã đóng do chuyển đi hoặc ra khỏi Đảng",
        DuesArrears => "Nợ đảng phí",
    }
    MembershipEnd {
        TransferredOut => "Chuyển đi",
        Restructured => "Chuyển do sắp xếp tổ chức",
        NameRemoved => "Xóa tên",
        Resigned => "Xin ra khỏi Đảng",
        Expelled => "Khai trừ",
        Deceased => "Từ trần",
    }
    MembershipStart {
        Admitted => "Kết nạp",
        TransferredIn => "Chuyển đến",
        Readmitted => "Kết nạp lại",
        Restructured => "Nhận do sắp xếp tổ chức",
    }
    DisciplineForm {
        Reprimand => "Khiển trách",
        Warning => "Cảnh cáo",
        Dismissal => "Cách chức",
        Expulsion => "Khai trừ",
    }
    ExitReason { NameRemoved => "Xóa tên", Resigned => "Xin ra khỏi Đảng", Deceased => "Từ trần" }
    PeriodKind { Absence => "Đi làm ăn xa", Exemption => "Miễn công tác và sinh hoạt" }
    Role {
        Admin => "Quản trị",
        Organizer => "Cán bộ tổ chức",
        Viewer => "Chỉ xem",
        Integration => "Hệ thống tích hợp",
    }
    ChangeEntity {
        Organization => "Tổ chức đảng",
        Member => "Đảng viên",
        Transfer => "Chuyển sinh hoạt",
        Evaluation => "Đánh giá, xếp loại",
        Card => "Thẻ đảng viên",
        BadgeProposal => "Đề nghị tặng huy hiệu",
        Badge => "Huy hiệu Đảng",
        Candidate => "Quần chúng ưu tú (hồ sơ kết nạp)",
        Meeting => "Buổi sinh hoạt chi bộ",
        Duty => "Nhiệm vụ được phân công",
        Liaison => "Giới thiệu đảng viên về nơi cư trú",
        DuesBasis => "Căn cứ đóng đảng phí",
        DuesRelief => "Miễn, giảm đảng phí",
        DuesArrangement => "Chậm đóng, đóng trước đảng phí",
        DuesPayment => "Khoản đóng đảng phí",
    }
    ImportStatus {
        Running => "Đang nhập",
        Succeeded => "Đã nhập xong",
        Failed => "Không nhập được",
        Interrupted => "Bị gián đoạn",
    }
    ImportKind {
        Members => "Đảng viên",
        Candidates => "Quần chúng ưu tú",
        Meetings => "Sinh hoạt chi bộ và điểm danh",
        Dues => "Đảng phí",
    }
);

// The audit trail.
labels!(Vietnamese, vi;
    crate::audit::AuditEntity {
        Organization => "Tổ chức đảng",
        Member => "Đảng viên",
        Transfer => "Chuyển sinh hoạt",
        Evaluation => "Đánh giá, xếp loại",
        Card => "Thẻ đảng viên",
        Badge => "Huy hiệu Đảng",
        BadgeProposal => "Đề nghị tặng huy hiệu",
        MemberBadges => "Huy hiệu của đảng viên",
        EvaluationRound => "Đợt đánh giá",
        Discipline => "Kỷ luật",
        Illness => "Bệnh hiểm nghèo",
        BadgeOccasion => "Dịp đặc biệt xét tặng Huy hiệu",
        User => "Tài khoản",
        ApiToken => "Khóa tích hợp",
        SyncKey => "Khóa đồng bộ",
        SyncPackage => "Gói đồng bộ",
        IdentifierCheck => "Tra cứu số định danh",
        Export => "Kết xuất dữ liệu",
        MemberCase => "Thanh tra, kiểm tra, khiếu nại, tố cáo",
        Calendar => "Lịch ngày làm việc",
        Regulation => "Văn bản quy định",
        RuleSetting => "Tham số quy định",
        AdmissionTarget => "Chỉ tiêu kết nạp đảng viên",
        Candidate => "Quần chúng ưu tú (hồ sơ kết nạp)",
        Liaison => "Giới thiệu đảng viên về nơi cư trú",
        LiaisonComment => "Nhận xét của chi bộ nơi cư trú",
        Meeting => "Buổi sinh hoạt chi bộ",
        Duty => "Nhiệm vụ được phân công",
        DuesBasis => "Căn cứ đóng đảng phí",
        DuesRelief => "Miễn, giảm đảng phí",
        DuesArrangement => "Chậm đóng, đóng trước đảng phí",
        DuesPayment => "Khoản đóng đảng phí",
    }
);

labels!(Vietnamese, vi;
    crate::audit::AuditAction {
        Create => "Tạo mới",
        Update => "Cập nhật",
        Supplement => "Bổ sung hồ sơ",
        Recognize => "Công nhận chính thức",
        Discipline => "Kỷ luật",
        Hold => "Khiếu nại / tái phạm",
        Remedy => "Chi bộ công nhận sửa chữa khuyết điểm",
        Exit => "Ra khỏi Đảng",
        Readmit => "Kết nạp lại",
        Absence => "Đi làm ăn xa",
        Exemption => "Miễn công tác và sinh hoạt",
        Interruption => "Ghi nhận gián đoạn tuổi đảng",
        Annul => "Hủy quyết định oan, sai",
        Arrive => "Tiếp nhận từ ngoài hệ thống",
        EndTemporary => "Kết thúc sinh hoạt tạm thời",
        Accept => "Tiếp nhận",
        Rejected => "Từ chối tiếp nhận",
        Cancelled => "Hủy",
        Issue => "Cấp thẻ",
        Void => "Thay thẻ",
        Reissue => "Cấp lại thẻ",
        Revoke => "Thu hồi",
        Collect => "Thu lại thẻ",
        Keep => "Gia đình giữ thẻ",
        Propose => "Đề nghị",
        Approve => "Duyệt",
        Reject => "Không duyệt",
        Award => "Trao tặng",
        Return => "Thu hồi huy hiệu",
        Close => "Khóa sổ",
        Reopen => "Mở lại",
        Move => "Chuyển tổ chức",
        Merge => "Hợp nhất",
        Dissolve => "Giải thể",
        MovedByRestructure => "Chuyển do sắp xếp tổ chức",
        Sync => "Đồng bộ",
        SyncApply => "Áp dụng gói đồng bộ",
        SyncTrust => "Tin cậy khóa đồng bộ",
        SyncContext => "Ghi tổ chức cấp trên từ gói đồng bộ",
        SyncImport => "Nhập gói đồng bộ",
        SignIn => "Đăng nhập",
        SignInFailed => "Đăng nhập không thành công",
        Export => "Kết xuất",
        IdentifierHeldElsewhere => "Số định danh có ở nơi khác",
        OpenCase => "Ghi nhận thanh tra, kiểm tra, khiếu nại, tố cáo",
        Settle => "Kết luận, giải quyết",
        RefuseRecognition => "Không công nhận chính thức",
    }
);

labels!(Vietnamese, vi;
    crate::interruptions::PastInterruptionKind {
        OutOfContact => "Mất liên lạc",
        OutOfParty => "Ra khỏi Đảng trước khi kết nạp lại",
        TransferGap => "Gián đoạn do chuyển sinh hoạt",
    }
    crate::interruptions::AnnulledDecision { Exit => "Quyết định ra khỏi Đảng", Discipline => "Quyết định kỷ luật" }
    crate::interruptions::ArrivalSource {
        Army => "Quân đội",
        Police => "Công an",
        Abroad => "Ngoài nước",
        NotOnSystem => "Tổ chức đảng chưa dùng hệ thống",
    }
);

// The working-day calendar.
labels!(Vietnamese, vi;
    crate::calendar::DayKind {
        NewYear => "Tết Dương lịch",
        Tet => "Tết Âm lịch",
        HungKings => "Giỗ Tổ Hùng Vương",
        Reunification => "Ngày Chiến thắng",
        LabourDay => "Ngày Quốc tế lao động",
        NationalDay => "Quốc khánh",
        NationalDayAdjacent => "Ngày liền kề Quốc khánh",
        Compensatory => "Nghỉ bù",
        SwappedDayOff => "Nghỉ hoán đổi",
        MakeUpWorkingDay => "Làm bù",
        SpecialDayOff => "Ngày nghỉ khác",
    }
    crate::calendar::CalendarSource { Computed => "Tính theo luật", Decided => "Theo quyết định" }
);
// Regulation chains and their settings.
labels!(Vietnamese, vi;
    crate::regulations::RegulationChain {
        Charter => "Quy định thi hành Điều lệ Đảng",
        Badge => "Huy hiệu Đảng",
        Evaluation => "Đánh giá, xếp loại chất lượng",
        Discipline => "Kỷ luật đảng",
        Dues => "Chế độ đảng phí",
        Annulment => "Xin lỗi, phục hồi quyền lợi khi bị kỷ luật oan",
    }
    crate::regulations::QuotaBase {
        Good => "Số đảng viên hoàn thành tốt nhiệm vụ",
        GoodOrBetter => "Số đảng viên hoàn thành tốt nhiệm vụ trở lên",
    }
    crate::reports::EntryKind {
        Admission => "Kết nạp",
        Transfer => "Chuyển sinh hoạt",
        Exit => "Ra khỏi Đảng",
        Death => "Từ trần",
    }
    crate::changes::SyncWarningCode {
        SettingsDiffer => "Khác bộ tham số quy định",
        SettingsUnknown => "Không rõ bộ tham số quy định",
    }
);

// Developing new members (issue 22).
labels!(Vietnamese, vi;
    crate::candidates::CandidateStage {
        Identified => "Quần chúng ưu tú",
        Preparing => "Đang hoàn thiện hồ sơ",
        Ready => "Đủ hồ sơ, chờ chi bộ xét",
        CellResolved => "Chi bộ đã đề nghị kết nạp",
        GrassrootsResolved => "Đảng ủy cơ sở đã đề nghị kết nạp",
        Decided => "Có quyết định kết nạp, chờ lễ kết nạp",
        Admitted => "Đã kết nạp",
        Refused => "Cấp ủy không đồng ý kết nạp",
        Dropped => "Thôi theo dõi",
    }
    crate::candidates::CandidateSource {
        YouthUnion => "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        WomensUnion => "Hội Liên hiệp Phụ nữ",
        Veterans => "Hội Cựu chiến binh",
        TradeUnion => "Công đoàn",
        Workplace => "Cơ quan, đơn vị nơi làm việc",
        Other => "Khác",
    }
    crate::candidates::CandidateStepKind {
        HelpersAssigned => "Phân công đảng viên giúp đỡ",
        AwarenessCourse => "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng",
        Application => "Đơn xin vào Đảng",
        PersonalHistory => "Lý lịch của người xin vào Đảng",
        HistoryVerified => "Thẩm tra lý lịch",
        Introduction => "Giấy giới thiệu của đảng viên chính thức",
        YouthUnionIntroduction => "Nghị quyết giới thiệu đoàn viên ưu tú vào Đảng",
        TradeUnionIntroduction => "Nghị quyết giới thiệu đoàn viên công đoàn ưu tú vào Đảng",
        CellResolution => "Nghị quyết chi bộ đề nghị kết nạp",
        GrassrootsResolution => "Nghị quyết đảng ủy cơ sở đề nghị kết nạp",
        DecisionExtended => "Gia hạn thời hạn xem xét kết nạp",
        AdmissionDecision => "Quyết định kết nạp đảng viên",
        AdmissionRefused => "Không đồng ý kết nạp",
        Ceremony => "Lễ kết nạp",
    }
    crate::candidates::CandidateDropReason {
        Withdrew => "Không còn nguyện vọng vào Đảng",
        NotQualified => "Không đủ tiêu chuẩn, điều kiện",
        CellNotApproved => "Chi bộ không đủ hai phần ba tán thành",
        MovedAway => "Chuyển nơi công tác, học tập, cư trú",
        Deceased => "Từ trần",
        Other => "Lý do khác",
    }
    crate::candidates::DevelopmentCategory {
        Women => "Nữ",
        YouthUnion => "Đoàn viên thanh niên",
        PrivateBusinessOwner => "Chủ doanh nghiệp tư nhân",
        Student => "Học sinh, sinh viên",
        Worker => "Công nhân",
        FreeOrContractLabour => "Lao động tự do, lao động hợp đồng",
        Readmitted => "Kết nạp lại",
        PopulationPolicy => "Vi phạm chính sách dân số",
    }
);

// The fields of a member record (import template, export, reports).
labels!(Vietnamese, vi;
    crate::member_fields::MemberField {
        OrganizationId => "Mã chi bộ",
        FullName => "Họ và tên",
        Gender => "Giới tính",
        BirthDate => "Ngày sinh",
        NationalId => "Số CCCD",
        LegacyIdNo => "Số CMND",
        PersonalHistoryNo => "Số lý lịch",
        BirthPlace => "Nơi sinh",
        Hometown => "Quê quán",
        PermanentAddress => "Nơi thường trú",
        CurrentAddress => "Nơi ở hiện nay",
        Ethnicity => "Dân tộc",
        Religion => "Tôn giáo",
        Phone => "Điện thoại",
        Email => "Email",
        EducationGeneral => "Trình độ giáo dục phổ thông",
        ProfessionalQualification => "Trình độ chuyên môn",
        AcademicDegree => "Học vị",
        AcademicTitle => "Học hàm",
        PoliticalTheory => "Trình độ lý luận chính trị",
        Occupation => "Nghề nghiệp",
        JobTitle => "Chức vụ",
        Workplace => "Nơi làm việc",
        YouthUnionJoinedOn => "Ngày vào Đoàn",
        Introducers => "Người giới thiệu",
        AdmissionDecisionOn => "Ngày quyết định kết nạp",
        AdmissionDecisionNo => "Số quyết định kết nạp",
        CeremonyOn => "Ngày kết nạp",
        CeremonyPlace => "Nơi kết nạp",
        OfficialOn => "Ngày chính thức",
        FirstAdmissionDecisionOn => "Ngày kết nạp lần đầu",
        Status => "Trạng thái",
        PartyAge => "Tuổi đảng",
        CardNumber => "Số thẻ đảng viên",
    }
);

// The cell's year (issue 23).
labels!(Vietnamese, vi;
    crate::cell_year::MeetingKind { Regular => "Sinh hoạt thường kỳ", Topical => "Sinh hoạt chuyên đề" }
    crate::cell_year::Attendance {
        Present => "Có mặt",
        Excused => "Vắng có lý do",
        Absent => "Vắng không có lý do",
        Exempt => "Miễn sinh hoạt",
        Elsewhere => "Sinh hoạt tạm thời nơi khác",
    }
    crate::cell_year::AbsenceCount { Meetings => "Theo số buổi sinh hoạt", Months => "Theo số tháng" }
    crate::cell_year::DutyResult {
        Done => "Hoàn thành",
        Exceeded => "Hoàn thành vượt mức",
        NotDone => "Không hoàn thành",
    }
    crate::cell_year::DutyClosure {
        Transfer => "Chuyển sinh hoạt đảng",
        Exit => "Ra khỏi Đảng hoặc từ trần",
        Withdrawn => "Chi bộ điều chỉnh phân công",
    }
    crate::cell_year::DuesCategory {
        SocialInsuranceSalary => "Tiền lương làm căn cứ đóng bảo hiểm xã hội bắt buộc",
        SicknessMaternityBenefit => "Trợ cấp ốm đau, thai sản",
        Pension => "Lương hưu",
        Student => "Học sinh, sinh viên",
        NoInsuranceWorkingAge => "Không tham gia BHXH bắt buộc, chưa đến tuổi nghỉ hưu",
        NoInsuranceRetirementAge => "Không tham gia BHXH bắt buộc, đã đến tuổi nghỉ hưu",
        Abroad => "Đảng viên ở nước ngoài",
        Other => "Đối tượng khác",
    }
    crate::cell_year::DuesRelief {
        PartyAgeFifty => "Miễn: từ đủ 50 năm tuổi đảng",
        SocialPension => "Miễn: hưởng trợ cấp hưu trí xã hội",
        Hardship => "Miễn: hộ nghèo, cận nghèo, bệnh hiểm nghèo",
        Reduction => "Miễn hoặc giảm do hoàn cảnh khó khăn",
    }
    crate::cell_year::DuesMonthState {
        Paid => "Đã đóng",
        PartlyPaid => "Đóng chưa đủ",
        Deferred => "Được chậm đóng",
        Exempt => "Được miễn",
        Unpaid => "Chưa đóng",
        Open => "Trong tháng",
        NotDue => "Không phải đóng",
    }
    crate::cell_year::DuesArrangementKind { Deferral => "Được chậm đóng", Prepayment => "Được đóng trước" }
    crate::cell_year::PaymentChannel {
        Cash => "Tiền mặt tại chi bộ",
        PublicServicePortal => "Cổng Dịch vụ công Quốc gia",
    }
    crate::cell_year::DuesLevel {
        Cell => "Chi bộ, đảng bộ bộ phận",
        Grassroots => "Tổ chức cơ sở đảng",
        AboveGrassroots => "Cấp trên cơ sở",
    }
    crate::cell_year::LiaisonMode {
        Regular => "Giữ mối liên hệ, nhận xét hằng năm",
        OnRequest => "Miễn sinh hoạt nơi cư trú, nhận xét khi cần",
    }
    crate::cell_year::LiaisonCommentState {
        NotDue => "Không phải nhận xét",
        Missing => "Chưa có nhận xét",
        Written => "Đã nhận xét",
    }
    crate::cell_year::CellYearAlertKind {
        RegularMeetingMissing => "Tháng không sinh hoạt thường kỳ",
        TopicalMeetingMissing => "Quý không sinh hoạt chuyên đề",
        LiaisonCommentMissing => "Thiếu nhận xét của chi bộ nơi cư trú",
        DutiesClosed => "Nhiệm vụ được phân công đã đóng do chuyển đi hoặc ra khỏi Đảng",
        DuesArrears => "Nợ đảng phí",
    }
);
