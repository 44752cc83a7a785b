//! Party badges (rules 18–20): the eligibility list, awards, proposals and their approval, and
//! the return of badges on an exit.

use chrono::NaiveDate;
use qldv_api_types::badges::{AwardBadge, EligibleMember, ProposeBadges};
use qldv_api_types::ProposalId;

use crate::auth::{Actor, AuthUser, Scope};
use crate::db::DbConn;
use crate::domain::badge::{self as rules, Eligibility, ProposalDecision, Refusal};
use crate::domain::calendar::add_months;
use crate::error::{AppError, AppResult};
use crate::messages::badges as msg;
use crate::models::audit::{self, Subject};
use crate::models::badge::{self, BadgeRow, NewBadge};
use crate::models::badge_proposal::ProposalRow;
use crate::models::change;
use crate::models::member::MemberRow;
use crate::models::organization::OrganizationRow;
use crate::models::setting;
use crate::models::uow::Uow;

/// Candidates examined per query: memory stays bounded whatever the subtree's size.
const CHUNK: usize = 1_000;

/// Everyone eligible inside the scope (and subtree) for an occasion, in Vietnamese name order,
/// each with its name's sort key (what a page's cursor holds). 422 `not_an_occasion` when the
/// day is neither an anniversary nor a special occasion recorded in the subtree; on a special
/// occasion only the members where it applies are listed.
///
/// Set-based: the candidates' ids come from the index of the cached day each member's next
/// milestone is reached (up to the occasion, or its early window for the seriously ill); the
/// engine then judges them a chunk at a time, each chunk's records, disciplines, illnesses and
/// badges loaded in four batched queries.
pub fn eligible(
    conn: &mut DbConn,
    scope: &Scope,
    subtree_path: Option<&str>,
    occasion: NaiveDate,
) -> AppResult<Vec<(String, EligibleMember)>> {
    let root = subtree_path.or(scope.root_path());
    let applies = super::badge_occasions::applies_in(conn, root, occasion)?;
    let settings = setting::at(conn, occasion)?;
    let due_by = add_months(occasion, rules::max_early_months(&settings));
    let candidates = badge::Candidates::find(conn, scope, subtree_path, occasion, due_by)?;
    let mut out = Vec::new();
    for k in 0..candidates.len().div_ceil(CHUNK) {
        let rows = candidates.chunk(conn, k, CHUNK)?;
        let facts = badge::facts_of(conn, &rows)?;
        for m in rows {
            let Some((f, _)) = facts.get(&m.id) else {
                continue;
            };
            if !applies.covers(&m.org_path) {
                continue;
            }
            if let Ok(e) = rules::eligible(f, occasion, &settings) {
                out.push((
                    m.name_sort_key,
                    EligibleMember {
                        member_id: m.id,
                        full_name: m.full_name,
                        organization_id: m.organization_id,
                        milestone: e.milestone,
                        party_age_years: e.party_age_years,
                        early: e.early,
                        posthumous: e.posthumous,
                    },
                ));
            }
        }
    }
    out.sort_unstable_by(|a, b| (&a.0, a.1.member_id.0).cmp(&(&b.0, b.1.member_id.0)));
    Ok(out)
}

/// 403 unless the caller decides at the provincial level (rule: the provincial standing
/// committee awards badges): a writer whose scope is the whole tree, a province or the centre.
/// A scoped administrator is bound by the level of its organisation as an organizer is.
/// The caller's role was checked by the route (a `Writer`).
pub(crate) fn require_provincial(conn: &mut DbConn, caller: &AuthUser) -> AppResult<()> {
    let kind = match caller.scope.root_id() {
        Some(id) => Some(OrganizationRow::find(conn, &caller.scope, id)?.kind),
        None => None,
    };
    if rules::decides_awards(kind.as_deref()) {
        Ok(())
    } else {
        Err(msg::provincial_only())
    }
}

/// Checks one award for a member against the engine.
fn check(
    conn: &mut DbConn,
    m: &MemberRow,
    milestone: u32,
    occasion: NaiveDate,
) -> AppResult<(Eligibility, String)> {
    super::badge_occasions::check_for(conn, &m.org_path, occasion)?;
    let settings = setting::at(conn, occasion)?;
    let facts = badge::facts_of(conn, std::slice::from_ref(m))?;
    let (f, held) = facts
        .get(&m.id)
        .ok_or_else(|| AppError::internal("facts of a loaded member missing"))?;
    rules::check_award(f, held, milestone, occasion, &settings)
        .map(|e| {
            let doc = settings.document(qldv_api_types::regulations::RegulationChain::Badge);
            (e, doc.to_string())
        })
        .map_err(|r| match r {
            Refusal::AlreadyHeld => msg::already_held(milestone),
            Refusal::Rule(v) => v.into(),
        })
}

/// The decision an award is recorded under.
struct Decision<'a> {
    occasion: NaiveDate,
    decision_no: &'a str,
    regulation: &'a str,
    proposal_id: Option<ProposalId>,
}

fn record_award(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    m: &MemberRow,
    e: Eligibility,
    d: &Decision<'_>,
) -> AppResult<BadgeRow> {
    let row = BadgeRow::insert(
        conn,
        &NewBadge {
            member_id: m.id,
            milestone: e.milestone,
            occasion_on: d.occasion,
            decision_no: d.decision_no.trim(),
            early: e.early,
            posthumous: e.posthumous,
            party_age_years: e.party_age_years,
            proposal_id: d.proposal_id,
            regulation: d.regulation,
            by: caller.id,
        },
    )?;
    MemberRow::refresh_badge_due(conn, m.id)?;
    audit::record(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Award,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::Badge,
            id: row.id.into(),
            scope_path: Some(&m.org_path),
        },
        None::<&BadgeRow>,
        Some(&row),
    )?;
    Ok(row)
}

/// Awards a badge by decision: 422 when not eligible, 409 when held.
pub fn award(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    body: &AwardBadge,
) -> AppResult<(BadgeRow, MemberRow)> {
    let m = MemberRow::find(conn, &caller.scope, body.member_id)?;
    require_provincial(conn, caller)?;
    let (e, regulation) = check(conn, &m, body.milestone, body.occasion_on)?;
    let decision = Decision {
        occasion: body.occasion_on,
        decision_no: &body.decision_no,
        regulation: &regulation,
        proposal_id: None,
    };
    let row = record_award(conn, caller, &m, e, &decision)?;
    Ok((row, m))
}

/// The cell or grassroots level proposes members for an occasion, each for the milestone the
/// engine finds (422 naming the member when one is not eligible; nothing is written then).
pub fn propose(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    body: &ProposeBadges,
) -> AppResult<Vec<(ProposalRow, MemberRow)>> {
    let settings = setting::at(conn, body.occasion_on)?;
    let mut out = Vec::new();
    for id in &body.member_ids {
        let m = MemberRow::find(conn, &caller.scope, *id)?;
        super::badge_occasions::check_for(conn, &m.org_path, body.occasion_on)?;
        let facts = badge::facts_of(conn, std::slice::from_ref(&m))?;
        let (f, _) = facts
            .get(&m.id)
            .ok_or_else(|| AppError::internal("facts of a loaded member missing"))?;
        let e = rules::eligible(f, body.occasion_on, &settings).map_err(|v| {
            let name = &m.full_name;
            AppError::Rule(v.code, v.text().map(|_, t| format!("{name}: {t}")))
        })?;
        let note = body
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let p = ProposalRow::insert(conn, m.id, e.milestone, body.occasion_on, note, caller.id)?;
        audit::record(
            conn,
            &caller.actor(),
            qldv_api_types::audit::AuditAction::Propose,
            Subject {
                entity: qldv_api_types::audit::AuditEntity::BadgeProposal,
                id: p.id.into(),
                scope_path: Some(&m.org_path),
            },
            None::<&ProposalRow>,
            Some(&p),
        )?;
        out.push((p, m));
    }
    Ok(out)
}

/// The provincial level approves proposals under one decision: each becomes an award, checked
/// again against the engine (all or nothing).
pub fn approve(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    ids: &[ProposalId],
    decision_no: &str,
) -> AppResult<Vec<(ProposalRow, MemberRow)>> {
    require_provincial(conn, caller)?;
    let mut out = Vec::new();
    for id in ids {
        let (p, m) = ProposalRow::find(conn, &caller.scope, *id)?;
        let status = rules::decide_proposal(p.status, ProposalDecision::Approve)
            .map_err(|_| msg::proposal_decided(p.id))?;
        let milestone = u32::try_from(p.milestone).unwrap_or(0);
        let (e, regulation) = check(conn, &m, milestone, p.occasion_on)?;
        let decision = Decision {
            occasion: p.occasion_on,
            decision_no,
            regulation: &regulation,
            proposal_id: Some(p.id),
        };
        let badge = record_award(conn, caller, &m, e, &decision)?;
        let after = ProposalRow::decide(
            conn,
            p.id,
            status,
            caller.id,
            Some(decision_no.trim()),
            None,
            Some(badge.id),
        )?;
        audit_decision(
            conn,
            &caller.actor(),
            qldv_api_types::audit::AuditAction::Approve,
            &m,
            &p,
            &after,
        )?;
        out.push((after, m));
    }
    Ok(out)
}

/// The provincial level rejects a proposal.
pub fn reject(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: ProposalId,
    reason: &str,
) -> AppResult<(ProposalRow, MemberRow)> {
    require_provincial(conn, caller)?;
    let (p, m) = ProposalRow::find(conn, &caller.scope, id)?;
    let status = rules::decide_proposal(p.status, ProposalDecision::Reject)
        .map_err(|_| msg::proposal_decided(p.id))?;
    let after = ProposalRow::decide(
        conn,
        p.id,
        status,
        caller.id,
        None,
        Some(reason.trim()),
        None,
    )?;
    audit_decision(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Reject,
        &m,
        &p,
        &after,
    )?;
    Ok((after, m))
}

fn audit_decision(
    conn: &mut Uow<'_>,
    actor: &Actor,
    action: qldv_api_types::audit::AuditAction,
    m: &MemberRow,
    before: &ProposalRow,
    after: &ProposalRow,
) -> AppResult<()> {
    audit::record(
        conn,
        actor,
        action,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::BadgeProposal,
            id: after.id.into(),
            scope_path: Some(&m.org_path),
        },
        Some(before),
        Some(after),
    )
}

/// Rule 12: on an exit the member's badges are recorded as returned.
pub fn return_on_exit(
    conn: &mut Uow<'_>,
    actor: &Actor,
    m: &MemberRow,
    on: NaiveDate,
) -> AppResult<()> {
    let before = BadgeRow::of_member(conn, m.id)?;
    if BadgeRow::return_all(conn, m.id, on)? == 0 {
        return Ok(());
    }
    let after = BadgeRow::of_member(conn, m.id)?;
    for b in after.iter().filter(|b| b.returned_on == Some(on)) {
        change::note(
            conn,
            qldv_api_types::changes::ChangeEntity::Badge,
            b.id,
            qldv_api_types::audit::AuditAction::Return,
        )?;
    }
    MemberRow::refresh_badge_due(conn, m.id)?;
    audit::record(
        conn,
        actor,
        qldv_api_types::audit::AuditAction::Return,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::MemberBadges,
            id: m.id.into(),
            scope_path: Some(&m.org_path),
        },
        Some(&before),
        Some(&after),
    )
}
