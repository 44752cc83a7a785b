//! Folding of Vietnamese text for search (rule 22), shared by the server (which stores and
//! indexes folded names and folds queries) and the web client (which finds organisations by name
//! in the browser): "Nguyễn Văn Đức" → "nguyen van duc", "ha noi" finds "Hà Nội".
//!
//! No dependencies and a table of 7 rows: the client's wasm pays a few hundred bytes for it. The
//! server first composes the text (NFC) and restores words typed in legacy encodings
//! (`backend/src/domain/vn_text.rs`); text that arrives decomposed here (a base letter followed by
//! Vietnamese combining marks, as some keyboards send it) folds the same, the marks dropped.

/// Each vowel with its tone and shape marks (small letters), and `đ`, mapped to the plain letter.
const PLAIN: [(&str, char); 7] = [
    ("àảãáạăằẳẵắặâầẩẫấậ", 'a'),
    ("èẻẽéẹêềểễếệ", 'e'),
    ("ìỉĩíị", 'i'),
    ("òỏõóọôồổỗốộơờởỡớợ", 'o'),
    ("ùủũúụưừửữứự", 'u'),
    ("ỳỷỹýỵ", 'y'),
    ("đ", 'd'),
];

/// The combining marks of Vietnamese (grave, acute, tilde, hook above, dot below, breve,
/// circumflex, horn): dropped, so decomposed text folds as composed text does.
const COMBINING: &str = "\u{300}\u{301}\u{303}\u{309}\u{323}\u{306}\u{302}\u{31b}";

/// The plain small letter of `c` (its first lower-case character, without tone or shape).
fn plain(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    PLAIN
        .iter()
        .find(|(forms, _)| forms.contains(lower))
        .map_or(lower, |(_, p)| *p)
}

/// Lower case, no tones, no vowel shapes, `đ` → `d`; letters and the digits 0–9 make words, any
/// other character separates them; words joined by single spaces: the search form.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if COMBINING.contains(c) {
            continue;
        }
        let p = plain(c);
        if p.is_ascii_digit() || p.is_alphabetic() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(p);
        } else {
            pending_space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folding_removes_tones_shapes_and_the_crossed_d() {
        assert_eq!(fold("Nguyễn Văn An"), "nguyen van an");
        assert_eq!(fold("ĐẶNG THỊ Ưng"), "dang thi ung");
        assert_eq!(fold("  Lê   Đức-Thọ "), "le duc tho");
        assert_eq!(fold("Hoàng Thị Thu Thủy"), "hoang thi thu thuy");
        assert_eq!(fold("Thành ủy Hà Nội"), "thanh uy ha noi");
        assert_eq!(fold("Chi bộ 3, Tổ 12"), "chi bo 3 to 12");
    }

    #[test]
    fn decomposed_text_folds_like_composed_text() {
        // "Nguyễn" as macOS and "Unicode tổ hợp" keyboards send it: e, U+0302, U+0303.
        assert_eq!(
            fold("Nguye\u{302}\u{303}n Va\u{306}n A\u{300}nh"),
            "nguyen van anh"
        );
        assert_eq!(fold("Ha\u{300} No\u{302}\u{323}i"), "ha noi");
    }

    #[test]
    fn foreign_letters_stay_and_other_digits_separate() {
        assert_eq!(fold("Müller Zoë"), "müller zoë");
        assert_eq!(fold("a²b"), "a b");
        assert_eq!(fold("—"), "");
    }

    /// Every toned and shaped small vowel of Vietnamese, and `đ`.
    fn marked() -> Vec<char> {
        PLAIN.iter().flat_map(|(forms, _)| forms.chars()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn folding_is_plain_small_and_idempotent(
            chars in proptest::collection::vec(
                prop_oneof![
                    proptest::sample::select(marked()),
                    proptest::char::range('a', 'z'),
                    proptest::char::range('0', '9'),
                    proptest::sample::select(vec![' ', '-', ',', '.', '\u{301}', '\u{323}']),
                ],
                0..40,
            )
        ) {
            let text: String = chars.into_iter().collect();
            let f = fold(&text);
            prop_assert!(f.chars().all(|c| c == ' ' || c.is_ascii_lowercase() || c.is_ascii_digit()), "{f}");
            prop_assert!(!f.starts_with(' ') && !f.ends_with(' ') && !f.contains("  "));
            prop_assert_eq!(fold(&f), f.clone());
            prop_assert_eq!(fold(&text.to_uppercase()), f);
        }
    }
}
