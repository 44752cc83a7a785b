//! `/members/:id/edit`: correcting a dossier with the version it was read at. When someone else
//! changed it meanwhile (412), the fields they changed are shown next to what this clerk typed,
//! to apply again.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use qldv_api_types::members::{Member, MemberProfile};

use super::use_record;
use crate::api;
use crate::components::action::{failure, problem, write};
use crate::components::form::input;
use crate::components::read::show;
use crate::components::still_here;
use crate::i18n::{label, use_lang, Text};
use crate::urls;

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

/// The text field `name` of a profile.
fn slot<'a>(p: &'a mut MemberProfile, name: &str) -> Option<&'a mut Option<String>> {
    Some(match name {
        "full_name" => &mut p.full_name,
        "birth_place" => &mut p.birth_place,
        "hometown" => &mut p.hometown,
        "permanent_address" => &mut p.permanent_address,
        "current_address" => &mut p.current_address,
        "ethnicity" => &mut p.ethnicity,
        "religion" => &mut p.religion,
        "phone" => &mut p.phone,
        "email" => &mut p.email,
        "education_general" => &mut p.education_general,
        "occupation" => &mut p.occupation,
        "workplace" => &mut p.workplace,
        _ => return None,
    })
}

fn value_of(m: &Member, field: &str) -> String {
    let mut p = m.profile.clone();
    slot(&mut p, field)
        .and_then(|v| v.clone())
        .unwrap_or_default()
}

/// A field changed by someone else meanwhile: its label, their value, the value typed here.
type Conflict = (Text, String, String);

/// The correction to send: the fields typed differently from the record read.
#[derive(Clone)]
struct Correction {
    base: Member,
    changes: MemberProfile,
    typed: Vec<(&'static str, Text, String)>,
}

/// The edit form of one record.
#[component]
fn EditForm(member: Member) -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let record = use_record();
    // The version the correction applies to: the record read, or the newer one of a conflict.
    let base = RwSignal::new(member.clone());
    let conflict = RwSignal::new(Vec::<Conflict>::new());
    let values: Vec<(&'static str, Text, RwSignal<String>)> = FIELDS
        .iter()
        .map(|(f, l)| (*f, *l, RwSignal::new(value_of(&member, f))))
        .collect();
    let here = still_here();
    let save = write(move |c: &Correction| {
        let c = c.clone();
        let navigate = navigate.clone();
        let here = here.clone();
        async move {
            let id = c.base.id;
            match api::members::update(id, &c.changes, c.base.version).await {
                Ok(m) => {
                    if let Some(r) = record {
                        r.refetch();
                    }
                    if here() {
                        navigate(&urls::member(id), Default::default());
                    }
                    Ok(m)
                }
                Err(e) if e.status() == 412 => {
                    // Someone else saved first: show what they changed, keep what was typed.
                    if let Ok(current) = api::members::get(id).await {
                        conflict.set(
                            c.typed
                                .iter()
                                .filter(|(f, _, _)| value_of(&current, f) != value_of(&c.base, f))
                                .map(|(f, l, v)| (*l, value_of(&current, f), v.clone()))
                                .collect(),
                        );
                        base.set(current);
                    }
                    Err(e)
                }
                Err(e) => Err(e),
            }
        }
    });
    let error = failure(save);
    let fields = values.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let original = base.get_untracked();
        let mut changes = MemberProfile::default();
        let mut typed = Vec::new();
        for (f, l, v) in &fields {
            let new = v.get_untracked().trim().to_string();
            if !new.is_empty() && new != value_of(&original, f) {
                if let Some(slot) = slot(&mut changes, f) {
                    *slot = Some(new.clone());
                }
            }
            typed.push((*f, *l, new));
        }
        conflict.set(Vec::new());
        save.dispatch(Correction {
            base: original,
            changes,
            typed,
        });
    };
    view! {
        <form class="inline-form no-print" on:submit=submit aria-label=label(lang, Text::EditDossier)>
            {values.into_iter().map(|(f, l, v)| input(f, l, "text", v, error)).collect_view()}
            <div><button class="primary" type="submit" disabled=move || save.pending().get()>{label(lang, Text::Save)}</button></div>
        </form>
        {problem(save)}
        <Show when=move || conflict.with(|c| !c.is_empty())>
            <div class="alert-box" data-testid="conflict">
                <p>{label(lang, Text::ChangedMeanwhile)}</p>
                <table>
                    <thead><tr><th></th><th>{label(lang, Text::TheirValue)}</th><th>{label(lang, Text::YourValue)}</th></tr></thead>
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

/// The correction tab: the form over the record read.
#[component]
pub fn EditDossier() -> impl IntoView {
    use_record().map(|record| show(record, |m: Member| view! { <EditForm member=m/> }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_editable_field_has_its_slot() {
        for (f, _) in FIELDS {
            let mut p = MemberProfile::default();
            assert!(slot(&mut p, f).is_some(), "{f}");
        }
        assert!(slot(&mut MemberProfile::default(), "gender").is_none());
    }
}
