//! The seeder's rows: organisations, members with events and periods, ratings, cards, badges.

mod member;
mod ratings;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::{SeedSummary, Serials};
use crate::db::bulk::{next_id, resync_identities, Batch};
use crate::db::DbConn;
use crate::domain::tree;
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

/// The tables the loader writes, parents first.
pub(super) const TABLES: [&str; 9] = [
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
                conn,
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
                conn,
                "organization_links",
                &["id", "organization_id", "parent_id", "from_on"],
            ),
            members: Batch::new(conn, "members", crate::models::member_new::COLUMNS),
            events: Batch::new(
                conn,
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
                conn,
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
                conn,
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
                conn,
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
                conn,
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
                conn,
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
        // The name search's word index, in one statement for all the members loaded.
        crate::models::name_word::rebuild_all(conn)?;
        diesel::update(crate::db::schema::counters::table.find("card_number"))
            .set(crate::db::schema::counters::value.eq(self.card_number))
            .execute(conn)?;
        Ok(self.summary)
    }
}
