//! Labels of the cell's year (issue 23): the secretary's month (meetings, attendance, dues,
//! duties), the member's year and the residence liaison. Values the API sends as codes are
//! labelled by [`super::Lang::term`] from the shared vocabulary, never here.

use leptos::prelude::*;

use super::Lang;

/// A label of the cell's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Yr {
    /// The navigation's link and the page's title.
    CellMonth,
    /// Choose a cell first.
    ChooseCell,
    /// The next meeting due.
    NextMeeting,
    /// Periods ended without their meeting.
    Missing,
    /// Nothing missing.
    NoneMissing,
    /// The attendance sheet's heading.
    AttendanceSheet,
    /// The meeting's kind.
    MeetingKind,
    /// The day it is held.
    HeldOn,
    /// Its agenda.
    Agenda,
    /// The reason of an excused absence.
    ExcusedReason,
    /// Present / expected.
    PresentOfExpected,
    /// The meeting was recorded.
    MeetingRecorded,
    /// Meetings held this year.
    MeetingsHeld,
    /// The dues sheet's heading.
    DuesSheet,
    /// The month.
    Month,
    /// What is due.
    Due,
    /// What is paid.
    Paid,
    /// Arrears up to the month.
    Arrears,
    /// The amount collected now.
    Amount,
    /// Fill every amount with its due.
    AllPaid,
    /// How it was paid.
    Channel,
    /// The day of the collection.
    PaidOn,
    /// What the dues are computed from.
    Basis,
    /// No basis recorded.
    NoBasis,
    /// Members with an unpaid month.
    Unpaid,
    /// The sheet's sums.
    Total,
    /// Record the month's payments.
    SaveDues,
    /// The duties to review.
    DutiesToReview,
    /// A duty.
    Duty,
    /// A review's result.
    Result,
    /// Reviewed at the meeting of.
    ReviewAt,
    /// Record the reviews.
    SaveReviews,
    /// No duty waits.
    NoOpenDuties,
    /// Reviews need a meeting.
    NoMeetingYet,
    /// Name-removal proposals (rule 23).
    RemovalProposals,
    /// None.
    NoProposals,
    /// Attendance.
    Attendance,
    /// Duties.
    Duties,
    /// Party dues.
    Dues,
    /// Share done.
    DoneShare,
    /// Share exceeded.
    ExceededShare,
    /// Highest level the duties allow.
    HighestLevel,
    /// The residence cell's liaison members.
    Liaisons,
    /// None introduced.
    NoLiaisons,
    /// Introduced on.
    IntroducedOn,
    /// The liaison's mode.
    Mode,
    /// The yearly comment.
    Comment,
    /// Save the comment.
    SaveComment,
    /// Earlier comments.
    EarlierComments,
    /// Assigned on.
    AssignedOn,
    /// No meeting recorded in the year.
    NoMeetings,
    /// The member's attendance is read from the cell's meetings.
    AttendanceOfMember,
    /// The cell that held a meeting.
    Cell,
    /// Absent without a reason.
    Unexcused,
    /// The residence cell's yearly comment (213-QĐ/TW).
    ResidenceComment,
    /// How many months a payment covers.
    MonthsCovered,
    /// The first month a payment covers.
    FirstMonth,
    /// The receipt or transaction number.
    ReceiptNo,
    /// The arrangement recorded for the month.
    Arrangement,
    /// The evaluation's inputs beside the rating.
    YearInputs,
}

impl Lang {
    /// The label of the cell's year in this language.
    pub fn yr(self, key: Yr) -> &'static str {
        let (vi, en) = pair(key);
        match self {
            Self::Vi => vi,
            Self::En => en,
        }
    }
}

/// A label of the cell's year, following the language switch (one closure type for all).
pub fn yl(lang: RwSignal<Lang>, key: Yr) -> impl Fn() -> &'static str + Copy + Send + Sync {
    move || lang.get().yr(key)
}

fn pair(key: Yr) -> (&'static str, &'static str) {
    use Yr::*;
    match key {
        CellMonth => ("Sinh hoạt chi bộ", "The cell's month"),
        ChooseCell => (
            "Chọn chi bộ để ghi sinh hoạt, đảng phí và nhiệm vụ trong tháng.",
            "Choose a cell to record its meeting, dues and duties of the month.",
        ),
        NextMeeting => ("Kỳ sinh hoạt phải tổ chức", "Next meeting due"),
        Missing => ("Kỳ sinh hoạt còn thiếu", "Meetings missing"),
        NoneMissing => ("Không thiếu kỳ sinh hoạt nào.", "No meeting is missing."),
        AttendanceSheet => ("Điểm danh buổi sinh hoạt", "Attendance sheet"),
        MeetingKind => ("Loại buổi sinh hoạt", "Kind of meeting"),
        HeldOn => ("Ngày sinh hoạt", "Held on"),
        Agenda => ("Nội dung sinh hoạt", "Agenda"),
        ExcusedReason => ("Lý do vắng", "Reason for the absence"),
        PresentOfExpected => ("Có mặt / phải dự", "Present / expected"),
        MeetingRecorded => ("Đã ghi buổi sinh hoạt", "Meeting recorded"),
        MeetingsHeld => ("Các buổi sinh hoạt trong năm", "Meetings this year"),
        DuesSheet => ("Thu đảng phí", "Dues sheet"),
        Month => ("Tháng", "Month"),
        Due => ("Phải đóng", "Due"),
        Paid => ("Đã đóng", "Paid"),
        Arrears => ("Còn nợ", "Arrears"),
        Amount => ("Số tiền thu", "Amount collected"),
        AllPaid => ("Tất cả đóng đủ", "All paid"),
        Channel => ("Hình thức nộp", "Paid by"),
        PaidOn => ("Ngày thu", "Collected on"),
        Basis => ("Căn cứ tính", "Basis"),
        NoBasis => ("Chưa có căn cứ tính", "No basis recorded"),
        Unpaid => ("Đảng viên chưa đóng", "Members unpaid"),
        Total => ("Cộng", "Total"),
        SaveDues => ("Lưu sổ thu đảng phí", "Save the dues sheet"),
        DutiesToReview => ("Nhiệm vụ cần kiểm điểm", "Duties to review"),
        Duty => ("Nhiệm vụ", "Duty"),
        Result => ("Kết quả", "Result"),
        ReviewAt => (
            "Kiểm điểm tại buổi sinh hoạt ngày",
            "Reviewed at the meeting of",
        ),
        SaveReviews => ("Ghi kết quả kiểm điểm", "Record the reviews"),
        NoOpenDuties => (
            "Không có nhiệm vụ nào chờ kiểm điểm.",
            "No duty waits for its review.",
        ),
        NoMeetingYet => (
            "Ghi buổi sinh hoạt trước, rồi kiểm điểm nhiệm vụ tại buổi đó.",
            "Record a meeting first, then review the duties at it.",
        ),
        RemovalProposals => ("Đề nghị xóa tên", "Name-removal proposals"),
        NoProposals => ("Không có đề nghị xóa tên.", "No name-removal proposal."),
        Attendance => ("Dự sinh hoạt", "Attendance"),
        Duties => ("Nhiệm vụ được phân công", "Duties"),
        Dues => ("Đảng phí", "Party dues"),
        DoneShare => ("Tỷ lệ hoàn thành", "Share done"),
        ExceededShare => ("Tỷ lệ vượt mức", "Share exceeded"),
        HighestLevel => (
            "Mức xếp loại cao nhất theo nhiệm vụ",
            "Highest level the duties allow",
        ),
        Liaisons => (
            "Đảng viên giữ mối liên hệ nơi cư trú",
            "Members in residence liaison",
        ),
        NoLiaisons => (
            "Chưa có đảng viên nào được giới thiệu về giữ mối liên hệ với chi bộ.",
            "No member has been introduced to this cell yet.",
        ),
        IntroducedOn => ("Ngày giới thiệu", "Introduced on"),
        Mode => ("Hình thức", "Mode"),
        Comment => ("Nhận xét năm", "Comment for"),
        SaveComment => ("Lưu nhận xét", "Save the comment"),
        EarlierComments => ("Nhận xét các năm", "Comments"),
        AssignedOn => ("Ngày giao", "Assigned on"),
        NoMeetings => (
            "Chưa ghi buổi sinh hoạt nào trong năm.",
            "No meeting recorded this year.",
        ),
        AttendanceOfMember => ("Buổi sinh hoạt", "Meeting"),
        Cell => ("Chi bộ", "Cell"),
        Unexcused => ("Vắng không lý do", "Absent without reason"),
        ResidenceComment => ("Nhận xét của nơi cư trú", "Residence cell's comment"),
        MonthsCovered => ("Số tháng", "Months"),
        FirstMonth => ("Từ tháng", "From month"),
        ReceiptNo => ("Số biên lai", "Receipt no."),
        Arrangement => ("Đóng trước / chậm đóng", "Arrangement"),
        YearInputs => (
            "Sinh hoạt, nhiệm vụ, nơi cư trú",
            "Attendance, duties, residence",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_of_the_year_has_both_languages() {
        use Yr::*;
        for k in [
            CellMonth,
            ChooseCell,
            NextMeeting,
            Missing,
            NoneMissing,
            AttendanceSheet,
            MeetingKind,
            HeldOn,
            Agenda,
            ExcusedReason,
            PresentOfExpected,
            MeetingRecorded,
            MeetingsHeld,
            DuesSheet,
            Month,
            Due,
            Paid,
            Arrears,
            Amount,
            AllPaid,
            Channel,
            PaidOn,
            Basis,
            NoBasis,
            Unpaid,
            Total,
            SaveDues,
            DutiesToReview,
            Duty,
            Result,
            ReviewAt,
            SaveReviews,
            NoOpenDuties,
            NoMeetingYet,
            RemovalProposals,
            NoProposals,
            Attendance,
            Duties,
            Dues,
            DoneShare,
            ExceededShare,
            HighestLevel,
            Liaisons,
            NoLiaisons,
            IntroducedOn,
            Mode,
            Comment,
            SaveComment,
            EarlierComments,
            AssignedOn,
            NoMeetings,
            AttendanceOfMember,
            Cell,
            Unexcused,
            ResidenceComment,
            MonthsCovered,
            FirstMonth,
            ReceiptNo,
            Arrangement,
            YearInputs,
        ] {
            assert!(
                !Lang::Vi.yr(k).is_empty() && !Lang::En.yr(k).is_empty(),
                "{k:?}"
            );
            assert_ne!(Lang::Vi.yr(k), Lang::En.yr(k), "{k:?}");
        }
    }
}
