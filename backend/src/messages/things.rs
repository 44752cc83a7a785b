//! The kinds of record a 404 names ("no such … in your scope"), in both languages.

use qldv_api_types::vocabulary::Lang;

/// A kind of record the caller asked for and that is missing or outside the scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    /// Any stored row (a lookup by key found nothing).
    Record,
    /// A party member.
    Member,
    /// A party organisation.
    Organization,
    /// A user account.
    User,
    /// An integration key.
    ApiKey,
    /// An import run.
    Import,
    /// A report code.
    Report,
    /// A path under `/api/v1`.
    ApiPath,
    /// A transfer between cells.
    Transfer,
    /// An inspection, complaint or denunciation case.
    Case,
    /// A regulation document.
    Regulation,
    /// A discipline decision.
    Discipline,
    /// A party-badge proposal.
    BadgeProposal,
    /// A party card.
    Card,
    /// A candidate for admission (quần chúng ưu tú).
    Candidate,
    /// A cell meeting (issue 23).
    Meeting,
    /// A duty assigned to a member (issue 23).
    Duty,
    /// A member's residence liaison (213-QĐ/TW).
    Liaison,
    /// A dues basis, relief, arrangement or payment (issue 23).
    DuesRecord,
}

impl Thing {
    /// Every kind, for tests.
    pub const ALL: [Thing; 19] = [
        Thing::Record,
        Thing::Member,
        Thing::Organization,
        Thing::User,
        Thing::ApiKey,
        Thing::Import,
        Thing::Report,
        Thing::ApiPath,
        Thing::Transfer,
        Thing::Case,
        Thing::Regulation,
        Thing::Discipline,
        Thing::BadgeProposal,
        Thing::Card,
        Thing::Candidate,
        Thing::Meeting,
        Thing::Duty,
        Thing::Liaison,
        Thing::DuesRecord,
    ];

    /// The noun in `lang`.
    pub fn noun(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi(),
            Lang::En => self.en(),
        }
    }

    fn vi(self) -> &'static str {
        match self {
            Thing::Record => "bản ghi",
            Thing::Member => "đảng viên",
            Thing::Organization => "tổ chức",
            Thing::User => "người dùng",
            Thing::ApiKey => "khóa API",
            Thing::Import => "lượt nhập",
            Thing::Report => "báo cáo",
            Thing::ApiPath => "đường dẫn API",
            Thing::Transfer => "phiếu chuyển sinh hoạt",
            Thing::Case => "hồ sơ thanh tra, kiểm tra, khiếu nại, tố cáo",
            Thing::Regulation => "văn bản quy định",
            Thing::Discipline => "quyết định kỷ luật",
            Thing::BadgeProposal => "đề nghị tặng Huy hiệu",
            Thing::Card => "thẻ đảng viên",
            Thing::Candidate => "quần chúng ưu tú",
            Thing::Meeting => "buổi sinh hoạt chi bộ",
            Thing::Duty => "nhiệm vụ được phân công",
            Thing::Liaison => "giới thiệu đảng viên về nơi cư trú",
            Thing::DuesRecord => "khoản ghi đảng phí",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Thing::Record => "record",
            Thing::Member => "party member",
            Thing::Organization => "organisation",
            Thing::User => "user",
            Thing::ApiKey => "API key",
            Thing::Import => "import",
            Thing::Report => "report",
            Thing::ApiPath => "API path",
            Thing::Transfer => "transfer",
            Thing::Case => "inspection, complaint or denunciation case",
            Thing::Regulation => "regulation",
            Thing::Discipline => "discipline decision",
            Thing::BadgeProposal => "party-badge proposal",
            Thing::Card => "party card",
            Thing::Candidate => "candidate for admission",
            Thing::Meeting => "cell meeting",
            Thing::Duty => "assigned duty",
            Thing::Liaison => "residence liaison",
            Thing::DuesRecord => "party dues record",
        }
    }
}
