//! The access matrix, generated from the OpenAPI document the server serves. Every operation is
//! called
//! - anonymously: 401;
//! - by an organizer, a viewer, an integration account and an administrator of province A (a
//!   scoped administrator), on A's records: the roles with the right get past authorisation (a
//!   read answers 2xx; a write may still be refused by a rule, but never with 401, 403 or 404),
//!   the roles without it get 403;
//! - by the same four on province B's records: 403 or 404;
//! - by the national administrator on both provinces' records: never 401 or 403;
//!
//! and no answer to A's accounts ever contains B's name. An operation this matrix does not
//! describe fails the test: a new endpoint must say which right it needs and how it is scoped.

use std::collections::BTreeSet;

use actix_web::http::Method;
use qldv_tests::{member_json, official_json, Client, Response, TestApp};
use serde_json::{json, Value};

/// Every record of province B carries this in its name; A's accounts must never read it.
const MARKER: &str = "Bích Thủy";

/// The right an operation needs.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Right {
    /// Any signed-in account, whatever its role (its own data).
    Signed,
    /// Reading records: every role, inside its scope.
    Read,
    /// Changing records: administrators and organizers.
    Write,
    /// Administrators only, each inside its scope (a scoped administrator in its subtree).
    Admin,
    /// National administrators only (no organisation): national things, refused to a scoped
    /// administrator.
    National,
    /// The change feed: administrators and integration accounts.
    Feed,
}

impl Right {
    fn allows(self, role: &str) -> bool {
        match self {
            Self::Signed | Self::Read => true,
            Self::Write => matches!(role, "organizer" | "admin"),
            Self::Admin => role == "admin",
            Self::National => false,
            Self::Feed => matches!(role, "integration" | "admin"),
        }
    }
}

/// One request.
#[derive(Debug, Clone)]
struct Call {
    method: Method,
    path: String,
    body: Option<Value>,
    /// A multipart upload of a small CSV to this organisation.
    upload_to: Option<i64>,
}

fn get(path: String) -> Call {
    Call {
        method: Method::GET,
        path,
        body: None,
        upload_to: None,
    }
}

fn send(method: Method, path: String, body: Value) -> Call {
    Call {
        method,
        path,
        body: Some(body),
        upload_to: None,
    }
}

fn post(path: String, body: Value) -> Call {
    send(Method::POST, path, body)
}

/// The records of one province, and the targets a destructive call may use up.
#[derive(Debug, Clone, Default)]
struct Side {
    province: i64,
    commune: i64,
    cell: i64,
    cell2: i64,
    member: i64,
    member2: i64,
    /// A candidate for admission in `cell`.
    candidate: i64,
    /// A meeting of `cell` (2025-05-05) and a duty it assigned to `member`.
    meeting: i64,
    duty: i64,
    /// `member`'s dues basis (from 2025), `member2`'s relief and arrangement (2025), and
    /// `member`'s payment on the sheet of October 2026 (a sheet no call of this test rewrites).
    dues_basis: i64,
    dues_relief: i64,
    dues_arrangement: i64,
    dues_payment: i64,
    transfer: i64,
    card: i64,
    proposal: i64,
    discipline: i64,
    /// A complaint case against `discipline`, open.
    case: i64,
    import: i64,
    user: i64,
    token: i64,
    /// `member`'s residence liaison to `cell2` (rule 39).
    liaison: i64,
    /// Targets of dissolve, merge and move (used up by the calls of this test).
    spare_cell: i64,
    merge_cell: i64,
    spare_commune: i64,
}

const CSV: &str =
    "Họ và tên,Giới tính,Ngày sinh,Số CCCD,Ngày quyết định kết nạp,Ngày kết nạp,Ngày chính thức\n";

async fn side(app: &TestApp, admin: &Client, name: &str, n: u32) -> Side {
    let mut s = Side {
        province: admin
            .create_org(&format!("Tỉnh ủy {name}"), "province", None)
            .await,
        ..Side::default()
    };
    s.commune = admin
        .create_org(&format!("Đảng ủy xã {name}"), "commune", Some(s.province))
        .await;
    s.cell = admin
        .create_org(&format!("Chi bộ {name} 1"), "cell", Some(s.commune))
        .await;
    s.cell2 = admin
        .create_org(&format!("Chi bộ {name} 2"), "cell", Some(s.commune))
        .await;
    s.spare_cell = admin
        .create_org(&format!("Chi bộ {name} 3"), "cell", Some(s.commune))
        .await;
    s.merge_cell = admin
        .create_org(&format!("Chi bộ {name} 4"), "cell", Some(s.commune))
        .await;
    s.spare_commune = admin
        .create_org(
            &format!("Đảng ủy phường {name}"),
            "commune",
            Some(s.province),
        )
        .await;
    let member = |who: &str, k: u32| {
        official_json(
            s.cell,
            &format!("{who} {name}"),
            1950,
            "1981-01-05",
            n * 10 + k,
        )
    };
    s.member = admin.create_member(member("Lê Văn", 1)).await;
    s.member2 = admin.create_member(member("Trần Thị", 2)).await;
    s.liaison = admin
        .post(
            &format!("/api/v1/members/{}/liaisons", s.member),
            json!({"residence_org_id": s.cell2, "mode": "regular", "introduced_on": "2025-01-10"}),
        )
        .await
        .id();
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/meetings", s.cell),
            json!({"kind": "regular", "held_on": "2025-05-05", "agenda": "Sinh hoạt tháng 5",
                   "attendance": [{"member_id": s.member, "value": "present"},
                                  {"member_id": s.member2, "value": "present"}]}),
        )
        .await;
    res.assert_status(201);
    s.meeting = res.id();
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/duties", s.cell),
            json!({"assigned_on": "2025-05-05", "meeting_id": s.meeting,
                   "duties": [{"member_id": s.member, "description": "Phụ trách tổ dân cư"}]}),
        )
        .await;
    res.assert_status(201);
    s.duty = res.json[0]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no duty id in {}", res.text));
    let res = admin
        .put(
            &format!("/api/v1/members/{}/dues-basis", s.member),
            json!({"from_on": "2025-01-01", "category": "pension", "base": 5000000}),
            None,
        )
        .await;
    res.assert_status(200);
    s.dues_basis = res.id();
    let res = admin
        .post(
            &format!("/api/v1/members/{}/dues-reliefs", s.member2),
            json!({"kind": "hardship", "from_month": "2025-01", "to_month": "2025-06",
                   "percent": 100, "application_no": "03/ĐN", "decided_on": "2025-01-05"}),
        )
        .await;
    res.assert_status(201);
    s.dues_relief = res.id();
    let res = admin
        .post(
            &format!("/api/v1/members/{}/dues-arrangements", s.member2),
            json!({"kind": "deferral", "from_month": "2025-07", "to_month": "2025-09",
                   "decision_no": "04-QĐ/CB", "decided_on": "2025-07-01"}),
        )
        .await;
    res.assert_status(201);
    s.dues_arrangement = res.id();
    admin
        .put(
            &format!("/api/v1/organizations/{}/dues-sheet/2026-10", s.cell),
            json!({"paid_on": "2026-10-05", "payments": [
                {"member_id": s.member, "amount": 25000, "channel": "cash"}]}),
            None,
        )
        .await
        .assert_status(200);
    let res = admin
        .get(&format!("/api/v1/members/{}/dues?year=2026", s.member))
        .await;
    s.dues_payment = res.json["payments"][0]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no payment id in {}", res.text));
    let res = admin
        .post(
            &format!("/api/v1/organizations/{}/candidates", s.cell),
            json!({"full_name": format!("Đỗ Thị {name}"), "gender": "female",
                   "birth_date": "1995-05-10", "national_id": format!("031195{:06}", 900 + n),
                   "source": "workplace", "identified_on": "2024-01-10"}),
        )
        .await;
    res.assert_status(201);
    s.candidate = res.id();
    let mover = admin.create_member(member("Phạm Văn", 3)).await;
    s.transfer = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": mover, "to_organization_id": s.cell2, "kind": "official",
                   "issued_on": "2025-06-02", "reason": "Chuyển công tác", "decision_no": "45-GGT/ĐU"}),
        )
        .await
        .id();
    s.card = admin
        .post(
            "/api/v1/cards",
            json!({"member_id": s.member, "issued_on": "2025-09-02", "decision_no": "312-QĐ/TU"}),
        )
        .await
        .id();
    admin
        .post(
            "/api/v1/badges",
            json!({"member_id": s.member, "milestone": 40, "occasion_on": "2021-02-03",
                   "decision_no": "45-QĐ/TU"}),
        )
        .await
        .assert_status(201);
    let proposed = admin
        .post(
            "/api/v1/badges/proposals",
            json!({"occasion_on": "2026-02-03", "member_ids": [s.member2]}),
        )
        .await;
    proposed.assert_status(201);
    s.proposal = proposed.json["items"][0]["id"]
        .as_i64()
        .or_else(|| proposed.json[0]["id"].as_i64())
        .unwrap_or_else(|| panic!("no proposal id in {}", proposed.text));
    s.discipline = admin
        .post(
            &format!("/api/v1/members/{}/disciplines", s.member2),
            json!({"form": "warning", "decided_on": "2012-01-09", "decision_no": "5-QĐ/UBKT",
                   "reason": "Vi phạm quy định sinh hoạt"}),
        )
        .await
        .id();
    s.case = admin
        .post(
            &format!("/api/v1/members/{}/cases", s.member2),
            json!({"kind": "complaint", "opened_on": "2012-02-01", "discipline_id": s.discipline,
                   "summary": "Khiếu nại quyết định kỷ luật"}),
        )
        .await
        .id();
    admin
        .put(
            &format!("/api/v1/members/{}/evaluations/2025", s.member),
            json!({"level": "good"}),
            None,
        )
        .await
        .assert_status(200);
    let csv = format!(
        "{CSV}Nguyễn Văn {name},Nam,15/01/1975,03607500{n:04},07/03/2005,21/03/2005,21/03/2006\n"
    );
    s.import = admin
        .upload(
            "/api/v1/imports",
            &[("organization_id", &s.cell.to_string())],
            &format!("{name}.csv"),
            csv.as_bytes(),
        )
        .await
        .id();
    let slug = if n == 1 { "a" } else { "b" };
    s.user = app
        .user(&format!("to-chuc-{slug}"), "organizer", Some(s.province))
        .await
        .id;
    admin
        .patch(
            &format!("/api/v1/users/{}", s.user),
            json!({"full_name": format!("Cán bộ {name}")}),
            None,
        )
        .await
        .assert_status(200);
    let system = app
        .user(&format!("he-thong-{slug}"), "integration", Some(s.province))
        .await;
    s.token = admin
        .post(
            "/api/v1/api-tokens",
            json!({"user_id": system.id, "name": format!("Cổng {name}")}),
        )
        .await
        .id();
    s
}

/// The right an operation needs and its request on side `s` (`None`: the operation is not
/// described here).
fn describe(op: &str, s: &Side) -> Option<(Right, Call)> {
    use Right::*;
    let m = s.member;
    let d = "2026-06-01";
    let (right, call) = match op {
        "get_me" => (Signed, get("/api/v1/auth/me".into())),
        "list_organization_kinds" => (Read, get("/api/v1/organization-kinds".into())),
        "list_users" => (Read, get("/api/v1/users".into())),
        "get_user" => (Read, get(format!("/api/v1/users/{}", s.user))),
        "create_user" => (
            Write,
            post(
                "/api/v1/users".into(),
                json!({"username": format!("moi-{}", s.cell), "password": "0123456789abc",
                       "role": "viewer", "organization_id": s.cell}),
            ),
        ),
        "update_user" => (
            Write,
            send(
                Method::PATCH,
                format!("/api/v1/users/{}", s.user),
                json!({"active": true}),
            ),
        ),
        "list_api_tokens" => (Admin, get("/api/v1/api-tokens".into())),
        "create_api_token" => (
            Admin,
            post(
                "/api/v1/api-tokens".into(),
                json!({"user_id": s.user, "name": "x"}),
            ),
        ),
        "revoke_api_token" => (
            Admin,
            post(format!("/api/v1/api-tokens/{}/revoke", s.token), json!({})),
        ),
        "list_organizations" => (
            Read,
            get(format!("/api/v1/organizations?parent_id={}", s.province)),
        ),
        "get_organization" => (Read, get(format!("/api/v1/organizations/{}", s.cell))),
        "get_organization_subtree" => (
            Read,
            get(format!("/api/v1/organizations/{}/subtree", s.province)),
        ),
        "create_organization" => (
            Write,
            post(
                "/api/v1/organizations".into(),
                json!({"name": "Chi bộ mới", "kind": "cell", "parent_id": s.commune}),
            ),
        ),
        "get_dues_sheet" => (
            Read,
            get(format!(
                "/api/v1/organizations/{}/dues-sheet?month=2026-11",
                s.cell
            )),
        ),
        "put_dues_sheet" => (
            Write,
            send(
                Method::PUT,
                format!("/api/v1/organizations/{}/dues-sheet/2026-11", s.cell),
                json!({"paid_on": "2026-11-05", "payments": []}),
            ),
        ),
        "get_member_dues" => (
            Read,
            get(format!("/api/v1/members/{}/dues?year=2026", s.member)),
        ),
        "put_dues_basis" => (
            Write,
            send(
                Method::PUT,
                format!("/api/v1/members/{}/dues-basis", s.member),
                json!({"from_on": "2026-01-01", "category": "pension", "base": 6000000}),
            ),
        ),
        "create_dues_relief" => (
            Write,
            post(
                format!("/api/v1/members/{}/dues-reliefs", s.member),
                json!({"kind": "hardship", "from_month": "2026-01", "to_month": "2026-06",
                       "percent": 100, "application_no": "01/ĐN", "decided_on": "2026-01-05"}),
            ),
        ),
        "create_dues_arrangement" => (
            Write,
            post(
                format!("/api/v1/members/{}/dues-arrangements", s.member),
                json!({"kind": "deferral", "from_month": "2026-01", "to_month": "2026-03",
                       "decision_no": "02-QĐ/CB", "decided_on": "2026-01-05"}),
            ),
        ),
        "get_dues_basis" => (Read, get(format!("/api/v1/dues-bases/{}", s.dues_basis))),
        "get_dues_relief" => (Read, get(format!("/api/v1/dues-reliefs/{}", s.dues_relief))),
        "get_dues_arrangement" => (
            Read,
            get(format!("/api/v1/dues-arrangements/{}", s.dues_arrangement)),
        ),
        "get_dues_payment" => (
            Read,
            get(format!("/api/v1/dues-payments/{}", s.dues_payment)),
        ),
        "get_admission_target" => (
            Read,
            get(format!(
                "/api/v1/organizations/{}/admission-targets/2026",
                s.province
            )),
        ),
        "put_admission_target" => (
            Write,
            send(
                Method::PUT,
                format!("/api/v1/organizations/{}/admission-targets/2026", s.cell),
                json!({"target": 3, "resolution_no": "01-NQ/ĐH", "resolution_on": "2025-07-18"}),
            ),
        ),
        "update_organization" => (
            Write,
            send(
                Method::PATCH,
                format!("/api/v1/organizations/{}", s.cell2),
                json!({"code": "CB2"}),
            ),
        ),
        "move_organization" => (
            Write,
            post(
                format!("/api/v1/organizations/{}/move", s.spare_commune),
                json!({"new_parent_id": s.province, "effective_on": d, "decision_no": "1-QĐ/TU"}),
            ),
        ),
        "merge_organization" => (
            Write,
            post(
                format!("/api/v1/organizations/{}/merge", s.merge_cell),
                json!({"into_id": s.cell2, "effective_on": d, "decision_no": "2-QĐ/ĐU"}),
            ),
        ),
        "dissolve_organization" => (
            Write,
            post(
                format!("/api/v1/organizations/{}/dissolve", s.spare_cell),
                json!({"effective_on": d, "decision_no": "3-QĐ/ĐU"}),
            ),
        ),
        "list_members" => (
            Read,
            get(format!("/api/v1/members?organization_id={}", s.province)),
        ),
        "export_members" => (
            Read,
            get(format!(
                "/api/v1/members/export?organization_id={}",
                s.province
            )),
        ),
        "create_member" => (
            Write,
            post(
                "/api/v1/members".into(),
                member_json(s.cell, json!({"national_id": null})),
            ),
        ),
        "get_member" => (Read, get(format!("/api/v1/members/{m}"))),
        "list_candidates" => (
            Read,
            get(format!("/api/v1/organizations/{}/candidates", s.cell)),
        ),
        "create_candidate" => (
            Write,
            post(
                format!("/api/v1/organizations/{}/candidates", s.cell),
                json!({"full_name": "Vũ Thị Mới", "gender": "female", "birth_date": "1996-02-03",
                       "source": "youth_union", "identified_on": "2025-01-10"}),
            ),
        ),
        "import_candidates" => (
            Write,
            Call {
                method: Method::POST,
                path: format!("/api/v1/organizations/{}/candidates/import", s.cell),
                body: None,
                upload_to: Some(s.cell),
            },
        ),
        "get_candidate_import_template" => (
            Read,
            get(format!(
                "/api/v1/organizations/{}/candidates/import/template",
                s.cell
            )),
        ),
        "import_meetings" => (
            Write,
            Call {
                method: Method::POST,
                path: format!("/api/v1/organizations/{}/meetings/import", s.cell),
                body: None,
                upload_to: Some(s.cell),
            },
        ),
        "get_meetings_import_template" => (
            Write,
            get(format!(
                "/api/v1/organizations/{}/meetings/import/template?year=2025",
                s.cell
            )),
        ),
        "import_dues" => (
            Write,
            Call {
                method: Method::POST,
                path: format!(
                    "/api/v1/organizations/{}/dues-sheet/import?year=2025",
                    s.cell
                ),
                body: None,
                upload_to: Some(s.cell),
            },
        ),
        "get_dues_import_template" => (
            Write,
            get(format!(
                "/api/v1/organizations/{}/dues-sheet/import/template?year=2025",
                s.cell
            )),
        ),
        "get_candidate" => (Read, get(format!("/api/v1/candidates/{}", s.candidate))),
        "get_attendance_sheet" => (
            Read,
            get(format!(
                "/api/v1/organizations/{}/attendance-sheet?on=2025-05-05",
                s.cell
            )),
        ),
        "create_meeting" => (
            Write,
            post(
                format!("/api/v1/organizations/{}/meetings", s.cell),
                json!({"kind": "topical", "held_on": "2025-05-20", "agenda": "Chuyên đề",
                       "attendance": [{"member_id": m, "value": "present"},
                                      {"member_id": s.member2, "value": "absent"}]}),
            ),
        ),
        "list_meetings" => (
            Read,
            get(format!(
                "/api/v1/organizations/{}/meetings?year=2025",
                s.cell
            )),
        ),
        "get_meeting" => (Read, get(format!("/api/v1/meetings/{}", s.meeting))),
        "get_duty" => (Read, get(format!("/api/v1/duties/{}", s.duty))),
        "put_meeting_attendance" => (
            Write,
            send(
                Method::PUT,
                format!("/api/v1/meetings/{}/attendance", s.meeting),
                json!({"attendance": [{"member_id": m, "value": "present"},
                                      {"member_id": s.member2, "value": "excused", "reason": "Ốm"}]}),
            ),
        ),
        "create_duties" => (
            Write,
            post(
                format!("/api/v1/organizations/{}/duties", s.cell),
                json!({"assigned_on": "2025-05-05",
                       "duties": [{"member_id": s.member2, "description": "Tuyên truyền"}]}),
            ),
        ),
        "review_duties" => (
            Write,
            post(
                format!("/api/v1/meetings/{}/reviews", s.meeting),
                json!({"reviews": [{"duty_id": s.duty, "result": "done"}]}),
            ),
        ),
        "list_member_duties" => (Read, get(format!("/api/v1/members/{m}/duties?year=2025"))),
        "list_member_attendance" => (
            Read,
            get(format!("/api/v1/members/{m}/attendance?year=2025")),
        ),
        "list_cell_duties" => (
            Read,
            get(format!("/api/v1/organizations/{}/duties?open=true", s.cell)),
        ),
        "update_candidate" => (
            Write,
            send(
                Method::PATCH,
                format!("/api/v1/candidates/{}", s.candidate),
                json!({"phone": "0912345678"}),
            ),
        ),
        "create_candidate_step" => (
            Write,
            post(
                format!("/api/v1/candidates/{}/steps", s.candidate),
                json!({"kind": "application", "on": "2024-03-01"}),
            ),
        ),
        "drop_candidate" => (
            Write,
            post(
                format!("/api/v1/candidates/{}/drop", s.candidate),
                json!({"on": "2025-06-01", "reason": "withdrew"}),
            ),
        ),
        "update_member" => (
            Write,
            send(
                Method::PATCH,
                format!("/api/v1/members/{m}"),
                json!({"phone": "0912345678"}),
            ),
        ),
        "list_member_events" => (Read, get(format!("/api/v1/members/{m}/events"))),
        "list_member_memberships" => (Read, get(format!("/api/v1/members/{m}/memberships"))),
        "get_member_party_age" => (Read, get(format!("/api/v1/members/{m}/party-age"))),
        "recognize_member" => (
            Write,
            post(
                format!("/api/v1/members/{m}/recognition"),
                json!({"decided_on": d, "decision_no": "9-QĐ/ĐU"}),
            ),
        ),
        "put_member_supplement" => (
            Write,
            send(
                Method::PUT,
                format!("/api/v1/members/{m}/supplements/2025"),
                json!({"filed_on": d}),
            ),
        ),
        "list_member_disciplines" => (
            Read,
            get(format!("/api/v1/members/{}/disciplines", s.member2)),
        ),
        "create_member_discipline" => (
            Write,
            post(
                format!("/api/v1/members/{m}/disciplines"),
                json!({"form": "reprimand", "decided_on": d, "decision_no": "6-QĐ/UBKT", "reason": "x"}),
            ),
        ),
        "hold_discipline" => (
            Write,
            post(
                format!(
                    "/api/v1/members/{}/disciplines/{}/hold",
                    s.member2, s.discipline
                ),
                json!({"kind": "complaint", "on": d}),
            ),
        ),
        "exit_member" => (
            Write,
            post(
                format!("/api/v1/members/{}/exit", s.member2),
                json!({"reason": "deceased", "effective_on": d, "decision_no": "7-QĐ/ĐU"}),
            ),
        ),
        "readmit_member" => (
            Write,
            post(
                format!("/api/v1/members/{}/readmission", s.member2),
                json!({"admission_decision_on": d, "ceremony_on": d, "decision_no": "8",
                       "consent_no": "9"}),
            ),
        ),
        "create_member_exemption" => (
            Write,
            post(
                format!("/api/v1/members/{m}/exemptions"),
                json!({"from": d, "reason": "Tuổi cao"}),
            ),
        ),
        "create_member_absence" => (
            Write,
            post(
                format!("/api/v1/members/{m}/absences"),
                json!({"from": d, "reason": "Đi học"}),
            ),
        ),
        "list_member_periods" => (Read, get(format!("/api/v1/members/{m}/periods"))),
        "list_member_illnesses" => (Read, get(format!("/api/v1/members/{m}/illnesses"))),
        "create_member_illness" => (
            Write,
            post(
                format!("/api/v1/members/{m}/illnesses"),
                json!({"from": d, "note": "Điều trị"}),
            ),
        ),
        "put_member_evaluation" => (
            Write,
            send(
                Method::PUT,
                format!("/api/v1/members/{m}/evaluations/2025"),
                json!({"level": "excellent"}),
            ),
        ),
        "list_member_evaluations" => (Read, get(format!("/api/v1/members/{m}/evaluations"))),
        "list_member_cards" => (Read, get(format!("/api/v1/members/{m}/cards"))),
        "list_member_badges" => (Read, get(format!("/api/v1/members/{m}/badges"))),
        "list_transfers" => (
            Read,
            get(format!("/api/v1/transfers?organization_id={}", s.province)),
        ),
        "get_transfer" => (Read, get(format!("/api/v1/transfers/{}", s.transfer))),
        "create_transfer" => (
            Write,
            post(
                "/api/v1/transfers".into(),
                json!({"member_id": m, "to_organization_id": s.cell2, "kind": "official",
                       "issued_on": d, "reason": "x", "decision_no": "1"}),
            ),
        ),
        "accept_transfer" => (
            Write,
            post(
                format!("/api/v1/transfers/{}/accept", s.transfer),
                json!({"received_on": d}),
            ),
        ),
        "reject_transfer" => (
            Write,
            post(
                format!("/api/v1/transfers/{}/reject", s.transfer),
                json!({}),
            ),
        ),
        "cancel_transfer" => (
            Write,
            post(
                format!("/api/v1/transfers/{}/cancel", s.transfer),
                json!({}),
            ),
        ),
        "list_evaluations" => (
            Read,
            get(format!(
                "/api/v1/evaluations?organization_id={}&year=2025",
                s.commune
            )),
        ),
        "get_evaluation_round" => (
            Read,
            get(format!(
                "/api/v1/organizations/{}/evaluations/2025",
                s.commune
            )),
        ),
        "close_evaluation_round" => (
            Write,
            post(
                format!("/api/v1/organizations/{}/evaluations/2025/close", s.commune),
                json!({}),
            ),
        ),
        "reopen_evaluation_round" => (
            Admin,
            post(
                format!(
                    "/api/v1/organizations/{}/evaluations/2025/reopen",
                    s.commune
                ),
                json!({}),
            ),
        ),
        "list_cards" => (
            Read,
            get(format!("/api/v1/cards?organization_id={}", s.province)),
        ),
        "list_cards_due" => (
            Read,
            get(format!("/api/v1/cards/due?organization_id={}", s.province)),
        ),
        "get_card" => (Read, get(format!("/api/v1/cards/{}", s.card))),
        "create_card" => (
            Write,
            post(
                "/api/v1/cards".into(),
                json!({"member_id": s.member2, "issued_on": d, "decision_no": "1"}),
            ),
        ),
        "reissue_card" => (
            Write,
            post(
                format!("/api/v1/cards/{}/reissue", s.card),
                json!({"reason": "lost", "issued_on": d, "decision_no": "2"}),
            ),
        ),
        "revoke_card" => (
            Write,
            post(
                format!("/api/v1/cards/{}/revoke", s.card),
                json!({"reason": "other", "effective_on": d}),
            ),
        ),
        "list_eligible_badges" => (
            Read,
            get(format!(
                "/api/v1/badges/eligible?occasion_on=2026-02-03&organization_id={}",
                s.province
            )),
        ),
        "list_badges" => (
            Read,
            get(format!("/api/v1/badges?organization_id={}", s.province)),
        ),
        "create_badge" => (
            Write,
            post(
                "/api/v1/badges".into(),
                json!({"member_id": s.member2, "milestone": 40, "occasion_on": "2021-02-03",
                       "decision_no": "1"}),
            ),
        ),
        "list_badge_proposals" => (
            Read,
            get(format!(
                "/api/v1/badges/proposals?organization_id={}",
                s.province
            )),
        ),
        "create_badge_proposals" => (
            Write,
            post(
                "/api/v1/badges/proposals".into(),
                json!({"occasion_on": "2026-02-03", "member_ids": [m]}),
            ),
        ),
        "approve_badge_proposals" => (
            Write,
            post(
                "/api/v1/badges/proposals/approve".into(),
                json!({"proposal_ids": [s.proposal], "decision_no": "1"}),
            ),
        ),
        "reject_badge_proposal" => (
            Write,
            post(
                format!("/api/v1/badges/proposals/{}/reject", s.proposal),
                json!({"reason": "x"}),
            ),
        ),
        "list_alerts" => (
            Read,
            get(format!("/api/v1/alerts?organization_id={}", s.province)),
        ),
        "get_report" => (
            Read,
            get(format!(
                "/api/v1/reports/composition?organization_id={}",
                s.province
            )),
        ),
        "export_report" => (
            Read,
            get(format!(
                "/api/v1/reports/composition/export?organization_id={}",
                s.province
            )),
        ),
        "get_import_template" => (Read, get("/api/v1/imports/template.xlsx".into())),
        "list_imports" => (Read, get("/api/v1/imports".into())),
        "get_import" => (Read, get(format!("/api/v1/imports/{}", s.import))),
        "create_import" => (
            Write,
            Call {
                method: Method::POST,
                path: "/api/v1/imports".into(),
                body: None,
                upload_to: Some(s.cell),
            },
        ),
        "list_audit_entries" => (Write, get("/api/v1/audit".into())),
        "list_changes" => (
            Feed,
            get(format!("/api/v1/changes?organization_id={}", s.province)),
        ),
        "export_sync_package" => (
            Write,
            get(format!(
                "/api/v1/sync/export?organization_id={}",
                s.province
            )),
        ),
        "import_sync_package" => (Admin, post("/api/v1/sync/import".into(), json!("{}"))),
        "get_sync_key" => (Admin, get("/api/v1/sync/key".into())),
        "list_trusted_keys" => (National, get("/api/v1/sync/trusted-keys".into())),
        "create_trusted_key" => (
            National,
            post(
                "/api/v1/sync/trusted-keys".into(),
                json!({"public_key": "AAAA", "name": "x"}),
            ),
        ),
        "list_regulations" => (Signed, get("/api/v1/regulations".into())),
        "create_regulation" => (
            National,
            post(
                "/api/v1/regulations".into(),
                json!({"code": "99-QĐ/TW", "title": "Quy định thử", "chain": "dues",
                       "in_force_from": "2030-01-01"}),
            ),
        ),
        "put_rule_setting" => (
            National,
            send(
                Method::PUT,
                "/api/v1/regulations/settings".into(),
                json!({"regulation": "69-QĐ/TW", "key": "discipline.lapse_months", "value": "12"}),
            ),
        ),
        "list_member_cases" => (Read, get(format!("/api/v1/members/{}/cases", s.member2))),
        "create_member_case" => (
            Write,
            post(
                format!("/api/v1/members/{m}/cases"),
                json!({"kind": "inspection", "opened_on": d, "summary": "Kiểm tra"}),
            ),
        ),
        "settle_member_case" => (
            Write,
            post(
                format!("/api/v1/members/{}/cases/{}/settle", s.member2, s.case),
                json!({"settled_on": d, "decision_no": "3-QĐ/UBKT", "ruling": "upheld"}),
            ),
        ),
        "refuse_member_recognition" => (
            Write,
            post(
                format!("/api/v1/members/{m}/non-recognition"),
                json!({"decided_on": d, "decision_no": "9-QĐ/ĐU", "reason": "x"}),
            ),
        ),
        "create_discipline_remedy" => (
            Write,
            post(
                format!(
                    "/api/v1/members/{}/disciplines/{}/remedy",
                    s.member2, s.discipline
                ),
                json!({"recognised_on": d, "resolution_no": "2-NQ/CB"}),
            ),
        ),
        "get_member_badge_eligibility" => {
            (Read, get(format!("/api/v1/members/{m}/badge-eligibility")))
        }
        "create_member_out_of_contact" => (
            Write,
            post(
                format!("/api/v1/members/{m}/out-of-contact"),
                json!({"from": d, "decision_no": "4-QĐ/ĐU", "decision_on": d}),
            ),
        ),
        "end_member_out_of_contact" => (
            Write,
            post(
                format!("/api/v1/members/{m}/out-of-contact/end"),
                json!({"on": d, "decision_no": "4-QĐ/ĐU", "decision_on": d}),
            ),
        ),
        "create_member_past_interruption" => (
            Write,
            post(
                format!("/api/v1/members/{m}/past-interruptions"),
                json!({"kind": "out_of_contact", "from": "2008-01-01", "to": "2008-06-01",
                       "decision_no": "4-QĐ/ĐU", "decision_on": "2008-06-01"}),
            ),
        ),
        "create_member_annulment" => (
            Write,
            post(
                format!("/api/v1/members/{}/annulments", s.member2),
                json!({"annuls": "discipline", "discipline_id": s.discipline, "reason": "Oan sai",
                       "decision_no": "4-QĐ/UBKT", "decision_on": d}),
            ),
        ),
        "create_transfer_arrival" => (
            Write,
            post(
                "/api/v1/transfers/arrivals".into(),
                json!({"source": "army", "from_external": "Đảng ủy Quân sự", "to_organization_id": s.cell,
                       "issued_on": "2026-05-20", "received_on": d, "decision_no": "1-GGT",
                       "member": member_json(s.cell, json!({}))}),
            ),
        ),
        "return_temporary_transfer" => (
            Write,
            post(
                format!("/api/v1/transfers/{}/return", s.transfer),
                json!({"returned_on": d}),
            ),
        ),
        "list_badge_occasions" => (
            Read,
            get(format!(
                "/api/v1/badges/occasions?organization_id={}&year=2026",
                s.province
            )),
        ),
        "create_badge_occasion" => (
            Write,
            post(
                "/api/v1/badges/occasions".into(),
                json!({"organization_id": s.province, "occasion_on": "2026-10-14",
                       "title": "Kỷ niệm", "decision_no": "5-QĐ/TU"}),
            ),
        ),
        "create_member_liaison" => (
            Write,
            post(
                format!("/api/v1/members/{}/liaisons", s.member2),
                json!({"residence_org_id": s.cell, "mode": "regular", "introduced_on": d}),
            ),
        ),
        "list_member_liaisons" => (Read, get(format!("/api/v1/members/{m}/liaisons"))),
        "get_liaison" => (Read, get(format!("/api/v1/liaisons/{}", s.liaison))),
        "end_liaison" => (
            Write,
            post(
                format!("/api/v1/liaisons/{}/end", s.liaison),
                json!({ "ended_on": d }),
            ),
        ),
        // The residence side: `cell2`, where `member` lives.
        "list_liaison_members" => (
            Read,
            get(format!("/api/v1/organizations/{}/liaison-members", s.cell2)),
        ),
        "put_liaison_comment" => (
            Write,
            send(
                Method::PUT,
                format!("/api/v1/liaisons/{}/comments/2026", s.liaison),
                json!({"text": "Gương mẫu nơi cư trú"}),
            ),
        ),
        "list_liaison_comments" => (
            Read,
            get(format!(
                "/api/v1/organizations/{}/liaison-comments?year=2026",
                s.cell
            )),
        ),
        "get_calendar_year" => (Signed, get("/api/v1/calendar/2026".into())),
        "put_calendar_year" => (
            National,
            send(
                Method::PUT,
                "/api/v1/calendar/2026".into(),
                json!({"decision": "x", "days": []}),
            ),
        ),
        _ => return None,
    };
    Some((right, call))
}

/// Operations whose request names no record of a province: their side-B call is the same call,
/// so only the role and the "never B's data" checks apply.
const UNSCOPED: &[&str] = &[
    "get_me",
    "list_organization_kinds",
    "get_import_template",
    "list_api_tokens",
    "import_sync_package",
    "get_sync_key",
    "list_trusted_keys",
    "create_trusted_key",
    "list_regulations",
    "create_regulation",
    "put_rule_setting",
    "get_calendar_year",
    "put_calendar_year",
];

/// Lists of the caller's whole scope, with no organisation filter: only the "never B's data"
/// check applies (B's users, imports and audit entries all carry B's name).
const SCOPE_LISTS: &[&str] = &["list_users", "list_imports", "list_audit_entries"];

/// Operations open to anyone: signing in and out, probes.
const PUBLIC: &[&str] = &["get_health", "get_readiness", "login", "refresh", "logout"];

async fn call(c: &Client, k: &Call) -> Response {
    match k.upload_to {
        Some(_) if k.path.ends_with("/candidates/import") => {
            let csv =
                "Họ và tên,Giới tính,Ngày sinh,Nguồn giới thiệu,Ngày xác định quần chúng ưu tú\n\
                       Vũ Thị Mới,Nữ,03/02/1996,Khác,10/01/2025\n";
            c.upload(&k.path, &[], "moi.csv", csv.as_bytes()).await
        }
        Some(_) if k.path.contains("/meetings/import") => {
            // A member unknown to the cell: the job fails, the call is answered.
            let csv = "Số lý lịch,Họ và tên,05/05/2025\nLL-KHONG-CO,Nguyễn Văn Mới,C\n";
            c.upload(&k.path, &[], "diem-danh.csv", csv.as_bytes())
                .await
        }
        Some(_) if k.path.contains("/dues-sheet/import") => {
            let csv = "Số lý lịch,Họ và tên,Tháng 5\nLL-KHONG-CO,Nguyễn Văn Mới,50000\n";
            c.upload(&k.path, &[], "dang-phi.csv", csv.as_bytes()).await
        }
        Some(org) => {
            let csv = format!("{CSV}Nguyễn Văn Mới,Nam,15/01/1975,036075009999,07/03/2005,21/03/2005,21/03/2006\n");
            c.upload(
                "/api/v1/imports",
                &[("organization_id", &org.to_string())],
                "moi.csv",
                csv.as_bytes(),
            )
            .await
        }
        None => c.send(k.method.clone(), &k.path, k.body.clone(), &[]).await,
    }
}

/// The operations of the served OpenAPI document: (operationId, method, secured).
fn operations() -> Vec<(String, String, bool)> {
    let doc = serde_json::to_value(qldv::openapi_document()).expect("document");
    let mut ops = Vec::new();
    for (_, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("operations") {
            let id = op["operationId"].as_str().expect("operationId").to_string();
            let secured = op["security"].as_array().is_some_and(|s| !s.is_empty());
            ops.push((id, method.to_uppercase(), secured));
        }
    }
    ops
}

#[actix_web::test]
async fn every_operation_is_refused_out_of_scope_and_to_roles_without_the_right() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let a = side(&app, &admin, "Hòa Bình", 1).await;
    let b = side(&app, &admin, MARKER, 2).await;
    let callers = [
        (
            "organizer",
            app.user("a-to-chuc", "organizer", Some(a.province)).await,
        ),
        (
            "viewer",
            app.user("a-xem", "viewer", Some(a.province)).await,
        ),
        (
            "integration",
            app.user("a-he-thong", "integration", Some(a.province))
                .await,
        ),
        (
            "admin",
            app.user("a-quan-tri", "admin", Some(a.province)).await,
        ),
    ];
    let anonymous = app.anonymous();
    let mut failures = Vec::new();
    let mut seen = BTreeSet::new();
    let mut in_scope = Vec::new();
    for (op, method, secured) in operations() {
        seen.insert(op.clone());
        if PUBLIC.contains(&op.as_str()) {
            if secured {
                failures.push(format!("{op}: public operation asks for a token"));
            }
            continue;
        }
        if !secured {
            failures.push(format!("{op}: no security requirement in the document"));
            continue;
        }
        let (Some((right, mine)), Some((_, theirs))) = (describe(&op, &a), describe(&op, &b))
        else {
            failures.push(format!(
                "{op}: not in the access matrix (tests/api/access_matrix.rs): say its right and scope"
            ));
            continue;
        };
        let scoped = !UNSCOPED.contains(&op.as_str()) && !SCOPE_LISTS.contains(&op.as_str());
        let res = call(&anonymous, &mine).await;
        if res.status != 401 {
            failures.push(format!("{op}: anonymous got {}", res.status));
        }
        for (role, c) in &callers {
            if scoped {
                let res = call(c, &theirs).await;
                if !matches!(res.status.as_u16(), 403 | 404) {
                    failures.push(format!(
                        "{op}: {role} of A on B's record got {}: {}",
                        res.status,
                        res.text.chars().take(200).collect::<String>()
                    ));
                }
                if res.text.contains(MARKER) {
                    failures.push(format!("{op}: {role} of A read B's data"));
                }
            }
            let res = call(c, &mine).await;
            let status = res.status.as_u16();
            if *role == "organizer" {
                in_scope.push(format!("{op} {status}"));
            }
            if right.allows(role) {
                let refused = matches!(status, 401 | 403 | 404) || status >= 500;
                let read_failed = method == "GET" && !res.status.is_success();
                if refused || read_failed {
                    failures.push(format!(
                        "{op}: {role} of A on A's record got {status}: {}",
                        res.text.chars().take(200).collect::<String>()
                    ));
                }
            } else if status != 403 {
                failures.push(format!(
                    "{op}: {role} without the right got {status}, not 403"
                ));
            }
            if res.text.contains(MARKER) {
                failures.push(format!(
                    "{op}: {role} of A read B's data in a list of its own"
                ));
            }
        }
        // The national administrator sees both provinces: authorisation lets it through on
        // either, national operations included.
        for (side, k) in [("A", &mine), ("B", &theirs)] {
            let res = call(&admin, k).await;
            let status = res.status.as_u16();
            if matches!(status, 401 | 403)
                || status >= 500
                || (method == "GET" && !res.status.is_success())
            {
                failures.push(format!(
                    "{op}: admin on {side} got {status}: {}",
                    res.text.chars().take(200).collect::<String>()
                ));
            }
        }
    }
    eprintln!("organizer of A on A's records: {}", in_scope.join(", "));
    assert!(
        seen.len() >= 80,
        "only {} operations in the document",
        seen.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    app.assert_invariant();
}
