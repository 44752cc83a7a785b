//! Rows, insert/update structs, and the queries that own them. Queries over scoped data take the
//! caller's [`Scope`](crate::auth::Scope).

// Defined before the modules that use it.
/// A boxed query of `T` joined with `members`.
pub(crate) type JoinedWithMembers<'a, T> = diesel::dsl::IntoBoxed<
    'a,
    diesel::dsl::InnerJoin<T, crate::db::schema::members::table>,
    <crate::db::DbConn as diesel::Connection>::Backend,
>;

/// Restricts a query joined with members to the scope and, optionally, a subtree.
macro_rules! within_members {
    ($q:expr, $scope:expr, $subtree:expr) => {{
        let mut q = $q;
        for (lo, hi) in [
            $scope.path_range(),
            $subtree.map(crate::domain::tree::subtree_range),
        ]
        .into_iter()
        .flatten()
        {
            q = q
                .filter(members::org_path.ge(lo))
                .filter(members::org_path.lt(hi));
        }
        q
    }};
}

pub mod admission_target;
pub mod api_token;
pub mod audit;
pub mod audit_chain;
pub mod badge;
pub mod badge_occasion;
pub mod badge_proposal;
pub mod calendar;
pub mod candidate;
pub mod card;
pub mod cell_roster;
pub mod change;
pub mod composition_rollup;
pub mod discipline;
pub mod discipline_remedy;
pub mod dues;
pub mod duty;
pub mod evaluation;
pub mod evaluation_round;
pub mod idempotency;
pub mod illness;
pub mod import;
pub mod liaison;
pub mod login_failure;
pub mod meeting;
pub mod member;
pub mod member_attendance;
pub mod member_case;
pub mod member_changes;
pub mod member_event;
pub mod member_identity;
pub mod member_new;
pub mod member_query;
pub mod member_search;
pub mod member_view;
pub mod name_leapfrog;
pub mod name_word;
pub mod organization;
pub mod refresh_token;
pub mod regulation;
pub mod report;
pub mod restructure;
pub mod setting;
pub mod transfer;
pub mod uow;
pub mod user;

use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};

use crate::error::AppError;

/// The current time as stored (UTC, microsecond precision on both engines).
pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc().trunc_subsecs(6)
}

/// A stored UTC timestamp as an RFC 3339 time.
pub fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(t, Utc)
}

/// 412 unless `expected` (from `If-Match`) is the current version.
pub fn check_version(expected: Option<i64>, current: i64) -> Result<i64, AppError> {
    match expected {
        Some(v) if v != current => Err(AppError::PreconditionFailed(current)),
        _ => Ok(current),
    }
}

/// Today's date in Vietnam (UTC+7): the reference date of rules and party age.
pub fn today() -> chrono::NaiveDate {
    (Utc::now() + chrono::Duration::hours(7)).date_naive()
}
