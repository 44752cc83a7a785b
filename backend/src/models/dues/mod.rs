//! Party dues storage (issue 23, `docs/cell-year.md`): dated bases, reliefs, arrangements and
//! payments as entered, and the derived `dues_months` and `dues_cell_months`. A month is the
//! integer `yyyymm` here and a [`Month`] everywhere else.

pub mod find;
pub mod months;
pub mod report;
pub mod subtree;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::cell_year::{DuesArrangementKind, DuesCategory, DuesRelief, PaymentChannel};
use qldv_api_types::dues::DuesPaymentLine;
use qldv_api_types::{
    DuesArrangementId, DuesBasisId, DuesPaymentId, DuesReliefId, MemberId, OrgId, UserId,
};

use crate::db::schema::{dues_arrangements, dues_bases, dues_payments, dues_reliefs};
use crate::db::DbConn;
use crate::domain::cell_year::dues::{Basis, Relief};
use crate::domain::cell_year::ledger::{Arrangement, Payment};
use crate::domain::cell_year::member_ledger::MemberFacts;
use crate::domain::cell_year::Month;
use crate::error::{AppError, AppResult};

/// A stored month (`yyyymm`) as a [`Month`]; a bad value is a bug (500).
pub fn month(v: i32) -> AppResult<Month> {
    Month::from_yyyymm(v).ok_or_else(|| AppError::internal(format!("stored month {v}")))
}

/// A stored basis.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = dues_bases)]
pub struct BasisRow {
    /// Id.
    pub id: DuesBasisId,
    /// The member.
    pub member_id: MemberId,
    /// In force from.
    pub from_on: NaiveDate,
    /// The category.
    pub category: DuesCategory,
    /// The base in đồng.
    pub base: i64,
    /// Who entered it.
    pub entered_by: Option<UserId>,
    /// When.
    pub entered_at: NaiveDateTime,
}

/// A stored relief.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = dues_reliefs)]
pub struct ReliefRow {
    /// Id.
    pub id: DuesReliefId,
    /// The member.
    pub member_id: MemberId,
    /// The ground.
    pub kind: DuesRelief,
    /// First month (`yyyymm`).
    pub from_month: i32,
    /// Last month (`yyyymm`), open-ended when absent.
    pub to_month: Option<i32>,
    /// Percent relieved.
    pub percent: i32,
    /// The application's number.
    pub application_no: Option<String>,
    /// Decided on.
    pub decided_on: NaiveDate,
    /// Who entered it.
    pub entered_by: Option<UserId>,
    /// When.
    pub entered_at: NaiveDateTime,
}

/// A stored arrangement.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = dues_arrangements)]
pub struct ArrangementRow {
    /// Id.
    pub id: DuesArrangementId,
    /// The member.
    pub member_id: MemberId,
    /// Deferral or prepayment.
    pub kind: DuesArrangementKind,
    /// First month (`yyyymm`).
    pub from_month: i32,
    /// Last month (`yyyymm`).
    pub to_month: i32,
    /// The decision's number.
    pub decision_no: String,
    /// Decided on.
    pub decided_on: NaiveDate,
    /// Who entered it.
    pub entered_by: Option<UserId>,
    /// When.
    pub entered_at: NaiveDateTime,
}

/// A stored payment.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = dues_payments)]
pub struct PaymentRow {
    /// Id.
    pub id: DuesPaymentId,
    /// The member.
    pub member_id: MemberId,
    /// The collecting cell.
    pub organization_id: OrgId,
    /// The sheet's month (`yyyymm`) that recorded it.
    pub sheet_month: i32,
    /// Paid on.
    pub paid_on: NaiveDate,
    /// First month covered (`yyyymm`).
    pub first_month: i32,
    /// Months covered.
    pub months: i32,
    /// Amount in đồng.
    pub amount: i64,
    /// How.
    pub channel: PaymentChannel,
    /// Receipt number.
    pub receipt_no: Option<String>,
    /// Who entered it.
    pub entered_by: Option<UserId>,
    /// When.
    pub entered_at: NaiveDateTime,
}

impl BasisRow {
    /// The basis as the rules read it.
    pub fn rule(&self) -> Basis {
        Basis {
            from: self.from_on,
            category: self.category,
            base: self.base,
        }
    }

    /// Records a basis, replacing the one of the same member and day (its row before, if any).
    pub fn put(
        conn: &mut DbConn,
        member: MemberId,
        b: &Basis,
        by: UserId,
    ) -> AppResult<(Option<Self>, Self)> {
        let before: Option<Self> = dues_bases::table
            .filter(dues_bases::member_id.eq(member))
            .filter(dues_bases::from_on.eq(b.from))
            .select(Self::as_select())
            .first(conn)
            .optional()?;
        if let Some(old) = &before {
            diesel::delete(dues_bases::table.filter(dues_bases::id.eq(old.id))).execute(conn)?;
        }
        let after = diesel::insert_into(dues_bases::table)
            .values((
                dues_bases::member_id.eq(member),
                dues_bases::from_on.eq(b.from),
                dues_bases::category.eq(b.category),
                dues_bases::base.eq(b.base),
                dues_bases::entered_by.eq(Some(by)),
                dues_bases::entered_at.eq(super::now()),
            ))
            .returning(dues_bases::all_columns)
            .get_result::<Self>(conn)?;
        Ok((before, after))
    }

    /// A member's bases, oldest first.
    pub fn of_member(conn: &mut DbConn, member: MemberId) -> AppResult<Vec<Self>> {
        Ok(dues_bases::table
            .filter(dues_bases::member_id.eq(member))
            .order(dues_bases::from_on.asc())
            .select(Self::as_select())
            .load(conn)?)
    }
}

impl ReliefRow {
    /// The relief as the rules read it.
    pub fn rule(&self) -> AppResult<Relief> {
        Ok(Relief {
            kind: self.kind,
            from: month(self.from_month)?,
            to: self.to_month.map(month).transpose()?,
            percent: u32::try_from(self.percent).unwrap_or(0),
        })
    }

    /// Records a relief.
    pub fn insert(
        conn: &mut DbConn,
        member: MemberId,
        r: &Relief,
        (application_no, decided_on): (Option<&str>, NaiveDate),
        by: UserId,
    ) -> AppResult<Self> {
        Ok(diesel::insert_into(dues_reliefs::table)
            .values((
                dues_reliefs::member_id.eq(member),
                dues_reliefs::kind.eq(r.kind),
                dues_reliefs::from_month.eq(r.from.to_yyyymm()),
                dues_reliefs::to_month.eq(r.to.map(Month::to_yyyymm)),
                dues_reliefs::percent.eq(i32::try_from(r.percent).unwrap_or(0)),
                dues_reliefs::application_no.eq(application_no),
                dues_reliefs::decided_on.eq(decided_on),
                dues_reliefs::entered_by.eq(Some(by)),
                dues_reliefs::entered_at.eq(super::now()),
            ))
            .returning(dues_reliefs::all_columns)
            .get_result(conn)?)
    }
}

impl ArrangementRow {
    /// The arrangement as the rules read it.
    pub fn rule(&self) -> AppResult<Arrangement> {
        Ok(Arrangement {
            kind: self.kind,
            from: month(self.from_month)?,
            to: month(self.to_month)?,
        })
    }

    /// Records an arrangement.
    pub fn insert(
        conn: &mut DbConn,
        member: MemberId,
        a: &Arrangement,
        (decision_no, decided_on): (&str, NaiveDate),
        by: UserId,
    ) -> AppResult<Self> {
        Ok(diesel::insert_into(dues_arrangements::table)
            .values((
                dues_arrangements::member_id.eq(member),
                dues_arrangements::kind.eq(a.kind),
                dues_arrangements::from_month.eq(a.from.to_yyyymm()),
                dues_arrangements::to_month.eq(a.to.to_yyyymm()),
                dues_arrangements::decision_no.eq(decision_no),
                dues_arrangements::decided_on.eq(decided_on),
                dues_arrangements::entered_by.eq(Some(by)),
                dues_arrangements::entered_at.eq(super::now()),
            ))
            .returning(dues_arrangements::all_columns)
            .get_result(conn)?)
    }
}

/// A payment to record from a sheet.
#[derive(Debug, Clone)]
pub struct NewPayment<'a> {
    /// The member.
    pub member_id: MemberId,
    /// The payment as the rules read it.
    pub payment: Payment,
    /// How.
    pub channel: PaymentChannel,
    /// Receipt number.
    pub receipt_no: Option<&'a str>,
}

impl PaymentRow {
    /// The payment as the rules read it.
    pub fn rule(&self) -> AppResult<Payment> {
        Ok(Payment {
            on: self.paid_on,
            first: month(self.first_month)?,
            months: u32::try_from(self.months).unwrap_or(0),
            amount: self.amount,
        })
    }

    /// The payments that `cell`'s sheet of `sheet` recorded (a cell found in the caller's
    /// scope), in the order entered.
    pub fn of_sheet(conn: &mut DbConn, cell: OrgId, sheet: Month) -> AppResult<Vec<Self>> {
        Ok(dues_payments::table
            .filter(dues_payments::organization_id.eq(cell))
            .filter(dues_payments::sheet_month.eq(sheet.to_yyyymm()))
            .order(dues_payments::id.asc())
            .select(Self::as_select())
            .load(conn)?)
    }

    /// The payment as a sheet's line sends it.
    pub fn line(&self) -> AppResult<DuesPaymentLine> {
        Ok(DuesPaymentLine {
            member_id: self.member_id,
            amount: self.amount,
            months: u32::try_from(self.months).unwrap_or(1),
            first_month: Some(month(self.first_month)?),
            channel: self.channel,
            receipt_no: self.receipt_no.clone(),
        })
    }

    /// Removes the payments that `cell`'s sheet of `sheet` recorded; returns them.
    pub fn take_sheet(conn: &mut DbConn, cell: OrgId, sheet: Month) -> AppResult<Vec<Self>> {
        let rows = Self::of_sheet(conn, cell, sheet)?;
        if !rows.is_empty() {
            diesel::delete(
                dues_payments::table
                    .filter(dues_payments::organization_id.eq(cell))
                    .filter(dues_payments::sheet_month.eq(sheet.to_yyyymm())),
            )
            .execute(conn)?;
        }
        Ok(rows)
    }

    /// Records a sheet's payments in one statement; returns them as stored.
    pub fn insert_sheet(
        conn: &mut DbConn,
        (cell, sheet): (OrgId, Month),
        lines: &[NewPayment<'_>],
        by: UserId,
    ) -> AppResult<Vec<Self>> {
        use crate::db::bulk::{reserve_ids, Batch, Lit};
        use qldv_api_types::Term;
        if lines.is_empty() {
            return Ok(Vec::new());
        }
        let ids = reserve_ids(conn, "dues_payments", lines.len())?;
        let now = super::now();
        let columns = [
            "id",
            "member_id",
            "organization_id",
            "sheet_month",
            "paid_on",
            "first_month",
            "months",
            "amount",
            "channel",
            "receipt_no",
            "entered_by",
            "entered_at",
        ];
        let mut batch = Batch::new(conn, "dues_payments", &columns).for_rows(lines.len());
        let mut out = Vec::with_capacity(lines.len());
        for (l, id) in lines.iter().zip(&ids) {
            let row = PaymentRow {
                id: DuesPaymentId(*id),
                member_id: l.member_id,
                organization_id: cell,
                sheet_month: sheet.to_yyyymm(),
                paid_on: l.payment.on,
                first_month: l.payment.first.to_yyyymm(),
                months: i32::try_from(l.payment.months).unwrap_or(i32::MAX),
                amount: l.payment.amount,
                channel: l.channel,
                receipt_no: l.receipt_no.map(str::to_string),
                entered_by: Some(by),
                entered_at: now,
            };
            let full = batch.push(&[
                Lit::Int(row.id.0),
                row.member_id.into(),
                row.organization_id.into(),
                Lit::Int(i64::from(row.sheet_month)),
                row.paid_on.into(),
                Lit::Int(i64::from(row.first_month)),
                Lit::Int(i64::from(row.months)),
                Lit::Int(row.amount),
                Lit::Text(row.channel.code().to_string()),
                row.receipt_no.clone().into(),
                by.into(),
                now.into(),
            ]);
            if full {
                batch.flush(conn)?;
            }
            out.push(row);
        }
        batch.flush(conn)?;
        Ok(out)
    }

    /// A member's payments covering any month of `year` (or recorded in it), oldest first.
    pub fn of_member_year(conn: &mut DbConn, member: MemberId, year: i32) -> AppResult<Vec<Self>> {
        let rows: Vec<Self> = dues_payments::table
            .filter(dues_payments::member_id.eq(member))
            .order((dues_payments::first_month.asc(), dues_payments::id.asc()))
            .select(Self::as_select())
            .load(conn)?;
        let mut out = Vec::new();
        for r in rows {
            let p = r.rule()?;
            let covers = crate::domain::cell_year::ledger::months_of(&p).any(|m| m.year == year);
            if covers || p.on.format("%Y").to_string() == year.to_string() {
                out.push(r);
            }
        }
        Ok(out)
    }
}

/// Everything recorded for each of `members`: one query per table.
pub fn facts(conn: &mut DbConn, members: &[MemberId]) -> AppResult<HashMap<MemberId, MemberFacts>> {
    let mut out: HashMap<MemberId, MemberFacts> = members
        .iter()
        .map(|m| (*m, MemberFacts::default()))
        .collect();
    for chunk in members.chunks(1000) {
        let bases: Vec<BasisRow> = dues_bases::table
            .filter(dues_bases::member_id.eq_any(chunk))
            .order(dues_bases::from_on.asc())
            .select(BasisRow::as_select())
            .load(conn)?;
        for b in bases {
            out.entry(b.member_id).or_default().bases.push(b.rule());
        }
        let reliefs: Vec<ReliefRow> = dues_reliefs::table
            .filter(dues_reliefs::member_id.eq_any(chunk))
            .select(ReliefRow::as_select())
            .load(conn)?;
        for r in reliefs {
            out.entry(r.member_id).or_default().reliefs.push(r.rule()?);
        }
        let arrangements: Vec<ArrangementRow> = dues_arrangements::table
            .filter(dues_arrangements::member_id.eq_any(chunk))
            .select(ArrangementRow::as_select())
            .load(conn)?;
        for a in arrangements {
            out.entry(a.member_id)
                .or_default()
                .arrangements
                .push(a.rule()?);
        }
        let payments: Vec<PaymentRow> = dues_payments::table
            .filter(dues_payments::member_id.eq_any(chunk))
            .order(dues_payments::id.asc())
            .select(PaymentRow::as_select())
            .load(conn)?;
        for p in payments {
            out.entry(p.member_id).or_default().payments.push(p.rule()?);
        }
    }
    Ok(out)
}
