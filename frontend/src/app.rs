//! The application: language and session, the header, and the routes (the URL map is in
//! [`crate::urls`]).

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use leptos_router::{path, Lazy};

use crate::components::menu::MenuButton;
use crate::components::org_kind::provide_kinds;
use crate::components::org_picker::provide_scope;
use crate::components::Loading;
use crate::i18n::{label, provide_lang, use_lang, yl, Text, Yr};
use crate::pages::login::Login;
use crate::pages::members::MemberList;
use crate::{api, lazy, session};

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    provide_lang();
    let user = session::provide();
    // A reload with a stored token: the account is read again before anything is shown.
    let restore = Action::new_local(move |_: &()| async move {
        match api::auth::me().await {
            Ok(me) => user.set(Some(me)),
            Err(_) => session::expire(),
        }
    });
    if session::token().is_some() {
        restore.dispatch(());
    }
    let sign_out = Action::new_local(|_: &()| api::auth::sign_out());
    provide_context(SignOut(sign_out));
    let checking = restore.pending();
    view! {
        <Router>
            {move || {
                if checking.get() {
                    view! { <main><Loading/></main> }.into_any()
                } else if user.with(Option::is_none) {
                    view! { <Login/> }.into_any()
                } else {
                    view! { <Shell/> }.into_any()
                }
            }}
        </Router>
    }
}

/// Signing out (an action of the app, so it outlives the page that starts it).
#[derive(Clone, Copy)]
struct SignOut(Action<(), api::ApiResult<()>>);

/// The signed-in layout: header with navigation, then the page.
#[component]
fn Shell() -> impl IntoView {
    let lang = use_lang();
    let user = session::use_user();
    let writer = move || user.with(|u| u.as_ref().is_some_and(|u| session::writes(u.role)));
    let sign_out = use_context::<SignOut>();
    provide_scope();
    provide_kinds();
    let menu_open = RwSignal::new(false);
    view! {
        <header class="top" class:menu-open=move || menu_open.get()>
            <A href="/" attr:class="brand">"QLĐV"</A>
            <MenuButton open=menu_open controls="main-nav"/>
            // Choosing a page folds the phone menu away.
            <nav id="main-nav" aria-label="Chính" on:click=move |_| menu_open.set(false)>
                <A href="/" exact=true>{label(lang, Text::Dashboard)}</A>
                <A href="/members">{label(lang, Text::Members)}</A>
                <A href="/candidates">{label(lang, Text::Candidates)}</A>
                <A href="/cells/month">{yl(lang, Yr::CellMonth)}</A>
                <A href="/transfers">{label(lang, Text::Transfers)}</A>
                <A href="/evaluations">{label(lang, Text::Evaluations)}</A>
                <A href="/badges">{label(lang, Text::Badges)}</A>
                <A href="/organizations">{label(lang, Text::Organizations)}</A>
                <A href="/reports">{label(lang, Text::Reports)}</A>
                <Show when=writer>
                    <A href="/imports">{label(lang, Text::Import)}</A>
                    <A href="/users">{label(lang, Text::Users)}</A>
                </Show>
            </nav>
            <div class="right">
                <span>{move || user.get().map(|u| u.username).unwrap_or_default()}</span>
                <button
                    type="button"
                    title=label(lang, Text::Language)
                    on:click=move |_| lang.update(|l| *l = l.other())
                >
                    {move || lang.get().other().code()}
                </button>
                <button type="button" on:click=move |_| {
                    if let Some(SignOut(a)) = sign_out {
                        a.dispatch(());
                    }
                }>{label(lang, Text::SignOut)}</button>
            </div>
        </header>
        <Routes fallback=move || view! { <main><p>{move || use_lang().get().t(Text::NotFound)}</p></main> }>
            <Route path=path!("/") view={Lazy::<lazy::DashboardRoute>::new()}/>
            <Route path=path!("/members") view=MemberList/>
            <Route path=path!("/members/new") view={Lazy::<lazy::NewMemberRoute>::new()}/>
            <Route path=path!("/members/:id/print") view={Lazy::<lazy::MemberPrintRoute>::new()}/>
            <ParentRoute path=path!("/members/:id") view={Lazy::<lazy::MemberRoute>::new()}>
                <Route path=path!("") view={Lazy::<lazy::DossierRoute>::new()}/>
                <Route path=path!("edit") view={Lazy::<lazy::EditDossierRoute>::new()}/>
                <Route path=path!("events") view={Lazy::<lazy::EventsRoute>::new()}/>
                <Route path=path!("evaluations") view={Lazy::<lazy::MemberEvaluationsRoute>::new()}/>
                <Route path=path!("cards") view={Lazy::<lazy::CardsRoute>::new()}/>
                <Route path=path!("badges") view={Lazy::<lazy::MemberBadgesRoute>::new()}/>
                <Route path=path!("transfers") view={Lazy::<lazy::MemberTransfersRoute>::new()}/>
                <Route path=path!("disciplines") view={Lazy::<lazy::DisciplinesRoute>::new()}/>
                <Route path=path!("actions") view={Lazy::<lazy::ActionsRoute>::new()}/>
                <Route path=path!("year") view={Lazy::<lazy::MemberYearRoute>::new()}/>
            </ParentRoute>
            <Route path=path!("/candidates") view={Lazy::<lazy::PipelineRoute>::new()}/>
            <Route path=path!("/candidates/new") view={Lazy::<lazy::NewCandidateRoute>::new()}/>
            <Route path=path!("/candidates/:id") view={Lazy::<lazy::CandidateRoute>::new()}/>
            <Route path=path!("/targets") view={Lazy::<lazy::TargetsRoute>::new()}/>
            <Route path=path!("/cells/month") view={Lazy::<lazy::CellChooserRoute>::new()}/>
            <Route path=path!("/cells/:id/month") view={Lazy::<lazy::CellMonthRoute>::new()}/>
            <Route path=path!("/cells/:id/liaisons") view={Lazy::<lazy::LiaisonsRoute>::new()}/>
            <Route path=path!("/transfers") view={Lazy::<lazy::TransfersRoute>::new()}/>
            <Route path=path!("/evaluations") view={Lazy::<lazy::EvaluationsRoute>::new()}/>
            <Route path=path!("/badges") view={Lazy::<lazy::BadgesRoute>::new()}/>
            <Route path=path!("/organizations") view={Lazy::<lazy::OrganizationsRoute>::new()}/>
            <Route path=path!("/reports") view={Lazy::<lazy::ReportsRoute>::new()}/>
            <Route path=path!("/users") view={Lazy::<lazy::UsersRoute>::new()}/>
            <Route path=path!("/imports") view={Lazy::<lazy::ImportsRoute>::new()}/>
            <Route path=path!("/reports/:code/print") view={Lazy::<lazy::ReportPrintRoute>::new()}/>
        </Routes>
    }
}

/// A protected route's page: shown to the roles that write (administrators and organizers);
/// any other role is sent to the dashboard, whatever link or typed address brought it.
///
/// (Not leptos_router's `<ProtectedRoute>`: in 0.8.17 its `<Redirect>` runs while the route
/// renders, and on a first load at the protected address it panics with "use_navigate outside a
/// <Router>". Here the redirect is an effect, after the render.)
#[component]
pub fn WritersOnly(children: ChildrenFn) -> impl IntoView {
    let user = session::use_user();
    let navigate = use_navigate();
    let allowed = move || user.with(|u| u.as_ref().is_some_and(|u| session::writes(u.role)));
    Effect::new(move |_| {
        if !allowed() {
            navigate(
                "/",
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    view! { <Show when=allowed>{children()}</Show> }
}
