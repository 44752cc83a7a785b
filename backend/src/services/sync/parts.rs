//! Which table rows make up each kind of record a package carries.

use qldv_api_types::changes::ChangeEntity;

use super::package::Row;

/// Rows of one table that belong to a record.
#[derive(Debug, Clone, Copy)]
pub struct Part {
    /// The table.
    pub table: &'static str,
    /// The column naming the record (`id` for its own table).
    pub by: &'static str,
    /// The columns identifying a row of the table.
    pub key: &'static [&'static str],
}

const fn own(table: &'static str) -> Part {
    Part {
        table,
        by: "id",
        key: &["id"],
    }
}

const fn of_member(table: &'static str) -> Part {
    Part {
        table,
        by: "member_id",
        key: &["id"],
    }
}

/// The parts of a record of `entity`, its own table first.
pub fn parts(entity: ChangeEntity) -> &'static [Part] {
    const ORGANIZATION: &[Part] = &[
        own("organizations"),
        Part {
            table: "organization_links",
            by: "organization_id",
            key: &["id"],
        },
    ];
    // A member is the dossier and its history: events, periods in cells, exemptions and
    // absences, annual supplements, discipline and illness records.
    const MEMBER: &[Part] = &[
        own("members"),
        of_member("member_events"),
        of_member("memberships"),
        of_member("member_periods"),
        Part {
            table: "member_supplements",
            by: "member_id",
            key: &["member_id", "year"],
        },
        of_member("disciplines"),
        of_member("member_illnesses"),
    ];
    const TRANSFER: &[Part] = &[own("transfers")];
    const EVALUATION: &[Part] = &[own("evaluations")];
    const CARD: &[Part] = &[own("cards")];
    const BADGE: &[Part] = &[own("badges")];
    const PROPOSAL: &[Part] = &[own("badge_proposals")];
    // A candidate is the file (its version is what a receiver compares), the identity it
    // shares with the member record it becomes (written only while it is a candidate's: after
    // the ceremony the member record carries it), the steps, helpers and categories.
    const CANDIDATE: &[Part] = &[
        Part {
            table: "candidate_files",
            by: "member_id",
            key: &["member_id"],
        },
        own("members"),
        of_member("candidate_steps"),
        Part {
            table: "candidate_helpers",
            by: "member_id",
            key: &["step_id", "helper_id"],
        },
        Part {
            table: "candidate_categories",
            by: "member_id",
            key: &["member_id", "category"],
        },
    ];
    match entity {
        ChangeEntity::Organization => ORGANIZATION,
        ChangeEntity::Member => MEMBER,
        ChangeEntity::Transfer => TRANSFER,
        ChangeEntity::Evaluation => EVALUATION,
        ChangeEntity::Card => CARD,
        ChangeEntity::Badge => BADGE,
        ChangeEntity::BadgeProposal => PROPOSAL,
        ChangeEntity::Candidate => CANDIDATE,
        // The cell's year is published in the feed; packages do not carry it yet.
        ChangeEntity::Meeting
        | ChangeEntity::Duty
        | ChangeEntity::Liaison
        | ChangeEntity::DuesBasis
        | ChangeEntity::DuesRelief
        | ChangeEntity::DuesArrangement
        | ChangeEntity::DuesPayment => &[],
    }
}

/// Whether packages carry records of `entity` (it has rows to carry).
pub fn carried(entity: ChangeEntity) -> bool {
    !parts(entity).is_empty()
}

/// Every table whose ids must not collide between installations that exchange packages.
pub const ID_TABLES: &[&str] = &[
    "organizations",
    "organization_links",
    "members",
    "member_events",
    "memberships",
    "member_periods",
    "disciplines",
    "member_illnesses",
    "transfers",
    "evaluations",
    "evaluation_rounds",
    "cards",
    "badges",
    "badge_proposals",
    "candidate_steps",
    // The cell's year (package format 2): carried with their ids.
    "meetings",
    "duties",
    "residence_liaisons",
    "dues_bases",
    "dues_reliefs",
    "dues_arrangements",
    "dues_payments",
];

/// Columns that name an organisation: the package carries the organisations they refer to.
pub fn names_organization(column: &str) -> bool {
    matches!(column, "organization_id" | "parent_id" | "successor_id")
        || column.ends_with("_org_id")
}

/// The version a record's own row stands for (badges have none: awarded 1, returned 2).
pub fn version_of(entity: ChangeEntity, row: &Row) -> i64 {
    match entity {
        ChangeEntity::Badge => {
            if row.get("returned_on").is_some_and(|v| !v.is_null()) {
                2
            } else {
                1
            }
        }
        _ => row
            .get("version")
            .and_then(serde_json::Value::as_i64)
            .unwrap_or(0),
    }
}
