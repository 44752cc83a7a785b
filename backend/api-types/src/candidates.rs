//! Developing new members (phát triển đảng viên): the candidates (quần chúng ưu tú) a cell
//! prepares for admission, the steps of their admission file, and the categories the
//! development report counts (issue 22; `docs/rules.md`, rules 24–31).

crate::vocabulary::vocabulary! {
    /// Where a candidate stands in the admission pipeline, derived from the dated steps of the
    /// file (never entered). In pipeline order; the last two end the file without an admission.
    pub enum CandidateStage {
        /// Quần chúng ưu tú: identified by the cell, official members assigned to help; no step
        /// of the file yet.
        Identified = "identified",
        /// Đang hoàn thiện hồ sơ: some of the certificate, application, personal history,
        /// verification and introductions are recorded, not all.
        Preparing = "preparing",
        /// Đủ hồ sơ: certificate, application, verified personal history and introductions
        /// recorded; the cell's resolution is next.
        Ready = "ready",
        /// Chi bộ đã có nghị quyết đề nghị kết nạp (≥ two thirds of the official members).
        CellResolved = "cell_resolved",
        /// Đảng ủy cơ sở đã có nghị quyết đề nghị kết nạp.
        GrassrootsResolved = "grassroots_resolved",
        /// Có quyết định kết nạp: the ceremony is due (rule 2).
        Decided = "decided",
        /// Đã kết nạp: the ceremony was held; the candidate is a probationary member.
        Admitted = "admitted",
        /// The competent committee did not agree to the admission.
        Refused = "refused",
        /// Thôi theo dõi: dropped from the pipeline with a reason.
        Dropped = "dropped",
    }
}

crate::vocabulary::vocabulary! {
    /// The organisation a candidate comes from (who proposed them to the cell).
    pub enum CandidateSource {
        /// Đoàn Thanh niên Cộng sản Hồ Chí Minh.
        YouthUnion = "youth_union",
        /// Hội Liên hiệp Phụ nữ.
        WomensUnion = "womens_union",
        /// Hội Cựu chiến binh.
        Veterans = "veterans",
        /// Công đoàn.
        TradeUnion = "trade_union",
        /// The agency, unit or enterprise where the candidate works.
        Workplace = "workplace",
        /// Another organisation, or none.
        Other = "other",
    }
}

crate::vocabulary::vocabulary! {
    /// One dated step of a candidate's admission file, each with its document number.
    pub enum CandidateStepKind {
        /// Nghị quyết phân công đảng viên chính thức giúp đỡ quần chúng (may be recorded again
        /// when a helper is replaced).
        HelpersAssigned = "helpers_assigned",
        /// Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng: valid 60 months (rule 24).
        AwarenessCourse = "awareness_course",
        /// Đơn xin vào Đảng.
        Application = "application",
        /// Lý lịch của người xin vào Đảng: written after the application.
        PersonalHistory = "personal_history",
        /// Thẩm tra lý lịch: the personal history verified and certified.
        HistoryVerified = "history_verified",
        /// An official member introduces the candidate (rule 25).
        Introduction = "introduction",
        /// The Youth Union's resolution introducing one of its members (rule 26).
        YouthUnionIntroduction = "youth_union_introduction",
        /// The trade union's resolution introducing one of its members (rule 26).
        TradeUnionIntroduction = "trade_union_introduction",
        /// The cell's resolution proposing the admission, with its vote (rule 27).
        CellResolution = "cell_resolution",
        /// The grassroots committee's resolution, with its vote (rule 28); none when the cell
        /// is itself a grassroots cell (chi bộ cơ sở).
        GrassrootsResolution = "grassroots_resolution",
        /// The competent committee extends its deadline (at most 30 working days, rule 29).
        DecisionExtended = "decision_extended",
        /// Quyết định kết nạp đảng viên (rule 29's deadline).
        AdmissionDecision = "admission_decision",
        /// The competent committee does not agree (same deadline as a decision).
        AdmissionRefused = "admission_refused",
        /// Lễ kết nạp (rule 2): the candidate becomes a probationary member.
        Ceremony = "ceremony",
    }
}

crate::vocabulary::vocabulary! {
    /// Why a candidate was dropped from the pipeline.
    pub enum CandidateDropReason {
        /// The candidate no longer wishes to join.
        Withdrew = "withdrew",
        /// Found not to meet the standards or conditions (e.g. by the verification).
        NotQualified = "not_qualified",
        /// The cell's vote did not reach two thirds of its official members (rule 27).
        CellNotApproved = "cell_not_approved",
        /// Moved to work, study or live under another party organisation.
        MovedAway = "moved_away",
        /// Died.
        Deceased = "deceased",
        /// Another reason, written out.
        Other = "other",
    }
}

crate::vocabulary::vocabulary! {
    /// A category the development report counts among the year's admissions (rule 31). One
    /// admission may count in several.
    pub enum DevelopmentCategory {
        /// Women.
        Women = "women",
        /// Members of the Youth Union when the cell resolved.
        YouthUnion = "youth_union",
        /// Private business owners (chủ doanh nghiệp tư nhân).
        PrivateBusinessOwner = "private_business_owner",
        /// Pupils and students.
        Student = "student",
        /// Workers (công nhân).
        Worker = "worker",
        /// Free and contract labour.
        FreeOrContractLabour = "free_or_contract_labour",
        /// Re-admissions (kết nạp lại, rule 13).
        Readmitted = "readmitted",
        /// Admissions and re-admissions of people who broke the population policy (Quy định
        /// 05-QĐi/TW 2018).
        PopulationPolicy = "population_policy",
    }
}

impl DevelopmentCategory {
    /// The categories that come from the candidate's occupation, entered with the record; the
    /// others are derived (gender, Youth Union membership, re-admission, population policy).
    pub const OCCUPATIONAL: [DevelopmentCategory; 4] = [
        DevelopmentCategory::PrivateBusinessOwner,
        DevelopmentCategory::Student,
        DevelopmentCategory::Worker,
        DevelopmentCategory::FreeOrContractLabour,
    ];
}
