//! Which language a caller reads: chosen once per request from `Accept-Language` and kept for
//! the task serving it, so the problem document (rendered where the request is out of reach, in
//! `ResponseError::error_response`) and the reports come in that language.
//!
//! Same mechanism as the request id of problems ([`crate::telemetry::current_request_id`]): the
//! [`crate::telemetry::RequestTracing`] middleware, outermost, reads the header and scopes the
//! task; anything rendered inside the request's future sees it (an error rendered by actix after
//! every middleware returned falls back to Vietnamese).

use qldv_api_types::vocabulary::Lang;

tokio::task_local! {
    static LANG: Lang;
}

/// The language of the request being served on this task (Vietnamese outside a request).
pub fn current() -> Lang {
    LANG.try_with(|l| *l).unwrap_or_default()
}

/// Runs `fut` with `lang` as the task's language.
pub async fn scope<F: std::future::Future>(lang: Lang, fut: F) -> F::Output {
    LANG.scope(lang, fut).await
}

/// The language tag of `Content-Language`.
pub fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    }
}

/// The language an `Accept-Language` value asks for: the range of highest quality (the first of
/// equals) decides; `en…` is English, anything else (or no header) Vietnamese. A range of
/// quality 0 is refused, and `*` accepts the default.
pub fn negotiate(header: Option<&str>) -> Lang {
    let mut best: Option<(u16, Lang)> = None;
    for range in header.unwrap_or_default().split(',') {
        let mut parts = range.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        if tag.is_empty() {
            continue;
        }
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q=").or(p.trim().strip_prefix("Q=")))
            .map(quality)
            .next()
            .unwrap_or(1000);
        if q == 0 {
            continue;
        }
        let lang = Lang::from_tag(tag).unwrap_or_default();
        if best.is_none_or(|(b, _)| q > b) {
            best = Some((q, lang));
        }
    }
    best.map(|(_, l)| l).unwrap_or_default()
}

/// A quality value (`0`, `0.5`, `1.000`) in thousandths; unreadable counts as 0 (refused).
fn quality(q: &str) -> u16 {
    let q = q.trim();
    let (int, frac) = q.split_once('.').unwrap_or((q, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return 0;
    }
    let thousandths = format!("{frac:0<3}").parse::<u16>().unwrap_or(0);
    match int {
        "0" => thousandths,
        "1" if thousandths == 0 => 1000,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn english_only_when_the_preferred_range_is_english() {
        let cases = [
            (None, Lang::Vi),
            (Some(""), Lang::Vi),
            (Some("en"), Lang::En),
            (Some("en-US,en;q=0.9"), Lang::En),
            (Some("EN-gb"), Lang::En),
            (Some("vi-VN,vi;q=0.9,en;q=0.8"), Lang::Vi),
            (Some("fr-FR,en;q=0.9"), Lang::Vi),
            (Some("vi;q=0.5,en;q=0.8"), Lang::En),
            (Some("en;q=0,vi"), Lang::Vi),
            (Some("en;q=0"), Lang::Vi),
            (Some("*"), Lang::Vi),
            (Some("de;q=0.9, en;q=0.9"), Lang::Vi),
            (Some("en;q=abc"), Lang::Vi),
            (Some("en;q=1.0"), Lang::En),
        ];
        for (header, lang) in cases {
            assert_eq!(negotiate(header), lang, "{header:?}");
        }
    }

    proptest! {
        #[test]
        fn any_header_gives_a_language_without_panicking(h in ".{0,80}") {
            let _ = negotiate(Some(&h));
        }

        #[test]
        fn a_leading_english_range_of_full_quality_wins(rest in "[a-z]{2}(;q=0\\.[0-9])?") {
            prop_assert_eq!(negotiate(Some(&format!("en-US,{rest}"))), Lang::En);
        }
    }
}
