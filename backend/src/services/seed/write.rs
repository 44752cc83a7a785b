//! The seeder's rows: organisations, members with events and periods, ratings, cards, badges.

use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::Rng;
use serde_json::json;

use super::person::{self, History, Person};
use super::{Rules, SeedSummary, Serials};
use crate::db::bulk::{next_id, resync_identities, Batch};
use crate::db::DbConn;
use crate::domain::badge::{self, Standing};
use crate::domain::evaluation::{max_excellent, year_end, year_start};
use crate::domain::party_age::{self, PartyAgeFacts, Period};
use crate::domain::{tree, vn_text};
use crate::error::AppResult;

/// An organisation made by the seeder.
#[derive(Debug, Clone)]
pub struct Org {
    id: i64,
    path: String,
    depth: i32,
}

/// A grassroots organisation whose members' ratings are collected, to keep the quota.
pub struct Unit {
    org: i64,
    ratings: Vec<(i64, i32, &'static str)>,
}

impl Unit {
    /// Ratings of the members of `org`'s subtree.
    pub fn new(org: &Org) -> Self {
        Self {
            org: org.id,
            ratings: Vec::new(),
        }
    }
}

const MEMBER_COLUMNS: &[&str] = &[
    "id",
    "organization_id",
    "org_path",
    "full_name",
    "name_folded",
    "name_sort_key",
    "gender",
    "birth_date",
    "hometown",
    "ethnicity",
    "religion",
    "national_id",
    "phone",
    "education_general",
    "political_theory",
    "occupation",
    "first_admission_decision_on",
    "admission_decision_on",
    "admission_decision_no",
    "ceremony_on",
    "official_on",
    "status",
    "card_number",
    "in_transit",
    "exit_reason",
    "interruption_days",
    "interrupted_since",
    "ever_recognised",
    "version",
    "created_at",
    "updated_at",
    "badge_milestone_held",
    "next_badge_on",
];

/// Ids, batches and counters of one seeding run.
pub struct Loader {
    today: NaiveDate,
    now: chrono::NaiveDateTime,
    ids: [i64; 9],
    orgs: Batch,
    links: Batch,
    members: Batch,
    events: Batch,
    periods: Batch,
    ratings: Batch,
    rounds: Batch,
    cards: Batch,
    badges: Batch,
    card_number: i64,
    serials: Serials,
    previous_cell: Option<i64>,
    summary: SeedSummary,
    full: bool,
}

const TABLES: [&str; 9] = [
    "organizations",
    "organization_links",
    "members",
    "member_events",
    "memberships",
    "evaluations",
    "evaluation_rounds",
    "cards",
    "badges",
];

impl Loader {
    /// Starts after the ids already used.
    pub fn new(conn: &mut DbConn, today: NaiveDate) -> AppResult<Self> {
        let mut ids = [0; 9];
        for (i, t) in TABLES.iter().enumerate() {
            ids[i] = next_id(conn, t)?;
        }
        let card_number = crate::db::schema::counters::table
            .find("card_number")
            .select(crate::db::schema::counters::value)
            .first::<i64>(conn)
            .unwrap_or(0);
        Ok(Self {
            today,
            now: crate::models::now(),
            ids,
            orgs: Batch::new(
                "organizations",
                &[
                    "id",
                    "parent_id",
                    "kind",
                    "name",
                    "path",
                    "depth",
                    "valid_from",
                    "version",
                    "created_at",
                    "updated_at",
                ],
            ),
            links: Batch::new(
                "organization_links",
                &["id", "organization_id", "parent_id", "from_on"],
            ),
            members: Batch::new("members", MEMBER_COLUMNS),
            events: Batch::new(
                "member_events",
                &[
                    "id",
                    "member_id",
                    "kind",
                    "occurred_on",
                    "decision_no",
                    "decision_on",
                    "organization_id",
                    "regulation",
                    "details",
                    "entered_by_name",
                    "entered_at",
                ],
            ),
            periods: Batch::new(
                "memberships",
                &[
                    "id",
                    "member_id",
                    "organization_id",
                    "from_on",
                    "to_on",
                    "start_reason",
                    "end_reason",
                ],
            ),
            ratings: Batch::new(
                "evaluations",
                &[
                    "id",
                    "member_id",
                    "year",
                    "grassroots_org_id",
                    "level",
                    "score",
                    "regulation",
                    "version",
                    "created_at",
                    "updated_at",
                ],
            ),
            rounds: Batch::new(
                "evaluation_rounds",
                &[
                    "id",
                    "organization_id",
                    "year",
                    "status",
                    "total",
                    "excellent",
                    "good",
                    "complete",
                    "not_complete",
                    "not_rated",
                    "regulation",
                    "closed_at",
                    "created_at",
                ],
            ),
            cards: Batch::new(
                "cards",
                &[
                    "id",
                    "member_id",
                    "card_number",
                    "status",
                    "issued_on",
                    "decision_no",
                    "regulation",
                    "version",
                    "created_at",
                    "updated_at",
                ],
            ),
            badges: Batch::new(
                "badges",
                &[
                    "id",
                    "member_id",
                    "milestone",
                    "occasion_on",
                    "decision_no",
                    "status",
                    "early",
                    "posthumous",
                    "party_age_years",
                    "regulation",
                    "returned_on",
                    "created_at",
                ],
            ),
            card_number,
            serials: Serials::new(),
            previous_cell: None,
            summary: SeedSummary::default(),
            full: false,
        })
    }

    fn next(&mut self, table: usize) -> i64 {
        let id = self.ids[table];
        self.ids[table] += 1;
        id
    }

    /// An organisation (with its link history) under `parent`.
    pub fn org(
        &mut self,
        conn: &mut DbConn,
        parent: Option<&Org>,
        kind: &str,
        name: &str,
    ) -> AppResult<Org> {
        let id = self.next(0);
        let (path, depth) = match parent {
            Some(p) => (tree::child_path(&p.path, id), p.depth + 1),
            None => (tree::root_path(id), 0),
        };
        let from = NaiveDate::from_ymd_opt(1960, 1, 1);
        self.full |= self.orgs.push(&[
            id.into(),
            parent.map(|p| p.id).into(),
            kind.into(),
            name.into(),
            path.clone().into(),
            depth.into(),
            from.into(),
            1i64.into(),
            self.now.into(),
            self.now.into(),
        ]);
        let link = self.next(1);
        self.full |= self.links.push(&[
            link.into(),
            id.into(),
            parent.map(|p| p.id).into(),
            from.into(),
        ]);
        self.summary.organizations += 1;
        self.flush_if_full(conn)?;
        Ok(Org { id, path, depth })
    }

    /// `size` members in `cell`, rated within `unit`.
    #[allow(clippy::too_many_arguments)]
    pub fn members(
        &mut self,
        conn: &mut DbConn,
        rng: &mut StdRng,
        rules: &Rules,
        unit: &mut Unit,
        cell: &Org,
        (province, code): (&str, u16),
        size: u64,
    ) -> AppResult<()> {
        for _ in 0..size {
            let mut p = person::person(rng, &format!("tỉnh {province}"));
            let drawn = (0..20).find_map(|_| {
                person::history(rng, rules, self.today, self.previous_cell.is_some())
            });
            let Some((birth, h)) = drawn else { continue };
            p.birth = birth;
            self.member(conn, rng, rules, unit, cell, code, &p, &h)?;
        }
        self.previous_cell = Some(cell.id);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn member(
        &mut self,
        conn: &mut DbConn,
        rng: &mut StdRng,
        rules: &Rules,
        unit: &mut Unit,
        cell: &Org,
        code: u16,
        p: &Person,
        h: &History,
    ) -> AppResult<()> {
        let id = self.next(2);
        let reg = |d: NaiveDate| rules.at(d).regulation.clone();
        let marker = (u32::from(p.birth.year() >= 2000) * 2) + u32::from(p.gender == "female");
        let serial = self
            .serials
            .entry((code, marker, p.birth.year()))
            .or_default();
        *serial += 1;
        let national_id = person::national_id(code, p.gender, p.birth, *serial);
        let first_cell = match h.transferred_on {
            Some(_) => self.previous_cell.unwrap_or(cell.id),
            None => cell.id,
        };
        let decision_no = format!("{}-QĐ/ĐU", rng.gen_range(1..900));
        let d = &h.derived;
        let active = h.exit.is_none();
        // Events, as the API records them.
        let mut events: Vec<(&str, NaiveDate, Option<String>, i64, serde_json::Value)> = vec![(
            "admitted",
            h.decision,
            Some(decision_no.clone()),
            first_cell,
            json!({"ceremony_on": h.ceremony, "first_admission_decision_on": h.decision, "data_entry": true}),
        )];
        if let Some(o) = h.official_on {
            let at = if h.transferred_on.is_some_and(|t| t <= o) {
                cell.id
            } else {
                first_cell
            };
            events.push(("recognized", o, None, at, json!({"data_entry": true})));
        }
        if let Some(t) = h.transferred_on {
            let moved = json!({"from_organization_id": first_cell, "to_organization_id": cell.id});
            events.push(("transfer_issued", t, None, first_cell, moved.clone()));
            events.push(("transfer_received", t, None, cell.id, moved));
        }
        if let Some((on, reason)) = h.exit {
            events.push((
                "exited",
                on,
                Some(format!("{}-QĐ/ĐU", rng.gen_range(1..900))),
                cell.id,
                json!({"reason": reason}),
            ));
        }
        events.sort_by_key(|e| e.1);
        for (kind, on, no, org, details) in events {
            let eid = self.next(3);
            let decided = no.as_ref().map(|_| on);
            self.full |= self.events.push(&[
                eid.into(),
                id.into(),
                kind.into(),
                on.into(),
                no.into(),
                decided.into(),
                org.into(),
                reg(on).into(),
                details.to_string().into(),
                "qldv seed".into(),
                self.now.into(),
            ]);
            self.summary.events += 1;
        }
        // Membership periods.
        let exit_on = h.exit.map(|(on, _)| on);
        let exit_reason = h.exit.map(|(_, r)| r);
        if let Some(t) = h.transferred_on {
            let a = self.next(4);
            self.full |= self.periods.push(&[
                a.into(),
                id.into(),
                first_cell.into(),
                h.decision.into(),
                Some(t).into(),
                "admitted".into(),
                "transferred_out".into(),
            ]);
            let b = self.next(4);
            self.full |= self.periods.push(&[
                b.into(),
                id.into(),
                cell.id.into(),
                t.into(),
                exit_on.into(),
                "transferred_in".into(),
                exit_reason.into(),
            ]);
        } else {
            let a = self.next(4);
            self.full |= self.periods.push(&[
                a.into(),
                id.into(),
                cell.id.into(),
                h.decision.into(),
                exit_on.into(),
                "admitted".into(),
                exit_reason.into(),
            ]);
        }
        // Card, badges, ratings for active official members.
        let mut card = None;
        let mut held = 0u32;
        let age = PartyAgeFacts {
            first_decision: d.first_decision,
            recognised: d.ever_recognised,
            interruptions: (d.interruption_days > 0)
                .then(|| Period {
                    from: d.first_decision,
                    to: Some(d.first_decision + Duration::days(d.interruption_days)),
                })
                .into_iter()
                .collect(),
        };
        if let Some(official) = h.official_on {
            if active {
                let issued = (official + Duration::days(rng.gen_range(30..150))).min(self.today);
                self.card_number += 1;
                let number = format!("{:08}", self.card_number);
                let cid = self.next(7);
                self.full |= self.cards.push(&[
                    cid.into(),
                    id.into(),
                    number.clone().into(),
                    "active".into(),
                    issued.into(),
                    format!("{}-QĐ/TU", rng.gen_range(1..900)).into(),
                    reg(issued).into(),
                    1i64.into(),
                    self.now.into(),
                    self.now.into(),
                ]);
                self.summary.cards += 1;
                card = Some(number);
            }
            // The badges of the occasions while a member; returned on an exit other than
            // death (rule 12).
            let until = exit_on.unwrap_or(self.today);
            let returned_on = h.exit.filter(|(_, r)| *r != "deceased").map(|(on, _)| on);
            for m in rules.at(self.today).badge_milestones.clone() {
                let occasion = next_occasion(badge::reach_date(&age, m));
                if occasion >= until {
                    break;
                }
                let years = party_age::years(&age, occasion).unwrap_or(m);
                let bid = self.next(8);
                let status = if returned_on.is_some() {
                    "returned"
                } else {
                    "awarded"
                };
                self.full |= self.badges.push(&[
                    bid.into(),
                    id.into(),
                    i64::from(m).into(),
                    occasion.into(),
                    format!("{}-QĐ/TU", rng.gen_range(1..900)).into(),
                    status.into(),
                    false.into(),
                    false.into(),
                    i64::from(years).into(),
                    reg(occasion).into(),
                    returned_on.into(),
                    self.now.into(),
                ]);
                self.summary.badges += 1;
                held = m;
            }
            for year in (self.today.year() - 3)..self.today.year() {
                if official < year_start(year) && exit_on.is_none_or(|e| e > year_end(year)) {
                    let level = match rng.gen_range(0..100) {
                        0..=11 => "excellent",
                        12..=79 => "good",
                        80..=96 => "complete",
                        _ => "not_complete",
                    };
                    unit.ratings.push((id, year, level));
                }
            }
        }
        let standing = match h.exit {
            None => Standing::Active,
            Some((on, "deceased")) => Standing::Deceased(on),
            Some(_) => Standing::Gone,
        };
        let next_badge = badge::next_due(&age, standing, held, rules.at(self.today));
        self.full |= self.members.push(&[
            id.into(),
            cell.id.into(),
            cell.path.clone().into(),
            p.full_name.clone().into(),
            vn_text::fold(&p.full_name).into(),
            vn_text::sort_key(&p.full_name).into(),
            p.gender.into(),
            p.birth.into(),
            p.hometown.clone().into(),
            p.ethnicity.into(),
            p.religion.into(),
            national_id.into(),
            p.phone.clone().into(),
            p.education.into(),
            p.theory.into(),
            p.occupation.into(),
            d.first_decision.into(),
            d.decision.into(),
            decision_no.into(),
            d.ceremony.into(),
            d.official_on.into(),
            d.status.into(),
            card.into(),
            d.in_transit.into(),
            exit_reason.into(),
            d.interruption_days.into(),
            d.interrupted_since.into(),
            d.ever_recognised.into(),
            1i64.into(),
            self.now.into(),
            self.now.into(),
            i64::from(held).into(),
            next_badge.into(),
        ]);
        self.summary.members += 1;
        self.flush_if_full(conn)
    }

    /// Writes a grassroots organisation's ratings, excellent kept within the quota of each
    /// year, and its closed rounds.
    pub fn close_unit(
        &mut self,
        conn: &mut DbConn,
        rules: &Rules,
        mut unit: Unit,
    ) -> AppResult<()> {
        let years: std::collections::BTreeSet<i32> = unit.ratings.iter().map(|r| r.1).collect();
        for year in years {
            let settings = rules.at(year_end(year));
            let count = |u: &Unit, level: &str| {
                i64::try_from(
                    u.ratings
                        .iter()
                        .filter(|r| r.1 == year && r.2 == level)
                        .count(),
                )
                .unwrap_or(0)
            };
            // Demote excellent ratings beyond the quota (each demotion also raises it).
            while count(&unit, "excellent")
                > max_excellent(count(&unit, "good"), settings.excellent_quota_percent)
            {
                if let Some(r) = unit
                    .ratings
                    .iter_mut()
                    .find(|r| r.1 == year && r.2 == "excellent")
                {
                    r.2 = "good";
                }
            }
            let levels = ["excellent", "good", "complete", "not_complete"];
            let counts: Vec<i64> = levels.iter().map(|l| count(&unit, l)).collect();
            let rid = self.next(6);
            self.full |= self.rounds.push(&[
                rid.into(),
                unit.org.into(),
                year.into(),
                "closed".into(),
                counts.iter().sum::<i64>().into(),
                counts[0].into(),
                counts[1].into(),
                counts[2].into(),
                counts[3].into(),
                0i64.into(),
                settings.regulation.clone().into(),
                self.now.into(),
                self.now.into(),
            ]);
        }
        for (member, year, level) in unit.ratings {
            let settings = rules.at(year_end(year));
            let score: Option<i64> = settings.score_bands.map(|[a, b, c]| {
                let (lo, hi) = match level {
                    "excellent" => (a, 100),
                    "good" => (b, a - 1),
                    "complete" => (c, b - 1),
                    _ => (c.saturating_sub(20), c - 1),
                };
                i64::from(lo + (u32::try_from(member).unwrap_or(0) % (hi - lo + 1)))
            });
            let id = self.next(5);
            self.full |= self.ratings.push(&[
                id.into(),
                member.into(),
                year.into(),
                unit.org.into(),
                level.into(),
                score.into(),
                settings.regulation.clone().into(),
                1i64.into(),
                self.now.into(),
                self.now.into(),
            ]);
            self.summary.evaluations += 1;
        }
        self.flush_if_full(conn)
    }

    fn flush_if_full(&mut self, conn: &mut DbConn) -> AppResult<()> {
        if self.full {
            self.flush(conn)?;
        }
        Ok(())
    }

    /// Writes every pending batch (parents first).
    pub fn flush(&mut self, conn: &mut DbConn) -> AppResult<()> {
        for b in [
            &mut self.orgs,
            &mut self.links,
            &mut self.members,
            &mut self.events,
            &mut self.periods,
            &mut self.rounds,
            &mut self.ratings,
            &mut self.cards,
            &mut self.badges,
        ] {
            b.flush(conn)?;
        }
        self.full = false;
        Ok(())
    }

    /// Moves identities and the card-number counter past what was loaded.
    pub fn finish(mut self, conn: &mut DbConn) -> AppResult<SeedSummary> {
        self.flush(conn)?;
        resync_identities(conn, &TABLES)?;
        diesel::update(crate::db::schema::counters::table.find("card_number"))
            .set(crate::db::schema::counters::value.eq(self.card_number))
            .execute(conn)?;
        Ok(self.summary)
    }
}

/// The first badge occasion (3 Feb, 19 May, 2 Sep, 7 Nov) on or after `date`.
fn next_occasion(date: NaiveDate) -> NaiveDate {
    let y = date.year();
    [(2, 3), (5, 19), (9, 2), (11, 7)]
        .iter()
        .filter_map(|(m, d)| NaiveDate::from_ymd_opt(y, *m, *d))
        .find(|o| *o >= date)
        .or_else(|| NaiveDate::from_ymd_opt(y + 1, 2, 3))
        .unwrap_or(NaiveDate::MAX)
}
