//! Vietnamese text for searching in the browser: the same folding as the server's search
//! (`backend/src/domain/vn_text.rs`, rule 22), so "ha noi" finds "Hà Nội" and "dong" finds "Đông".

/// Each vowel with its tone and shape marks, mapped to the plain letter.
const PLAIN: [(&str, char); 8] = [
    ("àảãáạăằẳẵắặâầẩẫấậ", 'a'),
    ("èẻẽéẹêềểễếệ", 'e'),
    ("ìỉĩíị", 'i'),
    ("òỏõóọôồổỗốộơờởỡớợ", 'o'),
    ("ùủũúụưừửữứự", 'u'),
    ("ỳỷỹýỵ", 'y'),
    ("đ", 'd'),
    // Combining marks (text typed on some keyboards arrives decomposed): dropped.
    (
        "\u{300}\u{301}\u{303}\u{309}\u{323}\u{306}\u{302}\u{31b}",
        '\0',
    ),
];

fn plain(c: char) -> Option<char> {
    PLAIN
        .iter()
        .find(|(forms, _)| forms.contains(c))
        .map(|(_, p)| *p)
}

/// Lower case, no tones, no vowel shapes, `đ` → `d`, words separated by single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match plain(c) {
            Some('\0') => continue,
            Some(p) => p,
            None => c,
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

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
    fn folding_removes_tones_shapes_and_the_crossed_d() {
        // The server's examples (vn_text.rs): the browser folds the same way.
        assert_eq!(fold("Nguyễn Văn An"), "nguyen van an");
        assert_eq!(fold("ĐẶNG THỊ Ưng"), "dang thi ung");
        assert_eq!(fold("  Lê   Đức-Thọ "), "le duc tho");
        assert_eq!(fold("Hoàng Thị Thu Thủy"), "hoang thi thu thuy");
        assert_eq!(fold("Thành ủy Hà Nội"), "thanh uy ha noi");
        // Decomposed input (a base letter and combining marks).
        assert_eq!(fold("Ha\u{300} No\u{302}\u{323}i"), "ha noi");
    }

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
