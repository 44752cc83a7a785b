//! The member list and its search: which way a query goes, by the size of what it searches.
//!
//! - No name words, or an organisation under [`SMALL_SUBTREE`] members: walk the members in name
//!   order (the scope's `(org_path, name_sort_key, id)` index), filtering as it goes.
//! - Otherwise the word index ([`name_word`]): when the query's rarest term has few names,
//!   collect them and sort; else intersect the terms' entries in name order
//!   ([`name_leapfrog`]), each a whole word or a prefix of a few words, and read only the members
//!   found; when no term can be listed (one- or two-letter prefixes of many words), collect a
//!   term under [`name_word::DENSE`] names, or walk the name order (matches are then dense).

use diesel::prelude::*;
use qldv_api_types::MemberId;

use super::member::MemberRow;
use super::member_query::{after_name, like_escape, scoped, Boxed, MemberFilter};
use super::name_leapfrog::{self, TermCursor};
use super::name_word;
use crate::auth::Scope;
use crate::db::schema::{member_name_words as w, members};
use crate::db::DbConn;
use crate::error::AppResult;

/// An organisation with fewer members than this is searched by walking it in name order.
const SMALL_SUBTREE: i64 = 20_000;

/// How a list query is answered.
enum Plan {
    /// Walk the members in name order.
    Walk,
    /// Only the names with this term, collected and sorted.
    Collect(name_word::Term),
    /// The terms' entries intersected in name order.
    Leapfrog(Vec<TermCursor>),
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
    if let Some(n) = &filter.legacy_id_no {
        q = q.filter(members::legacy_id_no.eq(n.clone()));
    }
    if let Some(c) = &filter.card_number {
        q = q.filter(members::card_number.eq(c.clone()));
    }
    if let Some(s) = filter.status {
        q = q.filter(members::status.eq(s));
    }
    q
}

fn plan(conn: &mut DbConn, scope: &Scope, filter: &MemberFilter) -> AppResult<Plan> {
    if filter.name_words.is_empty()
        || filter.national_id.is_some()
        || filter.legacy_id_no.is_some()
        || filter.card_number.is_some()
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
    let Some((rarest, n)) = name_word::rarest(conn, &filter.name_words)? else {
        return Ok(Plan::Walk);
    };
    if n < name_word::FEW {
        return Ok(Plan::Collect(rarest));
    }
    let cursors = cursors(conn, filter)?;
    Ok(if !cursors.is_empty() {
        Plan::Leapfrog(cursors)
    } else if n < name_word::DENSE {
        Plan::Collect(rarest)
    } else {
        Plan::Walk
    })
}

/// A cursor for each term of the search that can be listed.
fn cursors(conn: &mut DbConn, filter: &MemberFilter) -> AppResult<Vec<TermCursor>> {
    let mut out = Vec::new();
    for term in name_word::terms(&filter.name_words) {
        if let Some(c) = TermCursor::new(conn, &term)? {
            out.push(c);
        }
    }
    Ok(out)
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
        after: Option<(String, MemberId)>,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        load(after_name(filtered(scope, filter), after), conn, limit)
    }

    /// Members inside the scope matching `filter`, in Vietnamese name order after a cursor.
    pub fn list(
        conn: &mut DbConn,
        scope: &Scope,
        filter: &MemberFilter,
        after: Option<(String, MemberId)>,
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
            Plan::Leapfrog(mut cursors) => {
                Self::by_leapfrog(conn, scope, filter, &mut cursors, after, limit)
            }
        }
    }

    /// The same list as [`MemberRow::list`], always by intersecting the terms in name order
    /// (when at least one can be listed): for the tests, whatever the words' sizes.
    pub fn list_by_leapfrog(
        conn: &mut DbConn,
        scope: &Scope,
        filter: &MemberFilter,
        after: Option<(String, MemberId)>,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        let mut cursors = cursors(conn, filter)?;
        if cursors.is_empty() {
            return Self::list(conn, scope, filter, after, limit);
        }
        Self::by_leapfrog(conn, scope, filter, &mut cursors, after, limit)
    }

    /// Candidates from the intersection, a page's worth at a time, each checked against every
    /// filter (scope, terms not listed, status) when its record is read by primary key.
    fn by_leapfrog(
        conn: &mut DbConn,
        scope: &Scope,
        filter: &MemberFilter,
        cursors: &mut [TermCursor],
        after: Option<(String, MemberId)>,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        let limit = usize::try_from(limit).unwrap_or(0);
        let mut rows = Vec::new();
        let mut cursor = after.map(|(name, id)| (name, id.0));
        while rows.len() < limit {
            let want = (limit - rows.len()).max(50);
            let keys = name_leapfrog::intersect(conn, cursors, cursor.as_ref(), want)?;
            let Some(last) = keys.last().cloned() else {
                break;
            };
            let ids: Vec<i64> = keys.iter().map(|(_, id)| *id).collect();
            // At most a page of rows by primary key, ordered here: no plan may walk an index
            // instead.
            let mut found: Vec<Self> = filtered(scope, filter)
                .filter(members::id.eq_any(ids))
                .select(Self::as_select())
                .load(conn)?;
            found.sort_by(|a, b| (&a.name_sort_key, a.id).cmp(&(&b.name_sort_key, b.id)));
            found.truncate(limit - rows.len());
            rows.extend(found);
            if keys.len() < want {
                break;
            }
            cursor = Some(last);
        }
        Ok(rows)
    }
}
