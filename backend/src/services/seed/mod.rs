//! `qldv seed --members N --seed S`: a realistic, deterministic dataset for benchmarks and
//! demonstrations — (the Central Committee →) provinces of up to 165,000 members → communes and other committees → grassroots organisations → cells
//! of 5–60 members, members with Vietnamese names at their real frequencies, histories with
//! transfers and exits, ratings of past years within the quota, cards and badges by the rules,
//! and every derived column (state, next badge date) computed as the server computes it.
//! Written in bulk (`COPY` on PostgreSQL, multi-row inserts on SQLite), a transaction per
//! province.

mod candidates;
mod dues;
mod liaisons;
mod meetings;
mod names;
mod person;
mod targets;
mod write;

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::db::schema::members;
use crate::db::DbConn;
use crate::domain::settings::RuleSettings;
use crate::error::{AppError, AppResult};

use write::{Loader, Org, Unit};

/// What to generate.
#[derive(Debug, Clone)]
pub struct SeedOptions {
    /// How many members (active and exited) in all.
    pub members: u64,
    /// The random seed: the same seed gives the same dataset.
    pub seed: u64,
    /// "Today" for the histories.
    pub today: NaiveDate,
}

/// What was generated.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SeedSummary {
    /// Organisations.
    pub organizations: u64,
    /// Members.
    pub members: u64,
    /// Member events.
    pub events: u64,
    /// Ratings.
    pub evaluations: u64,
    /// Cards.
    pub cards: u64,
    /// Badges.
    pub badges: u64,
    /// Admission targets (organisations × years).
    pub targets: u64,
    /// Candidates for admission (issue 22), not members: 0–6 per cell.
    pub candidates: u64,
    /// Residence liaisons (issue 23, rule 39): 15 % of the members of agency cells.
    pub liaisons: u64,
    /// The cells' meetings of this year (issue 23).
    pub meetings: u64,
    /// Their attendance lines.
    pub attendance: u64,
    /// Duties assigned this year.
    pub duties: u64,
    /// Member-months of party dues settled this year (issue 23).
    pub dues_months: u64,
}

/// The rule settings of every regulation, by the date each took effect.
pub struct Rules {
    by_date: Vec<(NaiveDate, RuleSettings)>,
}

impl Rules {
    fn load(conn: &mut DbConn) -> AppResult<Self> {
        // Every day some chain changes document: between two of them the settings are constant.
        let mut dates: Vec<NaiveDate> = crate::models::setting::links(conn)?
            .into_iter()
            .map(|l| l.from)
            .collect();
        dates.sort_unstable();
        dates.dedup();
        let mut by_date = Vec::new();
        for d in dates {
            by_date.push((d, crate::models::setting::at(conn, d)?));
        }
        if by_date.is_empty() {
            return Err(AppError::internal("no regulations"));
        }
        Ok(Self { by_date })
    }

    /// The settings in force on `date` (the first regulation before any took effect).
    pub fn at(&self, date: NaiveDate) -> &RuleSettings {
        let i = self.by_date.partition_point(|(from, _)| *from <= date);
        &self.by_date[i.saturating_sub(1)].1
    }
}

/// A cell size between 5 and 60, most around 15–30.
fn cell_size<R: Rng>(rng: &mut R) -> u64 {
    let a: f64 = rng.gen();
    let b: f64 = rng.gen();
    5 + ((a + b) / 2.0 * 55.0) as u64
}

/// Generates the dataset into an empty database (409 when members exist already).
pub fn run(
    conn: &mut DbConn,
    opts: &SeedOptions,
    mut progress: impl FnMut(u64),
) -> AppResult<SeedSummary> {
    let existing: i64 = members::table.count().get_result(conn)?;
    if existing > 0 {
        return Err(AppError::Conflict(
            "not_empty",
            crate::messages::text!(
                "Cơ sở dữ liệu đã có đảng viên: chỉ sinh dữ liệu mẫu vào cơ sở dữ liệu trống",
                "The database holds members: sample data goes into an empty database only"
            ),
        ));
    }
    let mut summary = crate::db::bulk::load_in_bulk(conn, &write::TABLES, |conn| {
        generate(conn, opts, &mut progress)
    })?;
    summary.targets =
        crate::db::write_transaction(conn, |c| targets::seed(c, opts.seed, opts.today))?;
    crate::models::composition_rollup::rebuild(conn)?;
    summary.candidates = candidates::grow(conn, opts.seed, opts.today)?;
    summary.liaisons =
        crate::db::write_transaction(conn, |c| liaisons::seed(c, opts.seed, opts.today))?;
    (summary.meetings, summary.attendance, summary.duties) =
        crate::db::write_transaction(conn, |c| meetings::seed(c, opts.seed, opts.today))?;
    summary.dues_months =
        crate::db::write_transaction(conn, |c| dues::seed(c, opts.seed, opts.today))?;
    Ok(summary)
}

/// Generates the provinces, then the word index and identities.
fn generate(
    conn: &mut DbConn,
    opts: &SeedOptions,
    progress: &mut impl FnMut(u64),
) -> AppResult<SeedSummary> {
    let rules = Rules::load(conn)?;
    let mut rng = StdRng::seed_from_u64(opts.seed);
    let provinces = opts.members.div_ceil(165_000).clamp(1, 34);
    let mut loader = Loader::new(conn, opts.today)?;
    // A national database: the provinces under the Central Committee, so that one report or
    // one badge round can cover the country.
    let central = if provinces > 1 {
        Some(crate::db::write_transaction(conn, |c| {
            let org = loader.org(c, None, "central", "Ban Chấp hành Trung ương Đảng")?;
            loader.flush(c)?;
            Ok(org)
        })?)
    } else {
        None
    };
    let mut done = 0u64;
    for p in 0..provinces {
        let share = opts.members / provinces + u64::from(p < opts.members % provinces);
        let (name, code) =
            names::PROVINCES[usize::try_from(p).unwrap_or(0) % names::PROVINCES.len()];
        crate::db::write_transaction(conn, |c| {
            let root = loader.org(c, central.as_ref(), "province", &format!("Tỉnh ủy {name}"))?;
            let mut p = Province {
                name,
                code,
                left: share,
                rng: &mut rng,
                rules: &rules,
                loader: &mut loader,
            };
            let mut n = 0u32;
            while p.left > 0 {
                n += 1;
                if p.rng.gen_bool(0.85) || p.left < 200 {
                    // A commune's committee with its village cells.
                    let name = format!("Đảng ủy xã {} {} {n}", place(p.rng), place(p.rng));
                    let cells = p.rng.gen_range(4..30);
                    p.grassroots(c, &root, "commune", &name, cells, |rng, k| {
                        format!("Chi bộ thôn {} {k}", place(rng))
                    })?;
                    continue;
                }
                // A committee of agencies or enterprises with its grassroots organisations.
                let name = format!("Đảng ủy Khối {} {n}", place(p.rng));
                let upper = p.loader.org(c, Some(&root), "upper_grassroots", &name)?;
                for g in 1..=p.rng.gen_range(2..7) {
                    if p.left == 0 {
                        break;
                    }
                    if p.rng.gen_bool(0.5) {
                        let name = format!("Đảng bộ Công ty {} {g}", place(p.rng));
                        let cells = p.rng.gen_range(3..9);
                        p.grassroots(c, &upper, "grassroots_committee", &name, cells, |_, k| {
                            format!("Chi bộ phòng {k}")
                        })?;
                    } else {
                        let name = format!("Chi bộ Trường {} {g}", place(p.rng));
                        let cell = p.loader.org(c, Some(&upper), "grassroots_cell", &name)?;
                        let mut unit = Unit::new(&cell);
                        let size = (cell_size(p.rng) + 10).min(p.left);
                        p.populate(c, &mut unit, &cell, size)?;
                        p.loader.close_unit(c, p.rules, unit)?;
                    }
                }
            }
            loader.flush(c)
        })?;
        done += share;
        progress(done);
    }
    loader.finish(conn)
}

fn place(rng: &mut StdRng) -> &'static str {
    names::PLACES[rng.gen_range(0..names::PLACES.len())]
}

/// One province being generated: what is left to place, and the tools to place it.
struct Province<'a> {
    name: &'a str,
    code: u16,
    left: u64,
    rng: &'a mut StdRng,
    rules: &'a Rules,
    loader: &'a mut Loader,
}

impl Province<'_> {
    /// Up to `size` members (never more than are left) in `cell`, rated within `unit`.
    fn populate(
        &mut self,
        c: &mut DbConn,
        unit: &mut Unit,
        cell: &Org,
        size: u64,
    ) -> AppResult<()> {
        let size = size.min(self.left);
        self.loader.members(
            c,
            self.rng,
            self.rules,
            unit,
            cell,
            (self.name, self.code),
            size,
        )?;
        self.left -= size;
        Ok(())
    }

    /// A grassroots organisation of `kind` under `parent` with up to `cells` cells.
    fn grassroots(
        &mut self,
        c: &mut DbConn,
        parent: &Org,
        kind: &str,
        name: &str,
        cells: u32,
        cell_name: impl Fn(&mut StdRng, u32) -> String,
    ) -> AppResult<()> {
        let base = self.loader.org(c, Some(parent), kind, name)?;
        let mut unit = Unit::new(&base);
        for k in 1..=cells {
            if self.left == 0 {
                break;
            }
            let cell = self
                .loader
                .org(c, Some(&base), "cell", &cell_name(self.rng, k))?;
            let size = cell_size(self.rng);
            self.populate(c, &mut unit, &cell, size)?;
        }
        self.loader.close_unit(c, self.rules, unit)
    }
}

/// Counts by key, for CCCD serials.
pub(crate) type Serials = HashMap<(u16, u32, i32), u32>;
