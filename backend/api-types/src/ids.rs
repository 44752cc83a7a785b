//! Typed identifiers: an organisation id cannot be passed where a user id is expected.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map(Self)
            }
        }
    };
}

typed_id!(
    /// Identifier of an organisation (tổ chức đảng).
    OrgId
);
typed_id!(
    /// Identifier of a user account.
    UserId
);
typed_id!(
    /// Identifier of a member record.
    MemberId
);
typed_id!(
    /// Identifier of a transfer of party activity (chuyển sinh hoạt đảng).
    TransferId
);
typed_id!(
    /// Identifier of a party card (thẻ đảng viên).
    CardId
);
typed_id!(
    /// Identifier of an awarded party badge (huy hiệu Đảng).
    BadgeId
);
typed_id!(
    /// Identifier of a badge proposal.
    ProposalId
);
typed_id!(
    /// Identifier of a discipline decision (kỷ luật).
    DisciplineId
);
typed_id!(
    /// Identifier of an inspection, complaint, denunciation or discipline review of a member.
    CaseId
);
typed_id!(
    /// Identifier of a member's period of exemption or of working away.
    PeriodId
);
typed_id!(
    /// Identifier of a member's period of illness.
    IllnessId
);
typed_id!(
    /// Identifier of an import job.
    ImportId
);
typed_id!(
    /// Identifier of an API token.
    ApiTokenId
);
typed_id!(
    /// Identifier of an event of a member's history.
    EventId
);
typed_id!(
    /// Identifier of an audit entry.
    AuditEntryId
);
