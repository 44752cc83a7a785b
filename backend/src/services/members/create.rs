//! Admission of a new member, or data entry of an existing one.

use chrono::NaiveDate;
use qldv_api_types::members::{CreateMember, MemberStatus};
use qldv_api_types::FieldError;

use super::profile::{self, Identity};
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::domain::admission::{self, AdmissionDates};
use crate::error::{AppError, AppResult};
use crate::models::member::{MemberRow, NewMemberState};
use crate::models::member_event::{self, NewEvent};
use crate::models::organization::{KindRow, OrganizationRow};
use crate::models::setting;

fn fe(field: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// Creates a member record in a cell inside the caller's scope (call inside a transaction).
pub fn create(
    conn: &mut DbConn,
    caller: &AuthUser,
    body: &CreateMember,
    today: NaiveDate,
) -> AppResult<MemberRow> {
    let org = OrganizationRow::find(conn, &caller.scope, body.organization_id)?;
    let mut errors = Vec::new();
    if !KindRow::get(conn, &org.kind)?.holds_members {
        errors.push(fe(
            "organization_id",
            "not_a_cell",
            format!(
                "'{}' không phải chi bộ: đảng viên sinh hoạt ở chi bộ hoặc chi bộ cơ sở",
                org.name
            ),
        ));
    }
    if org.valid_to.is_some() {
        errors.push(fe(
            "organization_id",
            "organization_closed",
            "Tổ chức đã giải thể hoặc hợp nhất",
        ));
    }
    let (Some(gender), Some(birth)) = (body.profile.gender, body.profile.birth_date) else {
        if body.profile.gender.is_none() {
            errors.push(fe("gender", "required", "Chọn giới tính"));
        }
        if body.profile.birth_date.is_none() {
            errors.push(fe("birth_date", "required", "Nhập ngày sinh"));
        }
        return Err(AppError::Validation(errors));
    };
    let changes = profile::to_changes(&body.profile, Identity { gender, birth }, true, &mut errors);

    let settings = setting::at(conn, body.admission_decision_on)?;
    let dates = AdmissionDates {
        birth,
        youth_union: body.profile.youth_union_joined_on,
        decision: body.admission_decision_on,
        ceremony: body.ceremony_on,
        official: body.official_on,
    };
    for v in admission::check_dates(&dates, today) {
        errors.push(fe(v.field, v.violation.code, v.violation.message));
    }
    if let Err(v) = admission::check_age(
        birth,
        body.admission_decision_on,
        body.age_consent_no.is_some(),
        &settings,
    ) {
        errors.push(fe(v.field, v.violation.code, v.violation.message));
    }
    if let Err(v) = admission::check_ceremony(
        body.admission_decision_on,
        body.ceremony_on,
        body.ceremony_delay_approval_no.is_some(),
        &settings,
    ) {
        errors.push(fe(v.field, v.violation.code, v.violation.message));
    }
    let official_on = match (body.status, body.official_on) {
        (MemberStatus::Probationary, None) => None,
        (MemberStatus::Probationary, Some(_)) => {
            errors.push(fe(
                "official_on",
                "not_allowed",
                "Đảng viên dự bị chưa có ngày chính thức",
            ));
            None
        }
        (MemberStatus::Official, None) => {
            errors.push(fe(
                "official_on",
                "required",
                "Nhập ngày được công nhận chính thức",
            ));
            None
        }
        (MemberStatus::Official, Some(o)) => {
            let expected =
                admission::official_date(body.ceremony_on, &setting::at(conn, body.ceremony_on)?);
            if o != expected {
                errors.push(fe(
                    "official_on",
                    "official_date_mismatch",
                    format!(
                        "Ngày chính thức là ngày kết nạp cộng 12 tháng: {}",
                        expected.format("%d/%m/%Y")
                    ),
                ));
            }
            Some(o)
        }
        (MemberStatus::Exited | MemberStatus::TransferredOut, _) => {
            errors.push(fe(
                "status",
                "not_allowed",
                "Chỉ nhập đảng viên dự bị hoặc chính thức",
            ));
            None
        }
    };
    let first_decision = body
        .first_admission_decision_on
        .unwrap_or(body.admission_decision_on);
    if first_decision > body.admission_decision_on {
        errors.push(fe(
            "first_admission_decision_on",
            "date_order",
            "Ngày kết nạp lần đầu không thể sau ngày quyết định kết nạp",
        ));
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        return Err(AppError::Validation(errors));
    }
    if let Some(Some(n)) = &changes.national_id {
        if MemberRow::national_id_taken(conn, n, None)? {
            return Err(AppError::Conflict(
                "national_id_taken",
                format!("Số CCCD {n} đã có trong hồ sơ đảng viên khác"),
            ));
        }
    }
    if let Some(Some(h)) = &changes.personal_history_no {
        if MemberRow::history_no_taken(conn, h, None)? {
            return Err(AppError::Conflict(
                "personal_history_no_taken",
                format!("Số lý lịch {h} đã có trong hồ sơ khác"),
            ));
        }
    }

    let now = crate::models::now();
    let row = MemberRow::insert(
        conn,
        &NewMemberState {
            organization_id: org.id,
            org_path: org.path.clone(),
            first_admission_decision_on: first_decision,
            admission_decision_on: body.admission_decision_on,
            ceremony_on: body.ceremony_on,
            official_on,
            status: if official_on.is_some() {
                "official"
            } else {
                "probationary"
            }
            .into(),
            created_at: now,
            updated_at: now,
        },
        &changes,
    )?;
    member_event::open_membership(
        conn,
        row.id,
        org.id,
        body.admission_decision_on,
        member_event::Arrival::Admitted,
    )?;
    let actor = caller.actor();
    member_event::append(
        conn,
        &actor,
        &NewEvent {
            member_id: row.id,
            kind: "admitted",
            occurred_on: body.admission_decision_on,
            decision_no: body.profile.admission_decision_no.as_deref(),
            decision_on: Some(body.admission_decision_on),
            deciding_org_id: None,
            organization_id: org.id,
            regulation: &settings.regulation,
            details: Some(serde_json::json!({
                "ceremony_on": body.ceremony_on,
                "age_consent_no": body.age_consent_no,
                "ceremony_delay_approval_no": body.ceremony_delay_approval_no,
                "first_admission_decision_on": first_decision,
                "data_entry": official_on.is_some(),
            })),
        },
    )?;
    if let Some(o) = official_on {
        let s = setting::at(conn, o)?;
        member_event::append(
            conn,
            &actor,
            &NewEvent {
                member_id: row.id,
                kind: "recognized",
                occurred_on: o,
                decision_no: None,
                decision_on: None,
                deciding_org_id: None,
                organization_id: org.id,
                regulation: &s.regulation,
                details: Some(serde_json::json!({"data_entry": true})),
            },
        )?;
    }
    // The row's state is what the events say.
    let row = MemberRow::refresh_state(conn, row.id)?;
    super::audit(conn, &actor, "create", None, &row)?;
    Ok(row)
}
