//! The derived rows: each member's settled month (`dues_months`) and each cell-month's sums
//! (`dues_cell_months`), rewritten by the transaction that changes what they derive from.

use std::collections::{BTreeSet, HashMap};

use diesel::prelude::*;
use qldv_api_types::cell_year::DuesMonthState;
use qldv_api_types::{MemberId, OrgId};

use super::month;
use crate::db::schema::{dues_cell_months, dues_months, members, memberships, organizations};
use crate::db::DbConn;
use crate::domain::cell_year::ledger::{Settled, Totals};
use crate::domain::cell_year::subtree::{deltas, Change, Sums};
use crate::domain::cell_year::Month;
use crate::error::AppResult;

/// A stored member-month.
#[derive(Debug, Clone, Queryable, Selectable, PartialEq, Eq)]
#[diesel(table_name = dues_months)]
pub struct MonthRow {
    /// The member.
    pub member_id: MemberId,
    /// The month (`yyyymm`).
    pub month: i32,
    /// The cell the member belonged to that month.
    pub organization_id: OrgId,
    /// Due.
    pub due: i64,
    /// Paid towards the due.
    pub paid: i64,
    /// Deferred.
    pub deferred: i64,
    /// In arrears.
    pub arrears: i64,
    /// Paid beyond the due.
    pub extra: i64,
    /// The state when it was written.
    pub state: DuesMonthState,
    /// The dues document of that month.
    pub regulation: String,
}

impl MonthRow {
    /// The row as the rules read it, its state judged again on `today` (an open month becomes
    /// unpaid when it ends without anything written).
    pub fn settled(&self, today: chrono::NaiveDate) -> AppResult<Settled> {
        let m = month(self.month)?;
        let member = self.state != DuesMonthState::NotDue;
        Ok(crate::domain::cell_year::ledger::settle(
            m,
            member,
            self.due,
            self.paid + self.extra,
            self.deferred > 0 || self.state == DuesMonthState::Deferred,
            today,
        ))
    }

    /// The rows of `members` for the months in `[from, to]`.
    pub fn of_members(
        conn: &mut DbConn,
        ids: &[MemberId],
        (from, to): (Month, Month),
    ) -> AppResult<Vec<Self>> {
        let mut out = Vec::new();
        for chunk in ids.chunks(1000) {
            out.extend(
                dues_months::table
                    .filter(dues_months::member_id.eq_any(chunk))
                    .filter(dues_months::month.ge(from.to_yyyymm()))
                    .filter(dues_months::month.le(to.to_yyyymm()))
                    .order((dues_months::member_id.asc(), dues_months::month.asc()))
                    .select(Self::as_select())
                    .load::<Self>(conn)?,
            );
        }
        Ok(out)
    }

    /// Replaces a member's rows from `from` on by `rows` (cell, settled month, document);
    /// returns every cell-month the old and new rows touch.
    pub fn replace_from(
        conn: &mut DbConn,
        member: MemberId,
        from: Month,
        rows: &[(OrgId, Settled, String)],
    ) -> AppResult<BTreeSet<(OrgId, i32)>> {
        let old: Vec<(OrgId, i32)> = dues_months::table
            .filter(dues_months::member_id.eq(member))
            .filter(dues_months::month.ge(from.to_yyyymm()))
            .select((dues_months::organization_id, dues_months::month))
            .load(conn)?;
        if !old.is_empty() {
            diesel::delete(
                dues_months::table
                    .filter(dues_months::member_id.eq(member))
                    .filter(dues_months::month.ge(from.to_yyyymm())),
            )
            .execute(conn)?;
        }
        let mut touched: BTreeSet<(OrgId, i32)> = old.into_iter().collect();
        insert(conn, member, rows)?;
        touched.extend(rows.iter().map(|(o, s, _)| (*o, s.month.to_yyyymm())));
        Ok(touched)
    }
}

fn insert(conn: &mut DbConn, member: MemberId, rows: &[(OrgId, Settled, String)]) -> AppResult<()> {
    use crate::db::bulk::{Batch, Lit};
    use qldv_api_types::Term;
    let columns = [
        "member_id",
        "month",
        "organization_id",
        "due",
        "paid",
        "deferred",
        "arrears",
        "extra",
        "state",
        "regulation",
    ];
    let mut batch = Batch::new(conn, "dues_months", &columns).for_rows(rows.len());
    for (org, s, regulation) in rows {
        let full = batch.push(&[
            member.into(),
            Lit::Int(i64::from(s.month.to_yyyymm())),
            (*org).into(),
            Lit::Int(s.due),
            Lit::Int(s.paid),
            Lit::Int(s.deferred),
            Lit::Int(s.arrears),
            Lit::Int(s.extra),
            Lit::Text(s.state.code().to_string()),
            regulation.as_str().into(),
        ]);
        if full {
            batch.flush(conn)?;
        }
    }
    batch.flush(conn)
}

/// A stored cell-month.
#[derive(Debug, Clone, Queryable, Selectable, PartialEq, Eq)]
#[diesel(table_name = dues_cell_months)]
pub struct CellMonthRow {
    /// The cell.
    pub organization_id: OrgId,
    /// The month (`yyyymm`).
    pub month: i32,
    /// The cell's path that month.
    pub org_path: String,
    /// Members with dues in force.
    pub members: i32,
    /// Due.
    pub due: i64,
    /// Paid.
    pub paid: i64,
    /// Deferred.
    pub deferred: i64,
    /// In arrears.
    pub arrears: i64,
    /// Extra.
    pub extra: i64,
    /// Members with arrears.
    pub unpaid_members: i32,
}

impl CellMonthRow {
    /// The sums, as the rules read them.
    pub fn totals(&self) -> Totals {
        Totals {
            due: self.due,
            paid: self.paid,
            deferred: self.deferred,
            arrears: self.arrears,
            extra: self.extra,
        }
    }

    /// The row as one cell-month of the kept subtree sums.
    pub fn sums(&self) -> Sums {
        Sums {
            cell_months: 1,
            members: i64::from(self.members),
            totals: self.totals(),
            unpaid_members: i64::from(self.unpaid_members),
        }
    }

    /// Rewrites each of these cell-months from its `dues_months` rows (deleted when none is
    /// left), and the subtree sums above them by the differences (`dues_subtree_months`).
    pub fn rewrite(conn: &mut DbConn, cell_months: &BTreeSet<(OrgId, i32)>) -> AppResult<()> {
        let orgs: BTreeSet<OrgId> = cell_months.iter().map(|(o, _)| *o).collect();
        let paths: HashMap<OrgId, String> = organizations::table
            .filter(organizations::id.eq_any(orgs.iter().map(|o| o.0)))
            .select((organizations::id, organizations::path))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .map(|(id, p)| (OrgId(id), p))
            .collect();
        let mut changes = Vec::new();
        for (org, m) in cell_months {
            let rows: Vec<(i64, i64, i64, i64, i64, DuesMonthState)> = dues_months::table
                .filter(dues_months::organization_id.eq(*org))
                .filter(dues_months::month.eq(*m))
                .select((
                    dues_months::due,
                    dues_months::paid,
                    dues_months::deferred,
                    dues_months::arrears,
                    dues_months::extra,
                    dues_months::state,
                ))
                .load(conn)?;
            let old: Option<CellMonthRow> = dues_cell_months::table
                .filter(dues_cell_months::organization_id.eq(*org))
                .filter(dues_cell_months::month.eq(*m))
                .select(CellMonthRow::as_select())
                .first(conn)
                .optional()?;
            if old.is_some() {
                diesel::delete(
                    dues_cell_months::table
                        .filter(dues_cell_months::organization_id.eq(*org))
                        .filter(dues_cell_months::month.eq(*m)),
                )
                .execute(conn)?;
            }
            let old = old.map(|r| (r.org_path.clone(), r.sums()));
            if rows.is_empty() {
                changes.push(Change {
                    month: *m,
                    old,
                    new: None,
                });
                continue;
            }
            let mut t = Totals::default();
            let (mut members, mut unpaid) = (0_i32, 0_i32);
            for (due, paid, deferred, arrears, extra, state) in rows {
                t.merge(&Totals {
                    due,
                    paid,
                    deferred,
                    arrears,
                    extra,
                });
                members += i32::from(state != DuesMonthState::NotDue);
                unpaid += i32::from(arrears > 0);
            }
            let path = paths.get(org).cloned().unwrap_or_default();
            diesel::insert_into(dues_cell_months::table)
                .values((
                    dues_cell_months::organization_id.eq(*org),
                    dues_cell_months::month.eq(*m),
                    dues_cell_months::org_path.eq(&path),
                    dues_cell_months::members.eq(members),
                    dues_cell_months::due.eq(t.due),
                    dues_cell_months::paid.eq(t.paid),
                    dues_cell_months::deferred.eq(t.deferred),
                    dues_cell_months::arrears.eq(t.arrears),
                    dues_cell_months::extra.eq(t.extra),
                    dues_cell_months::unpaid_members.eq(unpaid),
                ))
                .execute(conn)?;
            let new = Sums {
                cell_months: 1,
                members: i64::from(members),
                totals: t,
                unpaid_members: i64::from(unpaid),
            };
            changes.push(Change {
                month: *m,
                old,
                new: Some((path, new)),
            });
        }
        super::subtree::apply(conn, &deltas(&changes))?;
        Ok(())
    }
}

/// A member's memberships: (cell, from, to).
pub type Spans = Vec<(OrgId, chrono::NaiveDate, Option<chrono::NaiveDate>)>;

/// The memberships of each of `ids`.
pub fn spans(conn: &mut DbConn, ids: &[MemberId]) -> AppResult<HashMap<MemberId, Spans>> {
    let mut out: HashMap<MemberId, Spans> = HashMap::new();
    for chunk in ids.chunks(1000) {
        let rows: Vec<(i64, i64, chrono::NaiveDate, Option<chrono::NaiveDate>)> =
            memberships::table
                .filter(memberships::member_id.eq_any(chunk.iter().map(|m| m.0)))
                .select((
                    memberships::member_id,
                    memberships::organization_id,
                    memberships::from_on,
                    memberships::to_on,
                ))
                .load(conn)?;
        for (m, o, from, to) in rows {
            out.entry(MemberId(m))
                .or_default()
                .push((OrgId(o), from, to));
        }
    }
    Ok(out)
}

/// The cell a member's month belongs to: of the memberships overlapping it, the one begun
/// last (a member who arrives on the 15th pays that month to the receiving cell).
pub fn cell_of(spans: &Spans, m: Month) -> Option<OrgId> {
    spans
        .iter()
        .filter(|(_, from, to)| *from <= m.last_day() && to.is_none_or(|t| t >= m.first_day()))
        .max_by_key(|(_, from, _)| *from)
        .map(|(o, _, _)| *o)
}

/// The members whose month `m` belongs to `cell`, with their names and sort keys.
pub fn cell_members(
    conn: &mut DbConn,
    cell: OrgId,
    m: Month,
) -> AppResult<Vec<(MemberId, String, String)>> {
    let candidates: Vec<i64> = memberships::table
        .filter(memberships::organization_id.eq(cell.0))
        .filter(memberships::from_on.le(m.last_day()))
        .filter(
            memberships::to_on
                .is_null()
                .or(memberships::to_on.ge(m.first_day())),
        )
        .select(memberships::member_id)
        .distinct()
        .load(conn)?;
    let ids: Vec<MemberId> = candidates.iter().map(|i| MemberId(*i)).collect();
    let spans = spans(conn, &ids)?;
    let keep: Vec<i64> = ids
        .iter()
        .filter(|id| spans.get(id).and_then(|s| cell_of(s, m)) == Some(cell))
        .map(|id| id.0)
        .collect();
    let mut rows: Vec<(MemberId, String, String)> = Vec::new();
    for chunk in keep.chunks(1000) {
        rows.extend(
            members::table
                .filter(members::id.eq_any(chunk))
                .select((members::id, members::full_name, members::name_sort_key))
                .load::<(i64, String, String)>(conn)?
                .into_iter()
                .map(|(i, n, k)| (MemberId(i), n, k)),
        );
    }
    rows.sort_by(|a, b| (&a.2, a.0).cmp(&(&b.2, b.0)));
    Ok(rows)
}
