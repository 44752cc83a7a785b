//! A plain table of texts with its headers, or a line saying there is nothing yet.

use leptos::prelude::*;

use crate::i18n::{use_lang, Lang, Text, Yr};

/// A header or an empty note: a label of the interface or of the cell's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// A label of the interface.
    T(Text),
    /// A label of the cell's year.
    Y(Yr),
}

impl Head {
    /// The label in `lang`.
    pub fn in_lang(self, lang: Lang) -> &'static str {
        match self {
            Self::T(t) => lang.t(t),
            Self::Y(y) => lang.yr(y),
        }
    }
}

/// A table with `headers`, one row per entry of `rows`; `empty` when there are none. Each cell
/// carries its header as `data-label` (a phone's card layout can show it).
pub fn texts(headers: Vec<Text>, rows: Vec<Vec<String>>, empty: Text) -> AnyView {
    heads(
        headers.into_iter().map(Head::T).collect(),
        rows,
        Head::T(empty),
    )
}

/// Like [`texts`], with headers of either kind.
pub fn heads(headers: Vec<Head>, rows: Vec<Vec<String>>, empty: Head) -> AnyView {
    let lang = use_lang();
    if rows.is_empty() {
        return view! { <p class="empty">{move || empty.in_lang(lang.get())}</p> }.into_any();
    }
    view! {
        <div class="table-wrap" tabindex="0">
            <table>
                <thead><tr>{headers.iter().copied().map(|h| view! { <th>{move || h.in_lang(lang.get())}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>{r.into_iter().zip(headers.iter().copied()).map(|(c, h)| view! {
                            <td data-label=move || h.in_lang(lang.get())>{c}</td>
                        }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
