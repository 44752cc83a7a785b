//! Form fields with their label and the server's message for that field next to them.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::date_input::DateInput;
use crate::i18n::{use_lang, Text};

/// A labelled input bound to `value`; the problem's error for `name` shows under it. A `date`
/// is typed and shown as `dd/mm/yyyy` ([`DateInput`]); `value` keeps the ISO date.
pub fn input(
    name: &'static str,
    label: Text,
    kind: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("f-{name}");
    view! {
        <div>
            <label for=id.clone()>{move || lang.get().t(label)}</label>
            {if kind == "date" {
                view! { <DateInput id=id name=name value=value/> }.into_any()
            } else {
                view! { <input id=id name=name type=kind bind:value=value/> }.into_any()
            }}
            {move || error.get().and_then(|e| e.field(name)).map(|m| view! { <div class="field-error">{m}</div> })}
        </div>
    }
}

/// A labelled select of `(value, label)` options bound to `value`.
pub fn select(
    name: &'static str,
    label: Text,
    options: Vec<(&'static str, Text)>,
    value: RwSignal<String>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("f-{name}");
    view! {
        <div>
            <label for=id.clone()>{move || lang.get().t(label)}</label>
            <select id=id name=name on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(v, l)| view! {
                    <option value=v selected=move || value.get() == v>{move || lang.get().t(l)}</option>
                }).collect_view()}
            </select>
            {move || error.get().and_then(|e| e.field(name)).map(|m| view! { <div class="field-error">{m}</div> })}
        </div>
    }
}

/// `Some(text)` for a non-empty input.
pub fn some(value: RwSignal<String>) -> Option<String> {
    let v = value.get_untracked();
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// Puts the keyboard in the element `id` once the page is drawn (the first field of a form, so
/// a clerk can type at once; `autofocus` is not honoured on pages drawn after the first).
pub fn focus_first(id: &'static str) {
    Effect::new(move |_| {
        use wasm_bindgen::JsCast;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}
