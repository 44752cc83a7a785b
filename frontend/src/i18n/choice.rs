//! The language choice, remembered in `localStorage` so a reload or the next visit keeps it.

use leptos::prelude::*;

use super::Lang;

const LANG_KEY: &str = "qldv.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

impl Lang {
    /// The code stored and put in `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Vi => "vi",
            Self::En => "en",
        }
    }

    /// The language of a stored code (Vietnamese for anything else).
    pub fn from_tag(tag: &str) -> Self {
        match tag {
            "en" => Self::En,
            _ => Self::Vi,
        }
    }
}

/// The language chosen last time (Vietnamese the first time).
pub fn stored_lang() -> Lang {
    storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .map(|t| Lang::from_tag(&t))
        .unwrap_or(Lang::Vi)
}

/// Provides the language signal of the app, starting from the stored choice; each change is
/// stored and set on `<html lang>` (screen readers and hyphenation follow it).
pub fn provide_lang() -> RwSignal<Lang> {
    let lang = RwSignal::new(stored_lang());
    provide_context(lang);
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(s) = storage() {
            let _ = s.set_item(LANG_KEY, l.tag());
        }
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", l.tag());
        }
    });
    lang
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_codes_read_back() {
        for l in [Lang::Vi, Lang::En] {
            assert_eq!(Lang::from_tag(l.tag()), l);
        }
        assert_eq!(Lang::from_tag("fr"), Lang::Vi);
    }
}
