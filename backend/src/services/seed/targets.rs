//! The seeded admission targets (issue 22): for each of the last three years (this one
//! included), each organisation gets a target near its subtree's admissions of the year before
//! × 1.2 ([`crate::domain::development::seeded_target`]), moved by up to a tenth either way,
//! drawn from the seed, so that a province's development report for a year is reproducible.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::db::bulk::{Batch, Lit};
use crate::db::schema::{memberships, organizations};
use crate::db::DbConn;
use crate::domain::development::seeded_target;
use crate::error::AppResult;

/// How many years get targets, ending with `today`'s.
const YEARS: i32 = 3;

/// Writes the targets; how many.
pub fn seed(conn: &mut DbConn, seed: u64, today: NaiveDate) -> AppResult<u64> {
    let last = today.year();
    let first = last - YEARS + 1;
    let since = NaiveDate::from_ymd_opt(first - 1, 1, 1).unwrap_or(NaiveDate::MIN);
    let mut orgs: Vec<(i64, Option<i64>)> = organizations::table
        .select((organizations::id, organizations::parent_id))
        .load(conn)?;
    orgs.sort_unstable();
    let parent: HashMap<i64, Option<i64>> = orgs.iter().copied().collect();
    let admitted: Vec<(i64, NaiveDate)> = memberships::table
        .filter(memberships::start_reason.eq_any(["admitted", "readmitted"]))
        .filter(memberships::from_on.ge(since))
        .select((memberships::organization_id, memberships::from_on))
        .load(conn)?;
    // Each admission counts for its cell and every organisation above it.
    let mut by_year: HashMap<(i64, i32), i64> = HashMap::new();
    for (cell, on) in admitted {
        let mut at = Some(cell);
        // The tree is shallow; the bound only guards against a cycle in bad data.
        for _ in 0..32 {
            let Some(org) = at else { break };
            *by_year.entry((org, on.year())).or_insert(0) += 1;
            at = parent.get(&org).copied().flatten();
        }
    }
    let mut rng = StdRng::seed_from_u64(seed ^ 0x7a72_6765_7473);
    let now = crate::models::now();
    let mut batch = Batch::new(
        conn,
        "admission_targets",
        &[
            "organization_id",
            "year",
            "target",
            "resolution_no",
            "resolution_on",
            "entered_at",
        ],
    );
    let mut written = 0;
    for year in first..=last {
        let resolved = NaiveDate::from_ymd_opt(year - 1, 12, 15).unwrap_or(today);
        for (org, _) in &orgs {
            let before = by_year.get(&(*org, year - 1)).copied().unwrap_or(0);
            let target = seeded_target(before, rng.gen_range(-10..=10));
            let full = batch.push(&[
                Lit::from(*org),
                Lit::from(year),
                Lit::from(target),
                Lit::from(format!("{:02}-NQ/ĐH", year % 100)),
                Lit::from(resolved.min(today)),
                Lit::from(now),
            ]);
            written += 1;
            if full {
                batch.flush(conn)?;
            }
        }
    }
    batch.flush(conn)?;
    Ok(written)
}
