//! The catalogue of problem codes: every `code` a problem document can carry, with its status
//! and what it means. The wire strings are stable; a new code is added here, never renamed.

use serde::{Deserialize, Serialize};

macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident = $wire:literal, $status:literal, $description:literal;)*) => {
        /// A stable machine-readable problem code (`Problem.code`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum ErrorCode {
            $(
                #[doc = $description]
                #[serde(rename = $wire)]
                $variant,
            )*
            /// A code this build does not know (a newer server's), or a problem made by a client
            /// itself (no network): never sent by this server, not in [`ErrorCode::ALL`].
            #[serde(rename = "unrecognised", other)]
            Unrecognised,
        }

        impl ErrorCode {
            /// Every code, in catalogue order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            /// The wire string (`snake_case`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $wire,)*
                    ErrorCode::Unrecognised => "unrecognised",
                }
            }

            /// The HTTP status a problem with this code has.
            pub const fn status(self) -> u16 {
                match self {
                    $(ErrorCode::$variant => $status,)*
                    ErrorCode::Unrecognised => 0,
                }
            }

            /// What the code means, for a person.
            pub const fn description(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $description,)*
                    ErrorCode::Unrecognised => "A code this build does not know",
                }
            }

            /// The code with this wire string, if it is catalogued.
            pub fn from_wire(wire: &str) -> Option<Self> {
                match wire {
                    $($wire => Some(ErrorCode::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

error_codes! {
    MalformedRequest = "malformed_request", 400, "The request cannot be read: bad JSON, query string, path, header or cursor";
    NotAuthenticated = "not_authenticated", 401, "No credentials: send `Authorization: Bearer <token>`";
    InvalidToken = "invalid_token", 401, "The access or API token is invalid, expired or revoked: sign in again";
    InvalidCredentials = "invalid_credentials", 401, "Wrong user name or password";
    InvalidRefreshToken = "invalid_refresh_token", 401, "Unknown, expired or revoked refresh token";
    RefreshTokenReused = "refresh_token_reused", 401, "A refresh token was used twice: the whole session is revoked";
    Forbidden = "forbidden", 403, "Authenticated, but the role or level may not do this";
    NotFound = "not_found", 404, "No such record, or a record outside the caller's organisation subtree";
    MethodNotAllowed = "method_not_allowed", 405, "The path exists, but not with this method (see `Allow`)";
    AlreadyExists = "already_exists", 409, "A unique value is already taken (e.g. an organisation code)";
    AlreadyHeld = "already_held", 409, "The member already holds this badge";
    AlreadyProposed = "already_proposed", 409, "The member is already proposed for this milestone";
    CannotChangeSelf = "cannot_change_self", 422, "An account may not disable itself or lower its own role";
    CaseSettled = "case_settled", 409, "The inspection, complaint or denunciation is already settled";
    CardAlreadyActive = "card_already_active", 409, "The member already has an active card";
    CardNotActive = "card_not_active", 409, "The card is no longer active (reissued or revoked)";
    CardNumberFormat = "card_number_format", 422, "The card number does not follow the format";
    CardNumberTaken = "card_number_taken", 409, "The card number is on another card";
    CardNumbersExhausted = "card_numbers_exhausted", 409, "No card number left in the organisation's series";
    ConcurrentUpdate = "concurrent_update", 409, "Someone else is updating the same data: retry";
    Cycle = "cycle", 422, "The move would put an organisation under its own subtree";
    IdempotencyInProgress = "idempotency_in_progress", 409, "A request with the same Idempotency-Key is still being processed";
    IdempotencySecretNotReplayed = "idempotency_secret_not_replayed", 409, "A retry of a request whose answer showed a secret once (a new API token): the secret is not shown again";
    MemberNotActive = "member_not_active", 409, "The member is not active (exited, or in transit); 422 when a card is issued to one";
    MemberNotExited = "member_not_exited", 409, "The member is not a former member";
    NationalIdTaken = "national_id_taken", 409, "The CCCD is already on another record in the caller's scope";
    NotEmpty = "not_empty", 409, "The organisation still has members or children";
    NotProbationary = "not_probationary", 409, "The member is not probationary";
    NotOutOfContact = "not_out_of_contact", 409, "The member is not recorded out of contact";
    NothingToAnnul = "nothing_to_annul", 409, "No exit or discipline of the member to annul";
    TemporaryNotInEffect = "temporary_not_in_effect", 409, "Not a temporary registration in effect (not received, or ended already)";
    PersonalHistoryNoTaken = "personal_history_no_taken", 409, "The personal-history number is already on another record";
    ProposalDecided = "proposal_decided", 409, "The badge proposal was already decided";
    RecognitionRefused = "recognition_refused", 409, "The member was not recognised as official: only the name removal remains";
    RecordedElsewhere = "recorded_elsewhere", 409, "The person has a record outside the caller's scope (where is not said): ask for a transfer";
    RoundClosed = "round_closed", 409, "The evaluation year is closed for the organisation: ratings are read-only";
    RoundOpen = "round_open", 409, "The evaluation year is not closed";
    TransferNotPending = "transfer_not_pending", 409, "The transfer was already decided or cancelled";
    TransferPending = "transfer_pending", 409, "The member has a pending transfer";
    TransfersPending = "transfers_pending", 409, "Transfers are pending in the organisation";
    UsernameTaken = "username_taken", 409, "The user name is taken";
    LiaisonOpen = "liaison_open", 409, "The member already has a running residence liaison: end it first";
    LiaisonEnded = "liaison_ended", 409, "The residence liaison is already ended";
    VersionMismatch = "version_mismatch", 412, "The record changed since it was read (stale `If-Match`): reload and retry";
    PayloadTooLarge = "payload_too_large", 413, "The request body is larger than the endpoint accepts";
    ValidationFailed = "validation_failed", 422, "Fields break their format: see `errors`";
    BelowHeld = "below_held", 422, "The milestone is not above the badges the member already holds";
    ConsentRequired = "consent_required", 422, "Readmission needs the superior committee's consent";
    DateOrder = "date_order", 422, "Dates out of order";
    DisciplineInForce = "discipline_in_force", 422, "A discipline in force prevents this";
    DisciplineUnderConsideration = "discipline_under_consideration", 422, "A discipline under consideration holds the badge until its outcome";
    FormNotAllowed = "form_not_allowed", 422, "This discipline form does not apply to the member";
    IdempotencyKeyReused = "idempotency_key_reused", 422, "The same Idempotency-Key was sent with another body";
    IllnessCap = "illness_cap", 422, "Ill three months or more in the year: the level is capped at `complete`";
    InvalidParentKind = "invalid_parent_kind", 422, "The organisation kind cannot sit under that parent";
    InvalidYear = "invalid_year", 422, "The year is out of range";
    LevelScoreMismatch = "level_score_mismatch", 422, "The level is above the score's band (rule 14)";
    LevelReasonRequired = "level_reason_required", 422, "A level below the score's band needs its reason (rule 14)";
    MaternityOutsideYear = "maternity_outside_year", 422, "A maternity leave recorded with a rating lies outside the year, or ends before it begins";
    DisciplinedInYear = "disciplined_in_year", 422, "A member disciplined during the year is rated not complete unless self-remedied (rule 15)";
    RegulationInChain = "regulation_in_chain", 409, "The document is already in that chain of regulations";
    RegulationDateTaken = "regulation_date_taken", 409, "Another document came into force on that day";
    MembershipInvariant = "membership_invariant", 422, "A sync package would leave a member in two places";
    NoGrassroots = "no_grassroots", 422, "The organisation has no grassroots organisation above it";
    NoPartyAge = "no_party_age", 422, "The member has no party age at that date";
    PartyAgeMismatch = "party_age_mismatch", 422, "The party age from the dates typed in is not the one the sender's paper states";
    NotAMilestone = "not_a_milestone", 422, "Not a badge milestone";
    NotAnOccasion = "not_an_occasion", 422, "Not a badge occasion: 3 Feb, 19 May, 2 Sep, 7 Nov or a recorded special occasion";
    NotEligible = "not_eligible", 422, "The member is not eligible for the badge";
    NotGrassroots = "not_grassroots", 422, "Not a grassroots organisation";
    NotMemberThatYear = "not_member_that_year", 422, "The member was not a member in that year";
    NotOfficial = "not_official", 422, "The member is not official";
    NotRatable = "not_ratable", 422, "The member cannot be rated that year";
    NotRatedReasonInvalid = "not_rated_reason_invalid", 422, "The reason for `not_rated` does not apply";
    NotRatedReasonRequired = "not_rated_reason_required", 422, "`not_rated` needs a reason";
    OfficialTransferBlocked = "official_transfer_blocked", 422, "An inspection, complaint, denunciation or discipline review is open: no official transfer until it is settled (a temporary one is allowed)";
    OrganizationClosed = "organization_closed", 422, "The organisation is closed";
    PeriodReversed = "period_reversed", 422, "The period ends before it starts";
    ReportByYear = "report_by_year", 422, "The report counts one calendar year's targets: ask it with `year`, or `from` and `to` inside one year (no `as_of`)";
    ResolutionInFuture = "resolution_in_future", 422, "The congress resolution is dated after today";
    CandidateFileClosed = "candidate_file_closed", 422, "The candidate's file is closed (admitted, refused or dropped)";
    DateInFuture = "date_in_future", 422, "The date is after today";
    LiaisonNotRunning = "liaison_not_running", 422, "The residence liaison did not run during that year, or the year is still to come";
    BeforeIdentification = "before_identification", 422, "Dated before the candidate was identified";
    StepOutOfOrder = "step_out_of_order", 422, "A step of the admission file it needs is not recorded yet (rule 30)";
    StepAfterLaterStep = "step_after_later_step", 422, "A later step of the admission file is already recorded (rule 30)";
    DateBeforeEarlierStep = "date_before_earlier_step", 422, "Dated before a step it follows (rule 30)";
    StepAlreadyRecorded = "step_already_recorded", 422, "This step of the admission file is recorded once, and it is";
    IntroducerNotOfficial = "introducer_not_official", 422, "The introducer is not an official member on that date (rule 25)";
    IntroducerTooShortTogether = "introducer_too_short_together", 422, "The introducer has not worked with the candidate for 12 months (rule 25)";
    IntroducerLeft = "introducer_left", 422, "The introducer has left the organisation (rule 25)";
    IntroducerDisciplined = "introducer_disciplined", 422, "The introducer is under a discipline (rule 25)";
    IntroducerNothingToReplace = "introducer_nothing_to_replace", 422, "No introducer left or was disciplined: nothing to replace (rule 25)";
    IntroducerRepeated = "introducer_repeated", 422, "The member already introduces the candidate";
    IntroductionsComplete = "introductions_complete", 422, "Two introductions stand already (rule 25)";
    NotUnionMember = "not_union_member", 422, "The candidate is not a member of the introducing union (rule 26)";
    IntroductionsIncomplete = "introductions_incomplete", 422, "The cell resolved without the introductions it needs (rule 26)";
    YouthUnionIntroductionRequired = "youth_union_introduction_required", 422, "A Youth Union member of youth age is introduced by the Youth Union (rule 26)";
    CertificateExpired = "certificate_expired", 422, "The awareness course certificate is no longer valid (rule 24)";
    VoteInconsistent = "vote_inconsistent", 422, "More agreeing than members, or no members";
    VoteUnderTwoThirds = "vote_under_two_thirds", 422, "Fewer than two thirds of the members agreed (rules 27–28)";
    NoGrassrootsCommittee = "no_grassroots_committee", 422, "A grassroots cell has no grassroots committee resolution";
    ExtensionAfterDeadline = "extension_after_deadline", 422, "The extension is recorded after the deadline it extends (rule 29)";
    DecisionPastDeadline = "decision_past_deadline", 422, "The decision is past its deadline and no reason is recorded (rule 29)";
    DecisionReceivedOutOfOrder = "decision_received_out_of_order", 422, "The decision received before it was signed or after the ceremony";
    TooYoung = "too_young", 422, "Under 18 in whole months on the cell's resolution (rule 1)";
    CeremonyTooLate = "ceremony_too_late", 422, "The ceremony is past its 30 working days without approval (rule 2)";
    ProbationNotFinished = "probation_not_finished", 422, "The 12 months of probation since the ceremony are not over";
    QuotaExceeded = "quota_exceeded", 422, "More `excellent` ratings than the quota allows";
    ReadmissionNotAllowed = "readmission_not_allowed", 422, "The former member may not be readmitted";
    ReadmissionTooEarly = "readmission_too_early", 422, "Too early to readmit the former member";
    ReferenceInvalid = "reference_invalid", 422, "A referenced record does not exist";
    ReportedLate = "reported_late", 422, "The transfer was reported late: give `late_reason`";
    ScoreNotAllowed = "score_not_allowed", 422, "A score is not allowed with this level";
    ScoreNotUsed = "score_not_used", 422, "A score is not used in that year's regulation";
    SyncFormatUnknown = "sync_format_unknown", 422, "The sync package's format is unknown";
    SyncKeyMissing = "sync_key_missing", 409, "The installation has no sync key configured";
    SyncKeyUnbound = "sync_key_unbound", 422, "The signing key is not bound to an organisation";
    SyncKeyUntrusted = "sync_key_untrusted", 422, "The package is signed by a key this installation does not trust";
    SyncOutsideSubtree = "sync_outside_subtree", 422, "The package writes outside the subtree its key is trusted for";
    SyncSignatureInvalid = "sync_signature_invalid", 422, "The package's signature is invalid";
    SyncVersionJump = "sync_version_jump", 422, "The package skips versions of a record";
    TemporaryTooLong = "temporary_too_long", 422, "The temporary transfer is too long";
    TemporaryTooShort = "temporary_too_short", 422, "The temporary transfer is too short";
    TransferFiledLate = "transfer_filed_late", 422, "The transfer was filed too late";
    DuesBaseNegative = "dues_base_negative", 422, "The income on which dues are based cannot be negative";
    DuesBaseRequired = "dues_base_required", 422, "The category computes dues from a base: enter it";
    DuesReliefPercent = "dues_relief_percent", 422, "A relief is an exemption (100 %) or a reduction of 30, 50 or 70 %";
    DuesReliefTooLong = "dues_relief_too_long", 422, "An exemption or reduction for hardship lasts at most the months the dues regulation allows (12)";
    DuesReliefOpenEnded = "dues_relief_open_ended", 422, "An exemption or reduction for hardship needs its last month";
    DuesReliefBackwards = "dues_relief_backwards", 422, "The last month is before the first";
    DuesPaymentEmpty = "dues_payment_empty", 422, "A payment needs an amount and a number of months";
    DuesPrepaymentNotArranged = "dues_prepayment_not_arranged", 422, "A payment covers a month ahead without a prepayment arrangement recorded for it";
    DuesNotInCell = "dues_not_in_cell", 422, "The member does not belong to the cell that month";
    DuesLineRepeated = "dues_line_repeated", 422, "The sheet lists the member twice";
    RateLimited = "rate_limited", 429, "Too many attempts: wait `Retry-After` seconds";
    IdentifierChecksExhausted = "identifier_checks_exhausted", 429, "The day's allowance of identifiers held outside the caller's scope is used up";
    ImportRunning = "import_running", 429, "The caller's previous import has not ended";
    ImportsBusy = "imports_busy", 429, "The server runs as many imports as it allows: retry later";
    ReportIdentityBroken = "report_identity_broken", 500, "A report's figures break the identity they must hold (due = paid + deferred + arrears): nothing was sent; quote the request id";
    InternalError = "internal_error", 500, "Unexpected failure: quote the request id";
    DatabaseUnavailable = "database_unavailable", 503, "The database is unreachable: retry later";
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ErrorCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::extensions::ExtensionsBuilder;
        use utoipa::openapi::{ObjectBuilder, Type};
        let mut description = String::from(
            "Stable machine-readable problem code. The catalogue (status, meaning):\n",
        );
        for code in Self::ALL {
            description.push_str(&format!(
                "\n- `{}` ({}): {}",
                code.as_str(),
                code.status(),
                code.description()
            ));
        }
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(description))
            .enum_values(Some(Self::ALL.iter().map(|c| c.as_str())))
            .extensions(Some(
                // One extension only: utoipa keeps extensions in a HashMap, so two would be
                // written in a varying order and the committed document would drift.
                ExtensionsBuilder::new()
                    .add(
                        "x-enum-descriptions",
                        Self::ALL
                            .iter()
                            .map(|c| c.description())
                            .collect::<Vec<_>>(),
                    )
                    .build(),
            ))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ErrorCode {}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn every_code_reads_back_from_its_wire_string() {
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::from_wire(code.as_str()), Some(*code));
            let json = serde_json::to_string(code).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }
}
