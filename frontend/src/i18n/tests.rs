//! The labels: every key has both languages, values read as words, and every value the server
//! can send has a Vietnamese label in the client.

use qldv_api_types::Term;

use super::*;

#[test]
fn every_dossier_field_the_api_names_has_a_label() {
    for f in [
        "birth_place",
        "hometown",
        "permanent_address",
        "current_address",
        "ethnicity",
        "religion",
        "national_id",
        "education_general",
        "political_theory",
        "occupation",
        "personal_history_no",
        "admission_decision_no",
    ] {
        assert!(!field_label(Lang::Vi, f).contains('_'), "{f}");
        assert!(!field_label(Lang::En, f).contains('_'), "{f}");
    }
}

#[test]
fn labels_switch_language() {
    assert_eq!(Lang::Vi.t(Text::Members), "Đảng viên");
    assert_eq!(Lang::En.t(Text::Members), "Members");
    assert_eq!(Lang::Vi.other(), Lang::En);
    assert_eq!(
        Lang::Vi.term(qldv_api_types::evaluations::EvaluationLevel::Excellent),
        "Hoàn thành xuất sắc nhiệm vụ"
    );
    assert_eq!(
        Lang::En.term(qldv_api_types::evaluations::EvaluationLevel::NotRated),
        "Not rated"
    );
}

/// Every value of `T` reads, in the client, as Vietnamese words (not its code) and as English
/// words; and its wire code reads back as the value (what the server sends is understood).
fn labelled<T: Term + serde::de::DeserializeOwned>() {
    for v in T::ALL.iter().copied() {
        let vi = Lang::Vi.term(v);
        assert!(
            !vi.trim().is_empty(),
            "{} {:?}: no Vietnamese label",
            T::CONCEPT,
            v
        );
        assert_ne!(vi, v.code(), "{} {:?} shows its raw code", T::CONCEPT, v);
        assert!(!vi.contains('_'), "{} {:?}: {vi}", T::CONCEPT, v);
        assert!(
            !Lang::En.term(v).trim().is_empty(),
            "{} {:?}",
            T::CONCEPT,
            v
        );
        let wire = serde_json::Value::String(v.code().to_string());
        assert_eq!(
            serde_json::from_value::<T>(wire).ok(),
            Some(v),
            "{}",
            T::CONCEPT
        );
    }
}

/// Each concept the server sends in the responses the client shows (statuses, kinds, levels,
/// reasons, roles…): a value without a Vietnamese label fails here.
#[test]
fn every_value_the_server_can_send_has_a_vietnamese_label() {
    use qldv_api_types::{auth, badges, cards, evaluations, members, movements, reports};
    labelled::<members::MemberStatus>();
    labelled::<members::MemberEventKind>();
    labelled::<members::Gender>();
    labelled::<members::PoliticalTheory>();
    labelled::<movements::TransferKind>();
    labelled::<movements::TransferPurpose>();
    labelled::<movements::TransferStatus>();
    labelled::<movements::TransferDirection>();
    labelled::<movements::DisciplineForm>();
    labelled::<movements::DisciplineHoldKind>();
    labelled::<movements::ExitReason>();
    labelled::<movements::PeriodKind>();
    labelled::<movements::AlertKind>();
    labelled::<evaluations::EvaluationLevel>();
    labelled::<evaluations::NotRatedReason>();
    labelled::<evaluations::RoundStatus>();
    labelled::<cards::CardStatus>();
    labelled::<cards::ReissueReason>();
    labelled::<badges::BadgeStatus>();
    labelled::<badges::ProposalStatus>();
    labelled::<auth::Role>();
    labelled::<reports::ReportCode>();
    labelled::<reports::ImportStatus>();
    use qldv_api_types::cell_year as cy;
    labelled::<cy::MeetingKind>();
    labelled::<cy::Attendance>();
    labelled::<cy::DutyResult>();
    labelled::<cy::DutyClosure>();
    labelled::<cy::DuesCategory>();
    labelled::<cy::DuesMonthState>();
    labelled::<cy::DuesArrangementKind>();
    labelled::<cy::PaymentChannel>();
    labelled::<cy::LiaisonMode>();
    labelled::<cy::LiaisonCommentState>();
    labelled::<cy::CellYearAlertKind>();
}

#[test]
fn every_member_event_kind_the_server_records_has_a_vietnamese_label() {
    use qldv_api_types::members::MemberEventKind;
    for kind in MemberEventKind::ALL.iter().copied() {
        let vi = event_label(Lang::Vi, kind);
        assert!(!vi.trim().is_empty(), "{kind}");
        assert_ne!(vi, kind.code(), "{kind} shows its raw code");
        assert!(!vi.contains('_'), "{kind}");
        assert!(!event_label(Lang::En, kind).trim().is_empty(), "{kind}");
    }
    assert_eq!(
        event_label(Lang::Vi, MemberEventKind::TransferReceived),
        "Tiếp nhận chuyển sinh hoạt"
    );
}

#[test]
fn confirmations_name_the_member_and_both_organisations() {
    assert_eq!(
        ux::confirm_transfer(Lang::Vi, true, "Nguyễn Văn A", "Chi bộ X", "Chi bộ Y"),
        "Chuyển sinh hoạt chính thức đảng viên Nguyễn Văn A từ Chi bộ X đến Chi bộ Y?"
    );
    assert_eq!(
        ux::confirm_transfer(Lang::En, false, "Nguyễn Văn A", "Chi bộ X", "Chi bộ Y"),
        "Transfer member Nguyễn Văn A temporarily from Chi bộ X to Chi bộ Y?"
    );
    assert_eq!(
        ux::confirm_discipline(Lang::Vi, "Khiển trách", "Nguyễn Văn A", "Chi bộ X"),
        "Thi hành kỷ luật khiển trách đối với đảng viên Nguyễn Văn A (Chi bộ X)?"
    );
    assert!(
        ux::confirm_exit(Lang::Vi, "Xin ra khỏi Đảng", "Nguyễn Văn A", "Chi bộ X").starts_with(
            "Ghi nhận đảng viên Nguyễn Văn A (Chi bộ X) ra khỏi Đảng — xin ra khỏi Đảng?"
        )
    );
    assert_eq!(ux::org_by_id(Lang::Vi, "42"), "tổ chức đảng mã 42");
}

#[test]
fn every_decision_on_a_transfer_or_a_record_is_named_before_it_is_sent() {
    assert!(ux::confirm_accept(
        Lang::Vi,
        "Nguyễn Văn A",
        "Chi bộ X",
        "Chi bộ Y",
        "06/12/2026"
    )
    .starts_with(
        "Tiếp nhận đảng viên Nguyễn Văn A chuyển từ Chi bộ X về Chi bộ Y, ngày nhận 06/12/2026?"
    ));
    assert!(ux::confirm_reject(Lang::Vi, "Nguyễn Văn A", "Chi bộ X")
        .starts_with("Từ chối tiếp nhận đảng viên Nguyễn Văn A chuyển từ Chi bộ X?"));
    assert!(
        ux::confirm_cancel(Lang::En, "Nguyễn Văn A", "Chi bộ X", "Chi bộ Y")
            .starts_with("Cancel the transfer of member Nguyễn Văn A to Chi bộ Y?")
    );
    assert!(
        ux::confirm_recognition(Lang::Vi, "", "Nguyễn Văn A", "Chi bộ X")
            .starts_with("Công nhận đảng viên Nguyễn Văn A (Chi bộ X) là đảng viên chính thức?")
    );
    assert!(
        ux::confirm_readmission(Lang::En, "", "Nguyễn Văn A", "Chi bộ X")
            .starts_with("Re-admit member Nguyễn Văn A (Chi bộ X)?")
    );
}

#[test]
fn a_card_and_a_badge_award_are_named_before_they_are_sent() {
    assert_eq!(
        ux::confirm_card_issue(Lang::Vi, "Nguyễn Văn A", "Chi bộ X", "312-QĐ/TU", "06/12/2026"),
        "Cấp thẻ đảng viên cho đảng viên Nguyễn Văn A (Chi bộ X), quyết định số 312-QĐ/TU, ngày cấp 06/12/2026?"
    );
    assert!(ux::confirm_card_reissue(
        Lang::Vi,
        "Bị mất",
        ("Nguyễn Văn A", "Chi bộ X"),
        "312-QĐ/TU",
        "06/12/2026"
    )
    .starts_with("Cấp lại thẻ đảng viên cho đảng viên Nguyễn Văn A (Chi bộ X), lý do: bị mất,"));
    assert!(ux::confirm_badge_award(
        Lang::En,
        &["Nguyễn Văn A".to_string(), "Trần Thị B".to_string()],
        "88-QĐ/TU"
    )
    .starts_with(
        "Award the Party badge to 2 member(s) (Nguyễn Văn A, Trần Thị B), decision no. 88-QĐ/TU?"
    ));
}

#[test]
fn every_aid_has_both_languages() {
    use ux::Ux::*;
    for k in [
        DatePattern,
        DateEmpty,
        DateMalformed,
        DateNoSuchDay,
        DateYear,
        FindOrganization,
        NoOrganizationMatches,
        ConfirmTitle,
        Confirm,
        GoBack,
        Menu,
        WhereAmI,
        NoMembersNext,
        NoMembersHereNext,
        NoAlertsNext,
        NoOneToRate,
        NoIncomingNext,
        NoOutgoingNext,
        AlertAbout,
        AlertAction,
        ActRecognize,
        ActTransferInbox,
        ActAway,
        ActDiscipline,
        ActTemporary,
        ActCellMonth,
        ActEvaluation,
        PrintMemberForm,
        PrintReport,
        ScoreHint,
        AdmitHere,
    ] {
        assert!(
            !Lang::Vi.ux(k).is_empty() && !Lang::En.ux(k).is_empty(),
            "{k:?}"
        );
        assert_ne!(Lang::Vi.ux(k), Lang::En.ux(k), "{k:?}");
    }
}
