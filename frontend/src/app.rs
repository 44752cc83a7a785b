//! The application: language and session, the header, and the routes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use qldv_api_types::auth::{Me, Role};

use crate::components::menu::MenuButton;
use crate::i18n::{use_lang, Lang, Text};
use crate::pages::badges::BadgePage;
use crate::pages::evaluations::EvaluationRoundPage;
use crate::pages::imports::ImportPage;
use crate::pages::member_new::NewMember;
use crate::pages::member_print::MemberPrintPage;
use crate::pages::organizations::OrganizationTree;
use crate::pages::report_print::ReportPrintPage;
use crate::pages::reports::ReportsPage;
use crate::pages::transfers::TransferInbox;
use crate::pages::users::UsersPage;
use crate::pages::{dashboard::Dashboard, login::Login, member::MemberPage, members::MemberList};
use crate::{api, session};

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(Lang::Vi);
    provide_context(lang);
    crate::i18n::ux::sync_document_lang(lang);
    let user = session::provide();
    let checking = RwSignal::new(session::token().is_some());
    if checking.get_untracked() {
        spawn_local(async move {
            match api::get::<Me>("/auth/me").await {
                Ok(me) => user.set(Some(me)),
                Err(_) => session::expire(),
            }
            checking.set(false);
        });
    }
    view! {
        <Router>
            {move || {
                if checking.get() {
                    view! { <main><p class="loading">{move || use_lang().get().t(Text::Loading)}</p></main> }.into_any()
                } else if user.with(Option::is_none) {
                    view! { <Login/> }.into_any()
                } else {
                    view! { <Shell/> }.into_any()
                }
            }}
        </Router>
    }
}

/// The signed-in layout: header with navigation, then the page.
#[component]
fn Shell() -> impl IntoView {
    let lang = use_lang();
    let user = session::use_user();
    let t = move |k| lang.get().t(k);
    let sign_out = move |_| spawn_local(api::sign_out());
    let menu_open = RwSignal::new(false);
    view! {
        <header class="top" class:menu-open=move || menu_open.get()>
            <A href="/" attr:class="brand">"QLĐV"</A>
            <MenuButton open=menu_open controls="main-nav"/>
            <nav id="main-nav" aria-label="Chính" on:click=move |_| menu_open.set(false)>
                <A href="/" exact=true>{move || t(Text::Dashboard)}</A>
                <A href="/members">{move || t(Text::Members)}</A>
                <A href="/transfers">{move || t(Text::Transfers)}</A>
                <A href="/evaluations">{move || t(Text::Evaluations)}</A>
                <A href="/badges">{move || t(Text::Badges)}</A>
                <A href="/organizations">{move || t(Text::Organizations)}</A>
                <A href="/reports">{move || t(Text::Reports)}</A>
                <Show when=move || user.with(|u| u.as_ref().is_some_and(|u| u.role != Role::Viewer && u.role != Role::Integration))>
                    <A href="/imports">{move || t(Text::Import)}</A>
                    <A href="/users">{move || t(Text::Users)}</A>
                </Show>
            </nav>
            <div class="right">
                <span>{move || user.get().map(|u| u.username).unwrap_or_default()}</span>
                <button
                    type="button"
                    title=move || t(Text::Language)
                    on:click=move |_| lang.update(|l| *l = l.other())
                >
                    {move || lang.get().other().code()}
                </button>
                <button type="button" on:click=sign_out>{move || t(Text::SignOut)}</button>
            </div>
        </header>
        <Routes fallback=move || view! { <main><p>{move || use_lang().get().t(Text::NotFound)}</p></main> }>
            <Route path=path!("/") view=Dashboard/>
            <Route path=path!("/members") view=MemberList/>
            <Route path=path!("/members/new") view=NewMember/>
            <Route path=path!("/members/:id") view=MemberPage/>
            <Route path=path!("/members/:id/print") view=MemberPrintPage/>
            <Route path=path!("/transfers") view=TransferInbox/>
            <Route path=path!("/evaluations") view=EvaluationRoundPage/>
            <Route path=path!("/badges") view=BadgePage/>
            <Route path=path!("/organizations") view=OrganizationTree/>
            <Route path=path!("/users") view=UsersPage/>
            <Route path=path!("/reports") view=ReportsPage/>
            <Route path=path!("/reports/:code/print") view=ReportPrintPage/>
            <Route path=path!("/imports") view=ImportPage/>
        </Routes>
    }
}
