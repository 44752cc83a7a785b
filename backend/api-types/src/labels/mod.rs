//! The labels of every vocabulary term, one file per language ([`vi`], [`en`]): each concept
//! is one exhaustive match, so a new value without a label in every language fails to compile.
//! Server exports, reports and the web client all read their labels from here.

pub mod en;
pub mod vi;

#[cfg(test)]
mod tests {
    use crate::badges::{BadgeStatus, ProposalStatus};
    use crate::cards::{CardStatus, ReissueReason};
    use crate::evaluations::{EvaluationLevel, NotRatedReason, RoundStatus};
    use crate::movements::{TransferDirection, TransferPurpose, TransferStatus};
    use crate::reports::ReportCode;
    use crate::vocabulary::{Lang, Term};

    /// The codes of a concept, after checking that each round-trips through parse and JSON, that
    /// an unknown code is refused, and that its labels are present and distinct per language.
    fn codes<T: Term + serde::Serialize + serde::de::DeserializeOwned>() -> Vec<&'static str> {
        for t in T::ALL {
            assert_eq!(T::parse(t.code()), Ok(*t));
            assert_eq!(
                serde_json::to_value(t).ok(),
                Some(serde_json::json!(t.code()))
            );
        }
        assert!(T::parse("bogus").is_err());
        assert!(serde_json::from_str::<T>("\"bogus\"").is_err());
        for lang in Lang::ALL {
            let mut labels: Vec<&str> = T::ALL.iter().map(|t| t.label(lang)).collect();
            assert!(labels.iter().all(|l| !l.is_empty()), "{}", T::CONCEPT);
            labels.sort_unstable();
            labels.dedup();
            assert_eq!(labels.len(), T::ALL.len(), "{} labels repeat", T::CONCEPT);
        }
        T::ALL.iter().map(|t| t.code()).collect()
    }

    /// The codes are the values stored in the database and the CHECK constraints of the
    /// migrations: changing one needs a migration.
    #[test]
    fn stored_codes_are_unchanged() {
        assert_eq!(
            codes::<TransferPurpose>(),
            ["work", "residence", "study", "abroad"]
        );
        assert_eq!(
            codes::<TransferStatus>(),
            ["pending", "accepted", "rejected", "cancelled", "completed"]
        );
        assert_eq!(codes::<TransferDirection>(), ["incoming", "outgoing"]);
        assert_eq!(
            codes::<CardStatus>(),
            ["active", "void", "revoked", "collected", "kept"]
        );
        assert_eq!(codes::<ReissueReason>(), ["lost", "damaged", "exchange"]);
        assert_eq!(codes::<BadgeStatus>(), ["awarded", "returned"]);
        assert_eq!(
            codes::<ProposalStatus>(),
            ["proposed", "approved", "rejected"]
        );
        assert_eq!(
            codes::<EvaluationLevel>(),
            ["excellent", "good", "complete", "not_complete", "not_rated"]
        );
        assert_eq!(
            codes::<NotRatedReason>(),
            ["recently_admitted", "exempt", "suspended"]
        );
        assert_eq!(codes::<RoundStatus>(), ["open", "closed"]);
        assert_eq!(
            codes::<ReportCode>(),
            [
                "movement",
                "composition",
                "admissions",
                "evaluations",
                "discipline",
                "badges",
                "completeness",
                "timeliness",
                "development",
                "dues"
            ]
        );
        use crate::regulations::{QuotaBase, RegulationChain};
        assert_eq!(
            codes::<RegulationChain>(),
            [
                "charter",
                "badge",
                "evaluation",
                "discipline",
                "dues",
                "annulment"
            ]
        );
        assert_eq!(codes::<QuotaBase>(), ["good", "good_or_better"]);
        assert_eq!(
            codes::<crate::reports::EntryKind>(),
            ["admission", "transfer", "exit", "death"]
        );
        assert_eq!(
            codes::<crate::changes::SyncWarningCode>(),
            ["settings_differ", "settings_unknown"]
        );
        use crate::candidates::{
            CandidateDropReason, CandidateSource, CandidateStage, CandidateStepKind,
            DevelopmentCategory,
        };
        assert_eq!(
            codes::<CandidateStage>(),
            [
                "identified",
                "preparing",
                "ready",
                "cell_resolved",
                "grassroots_resolved",
                "decided",
                "admitted",
                "refused",
                "dropped"
            ]
        );
        assert_eq!(
            codes::<CandidateSource>(),
            [
                "youth_union",
                "womens_union",
                "veterans",
                "trade_union",
                "workplace",
                "other"
            ]
        );
        assert_eq!(
            codes::<CandidateStepKind>(),
            [
                "helpers_assigned",
                "awareness_course",
                "application",
                "personal_history",
                "history_verified",
                "introduction",
                "youth_union_introduction",
                "trade_union_introduction",
                "cell_resolution",
                "grassroots_resolution",
                "decision_extended",
                "admission_decision",
                "admission_refused",
                "ceremony"
            ]
        );
        assert_eq!(
            codes::<CandidateDropReason>(),
            [
                "withdrew",
                "not_qualified",
                "cell_not_approved",
                "moved_away",
                "deceased",
                "other"
            ]
        );
        assert_eq!(
            codes::<DevelopmentCategory>(),
            [
                "women",
                "youth_union",
                "private_business_owner",
                "student",
                "worker",
                "free_or_contract_labour",
                "readmitted",
                "population_policy"
            ]
        );
    }

    /// The cell's year (issue 23): every concept round-trips, is labelled in both languages,
    /// and keeps its stored codes.
    #[test]
    fn cell_year_codes_are_unchanged() {
        use crate::cell_year::*;
        assert_eq!(codes::<MeetingKind>(), ["regular", "topical"]);
        assert_eq!(
            codes::<Attendance>(),
            ["present", "excused", "absent", "exempt", "elsewhere"]
        );
        assert_eq!(codes::<AbsenceCount>(), ["meetings", "months"]);
        assert_eq!(codes::<DutyResult>(), ["done", "exceeded", "not_done"]);
        assert_eq!(codes::<DutyClosure>(), ["transfer", "exit", "withdrawn"]);
        assert_eq!(
            codes::<DuesCategory>(),
            [
                "social_insurance_salary",
                "sickness_maternity_benefit",
                "pension",
                "student",
                "no_insurance_working_age",
                "no_insurance_retirement_age",
                "abroad",
                "other"
            ]
        );
        assert_eq!(
            codes::<DuesRelief>(),
            ["party_age_fifty", "social_pension", "hardship", "reduction"]
        );
        assert_eq!(
            codes::<DuesMonthState>(),
            [
                "paid",
                "partly_paid",
                "deferred",
                "exempt",
                "unpaid",
                "open",
                "not_due"
            ]
        );
        assert_eq!(codes::<DuesArrangementKind>(), ["deferral", "prepayment"]);
        assert_eq!(codes::<PaymentChannel>(), ["cash", "public_service_portal"]);
        assert_eq!(
            codes::<DuesLevel>(),
            ["cell", "grassroots", "above_grassroots"]
        );
        assert_eq!(codes::<LiaisonMode>(), ["regular", "on_request"]);
        assert_eq!(
            codes::<LiaisonCommentState>(),
            ["not_due", "missing", "written"]
        );
        assert_eq!(
            codes::<CellYearAlertKind>(),
            [
                "regular_meeting_missing",
                "topical_meeting_missing",
                "liaison_comment_missing",
                "duties_closed",
                "dues_arrears"
            ]
        );
        assert!(Attendance::Absent.expected());
        assert!(!Attendance::Exempt.expected() && !Attendance::Elsewhere.expected());
        assert_eq!(Attendance::Absent.label(Lang::Vi), "Vắng không có lý do");
    }

    /// The audit trail's codes are stored in a hash-chained log: they never change.
    #[test]
    fn audit_codes_are_unchanged() {
        use crate::audit::{AuditAction, AuditEntity};
        assert_eq!(
            codes::<AuditEntity>(),
            [
                "organization",
                "member",
                "transfer",
                "evaluation",
                "card",
                "badge",
                "badge_proposal",
                "member_badges",
                "evaluation_round",
                "discipline",
                "illness",
                "badge_occasion",
                "user",
                "api_token",
                "sync_key",
                "sync_package",
                "identifier_check",
                "export",
                "member_case",
                "calendar",
                "regulation",
                "rule_setting",
                "admission_target",
                "meeting",
                "duty",
                "dues_basis",
                "dues_relief",
                "dues_arrangement",
                "dues_payment",
                "liaison",
                "liaison_comment"
            ]
        );
        let actions = codes::<AuditAction>();
        for stored in [
            "create",
            "update",
            "sign_in",
            "sign_in_failed",
            "export",
            "merge",
        ] {
            assert!(actions.contains(&stored), "{stored}");
        }
    }

    #[test]
    fn report_titles_and_level_labels_are_the_printed_ones() {
        assert_eq!(
            ReportCode::Movement.label(Lang::Vi),
            "Báo cáo biến động đảng viên"
        );
        assert_eq!(
            EvaluationLevel::Good.label(Lang::Vi),
            "Hoàn thành tốt nhiệm vụ"
        );
        assert_eq!(TransferStatus::Pending.label(Lang::Vi), "Chờ tiếp nhận");
    }
}
