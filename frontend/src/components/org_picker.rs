//! Choosing an organisation of the caller's scope by name, the tree shown by indentation.

use leptos::prelude::*;
use qldv_api_types::organizations::Organization;
use qldv_api_types::OrgId;

use crate::api::{self, ApiResult};
use crate::i18n::{use_lang, Text};
use crate::session;

/// Every organisation of the caller's scope in tree order, read once for the signed-in session
/// (every picker and name lookup shares it).
#[derive(Clone, Copy)]
pub struct Scope(pub LocalResource<ApiResult<Vec<Organization>>>);

/// Provides the scope (at the signed-in layout).
pub fn provide_scope() {
    let root = session::own_org();
    provide_context(Scope(LocalResource::new(move || {
        api::organizations::scope(root)
    })));
}

/// The organisations of the scope loaded so far (none while loading).
pub fn scope_orgs() -> Vec<Organization> {
    use_context::<Scope>()
        .and_then(|Scope(s)| s.get())
        .and_then(Result::ok)
        .unwrap_or_default()
}

/// The name of an organisation of the scope, or its id when it is outside (or not loaded yet).
pub fn org_name(id: OrgId) -> String {
    scope_orgs()
        .into_iter()
        .find(|o| o.id == id)
        .map(|o| o.name)
        .unwrap_or_else(|| id.to_string())
}

/// A select of the organisations in scope showing `value`; a choice calls `on_change`.
#[component]
pub fn OrgPicker(
    /// The select's id (for its label).
    id: &'static str,
    /// The organisation shown as chosen.
    #[prop(into)]
    value: Signal<Option<OrgId>>,
    /// Told the new choice (none for "— Choose —").
    #[prop(into)]
    on_change: Callback<Option<OrgId>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <select id=id on:change=move |ev| on_change.run(event_target_value(&ev).parse().ok())>
            <option value="" selected=move || value.get().is_none()>{move || lang.get().t(Text::ChooseOne)}</option>
            {move || scope_orgs().into_iter().map(|o| {
                let oid = o.id;
                let indent = "\u{a0}\u{a0}".repeat(usize::try_from(o.depth).unwrap_or(0));
                view! {
                    <option value=oid.to_string() selected=move || value.get() == Some(oid)>
                        {move || format!("{indent}{} ({} {})", o.name, lang.get().t(Text::Code), o.id)}
                    </option>
                }
            }).collect_view()}
        </select>
    }
}

/// A labelled [`OrgPicker`] ("Tổ chức đảng"), with the server's message for
/// `organization_id` under it.
pub fn org_field(
    id: &'static str,
    value: impl Into<Signal<Option<OrgId>>>,
    on_change: impl Fn(Option<OrgId>) + Send + Sync + 'static,
    error: Option<Signal<Option<crate::api::ApiError>>>,
) -> impl IntoView {
    let lang = use_lang();
    let (value, on_change) = (value.into(), Callback::new(on_change));
    view! {
        <div>
            <label for=id>{move || lang.get().t(Text::Organizations)}</label>
            <OrgPicker id=id value=value on_change=on_change/>
            {error.map(|e| crate::components::form::field_error(e, "organization_id"))}
        </div>
    }
}

/// The organisation a page is about: the URL's `organization_id`, or the account's own; with
/// its labelled picker, whose choice goes into the URL (bookmark, back, reload).
pub fn org_in_url(id: &'static str) -> (Signal<Option<OrgId>>, impl IntoView) {
    let own = session::own_org();
    let (param, set) = leptos_router::hooks::query_signal::<OrgId>("organization_id");
    let org = Signal::derive(move || param.get().or(own));
    let field = org_field(id, org, move |o: Option<OrgId>| set.set(o), None);
    (org, field)
}
