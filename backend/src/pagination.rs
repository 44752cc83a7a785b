//! Keyset pagination: `?limit=&cursor=` in, `{items, next_cursor}` out. The cursor is the sort key
//! of the last item, opaque to callers, so pages stay stable under inserts and fast at depth.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use qldv_api_types::Page;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Default page size.
pub const DEFAULT_LIMIT: i64 = 50;
/// Largest page size.
pub const MAX_LIMIT: i64 = 500;

/// Paging parameters of every list.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Items per page (default 50, at most 500).
    #[param(minimum = 1, maximum = 500, example = 50)]
    #[serde(default, deserialize_with = "page_size")]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PageParams {
    /// The page size, clamped to `1..=500`.
    pub fn limit(&self) -> i64 {
        clamp_limit(self.limit)
    }

    /// The decoded cursor, or 400 when it was not made by this server.
    pub fn after<K: DeserializeOwned>(&self) -> Result<Option<K>, AppError> {
        match self.cursor.as_deref().filter(|c| !c.is_empty()) {
            None => Ok(None),
            Some(c) => URL_SAFE_NO_PAD
                .decode(c)
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .map(Some)
                .ok_or_else(crate::messages::requests::cursor_invalid),
        }
    }
}

/// Reads `limit`, refusing (400) a size outside `1..=500` rather than silently changing it.
pub fn page_size<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    use serde::de::Error;
    match Option::<i64>::deserialize(d)? {
        Some(n) if !(1..=MAX_LIMIT).contains(&n) => Err(D::Error::custom(
            crate::messages::requests::limit_range(MAX_LIMIT),
        )),
        other => Ok(other),
    }
}

/// Reads an optional count that may not be negative (400 otherwise).
pub fn non_negative<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    use serde::de::Error;
    match Option::<i32>::deserialize(d)? {
        Some(n) if n < 0 => Err(D::Error::custom(crate::messages::requests::negative())),
        other => Ok(other),
    }
}

/// A requested page size, or the default, clamped to `1..=500`.
pub fn clamp_limit(limit: Option<i64>) -> i64 {
    limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
}

/// Encodes a sort key as a cursor.
pub fn encode<K: Serialize>(key: &K) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(key).unwrap_or_default())
}

/// Pages a whole list held in memory (computed rather than read page by page: eligibility,
/// alerts), with the same `limit`, opaque `cursor` and `next_cursor` as the keyset lists. `key`
/// orders the items and tells any two apart, so a page starts right after the cursor's key
/// whatever was added or removed before it.
pub fn page_of_list<T, K>(
    mut items: Vec<T>,
    params: &PageParams,
    key: impl Fn(&T) -> K,
) -> Result<Page<T>, AppError>
where
    K: Ord + Serialize + DeserializeOwned,
{
    items.sort_by_key(|item| key(item));
    let after: Option<K> = params.after()?;
    let start = after.map_or(0, |k| items.partition_point(|item| key(item) <= k));
    let limit = usize::try_from(params.limit()).unwrap_or(usize::MAX);
    let mut rest: Vec<T> = items.into_iter().skip(start).collect();
    let more = rest.len() > limit;
    rest.truncate(limit);
    let next_cursor = if more {
        rest.last().map(|r| encode(&key(r)))
    } else {
        None
    };
    Ok(Page {
        items: rest,
        next_cursor,
    })
}

/// [`page_of_list`] over rows, each row of the page then turned into its view: for a short list
/// read whole (one member's history, configuration) keyed by its stored sort key.
pub fn page_of_rows<R, T, K>(
    rows: Vec<R>,
    params: &PageParams,
    key: impl Fn(&R) -> K,
    view: impl FnMut(R) -> T,
) -> Result<Page<T>, AppError>
where
    K: Ord + Serialize + DeserializeOwned,
{
    let page = page_of_list(rows, params, key)?;
    Ok(Page {
        items: page.items.into_iter().map(view).collect(),
        next_cursor: page.next_cursor,
    })
}

/// Makes a page from rows fetched with `limit + 1`: the extra row only says there is more.
pub fn page<R, T, K: Serialize>(
    mut rows: Vec<R>,
    limit: i64,
    key: impl Fn(&R) -> K,
    view: impl Fn(&R) -> T,
) -> Page<T> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next_cursor = if more {
        rows.last().map(|r| encode(&key(r)))
    } else {
        None
    };
    Page {
        items: rows.iter().map(view).collect(),
        next_cursor,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failing step is the test failing
mod tests {
    use super::*;

    fn params(limit: i64, cursor: Option<String>) -> PageParams {
        PageParams {
            limit: Some(limit),
            cursor,
        }
    }

    #[test]
    fn a_list_in_memory_is_paged_once_each_in_key_order() {
        let list: Vec<(u32, &str)> = vec![(3, "c"), (1, "a"), (5, "e"), (2, "b"), (4, "d")];
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = page_of_list(list.clone(), &params(2, cursor), |x| x.0).unwrap();
            assert!(page.items.len() <= 2);
            seen.extend(page.items.iter().map(|x| x.1));
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        assert_eq!(seen, ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn a_page_starts_after_its_cursor_even_when_that_item_is_gone() {
        let first = page_of_list(vec![1, 2, 3, 4], &params(2, None), |x| *x).unwrap();
        assert_eq!(first.items, [1, 2]);
        let rest = page_of_list(vec![1, 3, 4], &params(2, first.next_cursor), |x| *x).unwrap();
        assert_eq!(rest.items, [3, 4]);
        assert_eq!(rest.next_cursor, None);
    }

    #[test]
    fn rows_are_paged_by_their_key_then_shown_newest_first_with_a_reversed_key() {
        let rows = vec![(2024, "b"), (2026, "d"), (2025, "c")];
        let key = |r: &(i32, &str)| std::cmp::Reverse(r.0);
        let first = page_of_rows(rows.clone(), &params(2, None), key, |r| r.1).unwrap();
        assert_eq!(first.items, ["d", "c"]);
        let rest = page_of_rows(rows, &params(2, first.next_cursor), key, |r| r.1).unwrap();
        assert_eq!(rest.items, ["b"]);
        assert_eq!(rest.next_cursor, None);
    }

    #[test]
    fn a_foreign_cursor_is_refused() {
        let bad = params(2, Some("not-a-cursor".into()));
        assert!(page_of_list(vec![1, 2, 3], &bad, |x| *x).is_err());
    }
}
