//! Vietnamese typed in the legacy 8-bit encodings and read back as Unicode (rule 22): names
//! keyed into the old desktop tools with TCVN3 (ABC, `.VnTime` fonts) or VNI fonts arrive as
//! Latin-1 look-alikes ("NguyÔn V¨n §øc", "Nguyeãn Vaên Ñöùc"), and old fonts put the
//! Icelandic eth (Ð) where Đ belongs. [`restore`] gives each such word the Vietnamese letters
//! it stands for, so that search folds it like the letters it stands for.
//!
//! A word is restored only when it is not a plausible Vietnamese syllable as it is and one
//! reading (TCVN3 first, then VNI) is: a correct Unicode word is never changed. Tables:
//! TCVN 5712:1993 (VN3) and VNI-Windows, as published by the converters (see `docs/rules.md`).

use super::vn_text::{shape_and_tone, toned};

/// TCVN3 (ABC): the Latin-1 character of a font code → the Vietnamese letter it shows.
const TCVN3: [(char, char); 74] = [
    ('µ', 'à'),
    ('¸', 'á'),
    ('©', 'â'),
    ('·', 'ã'),
    ('Ì', 'è'),
    ('Ð', 'é'),
    ('ª', 'ê'),
    ('×', 'ì'),
    ('Ý', 'í'),
    ('ß', 'ò'),
    ('ã', 'ó'),
    ('«', 'ô'),
    ('â', 'õ'),
    ('ï', 'ù'),
    ('ó', 'ú'),
    ('ý', 'ý'),
    ('¨', 'ă'),
    ('®', 'đ'),
    ('Ü', 'ĩ'),
    ('ò', 'ũ'),
    ('¬', 'ơ'),
    ('\u{AD}', 'ư'),
    ('¹', 'ạ'),
    ('¶', 'ả'),
    ('Ê', 'ấ'),
    ('Ç', 'ầ'),
    ('È', 'ẩ'),
    ('É', 'ẫ'),
    ('Ë', 'ậ'),
    ('¾', 'ắ'),
    ('»', 'ằ'),
    ('¼', 'ẳ'),
    ('½', 'ẵ'),
    ('Æ', 'ặ'),
    ('Ñ', 'ẹ'),
    ('Î', 'ẻ'),
    ('Ï', 'ẽ'),
    ('Õ', 'ế'),
    ('Ò', 'ề'),
    ('Ó', 'ể'),
    ('Ô', 'ễ'),
    ('Ö', 'ệ'),
    ('Ø', 'ỉ'),
    ('Þ', 'ị'),
    ('ä', 'ọ'),
    ('á', 'ỏ'),
    ('è', 'ố'),
    ('å', 'ồ'),
    ('æ', 'ổ'),
    ('ç', 'ỗ'),
    ('é', 'ộ'),
    ('í', 'ớ'),
    ('ê', 'ờ'),
    ('ë', 'ở'),
    ('ì', 'ỡ'),
    ('î', 'ợ'),
    ('ô', 'ụ'),
    ('ñ', 'ủ'),
    ('ø', 'ứ'),
    ('õ', 'ừ'),
    ('ö', 'ử'),
    ('÷', 'ữ'),
    ('ù', 'ự'),
    ('ú', 'ỳ'),
    ('þ', 'ỵ'),
    ('û', 'ỷ'),
    ('ü', 'ỹ'),
    ('¢', 'Â'),
    ('£', 'Ê'),
    ('¤', 'Ô'),
    ('¡', 'Ă'),
    ('§', 'Đ'),
    ('¥', 'Ơ'),
    ('¦', 'Ư'),
];

/// VNI-Windows: characters that stand for a whole letter.
const VNI_LETTERS: [(char, char); 18] = [
    ('Ñ', 'Đ'),
    ('ñ', 'đ'),
    ('Ô', 'Ơ'),
    ('ô', 'ơ'),
    ('Ö', 'Ư'),
    ('ö', 'ư'),
    ('Ó', 'Ĩ'),
    ('ó', 'ĩ'),
    ('Ì', 'Ì'),
    ('ì', 'ì'),
    ('Í', 'Í'),
    ('í', 'í'),
    ('Æ', 'Ỉ'),
    ('æ', 'ỉ'),
    ('Ò', 'Ị'),
    ('ò', 'ị'),
    ('Î', 'Ỵ'),
    ('î', 'ỵ'),
];

/// What a VNI mark does to the letter before it.
#[derive(Clone, Copy)]
enum Mark {
    /// A tone (1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng).
    Tone(u8),
    /// The circumflex (â ê ô) with a tone (0: none).
    Circumflex(u8),
    /// The breve (ă) with a tone (0: none).
    Breve(u8),
}

/// VNI-Windows: the marks typed after a vowel.
const VNI_MARKS: [(char, Mark); 17] = [
    ('ø', Mark::Tone(1)),
    ('û', Mark::Tone(2)),
    ('õ', Mark::Tone(3)),
    ('ù', Mark::Tone(4)),
    ('ï', Mark::Tone(5)),
    ('â', Mark::Circumflex(0)),
    ('à', Mark::Circumflex(1)),
    ('å', Mark::Circumflex(2)),
    ('ã', Mark::Circumflex(3)),
    ('á', Mark::Circumflex(4)),
    ('ä', Mark::Circumflex(5)),
    ('ê', Mark::Breve(0)),
    ('è', Mark::Breve(1)),
    ('ú', Mark::Breve(2)),
    ('ü', Mark::Breve(3)),
    ('é', Mark::Breve(4)),
    ('ë', Mark::Breve(5)),
];

/// Characters old fonts show in place of Đ/đ.
const LOOK_ALIKES: [(char, char); 4] = [('Ð', 'Đ'), ('ð', 'đ'), ('Ɖ', 'Đ'), ('ɖ', 'đ')];

/// Vowel groups a Vietnamese syllable can have (shapes, without tones, after `qu`/`gi`).
const NUCLEI: &[&str] = &[
    "a", "ai", "ao", "au", "ay", "ă", "â", "âu", "ây", "e", "eo", "ê", "êu", "i", "ia", "iu", "iê",
    "iêu", "o", "oa", "oai", "oao", "oay", "oă", "oe", "oeo", "oo", "ô", "ôi", "ơ", "ơi", "u",
    "ua", "uâ", "uây", "uê", "ui", "uô", "uôi", "uơ", "uy", "uya", "uyê", "uyu", "ư", "ưa", "ưi",
    "ưu", "ươ", "ươi", "ươu", "y", "yê", "yêu",
];

fn lookup<T: Copy>(table: &[(char, T)], c: char) -> Option<T> {
    table.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
}

/// Whether `c` may be part of a legacy-encoded word.
pub fn is_legacy(c: char) -> bool {
    lookup(&TCVN3, c).is_some()
        || lookup(&VNI_LETTERS, c).is_some()
        || lookup(&VNI_MARKS, c).is_some()
        || lookup(&LOOK_ALIKES, c).is_some()
}

fn upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The word read as TCVN3. Capitals with a tone are typed as the capital and the toned small
/// letter ("A¸" for Á): they are joined.
fn from_tcvn3(word: &str) -> String {
    let mapped: Vec<char> = word
        .chars()
        .map(|c| lookup(&TCVN3, c).unwrap_or(c))
        .collect();
    let mut out: Vec<char> = Vec::with_capacity(mapped.len());
    for c in mapped {
        if let Some(&prev) = out.last() {
            let (cs, ct) = shape_and_tone(c);
            if prev.is_uppercase() && c.is_lowercase() && ct > 0 && cs == lower(prev) {
                out.pop();
                out.push(upper(c));
                continue;
            }
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// The word read as VNI: letters replaced, and each mark applied to the vowel before it.
fn from_vni(word: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    for c in word.chars() {
        let applied = match (lookup(&VNI_MARKS, c), out.last().copied()) {
            (Some(mark), Some(prev)) => apply(prev, mark),
            _ => None,
        };
        match applied {
            Some(v) => {
                out.pop();
                out.push(v);
            }
            None => out.push(lookup(&VNI_LETTERS, c).unwrap_or(c)),
        }
    }
    out.into_iter().collect()
}

/// `prev` with a VNI mark applied, if the mark fits it.
fn apply(prev: char, mark: Mark) -> Option<char> {
    let (shape, tone) = shape_and_tone(lower(prev));
    let (shape, tone) = match mark {
        Mark::Tone(t) if tone == 0 && "aăâeêioôơuưy".contains(shape) => (shape, t),
        Mark::Circumflex(t) if tone == 0 => match shape {
            'a' => ('â', t),
            'e' => ('ê', t),
            'o' => ('ô', t),
            _ => return None,
        },
        Mark::Breve(t) if tone == 0 && shape == 'a' => ('ă', t),
        _ => return None,
    };
    let v = toned(shape, tone)?;
    Some(if prev.is_uppercase() { upper(v) } else { v })
}

/// Whether `word` reads as one Vietnamese syllable (letters of the alphabet, at most one
/// tone, a known vowel group; with `cased`, lower case or capitalised or all capitals).
pub(super) fn plausible(word: &str, cased: bool) -> bool {
    let chars: Vec<char> = word.chars().collect();
    if chars.iter().any(|c| !c.is_alphabetic()) {
        return false;
    }
    if cased {
        let tail_lower = chars.iter().skip(1).all(|c| c.is_lowercase());
        let all_upper = chars.iter().all(|c| c.is_uppercase());
        if !tail_lower && !all_upper {
            return false;
        }
    }
    let mut tones = 0;
    let mut shapes = String::new();
    for c in &chars {
        let (shape, tone) = shape_and_tone(lower(*c));
        if !"aăâbcdđeêfghijklmnoôơpqrstuưvwxyz".contains(shape) {
            return false;
        }
        tones += usize::from(tone > 0);
        shapes.push(shape);
    }
    if tones > 1 {
        return false;
    }
    let vowels = |c: char| "aăâeêioôơuưy".contains(c);
    let groups: Vec<&str> = shapes
        .split(|c: char| !vowels(c))
        .filter(|g| !g.is_empty())
        .collect();
    let Some(group) = (match groups.as_slice() {
        [] => return true,
        [one] => Some(*one),
        // `qu` and `gi` open a syllable: "quốc", "giữa".
        _ => None,
    }) else {
        return false;
    };
    let group =
        if (shapes.starts_with("qu") || shapes.starts_with("gi")) && group.chars().count() > 1 {
            let mut it = group.chars();
            it.next();
            it.as_str()
        } else {
            group
        };
    NUCLEI.contains(&group)
}

/// The runs of `text`: words (letters and legacy codes) and what separates them.
fn runs(text: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    for c in text.chars() {
        let wordy = c.is_alphabetic() || is_legacy(c);
        match out.last_mut() {
            Some((w, run)) if *w == wordy => run.push(c),
            _ => out.push((wordy, c.to_string())),
        }
    }
    out
}

/// `text` with its words as the Vietnamese letters they stand for (see the module
/// documentation). The encoding is judged on the whole text: the reading (TCVN3 or VNI) under
/// which more of its words become plausible syllables, the shorter on a tie (VNI joins marks
/// to their vowels); words that are plausible only as typed stay as typed.
pub fn restore_text(text: &str) -> String {
    let runs: Vec<(bool, String)> = runs(text)
        .into_iter()
        .map(|(w, r)| {
            let r = if w {
                r.chars()
                    .map(|c| lookup(&LOOK_ALIKES, c).unwrap_or(c))
                    .collect()
            } else {
                r
            };
            (w, r)
        })
        .collect();
    let broken = |(w, r): &(bool, String)| *w && !r.is_ascii() && !plausible(r, true);
    if !runs.iter().any(broken) {
        return runs.into_iter().map(|(_, r)| r).collect();
    }
    let readings: [fn(&str) -> String; 2] = [from_tcvn3, from_vni];
    let mut best: Option<(usize, usize, Vec<String>)> = None;
    for read in readings {
        let mut score = 0;
        let mut out = Vec::with_capacity(runs.len());
        for (w, r) in &runs {
            let candidate = if *w { read(r) } else { r.clone() };
            if *w && candidate != *r && plausible(&candidate, false) {
                score += 1;
                out.push(candidate);
            } else {
                out.push(r.clone());
            }
        }
        let len: usize = out.iter().map(|r| r.chars().count()).sum();
        let better = match &best {
            None => score > 0,
            Some((s, l, _)) => score > *s || (score == *s && len < *l),
        };
        if better {
            best = Some((score, len, out));
        }
    }
    match best {
        Some((_, _, out)) => out.concat(),
        None => runs.into_iter().map(|(_, r)| r).collect(),
    }
}

/// One word as the Vietnamese letters it stands for (see [`restore_text`]).
pub fn restore(word: &str) -> String {
    restore_text(word)
}

#[cfg(test)]
mod tests;
