//! The portable schema, kept by hand: only types both engines share.
#![allow(missing_docs)]

diesel::table! {
    organization_kinds (code) {
        code -> Text,
        name_vi -> Text,
        name_en -> Text,
        sort_order -> Integer,
        holds_members -> Bool,
    }
}

diesel::table! {
    organizations (id) {
        id -> BigInt,
        parent_id -> Nullable<BigInt>,
        kind -> Text,
        name -> Text,
        code -> Nullable<Text>,
        path -> Text,
        depth -> Integer,
        valid_from -> Nullable<Date>,
        valid_to -> Nullable<Date>,
        successor_id -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        username -> Text,
        password_hash -> Text,
        role -> Text,
        organization_id -> Nullable<BigInt>,
        full_name -> Nullable<Text>,
        active -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        family_id -> Text,
        token_hash -> Text,
        issued_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        name -> Text,
        token_hash -> Text,
        token_prefix -> Text,
        created_by -> BigInt,
        created_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_failures (id) {
        id -> BigInt,
        username -> Text,
        client_ip -> Text,
        failed_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        request_id -> Nullable<Text>,
        actor_id -> Nullable<BigInt>,
        actor_username -> Text,
        action -> Text,
        entity -> Text,
        entity_id -> Text,
        scope_path -> Nullable<Text>,
        before_data -> Nullable<Text>,
        after_data -> Nullable<Text>,
        chain_seq -> Nullable<BigInt>,
        chain_hash -> Nullable<Text>,
    }
}

diesel::table! {
    member_name_words (word, name_sort_key, member_id) {
        word -> Text,
        name_sort_key -> Text,
        member_id -> BigInt,
    }
}

diesel::table! {
    member_word_stats (word) {
        word -> Text,
        n -> BigInt,
    }
}

diesel::table! {
    audit_chain (id) {
        id -> Integer,
        seq -> BigInt,
        hash -> Text,
        legacy_until -> BigInt,
        keyed_from -> BigInt,
        legacy_unchained -> BigInt,
        boundary_tag -> Nullable<Text>,
    }
}

diesel::joinable!(organizations -> organization_kinds (kind));
diesel::joinable!(users -> organizations (organization_id));
diesel::joinable!(refresh_tokens -> users (user_id));

diesel::table! {
    idempotency_keys (user_id, idem_key) {
        user_id -> BigInt,
        idem_key -> Text,
        request_hash -> Text,
        status_code -> Nullable<Integer>,
        content_type -> Nullable<Text>,
        response_body -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    regulations (code) {
        code -> Text,
        title -> Text,
        effective_from -> Date,
        signed_on -> Nullable<Date>,
        guide -> Nullable<Text>,
    }
}

diesel::table! {
    regulation_chains (id) {
        id -> BigInt,
        chain -> Text,
        regulation -> Text,
        in_force_from -> Date,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    rule_settings (id) {
        id -> BigInt,
        regulation -> Text,
        key -> Text,
        value -> Text,
        version -> BigInt,
        updated_by -> Nullable<BigInt>,
        updated_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    calendar_years (year) {
        year -> Integer,
        source -> Text,
        decision -> Nullable<Text>,
        updated_at -> Nullable<Timestamp>,
        updated_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    calendar_days (day) {
        day -> Date,
        year -> Integer,
        kind -> Text,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    members (id) {
        id -> BigInt,
        organization_id -> BigInt,
        org_path -> Text,
        full_name -> Text,
        name_folded -> Text,
        name_sort_key -> Text,
        birth_name -> Nullable<Text>,
        other_names -> Nullable<Text>,
        gender -> Text,
        birth_date -> Date,
        birth_place -> Nullable<Text>,
        hometown -> Nullable<Text>,
        permanent_address -> Nullable<Text>,
        current_address -> Nullable<Text>,
        ethnicity -> Nullable<Text>,
        religion -> Nullable<Text>,
        national_id -> Nullable<Text>,
        phone -> Nullable<Text>,
        email -> Nullable<Text>,
        education_general -> Nullable<Text>,
        professional_qualification -> Nullable<Text>,
        academic_degree -> Nullable<Text>,
        academic_title -> Nullable<Text>,
        political_theory -> Nullable<Text>,
        state_management -> Nullable<Text>,
        foreign_languages -> Nullable<Text>,
        it_level -> Nullable<Text>,
        occupation -> Nullable<Text>,
        job_title -> Nullable<Text>,
        workplace -> Nullable<Text>,
        youth_union_joined_on -> Nullable<Date>,
        personal_history_no -> Nullable<Text>,
        introducers -> Nullable<Text>,
        first_admission_decision_on -> Nullable<Date>,
        admission_decision_on -> Nullable<Date>,
        admission_decision_no -> Nullable<Text>,
        ceremony_on -> Nullable<Date>,
        ceremony_place -> Nullable<Text>,
        official_on -> Nullable<Date>,
        status -> Text,
        card_number -> Nullable<Text>,
        in_transit -> Bool,
        exempt_from -> Nullable<Date>,
        exempt_to -> Nullable<Date>,
        away_from -> Nullable<Date>,
        away_to -> Nullable<Date>,
        temporary_org_id -> Nullable<BigInt>,
        exit_reason -> Nullable<Text>,
        interruption_days -> BigInt,
        interrupted_since -> Nullable<Date>,
        interruptions -> Nullable<Text>,
        ever_recognised -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        badge_milestone_held -> Integer,
        next_badge_on -> Nullable<Date>,
        legacy_id_no -> Nullable<Text>,
    }
}

diesel::table! {
    member_events (id) {
        id -> BigInt,
        member_id -> BigInt,
        kind -> Text,
        occurred_on -> Date,
        decision_no -> Nullable<Text>,
        decision_on -> Nullable<Date>,
        deciding_org_id -> Nullable<BigInt>,
        organization_id -> BigInt,
        regulation -> Text,
        details -> Nullable<Text>,
        entered_by -> Nullable<BigInt>,
        entered_by_name -> Text,
        entered_at -> Timestamp,
    }
}

diesel::table! {
    imports (id) {
        id -> BigInt,
        organization_id -> BigInt,
        file_name -> Text,
        file_sha256 -> Text,
        kind -> Text,
        status -> Text,
        total_rows -> BigInt,
        processed_rows -> BigInt,
        created_count -> BigInt,
        unchanged_count -> BigInt,
        error_count -> BigInt,
        errors -> Nullable<Text>,
        message -> Nullable<Text>,
        created_by -> Nullable<BigInt>,
        created_by_name -> Text,
        created_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    memberships (id) {
        id -> BigInt,
        member_id -> BigInt,
        organization_id -> BigInt,
        from_on -> Date,
        to_on -> Nullable<Date>,
        start_reason -> Text,
        end_reason -> Nullable<Text>,
    }
}

diesel::table! {
    member_supplements (member_id, year) {
        member_id -> BigInt,
        year -> Integer,
        filed_on -> Date,
        note -> Nullable<Text>,
        changes -> Nullable<Text>,
        entered_by -> Nullable<BigInt>,
        entered_at -> Timestamp,
    }
}

diesel::table! {
    transfers (id) {
        id -> BigInt,
        member_id -> BigInt,
        kind -> Text,
        purpose -> Nullable<Text>,
        from_org_id -> BigInt,
        from_path -> Text,
        to_org_id -> Nullable<BigInt>,
        to_path -> Nullable<Text>,
        external_org -> Nullable<Text>,
        status -> Text,
        event_on -> Nullable<Date>,
        issued_on -> Date,
        until_on -> Nullable<Date>,
        received_on -> Nullable<Date>,
        report_by -> Date,
        reason -> Text,
        late_reason -> Nullable<Text>,
        decision_no -> Nullable<Text>,
        regulation -> Text,
        created_by -> Nullable<BigInt>,
        decided_by -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        ended_on -> Nullable<Date>,
        from_external -> Nullable<Text>,
    }
}

diesel::table! {
    member_periods (id) {
        id -> BigInt,
        member_id -> BigInt,
        kind -> Text,
        from_on -> Date,
        to_on -> Nullable<Date>,
        place -> Nullable<Text>,
        reason -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    disciplines (id) {
        id -> BigInt,
        member_id -> BigInt,
        form -> Text,
        decided_on -> Date,
        decision_no -> Text,
        reason -> Text,
        lapses_on -> Nullable<Date>,
        complaint_on -> Nullable<Date>,
        reoffence_on -> Nullable<Date>,
        regulation -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        announced_on -> Nullable<Date>,
        current_form -> Nullable<Text>,
        annulled_on -> Nullable<Date>,
    }
}

diesel::table! {
    member_cases (id) {
        id -> BigInt,
        member_id -> BigInt,
        kind -> Text,
        opened_on -> Date,
        discipline_id -> Nullable<BigInt>,
        reference_no -> Nullable<Text>,
        summary -> Text,
        settled_on -> Nullable<Date>,
        announced_on -> Nullable<Date>,
        decision_no -> Nullable<Text>,
        ruling -> Nullable<Text>,
        reduced_to -> Nullable<Text>,
        outcome -> Nullable<Text>,
        regulation -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        settled_by -> Nullable<BigInt>,
        settled_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    organization_links (id) {
        id -> BigInt,
        organization_id -> BigInt,
        parent_id -> Nullable<BigInt>,
        from_on -> Nullable<Date>,
        to_on -> Nullable<Date>,
        decision_no -> Nullable<Text>,
    }
}

diesel::table! {
    member_illnesses (id) {
        id -> BigInt,
        member_id -> BigInt,
        from_on -> Date,
        to_on -> Nullable<Date>,
        serious -> Bool,
        note -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    evaluations (id) {
        id -> BigInt,
        member_id -> BigInt,
        year -> Integer,
        grassroots_org_id -> BigInt,
        level -> Text,
        score -> Nullable<Integer>,
        not_rated_reason -> Nullable<Text>,
        note -> Nullable<Text>,
        regulation -> Text,
        created_by -> Nullable<BigInt>,
        updated_by -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        level_reason -> Nullable<Text>,
        self_remedied -> Bool,
        maternity_from -> Nullable<Date>,
        maternity_to -> Nullable<Date>,
    }
}

diesel::table! {
    evaluation_rounds (id) {
        id -> BigInt,
        organization_id -> BigInt,
        year -> Integer,
        status -> Text,
        total -> BigInt,
        excellent -> BigInt,
        good -> BigInt,
        complete -> BigInt,
        not_complete -> BigInt,
        not_rated -> BigInt,
        regulation -> Text,
        closed_by -> Nullable<BigInt>,
        closed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    admission_targets (id) {
        id -> BigInt,
        organization_id -> BigInt,
        year -> Integer,
        target -> Integer,
        resolution_no -> Text,
        resolution_on -> Date,
        entered_by -> Nullable<BigInt>,
        entered_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    cards (id) {
        id -> BigInt,
        member_id -> BigInt,
        card_number -> Text,
        status -> Text,
        issued_on -> Date,
        decision_no -> Text,
        replaces_id -> Nullable<BigInt>,
        ended_on -> Nullable<Date>,
        end_reason -> Nullable<Text>,
        regulation -> Text,
        created_by -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    counters (name) {
        name -> Text,
        value -> BigInt,
    }
}

diesel::table! {
    badge_proposals (id) {
        id -> BigInt,
        member_id -> BigInt,
        milestone -> Integer,
        occasion_on -> Date,
        status -> Text,
        note -> Nullable<Text>,
        proposed_by -> Nullable<BigInt>,
        decided_by -> Nullable<BigInt>,
        decision_no -> Nullable<Text>,
        reject_reason -> Nullable<Text>,
        badge_id -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    badges (id) {
        id -> BigInt,
        member_id -> BigInt,
        milestone -> Integer,
        occasion_on -> Date,
        decision_no -> Text,
        status -> Text,
        early -> Bool,
        posthumous -> Bool,
        party_age_years -> Integer,
        proposal_id -> Nullable<BigInt>,
        returned_on -> Nullable<Date>,
        regulation -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(evaluations -> members (member_id));
diesel::joinable!(cards -> members (member_id));
diesel::joinable!(badges -> members (member_id));
diesel::joinable!(badge_proposals -> members (member_id));
diesel::joinable!(member_illnesses -> members (member_id));
diesel::joinable!(members -> organizations (organization_id));
diesel::joinable!(admission_targets -> organizations (organization_id));
diesel::joinable!(member_events -> members (member_id));
diesel::joinable!(member_cases -> members (member_id));
diesel::joinable!(memberships -> members (member_id));
diesel::joinable!(imports -> organizations (organization_id));
diesel::joinable!(member_supplements -> members (member_id));
diesel::joinable!(candidate_files -> members (member_id));

diesel::table! {
    changes (seq) {
        seq -> BigInt,
        at -> Timestamp,
        entity -> Text,
        entity_id -> BigInt,
        operation -> Text,
        version -> BigInt,
        scope_path -> Text,
        other_path -> Nullable<Text>,
        resource -> Text,
    }
}

diesel::table! {
    sync_packages (digest) {
        digest -> Text,
        sender_key -> Text,
        organization_id -> BigInt,
        from_seq -> BigInt,
        to_seq -> BigInt,
        applied_count -> BigInt,
        conflict_count -> BigInt,
        report -> Text,
        applied_at -> Timestamp,
    }
}

diesel::table! {
    sync_trusted_keys (public_key) {
        public_key -> Text,
        name -> Text,
        added_at -> Timestamp,
        organization_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    composition_counts (org_id, dim, val) {
        org_id -> BigInt,
        dim -> Text,
        val -> Text,
        n -> BigInt,
    }
}

diesel::table! {
    composition_deltas (id) {
        id -> BigInt,
        org_id -> BigInt,
        sign -> Integer,
        gender -> Nullable<Text>,
        ethnicity -> Nullable<Text>,
        religion -> Nullable<Text>,
        education_general -> Nullable<Text>,
        professional_qualification -> Nullable<Text>,
        academic_degree -> Nullable<Text>,
        academic_title -> Nullable<Text>,
        political_theory -> Nullable<Text>,
        occupation -> Nullable<Text>,
        birth_date -> Date,
        official_on -> Nullable<Date>,
    }
}

diesel::table! {
    composition_state (id) {
        id -> Integer,
        stale -> Integer,
    }
}

diesel::table! {
    badge_occasions (id) {
        id -> BigInt,
        organization_id -> BigInt,
        occasion_on -> Date,
        title -> Text,
        decision_no -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    discipline_remedies (id) {
        id -> BigInt,
        discipline_id -> BigInt,
        recognised_on -> Date,
        resolution_no -> Text,
        note -> Nullable<Text>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// A candidate's file (issue 22): one per candidate, kept after the ceremony.
    candidate_files (member_id) {
        member_id -> BigInt,
        source -> Text,
        identified_on -> Date,
        youth_union_member -> Bool,
        trade_union_member -> Bool,
        age_consent_no -> Nullable<Text>,
        population_policy -> Bool,
        dropped_on -> Nullable<Date>,
        drop_reason -> Nullable<Text>,
        drop_note -> Nullable<Text>,
        version -> BigInt,
        updated_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// One dated step of a candidate's file.
    candidate_steps (id) {
        id -> BigInt,
        member_id -> BigInt,
        kind -> Text,
        on_date -> Date,
        document_no -> Nullable<Text>,
        regulation -> Text,
        received_on -> Nullable<Date>,
        late_reason -> Nullable<Text>,
        approval_no -> Nullable<Text>,
        vote_members -> Nullable<Integer>,
        vote_agreeing -> Nullable<Integer>,
        introducer_id -> Nullable<BigInt>,
        together_since -> Nullable<Date>,
        replacing -> Bool,
        entered_by -> Nullable<BigInt>,
        entered_at -> Timestamp,
    }
}

diesel::table! {
    /// The official members a `helpers_assigned` step assigns.
    candidate_helpers (step_id, helper_id) {
        step_id -> BigInt,
        helper_id -> BigInt,
        to_on -> Nullable<Date>,
        member_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    /// The occupational categories entered with a candidate (rule 31).
    candidate_categories (member_id, category) {
        member_id -> BigInt,
        category -> Text,
    }
}

diesel::table! {
    /// A cell's meeting (issue 23, rule 34).
    meetings (id) {
        id -> BigInt,
        organization_id -> BigInt,
        kind -> Text,
        held_on -> Date,
        agenda -> Text,
        resolution -> Nullable<Text>,
        minutes_summary -> Nullable<Text>,
        regulation -> Text,
        entered_by -> Nullable<BigInt>,
        entered_at -> Timestamp,
    }
}

diesel::table! {
    /// A member's introduction to the party organisation where they live (rule 39).
    residence_liaisons (id) {
        id -> BigInt,
        member_id -> BigInt,
        residence_org_id -> BigInt,
        mode -> Text,
        introduced_on -> Date,
        ended_on -> Nullable<Date>,
        introduction_no -> Nullable<Text>,
        entered_by -> Nullable<BigInt>,
        entered_at -> Timestamp,
    }
}

diesel::table! {
    /// One member's line of a meeting's attendance sheet (rule 35).
    meeting_attendance (meeting_id, member_id) {
        meeting_id -> BigInt,
        member_id -> BigInt,
        value -> Text,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    /// A duty assigned to a member (rule 38).
    duties (id) {
        id -> BigInt,
        member_id -> BigInt,
        organization_id -> BigInt,
        description -> Text,
        assigned_on -> Date,
        assigned_meeting_id -> Nullable<BigInt>,
        due_by -> Nullable<Date>,
        reviewed_on -> Nullable<Date>,
        review_meeting_id -> Nullable<BigInt>,
        result -> Nullable<Text>,
        closed_on -> Nullable<Date>,
        closure -> Nullable<Text>,
        entered_by -> Nullable<BigInt>,
        entered_at -> Timestamp,
    }
}

diesel::joinable!(meeting_attendance -> meetings (meeting_id));
diesel::joinable!(meeting_attendance -> members (member_id));

diesel::table! {
    /// The residence organisation's yearly comment on a liaison member (rule 39).
    liaison_comments (liaison_id, year) {
        liaison_id -> BigInt,
        year -> Integer,
        text -> Text,
        written_by -> Nullable<BigInt>,
        written_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    organization_kinds,
    organizations,
    users,
    refresh_tokens,
    api_tokens,
    login_failures,
    audit_log,
    audit_chain,
    member_name_words,
    member_word_stats,
    idempotency_keys,
    regulations,
    regulation_chains,
    rule_settings,
    calendar_years,
    calendar_days,
    members,
    member_events,
    memberships,
    member_supplements,
    transfers,
    member_periods,
    disciplines,
    member_cases,
    organization_links,
    member_illnesses,
    evaluations,
    evaluation_rounds,
    admission_targets,
    meetings,
    meeting_attendance,
    duties,
    cards,
    counters,
    badge_proposals,
    badges,
    imports,
    changes,
    sync_packages,
    sync_trusted_keys,
    composition_counts,
    composition_deltas,
    composition_state,
    badge_occasions,
    discipline_remedies,
    candidate_files,
    candidate_steps,
    candidate_helpers,
    candidate_categories,
    residence_liaisons,
    liaison_comments,
);

// Party dues (issue 23, `docs/cell-year.md`): amounts in đồng, months as yyyymm.

diesel::table! {
    /// A member's dated dues basis (rule 32).
    dues_bases (id) {
        id -> BigInt,
        member_id -> BigInt,
        from_on -> Date,
        category -> Text,
        base -> BigInt,
        entered_by -> Nullable<BigInt>,
        entered_at -> Timestamp,
    }
}

diesel::table! {
    /// An exemption or reduction of dues over whole months.
    dues_reliefs (id) {
        id -> BigInt,
        member_id -> BigInt,
        kind -> Text,
        from_month -> Integer,
        to_month -> Nullable<Integer>,
        percent -> Integer,
        application_no -> Nullable<Text>,
        decided_on -> Date,
        entered_by -> Nullable<BigInt>,
        entered_at -> Timestamp,
    }
}

diesel::table! {
    /// A deferral or prepayment arrangement.
    dues_arrangements (id) {
        id -> BigInt,
        member_id -> BigInt,
        kind -> Text,
        from_month -> Integer,
        to_month -> Integer,
        decision_no -> Text,
        decided_on -> Date,
        entered_by -> Nullable<BigInt>,
        entered_at -> Timestamp,
    }
}

diesel::table! {
    /// A payment recorded by one cell's sheet of one month.
    dues_payments (id) {
        id -> BigInt,
        member_id -> BigInt,
        organization_id -> BigInt,
        sheet_month -> Integer,
        paid_on -> Date,
        first_month -> Integer,
        months -> Integer,
        amount -> BigInt,
        channel -> Text,
        receipt_no -> Nullable<Text>,
        entered_by -> Nullable<BigInt>,
        entered_at -> Timestamp,
    }
}

diesel::table! {
    /// A member's month, settled (derived).
    dues_months (member_id, month) {
        member_id -> BigInt,
        month -> Integer,
        organization_id -> BigInt,
        due -> BigInt,
        paid -> BigInt,
        deferred -> BigInt,
        arrears -> BigInt,
        extra -> BigInt,
        state -> Text,
        regulation -> Text,
    }
}

diesel::table! {
    /// A cell-month's sums of `dues_months` (derived).
    dues_cell_months (organization_id, month) {
        organization_id -> BigInt,
        month -> Integer,
        org_path -> Text,
        members -> Integer,
        due -> BigInt,
        paid -> BigInt,
        deferred -> BigInt,
        arrears -> BigInt,
        extra -> BigInt,
        unpaid_members -> Integer,
    }
}

diesel::table! {
    /// Each subtree-month's sums of `dues_cell_months` by path as it was (derived).
    dues_subtree_months (org_path, month) {
        org_path -> Text,
        parent_path -> Text,
        month -> Integer,
        cell_months -> BigInt,
        members -> BigInt,
        due -> BigInt,
        paid -> BigInt,
        deferred -> BigInt,
        arrears -> BigInt,
        extra -> BigInt,
        unpaid_members -> BigInt,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    dues_bases,
    dues_reliefs,
    dues_arrangements,
    dues_payments,
    dues_months,
    dues_cell_months,
    dues_subtree_months,
);
diesel::allow_tables_to_appear_in_same_query!(dues_months, members);
diesel::allow_tables_to_appear_in_same_query!(dues_months, organizations);
diesel::allow_tables_to_appear_in_same_query!(dues_cell_months, organizations);
diesel::allow_tables_to_appear_in_same_query!(dues_payments, members);
diesel::allow_tables_to_appear_in_same_query!(dues_bases, members);
diesel::allow_tables_to_appear_in_same_query!(dues_reliefs, members);
diesel::allow_tables_to_appear_in_same_query!(dues_arrangements, members);
diesel::allow_tables_to_appear_in_same_query!(dues_payments, organizations);
