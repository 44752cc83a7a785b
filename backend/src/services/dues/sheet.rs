//! A cell's dues sheet of a month: every member whose month belongs to the cell, with the
//! category, base (as the caller may see it), due, paid, state and arrears to date; and the
//! month's collection recorded in one request and one transaction (rule 33).

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use qldv_api_types::audit::{AuditAction, AuditEntity};
use qldv_api_types::cell_year::DuesMonthState;
use qldv_api_types::dues::{DuesSheet, DuesSheetLine, DuesTotals, RecordDuesSheet};
use qldv_api_types::{MemberId, OrgId};

use crate::auth::{AuthUser, Scope};
use crate::db::DbConn;
use crate::domain::cell_year::dues::basis_for;
use crate::domain::cell_year::ledger::{check_payment, Payment, Settled};
use crate::domain::cell_year::member_ledger::MemberFacts;
use crate::domain::cell_year::Month;
use crate::domain::privacy::{Field, Privacy};
use crate::error::AppResult;
use crate::models::audit::{self, Subject};
use crate::models::dues::months::{cell_members, spans, MonthRow, Spans};
use crate::models::dues::{NewPayment, PaymentRow};
use crate::models::organization::OrganizationRow;
use crate::models::uow::Uow;

/// The sheet of `cell` for `month` (inside `scope`), on `today`.
pub fn view(
    conn: &mut DbConn,
    (scope, privacy): (&Scope, Privacy),
    cell: OrgId,
    month: Month,
    today: NaiveDate,
) -> AppResult<DuesSheet> {
    let org = OrganizationRow::find(conn, scope, cell)?;
    let people = cell_members(conn, org.id, month)?;
    let ids: Vec<MemberId> = people.iter().map(|(id, _, _)| *id).collect();
    let facts = crate::models::dues::facts(conn, &ids)?;
    let first = Month {
        year: month.year.saturating_sub(1),
        month: month.month,
    };
    let rows = MonthRow::of_members(conn, &ids, (first, month))?;
    let mut recorded: HashMap<MemberId, PaymentRow> = PaymentRow::of_sheet(conn, org.id, month)?
        .into_iter()
        .map(|p| (p.member_id, p))
        .collect();
    let mut stored: HashMap<(MemberId, Month), &MonthRow> = HashMap::new();
    let mut arrears: HashMap<MemberId, i64> = HashMap::new();
    for r in &rows {
        let m = crate::models::dues::month(r.month)?;
        stored.insert((r.member_id, m), r);
        if m.ended(today) {
            *arrears.entry(r.member_id).or_insert(0) += r.arrears;
        }
    }
    // Months nobody wrote yet are settled here, as a write would settle them.
    let missing: Vec<MemberId> = ids
        .iter()
        .filter(|id| !stored.contains_key(&(**id, month)))
        .copied()
        .collect();
    let spans = spans(conn, &missing)?;
    let mut settings = super::MonthSettings::default();
    settings.load(conn, &[month])?;
    let empty = MemberFacts::default();
    let mut lines = Vec::with_capacity(people.len());
    let mut totals = DuesTotals::default();
    for (id, name, _) in people {
        let f = facts.get(&id).unwrap_or(&empty);
        let (settled, regulation): (Settled, String) = match stored.get(&(id, month)) {
            Some(r) => (r.settled(today)?, r.regulation.clone()),
            None => {
                let s = spans.get(&id).cloned().unwrap_or_else(Spans::new);
                match super::settle(f, &s, &[month], &settings, today).pop() {
                    Some((_, s, doc)) => (s, doc),
                    None => continue,
                }
            }
        };
        let basis = basis_for(&f.bases, month);
        add(&mut totals, &settled);
        lines.push(DuesSheetLine {
            member_id: id,
            full_name: name,
            category: basis.map(|b| b.category),
            base: privacy.show_amount(Field::DuesBase, basis.map(|b| b.base)),
            month: super::dto(&settled, regulation),
            arrears_to_date: arrears.get(&id).copied().unwrap_or(0),
            arrangement: f
                .arrangements
                .iter()
                .find(|a| a.covers(month))
                .map(|a| a.kind),
            payment: recorded.remove(&id).map(|p| p.line()).transpose()?,
        });
    }
    Ok(DuesSheet {
        organization_id: org.id,
        month,
        lines,
        totals,
    })
}

fn add(t: &mut DuesTotals, s: &Settled) {
    if s.state != DuesMonthState::NotDue {
        t.members += 1;
    }
    t.due += s.due;
    t.paid += s.paid;
    t.deferred += s.deferred;
    t.arrears += s.arrears;
    t.extra += s.extra;
    if s.arrears > 0 {
        t.unpaid_members += 1;
    }
}

/// Records the month's sheet of `cell`: checks every line (the member belongs to the cell
/// that month; months ahead need a prepayment arrangement) and refuses them all together;
/// replaces the payments the same sheet recorded before (so a repeated `PUT` changes nothing);
/// settles the members' months and rewrites the cell-months, audited per payment.
pub fn record(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    (cell, month): (OrgId, Month),
    body: &RecordDuesSheet,
    today: NaiveDate,
) -> AppResult<DuesSheet> {
    let org = OrganizationRow::find(uow, &caller.scope, cell)?;
    let people = cell_members(uow, org.id, month)?;
    let ids: Vec<MemberId> = people.iter().map(|(id, _, _)| *id).collect();
    let on_sheet: BTreeSet<MemberId> = ids.iter().copied().collect();
    let listed: Vec<MemberId> = body.payments.iter().map(|l| l.member_id).collect();
    let facts = crate::models::dues::facts(uow, &listed)?;
    let mut issues = Vec::new();
    let mut seen = BTreeSet::new();
    let mut new = Vec::with_capacity(body.payments.len());
    for (i, l) in body.payments.iter().enumerate() {
        if !on_sheet.contains(&l.member_id) {
            issues.push(crate::messages::dues::not_in_cell(i, month));
            continue;
        }
        if !seen.insert(l.member_id) {
            issues.push(crate::messages::dues::repeated(i));
            continue;
        }
        let p = Payment {
            on: body.paid_on,
            first: l.first_month.unwrap_or(month),
            months: l.months,
            amount: l.amount,
        };
        let arrangements = facts
            .get(&l.member_id)
            .map(|f| f.arrangements.as_slice())
            .unwrap_or_default();
        // The sheet's own month is never "ahead" of its collection once it has begun; a sheet
        // of a month still to come collects ahead, which needs a prepayment arrangement.
        let judged = Payment {
            on: if month.first_day() <= today {
                body.paid_on.max(month.first_day())
            } else {
                body.paid_on
            },
            ..p
        };
        if let Err(r) = check_payment(&judged, arrangements) {
            issues.push(crate::messages::dues::payment_line(i, r));
            continue;
        }
        new.push(NewPayment {
            member_id: l.member_id,
            payment: p,
            channel: l.channel,
            receipt_no: l.receipt_no.as_deref().map(str::trim),
        });
    }
    if !issues.is_empty() {
        return Err(crate::messages::dues::sheet_refused(issues));
    }
    let old = PaymentRow::take_sheet(uow, org.id, month)?;
    let stored = PaymentRow::insert_sheet(uow, (org.id, month), &new, caller.id)?;
    // Every member of the sheet from its month on, and whoever a payment (old or new) reaches
    // from its first month on.
    let mut from: HashMap<MemberId, Month> = ids.iter().map(|id| (*id, month)).collect();
    for r in old.iter().chain(stored.iter()) {
        let first = crate::models::dues::month(r.first_month)?;
        from.entry(r.member_id)
            .and_modify(|m| *m = (*m).min(first))
            .or_insert(first);
    }
    let from: Vec<(MemberId, Month)> = from.into_iter().collect();
    super::recompute(uow, &from, today)?;
    let subject = |id: i64| Subject {
        entity: AuditEntity::DuesPayment,
        id,
        scope_path: Some(&org.path),
    };
    let removed: Vec<(Subject<'_>, Option<&PaymentRow>, Option<&PaymentRow>)> = old
        .iter()
        .map(|r| (subject(r.id.0), Some(r), None))
        .collect();
    if !removed.is_empty() {
        audit::record_all(uow, &caller.actor(), AuditAction::Void, &removed)?;
    }
    let added: Vec<(Subject<'_>, Option<&PaymentRow>, Option<&PaymentRow>)> = stored
        .iter()
        .map(|r| (subject(r.id.0), None, Some(r)))
        .collect();
    if !added.is_empty() {
        audit::record_all(uow, &caller.actor(), AuditAction::Create, &added)?;
    }
    view(uow, (&caller.scope, caller.privacy()), org.id, month, today)
}
