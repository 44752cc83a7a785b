//! Where am I: the organisation's place in the tree, from the top of the caller's scope down to
//! it, each level a link to the same screen for that level.

use leptos::prelude::*;
use leptos_router::components::A;
use qldv_api_types::organizations::Organization;

use qldv_api_types::OrgId;

use crate::components::org_picker::scope_orgs;
use crate::i18n::{use_lang, Ux};
use crate::session;

/// The ids of a materialised path, from the root down: `/1/17/342/` → `[1, 17, 342]`.
pub fn path_ids(path: &str) -> Vec<i64> {
    path.split('/')
        .filter_map(|s| s.parse::<i64>().ok())
        .collect()
}

/// The levels from the top of the scope down to `org`, named: ancestors the caller cannot see
/// (above the scope) are left out. Empty when `org` is not in the scope's list.
pub fn trail(org: i64, orgs: &[Organization]) -> Vec<(i64, String)> {
    let Some(target) = orgs.iter().find(|o| o.id.0 == org) else {
        return Vec::new();
    };
    path_ids(&target.path)
        .into_iter()
        .filter_map(|id| {
            orgs.iter()
                .find(|o| o.id.0 == id)
                .map(|o| (id, o.name.clone()))
        })
        .collect()
}

/// The breadcrumbs of `org` (an id as text; nothing while empty). Each level links to `base`
/// with `?organization_id=`; with `value`, following a link also sets it (pages that keep the
/// organisation in a signal).
#[component]
pub fn OrgBreadcrumbs(
    /// The organisation shown (the account's own when none).
    #[prop(into)]
    org: Signal<Option<OrgId>>,
    /// The screen each level links to (`?organization_id=` is added).
    base: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let root = session::own_org();
    let levels = move || {
        org.get()
            .or(root)
            .map(|id| trail(id.0, &scope_orgs()))
            .unwrap_or_default()
    };
    view! {
        <Show when=move || !levels().is_empty()>
            <nav class="breadcrumbs" aria-label=move || lang.get().ux(Ux::WhereAmI)>
                <ol>
                    {move || {
                        let all = levels();
                        let last = all.len().saturating_sub(1);
                        all.into_iter().enumerate().map(|(i, (id, name))| {
                            if i == last {
                                view! { <li><span aria-current="location">{name}</span></li> }.into_any()
                            } else {
                                view! {
                                    <li>
                                        <A href=format!("{base}?organization_id={id}")>
                                            {name}
                                        </A>
                                    </li>
                                }.into_any()
                            }
                        }).collect_view()
                    }}
                </ol>
            </nav>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::panic)] // a fixture that does not parse is the test failing
    fn org(id: i64, path: &str, name: &str) -> Organization {
        serde_json::from_value(serde_json::json!({
            "id": id, "parent_id": null, "kind": "cell", "name": name, "code": null,
            "path": path, "depth": 0, "valid_from": null, "valid_to": null,
            "successor_id": null, "version": 1, "updated_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_path_reads_from_the_root_down() {
        assert_eq!(path_ids("/1/17/342/"), vec![1, 17, 342]);
        assert_eq!(path_ids("/"), Vec::<i64>::new());
    }

    #[test]
    fn the_trail_starts_at_the_top_of_the_scope() {
        // The scope is the province (17): the country-level root 1 is not in the list.
        let orgs = [
            org(17, "/1/17/", "Tỉnh ủy Hòa Bình"),
            org(20, "/1/17/20/", "Đảng ủy xã Tân Lạc"),
            org(342, "/1/17/20/342/", "Chi bộ thôn Đồng Bãi"),
        ];
        assert_eq!(
            trail(342, &orgs),
            vec![
                (17, "Tỉnh ủy Hòa Bình".to_string()),
                (20, "Đảng ủy xã Tân Lạc".to_string()),
                (342, "Chi bộ thôn Đồng Bãi".to_string()),
            ]
        );
        assert_eq!(trail(17, &orgs), vec![(17, "Tỉnh ủy Hòa Bình".to_string())]);
        assert!(trail(999, &orgs).is_empty());
    }
}
