//! A failed call, told to the person in the chosen language, with the server's field errors kept
//! for the form that sent them.

use qldv_api_types::{ErrorCode, Problem};

use crate::i18n::{Lang, Text};

/// A failed call (or a form refused in the browser before any call).
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with an error status, and its problem document when it sent one.
    Server {
        /// HTTP status.
        status: u16,
        /// The problem document (`application/problem+json`).
        problem: Option<Box<Problem>>,
    },
    /// The server could not be reached, or its answer could not be read.
    Network(String),
    /// Refused in the browser: a required value is missing or unreadable (`field` names the
    /// input, as the API would).
    Local {
        /// What is wrong.
        text: Text,
        /// The field, when one field is at fault.
        field: Option<&'static str>,
    },
}

impl ApiError {
    /// A network or decoding failure.
    pub fn network(e: impl std::fmt::Display) -> Self {
        Self::Network(e.to_string())
    }

    /// A problem found in the browser, about the whole form.
    pub fn local(text: Text) -> Self {
        Self::Local { text, field: None }
    }

    /// A problem found in the browser, about one field.
    pub fn field_local(field: &'static str, text: Text) -> Self {
        Self::Local {
            text,
            field: Some(field),
        }
    }

    /// The HTTP status (0 when no answer came).
    pub fn status(&self) -> u16 {
        match self {
            Self::Server { status, .. } => *status,
            _ => 0,
        }
    }

    /// The server's problem document, if any.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            Self::Server { problem, .. } => problem.as_deref(),
            _ => None,
        }
    }

    /// What to tell the person, in `lang`. The server writes its details in Vietnamese; in English
    /// the catalogue's description of the code leads, the server's detail follows.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Server {
                problem: Some(p), ..
            } => {
                let detail = if p.detail.is_empty() {
                    p.title.clone()
                } else {
                    format!("{}: {}", p.title, p.detail)
                };
                match lang {
                    Lang::En if p.code != ErrorCode::Unrecognised => {
                        format!("{} ({detail})", p.code.description())
                    }
                    _ => detail,
                }
            }
            Self::Server { status, .. } => format!("{} {status}", lang.t(Text::ErrorStatus)),
            Self::Network(e) => format!(
                "{}: {} ({e})",
                lang.t(Text::NetworkError),
                lang.t(Text::NetworkHint)
            ),
            Self::Local { text, .. } => lang.t(*text).to_string(),
        }
    }

    /// The request id to quote to the administrators.
    pub fn request_id(&self) -> Option<&str> {
        self.problem().and_then(|p| p.request_id.as_deref())
    }

    /// The message for one field of the form, if the server (or the browser) named it.
    pub fn field(&self, lang: Lang, name: &str) -> Option<String> {
        match self {
            Self::Local {
                text,
                field: Some(f),
            } if *f == name => Some(lang.t(*text).to_string()),
            _ => self.problem().and_then(|p| {
                p.errors
                    .iter()
                    .find(|e| e.field == name)
                    .map(|e| e.message.clone())
            }),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::stored_lang()))
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;
    use qldv_api_types::FieldError;

    fn refused() -> ApiError {
        ApiError::Server {
            status: 422,
            problem: Some(Box::new(Problem {
                problem_type: "urn:qldv:problem:validation_failed".into(),
                title: "Dữ liệu không hợp lệ".into(),
                status: 422,
                detail: "1 trường không hợp lệ".into(),
                code: ErrorCode::ValidationFailed,
                request_id: Some("r-1".into()),
                errors: vec![FieldError {
                    field: "national_id".into(),
                    code: "cccd_gender".into(),
                    message: "Chữ số thứ 4 của CCCD không khớp với giới tính".into(),
                }],
            })),
        }
    }

    #[test]
    fn problems_become_messages_and_field_errors() {
        let e = refused();
        assert_eq!(
            e.message(Lang::Vi),
            "Dữ liệu không hợp lệ: 1 trường không hợp lệ"
        );
        assert_eq!(
            e.field(Lang::Vi, "national_id").as_deref(),
            Some("Chữ số thứ 4 của CCCD không khớp với giới tính")
        );
        assert_eq!(e.field(Lang::Vi, "full_name"), None);
        assert_eq!(e.request_id(), Some("r-1"));
        let bare = ApiError::Server {
            status: 502,
            problem: None,
        };
        assert_eq!(bare.message(Lang::Vi), "Lỗi 502");
        assert_eq!(bare.message(Lang::En), "Error 502");
    }

    #[test]
    fn messages_follow_the_chosen_language() {
        let e = refused();
        assert!(e.message(Lang::En).starts_with("Fields break their format"));
        let offline = ApiError::network("TypeError");
        assert!(offline
            .message(Lang::Vi)
            .starts_with("Không kết nối được máy chủ"));
        assert!(offline
            .message(Lang::En)
            .starts_with("Cannot reach the server"));
        let missing = ApiError::field_local("birth_date", Text::DateRequired);
        assert_eq!(
            missing.field(Lang::En, "birth_date").as_deref(),
            Some(Lang::En.t(Text::DateRequired))
        );
        assert_eq!(missing.field(Lang::En, "full_name"), None);
        assert_ne!(missing.message(Lang::Vi), missing.message(Lang::En));
    }
}
