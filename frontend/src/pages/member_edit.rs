//! Correcting a dossier with the version it was read at: when someone else changed it meanwhile
//! (412), the fields they changed are shown next to what this clerk typed, to apply again.

use leptos::prelude::*;
use leptos::task::spawn_local;
use qldv_api_types::members::Member;

use crate::api::{self, ApiError};
use crate::components::form::input;
use crate::components::ErrorBox;
use crate::i18n::{use_lang, Text};

/// The editable fields: (name in the API, label).
const FIELDS: [(&str, Text); 12] = [
    ("full_name", Text::FullName),
    ("birth_place", Text::BirthPlace),
    ("hometown", Text::Hometown),
    ("permanent_address", Text::PermanentAddress),
    ("current_address", Text::CurrentAddress),
    ("ethnicity", Text::Ethnicity),
    ("religion", Text::Religion),
    ("phone", Text::Phone),
    ("email", Text::Email),
    ("education_general", Text::Education),
    ("occupation", Text::Occupation),
    ("workplace", Text::Workplace),
];

fn value_of(m: &Member, field: &str) -> String {
    serde_json::to_value(&m.profile)
        .ok()
        .and_then(|v| v.get(field).and_then(|x| x.as_str().map(str::to_string)))
        .unwrap_or_default()
}

/// The edit form; `saved` is told when the record changed.
#[component]
pub fn EditDossier(member: Member, saved: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let base = RwSignal::new(member.clone());
    let values: Vec<(&'static str, Text, RwSignal<String>)> = FIELDS
        .iter()
        .map(|(f, l)| (*f, *l, RwSignal::new(value_of(&member, f))))
        .collect();
    let error = RwSignal::new(None::<ApiError>);
    let conflict = RwSignal::new(Vec::<(Text, String, String)>::new());
    let fields = values.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let original = base.get_untracked();
        let mut body = serde_json::Map::new();
        for (f, _, v) in &fields {
            let new = v.get_untracked().trim().to_string();
            if !new.is_empty() && new != value_of(&original, f) {
                body.insert((*f).to_string(), serde_json::Value::String(new));
            }
        }
        let fields = fields.clone();
        error.set(None);
        conflict.set(Vec::new());
        spawn_local(async move {
            let path = format!("/members/{}", original.id);
            match api::send_if_match::<_, Member>("PATCH", &path, &body, original.version).await {
                Ok(m) => {
                    base.set(m);
                    saved.update(|n| *n += 1);
                }
                Err(e) if e.status == 412 => {
                    // Someone else saved first: show what they changed, keep what was typed.
                    if let Ok(current) = api::get::<Member>(&path).await {
                        let changed = fields
                            .iter()
                            .filter(|(f, _, _)| value_of(&current, f) != value_of(&original, f))
                            .map(|(f, l, v)| (*l, value_of(&current, f), v.get_untracked()))
                            .collect();
                        conflict.set(changed);
                        base.set(current);
                    }
                    error.set(Some(e));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="inline-form no-print" on:submit=submit aria-label=move || t(Text::EditDossier)>
            {values.into_iter().map(|(f, l, v)| input(f, l, "text", v, error)).collect_view()}
            <div><button class="primary" type="submit">{move || t(Text::Save)}</button></div>
        </form>
        {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
        <Show when=move || conflict.with(|c| !c.is_empty())>
            <div class="alert-box" data-testid="conflict">
                <p>{move || t(Text::ChangedMeanwhile)}</p>
                <table>
                    <thead><tr><th></th><th>{move || t(Text::TheirValue)}</th><th>{move || t(Text::YourValue)}</th></tr></thead>
                    <tbody>
                        {move || conflict.get().into_iter().map(|(l, theirs, yours)| view! {
                            <tr><td>{move || lang.get().t(l)}</td><td>{theirs}</td><td>{yours}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
