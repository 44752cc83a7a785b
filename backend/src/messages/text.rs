//! A message a person reads, written in both languages of the vocabulary: Vietnamese (the
//! users' language, served by default) and English (served to a caller whose `Accept-Language`
//! prefers it). Every entry of the catalogue builds one, so no message exists in one language only.

use qldv_api_types::vocabulary::Lang;

/// A message in Vietnamese and English.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// Tiếng Việt.
    pub vi: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The message in both languages.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }

    /// The message in the language of the request being served (Vietnamese outside a request):
    /// for text that goes into a response body rather than a problem document.
    pub fn served(&self) -> String {
        self.get(super::lang::current()).to_string()
    }

    /// Each language's text run through `f` with that language (to compose messages).
    pub fn map(&self, f: impl Fn(Lang, &str) -> String) -> Self {
        Self {
            vi: f(Lang::Vi, &self.vi),
            en: f(Lang::En, &self.en),
        }
    }
}

impl std::fmt::Display for Text {
    /// The Vietnamese text (logs and the command line).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.vi)
    }
}

/// `text!("… {x} …", "… {x} …")`: a [`Text`] formatted in both languages.
macro_rules! text {
    ($vi:literal, $en:literal $(,)?) => {
        $crate::messages::Text::new(format!($vi), format!($en))
    };
    ($vi:literal, $en:literal, $($arg:tt)+) => {
        $crate::messages::Text::new(format!($vi, $($arg)+), format!($en, $($arg)+))
    };
}
pub(crate) use text;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_keeps_both_languages() {
        let n = 3;
        let t = text!("Còn {n} ngày", "{n} days left");
        assert_eq!(t.get(Lang::En), "3 days left");
        assert_eq!(t.get(Lang::Vi), "Còn 3 ngày");
        assert_eq!(t.to_string(), "Còn 3 ngày");
    }
}
