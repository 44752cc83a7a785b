//! The residence liaison (213-QĐ/TW, rule 39): the working side introduces a member to the
//! organisation where they live and ends the liaison; the residence side reads the liaison
//! view and writes the yearly comment; the working side reads the comments' states, in a list
//! of its own, in the evaluation list and as alerts. The rules are
//! `domain::cell_year::liaison`; each side reaches a liaison through its own scope-taking query.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use qldv_api_types::audit::{AuditAction, AuditEntity};
use qldv_api_types::cell_year::LiaisonCommentState;
use qldv_api_types::liaisons::{
    EndLiaison, IntroduceLiaison, Liaison, LiaisonComment, LiaisonCommentStatus, LiaisonView,
    WriteLiaisonComment,
};
use qldv_api_types::movements::{Alert, AlertKind};
use qldv_api_types::{LiaisonId, MemberId, OrgId};

use crate::auth::{AuthUser, Scope};
use crate::db::DbConn;
use crate::domain::cell_year::liaison as rule;
use crate::domain::privacy::{Field, Privacy};
use crate::error::AppResult;
use crate::messages::liaisons as msg;
use crate::models::audit::{self, Subject};
use crate::models::liaison::{CommentRow, LiaisonRow, WorkingRow};
use crate::models::member::MemberRow;
use crate::models::organization::{KindRow, OrganizationRow};
use crate::models::uow::Uow;

fn to_dto(row: &LiaisonRow, residence_name: String, comments: Vec<LiaisonComment>) -> Liaison {
    Liaison {
        id: row.id,
        member_id: row.member_id,
        residence_org_id: row.residence_org_id,
        residence_org_name: residence_name,
        mode: row.mode,
        introduced_on: row.introduced_on,
        ended_on: row.ended_on,
        introduction_no: row.introduction_no.clone(),
        comments,
    }
}

/// The comments of `liaisons`, each liaison's newest first.
fn comments_by_liaison(
    conn: &mut DbConn,
    liaisons: &[LiaisonId],
) -> AppResult<HashMap<LiaisonId, Vec<LiaisonComment>>> {
    let mut out: HashMap<LiaisonId, Vec<LiaisonComment>> = HashMap::new();
    for c in CommentRow::of(conn, liaisons)? {
        out.entry(c.liaison_id).or_default().push(comment_dto(&c));
    }
    Ok(out)
}

/// A liaison as the working side reads it (`GET /liaisons/{id}`): found through the member,
/// inside `scope` (the residence side gets 404), with the residence cell's comments.
pub fn working_view(conn: &mut DbConn, scope: &Scope, id: LiaisonId) -> AppResult<Liaison> {
    let (row, _, residence_name) =
        LiaisonRow::find_working(conn, scope, id)?.ok_or_else(msg::not_found)?;
    let comments = comments_by_liaison(conn, &[id])?
        .remove(&id)
        .unwrap_or_default();
    Ok(to_dto(&row, residence_name, comments))
}

/// The liaison and the path of its member's organisation, as the change feed publishes it.
pub fn published(conn: &mut DbConn, id: LiaisonId) -> AppResult<(Liaison, String)> {
    let (row, member_path, residence_name) =
        LiaisonRow::find_working(conn, &Scope::system(), id)?.ok_or_else(msg::not_found)?;
    let comments = comments_by_liaison(conn, &[id])?
        .remove(&id)
        .unwrap_or_default();
    Ok((to_dto(&row, residence_name, comments), member_path))
}

fn comment_dto(c: &CommentRow) -> LiaisonComment {
    LiaisonComment {
        year: c.year,
        text: c.text.clone(),
        written_on: c.written_at.date(),
    }
}

/// The residence organisation: any open cell or grassroots organisation, in any province. It
/// is looked up outside the caller's scope, only to check that: its existence and kind are all
/// the working side learns.
fn residence(conn: &mut DbConn, id: OrgId) -> AppResult<OrganizationRow> {
    let org = OrganizationRow::find(conn, &Scope::system(), id)
        .map_err(|_| msg::residence_not_found())?;
    let kind = KindRow::get(conn, &org.kind)?;
    rule::check_residence(&org.kind, kind.holds_members, org.valid_to.is_some())
        .map_err(msg::refused)?;
    Ok(org)
}

/// Introduces a member inside the caller's scope to the organisation where they live.
pub fn introduce(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    member: MemberId,
    body: &IntroduceLiaison,
    today: NaiveDate,
) -> AppResult<Liaison> {
    let m = MemberRow::find_for_change(uow, &caller.scope, member)?;
    if !m.status.is_active() {
        return Err(crate::messages::members::not_active());
    }
    let org = residence(uow, body.residence_org_id)?;
    let open = LiaisonRow::has_open(uow, m.id)?;
    rule::check_introduce(body.introduced_on, today, open).map_err(msg::refused)?;
    let no = body
        .introduction_no
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let row = LiaisonRow::insert(
        uow,
        m.id,
        org.id,
        (body.mode, body.introduced_on, no),
        caller.id,
    )?;
    audit::record(
        uow,
        &caller.actor(),
        AuditAction::Create,
        Subject {
            entity: AuditEntity::Liaison,
            id: row.id.0,
            scope_path: Some(&m.org_path),
        },
        None::<&LiaisonRow>,
        Some(&row),
    )?;
    Ok(to_dto(&row, org.name, Vec::new()))
}

/// Ends a liaison of a member inside the caller's scope.
pub fn end(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    id: LiaisonId,
    body: &EndLiaison,
    today: NaiveDate,
) -> AppResult<Liaison> {
    let (before, member_path, residence_name) =
        LiaisonRow::find_working(uow, &caller.scope, id)?.ok_or_else(msg::not_found)?;
    rule::check_end(&before.facts(), body.ended_on, today).map_err(msg::refused)?;
    let after = LiaisonRow::end(uow, id, body.ended_on)?;
    audit::record(
        uow,
        &caller.actor(),
        AuditAction::Update,
        Subject {
            entity: AuditEntity::Liaison,
            id: id.0,
            scope_path: Some(&member_path),
        },
        Some(&before),
        Some(&after),
    )?;
    let comments = comments_by_liaison(uow, &[id])?
        .remove(&id)
        .unwrap_or_default();
    Ok(to_dto(&after, residence_name, comments))
}

/// Rule 39: an official transfer issued or an exit on `on` ends the member's running liaisons
/// (the working cell that introduced them is no longer theirs; a new one introduces them
/// again), in the caller's unit of work, each end audited. `member_path` is the member's cell.
pub fn end_open(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    (member, member_path): (MemberId, &str),
    on: NaiveDate,
) -> AppResult<usize> {
    let mut ended = 0;
    for before in LiaisonRow::open_of(uow, member)? {
        let Some(day) = rule::ends_on_leaving(&before.facts(), on) else {
            continue;
        };
        let after = LiaisonRow::end(uow, before.id, day)?;
        audit::record(
            uow,
            &caller.actor(),
            AuditAction::Update,
            Subject {
                entity: AuditEntity::Liaison,
                id: before.id.0,
                scope_path: Some(member_path),
            },
            Some(&before),
            Some(&after),
        )?;
        ended += 1;
    }
    Ok(ended)
}

/// A member's liaisons (the member inside the caller's scope), newest first.
pub fn of_member(conn: &mut DbConn, scope: &Scope, member: MemberId) -> AppResult<Vec<Liaison>> {
    let m = MemberRow::find(conn, scope, member)?;
    let rows = LiaisonRow::of_member(conn, m.id)?;
    let ids: Vec<LiaisonId> = rows.iter().map(|(r, _)| r.id).collect();
    let mut comments = comments_by_liaison(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|(row, name)| {
            let c = comments.remove(&row.id).unwrap_or_default();
            to_dto(&row, name, c)
        })
        .collect())
}

/// The liaison view of the members introduced to `org` (inside the caller's scope) and
/// running today, by name: the view's columns, shown as the privacy table's liaison reader
/// sees them, and the organisation's own comments.
pub fn views(
    conn: &mut DbConn,
    caller: &AuthUser,
    org: OrgId,
    today: NaiveDate,
) -> AppResult<Vec<LiaisonView>> {
    let org = OrganizationRow::find(conn, &caller.scope, org)?;
    let rows = LiaisonRow::views(conn, org.id, today)?;
    let ids: Vec<LiaisonId> = rows.iter().map(|r| r.liaison_id).collect();
    let mut comments = comments_by_liaison(conn, &ids)?;
    let privacy = Privacy::liaison_for(caller.role);
    Ok(rows
        .into_iter()
        .map(|r| LiaisonView {
            liaison_id: r.liaison_id,
            full_name: r.full_name,
            address: privacy.show(Field::Address, r.current_address.or(r.permanent_address)),
            phone: privacy.show(Field::Phone, r.phone),
            mode: r.mode,
            introduced_on: r.introduced_on,
            comments: comments.remove(&r.liaison_id).unwrap_or_default(),
        })
        .collect())
}

/// Writes or replaces the residence organisation's comment of `year` on a liaison: the
/// residence organisation (or a board above it) only, found through its own scope; the working
/// side gets 404.
pub fn write_comment(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    (id, year): (LiaisonId, i32),
    body: &WriteLiaisonComment,
    today: NaiveDate,
) -> AppResult<LiaisonComment> {
    let (liaison, residence_path) =
        LiaisonRow::find_residence(uow, &caller.scope, id)?.ok_or_else(msg::not_found)?;
    rule::check_comment(&liaison.facts(), year, today).map_err(msg::refused)?;
    let text = body.text.trim();
    if text.is_empty() {
        return Err(msg::empty_comment());
    }
    let (before, after) = CommentRow::put(uow, id, year, text, caller.id)?;
    audit::record(
        uow,
        &caller.actor(),
        if before.is_some() {
            AuditAction::Update
        } else {
            AuditAction::Create
        },
        Subject {
            entity: AuditEntity::LiaisonComment,
            id: id.0,
            scope_path: Some(&residence_path),
        },
        before.as_ref(),
        Some(&after),
    )?;
    Ok(comment_dto(&after))
}

fn status(r: WorkingRow, year: i32) -> LiaisonCommentStatus {
    LiaisonCommentStatus {
        liaison_id: r.liaison.id,
        member_id: r.liaison.member_id,
        state: rule::comment_state(&r.liaison.facts(), year, r.comment.is_some()),
        full_name: r.full_name,
        residence_org_name: r.residence_name,
        text: r.comment,
    }
}

/// The working side's list: each liaison of the members of `org`'s subtree (inside the
/// caller's scope) that ran during `year`, with the comment's state and text.
pub fn comment_statuses(
    conn: &mut DbConn,
    scope: &Scope,
    org: OrgId,
    year: i32,
) -> AppResult<Vec<LiaisonCommentStatus>> {
    let org = OrganizationRow::find(conn, scope, org)?;
    Ok(LiaisonRow::of_subtree(conn, &org.path, year)?
        .into_iter()
        .map(|r| status(r, year))
        .collect())
}

/// The residence comment of `year` of each of `members` with a liaison that ran that year (the
/// members were found in the caller's scope): its state and text, for the evaluation list.
pub fn comments_of(
    conn: &mut DbConn,
    members: &[MemberId],
    year: i32,
) -> AppResult<HashMap<MemberId, (LiaisonCommentState, Option<String>)>> {
    Ok(LiaisonRow::of_members(conn, members, year)?
        .into_iter()
        .map(|(m, r)| {
            let s = status(r, year);
            (m, (s.state, s.text))
        })
        .collect())
}

/// Rule 39's alerts for the subtree at `path` on `today`: each regular liaison of its members
/// whose comment of this year is missing once the evaluation round of the member's grassroots
/// organisation has opened (its first rating of the year entered).
pub fn alerts(conn: &mut DbConn, path: &str, today: NaiveDate) -> AppResult<Vec<Alert>> {
    let year = today.year();
    let missing: Vec<WorkingRow> = LiaisonRow::of_subtree(conn, path, year)?
        .into_iter()
        .filter(|r| {
            rule::comment_state(&r.liaison.facts(), year, r.comment.is_some())
                == LiaisonCommentState::Missing
        })
        .collect();
    if missing.is_empty() {
        return Ok(Vec::new());
    }
    let opened = crate::models::evaluation_round::opened(conn, path, year)?;
    let mut out = Vec::new();
    for r in missing {
        // The member's grassroots organisation: the deepest one of the opened rounds above
        // the member's cell.
        let round = opened
            .iter()
            .filter(|(p, _)| crate::domain::tree::is_within(&r.org_path, p))
            .max_by_key(|(p, _)| p.len())
            // A rating that exists was entered by today, whatever the clock of the server
            // that stored it said.
            .map(|(_, on)| (*on).min(today));
        if rule::missing_alert(&r.liaison.facts(), year, false, round, today) {
            let on = round.unwrap_or(today);
            out.push(Alert {
                kind: AlertKind::LiaisonCommentMissing,
                member_id: Some(r.liaison.member_id),
                full_name: r.full_name,
                organization_id: r.organization_id,
                rule: 39,
                date: on,
                message: msg::comment_missing(year, &r.residence_name, on).served(),
            });
        }
    }
    Ok(out)
}
