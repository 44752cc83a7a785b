//! The building blocks of member queries: the list's filters, the keyset cursor in Vietnamese
//! name order, and the scope and subtree bounds every member query starts from.

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::members::MemberStatus;
use qldv_api_types::MemberId;

use crate::auth::Scope;
use crate::db::schema::members;
use crate::db::DbConn;

/// Filters of the member list.
#[derive(Debug, Clone, Default)]
pub struct MemberFilter {
    /// Organisation subtree (path of its root), already checked to be in scope.
    pub subtree_path: Option<String>,
    /// Folded words that must each start a word of the name.
    pub name_words: Vec<String>,
    /// Exact CCCD.
    pub national_id: Option<String>,
    /// Exact legacy CMND.
    pub legacy_id_no: Option<String>,
    /// Exact card number.
    pub card_number: Option<String>,
    /// Status.
    pub status: Option<MemberStatus>,
}

/// A boxed members query.
pub(crate) type Boxed<'a> = members::BoxedQuery<'a, <DbConn as diesel::Connection>::Backend>;

/// Members after a keyset cursor `(sort key, id)` in Vietnamese name order.
pub(crate) fn after_name(q: Boxed<'_>, after: Option<(String, MemberId)>) -> Boxed<'_> {
    match after {
        Some((key, id)) => q.filter(
            members::name_sort_key
                .gt(key.clone())
                .or(members::name_sort_key.eq(key).and(members::id.gt(id))),
        ),
        None => q,
    }
}

/// Members inside the scope and, when given, the subtree at `subtree_path` (already in scope).
pub(crate) fn within<'a>(q: Boxed<'a>, scope: &Scope, subtree_path: Option<&str>) -> Boxed<'a> {
    let mut q = q;
    for (lo, hi) in [
        scope.path_range(),
        subtree_path.map(crate::domain::tree::subtree_range),
    ]
    .into_iter()
    .flatten()
    {
        q = q
            .filter(members::org_path.ge(lo))
            .filter(members::org_path.lt(hi));
    }
    q
}

/// Members inside the scope. Candidates (issue 22) are not members: every member query starts
/// here or from [`members_only`], so none of them counts, lists, rates or exports a candidate.
pub(crate) fn scoped<'a>(scope: &Scope) -> Boxed<'a> {
    let q = members_only();
    match scope.path_range() {
        Some((lo, hi)) => q
            .filter(members::org_path.ge(lo))
            .filter(members::org_path.lt(hi)),
        None => q,
    }
}

/// Whether the period `[from, to]` (open-ended without `to`) covers `day`.
pub fn covers(from: Option<NaiveDate>, to: Option<NaiveDate>, day: NaiveDate) -> bool {
    from.is_some_and(|f| f <= day) && to.is_none_or(|t| day <= t)
}

/// Escapes `%`, `_` and `\` for a LIKE pattern.
pub(crate) fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Every member row but the candidates' (issue 22): the start of a member query without a scope.
pub(crate) fn members_only<'a>() -> Boxed<'a> {
    members::table
        .into_boxed()
        .filter(members::status.ne(MemberStatus::Candidate))
}
