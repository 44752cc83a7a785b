//! Choosing an organisation of the caller's scope: a search box that finds it by name with or
//! without diacritics ("ha noi" finds "Hà Nội", "dong" finds "Đông"), over a select of the tree
//! (indented while nothing is typed; each match with its parent's name when searching). Enter in
//! the search box takes the first match. The scope is read once per session and shared.

use leptos::prelude::*;
use qldv_api_types::organizations::Organization;
use qldv_api_types::OrgId;

use crate::api;
use crate::components::read::{read, Read};
use crate::i18n::{label, use_lang, Text, Ux};
use crate::session;
use crate::text;

/// Every organisation of the caller's scope in tree order, read once for the signed-in session
/// (every picker and name lookup shares it).
#[derive(Clone, Copy)]
pub struct Scope(pub Read<Vec<Organization>>);

/// Provides the scope (at the signed-in layout).
pub fn provide_scope() {
    let root = session::own_org();
    provide_context(Scope(read(move || api::organizations::scope(root))));
}

/// The organisations of the scope loaded so far (none while loading).
pub fn scope_orgs() -> Vec<Organization> {
    use_context::<Scope>()
        .and_then(|Scope(s)| s.get())
        .and_then(Result::ok)
        .unwrap_or_default()
}

/// The organisations of the scope, once read (none while loading).
pub fn scope_ready() -> Option<Vec<Organization>> {
    use_context::<Scope>()
        .and_then(|Scope(s)| s.get())
        .map(Result::unwrap_or_default)
}

/// The name of an organisation of the scope, or its id when it is outside (or not loaded yet).
pub fn org_name(id: OrgId) -> String {
    scope_orgs()
        .into_iter()
        .find(|o| o.id == id)
        .map(|o| o.name)
        .unwrap_or_else(|| id.to_string())
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

/// A search box and a select of the organisations in scope showing `value`; a choice calls
/// `on_change`. The select carries `id` (the page's `<label for>`); the search box is labelled on
/// its own.
#[component]
pub fn OrgPicker(
    /// The select's id (for its label).
    id: &'static str,
    /// The organisation shown as chosen.
    #[prop(into)]
    value: Signal<Option<OrgId>>,
    /// Told the new choice (none for "— Choose —").
    #[prop(into)]
    on_change: Callback<Option<OrgId>>,
) -> impl IntoView {
    let lang = use_lang();
    let query = RwSignal::new(String::new());
    let all = Memo::new(move |_| entries(&scope_orgs()));
    let shown = move || {
        let q = query.get();
        let current = value.get().map(|o| o.0);
        all.with(|a| {
            let min_depth = a.iter().map(|e| e.depth).min().unwrap_or(0);
            filter(a, &q)
                .into_iter()
                .chain(a.iter().filter(|e| Some(e.id) == current))
                .fold(Vec::<(i64, String)>::new(), |mut acc, e| {
                    if !acc.iter().any(|(x, _)| *x == e.id) {
                        acc.push((e.id, option_label(e, !q.trim().is_empty(), min_depth)));
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
                            on_change.run(Some(OrgId(first)));
                        }
                    }
                }
            />
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || value.get().is_none()>{label(lang, Text::ChooseOne)}</option>
                {move || shown().into_iter().map(|(v, label)| {
                    view! { <option value=v.to_string() selected=move || value.get() == Some(OrgId(v))>{label}</option> }
                }).collect_view()}
            </select>
            <Show when=no_match>
                <div class="field-hint" role="status">{move || lang.get().ux(Ux::NoOrganizationMatches)}</div>
            </Show>
        </div>
    }
}

/// A labelled [`OrgPicker`] ("Tổ chức đảng"), with the server's message for
/// `organization_id` under it.
pub fn org_field(
    id: &'static str,
    value: impl Into<Signal<Option<OrgId>>>,
    on_change: impl Fn(Option<OrgId>) + Send + Sync + 'static,
    error: Option<Signal<Option<crate::api::ApiError>>>,
) -> impl IntoView {
    let lang = use_lang();
    let (value, on_change) = (value.into(), Callback::new(on_change));
    view! {
        <div>
            <label for=id>{label(lang, Text::Organizations)}</label>
            <OrgPicker id=id value=value on_change=on_change/>
            {error.map(|e| crate::components::form::field_error(e, "organization_id"))}
        </div>
    }
}

/// The organisation a page is about: the URL's `organization_id`, or the account's own; with
/// its labelled picker, whose choice goes into the URL (bookmark, back, reload).
pub fn org_in_url(id: &'static str) -> (Signal<Option<OrgId>>, impl IntoView) {
    let own = session::own_org();
    let (param, set) = leptos_router::hooks::query_signal::<OrgId>("organization_id");
    let org = Signal::derive(move || param.get().or(own));
    let field = org_field(id, org, move |o: Option<OrgId>| set.set(o), None);
    (org, field)
}
#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::panic)] // a fixture that does not parse is the test failing
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
