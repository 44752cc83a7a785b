//! The cell's year (issue 23; `docs/cell-year.md`, rules 32–39 of `docs/rules.md`): meetings and
//! attendance, duties, the residence liaison of 213-QĐ/TW and party dues under 01-QĐ/TW (2026).
//! Amounts of money are integers in đồng everywhere; no concept here carries a float.

crate::vocabulary::vocabulary! {
    /// The kind of a cell meeting (sinh hoạt chi bộ).
    pub enum MeetingKind {
        /// Sinh hoạt chi bộ thường kỳ: one every month.
        Regular = "regular",
        /// Sinh hoạt chuyên đề: at least one every quarter; it does not replace the month's
        /// regular meeting.
        Topical = "topical",
    }
}

crate::vocabulary::vocabulary! {
    /// One member's attendance at one meeting. The first three are entered on the attendance
    /// sheet; the last two are derived from the member's record on the meeting's date and are
    /// never entered.
    pub enum Attendance {
        /// Có mặt.
        Present = "present",
        /// Vắng có lý do: the reason is recorded with it.
        Excused = "excused",
        /// Vắng không có lý do: counts towards a name-removal proposal (rule 36).
        Absent = "absent",
        /// Miễn công tác và sinh hoạt đảng on that date: not expected, never counted.
        Exempt = "exempt",
        /// Temporarily registered in another cell (sinh hoạt tạm thời) on that date: attends
        /// there, and that counts; not expected here.
        Elsewhere = "elsewhere",
    }
}

impl Attendance {
    /// The values a secretary enters on the sheet (the others are derived).
    pub const ENTERED: [Attendance; 3] =
        [Attendance::Present, Attendance::Excused, Attendance::Absent];

    /// Whether the member was expected at the meeting (exempt and elsewhere are not).
    pub fn expected(self) -> bool {
        Attendance::ENTERED.contains(&self)
    }
}

crate::vocabulary::vocabulary! {
    /// How rule 36 counts missed meetings: DOMAIN.md says "3 meetings", the charter regulations
    /// say "bỏ sinh hoạt đảng … ba tháng trong năm" (three months). A dated setting chooses.
    pub enum AbsenceCount {
        /// Each meeting missed without a reason counts once.
        Meetings = "meetings",
        /// Each calendar month with at least one meeting missed without a reason counts once.
        Months = "months",
    }
}

crate::vocabulary::vocabulary! {
    /// The result of a duty reviewed at a meeting (366-QĐ/TW art. 11 reads the shares).
    pub enum DutyResult {
        /// Hoàn thành.
        Done = "done",
        /// Hoàn thành vượt mức yêu cầu.
        Exceeded = "exceeded",
        /// Không hoàn thành.
        NotDone = "not_done",
    }
}

crate::vocabulary::vocabulary! {
    /// Why a duty was closed without a review.
    pub enum DutyClosure {
        /// The member was transferred out (official transfer received, or issued).
        Transfer = "transfer",
        /// The member left the Party (removal, resignation, expulsion, death).
        Exit = "exit",
        /// The cell withdrew the duty (e.g. the member changed post).
        Withdrawn = "withdrawn",
    }
}

crate::vocabulary::vocabulary! {
    /// What a member's monthly dues are computed from (01-QĐ/TW 2026, art. 3).
    pub enum DuesCategory {
        /// Tham gia bảo hiểm xã hội bắt buộc: 1 % of the salary on which compulsory social
        /// insurance was paid the month before.
        SocialInsuranceSalary = "social_insurance_salary",
        /// Nghỉ ốm đau, thai sản: 1 % of the sickness or maternity benefit paid by social
        /// insurance.
        SicknessMaternityBenefit = "sickness_maternity_benefit",
        /// Hưởng lương hưu: 0.5 % of the pension.
        Pension = "pension",
        /// Học sinh, sinh viên: a fixed amount (5,000 đ).
        Student = "student",
        /// No compulsory social insurance, below retirement age: a share of the regional
        /// minimum wage (secondary source only; see `docs/rules.md`, rule 32).
        NoInsuranceWorkingAge = "no_insurance_working_age",
        /// No compulsory social insurance, at retirement age without a pension: a smaller share
        /// of the regional minimum wage (secondary source only).
        NoInsuranceRetirementAge = "no_insurance_retirement_age",
        /// Members abroad: by the regulation's table for abroad (not found; an entered amount).
        Abroad = "abroad",
        /// Any other case: a fixed amount entered with its basis.
        Other = "other",
    }
}

crate::vocabulary::vocabulary! {
    /// An exemption from, or a reduction of, a member's dues (01-QĐ/TW 2026, art. 5).
    pub enum DuesRelief {
        /// Từ đủ 50 năm tuổi đảng trở lên: exempt from the month the 50 years are reached.
        PartyAgeFifty = "party_age_fifty",
        /// Hưởng trợ cấp hưu trí xã hội: exempt.
        SocialPension = "social_pension",
        /// Thuộc hộ nghèo, hộ cận nghèo, or a serious illness, on application: exempt.
        Hardship = "hardship",
        /// Other difficulty, on application: exempt or reduced by 30, 50 or 70 %, for at most 12
        /// months at a time.
        Reduction = "reduction",
    }
}

crate::vocabulary::vocabulary! {
    /// The state of one member's dues for one month (derived, never entered).
    pub enum DuesMonthState {
        /// Paid at least the amount due (possibly by a prepayment).
        Paid = "paid",
        /// Paid in part; the rest is in arrears.
        PartlyPaid = "partly_paid",
        /// Not paid, and the payment is deferred by a recorded arrangement (art. 5): no
        /// arrears, not counted by rule 37.
        Deferred = "deferred",
        /// Exempt: nothing is due.
        Exempt = "exempt",
        /// Not paid and not deferred, after the month ended: in arrears (rule 37 counts it).
        Unpaid = "unpaid",
        /// The month has not ended yet and nothing is paid.
        Open = "open",
        /// Not a member of the cell that month.
        NotDue = "not_due",
    }
}

crate::vocabulary::vocabulary! {
    /// An arrangement that lets a member pay other than month by month (01-QĐ/TW 2026 art. 5
    /// §2): members temporarily excused from meetings for working away, mobile work or a place
    /// without a party organisation, for at most the time of that excuse.
    pub enum DuesArrangementKind {
        /// Được chậm đóng: the months covered are deferred, not in arrears.
        Deferral = "deferral",
        /// Được đóng trước: payments may cover the months ahead.
        Prepayment = "prepayment",
    }
}

crate::vocabulary::vocabulary! {
    /// How a member paid.
    pub enum PaymentChannel {
        /// In cash to the cell.
        Cash = "cash",
        /// Through the National Public Service Portal (Cổng Dịch vụ công Quốc gia).
        PublicServicePortal = "public_service_portal",
    }
}

crate::vocabulary::vocabulary! {
    /// A level that keeps part of the dues collected (the split is a dated setting).
    pub enum DuesLevel {
        /// Chi bộ, đảng bộ bộ phận.
        Cell = "cell",
        /// Tổ chức cơ sở đảng.
        Grassroots = "grassroots",
        /// Cấp trên cơ sở: what is remitted above the grassroots organisation.
        AboveGrassroots = "above_grassroots",
    }
}

crate::vocabulary::vocabulary! {
    /// How a member working at an agency keeps the liaison with the cell where they live
    /// (213-QĐ/TW; HD 33-HD/BTCTW 2020 §1).
    pub enum LiaisonMode {
        /// Introduced to the residence cell, which comments every year before the evaluation.
        Regular = "regular",
        /// Introduced but excused from residence activities (armed forces in barracks, mobile
        /// work, full-time study away): no yearly comment, only on request.
        OnRequest = "on_request",
    }
}

crate::vocabulary::vocabulary! {
    /// The residence cell's comment for one member and year, as the working cell sees it.
    pub enum LiaisonCommentState {
        /// No yearly comment is due (on-request liaison, or introduced after the year).
        NotDue = "not_due",
        /// Due, and not written yet.
        Missing = "missing",
        /// Written by the residence cell.
        Written = "written",
    }
}

crate::vocabulary::vocabulary! {
    /// An alert of the cell's year, in `GET /alerts`.
    pub enum CellYearAlertKind {
        /// A month ended without a regular meeting (rule 34).
        RegularMeetingMissing = "regular_meeting_missing",
        /// A quarter ended without a topical meeting (rule 34).
        TopicalMeetingMissing = "topical_meeting_missing",
        /// The residence cell's comment is missing when the evaluation round opens (rule 39).
        LiaisonCommentMissing = "liaison_comment_missing",
        /// A member's duties were closed by a transfer or an exit (rule 38): the cell is told.
        DutiesClosed = "duties_closed",
        /// A member has dues in arrears (rule 33).
        DuesArrears = "dues_arrears",
    }
}
