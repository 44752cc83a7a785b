//! The organisation tree as materialised paths: `/1/17/342/` is organisation 342 under 17 under 1.
//!
//! A subtree is every path that starts with its root's path. Because `'/'` is followed by `'0'` in
//! byte order, that is the range `[path, path without its last '/' + "0")`, which a plain B-tree
//! index answers on both engines (PostgreSQL with `COLLATE "C"`).

use super::Violation;
use crate::messages::text;

/// The path of a root organisation.
pub fn root_path(id: impl Into<i64>) -> String {
    format!("/{}/", id.into())
}

/// The path of a child of `parent_path`.
pub fn child_path(parent_path: &str, id: impl Into<i64>) -> String {
    format!("{parent_path}{}/", id.into())
}

/// Depth of a path (a root is 0).
pub fn depth(path: &str) -> i32 {
    let segments = path.split('/').filter(|s| !s.is_empty()).count();
    i32::try_from(segments)
        .unwrap_or(i32::MAX)
        .saturating_sub(1)
}

/// Whether `path` is `ancestor` or below it.
pub fn is_within(path: &str, ancestor: &str) -> bool {
    path.starts_with(ancestor)
}

/// `[low, high)` bounds of every path in the subtree rooted at `path` (itself included).
pub fn subtree_range(path: &str) -> (String, String) {
    let stem = path.strip_suffix('/').unwrap_or(path);
    (path.to_string(), format!("{stem}0"))
}

/// The ids along a path, root first.
pub fn ids(path: &str) -> Vec<i64> {
    path.split('/')
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect()
}

/// The paths of the organisations strictly above `path`, root first:
/// `/1/17/342/` → `/1/`, `/1/17/`.
pub fn ancestor_paths(path: &str) -> Vec<String> {
    let ids = ids(path);
    let mut out = Vec::with_capacity(ids.len());
    let mut at = String::from("/");
    for id in ids.iter().take(ids.len().saturating_sub(1)) {
        at.push_str(&format!("{id}/"));
        out.push(at.clone());
    }
    out
}

/// The new path of `path` when the subtree at `old_root` moves to `new_root` (a path rewrite).
pub fn rebase(path: &str, old_root: &str, new_root: &str) -> Option<String> {
    path.strip_prefix(old_root)
        .map(|rest| format!("{new_root}{rest}"))
}

/// Facts about an organisation kind that the tree rules need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindFacts {
    /// The kind's code.
    pub code: String,
    /// Conventional order from the top of the tree.
    pub sort_order: i32,
    /// Whether members are registered directly in it (cells): such a node has no children.
    pub holds_members: bool,
}

/// Whether an organisation of kind `child` may be placed under one of kind `parent`.
///
/// Depth is variable (a province may hold communes directly or, in older data, districts first),
/// but a kind never sits under a kind that is conventionally below or level with it, and cells are
/// leaves.
pub fn check_child_kind(parent: &KindFacts, child: &KindFacts) -> Result<(), Violation> {
    if parent.holds_members {
        return Err(Violation::new(
            "invalid_parent_kind",
            text!(
                "Tổ chức loại '{}' là chi bộ, không có tổ chức trực thuộc",
                "An organisation of kind '{}' is a cell and holds no organisations",
                parent.code
            ),
        ));
    }
    if child.sort_order <= parent.sort_order {
        return Err(Violation::new(
            "invalid_parent_kind",
            text!(
                "Tổ chức loại '{}' không thể trực thuộc tổ chức loại '{}'",
                "An organisation of kind '{}' cannot sit under one of kind '{}'",
                child.code,
                parent.code
            ),
        ));
    }
    Ok(())
}

/// Kinds that sit below a grassroots organisation (tổ chức cơ sở đảng).
const BELOW_GRASSROOTS: [&str; 2] = ["cell", "sub_committee"];

/// The grassroots organisation of a member's cell, from its chain of ancestors (root first,
/// the cell last, as `(id, kind)`): the nearest organisation that is not a cell or a
/// sub-committee (a grassroots committee, a grassroots cell, or the committee a cell sits under
/// directly).
pub fn grassroots_of(chain: &[(i64, &str)]) -> Option<i64> {
    chain
        .iter()
        .rev()
        .find(|(_, kind)| !BELOW_GRASSROOTS.contains(kind))
        .map(|(id, _)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kind(code: &str, sort_order: i32, holds_members: bool) -> KindFacts {
        KindFacts {
            code: code.into(),
            sort_order,
            holds_members,
        }
    }

    #[test]
    fn the_paths_above_an_organisation() {
        assert_eq!(ancestor_paths("/1/17/342/"), ["/1/", "/1/17/"]);
        assert!(ancestor_paths("/1/").is_empty());
    }

    #[test]
    fn the_grassroots_organisation_of_a_cell() {
        let chain = [
            (1, "province"),
            (2, "commune"),
            (3, "grassroots_committee"),
            (4, "sub_committee"),
            (5, "cell"),
        ];
        assert_eq!(grassroots_of(&chain), Some(3));
        assert_eq!(grassroots_of(&chain[..3]), Some(3));
        assert_eq!(
            grassroots_of(&[(1, "province"), (7, "grassroots_cell")]),
            Some(7)
        );
        assert_eq!(grassroots_of(&[(1, "commune"), (9, "cell")]), Some(1));
        assert_eq!(grassroots_of(&[(9, "cell")]), None);
    }

    #[test]
    fn paths_and_depths() {
        assert_eq!(root_path(1), "/1/");
        assert_eq!(child_path("/1/", 17), "/1/17/");
        assert_eq!(depth("/1/"), 0);
        assert_eq!(depth("/1/17/342/"), 2);
        assert_eq!(ids("/1/17/342/"), vec![1, 17, 342]);
        assert_eq!(subtree_range("/1/17/"), ("/1/17/".into(), "/1/170".into()));
    }

    #[test]
    fn a_sibling_with_a_longer_id_is_not_inside() {
        assert!(is_within("/1/17/342/", "/1/17/"));
        assert!(!is_within("/1/170/", "/1/17/"));
        let (lo, hi) = subtree_range("/1/17/");
        let sibling = "/1/170/";
        assert!(!(sibling >= lo.as_str() && sibling < hi.as_str()));
    }

    #[test]
    fn moving_a_subtree_rewrites_its_paths() {
        assert_eq!(
            rebase("/1/17/342/", "/1/17/", "/1/5/17/").as_deref(),
            Some("/1/5/17/342/")
        );
        assert_eq!(rebase("/1/18/", "/1/17/", "/1/5/17/"), None);
    }

    #[test]
    fn cells_are_leaves_and_kinds_go_downwards() {
        let province = kind("province", 20, false);
        let commune = kind("commune", 40, false);
        let cell = kind("cell", 70, true);
        assert!(check_child_kind(&province, &commune).is_ok());
        assert!(check_child_kind(&province, &cell).is_ok());
        assert_eq!(
            check_child_kind(&commune, &province).map_err(|v| v.code),
            Err("invalid_parent_kind")
        );
        assert!(check_child_kind(&cell, &cell).is_err());
        assert!(check_child_kind(&commune, &commune).is_err());
    }

    fn path_strategy() -> impl Strategy<Value = String> {
        proptest::collection::vec(1i64..100_000, 1..7).prop_map(|ids| {
            ids.iter()
                .fold(String::from("/"), |p, id| format!("{p}{id}/"))
        })
    }

    proptest! {
        /// The range query and the prefix test agree for every pair of paths.
        #[test]
        fn range_equals_prefix(a in path_strategy(), b in path_strategy()) {
            let (lo, hi) = subtree_range(&a);
            let in_range = b.as_str() >= lo.as_str() && b.as_str() < hi.as_str();
            prop_assert_eq!(in_range, is_within(&b, &a));
        }

        /// Depth is the number of ids minus one, and a child is one deeper.
        #[test]
        fn child_is_one_deeper(a in path_strategy(), id in 1i64..1_000_000) {
            prop_assert_eq!(depth(&child_path(&a, id)), depth(&a) + 1);
            prop_assert_eq!(ids(&a).len() as i32 - 1, depth(&a));
        }
    }
}
