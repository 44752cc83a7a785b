//! The read-only tabs of a member: history, ratings, badges, discipline. Each reads its list,
//! keyed on the member of the URL.

use leptos::prelude::*;

use super::member_resource;
use crate::api;
use crate::components::read::show;
use crate::components::table::texts;
use crate::format::{self, opt};
use crate::i18n::{event_label, use_lang, Text};

/// `/members/:id/events`: the dated history.
#[component]
pub fn Events() -> impl IntoView {
    let lang = use_lang();
    let list = member_resource(api::members::events);
    show(list, move |events| {
        let l = lang.get();
        texts(
            vec![Text::Date, Text::Event, Text::Decision, Text::Regulation],
            events
                .into_iter()
                .map(|e| {
                    vec![
                        format::date(e.occurred_on),
                        event_label(l, e.kind).to_string(),
                        opt(&e.decision_no),
                        e.regulation,
                    ]
                })
                .collect(),
            Text::Nothing,
        )
    })
}

/// `/members/:id/evaluations`: the yearly ratings.
#[component]
pub fn Evaluations() -> impl IntoView {
    let lang = use_lang();
    let list = member_resource(api::members::evaluations);
    show(list, move |list| {
        let l = lang.get();
        texts(
            vec![Text::Year, Text::Level, Text::Score],
            list.into_iter()
                .map(|e| {
                    vec![
                        e.year.to_string(),
                        l.term(e.level).to_string(),
                        e.score.map(|s| s.to_string()).unwrap_or_else(|| "—".into()),
                    ]
                })
                .collect(),
            Text::Nothing,
        )
    })
}

/// `/members/:id/badges`: the party badges awarded.
#[component]
pub fn Badges() -> impl IntoView {
    let lang = use_lang();
    let list = member_resource(api::members::badges);
    show(list, move |list| {
        let l = lang.get();
        texts(
            vec![
                Text::Milestone,
                Text::Occasion,
                Text::Decision,
                Text::Status,
            ],
            list.into_iter()
                .map(|b| {
                    vec![
                        format!("{} {}", b.milestone, l.t(Text::Years)),
                        format::date(b.occasion_on),
                        b.decision_no,
                        l.term(b.status).to_string(),
                    ]
                })
                .collect(),
            Text::Nothing,
        )
    })
}

/// `/members/:id/disciplines`: the discipline decisions.
#[component]
pub fn Disciplines() -> impl IntoView {
    let lang = use_lang();
    let list = member_resource(api::members::disciplines);
    show(list, move |list| {
        let l = lang.get();
        texts(
            vec![Text::Date, Text::Form, Text::Decision],
            list.into_iter()
                .map(|d| {
                    vec![
                        format::date(d.decided_on),
                        l.term(d.form).to_string(),
                        d.decision_no,
                    ]
                })
                .collect(),
            Text::Nothing,
        )
    })
}
