//! Lifecycle decisions on a member record: recognition, discipline, exit, re-admission.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::components::confirm::{member_and_org, Confirm, ConfirmDialog};
use crate::components::form::{input, select, some};
use crate::components::org_picker::scope_root;
use crate::components::ErrorBox;
use crate::format;
use crate::i18n::{use_lang, ux, Lang, Text};

/// A text or date input of a decision form: (name in the API, label, input type, value).
type Field = (&'static str, Text, &'static str, RwSignal<String>);
/// A choice of a decision form: (name in the API, label, options, value).
type Choice = (
    &'static str,
    Text,
    Vec<(&'static str, Text)>,
    RwSignal<String>,
);

/// The sentence of a confirmation: (language, label of the form's first choice, member's name,
/// their organisation) → what will happen.
type Question = fn(Lang, &str, &str, &str) -> String;

/// One decision form, posted as JSON to `path`; with `question`, named in full and confirmed
/// before it is sent.
fn decision_form(
    title: Text,
    (member, path): (i64, String),
    fields: Vec<Field>,
    selects: Vec<Choice>,
    question: Option<Question>,
    done: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<ApiError>);
    let ok = RwSignal::new(false);
    let confirm = Confirm::new();
    let root = scope_root();
    let (f2, s2) = (fields.clone(), selects.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut body = serde_json::Map::new();
        for (name, _, _, v) in &f2 {
            if let Some(x) = some(*v) {
                body.insert((*name).to_string(), serde_json::Value::String(x));
            }
        }
        for (name, _, _, v) in &s2 {
            body.insert(
                (*name).to_string(),
                serde_json::Value::String(v.get_untracked()),
            );
        }
        let path = path.clone();
        error.set(None);
        ok.set(false);
        let send = move || {
            let (path, body) = (path.clone(), body.clone());
            spawn_local(async move {
                match api::send::<_, serde_json::Value>("POST", &path, &body).await {
                    Ok(_) => {
                        ok.set(true);
                        done.update(|n| *n += 1);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        };
        let Some(question) = question else {
            send();
            return;
        };
        let l = lang.get_untracked();
        // The label of the choice made (the form of discipline, the reason of exit).
        let choice = s2
            .first()
            .and_then(|(_, _, options, v)| {
                let v = v.get_untracked();
                options
                    .iter()
                    .find(|(code, _)| *code == v)
                    .map(|(_, label)| l.t(*label))
            })
            .unwrap_or_default();
        spawn_local(async move {
            let (name, org) = member_and_org(l, member, root).await;
            confirm.ask(question(l, choice, &name, &org), send);
        });
    };
    view! {
        <form class="card no-print" on:submit=submit aria-label=move || lang.get().t(title)>
            <h2>{move || lang.get().t(title)}</h2>
            <div class="inline-form">
                {selects.into_iter().map(|(n, l, o, v)| select(n, l, o, v, error)).collect_view()}
                {fields.into_iter().map(|(n, l, k, v)| input(n, l, k, v, error)).collect_view()}
                <div><button class="primary" type="submit">{move || lang.get().t(Text::Save)}</button></div>
            </div>
            <ConfirmDialog confirm=confirm/>
            {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
            <Show when=move || ok.get()><p role="status">{move || lang.get().t(Text::Saved)}</p></Show>
        </form>
    }
}

/// The decisions of a member.
#[component]
pub fn Actions(member: i64, done: RwSignal<u32>) -> impl IntoView {
    let s = || RwSignal::new(String::new());
    let today = || RwSignal::new(format::today_iso());
    let m = format!("/members/{member}");
    let at = |p: &str| (member, format!("{m}/{p}"));
    view! {
        {decision_form(Text::Recognize, at("recognition"),
            vec![("decided_on", Text::DecidedOn, "date", today()), ("decision_no", Text::Decision, "text", s())],
            vec![], None, done)}
        {decision_form(Text::Disciplines, at("disciplines"),
            vec![("decided_on", Text::DecidedOn, "date", today()), ("decision_no", Text::Decision, "text", s()),
                 ("reason", Text::Reason, "text", s()), ("post", Text::Post, "text", s())],
            vec![("form", Text::Form, vec![("reprimand", Text::Reprimand), ("warning", Text::Warning),
                 ("dismissal", Text::Dismissal), ("expulsion", Text::Expulsion)], RwSignal::new("reprimand".into()))],
            Some(ux::confirm_discipline), done)}
        {decision_form(Text::Exit, at("exit"),
            vec![("effective_on", Text::EffectiveOn, "date", today()), ("decision_no", Text::Decision, "text", s()),
                 ("hardship_reason", Text::HardshipReason, "text", s())],
            vec![("reason", Text::Reason, vec![("name_removed", Text::NameRemoved), ("resigned", Text::Resigned),
                 ("deceased", Text::Deceased)], RwSignal::new("name_removed".into()))],
            Some(ux::confirm_exit), done)}
        {decision_form(Text::Readmit, at("readmission"),
            vec![("admission_decision_on", Text::AdmissionDecision, "date", s()), ("ceremony_on", Text::Ceremony, "date", s()),
                 ("decision_no", Text::Decision, "text", s()), ("consent_no", Text::ConsentNo, "text", s())],
            vec![], None, done)}
    }
}
