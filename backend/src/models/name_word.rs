//! The word index of members' folded names: name search at national scale starts from the range
//! of its rarest word instead of walking every member in name order.

use diesel::prelude::*;

use crate::db::schema::member_name_words as w;
use crate::db::DbConn;
use crate::error::AppResult;

/// Above this many names starting a word with the query's rarest word, matches are dense enough
/// that walking the name order finds a page sooner than collecting and sorting them.
pub const DENSE: i64 = 100_000;

/// Below this many, collecting a word's names and sorting them is cheaper than anything else.
pub const FEW: i64 = 2_000;

/// The words of a folded name, each once.
pub fn words_of(name_folded: &str) -> Vec<&str> {
    let mut words: Vec<&str> = name_folded.split(' ').filter(|s| !s.is_empty()).collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The range of index keys starting with `prefix` (folded words are ASCII, below DEL).
pub fn prefix_range(prefix: &str) -> (String, String) {
    (prefix.to_string(), format!("{prefix}\u{7f}"))
}

/// Replaces a member's words (after an insert or a change of name).
pub fn set(conn: &mut DbConn, member_id: i64, name_folded: &str, sort_key: &str) -> AppResult<()> {
    diesel::delete(w::table.filter(w::member_id.eq(member_id))).execute(conn)?;
    for word in words_of(name_folded) {
        diesel::insert_into(w::table)
            .values((
                w::word.eq(word),
                w::name_sort_key.eq(sort_key),
                w::member_id.eq(member_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Whether no other word starts with `word` (its prefix range is that one word), so its
/// entries, in name order, are exactly the names matching it.
pub fn prefix_closed(conn: &mut DbConn, word: &str) -> AppResult<bool> {
    let (_, hi) = prefix_range(word);
    let other: Option<String> = w::table
        .filter(w::word.gt(word))
        .filter(w::word.lt(hi))
        .select(w::word)
        .first(conn)
        .optional()?;
    Ok(other.is_none())
}

/// The next `n` entries of `word` in name order after the keyset `after` whose names also carry
/// every one of `others` (checked in the index alone): (sort key, member id).
pub fn in_order(
    conn: &mut DbConn,
    word: &str,
    others: &[Term],
    after: Option<&(String, i64)>,
    n: i64,
) -> AppResult<Vec<(String, i64)>> {
    let x = diesel::alias!(crate::db::schema::member_name_words as x);
    let mut q = w::table.filter(w::word.eq(word)).into_boxed();
    for term in others {
        let (lo, hi) = prefix_range(&term.word);
        let hi = if term.prefix { hi } else { lo.clone() };
        q = q.filter(diesel::dsl::exists(
            x.filter(x.field(w::member_id).eq(w::member_id))
                .filter(x.field(w::word).ge(lo))
                .filter(x.field(w::word).le(hi))
                .select(x.field(w::member_id)),
        ));
    }
    if let Some((key, id)) = after {
        q = q.filter(
            w::name_sort_key
                .gt(key.clone())
                .or(w::name_sort_key.eq(key.clone()).and(w::member_id.gt(*id))),
        );
    }
    Ok(q.order((w::name_sort_key.asc(), w::member_id.asc()))
        .limit(n)
        .select((w::name_sort_key, w::member_id))
        .load(conn)?)
}

/// About how many names carry `word` (or, with `prefix`, a word starting with it), from the
/// statistics of the last refresh (a word new since then counts 0: stale numbers make a search
/// slower, never wrong).
pub fn count(conn: &mut DbConn, word: &str, prefix: bool) -> AppResult<i64> {
    use crate::db::schema::member_word_stats as st;
    let (lo, hi) = prefix_range(word);
    let counts: Vec<i64> = if prefix {
        st::table
            .filter(st::word.ge(lo))
            .filter(st::word.lt(hi))
            .select(st::n)
            .load(conn)?
    } else {
        st::table
            .filter(st::word.eq(word))
            .select(st::n)
            .load(conn)?
    };
    Ok(counts.iter().sum())
}

/// How many names carry a word starting with `prefix`, by the statistics.
pub fn count_prefix(conn: &mut DbConn, prefix: &str) -> AppResult<i64> {
    count(conn, prefix, true)
}

/// Recounts the statistics from the index (at start-up and after bulk loads).
pub fn refresh_stats(conn: &mut DbConn) -> AppResult<()> {
    crate::db::write_transaction(conn, |c| {
        diesel::sql_query("DELETE FROM member_word_stats").execute(c)?;
        diesel::sql_query(
            "INSERT INTO member_word_stats (word, n) \
             SELECT word, COUNT(*) FROM member_name_words GROUP BY word",
        )
        .execute(c)?;
        Ok(())
    })
}

/// A query word as searched: every word but the last is a whole word (the user has finished
/// typing it), the last a prefix (it may still be being typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The folded word.
    pub word: String,
    /// Whether longer words starting with it match too.
    pub prefix: bool,
}

/// The terms of a search's folded words.
pub fn terms(words: &[String]) -> Vec<Term> {
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| Term {
            word: w.clone(),
            prefix: i == last,
        })
        .collect()
}

/// What the word index says of a search's terms.
#[derive(Debug, Clone, Default)]
pub struct Selectivity {
    /// The term with the fewest names and how many (capped at [`DENSE`]).
    pub rarest: Option<(Term, i64)>,
    /// The whole word (a term no longer word starts with) with the fewest names, and how many:
    /// its entries in name order are exactly its names.
    pub rarest_whole: Option<(String, i64)>,
}

/// Counts each term's names, by the statistics (capped at [`DENSE`]).
pub fn selectivity(conn: &mut DbConn, words: &[String]) -> AppResult<Selectivity> {
    let mut out = Selectivity::default();
    for term in terms(words).into_iter().rev() {
        let whole = !term.prefix || prefix_closed(conn, &term.word)?;
        let n = count(conn, &term.word, term.prefix)?.min(DENSE);
        if whole && out.rarest_whole.as_ref().is_none_or(|(_, b)| n < *b) {
            out.rarest_whole = Some((term.word.clone(), n));
        }
        if out.rarest.as_ref().is_none_or(|(_, b)| n < *b) {
            out.rarest = Some((term, n));
        }
    }
    Ok(out)
}

/// Rebuilds the whole index from the members table (after a bulk load that bypassed [`set`]).
pub fn rebuild_all(conn: &mut DbConn) -> AppResult<()> {
    diesel::delete(w::table).execute(conn)?;
    let sql = match conn {
        DbConn::Sqlite(_) => {
            "WITH RECURSIVE split(id, sort_key, word, rest) AS ( \
                SELECT id, name_sort_key, '', name_folded || ' ' FROM members \
                UNION ALL \
                SELECT id, sort_key, substr(rest, 1, instr(rest, ' ') - 1), \
                       substr(rest, instr(rest, ' ') + 1) \
                FROM split WHERE rest <> '') \
             INSERT OR IGNORE INTO member_name_words (word, name_sort_key, member_id) \
             SELECT word, sort_key, id FROM split WHERE word <> ''"
        }
        DbConn::Postgresql(_) => {
            "INSERT INTO member_name_words (word, name_sort_key, member_id) \
             SELECT DISTINCT x, name_sort_key, id \
             FROM members, unnest(string_to_array(name_folded, ' ')) AS x WHERE x <> ''"
        }
    };
    diesel::sql_query(sql).execute(conn)?;
    refresh_stats(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_split_once_each_and_ranges_cover_their_prefix() {
        assert_eq!(words_of("nguyen van  van an"), vec!["an", "nguyen", "van"]);
        let (lo, hi) = prefix_range("hu");
        for w in ["hu", "hung", "huong", "huzz"] {
            assert!(lo.as_str() <= w && w < hi.as_str(), "{w}");
        }
        for w in ["ht", "hv", "h"] {
            assert!(!(lo.as_str() <= w && w < hi.as_str()), "{w}");
        }
    }
}
