//! How a sync package's cell's-year sets (a meeting and its attendance sheet, a member's dues
//! entries, a cell's payments of a sheet month, …) are compared with what a receiver holds, and
//! from which month the receiver settles a member's dues again (docs/rules.md, "Sync packages: the cell's year").
//!
//! These records have no version: a set is replaced as a whole when it differs from the one
//! held here, and left alone when it is the same. "The same" ignores what is local to an
//! installation (the user who entered a row: users are not synced) and how each engine writes
//! a timestamp.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use qldv_api_types::month::Month;
use serde_json::{Map, Value};

/// Columns naming a user of one installation: never sent, never compared.
pub const LOCAL_COLUMNS: &[&str] = &["entered_by", "written_by"];

/// A timestamp as either engine writes it (`2026-12-07T05:16:00.5` on PostgreSQL's JSON,
/// `2026-12-07 05:16:00.500000` on SQLite), if `text` is one.
pub fn timestamp(text: &str) -> Option<NaiveDateTime> {
    let text = text.replace('T', " ");
    NaiveDateTime::parse_from_str(text.trim_end_matches('Z'), "%Y-%m-%d %H:%M:%S%.f").ok()
}

/// A row as compared: without the local columns, timestamps in one spelling.
pub fn canonical(row: &Map<String, Value>) -> Map<String, Value> {
    row.iter()
        .filter(|(column, _)| !LOCAL_COLUMNS.contains(&column.as_str()))
        .map(|(column, value)| {
            let value = match value.as_str().and_then(timestamp) {
                Some(t) => Value::String(t.format("%Y-%m-%d %H:%M:%S%.6f").to_string()),
                None => value.clone(),
            };
            (column.clone(), value)
        })
        .collect()
}

/// Whether two sets of rows are the same set (in any order), as [`canonical`] compares them.
pub fn same_rows(held: &[Map<String, Value>], incoming: &[Map<String, Value>]) -> bool {
    let key = |rows: &[Map<String, Value>]| -> BTreeSet<String> {
        rows.iter()
            .map(|r| Value::Object(canonical(r)).to_string())
            .collect()
    };
    held.len() == incoming.len() && key(held) == key(incoming)
}

/// Whether a residence cell's yearly comment carried by a package replaces the one held here:
/// when none is held, or the package's was written later (the residence cell wrote it again).
/// An equal or older one (the same comment relayed back, an older copy) changes nothing.
pub fn comment_replaces(held_written_at: Option<&str>, incoming_written_at: &str) -> bool {
    match held_written_at {
        None => true,
        Some(held) => match (timestamp(held), timestamp(incoming_written_at)) {
            (Some(h), Some(i)) => i > h,
            _ => false,
        },
    }
}

/// The month from which a receiver settles a member's dues again after applying a package, or
/// `None` when nothing the dues depend on changed.
///
/// `sender_first` is the sender's first settled month of the member (its `dues_months` begin
/// there: a basis, a relief, an arrangement or a sheet reached it); `held_first` the receiver's;
/// `changed` the months of the rows the package changed here (a basis's month, a relief's or an
/// arrangement's first month, a payment's first month). When the first months differ, the
/// receiver settles from the earlier of the two, which rewrites every month either side holds
/// and starts no earlier than the sender's rows unless the receiver's own already do. When they
/// agree, it settles from the earliest month changed, never before the sender's first (the
/// sender has no row there: an entry dated earlier, e.g. a basis of years ago entered when
/// dues began to be kept, settled nothing before it). Settling nothing when the entries and the
/// first months agree is what makes applying a package twice change nothing.
pub fn recompute_from(
    sender_first: Option<Month>,
    held_first: Option<Month>,
    changed: &[Month],
) -> Option<Month> {
    if sender_first != held_first {
        return sender_first.into_iter().chain(held_first).min();
    }
    changed
        .iter()
        .map(|c| sender_first.map_or(*c, |s| (*c).max(s)))
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn row(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    #[test]
    fn a_row_is_the_same_whoever_entered_it_and_whichever_engine_wrote_the_time() {
        let pg = row(json!({"id": 7, "entered_by": 3, "entered_at": "2026-12-07T05:16:00.5"}));
        let sqlite =
            row(json!({"id": 7, "entered_by": null, "entered_at": "2026-12-07 05:16:00.500000"}));
        assert!(same_rows(std::slice::from_ref(&pg), &[sqlite]));
        let other = row(json!({"id": 7, "entered_by": 3, "entered_at": "2026-12-07T05:16:01"}));
        assert!(!same_rows(&[pg], &[other]));
    }

    #[test]
    fn a_set_with_a_line_more_or_less_differs() {
        let a = row(json!({"meeting_id": 1, "member_id": 2, "value": "present"}));
        let b = row(json!({"meeting_id": 1, "member_id": 3, "value": "absent"}));
        assert!(!same_rows(
            std::slice::from_ref(&a),
            &[a.clone(), b.clone()]
        ));
        assert!(!same_rows(&[a.clone(), a.clone()], &[a.clone(), b]));
        assert!(same_rows(&[], &[]));
    }

    #[test]
    fn a_comment_replaces_only_an_older_one() {
        assert!(comment_replaces(None, "2026-01-05 08:00:00"));
        assert!(comment_replaces(
            Some("2026-01-05 08:00:00"),
            "2026-01-06T08:00:00"
        ));
        assert!(!comment_replaces(
            Some("2026-01-05 08:00:00.000000"),
            "2026-01-05T08:00:00"
        ));
        assert!(!comment_replaces(
            Some("2026-01-06 08:00:00"),
            "2026-01-05 08:00:00"
        ));
        assert!(!comment_replaces(Some("2026-01-06 08:00:00"), "soon"));
    }

    fn m(yyyymm: i32) -> Month {
        Month::from_yyyymm(yyyymm).unwrap_or(Month {
            year: 2026,
            month: 1,
        })
    }

    #[test]
    fn nothing_is_settled_again_when_nothing_changed_and_the_first_months_agree() {
        assert_eq!(recompute_from(Some(m(202603)), Some(m(202603)), &[]), None);
        assert_eq!(recompute_from(None, None, &[]), None);
        assert_eq!(
            recompute_from(Some(m(202603)), None, &[]),
            Some(m(202603)),
            "a sheet without a payment of the member settled them there"
        );
        assert_eq!(
            recompute_from(Some(m(202605)), Some(m(202604)), &[m(202607)]),
            Some(m(202604))
        );
        assert_eq!(
            recompute_from(Some(m(202601)), None, &[m(202501)]),
            Some(m(202601)),
            "a basis of 2025 the sender settled from 2026 on only"
        );
        assert_eq!(
            recompute_from(Some(m(202601)), Some(m(202601)), &[m(202610), m(202501)]),
            Some(m(202601))
        );
        assert_eq!(
            recompute_from(Some(m(202601)), Some(m(202601)), &[m(202610)]),
            Some(m(202610)),
            "a corrected October sheet settles from October"
        );
    }

    fn month() -> impl Strategy<Value = Month> {
        (1990i32..2040, 1u32..=12).prop_map(|(y, mo)| Month { year: y, month: mo })
    }

    proptest! {
        /// The sets compare the same in any order, and a set is always the same as itself.
        #[test]
        fn sets_compare_in_any_order(ids in proptest::collection::btree_set(0i64..1000, 0..20), rot in 0usize..20) {
            let rows: Vec<Map<String, Value>> = ids.iter().map(|i| row(json!({"id": i, "entered_by": i % 3}))).collect();
            let mut turned = rows.clone();
            if !turned.is_empty() {
                let by = rot % turned.len();
                turned.rotate_left(by);
            }
            prop_assert!(same_rows(&rows, &turned));
            prop_assert!(same_rows(&rows, &rows));
        }

        /// When the dues are settled again, every month either side settled and every changed
        /// month the sender settled is rewritten, and nothing is settled before the first month
        /// of either side.
        #[test]
        fn settling_rewrites_what_changed_and_starts_no_earlier_than_either_side(
            sender in proptest::option::of(month()),
            held in proptest::option::of(month()),
            changed in proptest::collection::vec(month(), 0..5),
        ) {
            match recompute_from(sender, held, &changed) {
                None => prop_assert!(changed.is_empty() && sender == held),
                Some(from) => {
                    for first in sender.into_iter().chain(held) {
                        prop_assert!(from <= first);
                    }
                    for c in &changed {
                        if sender.is_some_and(|s| *c >= s) {
                            prop_assert!(from <= *c);
                        }
                    }
                    let floor = sender.into_iter().chain(held).min();
                    prop_assert!(floor.is_none_or(|f| from >= f));
                }
            }
        }
    }
}
