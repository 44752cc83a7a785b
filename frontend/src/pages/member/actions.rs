//! `/members/:id/actions`: lifecycle decisions on a member record: recognition, discipline, exit,
//! re-admission. Each form builds its request DTO and sends it through an action.

use std::future::Future;

use leptos::prelude::*;
use qldv_api_types::members::Recognition;
use qldv_api_types::movements::{
    CreateDiscipline, DisciplineForm, ExitReason, ExitRequest, ReadmissionRequest,
};
use qldv_api_types::{MemberId, Term};

use super::{member_id, use_record};
use crate::api::{self, ApiError, ApiResult};
use crate::components::action::{failure, outcome, write};
use crate::components::confirm::{member_and_org, Confirm, ConfirmDialog};
use crate::components::form::{date, input_in, select_in, some, term, terms, text};
use crate::format;
use crate::i18n::{label, use_lang, ux, Lang, Text};

/// The values of a decision form, by the field names of the API.
#[derive(Clone)]
struct Values(Vec<(&'static str, RwSignal<String>)>);

impl Values {
    fn get(&self, name: &str) -> RwSignal<String> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .unwrap_or_else(|| RwSignal::new(String::new()))
    }
}

/// An input of a decision form: (name in the API, label, input type, starts as today).
type Field = (&'static str, Text, &'static str, bool);
/// A choice of a decision form: (name in the API, label, options).
type Choice = (
    &'static str,
    Text,
    Vec<(&'static str, &'static str, &'static str)>,
);

/// The sentence of a confirmation: (language, label of the form's first choice, member's name,
/// their organisation) → what will happen.
type Question = fn(Lang, &str, &str, &str) -> String;

/// One decision form: its inputs, then `build` reads the request out of them and `send` posts it
/// for the member; the record is read again after a success.
fn decision_form<B, O, Fut>(
    form: &'static str,
    title: Text,
    selects: Vec<Choice>,
    fields: Vec<Field>,
    build: impl Fn(&Values) -> Result<B, ApiError> + 'static,
    send: impl Fn(MemberId, B) -> Fut + Copy + 'static,
    question: Option<Question>,
) -> impl IntoView
where
    B: Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
    Fut: Future<Output = ApiResult<O>> + 'static,
{
    let lang = use_lang();
    let id = member_id();
    let record = use_record();
    let values = Values(
        selects
            .iter()
            .map(|(n, _, o)| {
                (
                    *n,
                    RwSignal::new(o.first().map(|x| x.0).unwrap_or("").to_string()),
                )
            })
            .chain(fields.iter().map(|(n, _, _, today)| {
                (
                    *n,
                    RwSignal::new(if *today {
                        format::today_iso()
                    } else {
                        String::new()
                    }),
                )
            }))
            .collect(),
    );
    let decide = write(move |input: &(Option<MemberId>, Result<B, ApiError>)| {
        let (member, body) = input.clone();
        async move {
            let member = member.ok_or_else(|| ApiError::local(Text::NotFound))?;
            let out = send(member, body?).await?;
            if let Some(r) = record {
                r.refetch();
            }
            Ok(out)
        }
    });
    let error = failure(decide);
    let confirm = Confirm::new();
    let v = values.clone();
    // The label of the choice made (the form of discipline, the reason of exit).
    let first_choice = selects.first().map(|(n, _, o)| (values.get(n), o.clone()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = (id.get_untracked(), build(&v));
        let Some(question) = question.filter(|_| input.1.is_ok()) else {
            decide.dispatch(input);
            return;
        };
        let l = lang.get_untracked();
        let choice = first_choice
            .as_ref()
            .and_then(|(value, options)| {
                let v = value.get_untracked();
                options
                    .iter()
                    .find(|(code, _, _)| *code == v)
                    .map(|(_, vi, en)| if l == Lang::En { *en } else { *vi })
            })
            .unwrap_or_default();
        let member = record.and_then(|r| r.get()).and_then(Result::ok);
        let (name, org) = member_and_org(l, member.as_ref());
        confirm.ask(question(l, choice, &name, &org), move || {
            decide.dispatch(input.clone());
        });
    };
    view! {
        <form class="card no-print" on:submit=submit aria-label=move || lang.get().t(title)>
            <h2>{move || lang.get().t(title)}</h2>
            <div class="inline-form">
                {selects.into_iter().map(|(n, l, o)| select_in(form, n, l, o, values.get(n), error)).collect_view()}
                {fields.into_iter().map(|(n, l, k, _)| input_in(form, n, l, k, values.get(n), error)).collect_view()}
                <div><button class="primary" type="submit" disabled=move || decide.pending().get()>{label(lang, Text::Save)}</button></div>
            </div>
            <ConfirmDialog confirm=confirm/>
            {outcome(decide)}
        </form>
    }
}

/// The decisions of a member.
#[component]
pub fn Actions() -> impl IntoView {
    view! {
        {decision_form(
            "recognition",
            Text::Recognize,
            vec![],
            vec![("decided_on", Text::DecidedOn, "date", true), ("decision_no", Text::Decision, "text", false)],
            |v| Ok(Recognition {
                decided_on: date("decided_on", v.get("decided_on"))?,
                decision_no: text(v.get("decision_no")),
            }),
            |id, b| async move { api::members::recognize(id, &b).await },
            Some(ux::confirm_recognition),
        )}
        {decision_form(
            "discipline",
            Text::Disciplines,
            vec![("form", Text::Form, terms(DisciplineForm::ALL))],
            vec![("decided_on", Text::DecidedOn, "date", true), ("decision_no", Text::Decision, "text", false),
                 ("reason", Text::Reason, "text", false), ("post", Text::Post, "text", false)],
            |v| Ok(CreateDiscipline {
                form: term("form", v.get("form"))?,
                decided_on: date("decided_on", v.get("decided_on"))?,
                decision_no: text(v.get("decision_no")),
                reason: text(v.get("reason")),
                post: some(v.get("post")),
                bars_readmission: false,
                announced_on: None,
            }),
            |id, b| async move { api::members::discipline(id, &b).await },
            Some(ux::confirm_discipline),
        )}
        {decision_form(
            "exit",
            Text::Exit,
            vec![("reason", Text::Reason, terms(ExitReason::ALL))],
            vec![("effective_on", Text::EffectiveOn, "date", true), ("decision_no", Text::Decision, "text", false),
                 ("hardship_reason", Text::HardshipReason, "text", false)],
            |v| Ok(ExitRequest {
                reason: term("reason", v.get("reason"))?,
                effective_on: date("effective_on", v.get("effective_on"))?,
                decision_no: text(v.get("decision_no")),
                abandoned_activities: false,
                hardship_reason: some(v.get("hardship_reason")),
            }),
            |id, b| async move { api::members::exit(id, &b).await },
            Some(ux::confirm_exit),
        )}
        {decision_form(
            "readmission",
            Text::Readmit,
            vec![],
            vec![("admission_decision_on", Text::AdmissionDecision, "date", false), ("ceremony_on", Text::Ceremony, "date", false),
                 ("decision_no", Text::Decision, "text", false), ("consent_no", Text::ConsentNo, "text", false)],
            |v| Ok(ReadmissionRequest {
                admission_decision_on: date("admission_decision_on", v.get("admission_decision_on"))?,
                ceremony_on: date("ceremony_on", v.get("ceremony_on"))?,
                decision_no: text(v.get("decision_no")),
                consent_no: text(v.get("consent_no")),
                criminal_record_cleared_on: None,
                decision_received_on: None,
                ceremony_delay_approval_no: None,
            }),
            |id, b| async move { api::members::readmit(id, &b).await },
            Some(ux::confirm_readmission),
        )}
    }
}
