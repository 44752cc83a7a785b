//! The fields of a member record as a person reads them: the headers of the import template and
//! of the member export, and the titles of the reports that count them, labelled once in
//! [`crate::labels`].

crate::vocabulary::vocabulary! {
    /// A field of a member record (its code is the API field's name).
    pub enum MemberField {
        /// Mã chi bộ: the member's cell.
        OrganizationId = "organization_id",
        /// Họ và tên.
        FullName = "full_name",
        /// Giới tính.
        Gender = "gender",
        /// Ngày sinh.
        BirthDate = "birth_date",
        /// Số CCCD (căn cước công dân).
        NationalId = "national_id",
        /// Số CMND (chứng minh nhân dân cũ, 9 chữ số).
        LegacyIdNo = "legacy_id_no",
        /// Số lý lịch đảng viên.
        PersonalHistoryNo = "personal_history_no",
        /// Nơi sinh.
        BirthPlace = "birth_place",
        /// Quê quán.
        Hometown = "hometown",
        /// Nơi thường trú.
        PermanentAddress = "permanent_address",
        /// Nơi ở hiện nay.
        CurrentAddress = "current_address",
        /// Dân tộc.
        Ethnicity = "ethnicity",
        /// Tôn giáo.
        Religion = "religion",
        /// Điện thoại.
        Phone = "phone",
        /// Email.
        Email = "email",
        /// Trình độ giáo dục phổ thông.
        EducationGeneral = "education_general",
        /// Trình độ chuyên môn.
        ProfessionalQualification = "professional_qualification",
        /// Học vị.
        AcademicDegree = "academic_degree",
        /// Học hàm.
        AcademicTitle = "academic_title",
        /// Trình độ lý luận chính trị.
        PoliticalTheory = "political_theory",
        /// Nghề nghiệp.
        Occupation = "occupation",
        /// Chức vụ.
        JobTitle = "job_title",
        /// Nơi làm việc.
        Workplace = "workplace",
        /// Ngày vào Đoàn.
        YouthUnionJoinedOn = "youth_union_joined_on",
        /// Người giới thiệu.
        Introducers = "introducers",
        /// Ngày quyết định kết nạp.
        AdmissionDecisionOn = "admission_decision_on",
        /// Số quyết định kết nạp.
        AdmissionDecisionNo = "admission_decision_no",
        /// Ngày kết nạp: the day of the admission ceremony.
        CeremonyOn = "ceremony_on",
        /// Nơi kết nạp.
        CeremonyPlace = "ceremony_place",
        /// Ngày chính thức.
        OfficialOn = "official_on",
        /// Ngày kết nạp lần đầu (a re-admitted member).
        FirstAdmissionDecisionOn = "first_admission_decision_on",
        /// Trạng thái: the membership status.
        Status = "status",
        /// Tuổi đảng: party age in whole years (computed).
        PartyAge = "party_age",
        /// Số thẻ đảng viên: the valid card's number.
        CardNumber = "card_number",
    }
}
