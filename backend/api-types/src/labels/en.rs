//! English labels of every term (see [`crate::vocabulary`]).

use crate::movements::TransferKind;
use crate::vocabulary::labels;

labels!(English, en;
    TransferKind { Official => "Official", Temporary => "Temporary" }
);

// Transfers, cards, badges, evaluations and reports.
labels!(English, en;
    crate::movements::TransferPurpose { Work => "Work", Residence => "Residence", Study => "Study", Abroad => "Abroad" }
    crate::movements::TransferStatus {
        Pending => "Pending",
        Accepted => "Accepted",
        Rejected => "Rejected",
        Cancelled => "Cancelled",
        Completed => "Completed",
    }
    crate::movements::TransferDirection { Incoming => "Incoming", Outgoing => "Outgoing" }
    crate::cards::CardStatus {
        Active => "Active",
        Void => "Void",
        Revoked => "Revoked",
        Collected => "Collected",
        Kept => "Kept by the family (deceased)",
    }
    crate::cards::ReissueReason { Lost => "Lost", Damaged => "Damaged", Exchange => "Exchange (Directive 51-CT/TW)" }
    crate::badges::BadgeStatus { Awarded => "Awarded", Returned => "Returned" }
    crate::badges::ProposalStatus { Proposed => "Proposed", Approved => "Approved", Rejected => "Rejected" }
    crate::evaluations::EvaluationLevel {
        Excellent => "Excellent",
        Good => "Good",
        Complete => "Complete",
        NotComplete => "Not complete",
        NotRated => "Not rated",
    }
    crate::evaluations::NotRatedReason {
        RecentlyAdmitted => "Recently admitted",
        Exempt => "Exempt from activities",
        Suspended => "Suspended from activities",
    }
    crate::evaluations::RoundStatus { Open => "Open", Closed => "Closed" }
    crate::reports::ReportCode {
        Movement => "Membership movement",
        Composition => "Membership composition",
        Admissions => "New admissions",
        Evaluations => "Evaluation results",
        Discipline => "Discipline",
        Badges => "Party badges awarded",
        Completeness => "Dossier completeness",
        Timeliness => "Data-entry timeliness",
        Development => "Developing new members",
        Meetings => "Cell meetings and attendance",
        Duties => "Duties assigned to members",
        Dues => "Party dues collected and owed",
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

labels!(English, en;
    Gender { Male => "Male", Female => "Female" }
    PoliticalTheory {
        None => "None",
        Elementary => "Elementary",
        Intermediate => "Intermediate",
        Advanced => "Advanced",
        Bachelor => "Bachelor",
    }
    MemberStatus {
        Probationary => "Probationary",
        Official => "Official",
        Exited => "Exited",
        TransferredOut => "Transferred out",
        Candidate => "Candidate",
    }
    MemberEventKind {
        Admitted => "Admitted",
        Recognized => "Recognised as official",
        ProfileCorrected => "Dossier corrected",
        SupplementFiled => "Annual supplement filed",
        TransferIssued => "Transfer issued",
        TransferReceived => "Transfer received",
        TransferRejected => "Transfer rejected",
        TransferCancelled => "Transfer cancelled",
        TemporaryTransferIssued => "Temporary transfer issued",
        TemporaryTransferReceived => "Temporary transfer received",
        TemporaryTransferRejected => "Temporary transfer rejected",
        TemporaryTransferCancelled => "Temporary transfer cancelled",
        TransferredOut => "Transferred out",
        MovedByRestructure => "Moved by restructuring",
        Disciplined => "Disciplined",
        DisciplineHeld => "Complaint / re-offence",
        Exited => "Exited",
        Readmitted => "Re-admitted",
        ExitAnnulled => "Exit annulled",
        AbsenceRecorded => "Working away",
        ExemptionRecorded => "Exempted from activities",
        LostContact => "Out of contact",
        ContactRestored => "Contact restored",
        InterruptionRecorded => "Past interruption recorded",
        DisciplineAnnulled => "Wrongful discipline annulled",
        ArrivedFromOutside => "Arrived from outside the system",
        TemporaryTransferEnded => "Temporary registration ended",
        NotRecognized => "Not recognised as official",
        CaseOpened => "Inspection, complaint or denunciation opened",
        CaseSettled => "Inspection, complaint or denunciation settled",
    }
    DisciplineHoldKind { Complaint => "Complaint", Reoffence => "Re-offence" }
    crate::cases::CaseKind {
        Inspection => "Inspection",
        Complaint => "Complaint",
        Denunciation => "Denunciation",
        DisciplineReview => "Discipline under consideration",
    }
    crate::cases::ComplaintRuling {
        Upheld => "Upheld",
        Reduced => "Reduced",
        Annulled => "Annulled",
    }
    AlertKind {
        RecognitionOverdue => "Recognition overdue",
        TransferNotReceived => "Transfer not received",
        AwayTooLong => "Away too long",
        DisciplineLapsing => "Discipline lapsing",
        TemporaryTransferExpired => "Temporary transfer expired",
        RemovalNotRecorded => "Not recognised, removal not recorded",
        LateEntry => "Late data entry",
        NameRemovalProposed => "Name removal proposed",
        CandidateCertificateExpired => "Candidate's awareness certificate expired",
        CandidateIntroducerLeft => "Candidate's introducer left",
        CandidateIntroducerDisciplined => "Candidate's introducer disciplined",
        CandidateDecisionOverdue => "Admission decision overdue",
        CandidateCeremonyOverdue => "Admission ceremony overdue",
        LiaisonCommentMissing => "Residence cell's comment missing",
        RegularMeetingMissing => "Month without a regular meeting",
        TopicalMeetingMissing => "Quarter without a topical meeting",
        DutiesClosed => "Duties closed by a transfer or an exit",
        DuesArrears => "Dues in arrears",
    }
    MembershipEnd {
        TransferredOut => "Transferred out",
        Restructured => "Out by restructuring",
        NameRemoved => "Name removed",
        Resigned => "Resigned",
        Expelled => "Expelled",
        Deceased => "Died",
    }
    MembershipStart {
        Admitted => "Admitted",
        TransferredIn => "Transferred in",
        Readmitted => "Re-admitted",
        Restructured => "In by restructuring",
    }
    DisciplineForm {
        Reprimand => "Reprimand",
        Warning => "Warning",
        Dismissal => "Dismissal",
        Expulsion => "Expulsion",
    }
    ExitReason { NameRemoved => "Name removed", Resigned => "Resigned", Deceased => "Deceased" }
    PeriodKind { Absence => "Working away", Exemption => "Exemption" }
    Role {
        Admin => "Administrator",
        Organizer => "Organizer",
        Viewer => "Viewer",
        Integration => "Integration",
    }
    ChangeEntity {
        Organization => "Organisation",
        Member => "Member",
        Transfer => "Transfer",
        Evaluation => "Evaluation",
        Card => "Card",
        BadgeProposal => "Badge proposal",
        Badge => "Badge",
        Candidate => "Candidate for admission",
        Meeting => "Cell meeting",
        Duty => "Assigned duty",
        Liaison => "Residence liaison",
        DuesBasis => "Dues basis",
        DuesRelief => "Dues exemption or reduction",
        DuesArrangement => "Dues deferral or prepayment",
        DuesPayment => "Dues payment",
    }
    ImportStatus {
        Running => "Importing",
        Succeeded => "Imported",
        Failed => "Not imported",
        Interrupted => "Interrupted",
    }
    ImportKind {
        Members => "Members",
        Candidates => "Candidates",
        Meetings => "Meetings and attendance",
        Dues => "Party dues",
    }
);

// The audit trail.
labels!(English, en;
    crate::audit::AuditEntity {
        Organization => "Party organisation",
        Member => "Member",
        Transfer => "Transfer",
        Evaluation => "Evaluation",
        Card => "Party card",
        Badge => "Party badge",
        BadgeProposal => "Badge proposal",
        MemberBadges => "Member's badges",
        EvaluationRound => "Evaluation round",
        Discipline => "Discipline",
        Illness => "Serious illness",
        BadgeOccasion => "Special badge occasion",
        User => "User account",
        ApiToken => "Integration token",
        SyncKey => "Sync key",
        SyncPackage => "Sync package",
        IdentifierCheck => "Identifier check",
        Export => "Export",
        MemberCase => "Inspection, complaint or denunciation",
        Calendar => "Working-day calendar",
        Regulation => "Regulation",
        RuleSetting => "Rule setting",
        AdmissionTarget => "Admission target",
        Candidate => "Candidate for admission",
        Liaison => "Residence liaison",
        LiaisonComment => "Residence cell's comment",
        Meeting => "Cell meeting",
        Duty => "Assigned duty",
        DuesBasis => "Dues basis",
        DuesRelief => "Dues exemption or reduction",
        DuesArrangement => "Dues deferral or prepayment",
        DuesPayment => "Dues payment",
    }
);

labels!(English, en;
    crate::audit::AuditAction {
        Create => "Created",
        Update => "Updated",
        Supplement => "Supplement filed",
        Recognize => "Recognised",
        Discipline => "Disciplined",
        Hold => "Discipline held",
        Remedy => "Remedy recognised",
        Exit => "Exited",
        Readmit => "Readmitted",
        Absence => "Absence recorded",
        Exemption => "Exemption recorded",
        Interruption => "Interruption of party age recorded",
        Annul => "Wrongful decision annulled",
        Arrive => "Arrived from outside the system",
        EndTemporary => "Temporary registration ended",
        Accept => "Accepted",
        Rejected => "Rejected",
        Cancelled => "Cancelled",
        Issue => "Card issued",
        Void => "Card voided",
        Reissue => "Card reissued",
        Revoke => "Revoked",
        Collect => "Card collected",
        Keep => "Card kept by the family",
        Propose => "Proposed",
        Approve => "Approved",
        Reject => "Not approved",
        Award => "Awarded",
        Return => "Returned",
        Close => "Closed",
        Reopen => "Reopened",
        Move => "Moved",
        Merge => "Merged",
        Dissolve => "Dissolved",
        MovedByRestructure => "Moved by restructuring",
        Sync => "Synchronised",
        SyncApply => "Sync applied",
        SyncTrust => "Key trusted",
        SyncContext => "Context written from a sync package",
        SyncImport => "Sync package imported",
        SignIn => "Signed in",
        SignInFailed => "Sign-in failed",
        Export => "Exported",
        IdentifierHeldElsewhere => "Identifier held elsewhere",
        OpenCase => "Case opened",
        Settle => "Settled",
        RefuseRecognition => "Recognition refused",
    }
);

labels!(English, en;
    crate::interruptions::PastInterruptionKind {
        OutOfContact => "Out of contact",
        OutOfParty => "Out of the party before a re-admission",
        TransferGap => "Gap of a transfer",
    }
    crate::interruptions::AnnulledDecision { Exit => "Exit decision", Discipline => "Discipline decision" }
    crate::interruptions::ArrivalSource {
        Army => "Army",
        Police => "Police",
        Abroad => "Abroad",
        NotOnSystem => "Organisation not on the system",
    }
);

// The working-day calendar.
labels!(English, en;
    crate::calendar::DayKind {
        NewYear => "New Year's Day",
        Tet => "Lunar New Year",
        HungKings => "Hùng Kings' day",
        Reunification => "Reunification Day",
        LabourDay => "Labour Day",
        NationalDay => "National Day",
        NationalDayAdjacent => "Day next to National Day",
        Compensatory => "Compensatory day off",
        SwappedDayOff => "Swapped day off",
        MakeUpWorkingDay => "Make-up working day",
        SpecialDayOff => "Other day off",
    }
    crate::calendar::CalendarSource { Computed => "Computed from the law", Decided => "As decided" }
);
// Regulation chains and their settings.
labels!(English, en;
    crate::regulations::RegulationChain {
        Charter => "Charter implementing regulation",
        Badge => "Party badge",
        Evaluation => "Evaluation",
        Discipline => "Party discipline",
        Dues => "Party dues",
        Annulment => "Apology and restoration after a wrongful discipline",
    }
    crate::regulations::QuotaBase {
        Good => "Members rated good",
        GoodOrBetter => "Members rated good or better",
    }
    crate::reports::EntryKind {
        Admission => "Admission",
        Transfer => "Transfer",
        Exit => "Exit",
        Death => "Death",
    }
    crate::changes::SyncWarningCode {
        SettingsDiffer => "Settings differ",
        SettingsUnknown => "Settings unknown",
    }
);

// Developing new members (issue 22).
labels!(English, en;
    crate::candidates::CandidateStage {
        Identified => "Candidate",
        Preparing => "File in preparation",
        Ready => "File complete, awaiting the cell",
        CellResolved => "Proposed by the cell",
        GrassrootsResolved => "Proposed by the grassroots committee",
        Decided => "Admission decided, ceremony due",
        Admitted => "Admitted",
        Refused => "Admission refused",
        Dropped => "Dropped",
    }
    crate::candidates::CandidateSource {
        YouthUnion => "Youth Union",
        WomensUnion => "Women's Union",
        Veterans => "Veterans' Association",
        TradeUnion => "Trade union",
        Workplace => "Workplace",
        Other => "Other",
    }
    crate::candidates::CandidateStepKind {
        HelpersAssigned => "Members assigned to help",
        AwarenessCourse => "Awareness course certificate",
        Application => "Application",
        PersonalHistory => "Personal history",
        HistoryVerified => "Personal history verified",
        Introduction => "Introduction by an official member",
        YouthUnionIntroduction => "Youth Union's introduction",
        TradeUnionIntroduction => "Trade union's introduction",
        CellResolution => "Cell's resolution",
        GrassrootsResolution => "Grassroots committee's resolution",
        DecisionExtended => "Decision deadline extended",
        AdmissionDecision => "Admission decision",
        AdmissionRefused => "Admission refused",
        Ceremony => "Admission ceremony",
    }
    crate::candidates::CandidateDropReason {
        Withdrew => "Withdrew",
        NotQualified => "Not qualified",
        CellNotApproved => "Cell's vote under two thirds",
        MovedAway => "Moved away",
        Deceased => "Deceased",
        Other => "Other reason",
    }
    crate::candidates::DevelopmentCategory {
        Women => "Women",
        YouthUnion => "Youth Union members",
        PrivateBusinessOwner => "Private business owners",
        Student => "Pupils and students",
        Worker => "Workers",
        FreeOrContractLabour => "Free and contract labour",
        Readmitted => "Re-admitted",
        PopulationPolicy => "Population-policy cases",
    }
);

// The fields of a member record (import template, export, reports).
labels!(English, en;
    crate::member_fields::MemberField {
        OrganizationId => "Cell code",
        FullName => "Full name",
        Gender => "Gender",
        BirthDate => "Date of birth",
        NationalId => "CCCD",
        LegacyIdNo => "Former ID card (CMND)",
        PersonalHistoryNo => "Personal-history number",
        BirthPlace => "Place of birth",
        Hometown => "Home town",
        PermanentAddress => "Permanent address",
        CurrentAddress => "Current address",
        Ethnicity => "Ethnicity",
        Religion => "Religion",
        Phone => "Phone",
        Email => "Email",
        EducationGeneral => "General education",
        ProfessionalQualification => "Professional qualification",
        AcademicDegree => "Academic degree",
        AcademicTitle => "Academic title",
        PoliticalTheory => "Political theory level",
        Occupation => "Occupation",
        JobTitle => "Job title",
        Workplace => "Workplace",
        YouthUnionJoinedOn => "Joined the Youth Union",
        Introducers => "Introducers",
        AdmissionDecisionOn => "Admission decision date",
        AdmissionDecisionNo => "Admission decision number",
        CeremonyOn => "Admission ceremony date",
        CeremonyPlace => "Admission ceremony place",
        OfficialOn => "Official since",
        FirstAdmissionDecisionOn => "First admission date",
        Status => "Status",
        PartyAge => "Party age",
        CardNumber => "Party card number",
    }
);

// The cell's year (issue 23).
labels!(English, en;
    crate::cell_year::MeetingKind { Regular => "Regular meeting", Topical => "Topical meeting" }
    crate::cell_year::Attendance {
        Present => "Present",
        Excused => "Absent with a reason",
        Absent => "Absent without a reason",
        Exempt => "Exempt from meetings",
        Elsewhere => "Attends a cell elsewhere (temporary registration)",
    }
    crate::cell_year::AbsenceCount { Meetings => "By meetings missed", Months => "By months missed" }
    crate::cell_year::DutyResult {
        Done => "Done",
        Exceeded => "Exceeded",
        NotDone => "Not done",
    }
    crate::cell_year::DutyClosure {
        Transfer => "Transferred out",
        Exit => "Left the Party or died",
        Withdrawn => "Withdrawn by the cell",
    }
    crate::cell_year::DuesCategory {
        SocialInsuranceSalary => "Salary on which social insurance is paid",
        SicknessMaternityBenefit => "Sickness or maternity benefit",
        Pension => "Pension",
        Student => "Pupil or student",
        NoInsuranceWorkingAge => "No social insurance, below retirement age",
        NoInsuranceRetirementAge => "No social insurance, at retirement age",
        Abroad => "Member abroad",
        Other => "Other",
    }
    crate::cell_year::DuesRelief {
        PartyAgeFifty => "Exempt: 50 years of party age",
        SocialPension => "Exempt: social pension",
        Hardship => "Exempt: poor household or serious illness",
        Reduction => "Exempt or reduced for hardship",
    }
    crate::cell_year::DuesMonthState {
        Paid => "Paid",
        PartlyPaid => "Partly paid",
        Deferred => "Deferred",
        Exempt => "Exempt",
        Unpaid => "Unpaid",
        Open => "Month in progress",
        NotDue => "Nothing due",
    }
    crate::cell_year::DuesArrangementKind { Deferral => "Deferral", Prepayment => "Prepayment" }
    crate::cell_year::PaymentChannel {
        Cash => "Cash to the cell",
        PublicServicePortal => "National Public Service Portal",
    }
    crate::cell_year::DuesLevel {
        Cell => "Cell or sub-committee",
        Grassroots => "Grassroots organisation",
        AboveGrassroots => "Levels above the grassroots",
    }
    crate::cell_year::LiaisonMode {
        Regular => "Liaison with a yearly comment",
        OnRequest => "Excused from residence activities; comment on request",
    }
    crate::cell_year::LiaisonCommentState {
        NotDue => "No comment due",
        Missing => "Comment missing",
        Written => "Comment written",
    }
    crate::cell_year::CellYearAlertKind {
        RegularMeetingMissing => "Month without a regular meeting",
        TopicalMeetingMissing => "Quarter without a topical meeting",
        LiaisonCommentMissing => "Residence cell's comment missing",
        DutiesClosed => "Duties closed by a transfer or an exit",
        DuesArrears => "Dues in arrears",
    }
);
