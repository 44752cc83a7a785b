//! A plain table of texts with its headers, or a line saying there is nothing yet.

use leptos::prelude::*;

use crate::i18n::{use_lang, Text};

/// A table with `headers`, one row per entry of `rows`; `empty` when there are none.
pub fn texts(headers: Vec<Text>, rows: Vec<Vec<String>>, empty: Text) -> AnyView {
    let lang = use_lang();
    if rows.is_empty() {
        return view! { <p class="empty">{move || lang.get().t(empty)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap" tabindex="0">
            <table>
                <thead><tr>{headers.into_iter().map(|h| view! { <th>{move || lang.get().t(h)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
