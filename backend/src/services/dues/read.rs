//! A member's dues of a year (`GET /members/{id}/dues?year=`): the bases in force, the twelve
//! months (settled when written, else as a write would settle them), the payments, the sums.

use chrono::NaiveDate;
use qldv_api_types::dues::{DuesTotals, MemberDues};
use qldv_api_types::MemberId;

use crate::auth::Scope;
use crate::db::DbConn;
use crate::domain::cell_year::ledger::Settled;
use crate::domain::cell_year::member_ledger::MemberFacts;
use crate::domain::cell_year::DuesMonthState;
use crate::domain::cell_year::Month;
use crate::domain::privacy::Privacy;
use crate::error::AppResult;
use crate::models::dues::months::{spans, MonthRow};
use crate::models::dues::{BasisRow, PaymentRow};
use crate::models::member::MemberRow;

/// The year of a member inside `scope`.
pub fn member_year(
    conn: &mut DbConn,
    (scope, privacy): (&Scope, Privacy),
    member: MemberId,
    year: i32,
    today: NaiveDate,
) -> AppResult<MemberDues> {
    let m = MemberRow::find(conn, scope, member)?;
    let months: Vec<Month> = Month::of_year(year).collect();
    let (first, last) = (months[0], months[11]);
    let stored = MonthRow::of_members(conn, &[m.id], (first, last))?;
    let facts = crate::models::dues::facts(conn, &[m.id])?;
    let f = facts
        .get(&m.id)
        .cloned()
        .unwrap_or_else(MemberFacts::default);
    let spans = spans(conn, &[m.id])?.remove(&m.id).unwrap_or_default();
    let mut settings = super::MonthSettings::default();
    settings.load(conn, &months)?;
    let computed = super::settle(&f, &spans, &months, &settings, today);
    let mut out = Vec::with_capacity(12);
    let mut totals = DuesTotals::default();
    let mut unpaid = false;
    for mo in months {
        let (s, doc): (Settled, String) = match stored.iter().find(|r| r.month == mo.to_yyyymm()) {
            Some(r) => (r.settled(today)?, r.regulation.clone()),
            None => match computed.iter().find(|(_, s, _)| s.month == mo) {
                Some((_, s, doc)) => (*s, doc.clone()),
                None => (
                    crate::domain::cell_year::ledger::settle(mo, false, 0, 0, false, today),
                    settings.document(mo),
                ),
            },
        };
        totals.due += s.due;
        totals.paid += s.paid;
        totals.deferred += s.deferred;
        totals.arrears += s.arrears;
        totals.extra += s.extra;
        unpaid |= s.arrears > 0;
        out.push(super::dto(&s, doc));
    }
    totals.members = u32::from(out.iter().any(|x| x.state != DuesMonthState::NotDue));
    totals.unpaid_members = u32::from(unpaid);
    let bases = BasisRow::of_member(conn, m.id)?;
    let in_year: Vec<_> = bases
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            let next = bases.get(i + 1).map(|n| n.from_on);
            b.from_on <= last.last_day() && next.is_none_or(|n| n > first.first_day())
        })
        .map(|(_, b)| super::entries::basis_dto(b, privacy))
        .collect();
    let payments = PaymentRow::of_member_year(conn, m.id, year)?
        .into_iter()
        .map(super::records::payment_dto)
        .collect::<AppResult<Vec<_>>>()?;
    Ok(MemberDues {
        member_id: m.id,
        year,
        bases: in_year,
        months: out,
        payments,
        totals,
    })
}
