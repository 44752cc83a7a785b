//! The member list and its search: which way a query goes, by the size of what it searches.
//!
//! - No name words, or an organisation under [`SMALL_SUBTREE`] members: walk the members in name
//!   order (the scope's `(org_path, name_sort_key, id)` index), filtering as it goes.
//! - Otherwise start from the query's rarest term in the word index ([`name_word`]): when it has
//!   few names, collect them and sort; when it is a whole word (every word but the last is one,
//!   and so is a last word that no other word starts with), walk its entries, already in name
//!   order, a chunk at a time; when it is neither but under [`name_word::DENSE`], collect and
//!   sort; when every term is dense, walk the name order (the matches are then close together).

use diesel::prelude::*;

use super::member::{after_name, like_escape, scoped, Boxed, MemberFilter, MemberRow};
use super::name_word;
use crate::auth::Scope;
use crate::db::schema::{member_name_words as w, members};
use crate::db::DbConn;
use crate::error::AppResult;

/// An organisation with fewer members than this is searched by walking it in name order.
const SMALL_SUBTREE: i64 = 20_000;
/// Entries of the rarest word read per step of the ordered walk.
const CHUNK: i64 = 500;

/// How a list query is answered.
enum Plan {
    /// Walk the members in name order.
    Walk,
    /// Only the names with this term, collected and sorted.
    Collect(name_word::Term),
    /// This whole word's entries, walked in name order.
    Ordered(String),
}

/// Every filter but the name order's keyset.
fn filtered<'a>(scope: &Scope, filter: &MemberFilter) -> Boxed<'a> {
    let mut q = scoped(scope);
    if let Some(path) = &filter.subtree_path {
        let (lo, hi) = crate::domain::tree::subtree_range(path);
        q = q
            .filter(members::org_path.ge(lo))
            .filter(members::org_path.lt(hi));
    }
    for term in name_word::terms(&filter.name_words) {
        let w = like_escape(&term.word);
        q = if term.prefix {
            // A word of the name starts with it: at the start, or after a space.
            q.filter(
                members::name_folded
                    .like(format!("{w}%"))
                    .escape('\\')
                    .or(members::name_folded.like(format!("% {w}%")).escape('\\')),
            )
        } else {
            // A whole word of the name.
            q.filter(
                members::name_folded
                    .eq(term.word.clone())
                    .or(members::name_folded.like(format!("{w} %")).escape('\\'))
                    .or(members::name_folded.like(format!("% {w}")).escape('\\'))
                    .or(members::name_folded.like(format!("% {w} %")).escape('\\')),
            )
        };
    }
    if let Some(n) = &filter.national_id {
        q = q.filter(members::national_id.eq(n.clone()));
    }
    if let Some(c) = &filter.card_number {
        q = q.filter(members::card_number.eq(c.clone()));
    }
    if let Some(s) = &filter.status {
        q = q.filter(members::status.eq(s.clone()));
    }
    q
}

fn plan(conn: &mut DbConn, scope: &Scope, filter: &MemberFilter) -> AppResult<Plan> {
    if filter.name_words.is_empty() || filter.national_id.is_some() || filter.card_number.is_some()
    {
        return Ok(Plan::Walk);
    }
    let narrow = filter.subtree_path.as_deref().or(scope.root_path());
    if let Some(path) = narrow {
        let (lo, hi) = crate::domain::tree::subtree_range(path);
        let ids: Vec<i64> = members::table
            .filter(members::org_path.ge(lo))
            .filter(members::org_path.lt(hi))
            .select(members::id)
            .limit(SMALL_SUBTREE)
            .load(conn)?;
        if ids.len() < SMALL_SUBTREE as usize {
            return Ok(Plan::Walk);
        }
    }
    let sel = name_word::selectivity(conn, &filter.name_words)?;
    Ok(match (sel.rarest, sel.rarest_whole) {
        (Some((term, n)), _) if n < name_word::FEW => Plan::Collect(term),
        // Walking a whole word in order stops once a page is full: cheaper than collecting a
        // rarer prefix's names and sorting them.
        (_, Some((word, _))) => Plan::Ordered(word),
        (Some((term, n)), None) if n < name_word::DENSE => Plan::Collect(term),
        _ => Plan::Walk,
    })
}

fn load(q: Boxed<'_>, conn: &mut DbConn, limit: i64) -> AppResult<Vec<MemberRow>> {
    Ok(q.order((members::name_sort_key.asc(), members::id.asc()))
        .limit(limit)
        .select(MemberRow::as_select())
        .load(conn)?)
}

impl MemberRow {
    /// The same list as [`MemberRow::list`], always by walking the name order: the reference the
    /// faster ways are tested against.
    pub fn list_by_walking(
        conn: &mut DbConn,
        scope: &Scope,
        filter: &MemberFilter,
        after: Option<(String, i64)>,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        load(after_name(filtered(scope, filter), after), conn, limit)
    }

    /// Members inside the scope matching `filter`, in Vietnamese name order after a cursor.
    pub fn list(
        conn: &mut DbConn,
        scope: &Scope,
        filter: &MemberFilter,
        after: Option<(String, i64)>,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        match plan(conn, scope, filter)? {
            Plan::Walk => load(after_name(filtered(scope, filter), after), conn, limit),
            Plan::Collect(term) => {
                // [word, word + DEL] is the prefix range (folded words hold no DEL), [word, word]
                // the word itself.
                let (lo, hi) = name_word::prefix_range(&term.word);
                let hi = if term.prefix { hi } else { lo.clone() };
                let words = w::table
                    .filter(w::word.ge(lo))
                    .filter(w::word.le(hi))
                    .select(w::member_id);
                let q = filtered(scope, filter).filter(members::id.eq_any(words));
                load(after_name(q, after), conn, limit)
            }
            Plan::Ordered(word) => {
                // The other terms are checked in the word index while walking.
                let mut skipped = false;
                let others: Vec<name_word::Term> = name_word::terms(&filter.name_words)
                    .into_iter()
                    .filter(|t| {
                        let walked = !skipped && t.word == word;
                        skipped |= walked;
                        !walked
                    })
                    .collect();
                let mut rows = Vec::new();
                let mut cursor = after;
                loop {
                    let chunk = name_word::in_order(conn, &word, &others, cursor.as_ref(), CHUNK)?;
                    let Some(last) = chunk.last().cloned() else {
                        break;
                    };
                    let ids: Vec<i64> = chunk.iter().map(|(_, id)| *id).collect();
                    let want = usize::try_from(limit)
                        .unwrap_or(0)
                        .saturating_sub(rows.len());
                    // At most a chunk of rows by primary key, ordered here: no plan may walk an
                    // index instead.
                    let mut found: Vec<Self> = filtered(scope, filter)
                        .filter(members::id.eq_any(ids))
                        .select(Self::as_select())
                        .load(conn)?;
                    found.sort_by(|a, b| (&a.name_sort_key, a.id).cmp(&(&b.name_sort_key, b.id)));
                    found.truncate(want);
                    rows.extend(found);
                    if i64::try_from(rows.len()).unwrap_or(limit) >= limit
                        || i64::try_from(chunk.len()).unwrap_or(0) < CHUNK
                    {
                        break;
                    }
                    cursor = Some(last);
                }
                Ok(rows)
            }
        }
    }
}
