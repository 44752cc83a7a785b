//! A date typed the Vietnamese way, `dd/mm/yyyy`, and shown the same way; the value it binds is
//! the ISO date the API takes. Refused dates (31/02) block the form's submission with a message
//! next to the field; ↑ and ↓ move the date by a day.

use chrono::Duration;
use leptos::html;
use leptos::prelude::*;

use crate::format::{self, DateError};
use crate::i18n::{use_lang, Ux};

fn message(e: DateError) -> Ux {
    match e {
        DateError::Empty => Ux::DateEmpty,
        DateError::Malformed => Ux::DateMalformed,
        DateError::NoSuchDay => Ux::DateNoSuchDay,
        DateError::YearOutOfRange => Ux::DateYear,
    }
}

/// A date input bound to `value` (`YYYY-MM-DD`, empty while no valid date is typed).
#[component]
pub fn DateInput(
    /// The input's id, for its `<label for>`.
    #[prop(into)]
    id: String,
    /// The date as the API takes it.
    value: RwSignal<String>,
    /// Whether a date must be given.
    #[prop(optional)]
    required: bool,
    /// The field's name in the API (for the form data and tests).
    #[prop(optional, into)]
    name: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let input: NodeRef<html::Input> = NodeRef::new();
    let text = RwSignal::new(format::iso_to_display(&value.get_untracked()));
    let problem = RwSignal::new(None::<DateError>);
    let touched = RwSignal::new(false);
    // A value set from outside (a default, a reset) is shown; what the clerk is typing is kept.
    Effect::new(move |_| {
        let v = value.get();
        let shown = text.get_untracked();
        let parsed = format::parse_date(&shown).ok().map(format::iso);
        if v.is_empty() {
            if parsed.is_some() {
                text.set(String::new());
            }
        } else if parsed.as_deref() != Some(v.as_str()) {
            text.set(format::iso_to_display(&v));
            problem.set(None);
        }
    });
    // The browser's own validation carries the message, so a form with a refused date is not sent.
    Effect::new(move |_| {
        let msg = problem
            .get()
            .map(|e| lang.get().ux(message(e)))
            .unwrap_or("");
        if let Some(el) = input.get() {
            el.set_custom_validity(msg);
        }
    });
    let read = move |raw: String| {
        let parsed = format::parse_date(&raw);
        text.set(raw);
        match parsed {
            Ok(d) => {
                problem.set(None);
                value.set(format::iso(d));
            }
            Err(DateError::Empty) => {
                problem.set(required.then_some(DateError::Empty));
                value.set(String::new());
            }
            Err(e) => {
                problem.set(Some(e));
                value.set(String::new());
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowUp" => 1,
            "ArrowDown" => -1,
            _ => return,
        };
        if let Ok(d) = format::parse_date(&text.get_untracked()) {
            ev.prevent_default();
            read(format::date(d + Duration::days(step)));
        }
    };
    let err_id = format!("{id}-date-error");
    let described = err_id.clone();
    view! {
        <input
            node_ref=input
            id=id
            name=name
            type="text"
            inputmode="numeric"
            autocomplete="off"
            maxlength="10"
            class="date-input"
            required=required
            placeholder=move || lang.get().ux(Ux::DatePattern)
            aria-invalid=move || problem.with(Option::is_some).to_string()
            aria-describedby=move || (touched.get() && problem.with(Option::is_some)).then(|| described.clone())
            prop:value=move || text.get()
            on:input=move |ev| read(event_target_value(&ev))
            on:keydown=on_key
            on:blur=move |_| {
                touched.set(true);
                // 1/2/2024 reads back as 01/02/2024.
                if let Ok(d) = format::parse_date(&text.get_untracked()) {
                    text.set(format::date(d));
                }
            }
        />
        {move || (touched.get()).then(|| problem.get()).flatten().map(|e| view! {
            <div class="field-error" id=err_id.clone()>{move || lang.get().ux(message(e))}</div>
        })}
    }
}
