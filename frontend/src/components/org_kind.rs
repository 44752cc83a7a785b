//! Names of organisation kinds: kinds are data (`GET /organization-kinds`), read once per
//! session and named in the chosen language instead of showing their codes.

use leptos::prelude::*;
use qldv_api_types::organizations::OrganizationKind;

use crate::api;
use crate::components::read::{read, Read};
use crate::i18n::{use_lang, Lang};

/// The kinds, read once for the signed-in session.
#[derive(Clone, Copy)]
pub struct Kinds(Read<Vec<OrganizationKind>>);

/// Provides the kinds (at the signed-in layout).
pub fn provide_kinds() {
    provide_context(Kinds(read(api::organizations::kinds)));
}

/// The name of a kind code in `lang` (the code itself while the names load or when unknown).
pub fn kind_name(kinds: &[OrganizationKind], lang: Lang, code: &str) -> String {
    kinds
        .iter()
        .find(|k| k.code == code)
        .map(|k| match lang {
            Lang::Vi => k.name_vi.clone(),
            Lang::En => k.name_en.clone(),
        })
        .unwrap_or_else(|| code.to_string())
}

/// Whether members are registered directly in organisations of kind `code` (cells and
/// grassroots cells): where meetings, dues and duties are kept. Tracked; false while the kinds
/// load.
pub fn holds_members_kind(code: &str) -> bool {
    use_context::<Kinds>()
        .and_then(|Kinds(k)| k.get())
        .and_then(Result::ok)
        .is_some_and(|list| list.iter().any(|k| k.code == code && k.holds_members))
}

/// Whether the organisation `id` of the scope holds members (see [`holds_members_kind`]).
pub fn holds_members(id: qldv_api_types::OrgId) -> bool {
    crate::components::org_picker::scope_orgs()
        .into_iter()
        .find(|o| o.id == id)
        .is_some_and(|o| holds_members_kind(&o.kind))
}

/// A kind's name, in the chosen language.
#[component]
pub fn KindName(code: String) -> impl IntoView {
    let lang = use_lang();
    let kinds = use_context::<Kinds>();
    move || {
        let list = kinds
            .and_then(|Kinds(k)| k.get())
            .and_then(Result::ok)
            .unwrap_or_default();
        kind_name(&list, lang.get(), &code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_named_in_the_chosen_language() {
        let kinds = vec![OrganizationKind {
            code: "cell".into(),
            name_vi: "Chi bộ".into(),
            name_en: "Party cell".into(),
            sort_order: 5,
            holds_members: true,
        }];
        assert_eq!(kind_name(&kinds, Lang::Vi, "cell"), "Chi bộ");
        assert_eq!(kind_name(&kinds, Lang::En, "cell"), "Party cell");
        assert_eq!(kind_name(&kinds, Lang::Vi, "unknown"), "unknown");
    }
}
