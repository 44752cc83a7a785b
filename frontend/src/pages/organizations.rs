//! The organisation tree of the user's scope (`/organizations`), opened level by level.

use leptos::prelude::*;
use leptos_router::components::A;
use qldv_api_types::organizations::Organization;
use qldv_api_types::OrgId;

use crate::api;
use crate::components::org_kind::{holds_members_kind, KindName};
use crate::components::read::{read, show};
use crate::i18n::{label, use_lang, yl, Text, Yr};
use crate::urls;

/// One organisation, with its children read when opened.
#[component]
fn Node(org: Organization) -> impl IntoView {
    let open = RwSignal::new(false);
    let lang = use_lang();
    let id = org.id;
    let kind = org.kind.clone();
    view! {
        <li>
            <button class="toggle" type="button" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "−" } else { "+" }}
            </button>
            <strong>{org.name.clone()}</strong>
            <span class="muted">" · " <KindName code=org.kind.clone()/> " · "</span>
            <A href=urls::members_in(id)>{label(lang, Text::Members)}</A>
            " · "<A href=urls::candidates_in(id)>{label(lang, Text::Candidates)}</A>
            " · "<A href=urls::targets(Some(id))>{label(lang, Text::Targets)}</A>
            <Show when=move || holds_members_kind(&kind)>
                " · "<A href=urls::cell_month(id)>{yl(lang, Yr::CellMonth)}</A>
                " · "<A href=urls::cell_liaisons(id)>{yl(lang, Yr::Liaisons)}</A>
            </Show>
            <Show when=move || open.get()>
                <Children parent=Some(id)/>
            </Show>
        </li>
    }
}

/// The children of `parent` (the top organisations of the scope for none).
#[component]
fn Children(parent: Option<OrgId>) -> AnyView {
    let list = read(move || api::organizations::children(parent));
    show(list, |orgs: Vec<Organization>| {
        view! {
            <ul class="tree">
                {orgs.into_iter().map(|o| view! { <Node org=o/> }).collect_view()}
            </ul>
        }
    })
    // Type-erased: the tree's views nest recursively.
    .into_any()
}

/// The tree page.
#[component]
pub fn OrganizationTree() -> impl IntoView {
    let lang = use_lang();
    view! {
        <main>
            <h1>{label(lang, Text::Organizations)}</h1>
            <section class="card"><Children parent=None/></section>
        </main>
    }
}
