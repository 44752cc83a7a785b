//! The problem responses of the operations, each declared once with the codes it can carry:
//! `responses((status = 200, ...), problems::NotFound, problems::Stale)` in a handler's
//! `#[utoipa::path]`. The codes are listed in the description and in `x-problem-codes`.
//! (Responses every operation shares, such as 401 and 503, are added by `crate::openapi`.)

use std::collections::BTreeMap;

use qldv_api_types::ErrorCode;
use utoipa::openapi::extensions::ExtensionsBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::{Content, ObjectBuilder, Ref, RefOr, Type};

/// A problem response: its description followed by its codes, the codes again as
/// `x-problem-codes`, and `Retry-After` on a 429.
pub fn problem_response(status: u16, description: &str, codes: &[ErrorCode]) -> Response {
    let listed: Vec<String> = codes.iter().map(|c| format!("`{}`", c.as_str())).collect();
    let mut response = ResponseBuilder::new()
        .description(format!("{description}. Codes: {}.", listed.join(", ")))
        .content(
            "application/problem+json",
            Content::new(Some(Ref::from_schema_name("Problem"))),
        )
        .extensions(Some(
            ExtensionsBuilder::new()
                .add(
                    "x-problem-codes",
                    codes.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                )
                .build(),
        ));
    response = response.header(
        "Content-Language",
        HeaderBuilder::new()
            .schema(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(["vi", "en"])),
            )
            .description(Some(
                "The language of `title`, `detail` and the field messages: `en` when the \
                 request's `Accept-Language` prefers English, `vi` otherwise",
            ))
            .build(),
    );
    if status == 429 {
        response = response.header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(ObjectBuilder::new().schema_type(Type::Integer))
                .description(Some("Seconds to wait before trying again"))
                .build(),
        );
    }
    response.build()
}

macro_rules! problems {
    ($($(#[$doc:meta])* $name:ident = $status:literal, $description:literal, [$($code:ident),+];)*) => {
        $(
            $(#[$doc])*
            pub struct $name;

            impl utoipa::IntoResponses for $name {
                fn responses() -> BTreeMap<String, RefOr<Response>> {
                    BTreeMap::from([(
                        $status.to_string(),
                        RefOr::T(problem_response(
                            $status,
                            $description,
                            &[$(ErrorCode::$code),+],
                        )),
                    )])
                }
            }
        )*
    };
}

problems! {
    /// 404: Not found or outside the caller's scope.
    NotFound = 404, "Not found or outside the caller's scope", [NotFound];
    /// 403: Not of the provincial level.
    NotProvincial = 403, "Not of the provincial level", [Forbidden];
    /// 403: Not of the superior level.
    NotSuperior = 403, "Not of the superior level", [Forbidden];
    /// 403: A root organisation asked by anyone but a national administrator.
    RootNeedsNationalAdmin = 403, "A root organisation asked by anyone but a national administrator", [Forbidden];
    /// 403: Not a national administrator.
    NotNationalAdmin = 403, "Not a national administrator", [Forbidden];
    /// 403: Not an administrator.
    NotAdmin = 403, "Not an administrator", [Forbidden];
    /// 403: Not an integration account or administrator.
    NotFeedReader = 403, "Not an integration account or administrator", [Forbidden];
    /// 403: Read-only role.
    ReadOnlyRole = 403, "Read-only role", [Forbidden];
    /// 403: Role not grantable by the caller, or a national account asked by a scoped administrator.
    RoleNotGrantable = 403, "Role not grantable by the caller, or a national account asked by a scoped administrator", [Forbidden];
    /// 403: The package is for a subtree outside an attached administrator's own.
    PackageOutsideSubtree = 403, "The package is for a subtree outside an attached administrator's own", [Forbidden];
    /// 403: The role may not manage this account or grant this role.
    AccountNotManaged = 403, "The role may not manage this account or grant this role", [Forbidden];
    /// 409: No longer pending.
    TransferNotPending = 409, "No longer pending", [TransferNotPending];
    /// 409: CCCD or personal-history number already on another record.
    IdentifierTaken = 409, "CCCD or personal-history number already on another record", [NationalIdTaken, PersonalHistoryNoTaken, RecordedElsewhere];
    /// 409: Code already used.
    CodeTaken = 409, "Code already used", [AlreadyExists];
    /// 409: The card is no longer active.
    CardNotActive = 409, "The card is no longer active", [CardNotActive];
    /// 409: Already closed (`round_closed`).
    RoundAlreadyClosed = 409, "Already closed (`round_closed`)", [RoundClosed];
    /// 409: Already decided.
    ProposalDecided = 409, "Already decided", [ProposalDecided];
    /// 409: Already decided, or the badge is held.
    DecidedOrHeld = 409, "Already decided, or the badge is held", [ProposalDecided, AlreadyHeld];
    /// 409: Already held.
    AlreadyHeld = 409, "Already held", [AlreadyHeld];
    /// 409: Already proposed.
    AlreadyProposed = 409, "Already proposed", [AlreadyProposed];
    /// 409: Another transfer is pending, or the member is not active.
    MemberBusy = 409, "Another transfer is pending, or the member is not active", [TransferPending, MemberNotActive];
    /// 409: Member not active.
    MemberNotActive = 409, "Member not active", [MemberNotActive];
    /// 409: Not a former member.
    NotFormerMember = 409, "Not a former member", [MemberNotExited];
    /// 409: Not closed.
    RoundNotClosed = 409, "Not closed", [RoundOpen];
    /// 409: Not empty.
    OrganizationNotEmpty = 409, "Not empty", [NotEmpty];
    /// 409: Not probationary.
    NotProbationary = 409, "Not probationary", [NotProbationary];
    /// 409: Not probationary, or the recognition was refused (rule 4).
    NotRecognisable = 409, "Not probationary (`not_probationary`), or the recognition was refused: only the name removal remains (`recognition_refused`)", [NotProbationary, RecognitionRefused];
    /// 422: A step of a candidate's file (or the drop) breaks a rule (24–31, 1–2).
    StepRefused = 422, "A step of the admission file breaks a rule: the code names it", [CandidateFileClosed, DateInFuture, BeforeIdentification, StepOutOfOrder, StepAfterLaterStep, DateBeforeEarlierStep, StepAlreadyRecorded, IntroducerNotOfficial, IntroducerTooShortTogether, IntroducerLeft, IntroducerDisciplined, IntroducerNothingToReplace, IntroducerRepeated, IntroductionsComplete, NotUnionMember, IntroductionsIncomplete, YouthUnionIntroductionRequired, CertificateExpired, VoteInconsistent, VoteUnderTwoThirds, NoGrassrootsCommittee, ExtensionAfterDeadline, DecisionPastDeadline, DecisionReceivedOutOfOrder, TooYoung, CeremonyTooLate, ConsentRequired, DateOrder];
    /// 409: The case is already settled.
    CaseSettled = 409, "Already settled (`case_settled`)", [CaseSettled];
    /// 409: Retried with the Idempotency-Key of a token already created: its secret is not shown again.
    SecretNotReplayed = 409, "Retried with the Idempotency-Key of a token already created: its secret is not shown again", [IdempotencySecretNotReplayed];
    /// 409: The round is closed, or the member is no longer active.
    RatingLocked = 409, "The round is closed, or the member is no longer active", [RoundClosed, MemberNotActive];
    /// 409: Transfers pending in the source.
    TransfersPending = 409, "Transfers pending in the source", [TransfersPending];
    /// 409: User name taken.
    UsernameTaken = 409, "User name taken", [UsernameTaken];
    /// 409: `card_already_active` or `card_number_taken`.
    CardConflict = 409, "`card_already_active` or `card_number_taken`", [CardAlreadyActive, CardNumberTaken];
    /// 422: `validation_failed`: a field breaks its format or a rule of settings (`chain_goes_back`, `setting_other_chain`, `setting_invalid`).
    SettingRefused = 422, "`validation_failed`: a field breaks its format or a rule of settings (`chain_goes_back`, `setting_other_chain`, `setting_invalid`)", [ValidationFailed];
    /// 409: The document is already in that chain, or another came into force that day.
    RegulationConflict = 409, "The document is already in that chain, or another came into force that day", [RegulationInChain, RegulationDateTaken];
    /// 412: Changed by someone else meanwhile.
    Stale = 412, "Changed by someone else meanwhile", [VersionMismatch];
    /// 413: `payload_too_large`: over 50 MB uploaded, more than 200,000 rows, or a workbook inflating past its limits (a zip bomb).
    ImportTooLarge = 413, "`payload_too_large`: over 50 MB uploaded, more than 200,000 rows, or a workbook inflating past its limits (a zip bomb)", [PayloadTooLarge];
    /// 422: A member is not eligible.
    MemberNotEligible = 422, "A member is not eligible", [NotEligible, NotAMilestone, BelowHeld, DisciplineInForce, DisciplineUnderConsideration, NotAnOccasion];
    /// 422: Breaks rule 14 or 15 (e.g. `level_score_mismatch`, `illness_cap`, `not_ratable`).
    RatingRefused = 422, "Breaks rule 14 or 15 (e.g. `level_score_mismatch`, `illness_cap`, `not_ratable`)", [LevelScoreMismatch, LevelReasonRequired, DisciplinedInYear, MaternityOutsideYear, IllnessCap, NotRatable, NotRatedReasonRequired, NotRatedReasonInvalid, ScoreNotAllowed, ScoreNotUsed, NotMemberThatYear, ValidationFailed];
    /// 422: An open case blocks an official transfer (rule 9), or a field breaks its format or a rule.
    TransferRefused = 422, "An inspection, complaint, denunciation or discipline review is open on the issue date: no official transfer (`official_transfer_blocked`); or a field breaks its format or a rule (`validation_failed`)", [OfficialTransferBlocked, ValidationFailed, IdempotencyKeyReused];
    /// 422: An attendance sheet or duties break rule 35 or 38: `validation_failed` with every refused line (`attendance[i]`: `attendance_not_a_member`, `attendance_missing`, `attendance_derived`, `attendance_reason_required`, `attendance_duplicate`; `duties[i]`, `reviews[i]`: `duty_not_a_member`, `duty_not_of_cell`, `duty_not_open`, `duty_before_assignment`).
    SheetRefused = 422, "`validation_failed` with every refused line of the sheet (`attendance[i]`: `attendance_not_a_member`, `attendance_missing`, `attendance_derived`, `attendance_reason_required`, `attendance_duplicate`), of the duties (`duties[i]`: `duty_not_a_member`) or of the reviews (`reviews[i]`: `duty_not_of_cell`, `duty_not_open`, `duty_before_assignment`); or a date or field out of its rule", [ValidationFailed];
    /// 422: Dates out of order.
    DatesOutOfOrder = 422, "Dates out of order", [DateOrder, ValidationFailed];
    /// 422: Not an award occasion (`not_an_occasion`).
    NotAnOccasion = 422, "Not an award occasion: 3 Feb, 19 May, 2 Sep, 7 Nov or a special occasion recorded where it applies", [NotAnOccasion, ValidationFailed];
    /// 409: Recorded already (`already_exists`).
    RecordedAlready = 409, "Recorded already", [AlreadyExists];
    /// 422: No longer eligible.
    NoLongerEligible = 422, "No longer eligible", [NotEligible, NotAMilestone, BelowHeld, DisciplineInForce, DisciplineUnderConsideration, NotAnOccasion];
    /// 422: Not a grassroots organisation (`not_grassroots`).
    NotGrassroots = 422, "Not a grassroots organisation (`not_grassroots`)", [NotGrassroots];
    /// 422: Not an Ed25519 public key, or no organisation.
    BadTrustedKey = 422, "Not an Ed25519 public key, or no organisation", [ValidationFailed, ReferenceInvalid];
    /// 422: Not eligible.
    NotEligible = 422, "Not eligible", [NotEligible, NotAMilestone, BelowHeld, DisciplineInForce, DisciplineUnderConsideration, NotAnOccasion];
    /// 422: `not_official`, or a malformed number.
    CardRefused = 422, "`not_official`, or a malformed number", [NotOfficial, CardNumberFormat, ValidationFailed];
    /// 422: `quota_exceeded`, or `not_grassroots`.
    QuotaExceeded = 422, "`quota_exceeded`, or `not_grassroots`", [QuotaExceeded, NotGrassroots];
    /// 422: `validation_failed`: a field breaks its format, or changing one's own password without the right `current_password` (`required`, `incorrect`).
    AccountInvalid = 422, "`validation_failed`: a field breaks its format, or changing one's own password without the right `current_password` (`required`, `incorrect`)", [ValidationFailed];
    /// 422: `validation_failed`: the file is unreadable (`unreadable_file`: not XLSX or UTF-8 CSV, a damaged archive), has a line over 64 KB (`line_too_long`) or over 1,024 columns (`too_many_columns`), or lacks required columns.
    ImportUnreadable = 422, "`validation_failed`: the file is unreadable (`unreadable_file`: not XLSX or UTF-8 CSV, a damaged archive), has a line over 64 KB (`line_too_long`) or over 1,024 columns (`too_many_columns`), or lacks required columns", [ValidationFailed];
    /// 422: Untrusted key, bad signature or unknown format.
    PackageRefused = 422, "Untrusted key, bad signature or unknown format", [SyncKeyUntrusted, SyncKeyUnbound, SyncSignatureInvalid, SyncFormatUnknown, SyncOutsideSubtree, SyncVersionJump, MembershipInvariant];
    /// 429: Too many failed attempts for this user name or from this address.
    SignInThrottled = 429, "Too many failed attempts for this user name or from this address", [RateLimited];
    /// 429: Too many wrong passwords for this account.
    PasswordThrottled = 429, "Too many wrong passwords for this account", [RateLimited];
    /// 429: `import_running` (the caller's previous import has not ended), `imports_busy` (the server runs as many imports as it allows), or `identifier_checks_exhausted` (the account was told its daily allowance of identifiers held outside its scope).
    ImportBusy = 429, "`import_running` (the caller's previous import has not ended), `imports_busy` (the server runs as many imports as it allows), or `identifier_checks_exhausted` (the account was told its daily allowance of identifiers held outside its scope)", [ImportRunning, ImportsBusy, IdentifierChecksExhausted];
    /// 401: Wrong user name or password.
    WrongCredentials = 401, "Wrong user name or password", [InvalidCredentials];
    /// 401: Unknown, expired, revoked or re-used refresh token.
    BadRefreshToken = 401, "Unknown, expired, revoked or re-used refresh token", [InvalidRefreshToken, RefreshTokenReused];
    /// 400: Malformed cursor.
    BadCursor = 400, "Malformed cursor", [MalformedRequest];
    /// 503: Database unreachable.
    DatabaseDown = 503, "Database unreachable", [DatabaseUnavailable];
    /// 429: The account has used up the day's allowance of identifiers held outside its scope (`identifier_checks_exhausted`).
    IdentifierChecksExhausted = 429, "The account has used up the day's allowance of identifiers held outside its scope (`identifier_checks_exhausted`)", [IdentifierChecksExhausted];
    /// 409: Not out of contact.
    NotOutOfContact = 409, "Not out of contact", [NotOutOfContact];
    /// 409: No exit or discipline to annul.
    NothingToAnnul = 409, "No exit or discipline to annul", [NothingToAnnul];
    /// 409: Not a temporary registration in effect.
    TemporaryNotInEffect = 409, "Not a temporary registration in effect", [TemporaryNotInEffect];
    /// 409: Not a member transferred out of the system.
    NotTransferredOut = 409, "Not a member transferred out of the system", [MemberNotExited];
    /// 422: The dates break a rule, or give another party age than the sender's paper.
    ArrivalRefused = 422, "The dates break a rule, or give another party age than the sender's paper", [PartyAgeMismatch, ValidationFailed];
    /// 500: A report's figures break the identity they must hold (`report_identity_broken`): nothing was sent.
    ReportBroken = 500, "A report's figures break the identity they must hold (`report_identity_broken`): nothing was sent", [ReportIdentityBroken];
    /// 422: A dues basis, relief or arrangement breaks rule 32 or its format.
    DuesEntryRefused = 422, "A dues basis, relief or arrangement breaks rule 32 or its format", [ValidationFailed, DuesBaseNegative, DuesBaseRequired, DuesReliefPercent, DuesReliefTooLong, DuesReliefOpenEnded, DuesReliefBackwards];
    /// 422: `validation_failed` listing every refused line of a dues sheet (`errors[].code`: `dues_not_in_cell`, `dues_line_repeated`, `dues_payment_empty`, `dues_prepayment_not_arranged`).
    DuesSheetRefused = 422, "`validation_failed` listing every refused line of a dues sheet (`errors[].code`: `dues_not_in_cell`, `dues_line_repeated`, `dues_payment_empty`, `dues_prepayment_not_arranged`)", [ValidationFailed, DuesNotInCell, DuesLineRepeated, DuesPaymentEmpty, DuesPrepaymentNotArranged];
    /// 422: `validation_failed`: a field breaks its format (a target below 1, no resolution number), or the resolution is dated after today (`resolution_in_future`).
    TargetRefused = 422, "`validation_failed`: a field breaks its format (a target below 1, no resolution number), or the resolution is dated after today (`resolution_in_future`)", [ResolutionInFuture, ValidationFailed];
    /// 422: the residence organisation is not an open cell or grassroots organisation (`validation_failed` on `residence_org_id`, which also says when it does not exist), or the introduction is dated after today (`date_in_future`).
    LiaisonRefused = 422, "The residence organisation is not an open cell or grassroots organisation (`validation_failed` on `residence_org_id`), or the introduction is dated after today (`date_in_future`)", [ValidationFailed, DateInFuture];
    /// 409: the member already has a running residence liaison (`liaison_open`), or is no longer active (`member_not_active`).
    LiaisonOpen = 409, "The member already has a running residence liaison: end it first (`liaison_open`); or the member is no longer active (`member_not_active`)", [LiaisonOpen, MemberNotActive];
    /// 422: the end precedes the introduction (`date_order`) or is after today (`date_in_future`).
    LiaisonEndRefused = 422, "The end precedes the introduction (`date_order`) or is after today (`date_in_future`)", [DateOrder, DateInFuture];
    /// 409: the liaison is already ended.
    LiaisonEnded = 409, "The residence liaison is already ended", [LiaisonEnded];
    /// 422: the liaison did not run that year, or the year is to come (`liaison_not_running`), or the text breaks its format (`validation_failed`).
    CommentRefused = 422, "The liaison did not run that year, or the year is to come (`liaison_not_running`), or the text breaks its format (`validation_failed`)", [LiaisonNotRunning, ValidationFailed];
}
