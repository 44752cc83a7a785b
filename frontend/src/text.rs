//! Vietnamese text for searching in the browser: the server's folding (rule 22,
//! [`qldv_api_types::text::fold`], shared), so "ha noi" finds "Hà Nội" and "dong" finds "Đông".

pub use qldv_api_types::text::fold;

/// Whether every word of the (folded) query starts a word of the (folded) text, in any order:
/// "ha noi" and "noi ha" find "Thành ủy Hà Nội"; "h n" too.
pub fn matches(text_folded: &str, query: &str) -> bool {
    let words: Vec<&str> = text_folded.split(' ').collect();
    fold(query)
        .split(' ')
        .filter(|q| !q.is_empty())
        .all(|q| words.iter().any(|w| w.starts_with(q)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_without_diacritics_finds_the_name_with_them() {
        let name = fold("Đảng ủy phường Hà Đông, Thành phố Hà Nội");
        assert!(matches(&name, "ha noi"));
        assert!(matches(&name, "Hà Nội"));
        assert!(matches(&name, "dong"));
        assert!(matches(&name, "noi ha"));
        assert!(matches(&name, "  "));
        assert!(!matches(&name, "hai phong"));
        assert!(!matches(&name, "oi"));
    }
}
