//! A message a person reads, written in both languages of the vocabulary: Vietnamese (the
//! users' language, what problem documents carry) and English (for integrators and foreign
//! readers). Every entry of the catalogue builds one, so no message exists in one language only.

use qldv_api_types::vocabulary::Lang;

/// A message in Vietnamese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

/// The message as served: in the default language (Vietnamese).
impl From<Text> for String {
    fn from(t: Text) -> Self {
        match Lang::default() {
            Lang::Vi => t.vi,
            Lang::En => t.en,
        }
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
    fn a_text_is_served_in_vietnamese_and_keeps_its_english() {
        let n = 3;
        let t = text!("Còn {n} ngày", "{n} days left");
        assert_eq!(t.get(Lang::En), "3 days left");
        assert_eq!(String::from(t), "Còn 3 ngày");
    }
}
