//! Choosing an organisation of the caller's scope by name, the tree shown by indentation.

use leptos::prelude::*;
use leptos::task::spawn_local;
use qldv_api_types::organizations::Organization;
use qldv_api_types::Page;

use crate::api;
use crate::i18n::{use_lang, Text};
use crate::session;

/// Every organisation of the caller's scope, in tree order (the subtree of the user's
/// organisation, or of each top organisation for a national account).
async fn scope_orgs(root: Option<i64>) -> Vec<Organization> {
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

/// A select of the organisations in scope, bound to `value` (the id as text).
#[component]
pub fn OrgPicker(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    let lang = use_lang();
    let orgs = RwSignal::new(Vec::<Organization>::new());
    let root = session::use_user()
        .get_untracked()
        .and_then(|u| u.organization_id.map(|o| o.0));
    spawn_local(async move {
        orgs.set(scope_orgs(root).await);
    });
    view! {
        <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
            <option value="" selected=move || value.get().is_empty()>{move || lang.get().t(Text::ChooseOne)}</option>
            {move || orgs.get().into_iter().map(|o| {
                let v = o.id.to_string();
                let indent = "\u{a0}\u{a0}".repeat(usize::try_from(o.depth).unwrap_or(0));
                let selected = { let v = v.clone(); move || value.get() == v };
                view! { <option value=v selected=selected>{format!("{indent}{} (mã {})", o.name, o.id)}</option> }
            }).collect_view()}
        </select>
    }
}
