//! The organisation tree of the user's scope, opened level by level.

use leptos::prelude::*;
use leptos_router::components::A;
use qldv_api_types::organizations::Organization;
use qldv_api_types::Page;

use crate::components::remote;
use crate::i18n::{use_lang, Text};

/// One organisation, with its children loaded when opened.
#[component]
fn Node(org: Organization) -> impl IntoView {
    let open = RwSignal::new(false);
    let lang = use_lang();
    let id = org.id;
    view! {
        <li>
            <button class="toggle" type="button" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "−" } else { "+" }}
            </button>
            <strong>{org.name.clone()}</strong>
            <span class="muted">" · " {org.kind.clone()} " · "</span>
            <A href=format!("/members?organization_id={id}")>{move || lang.get().t(Text::Members)}</A>
            <Show when=move || open.get()>
                {move || children(Some(id.0))}
            </Show>
        </li>
    }
}

fn children(parent: Option<i64>) -> AnyView {
    let path = match parent {
        Some(p) => format!("/organizations?parent_id={p}&limit=500"),
        None => "/organizations?limit=500".to_string(),
    };
    remote(path, |p: Page<Organization>| {
        view! {
            <ul class="tree">
                {p.items.into_iter().map(|o| view! { <Node org=o/> }).collect_view()}
            </ul>
        }
    })
    .into_any()
}

/// The tree page.
#[component]
pub fn OrganizationTree() -> impl IntoView {
    let lang = use_lang();
    view! {
        <main>
            <h1>{move || lang.get().t(Text::Organizations)}</h1>
            <section class="card">{children(None)}</section>
        </main>
    }
}
