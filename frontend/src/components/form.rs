//! Form fields with their label and the server's message for that field next to them, and the
//! readings of typed values out of the inputs.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::date_input::DateInput;
use crate::i18n::{use_lang, Text};

/// The message for field `name` of the last problem, under its input.
pub fn field_error(error: Signal<Option<ApiError>>, name: &'static str) -> impl IntoView {
    let lang = use_lang();
    move || {
        error
            .get()
            .and_then(|e| e.field(lang.get(), name))
            .map(|m| view! { <div class="field-error">{m}</div> })
    }
}

/// A field: its label, its control (whose id is `id`), and the problem's message for field
/// `name`.
fn labelled(
    id: String,
    name: &'static str,
    label: Text,
    control: impl IntoView,
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div>
            <label for=id>{move || lang.get().t(label)}</label>
            {control}
            {field_error(error, name)}
        </div>
    }
}

/// A labelled input bound to `value` (id `f-<name>`); the problem's error for `name` shows
/// under it.
pub fn input(
    name: &'static str,
    label: Text,
    kind: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    input_in("f", name, label, kind, value, error)
}

/// Like [`input`], with the id `<form>-<name>`: for the forms of one page that share field names
/// (a member's decisions), so that every id stays unique.
pub fn input_in(
    form: &'static str,
    name: &'static str,
    label: Text,
    kind: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let id = format!("{form}-{name}");
    // A date is typed and shown as dd/mm/yyyy; `value` keeps the ISO date.
    let control = if kind == "date" {
        view! { <DateInput id=id.clone() name=name value=value/> }.into_any()
    } else {
        view! { <input id=id.clone() name=name type=kind bind:value=value/> }.into_any()
    };
    labelled(id, name, label, control, error)
}

/// A labelled select of `(code, Vietnamese, English)` options bound to `value` (id `f-<name>`).
pub fn select(
    name: &'static str,
    label: Text,
    options: Vec<(&'static str, &'static str, &'static str)>,
    value: RwSignal<String>,
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    select_in("f", name, label, options, value, error)
}

/// Like [`select`], with the id `<form>-<name>`.
pub fn select_in(
    form: &'static str,
    name: &'static str,
    label: Text,
    options: Vec<(&'static str, &'static str, &'static str)>,
    value: RwSignal<String>,
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("{form}-{name}");
    let control = view! {
        <select id=id.clone() name=name on:change=move |ev| value.set(event_target_value(&ev))>
            {options.into_iter().map(|(v, vi, en)| view! {
                <option value=v selected=move || value.get() == v>
                    {move || if lang.get() == crate::i18n::Lang::En { en } else { vi }}
                </option>
            }).collect_view()}
        </select>
    };
    labelled(id, name, label, control, error)
}

/// The options of a select over every value of a vocabulary concept: `(code, vi, en)`.
pub fn terms<T: qldv_api_types::Term>(
    values: &[T],
) -> Vec<(&'static str, &'static str, &'static str)> {
    values.iter().map(|t| (t.code(), t.vi(), t.en())).collect()
}

/// `Some(text)` for a non-empty input.
pub fn some(value: RwSignal<String>) -> Option<String> {
    let v = value.get_untracked();
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// The trimmed text of an input (the server says when a required one is empty).
pub fn text(value: RwSignal<String>) -> String {
    value.get_untracked().trim().to_string()
}

/// A date typed as `dd/mm/yyyy` (the Vietnamese habit) or given by a date input (`yyyy-mm-dd`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::format::parse_date(s).ok()
}

/// The date of an optional date input: none when blank, a field error when unreadable.
pub fn opt_date(
    name: &'static str,
    value: RwSignal<String>,
) -> Result<Option<NaiveDate>, ApiError> {
    match some(value) {
        None => Ok(None),
        Some(s) => parse_date(&s)
            .map(Some)
            .ok_or_else(|| ApiError::field_local(name, Text::DateRequired)),
    }
}

/// The date of a required date input, or a field error.
pub fn date(name: &'static str, value: RwSignal<String>) -> Result<NaiveDate, ApiError> {
    opt_date(name, value)?.ok_or_else(|| ApiError::field_local(name, Text::DateRequired))
}

/// A vocabulary value chosen in a select (its code), or a field error.
pub fn term<T: qldv_api_types::Term>(
    name: &'static str,
    value: RwSignal<String>,
) -> Result<T, ApiError> {
    T::parse(value.get_untracked().trim()).map_err(|_| ApiError::field_local(name, Text::Required))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_either_way() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 20);
        assert_eq!(parse_date("20/03/2025"), d);
        assert_eq!(parse_date("2025-03-20"), d);
        assert_eq!(parse_date(" 2025-03-20 "), d);
        assert_eq!(parse_date("31/02/2025"), None);
        assert_eq!(parse_date(""), None);
    }
}
