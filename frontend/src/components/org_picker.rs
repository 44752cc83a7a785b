//! Choosing an organisation of the caller's scope: a search box that finds it by name with or
//! without diacritics ("ha noi" finds "Hà Nội", "dong" finds "Đông"), over a select of the tree
//! (indented while nothing is typed; each match with its parent's name when searching). Enter in
//! the search box takes the first match.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use qldv_api_types::organizations::Organization;
use qldv_api_types::Page;

use crate::api;
use crate::i18n::{use_lang, Text, Ux};
use crate::session;
use crate::text;

thread_local! {
    /// The organisations of the scope, read once per scope root (the tree changes rarely, and
    /// every picker and confirmation on a page shares them).
    static SCOPE: RefCell<Option<(Option<i64>, Vec<Organization>)>> = const { RefCell::new(None) };
}

/// Every organisation of the caller's scope, in tree order (the subtree of the user's
/// organisation, or of each top organisation for a national account).
async fn load_scope(root: Option<i64>) -> Vec<Organization> {
    let roots: Vec<i64> = match root {
        Some(r) => vec![r],
        None => api::get::<Page<Organization>>("/organizations?limit=500")
            .await
            .map(|p| p.items.into_iter().map(|o| o.id.0).collect())
            .unwrap_or_default(),
    };
    let mut all = Vec::new();
    for r in roots {
        if let Ok(p) =
            api::get::<Page<Organization>>(&format!("/organizations/{r}/subtree?limit=500")).await
        {
            all.extend(p.items);
        }
    }
    all.sort_by(|a, b| a.path.cmp(&b.path));
    all
}

/// The root of the signed-in user's scope (`None` for a national account); read it inside a
/// component, before any `await`.
pub fn scope_root() -> Option<i64> {
    session::use_user()
        .get_untracked()
        .and_then(|u| u.organization_id.map(|o| o.0))
}

/// The organisations of the scope under `root` (see [`scope_root`]), cached per root.
pub async fn scope_orgs(root: Option<i64>) -> Vec<Organization> {
    let cached = SCOPE.with(|s| {
        s.borrow()
            .as_ref()
            .filter(|(r, _)| *r == root)
            .map(|(_, v)| v.clone())
    });
    if let Some(v) = cached {
        return v;
    }
    let v = load_scope(root).await;
    SCOPE.with(|s| *s.borrow_mut() = Some((root, v.clone())));
    v
}

/// One choice of the picker.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgEntry {
    /// The organisation's id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its parent's name (the context shown when searching).
    pub parent: Option<String>,
    /// Its depth (indentation of the tree).
    pub depth: usize,
    /// Name and parent's name, folded for the search.
    folded: String,
}

/// The choices of a list of organisations in tree order.
pub fn entries(orgs: &[Organization]) -> Vec<OrgEntry> {
    orgs.iter()
        .map(|o| {
            let parent = o
                .parent_id
                .and_then(|p| orgs.iter().find(|x| x.id == p))
                .map(|p| p.name.clone());
            OrgEntry {
                id: o.id.0,
                folded: text::fold(&format!(
                    "{} {} {}",
                    o.name,
                    o.code.as_deref().unwrap_or(""),
                    o.id
                )),
                name: o.name.clone(),
                parent,
                depth: usize::try_from(o.depth).unwrap_or(0),
            }
        })
        .collect()
}

/// The choices whose name (or code, or id) has every word of `query`, ignoring diacritics.
pub fn filter<'a>(all: &'a [OrgEntry], query: &str) -> Vec<&'a OrgEntry> {
    all.iter()
        .filter(|e| text::matches(&e.folded, query))
        .collect()
}

/// What an option reads: the tree indented while browsing, the parent named while searching.
pub fn option_label(e: &OrgEntry, searching: bool, min_depth: usize) -> String {
    match (&e.parent, searching) {
        (Some(p), true) => format!("{} — {p}", e.name),
        _ => format!(
            "{}{}",
            "\u{a0}\u{a0}".repeat(e.depth.saturating_sub(min_depth)),
            e.name
        ),
    }
}

/// A search box and a select of the organisations in scope, bound to `value` (the id as text).
/// The select carries `id` (the page's `<label for>`); the search box is labelled on its own.
#[component]
pub fn OrgPicker(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    let lang = use_lang();
    let all = RwSignal::new(Vec::<OrgEntry>::new());
    let query = RwSignal::new(String::new());
    let root = scope_root();
    spawn_local(async move {
        all.set(entries(&scope_orgs(root).await));
    });
    let shown = move || {
        let q = query.get();
        all.with(|a| {
            let min_depth = a.iter().map(|e| e.depth).min().unwrap_or(0);
            let current = value.get();
            filter(a, &q)
                .into_iter()
                .chain(a.iter().filter(|e| e.id.to_string() == current))
                .fold(Vec::<(String, String)>::new(), |mut acc, e| {
                    let v = e.id.to_string();
                    if !acc.iter().any(|(x, _)| *x == v) {
                        acc.push((v, option_label(e, !q.trim().is_empty(), min_depth)));
                    }
                    acc
                })
        })
    };
    let no_match = move || {
        !query.with(|q| q.trim().is_empty()) && all.with(|a| filter(a, &query.get()).is_empty())
    };
    let search_id = format!("{id}-search");
    view! {
        <div class="org-picker">
            <input
                id=search_id
                type="search"
                class="org-search"
                autocomplete="off"
                aria-label=move || lang.get().ux(Ux::FindOrganization)
                placeholder=move || lang.get().ux(Ux::FindOrganization)
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        // Enter takes the first match instead of sending the form.
                        ev.prevent_default();
                        let q = query.get_untracked();
                        if let Some(first) = all.with_untracked(|a| filter(a, &q).first().map(|e| e.id)) {
                            value.set(first.to_string());
                        }
                    }
                }
            />
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" selected=move || value.get().is_empty()>{move || lang.get().t(Text::ChooseOne)}</option>
                {move || shown().into_iter().map(|(v, label)| {
                    let selected = { let v = v.clone(); move || value.get() == v };
                    view! { <option value=v selected=selected>{label}</option> }
                }).collect_view()}
            </select>
            <Show when=no_match>
                <div class="field-hint" role="status">{move || lang.get().ux(Ux::NoOrganizationMatches)}</div>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(id: i64, parent: Option<i64>, name: &str, depth: i32) -> Organization {
        let parent = parent.map_or(serde_json::Value::Null, |p| p.into());
        serde_json::from_value(serde_json::json!({
            "id": id, "parent_id": parent, "kind": "cell", "name": name, "code": null,
            "path": format!("/{id}/"), "depth": depth, "valid_from": null, "valid_to": null,
            "successor_id": null, "version": 1, "updated_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn tree() -> Vec<OrgEntry> {
        entries(&[
            org(1, None, "Thành ủy Hà Nội", 0),
            org(2, Some(1), "Quận ủy Hà Đông", 1),
            org(3, Some(2), "Chi bộ khu phố Đồng Xa", 2),
            org(4, None, "Tỉnh ủy Hòa Bình", 0),
        ])
    }

    #[test]
    fn the_tree_is_found_by_name_without_diacritics() {
        let all = tree();
        let ids = |q: &str| filter(&all, q).iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(ids("ha noi"), vec![1]);
        assert_eq!(ids("Hà Nội"), vec![1]);
        assert_eq!(ids("dong"), vec![2, 3]);
        assert_eq!(ids("hoa binh"), vec![4]);
        assert_eq!(ids(""), vec![1, 2, 3, 4]);
        assert_eq!(ids("3"), vec![3]);
        assert!(ids("hai phong").is_empty());
    }

    #[test]
    fn a_match_is_shown_with_its_parent_and_the_tree_indented() {
        let all = tree();
        assert_eq!(
            option_label(&all[2], true, 0),
            "Chi bộ khu phố Đồng Xa — Quận ủy Hà Đông"
        );
        assert_eq!(
            option_label(&all[2], false, 0),
            "\u{a0}\u{a0}\u{a0}\u{a0}Chi bộ khu phố Đồng Xa"
        );
        assert_eq!(option_label(&all[0], true, 0), "Thành ủy Hà Nội");
    }
}
