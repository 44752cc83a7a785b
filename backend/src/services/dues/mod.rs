//! Party dues (issue 23, `docs/cell-year.md`; rules 32 and 33): a member's dated basis,
//! reliefs and arrangements, a cell's monthly sheet, a member's year. Every write settles the
//! member-months it changes (`dues_months`) and rewrites the cell-months they belong to
//! (`dues_cell_months`) in its own transaction, so reports only add rows up.

pub mod alerts;
pub mod entries;
pub mod read;
pub mod records;
pub mod sheet;

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use qldv_api_types::dues::DuesMonth;
use qldv_api_types::{MemberId, OrgId};

use crate::db::DbConn;
use crate::domain::cell_year::ledger::Settled;
use crate::domain::cell_year::member_ledger::{settle_months, MemberFacts};
use crate::domain::cell_year::{CellYearSettings, Month};
use crate::domain::chains::RegulationChain;
use crate::error::AppResult;
use crate::models::dues::months::{cell_of, spans, CellMonthRow, MonthRow, Spans};

/// The dues settings and document of each month asked, read once per month.
#[derive(Default)]
pub struct MonthSettings {
    by_month: HashMap<Month, (CellYearSettings, String)>,
}

impl MonthSettings {
    /// Reads the settings of the months not read yet.
    pub fn load(&mut self, conn: &mut DbConn, months: &[Month]) -> AppResult<()> {
        for m in months {
            if !self.by_month.contains_key(m) {
                let s = crate::models::setting::at(conn, m.first_day())?;
                let doc = s.document(RegulationChain::Dues).to_string();
                self.by_month.insert(*m, (s.cell_year, doc));
            }
        }
        Ok(())
    }

    /// The settings of a month read before (the defaults otherwise).
    pub fn of(&self, m: Month) -> &CellYearSettings {
        static DEFAULT: std::sync::OnceLock<CellYearSettings> = std::sync::OnceLock::new();
        self.by_month
            .get(&m)
            .map(|(s, _)| s)
            .unwrap_or_else(|| DEFAULT.get_or_init(CellYearSettings::default))
    }

    /// The dues document of a month read before.
    pub fn document(&self, m: Month) -> String {
        self.by_month
            .get(&m)
            .map(|(_, d)| d.clone())
            .unwrap_or_default()
    }
}

/// Settles `months` of one member from their facts and memberships: each month with the cell
/// it belongs to (months outside any cell are left out).
pub fn settle(
    f: &MemberFacts,
    spans: &Spans,
    months: &[Month],
    settings: &MonthSettings,
    today: NaiveDate,
) -> Vec<(OrgId, Settled, String)> {
    let settled = settle_months(
        f,
        months,
        |m| settings.of(m),
        |m| cell_of(spans, m).is_some(),
        today,
    );
    settled
        .into_iter()
        .filter_map(|s| cell_of(spans, s.month).map(|o| (o, s, settings.document(s.month))))
        .collect()
}

/// The months to settle again from `first`: none before the member's first membership, and
/// none after this month unless a payment already reaches them (a prepayment).
fn window(first: Month, f: &MemberFacts, spans: &Spans, today: NaiveDate) -> Vec<Month> {
    let Some(joined) = spans.iter().map(|(_, from, _)| Month::of(*from)).min() else {
        return Vec::new();
    };
    let now = Month::of(today);
    let last = f.last_paid_month().map_or(now, |l| l.max(now));
    first.max(joined).through(last).collect()
}

/// Settles again each member's months from the month given on (to this month, or the last
/// month a payment reaches), and rewrites the cell-months touched.
pub fn recompute(conn: &mut DbConn, from: &[(MemberId, Month)], today: NaiveDate) -> AppResult<()> {
    crate::models::setting::with_cache(|| {
        let ids: Vec<MemberId> = from.iter().map(|(m, _)| *m).collect();
        let facts = crate::models::dues::facts(conn, &ids)?;
        let spans = spans(conn, &ids)?;
        let mut settings = MonthSettings::default();
        let mut touched: BTreeSet<(OrgId, i32)> = BTreeSet::new();
        let empty_facts = MemberFacts::default();
        let empty_spans = Spans::new();
        for (member, first) in from {
            let f = facts.get(member).unwrap_or(&empty_facts);
            let member_spans = spans.get(member).unwrap_or(&empty_spans);
            let months = window(*first, f, member_spans, today);
            settings.load(conn, &months)?;
            let rows = settle(f, member_spans, &months, &settings, today);
            touched.extend(MonthRow::replace_from(conn, *member, *first, &rows)?);
        }
        CellMonthRow::rewrite(conn, &touched)
    })
}

/// A settled month on the wire.
pub fn dto(s: &Settled, regulation: String) -> DuesMonth {
    DuesMonth {
        month: s.month,
        due: s.due,
        paid: s.paid,
        deferred: s.deferred,
        arrears: s.arrears,
        extra: s.extra,
        state: s.state,
        regulation,
    }
}
