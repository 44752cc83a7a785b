//! The member list (`/members?organization_id=&q=&status=&pages=`): search as you type (with or
//! without diacritics), status filter, Vietnamese order, more pages on demand. Everything chosen
//! is in the URL, so the list can be bookmarked, shared, reloaded and gone back to.

use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{query_signal, query_signal_with_options};
use leptos_router::NavigateOptions;
use qldv_api_types::members::{Member, MemberStatus};
use qldv_api_types::{OrgId, Term};

use crate::api::{self, members::MemberFilter};
use crate::components::action::{problem, write};
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{label, use_lang, Text, Ux};
use crate::urls;

/// The most pages kept on screen (500 members); beyond, the search narrows.
const MAX_PAGES: u32 = 10;

fn row(m: Member) -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let status = m.status;
    let class = format::status(lang.get_untracked(), status).1;
    let name = m.profile.full_name.clone().unwrap_or_default();
    view! {
        <tr>
            <td><A href=urls::member(m.id)>{name}</A></td>
            <td>{format::opt_date(m.profile.birth_date)}</td>
            <td><span class=format!("badge {class}")>{move || lang.get().term(status)}</span>
                {m.in_transit.then(|| view! { " " <span class="badge">{label(lang, Text::InTransit)}</span> })}
            </td>
            <td>{move || m.party_age_years.map(|y| format!("{y} {}", t(Text::Years))).unwrap_or_else(|| "—".into())}</td>
            <td>{format::opt(&m.card_number)}</td>
        </tr>
    }
}

/// The member list.
#[component]
pub fn MemberList() -> impl IntoView {
    let lang = use_lang();
    let quiet = NavigateOptions {
        replace: true,
        scroll: false,
        ..Default::default()
    };
    let (org, _) = query_signal::<OrgId>("organization_id");
    // Typing replaces the history entry (the back button does not step through letters).
    let (q, set_q) = query_signal_with_options::<String>("q", quiet.clone());
    let (status, set_status) = query_signal_with_options::<MemberStatus>(
        "status",
        NavigateOptions {
            scroll: false,
            ..Default::default()
        },
    );
    let (pages, set_pages) = query_signal_with_options::<u32>("pages", quiet);
    let filter = Memo::new(move |_| MemberFilter {
        organization_id: org.get(),
        q: q.get().unwrap_or_default(),
        status: status.get(),
    });
    // Keyed on the filter: an answer to a superseded filter (the clerk kept typing) is dropped.
    let list = read(move || {
        let filter = filter.get();
        let pages = pages.get().unwrap_or(1).clamp(1, MAX_PAGES);
        async move { api::members::first_pages(&filter, pages).await }
    });
    let export = write(|f: &MemberFilter| {
        let f = f.clone();
        async move { api::members::export_csv(&f).await }
    });
    // The search box is the clerk's while it has focus; otherwise it shows the URL's text (back,
    // forward, a shared link).
    let search = NodeRef::<Input>::new();
    Effect::new(move |_| {
        let text = q.get().unwrap_or_default();
        if let Some(input) = search.get() {
            let focused = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_some_and(|a| a.id() == "member-search");
            if !focused && input.value() != text {
                input.set_value(&text);
            }
        }
    });
    let table = show(list, move |(members, more): (Vec<Member>, bool)| {
        if members.is_empty() {
            // Say what to do next: widen the search, or enter the members of this place.
            let searching = filter.with_untracked(|f| !f.q.trim().is_empty() || f.status.is_some());
            let hint = if searching {
                Ux::NoMembersNext
            } else {
                Ux::NoMembersHereNext
            };
            return view! {
                <p class="empty">{move || lang.get().ux(hint)}
                    <A href=urls::new_member(org.get_untracked()) attr:class="next">{move || lang.get().ux(Ux::AdmitHere)}</A>
                </p>
            }
            .into_any();
        }
        view! {
            <table class="members">
                <thead>
                    <tr>
                        <th>{label(lang, Text::FullName)}</th>
                        <th>{label(lang, Text::BirthDate)}</th>
                        <th>{label(lang, Text::Status)}</th>
                        <th>{label(lang, Text::PartyAge)}</th>
                        <th>{label(lang, Text::CardNumber)}</th>
                    </tr>
                </thead>
                <tbody>{members.into_iter().map(row).collect_view()}</tbody>
            </table>
            {(more && pages.get_untracked().unwrap_or(1) < MAX_PAGES).then(|| view! {
                <p class="no-print">
                    <button type="button" on:click=move |_| {
                        set_pages.set(Some(pages.get_untracked().unwrap_or(1) + 1))
                    }>{label(lang, Text::LoadMore)}</button>
                </p>
            })}
        }
        .into_any()
    });
    let statuses = [
        MemberStatus::Probationary,
        MemberStatus::Official,
        MemberStatus::Exited,
        MemberStatus::TransferredOut,
    ];
    view! {
        <main>
            <h1>{label(lang, Text::Members)}</h1>
            <OrgBreadcrumbs org=org base="/members"/>
            <p class="no-print">
                <button type="button" disabled=move || export.pending().get()
                    on:click=move |_| { export.dispatch(filter.get_untracked()); }>
                    {label(lang, Text::DownloadCsv)}
                </button>
                " "
                <A href=move || urls::new_member(org.get())>{label(lang, Text::Admit)}</A>
            </p>
            {problem(export)}
            <div class="toolbar">
                <div class="grow">
                    <label for="member-search">{label(lang, Text::Search)}</label>
                    <input
                        id="member-search"
                        type="search"
                        autocomplete="off"
                        node_ref=search
                        placeholder=label(lang, Text::SearchHint)
                        value=q.get_untracked().unwrap_or_default()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            set_q.set((!text.trim().is_empty()).then_some(text));
                            set_pages.set(None);
                        }
                    />
                </div>
                <div>
                    <label for="member-status">{label(lang, Text::Status)}</label>
                    <select id="member-status" on:change=move |ev| {
                        set_status.set(MemberStatus::parse(&event_target_value(&ev)).ok());
                        set_pages.set(None);
                    }>
                        <option value="" selected=move || status.get().is_none()>{label(lang, Text::AllStatuses)}</option>
                        {statuses.into_iter().map(|s| view! {
                            <option value=s.code() selected=move || status.get() == Some(s)>{move || lang.get().term(s)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            {table}
        </main>
    }
}
