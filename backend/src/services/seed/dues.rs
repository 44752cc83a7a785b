//! The seeded year of party dues (issue 23, `docs/cell-year.md`): each active member gets a
//! basis from the occupation (retired: a pension of 4–8 M đ; pupils and students: the fixed
//! amount; others a salary of 8–15 M đ) and this year's months up to today's paid on the
//! cell's sheet of each month, 97 % on time; about 1 % have a deferral of two months; about 1
//! in 400 leave two months unpaid and 1 in 800 three. The months are settled by the same pure
//! function as the API's writes and summed into `dues_cell_months`. Drawn from the seed, so the
//! year is reproducible.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use qldv_api_types::cell_year::{DuesArrangementKind, DuesCategory, DuesMonthState};
use qldv_api_types::members::MemberStatus;
use qldv_api_types::{MemberId, OrgId, Term};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::db::bulk::{Batch, Lit};
use crate::db::schema::{members, organizations};
use crate::db::DbConn;
use crate::domain::cell_year::dues::Basis;
use crate::domain::cell_year::ledger::{Arrangement, Payment, Totals};
use crate::domain::cell_year::member_ledger::MemberFacts;
use crate::domain::cell_year::subtree::{parent, rollup, Sums};
use crate::domain::cell_year::Month;
use crate::error::AppResult;
use crate::models::dues::months::spans;
use crate::services::dues::{settle, MonthSettings};

/// A cell-month's sums as they are built.
#[derive(Default)]
struct CellMonth {
    members: i64,
    unpaid: i64,
    totals: Totals,
}

/// Writes the bases, arrangements, payments and settled months of this year; the member-months
/// written.
pub fn seed(conn: &mut DbConn, seed: u64, today: NaiveDate) -> AppResult<u64> {
    crate::models::setting::with_cache(|| write(conn, seed, today))
}

fn write(conn: &mut DbConn, seed: u64, today: NaiveDate) -> AppResult<u64> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x6475_6573);
    let first = Month {
        year: today.year(),
        month: 1,
    };
    let months: Vec<Month> = first.through(Month::of(today)).collect();
    let ended: Vec<Month> = months.iter().copied().filter(|m| m.ended(today)).collect();
    let mut settings = MonthSettings::default();
    settings.load(conn, &months)?;
    let mut people: Vec<(i64, Option<String>)> = members::table
        .filter(members::status.eq_any(MemberStatus::ACTIVE))
        .select((members::id, members::occupation))
        .load(conn)?;
    people.sort_unstable();
    let now = crate::models::now();
    let basis_from = NaiveDate::from_ymd_opt(first.year - 1, 1, 1).unwrap_or(today);
    let mut bases = Batch::new(
        conn,
        "dues_bases",
        &["member_id", "from_on", "category", "base", "entered_at"],
    );
    let mut arrangements = Batch::new(
        conn,
        "dues_arrangements",
        &[
            "member_id",
            "kind",
            "from_month",
            "to_month",
            "decision_no",
            "decided_on",
            "entered_at",
        ],
    );
    let mut payments = Batch::new(
        conn,
        "dues_payments",
        &[
            "member_id",
            "organization_id",
            "sheet_month",
            "paid_on",
            "first_month",
            "months",
            "amount",
            "channel",
            "entered_at",
        ],
    );
    let mut rows = Batch::new(
        conn,
        "dues_months",
        &[
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
        ],
    );
    let mut cells: BTreeMap<(OrgId, Month), CellMonth> = BTreeMap::new();
    let mut written = 0;
    for chunk in people.chunks(5_000) {
        let ids: Vec<MemberId> = chunk.iter().map(|(id, _)| MemberId(*id)).collect();
        let spans = spans(conn, &ids)?;
        for (id, occupation) in chunk {
            let member = MemberId(*id);
            let job = occupation.as_deref().unwrap_or_default().to_lowercase();
            let (category, base) = if job.contains("hưu") {
                (DuesCategory::Pension, rng.gen_range(40..=80) * 100_000)
            } else if job.contains("sinh viên") || job.contains("học sinh") {
                (DuesCategory::Student, 0)
            } else {
                (
                    DuesCategory::SocialInsuranceSalary,
                    rng.gen_range(80..=150) * 100_000,
                )
            };
            let mut f = MemberFacts {
                bases: vec![Basis {
                    from: basis_from,
                    category,
                    base,
                }],
                ..MemberFacts::default()
            };
            // Who skips which ended months, and who has a deferral.
            let draw: u32 = rng.gen_range(0..800);
            let skip = match draw {
                0 => 3,
                1 | 2 => 2,
                _ => 0,
            };
            let mut skipped: Vec<Month> = Vec::new();
            if skip > 0 && ended.len() >= skip {
                let start = rng.gen_range(0..=ended.len() - skip);
                skipped.extend(ended[start..start + skip].iter().copied());
            }
            if (3..11).contains(&draw) && ended.len() >= 2 {
                let start = rng.gen_range(0..ended.len() - 1);
                let a = Arrangement {
                    kind: DuesArrangementKind::Deferral,
                    from: ended[start],
                    to: ended[start + 1],
                };
                put(
                    conn,
                    &mut arrangements,
                    &[
                        Lit::Int(*id),
                        Lit::Text(a.kind.code().into()),
                        Lit::Int(i64::from(a.from.to_yyyymm())),
                        Lit::Int(i64::from(a.to.to_yyyymm())),
                        Lit::Text(format!("{:02}-QĐ/CB", a.from.month)),
                        Lit::Date(a.from.first_day()),
                        Lit::Time(now),
                    ],
                )?;
                f.arrangements.push(a);
            }
            let Some(member_spans) = spans.get(&member) else {
                continue;
            };
            for m in &months {
                let Some(cell) = crate::models::dues::months::cell_of(member_spans, *m) else {
                    continue;
                };
                if skipped.contains(m) || f.deferred(*m) || !m.ended(today) && rng.gen_bool(0.5) {
                    continue;
                }
                let due = crate::domain::cell_year::member_ledger::due_of(&f, settings.of(*m), *m);
                if due == 0 {
                    continue;
                }
                // 97 % pay on the 5th of the month, the rest within the month.
                let day = if rng.gen_bool(0.97) {
                    5
                } else {
                    rng.gen_range(6..=28)
                };
                let paid_on = NaiveDate::from_ymd_opt(m.year, m.month, day).unwrap_or(today);
                let p = Payment {
                    on: paid_on.min(today),
                    first: *m,
                    months: 1,
                    amount: due,
                };
                put(
                    conn,
                    &mut payments,
                    &[
                        Lit::Int(*id),
                        cell.into(),
                        Lit::Int(i64::from(m.to_yyyymm())),
                        Lit::Date(p.on),
                        Lit::Int(i64::from(m.to_yyyymm())),
                        Lit::Int(1),
                        Lit::Int(due),
                        Lit::Text(
                            if rng.gen_bool(0.3) {
                                "public_service_portal"
                            } else {
                                "cash"
                            }
                            .into(),
                        ),
                        Lit::Time(now),
                    ],
                )?;
                f.payments.push(p);
            }
            put(
                conn,
                &mut bases,
                &[
                    Lit::Int(*id),
                    Lit::Date(basis_from),
                    Lit::Text(category.code().into()),
                    Lit::Int(base),
                    Lit::Time(now),
                ],
            )?;
            for (cell, s, regulation) in settle(&f, member_spans, &months, &settings, today) {
                put(
                    conn,
                    &mut rows,
                    &[
                        Lit::Int(*id),
                        Lit::Int(i64::from(s.month.to_yyyymm())),
                        cell.into(),
                        Lit::Int(s.due),
                        Lit::Int(s.paid),
                        Lit::Int(s.deferred),
                        Lit::Int(s.arrears),
                        Lit::Int(s.extra),
                        Lit::Text(s.state.code().into()),
                        Lit::Text(regulation),
                    ],
                )?;
                written += 1;
                let c = cells.entry((cell, s.month)).or_default();
                c.totals.add(&s);
                c.members += i64::from(s.state != DuesMonthState::NotDue);
                c.unpaid += i64::from(s.arrears > 0);
            }
        }
        bases.flush(conn)?;
        arrangements.flush(conn)?;
        payments.flush(conn)?;
        rows.flush(conn)?;
    }
    let paths: HashMap<i64, String> = organizations::table
        .select((organizations::id, organizations::path))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut out = Batch::new(
        conn,
        "dues_cell_months",
        &[
            "organization_id",
            "month",
            "org_path",
            "members",
            "due",
            "paid",
            "deferred",
            "arrears",
            "extra",
            "unpaid_members",
        ],
    );
    let mut subtree: Vec<(String, i32, Sums)> = Vec::with_capacity(cells.len());
    for ((cell, m), c) in cells {
        let path = paths.get(&cell.0).cloned().unwrap_or_default();
        subtree.push((
            path,
            m.to_yyyymm(),
            Sums {
                cell_months: 1,
                members: c.members,
                totals: c.totals,
                unpaid_members: c.unpaid,
            },
        ));
        let full = out.push(&[
            cell.into(),
            Lit::Int(i64::from(m.to_yyyymm())),
            Lit::Text(paths.get(&cell.0).cloned().unwrap_or_default()),
            Lit::Int(c.members),
            Lit::Int(c.totals.due),
            Lit::Int(c.totals.paid),
            Lit::Int(c.totals.deferred),
            Lit::Int(c.totals.arrears),
            Lit::Int(c.totals.extra),
            Lit::Int(c.unpaid),
        ]);
        if full {
            out.flush(conn)?;
        }
    }
    out.flush(conn)?;
    write_subtree(
        conn,
        &rollup(subtree.iter().map(|(p, m, s)| (p.as_str(), *m, *s))),
    )?;
    Ok(written)
}

/// Writes the kept subtree sums of the seeded cell-months (`dues_subtree_months`).
fn write_subtree(conn: &mut DbConn, rows: &BTreeMap<(String, i32), Sums>) -> AppResult<()> {
    let mut out = Batch::new(
        conn,
        "dues_subtree_months",
        &[
            "org_path",
            "parent_path",
            "month",
            "cell_months",
            "members",
            "due",
            "paid",
            "deferred",
            "arrears",
            "extra",
            "unpaid_members",
        ],
    );
    for ((path, m), s) in rows {
        let full = out.push(&[
            Lit::Text(path.clone()),
            Lit::Text(parent(path).to_string()),
            Lit::Int(i64::from(*m)),
            Lit::Int(s.cell_months),
            Lit::Int(s.members),
            Lit::Int(s.totals.due),
            Lit::Int(s.totals.paid),
            Lit::Int(s.totals.deferred),
            Lit::Int(s.totals.arrears),
            Lit::Int(s.totals.extra),
            Lit::Int(s.unpaid_members),
        ]);
        if full {
            out.flush(conn)?;
        }
    }
    out.flush(conn)
}

/// Adds a row, writing the batch when it is full.
fn put(conn: &mut DbConn, batch: &mut Batch, row: &[Lit]) -> AppResult<()> {
    if batch.push(row) {
        batch.flush(conn)?;
    }
    Ok(())
}
