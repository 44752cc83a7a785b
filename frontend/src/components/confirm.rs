//! A confirmation that names what will happen before a decision is sent (a transfer, an exit, a
//! discipline): the sentence in full, "Xác nhận" to go on, "Xem lại" or Escape to go back.

use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use qldv_api_types::members::Member;

use crate::components::org_picker::scope_orgs;
use crate::i18n::{use_lang, ux, Lang, Ux};

/// A question waiting for the clerk's answer, and what to do on yes.
#[derive(Clone, Copy)]
pub struct Confirm {
    question: RwSignal<Option<String>>,
    action: StoredValue<Option<Rc<dyn Fn()>>, LocalStorage>,
}

impl Default for Confirm {
    fn default() -> Self {
        Self::new()
    }
}

impl Confirm {
    /// No question yet.
    pub fn new() -> Self {
        Self {
            question: RwSignal::new(None),
            action: StoredValue::new_local(None),
        }
    }

    /// Shows `question`; `action` runs only when the clerk confirms.
    pub fn ask(&self, question: String, action: impl Fn() + 'static) {
        self.action.set_value(Some(Rc::new(action)));
        self.question.set(Some(question));
    }

    fn answer(&self, yes: bool) {
        self.question.set(None);
        let action = self.action.get_value();
        self.action.set_value(None);
        if let (true, Some(run)) = (yes, action) {
            run();
        }
    }
}

/// The member's name and the name of their organisation, from the record read (for the sentence
/// of a confirmation).
pub fn member_and_org(lang: Lang, m: Option<&Member>) -> (String, String) {
    match m {
        Some(m) => (
            m.profile
                .full_name
                .clone()
                .unwrap_or_else(|| format!("#{}", m.id)),
            org_name(lang, m.organization_id.0),
        ),
        None => (String::new(), String::new()),
    }
}

/// An organisation's name when it is in the caller's scope, otherwise "the organisation with id …".
pub fn org_name(lang: Lang, id: i64) -> String {
    scope_orgs()
        .into_iter()
        .find(|o| o.id.0 == id)
        .map(|o| o.name)
        .unwrap_or_else(|| ux::org_by_id(lang, &id.to_string()))
}

/// The dialog of a [`Confirm`]; shown while it has a question.
#[component]
pub fn ConfirmDialog(confirm: Confirm) -> impl IntoView {
    let lang = use_lang();
    let yes: NodeRef<html::Button> = NodeRef::new();
    // The confirming button takes the focus: Enter goes on, Escape goes back.
    Effect::new(move |_| {
        if let Some(b) = yes.get() {
            let _ = b.focus();
        }
    });
    view! {
        <Show when=move || confirm.question.with(Option::is_some)>
            <div class="modal-backdrop">
                <div
                    class="modal"
                    role="alertdialog"
                    aria-modal="true"
                    aria-labelledby="confirm-title"
                    aria-describedby="confirm-text"
                    on:keydown=move |ev| if ev.key() == "Escape" { confirm.answer(false) }
                >
                    <h2 id="confirm-title">{move || lang.get().ux(Ux::ConfirmTitle)}</h2>
                    <p id="confirm-text" class="confirm-text">{move || confirm.question.get().unwrap_or_default()}</p>
                    <div class="modal-actions">
                        <button node_ref=yes class="primary" type="button" on:click=move |_| confirm.answer(true)>
                            {move || lang.get().ux(Ux::Confirm)}
                        </button>
                        <button type="button" on:click=move |_| confirm.answer(false)>
                            {move || lang.get().ux(Ux::GoBack)}
                        </button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
