//! The word index of members' folded names: name search at national scale starts from the range
//! of its rarest word instead of walking every member in name order.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use crate::db::schema::member_name_words as w;
use crate::db::DbConn;
use crate::error::AppResult;

/// Above this many names starting a word with the query's rarest word, matches are dense enough
/// that walking the name order finds a page sooner than collecting and sorting them.
pub const DENSE: i64 = 100_000;

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
pub fn set(conn: &mut DbConn, member_id: i64, name_folded: &str) -> AppResult<()> {
    diesel::delete(w::table.filter(w::member_id.eq(member_id))).execute(conn)?;
    for word in words_of(name_folded) {
        diesel::insert_into(w::table)
            .values((w::word.eq(word), w::member_id.eq(member_id)))
            .execute(conn)?;
    }
    Ok(())
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// How many index entries start with `prefix`, counted up to `cap`.
pub fn count_prefix(conn: &mut DbConn, prefix: &str, cap: i64) -> AppResult<i64> {
    let (lo, hi) = prefix_range(prefix);
    let sql = match conn {
        DbConn::Sqlite(_) => {
            "SELECT COUNT(*) AS n FROM (SELECT 1 FROM member_name_words \
             WHERE word >= ? AND word < ? LIMIT ?) t"
        }
        DbConn::Postgresql(_) => {
            "SELECT COUNT(*) AS n FROM (SELECT 1 FROM member_name_words \
             WHERE word >= $1 AND word < $2 LIMIT $3) t"
        }
    };
    let rows: Vec<Count> = diesel::sql_query(sql)
        .bind::<Text, _>(lo)
        .bind::<Text, _>(hi)
        .bind::<BigInt, _>(cap)
        .load(conn)?;
    Ok(rows.first().map(|c| c.n).unwrap_or(0))
}

/// The query word with the fewest names, and how many (capped at [`DENSE`]).
pub fn rarest<'a>(conn: &mut DbConn, words: &'a [String]) -> AppResult<Option<(&'a str, i64)>> {
    // The given name, last, is usually the rarest: counting it first lets the others stop at
    // its count.
    let mut best: Option<(&str, i64)> = None;
    for word in words.iter().rev() {
        let cap = best.map_or(DENSE, |(_, b)| b);
        let n = count_prefix(conn, word, cap)?;
        if best.is_none_or(|(_, b)| n < b) {
            best = Some((word, n));
        }
    }
    Ok(best)
}

/// Rebuilds the whole index from the members table (after a bulk load that bypassed [`set`]).
pub fn rebuild_all(conn: &mut DbConn) -> AppResult<()> {
    diesel::delete(w::table).execute(conn)?;
    let sql = match conn {
        DbConn::Sqlite(_) => {
            "WITH RECURSIVE split(id, word, rest) AS ( \
                SELECT id, '', name_folded || ' ' FROM members \
                UNION ALL \
                SELECT id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) \
                FROM split WHERE rest <> '') \
             INSERT OR IGNORE INTO member_name_words (word, member_id) \
             SELECT word, id FROM split WHERE word <> ''"
        }
        DbConn::Postgresql(_) => {
            "INSERT INTO member_name_words (word, member_id) \
             SELECT DISTINCT x, id FROM members, unnest(string_to_array(name_folded, ' ')) AS x \
             WHERE x <> ''"
        }
    };
    diesel::sql_query(sql).execute(conn)?;
    Ok(())
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
