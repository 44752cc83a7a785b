//! The menu button of a narrow screen (a phone): the navigation folds behind it, and closes
//! again once a page is chosen.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::{use_lang, Ux};

/// The button that opens and closes the navigation `controls` (its id) on a narrow screen; CSS
/// hides it on a wide one.
#[component]
pub fn MenuButton(open: RwSignal<bool>, controls: &'static str) -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    // A page was chosen: the menu folds away.
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    view! {
        <button
            type="button"
            class="menu-toggle"
            aria-controls=controls
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            <span aria-hidden="true" class="menu-icon">"☰"</span>
            " "
            {move || lang.get().ux(Ux::Menu)}
        </button>
    }
}
