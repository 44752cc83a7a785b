//! The member list: search as you type (with or without diacritics), status filter, Vietnamese
//! order, paging by cursor.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use qldv_api_types::members::Member;
use qldv_api_types::Page;

use crate::api::{self, enc, ApiError};
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::ErrorBox;
use crate::format;
use crate::i18n::{use_lang, Text, Ux};

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(ApiError),
}

fn list_path(org: Option<String>, q: &str, status: &str, cursor: Option<&str>) -> String {
    let mut path = "/members?sort=name&limit=50".to_string();
    if let Some(o) = org {
        path.push_str(&format!("&organization_id={}", enc(&o)));
    }
    if !q.trim().is_empty() {
        path.push_str(&format!("&q={}", enc(q.trim())));
    }
    if !status.is_empty() {
        path.push_str(&format!("&status={}", enc(status)));
    }
    if let Some(c) = cursor {
        path.push_str(&format!("&cursor={}", enc(c)));
    }
    path
}

/// The member list.
#[component]
pub fn MemberList() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let query = use_query_map();
    let org = move || query.with(|m| m.get("organization_id"));
    let q = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let items = RwSignal::new(Vec::<Member>::new());
    let next = RwSignal::new(None::<String>);
    let state = RwSignal::new(Load::Loading);
    // Answers to superseded requests (the person kept typing) are dropped.
    let seq = StoredValue::new(0u64);
    let fetch = move |cursor: Option<String>| {
        seq.update_value(|n| *n += 1);
        let mine = seq.get_value();
        let path = list_path(
            org(),
            &q.get_untracked(),
            &status.get_untracked(),
            cursor.as_deref(),
        );
        state.set(Load::Loading);
        spawn_local(async move {
            let res = api::get::<Page<Member>>(&path).await;
            if seq.get_value() != mine {
                return;
            }
            match res {
                Ok(page) => {
                    if cursor.is_some() {
                        items.update(|v| v.extend(page.items));
                    } else {
                        items.set(page.items);
                    }
                    next.set(page.next_cursor);
                    state.set(Load::Ready);
                }
                Err(e) => state.set(Load::Failed(e)),
            }
        });
    };
    Effect::new(move |_| {
        q.track();
        status.track();
        query.track();
        fetch(None);
    });
    let rows = move || {
        items
            .get()
            .into_iter()
            .map(|m| {
                let (label, class) = format::status(lang.get(), m.status);
                let name = m.profile.full_name.clone().unwrap_or_default();
                view! {
                    <tr>
                        <td><A href=format!("/members/{}", m.id)>{name}</A></td>
                        <td>{format::opt_date(m.profile.birth_date)}</td>
                        <td><span class=format!("badge {class}")>{label}</span>
                            {m.in_transit.then(|| view! { " " <span class="badge">{t(Text::InTransit)}</span> })}
                        </td>
                        <td>{m.party_age_years.map(|y| format!("{y} {}", t(Text::Years))).unwrap_or_else(|| "—".into())}</td>
                        <td>{format::opt(&m.card_number)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <main>
            <h1>{move || t(Text::Members)}</h1>
            <OrgBreadcrumbs org=Signal::derive(move || org().unwrap_or_default()) base="/members"/>
            <p class="no-print">
                <button type="button" on:click=move |_| {
                    let path = list_path(org(), &q.get_untracked(), &status.get_untracked(), None)
                        .replacen("/members?", "/members/export?", 1);
                    spawn_local(async move {
                        if let Err(e) = api::download(&path, "danh-sach-dang-vien.csv").await {
                            state.set(Load::Failed(e));
                        }
                    });
                }>{move || t(Text::DownloadCsv)}</button>
                " "
                <A href=move || match org() { Some(o) => format!("/members/new?organization_id={o}"), None => "/members/new".to_string() }>
                    {move || t(Text::Admit)}
                </A>
            </p>
            <div class="toolbar">
                <div class="grow">
                    <label for="member-search">{move || t(Text::Search)}</label>
                    <input
                        id="member-search"
                        type="search"
                        autocomplete="off"
                        placeholder=move || t(Text::SearchHint)
                        prop:value=move || q.get()
                        on:input=move |ev| q.set(event_target_value(&ev))
                    />
                </div>
                <div>
                    <label for="member-status">{move || t(Text::Status)}</label>
                    <select id="member-status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="">{move || t(Text::AllStatuses)}</option>
                        <option value="probationary">{move || t(Text::Probationary)}</option>
                        <option value="official">{move || t(Text::Official)}</option>
                        <option value="exited">{move || t(Text::Exited)}</option>
                    </select>
                </div>
            </div>
            <table class="members">
                <thead>
                    <tr>
                        <th>{move || t(Text::FullName)}</th>
                        <th>{move || t(Text::BirthDate)}</th>
                        <th>{move || t(Text::Status)}</th>
                        <th>{move || t(Text::PartyAge)}</th>
                        <th>{move || t(Text::CardNumber)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {move || match state.get() {
                Load::Loading => view! { <p class="loading">{t(Text::Loading)}</p> }.into_any(),
                Load::Failed(e) => view! { <ErrorBox error=e/> }.into_any(),
                Load::Ready if items.with(Vec::is_empty) => {
                    // Say what to do next: widen the search, or enter the members of this place.
                    let searching = !q.with(|q| q.trim().is_empty()) || !status.with(String::is_empty);
                    let admit = match org() {
                        Some(o) => format!("/members/new?organization_id={o}"),
                        None => "/members/new".to_string(),
                    };
                    let hint = if searching { Ux::NoMembersNext } else { Ux::NoMembersHereNext };
                    view! {
                        <p class="empty">{lang.get().ux(hint)}
                            <A href=admit attr:class="next">{lang.get().ux(Ux::AdmitHere)}</A>
                        </p>
                    }.into_any()
                }
                Load::Ready => ().into_any(),
            }}
            <Show when=move || next.with(Option::is_some)>
                <p class="no-print">
                    <button type="button" on:click=move |_| fetch(next.get_untracked())>{move || t(Text::LoadMore)}</button>
                </p>
            </Show>
        </main>
    }
}
