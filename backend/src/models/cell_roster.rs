//! What the imports of a cell's year (issue 23) read to match a file against the record: the
//! members who belonged to the cell at some time of the year, with the numbers a clerk copies
//! from the paper register, and the payments a month's sheet recorded.

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::{MemberId, OrgId};

use crate::db::schema::{dues_payments, members, memberships};
use crate::db::DbConn;
use crate::domain::cell_year::Month;
use crate::error::AppResult;

/// A member of the cell at some time of the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterMember {
    /// The member.
    pub id: MemberId,
    /// Full name.
    pub full_name: String,
    /// Party card number.
    pub card_number: Option<String>,
    /// Personal-history number.
    pub personal_history_no: Option<String>,
}

/// The members whose membership of `cell` overlaps `from..=to`, each once.
pub fn roster(
    conn: &mut DbConn,
    cell: OrgId,
    (from, to): (NaiveDate, NaiveDate),
) -> AppResult<Vec<RosterMember>> {
    let rows: Vec<(MemberId, String, Option<String>, Option<String>)> = memberships::table
        .inner_join(members::table)
        .filter(memberships::organization_id.eq(cell))
        .filter(memberships::from_on.le(to))
        .filter(memberships::to_on.is_null().or(memberships::to_on.gt(from)))
        .select((
            members::id,
            members::full_name,
            members::card_number,
            members::personal_history_no,
        ))
        .distinct()
        .order(members::id.asc())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, full_name, card_number, personal_history_no)| RosterMember {
                id,
                full_name,
                card_number,
                personal_history_no,
            },
        )
        .collect())
}

/// A payment as a sheet recorded it: member, first month (`yyyymm`), months, amount.
pub type SheetPayment = (MemberId, i32, i32, i64);

/// The payments the sheet of `cell` for `month` recorded, by member.
pub fn sheet_payments(
    conn: &mut DbConn,
    cell: OrgId,
    month: Month,
) -> AppResult<Vec<SheetPayment>> {
    Ok(dues_payments::table
        .filter(dues_payments::organization_id.eq(cell))
        .filter(dues_payments::sheet_month.eq(month.to_yyyymm()))
        .order((dues_payments::member_id.asc(), dues_payments::id.asc()))
        .select((
            dues_payments::member_id,
            dues_payments::first_month,
            dues_payments::months,
            dues_payments::amount,
        ))
        .load(conn)?)
}
