//! A member's page (`/members/:id/…`): the name and status over tabs that are nested routes, so
//! each tab has its own URL (bookmark, share, back, reload). The record is read once here and
//! shared with the tabs; each tab reads its own list, keyed on the member.

pub mod actions;
pub mod cards;
pub mod dossier;
pub mod edit;
pub mod history;
pub mod transfers;
pub mod year;

use std::future::Future;

use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::{use_location, use_params_map};
use qldv_api_types::members::Member;
use qldv_api_types::MemberId;

use crate::api::{self, ApiError, ApiResult};
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::read::{read, show, Read};
use crate::format;
use crate::i18n::{use_lang, Text, Ux};
use crate::urls::{self, MemberTab};

/// The tabs, in order, with their labels.
const TABS: [(MemberTab, Text); 9] = [
    (MemberTab::Dossier, Text::Dossier),
    (MemberTab::Events, Text::History),
    (MemberTab::Evaluations, Text::Evaluations),
    (MemberTab::Cards, Text::Cards),
    (MemberTab::Badges, Text::Badges),
    (MemberTab::Transfers, Text::Transfers),
    (MemberTab::Disciplines, Text::Disciplines),
    (MemberTab::Year, Text::MemberYear),
    (MemberTab::Actions, Text::Actions),
];

/// The member's record, read by the page and shared with its tabs (refetched after a change).
#[derive(Clone, Copy)]
pub struct Record(pub Read<Member>);

/// The member of the URL.
pub fn member_id() -> Memo<Option<MemberId>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse().ok())))
}

/// The answer for a URL whose id is not a number.
fn no_such_member() -> ApiError {
    ApiError::Server {
        status: 404,
        problem: None,
    }
}

/// A read of the member of the URL, keyed on it.
pub fn member_resource<T, Fut>(fetch: impl Fn(MemberId) -> Fut + 'static) -> Read<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = ApiResult<T>> + 'static,
{
    let id = member_id();
    read(move || {
        let fut = id.get().map(&fetch);
        async move {
            match fut {
                Some(f) => f.await,
                None => Err(no_such_member()),
            }
        }
    })
}

/// The shared record (refetch it after a decision changed it).
pub fn use_record() -> Option<Read<Member>> {
    use_context::<Record>().map(|Record(r)| r)
}

/// A tab: a link to its URL, marked selected when it is the page shown.
fn tab_link(id: MemberId, tab: MemberTab, label: Text) -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let href = urls::member_tab(id, tab);
    let selected = {
        let href = href.clone();
        move || {
            let path = location.pathname.get();
            let here = path.trim_end_matches('/') == href
                || (tab == MemberTab::Dossier && path.ends_with("/edit"));
            here.to_string()
        }
    };
    view! {
        <A href=href attr:role="tab" attr:aria-selected=selected>{move || lang.get().t(label)}</A>
    }
}

/// The member page: header, tabs, and the tab of the URL.
#[component]
pub fn MemberPage() -> impl IntoView {
    let lang = use_lang();
    let id = member_id();
    let record = member_resource(api::members::get);
    provide_context(Record(record));
    let header = show(record, move |m: Member| {
        let status = m.status;
        let class = format::status(lang.get_untracked(), status).1;
        view! {
            <OrgBreadcrumbs org=Some(m.organization_id) base="/members"/>
            <h1>{m.profile.full_name.clone().unwrap_or_default()} " " <span class=format!("badge {class}")>{move || lang.get().term(status)}</span></h1>
            <p class="no-print"><A href=urls::member_print(m.id)>{move || lang.get().ux(Ux::PrintMemberForm)}</A></p>
        }
    });
    view! {
        <main>
            {header}
            <nav class="tabs" role="tablist">
                {move || id.get().map(|id| TABS.into_iter().map(|(tab, label)| tab_link(id, tab, label)).collect_view())}
            </nav>
            <section class="card" role="tabpanel">
                <Outlet/>
            </section>
        </main>
    }
}
