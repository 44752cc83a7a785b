//! Vietnamese names (rule 22): search without diacritics, and the Vietnamese sort order.
//!
//! * [`fold`]: lower case, tone marks and vowel shapes removed, `đ` → `d`: "Nguyễn Văn Đức" →
//!   "nguyen van duc". Stored and indexed; queries are folded the same way.
//! * [`sort_key`]: a string whose byte order is the Vietnamese order of names: by given name (the
//!   last word), then the middle names, then the family name (the first word); letters in the
//!   Vietnamese alphabet order (a ă â b c d đ e ê …); within each part, tones break ties of
//!   equal letters, in dictionary order (none, huyền, hỏi, ngã, sắc, nặng): "Anh" < "Ánh", and
//!   both come before any given name starting "Ao", whatever the middle names.
//! * [`compare`]: the same order computed directly, to check the key against.

use std::cmp::Ordering;

/// Letters in Vietnamese alphabet order (foreign letters f j w z in their Latin places).
const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

/// Each vowel shape with its five toned forms, in tone order: none, huyền, hỏi, ngã, sắc, nặng.
const TONED: [[char; 6]; 12] = [
    ['a', 'à', 'ả', 'ã', 'á', 'ạ'],
    ['ă', 'ằ', 'ẳ', 'ẵ', 'ắ', 'ặ'],
    ['â', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ'],
    ['e', 'è', 'ẻ', 'ẽ', 'é', 'ẹ'],
    ['ê', 'ề', 'ể', 'ễ', 'ế', 'ệ'],
    ['i', 'ì', 'ỉ', 'ĩ', 'í', 'ị'],
    ['o', 'ò', 'ỏ', 'õ', 'ó', 'ọ'],
    ['ô', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ'],
    ['ơ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ'],
    ['u', 'ù', 'ủ', 'ũ', 'ú', 'ụ'],
    ['ư', 'ừ', 'ử', 'ữ', 'ứ', 'ự'],
    ['y', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ'],
];

/// One letter of a name: its place in the alphabet (digits first), its tone, its plain form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Letter {
    pub(super) code: u8,
    pub(super) tone: u8,
    plain: char,
}

/// Code for characters outside the alphabet (sorted after every letter).
const OTHER: u8 = 10 + ALPHABET.len() as u8;

fn plain_of(shape: char) -> char {
    match shape {
        'ă' | 'â' => 'a',
        'đ' => 'd',
        'ê' => 'e',
        'ô' | 'ơ' => 'o',
        'ư' => 'u',
        c => c,
    }
}

/// The vowel shape and tone (0 none, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng) of a small letter;
/// any other character is its own shape, without a tone.
pub(super) fn shape_and_tone(c: char) -> (char, u8) {
    TONED
        .iter()
        .find_map(|forms| {
            forms
                .iter()
                .position(|&f| f == c)
                .map(|t| (forms[0], t as u8))
        })
        .unwrap_or((c, 0))
}

/// The small letter of vowel `shape` with `tone` (see [`shape_and_tone`]).
pub(super) fn toned(shape: char, tone: u8) -> Option<char> {
    TONED
        .iter()
        .find(|forms| forms[0] == shape)
        .and_then(|forms| forms.get(usize::from(tone)).copied())
}

/// `text` in Unicode NFC (composed): the form every stored text is in (rule 22).
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}

/// An owned text in Unicode NFC (not copied when it already is).
pub fn into_nfc(text: String) -> String {
    match nfc(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(composed) => composed,
    }
}

fn letter(c: char) -> Option<Letter> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    if let Some(d) = lower.to_digit(10) {
        return Some(Letter {
            code: d as u8,
            tone: 0,
            plain: lower,
        });
    }
    let (shape, tone) = shape_and_tone(lower);
    match ALPHABET.iter().position(|&a| a == shape) {
        Some(i) => Some(Letter {
            code: 10 + i as u8,
            tone,
            plain: plain_of(shape),
        }),
        None if lower.is_alphabetic() => Some(Letter {
            code: OTHER,
            tone: 0,
            plain: lower,
        }),
        None => None,
    }
}

/// The words of a name as letters (punctuation and spaces separate words). The name is read
/// composed (NFC), and words typed in a legacy encoding as the letters they stand for.
pub(super) fn words(name: &str) -> Vec<Vec<Letter>> {
    let name = super::vn_legacy::restore_text(&nfc(name));
    let mut out = Vec::new();
    let mut word = Vec::new();
    for c in name.chars() {
        match letter(c) {
            Some(l) => word.push(l),
            None if !word.is_empty() => out.push(std::mem::take(&mut word)),
            None => {}
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Lower case, no tones, no vowel shapes, `đ` → `d`, single spaces: the search form. The text
/// is composed (NFC) and legacy-encoded words restored first; the folding itself is the one the
/// web client runs too ([`qldv_api_types::text::fold`], where its tests are).
pub fn fold(text: &str) -> String {
    qldv_api_types::text::fold(&super::vn_legacy::restore_text(&nfc(text)))
}

/// The name's parts in sort order: given name, middle names, family name.
fn parts(name: &str) -> [Vec<Vec<Letter>>; 3] {
    let mut ws = words(name);
    match ws.len() {
        0 => [Vec::new(), Vec::new(), Vec::new()],
        1 => [ws, Vec::new(), Vec::new()],
        _ => {
            let given = ws.pop().map(|w| vec![w]).unwrap_or_default();
            let family = vec![ws.remove(0)];
            [given, ws, family]
        }
    }
}

// Separators sort below every letter code ('0' and up): PART < TONE < WORD, so a shorter name
// part, then a shorter word, comes first.
const PART_SEP: char = ' ';
const TONE_SEP: char = '!';
const WORD_SEP: char = '"';
const CODE_BASE: u8 = b'0';

/// A key whose byte order is the Vietnamese order of names (see the module documentation).
pub fn sort_key(name: &str) -> String {
    let parts = parts(name);
    let mut key = String::new();
    for part in &parts {
        let mut tones = String::new();
        for (i, word) in part.iter().enumerate() {
            if i > 0 {
                key.push(WORD_SEP);
            }
            for l in word {
                key.push(char::from(CODE_BASE + l.code));
                tones.push(char::from(b'0' + l.tone));
            }
        }
        key.push(TONE_SEP);
        key.push_str(&tones);
        key.push(PART_SEP);
    }
    key
}

/// Compares two names in Vietnamese order directly (without keys).
pub fn compare(a: &str, b: &str) -> Ordering {
    let (pa, pb) = (parts(a), parts(b));
    let codes = |p: &Vec<Vec<Letter>>| -> Vec<Vec<u8>> {
        p.iter()
            .map(|w| w.iter().map(|l| l.code).collect())
            .collect()
    };
    let tones = |p: &Vec<Vec<Letter>>| -> Vec<u8> { p.iter().flatten().map(|l| l.tone).collect() };
    for (x, y) in pa.iter().zip(pb.iter()) {
        let by_part = codes(x)
            .cmp(&codes(y))
            .then_with(|| tones(x).cmp(&tones(y)));
        if by_part != Ordering::Equal {
            return by_part;
        }
    }
    Ordering::Equal
}

/// The folded words of a search query.
pub fn query_words(q: &str) -> Vec<String> {
    fold(q)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_sort_by_given_name_first() {
        let mut names = vec![
            "Trần Văn Bình",
            "Nguyễn Văn An",
            "Lê Thị Anh",
            "Phạm An",
            "Nguyễn Thị Ánh",
            "Đỗ Văn Đức",
            "Vũ Văn Dũng",
        ];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            vec![
                "Phạm An",
                "Nguyễn Văn An",
                "Lê Thị Anh",
                "Nguyễn Thị Ánh",
                "Trần Văn Bình",
                "Vũ Văn Dũng",
                "Đỗ Văn Đức",
            ]
        );
    }

    #[test]
    fn vowel_shapes_are_letters_and_tones_break_ties() {
        // a < ă < â and d < đ, whatever the tones.
        assert!(sort_key("Lê Văn Ác") < sort_key("Lê Văn Ăn"));
        assert!(sort_key("Lê Văn Ăn") < sort_key("Lê Văn Ân"));
        assert!(sort_key("Lê Văn Dzũng") < sort_key("Lê Văn Đa"));
        // Same letters: none < huyền < hỏi < ngã < sắc < nặng.
        let mut v = vec![
            "Lê Thị Ly",
            "Lê Thị Lỵ",
            "Lê Thị Lý",
            "Lê Thị Lỹ",
            "Lê Thị Lỷ",
            "Lê Thị Lỳ",
        ];
        v.sort_by_key(|n| sort_key(n));
        assert_eq!(
            v,
            vec![
                "Lê Thị Ly",
                "Lê Thị Lỳ",
                "Lê Thị Lỷ",
                "Lê Thị Lỹ",
                "Lê Thị Lý",
                "Lê Thị Lỵ"
            ]
        );
    }

    #[test]
    fn the_given_name_is_compared_whole_before_the_middle_names() {
        let mut v = vec!["Trần Thị Ánh", "Lê Văn Anh", "Bùi Anh"];
        v.sort_by_key(|n| sort_key(n));
        assert_eq!(v, vec!["Bùi Anh", "Lê Văn Anh", "Trần Thị Ánh"]);
    }

    #[test]
    fn decomposed_text_folds_and_sorts_like_composed_text() {
        // "Nguyễn" as macOS and "Unicode tổ hợp" keyboards send it: e, U+0302, U+0303.
        let decomposed = "Nguye\u{302}\u{303}n Va\u{306}n A\u{300}nh";
        assert_eq!(fold(decomposed), "nguyen van anh");
        assert_eq!(sort_key(decomposed), sort_key("Nguyễn Văn Ành"));
        assert_eq!(nfc(decomposed), "Nguyễn Văn Ành");
    }

    #[test]
    fn query_words_are_folded() {
        assert_eq!(query_words("Nguyễn  van"), vec!["nguyen", "van"]);
    }

    fn vn_name() -> impl Strategy<Value = String> {
        let syllable = proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(ALPHABET.to_vec()),
                proptest::sample::select(TONED.iter().flatten().copied().collect::<Vec<_>>()),
            ],
            1..5,
        )
        .prop_map(|cs| cs.into_iter().collect::<String>());
        proptest::collection::vec(syllable, 1..5).prop_map(|ws| ws.join(" "))
    }

    proptest! {
        /// Sorting by key is the Vietnamese comparison.
        #[test]
        fn key_order_is_vietnamese_order(a in vn_name(), b in vn_name()) {
            let by_key = sort_key(&a).cmp(&sort_key(&b));
            let direct = compare(&a, &b);
            prop_assert_eq!(by_key, direct, "{} vs {}", a, b);
        }

        /// Folding yields plain ASCII, is idempotent, and ignores case and tones (of words that
        /// read as Vietnamese syllables: others may be read as a legacy encoding).
        #[test]
        fn folding_is_plain_and_idempotent(a in vn_name()) {
            prop_assume!(a.split(' ').all(|w| crate::domain::vn_legacy::plausible(w, true)));
            let f = fold(&a);
            prop_assert!(f.chars().all(|c| c.is_ascii_lowercase() || c == ' '));
            prop_assert_eq!(fold(&f), f.clone());
            prop_assert_eq!(fold(&a.to_uppercase()), f);
        }

        /// The search form and the sort form read the same words and letters: the shared
        /// folding agrees with the letters the sort key is made of.
        #[test]
        fn folding_reads_the_words_the_sort_key_reads(
            a in vn_name(),
            sep in proptest::sample::select(vec![" ", "  ", "-", ", ", ". "]),
            decompose in any::<bool>(),
        ) {
            use unicode_normalization::UnicodeNormalization;
            let text = a.replace(' ', sep);
            let text: String = if decompose { text.nfd().collect() } else { text };
            let letters = words(&text)
                .iter()
                .map(|w| w.iter().map(|l| l.plain).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ");
            prop_assert_eq!(fold(&text), letters);
        }
    }
}
