//! The audit trail.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::changes::ChangeEntity;

crate::vocabulary::vocabulary! {
    /// The kind of record an audit entry is about: every record the feed publishes, and the
    /// records it does not (accounts, tokens, keys, identifier checks, exports…).
    pub enum AuditEntity {
        /// A party organisation.
        Organization = "organization",
        /// A member record.
        Member = "member",
        /// A transfer of party activity.
        Transfer = "transfer",
        /// An annual rating.
        Evaluation = "evaluation",
        /// A party card.
        Card = "card",
        /// An awarded badge.
        Badge = "badge",
        /// A badge proposal.
        BadgeProposal = "badge_proposal",
        /// A member's badges as a whole (their standing recomputed).
        MemberBadges = "member_badges",
        /// A grassroots organisation's evaluation round of a year.
        EvaluationRound = "evaluation_round",
        /// A discipline decision.
        Discipline = "discipline",
        /// A serious illness recorded for a member.
        Illness = "illness",
        /// A special badge occasion recorded by a provincial standing committee.
        BadgeOccasion = "badge_occasion",
        /// A user account (and its sign-ins).
        User = "user",
        /// An integration API token.
        ApiToken = "api_token",
        /// A trusted installation's signing key.
        SyncKey = "sync_key",
        /// A sync package applied.
        SyncPackage = "sync_package",
        /// A check of whether an identifier (CCCD) is recorded elsewhere.
        IdentifierCheck = "identifier_check",
        /// An export of records (a list, a report, a sync package).
        Export = "export",
        /// An inspection, complaint, denunciation or discipline review of a member.
        MemberCase = "member_case",
        /// A year of the working-day calendar (its holidays and make-up days).
        Calendar = "calendar",
        /// A document of a regulation chain (its date of force).
        Regulation = "regulation",
        /// A parameter of a regulation (a dated setting).
        RuleSetting = "rule_setting",
        /// An organisation's admission target for a year.
        AdmissionTarget = "admission_target",
        /// A candidate for admission and the admission file (issue 22).
        Candidate = "candidate",
        /// A member's introduction to the party organisation where they live (rule 39).
        Liaison = "liaison",
        /// The residence organisation's yearly comment on a liaison member (rule 39).
        LiaisonComment = "liaison_comment",
        /// A cell meeting with its attendance sheet (issue 23).
        Meeting = "meeting",
        /// A duty assigned to a member (issue 23).
        Duty = "duty",
        /// A member's dated dues basis (category and income base).
        DuesBasis = "dues_basis",
        /// An exemption or reduction of a member's dues.
        DuesRelief = "dues_relief",
        /// A deferral or prepayment arrangement of a member's dues.
        DuesArrangement = "dues_arrangement",
        /// A dues payment recorded on a cell's monthly sheet.
        DuesPayment = "dues_payment",
    }
}

crate::vocabulary::vocabulary! {
    /// What was done to a record: the action of an audit entry, and the operation of a change
    /// in the feed (the action that changed the record, or `update`).
    pub enum AuditAction {
        /// Created.
        Create = "create",
        /// Changed (a dossier correction, a renaming, an account's settings).
        Update = "update",
        /// A yearly supplement to the dossier filed.
        Supplement = "supplement",
        /// Recognised as an official member.
        Recognize = "recognize",
        /// Disciplined.
        Discipline = "discipline",
        /// A complaint or a re-offence recorded against a discipline.
        Hold = "hold",
        /// The cell's recognition that a disciplined member remedied the fault.
        Remedy = "remedy",
        /// Left the Party (name removed, resigned, deceased).
        Exit = "exit",
        /// Readmitted.
        Readmit = "readmit",
        /// A period of working away recorded.
        Absence = "absence",
        /// An exemption from party work and meetings recorded.
        Exemption = "exemption",
        /// An interruption of party age recorded (out of contact, restored, a past one).
        Interruption = "interruption",
        /// A wrongful decision annulled (117-QĐ/TW).
        Annul = "annul",
        /// A member arrived from outside the system.
        Arrive = "arrive",
        /// A temporary registration ended.
        EndTemporary = "end_temporary",
        /// A transfer received by the receiving cell.
        Accept = "accept",
        /// A transfer refused by the receiving cell.
        Rejected = "rejected",
        /// A transfer withdrawn by the sending side.
        Cancelled = "cancelled",
        /// A card issued.
        Issue = "issue",
        /// A card replaced by a reissue.
        Void = "void",
        /// A card reissued.
        Reissue = "reissue",
        /// Revoked (a card by decision, an API token).
        Revoke = "revoke",
        /// A card collected when the member left.
        Collect = "collect",
        /// A card kept by the family of a deceased member.
        Keep = "keep",
        /// Badges proposed.
        Propose = "propose",
        /// A badge proposal approved.
        Approve = "approve",
        /// A badge proposal rejected.
        Reject = "reject",
        /// A badge awarded.
        Award = "award",
        /// A badge returned (the member left).
        Return = "return",
        /// An evaluation round closed.
        Close = "close",
        /// An evaluation round reopened.
        Reopen = "reopen",
        /// An organisation moved in the tree.
        Move = "move",
        /// Organisations merged (their members moved).
        Merge = "merge",
        /// An organisation dissolved.
        Dissolve = "dissolve",
        /// A member moved by a restructuring.
        MovedByRestructure = "moved_by_restructure",
        /// Written by a sync package applied.
        Sync = "sync",
        /// A record written from a sync package.
        SyncApply = "sync_apply",
        /// An installation's key trusted.
        SyncTrust = "sync_trust",
        /// An organisation above a sync package's subtree written as context for it.
        SyncContext = "sync_context",
        /// A sync package imported (one entry for the whole package).
        SyncImport = "sync_import",
        /// A successful sign-in.
        SignIn = "sign_in",
        /// A refused sign-in.
        SignInFailed = "sign_in_failed",
        /// Records exported (a list, a report, a sync package).
        Export = "export",
        /// A caller told that a CCCD is recorded outside its scope.
        IdentifierHeldElsewhere = "identifier_held_elsewhere",
        /// An inspection, complaint, denunciation or discipline review of a member opened.
        OpenCase = "open_case",
        /// A case (inspection, complaint…) settled, or a complaint ruled on.
        Settle = "settle",
        /// Recognition as an official member refused (rule 4).
        RefuseRecognition = "refuse_recognition",
    }
}

impl AuditEntity {
    /// The kind of record the change feed publishes for this entity, if it publishes it.
    pub fn feed(self) -> Option<ChangeEntity> {
        match self {
            Self::Organization => Some(ChangeEntity::Organization),
            Self::Member => Some(ChangeEntity::Member),
            Self::Transfer => Some(ChangeEntity::Transfer),
            Self::Evaluation => Some(ChangeEntity::Evaluation),
            Self::Card => Some(ChangeEntity::Card),
            Self::Badge => Some(ChangeEntity::Badge),
            Self::BadgeProposal => Some(ChangeEntity::BadgeProposal),
            Self::Candidate => Some(ChangeEntity::Candidate),
            Self::MemberBadges
            | Self::EvaluationRound
            | Self::Discipline
            | Self::Illness
            | Self::BadgeOccasion
            | Self::User
            | Self::ApiToken
            | Self::SyncKey
            | Self::SyncPackage
            | Self::IdentifierCheck
            | Self::Export
            | Self::MemberCase => None,
            Self::Calendar => None,
            Self::Regulation | Self::RuleSetting => None,
            // Like evaluation rounds, an organisation's yearly figure: audited, not published.
            Self::AdmissionTarget => None,
            // The cell's year (issue 23). A comment is published as its liaison, which carries
            // the comments (the audit entry's id is the liaison's).
            Self::Liaison | Self::LiaisonComment => Some(ChangeEntity::Liaison),
            Self::Meeting => Some(ChangeEntity::Meeting),
            Self::Duty => Some(ChangeEntity::Duty),
            Self::DuesBasis => Some(ChangeEntity::DuesBasis),
            Self::DuesRelief => Some(ChangeEntity::DuesRelief),
            Self::DuesArrangement => Some(ChangeEntity::DuesArrangement),
            Self::DuesPayment => Some(ChangeEntity::DuesPayment),
        }
    }
}

impl AuditEntity {
    /// The operation the feed publishes for an audited `action` on this entity: a residence
    /// comment, written or replaced, is an `update` of its liaison.
    pub fn feed_operation(self, action: AuditAction) -> AuditAction {
        match self {
            Self::LiaisonComment => AuditAction::Update,
            _ => action,
        }
    }
}

impl From<ChangeEntity> for AuditEntity {
    fn from(e: ChangeEntity) -> Self {
        match e {
            ChangeEntity::Organization => Self::Organization,
            ChangeEntity::Member => Self::Member,
            ChangeEntity::Transfer => Self::Transfer,
            ChangeEntity::Evaluation => Self::Evaluation,
            ChangeEntity::Card => Self::Card,
            ChangeEntity::Badge => Self::Badge,
            ChangeEntity::BadgeProposal => Self::BadgeProposal,
            ChangeEntity::Candidate => Self::Candidate,
            ChangeEntity::Meeting => Self::Meeting,
            ChangeEntity::Duty => Self::Duty,
            ChangeEntity::Liaison => Self::Liaison,
            ChangeEntity::DuesBasis => Self::DuesBasis,
            ChangeEntity::DuesRelief => Self::DuesRelief,
            ChangeEntity::DuesArrangement => Self::DuesArrangement,
            ChangeEntity::DuesPayment => Self::DuesPayment,
        }
    }
}

/// One audited write.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Sequence number.
    pub id: crate::AuditEntryId,
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// The request that made the change.
    pub request_id: Option<String>,
    /// Who (user id), `null` for the system.
    pub actor_id: Option<crate::UserId>,
    /// Who (user name).
    pub actor_username: String,
    /// What was done.
    pub action: AuditAction,
    /// The kind of record.
    pub entity: AuditEntity,
    /// The record's id.
    pub entity_id: String,
    /// The record before the change (JSON), `null` for a creation.
    pub before: Option<serde_json::Value>,
    /// The record after the change (JSON).
    pub after: Option<serde_json::Value>,
}
