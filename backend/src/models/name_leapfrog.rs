//! Intersecting name words in name order: a leapfrog join over the word index.
//!
//! Each listed term is a cursor over its entries in `(name_sort_key, member_id)` order (the word
//! index's key after the word); a prefix term is the union of the few words it starts. The
//! cursors take turns seeking to the furthest head among them: when all heads are the same entry,
//! that member carries every term. Vietnamese name order puts the given name first, so the names
//! a query such as "nguyen van hung" wants sit together ("hung nguyen van…"), and one seek skips
//! every "Hùng" of another family: the work follows the matches, not the size of the words.

use std::collections::VecDeque;

use diesel::prelude::*;

use super::name_word::{prefix_range, Term};
use crate::db::schema::member_name_words as w;
use crate::db::DbConn;
use crate::error::AppResult;

/// A place in name order: (sort key, member id).
pub type Key = (String, i64);

/// A prefix that starts more words than this is not listed (it is left to the final filter).
pub const MAX_WORDS: usize = 24;

/// Entries read per refill of one word's buffer.
const REFILL: i64 = 64;

/// One word's entries from some point on, read a buffer at a time.
struct WordCursor {
    word: String,
    buf: VecDeque<Key>,
    /// The last refill returned fewer than asked: nothing lies past the buffer.
    at_end: bool,
}

impl WordCursor {
    /// The first entry at or after `target` (after it when `strict`), or `None` past the end.
    fn seek(&mut self, conn: &mut DbConn, target: &Key, strict: bool) -> AppResult<Option<Key>> {
        let before = |k: &Key| if strict { k <= target } else { k < target };
        while self.buf.front().is_some_and(before) {
            self.buf.pop_front();
        }
        if self.buf.is_empty() && !self.at_end {
            let (key, id) = target;
            let after_id = if strict { *id } else { id.saturating_sub(1) };
            let rows: Vec<Key> = w::table
                .filter(w::word.eq(&self.word))
                .filter(w::name_sort_key.ge(key))
                .filter(w::name_sort_key.gt(key).or(w::member_id.gt(after_id)))
                .order((w::name_sort_key.asc(), w::member_id.asc()))
                .limit(REFILL)
                .select((w::name_sort_key, w::member_id))
                .load(conn)?;
            self.at_end = i64::try_from(rows.len()).unwrap_or(0) < REFILL;
            self.buf = rows.into();
        }
        Ok(self.buf.front().cloned())
    }
}

/// The first word of the index from `from` (after it when `strict`) and before `hi`: one seek.
fn next_word(conn: &mut DbConn, from: &str, strict: bool, hi: &str) -> AppResult<Option<String>> {
    let q = w::table.filter(w::word.lt(hi)).into_boxed();
    let q = if strict {
        q.filter(w::word.gt(from))
    } else {
        q.filter(w::word.ge(from))
    };
    Ok(q.select(w::word)
        .order(w::word.asc())
        .first(conn)
        .optional()?)
}

/// One term: the union of its words' entries.
pub struct TermCursor {
    words: Vec<WordCursor>,
}

impl TermCursor {
    /// A cursor over `term`'s entries: its word, or every word it starts (`None` when a prefix
    /// starts more than [`MAX_WORDS`] words). The words are read from the index itself, one
    /// seek each, so a word added a moment ago is among them.
    pub fn new(conn: &mut DbConn, term: &Term) -> AppResult<Option<Self>> {
        let words = if term.prefix {
            let (lo, hi) = prefix_range(&term.word);
            let mut words: Vec<String> = Vec::new();
            while let Some(word) = next_word(
                conn,
                words.last().map_or(&lo, |w| w),
                !words.is_empty(),
                &hi,
            )? {
                if words.len() == MAX_WORDS {
                    return Ok(None);
                }
                words.push(word);
            }
            words
        } else {
            vec![term.word.clone()]
        };
        Ok(Some(Self {
            words: words
                .into_iter()
                .map(|word| WordCursor {
                    word,
                    buf: VecDeque::new(),
                    at_end: false,
                })
                .collect(),
        }))
    }

    fn seek(&mut self, conn: &mut DbConn, target: &Key, strict: bool) -> AppResult<Option<Key>> {
        let mut best: Option<Key> = None;
        for c in &mut self.words {
            if let Some(k) = c.seek(conn, target, strict)? {
                if best.as_ref().is_none_or(|b| k < *b) {
                    best = Some(k);
                }
            }
        }
        Ok(best)
    }
}

/// The next `want` entries after `after` (in name order) that every cursor holds.
pub fn intersect(
    conn: &mut DbConn,
    cursors: &mut [TermCursor],
    after: Option<&Key>,
    want: usize,
) -> AppResult<Vec<Key>> {
    let mut out = Vec::new();
    if cursors.is_empty() {
        return Ok(out);
    }
    let (mut target, mut strict) = match after {
        Some(k) => (k.clone(), true),
        None => ((String::new(), i64::MIN), false),
    };
    while out.len() < want {
        let mut heads = Vec::with_capacity(cursors.len());
        for c in cursors.iter_mut() {
            match c.seek(conn, &target, strict)? {
                Some(k) => heads.push(k),
                None => return Ok(out),
            }
        }
        let furthest = heads.iter().max().cloned().unwrap_or_default();
        if heads.iter().all(|h| *h == furthest) {
            out.push(furthest.clone());
            strict = true;
        } else {
            strict = false;
        }
        target = furthest;
    }
    Ok(out)
}
