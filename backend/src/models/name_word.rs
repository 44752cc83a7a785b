//! The word index of members' folded names: name search at national scale starts from its words'
//! entries (see [`super::name_leapfrog`]) instead of walking every member in name order.

use diesel::prelude::*;
use qldv_api_types::MemberId;

use crate::db::schema::member_name_words as w;
use crate::db::DbConn;
use crate::error::AppResult;

/// Above this many names starting a word with the query's rarest term, collecting and sorting
/// them costs more than intersecting the terms in name order or walking the name order.
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

/// Replaces a member's words (after a change of name).
pub fn set(
    conn: &mut DbConn,
    member_id: MemberId,
    name_folded: &str,
    sort_key: &str,
) -> AppResult<()> {
    diesel::delete(w::table.filter(w::member_id.eq(member_id))).execute(conn)?;
    add(conn, member_id, name_folded, sort_key)
}

/// Writes the words of a member who has none yet (a new record), in one statement.
pub fn add(
    conn: &mut DbConn,
    member_id: MemberId,
    name_folded: &str,
    sort_key: &str,
) -> AppResult<()> {
    add_all(conn, [(member_id, name_folded, sort_key)])
}

/// Writes the words of members who have none yet: `(id, folded name, sort key)` each.
pub fn add_all<'a>(
    conn: &mut DbConn,
    names: impl IntoIterator<Item = (MemberId, &'a str, &'a str)>,
) -> AppResult<()> {
    use crate::db::bulk::{Batch, Lit};
    let names: Vec<_> = names.into_iter().collect();
    let columns = ["word", "name_sort_key", "member_id"];
    let mut batch = Batch::new(conn, "member_name_words", &columns).for_rows(names.len() * 3);
    for (member_id, name_folded, sort_key) in names {
        for word in words_of(name_folded) {
            if batch.push(&[Lit::from(word), Lit::from(sort_key), Lit::from(member_id)]) {
                batch.flush(conn)?;
            }
        }
    }
    batch.flush(conn)
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

/// The term of a search with the fewest names, and how many (capped at [`DENSE`]), by the
/// statistics.
pub fn rarest(conn: &mut DbConn, words: &[String]) -> AppResult<Option<(Term, i64)>> {
    let mut out: Option<(Term, i64)> = None;
    for term in terms(words).into_iter().rev() {
        let n = count(conn, &term.word, term.prefix)?.min(DENSE);
        if out.as_ref().is_none_or(|(_, b)| n < *b) {
            out = Some((term, n));
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
