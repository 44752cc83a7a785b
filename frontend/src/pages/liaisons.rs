//! The residence cell's members in liaison (`/cells/:id/liaisons?year=`, 213-QĐ/TW): what the
//! cell where a member lives may read of them — name, address, phone, the mode and its own
//! comments, never the dossier — and the yearly comment it writes before the evaluation round.

use leptos::prelude::*;
use leptos_router::hooks::{query_signal, use_params_map};
use qldv_api_types::liaisons::{LiaisonView, WriteLiaisonComment};
use qldv_api_types::OrgId;

use crate::api::{self, ApiError};
use crate::components::action::{outcome, write};
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::org_picker::org_name;
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{label, use_lang, yl, Text, Yr};

/// One member in liaison, with the comment form for `year`.
fn card(v: LiaisonView, year: i32) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get_untracked();
    let id = v.liaison_id;
    let text = RwSignal::new(
        v.comments
            .iter()
            .find(|c| c.year == year)
            .map(|c| c.text.clone())
            .unwrap_or_default(),
    );
    let save = write(move |body: &WriteLiaisonComment| {
        let body = body.clone();
        async move { api::liaisons::comment(id, year, &body).await }
    });
    let field = format!("comment-{id}");
    let facts = [
        (Text::CurrentAddress, format::opt(&v.address)),
        (Text::Phone, format::opt(&v.phone)),
    ];
    let mode = v.mode;
    let earlier: Vec<_> = v.comments.into_iter().filter(|c| c.year != year).collect();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(WriteLiaisonComment {
            text: text.get_untracked().trim().to_string(),
        });
    };
    view! {
        <section class="card liaison">
            <h2>{v.full_name}</h2>
            <dl class="facts">
                {facts.into_iter().map(|(k, v)| view! { <dt>{label(lang, k)}</dt><dd>{v}</dd> }).collect_view()}
                <dt>{yl(lang, Yr::Mode)}</dt><dd>{move || lang.get().term(mode)}</dd>
                <dt>{yl(lang, Yr::IntroducedOn)}</dt><dd>{format::date(v.introduced_on)}</dd>
            </dl>
            {(!earlier.is_empty()).then(|| view! {
                <h3>{l.yr(Yr::EarlierComments)}</h3>
                <ul>{earlier.into_iter().map(|c| view! { <li><strong>{c.year}": "</strong>{c.text}</li> }).collect_view()}</ul>
            })}
            <form on:submit=submit>
                <label for=field.clone()>{yl(lang, Yr::Comment)}" "{year}</label>
                <textarea id=field rows="3" maxlength="4000" bind:value=text></textarea>
                <button class="primary" type="submit" disabled=move || save.pending().get()>{yl(lang, Yr::SaveComment)}</button>
            </form>
            {outcome(save)}
        </section>
    }
}

/// The residence cell's liaison page.
#[component]
pub fn LiaisonsPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let org =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<OrgId>().ok())));
    let (year_param, set_year) = query_signal::<i32>("year");
    let year = Signal::derive(move || year_param.get().unwrap_or_else(format::this_year));
    let list = read(move || {
        let o = org.get();
        async move {
            let o = o.ok_or_else(|| ApiError::local(Text::NotFound))?;
            api::liaisons::members(o).await
        }
    });
    let body = show(list, move |list: Vec<LiaisonView>| {
        if list.is_empty() {
            return view! { <p class="empty">{yl(lang, Yr::NoLiaisons)}</p> }.into_any();
        }
        let y = year.get_untracked();
        list.into_iter()
            .map(|v| card(v, y))
            .collect_view()
            .into_any()
    });
    view! {
        <main>
            <h1>{yl(lang, Yr::Liaisons)}": "{move || org.get().map(org_name).unwrap_or_default()}</h1>
            <OrgBreadcrumbs org=Signal::derive(move || org.get()) base="/members"/>
            <div class="toolbar">
                <div>
                    <label for="liaison-year">{label(lang, Text::Year)}</label>
                    <input id="liaison-year" type="number" min="2000" max="2100"
                        prop:value=move || year.get().to_string()
                        on:change=move |ev| set_year.set(event_target_value(&ev).parse().ok())/>
                </div>
            </div>
            {body}
        </main>
    }
}
