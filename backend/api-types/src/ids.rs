//! Typed identifiers: an organisation id cannot be passed where a user id is expected.
//!
//! With the `db` feature each id is also a diesel `BigInt` on every engine, so a row's
//! fields and a model's arguments carry the same type as the route's path: the id is typed
//! from the route to the row.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "db", derive(diesel::AsExpression, diesel::FromSqlRow))]
        #[cfg_attr(feature = "db", diesel(sql_type = diesel::sql_types::BigInt))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        #[cfg(feature = "db")]
        impl<DB> diesel::serialize::ToSql<diesel::sql_types::BigInt, DB> for $name
        where
            DB: diesel::backend::Backend,
            i64: diesel::serialize::ToSql<diesel::sql_types::BigInt, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                <i64 as diesel::serialize::ToSql<diesel::sql_types::BigInt, DB>>::to_sql(
                    &self.0, out,
                )
            }
        }

        #[cfg(feature = "db")]
        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::BigInt, DB> for $name
        where
            DB: diesel::backend::Backend,
            i64: diesel::deserialize::FromSql<diesel::sql_types::BigInt, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                <i64 as diesel::deserialize::FromSql<diesel::sql_types::BigInt, DB>>::from_sql(bytes)
                    .map(Self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
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
typed_id!(
    /// Identifier of a member's evaluation (đánh giá, xếp loại) for a year.
    EvaluationId
);
typed_id!(
    /// Identifier of an organisation's evaluation round for a year.
    RoundId
);
typed_id!(
    /// Identifier of an organisation's admission target for a year.
    AdmissionTargetId
);
typed_id!(
    /// Identifier of one step of a candidate's admission file.
    CandidateStepId
);
typed_id!(
    /// Identifier of a cell meeting (sinh hoạt chi bộ).
    MeetingId
);
typed_id!(
    /// Identifier of a duty assigned to a member.
    DutyId
);
typed_id!(
    /// Identifier of a member's residence liaison (213-QĐ/TW).
    LiaisonId
);
typed_id!(
    /// Identifier of a member's dated dues basis.
    DuesBasisId
);
typed_id!(
    /// Identifier of a dues exemption or reduction.
    DuesReliefId
);
typed_id!(
    /// Identifier of a dues deferral or prepayment arrangement.
    DuesArrangementId
);
typed_id!(
    /// Identifier of a dues payment.
    DuesPaymentId
);
