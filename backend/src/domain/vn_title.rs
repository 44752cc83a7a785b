//! The order of titles (organisation names, report rows): words in reading order, letters in
//! the Vietnamese alphabet order, numbers by their value.
//!
//! A person's name sorts by the given name first ([`super::vn_text::sort_key`]); a title such
//! as "Chi bộ Khu phố 10" reads from its first word, and "Chi bộ 2" comes before "Chi bộ 10"
//! as a clerk expects. Tones break ties of equal letters, as in names.

use super::vn_text::{words, Letter};

// Byte layout: letters use the codes of `vn_text` from '0' (digits 0–9, then the alphabet from
// ':'); a run of digits is written as its length ('1'–'9') then its digits without leading
// zeros, so a shorter number sorts first and numbers sort before letters. Separators sort
// below every code.
const CODE_BASE: u8 = b'0';
const WORD_SEP: char = ' ';
const TONE_SEP: char = '!';
/// Longer digit runs are compared by their first nine digits' length class only.
const MAX_RUN: usize = 9;

/// A key whose byte order is the order of titles described above.
pub fn title_key(title: &str) -> String {
    let mut key = String::new();
    let mut tones = String::new();
    for (i, word) in words(title).iter().enumerate() {
        if i > 0 {
            key.push(WORD_SEP);
        }
        push_word(&mut key, &mut tones, word);
    }
    key.push(TONE_SEP);
    key.push_str(&tones);
    key
}

fn push_word(key: &mut String, tones: &mut String, word: &[Letter]) {
    let mut rest = word;
    while let Some(first) = rest.first() {
        if first.code < 10 {
            let run = rest.iter().take_while(|l| l.code < 10).count();
            let digits: Vec<u8> = rest[..run]
                .iter()
                .map(|l| l.code)
                .skip_while(|&d| d == 0)
                .collect();
            let digits = if digits.is_empty() { vec![0] } else { digits };
            key.push(char::from(CODE_BASE + digits.len().min(MAX_RUN) as u8));
            for d in digits {
                key.push(char::from(CODE_BASE + d));
            }
            rest = &rest[run..];
        } else {
            key.push(char::from(CODE_BASE + first.code));
            tones.push(char::from(b'0' + first.tone));
            rest = &rest[1..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sorted(mut v: Vec<&'static str>) -> Vec<&'static str> {
        v.sort_by_cached_key(|t| title_key(t));
        v
    }

    #[test]
    fn titles_read_from_the_first_word_and_numbers_by_value() {
        assert_eq!(
            sorted(vec![
                "Đảng bộ xã An Phú",
                "Chi bộ Khu phố 10",
                "Chi bộ Ấp Bắc",
                "Chi bộ Khu phố 2",
                "Chi bộ Khu phố 02A",
                "Chi bộ Khu phố 1",
            ]),
            vec![
                "Chi bộ Ấp Bắc",
                "Chi bộ Khu phố 1",
                "Chi bộ Khu phố 2",
                "Chi bộ Khu phố 02A",
                "Chi bộ Khu phố 10",
                "Đảng bộ xã An Phú",
            ]
        );
    }

    #[test]
    fn letters_keep_the_vietnamese_alphabet_and_tones_break_ties() {
        assert!(title_key("Chi bộ Đông") > title_key("Chi bộ Dương"));
        assert!(title_key("Chi bộ An") < title_key("Chi bộ Ăn"));
        assert!(title_key("Chi bộ Ba") < title_key("Chi bộ Bà"));
        assert!(title_key("Chi bộ Bà") < title_key("Chi bộ Bac"));
    }

    proptest! {
        /// Numbers in the same place sort by value.
        #[test]
        fn numbers_sort_by_value(a in 0u32..1_000_000, b in 0u32..1_000_000) {
            let ka = title_key(&format!("Chi bộ số {a}"));
            let kb = title_key(&format!("Chi bộ số {b}"));
            prop_assert_eq!(ka.cmp(&kb), a.cmp(&b));
        }
    }
}
