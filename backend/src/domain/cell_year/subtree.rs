//! The dues report's kept subtree sums (`dues_subtree_months`): for every organisation path
//! that a cell-month's path (as it was that month) starts with — the cell's own path included —
//! and every month, the sums of those cell-months. A report of any subtree then reads one row
//! per subordinate organisation and month instead of every cell-month under it.
//!
//! The rows are kept by differences: a rewrite of cell-months takes each old row off the
//! prefixes of its old path and adds the new one to the prefixes of its new path
//! ([`deltas`]); a row whose count of cell-months falls to zero is gone, so a subtree has a row
//! exactly when some cell-month lies under it ([`rollup`] is the same thing from scratch).

use std::collections::BTreeMap;

use super::ledger::Totals;

/// One cell-month's or one subtree-month's sums.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sums {
    /// Cell-months added up (1 for a cell-month).
    pub cell_months: i64,
    /// Members with dues in force.
    pub members: i64,
    /// Due, paid, deferred, in arrears, extra.
    pub totals: Totals,
    /// Members with arrears.
    pub unpaid_members: i64,
}

impl Sums {
    /// Adds `o` (`sign` 1) or takes it off (`sign` −1).
    pub fn add(&mut self, o: &Sums, sign: i64) {
        self.cell_months += sign * o.cell_months;
        self.members += sign * o.members;
        self.totals.due += sign * o.totals.due;
        self.totals.paid += sign * o.totals.paid;
        self.totals.deferred += sign * o.totals.deferred;
        self.totals.arrears += sign * o.totals.arrears;
        self.totals.extra += sign * o.totals.extra;
        self.unpaid_members += sign * o.unpaid_members;
    }

    /// Nothing at all.
    pub fn is_zero(&self) -> bool {
        *self == Sums::default()
    }
}

/// The paths a cell-month at `path` is summed under, root first, `path` itself last:
/// `/1/7/9/` → `/1/`, `/1/7/`, `/1/7/9/`. A path is `/`-separated segments with a leading and a
/// trailing `/`.
pub fn prefixes(path: &str) -> Vec<&str> {
    path.char_indices()
        .filter(|(i, c)| *c == '/' && *i > 0)
        .map(|(i, _)| &path[..=i])
        .collect()
}

/// The path one level up: `/1/7/` → `/1/`; `/1/` → `/`.
pub fn parent(path: &str) -> &str {
    let stem = path.strip_suffix('/').unwrap_or(path);
    match stem.rfind('/') {
        Some(i) => &path[..=i],
        None => "",
    }
}

/// A cell-month rewritten: its month, and its path and sums before and after (`None`: no row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The month (`yyyymm`).
    pub month: i32,
    /// The row before.
    pub old: Option<(String, Sums)>,
    /// The row after.
    pub new: Option<(String, Sums)>,
}

/// What each subtree-month gains (or loses) from `changes`, keyed by (path, month) in order;
/// the keys whose difference is nothing are left out.
pub fn deltas(changes: &[Change]) -> BTreeMap<(String, i32), Sums> {
    let mut out: BTreeMap<(String, i32), Sums> = BTreeMap::new();
    for c in changes {
        for (side, sign) in [(&c.old, -1), (&c.new, 1)] {
            if let Some((path, sums)) = side {
                for p in prefixes(path) {
                    out.entry((p.to_string(), c.month))
                        .or_default()
                        .add(sums, sign);
                }
            }
        }
    }
    out.retain(|_, s| !s.is_zero());
    out
}

/// The subtree-months of a set of cell-months (path, month, sums), from scratch.
pub fn rollup<'a>(
    cell_months: impl IntoIterator<Item = (&'a str, i32, Sums)>,
) -> BTreeMap<(String, i32), Sums> {
    let mut out: BTreeMap<(String, i32), Sums> = BTreeMap::new();
    for (path, month, sums) in cell_months {
        for p in prefixes(path) {
            out.entry((p.to_string(), month)).or_default().add(&sums, 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sums(members: i64, paid: i64, deferred: i64, arrears: i64) -> Sums {
        Sums {
            cell_months: 1,
            members,
            totals: Totals {
                due: paid + deferred + arrears,
                paid,
                deferred,
                arrears,
                extra: 0,
            },
            unpaid_members: i64::from(arrears > 0),
        }
    }

    #[test]
    fn a_path_is_summed_under_each_of_its_ancestors_and_itself() {
        assert_eq!(prefixes("/1/7/9/"), vec!["/1/", "/1/7/", "/1/7/9/"]);
        assert_eq!(prefixes("/1/"), vec!["/1/"]);
        assert_eq!(parent("/1/7/9/"), "/1/7/");
        assert_eq!(parent("/1/"), "/");
    }

    #[test]
    fn a_cell_moved_takes_its_month_off_the_old_subtree_and_adds_it_to_the_new() {
        let s = sums(3, 100, 0, 50);
        let d = deltas(&[Change {
            month: 202603,
            old: Some(("/1/7/9/".into(), s)),
            new: Some(("/1/8/9/".into(), s)),
        }]);
        // The root's month is unchanged, so it is not written at all.
        assert!(!d.contains_key(&("/1/".to_string(), 202603)));
        let mut minus = Sums::default();
        minus.add(&s, -1);
        assert_eq!(d.get(&("/1/7/".to_string(), 202603)), Some(&minus));
        assert_eq!(d.get(&("/1/8/9/".to_string(), 202603)), Some(&s));
        assert_eq!(d.len(), 4);
    }

    #[test]
    fn a_cell_month_that_ends_with_its_sums_unchanged_writes_nothing() {
        let s = sums(2, 10, 5, 0);
        let same = Change {
            month: 202601,
            old: Some(("/1/2/".into(), s)),
            new: Some(("/1/2/".into(), s)),
        };
        assert!(deltas(&[same]).is_empty());
    }

    fn path() -> impl Strategy<Value = String> {
        prop::collection::vec(1_u8..4, 0..3).prop_map(|segs| {
            let mut p = "/1/".to_string();
            for s in segs {
                p.push_str(&format!("{s}/"));
            }
            p
        })
    }

    fn row() -> impl Strategy<Value = (u8, i32, String, Sums)> {
        (
            0_u8..4,
            202601_i32..202604,
            path(),
            0_i64..5,
            0_i64..1000,
            0_i64..300,
            0_i64..300,
        )
            .prop_map(|(cell, m, p, n, paid, def, arr)| (cell, m, p, sums(n, paid, def, arr)))
    }

    proptest! {
        /// Rewriting cell-months one batch after another and keeping the subtree sums by
        /// differences ends where summing the final cell-months from scratch does; every kept
        /// row balances and counts at least one cell-month.
        #[test]
        fn kept_differences_equal_the_sums_from_scratch(
            batches in prop::collection::vec(prop::collection::vec((row(), any::<bool>()), 1..6), 1..6)
        ) {
            let mut cells: BTreeMap<(u8, i32), (String, Sums)> = BTreeMap::new();
            let mut kept: BTreeMap<(String, i32), Sums> = BTreeMap::new();
            for batch in batches {
                let mut changes = Vec::new();
                for ((cell, month, path, s), delete) in batch {
                    let old = cells.get(&(cell, month)).cloned();
                    let new = (!delete).then(|| (path.clone(), s));
                    match &new {
                        Some(n) => cells.insert((cell, month), n.clone()),
                        None => cells.remove(&(cell, month)),
                    };
                    changes.push(Change { month, old, new });
                }
                for (k, d) in deltas(&changes) {
                    let e = kept.entry(k.clone()).or_default();
                    e.add(&d, 1);
                    if e.cell_months == 0 {
                        prop_assert!(e.is_zero());
                        kept.remove(&k);
                    }
                }
            }
            let scratch = rollup(cells.iter().map(|((_, m), (p, s))| (p.as_str(), *m, *s)));
            prop_assert_eq!(&kept, &scratch);
            for s in kept.values() {
                prop_assert!(s.totals.balances());
                prop_assert!(s.cell_months > 0);
            }
        }
    }
}
