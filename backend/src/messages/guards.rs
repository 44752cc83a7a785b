//! The catalogue's guards: every message has both languages, and no Vietnamese text is written
//! outside the catalogue's conventions (a `text!(vi, en)`, a `Text::new(vi, en)`, or an
//! allow-listed file).

use std::path::{Path, PathBuf};

/// Files whose Vietnamese literals are not messages of the catalogue, each with the reason.
const ALLOWED: [(&str, &str); 30] = [
    (
        "services/imports/candidate_columns.rs",
        "the candidate import template's column headers, help and example row (as columns.rs)",
    ),
    (
        "services/reports/cell_year.rs",
        "report labels: (key, Vietnamese, English) triples, as in labels.rs",
    ),
    (
        "services/reports/development.rs",
        "report labels: (key, Vietnamese, English) triples, as in labels.rs",
    ),
    (
        "messages/things.rs",
        "the 404 nouns: an exhaustive match per language",
    ),
    (
        "services/seed/",
        "sample data: Vietnamese names, places and occupations",
    ),
    (
        "domain/vn_text.rs",
        "Vietnamese-text processing tables (diacritics, collation)",
    ),
    (
        "domain/vn_legacy.rs",
        "legacy Vietnamese encodings (TCVN3/VNI) conversion tables",
    ),
    (
        "domain/cccd.rs",
        "citizen-id checks (worded with text!; the table is data)",
    ),
    (
        "domain/holidays.rs",
        "the holiday law's names and messages (worded with text!/Text::new)",
    ),
    (
        "domain/candidate/",
        "step refusals worded in Vietnamese beside their rule, paired with English in messages/candidates.rs",
    ),
    (
        "services/reports/labels.rs",
        "report labels: each a (key, Vietnamese, English) triple",
    ),
    (
        "services/reports/render.rs",
        "printed report headings (Vietnamese print layout; to do)",
    ),
    (
        "services/reports/timeliness.rs",
        "printed report notes (Vietnamese print layout; to do)",
    ),
    (
        "services/imports/template.rs",
        "the import template's help sheet (Vietnamese; to do)",
    ),
    (
        "services/imports/columns.rs",
        "the import template's column headers and their aliases",
    ),
    (
        "services/imports/year.rs",
        "the year imports' member column headers (as columns.rs)",
    ),
    (
        "services/imports/year_template.rs",
        "the year import templates' help sheet name (as template.rs)",
    ),
    (
        "services/imports/meetings_year.rs",
        "the attendance template's detail rows and help, and the agenda written for a meeting the file gives none",
    ),
    (
        "services/imports/dues_year.rs",
        "the dues template's month headers and help, and the currency words read in its cells",
    ),
    (
        "models/dues/subtree.rs",
        "integrity-check findings for the operator's log",
    ),
    (
        "models/report/",
        "SQL patterns matching Vietnamese occupations in stored data",
    ),
    (
        "openapi/",
        "the API title and request examples (Vietnamese data)",
    ),
    ("cli/", "command-line output for the operator"),
    (
        "spa.rs",
        "the placeholder page served without the web client",
    ),
    ("routes/members/export.rs", "the export sheet's name"),
    (
        "services/integrity.rs",
        "integrity-check findings for the operator's log",
    ),
    (
        "models/composition_rollup/",
        "integrity-check findings for the operator's log",
    ),
    (
        "models/audit_chain/",
        "audit-chain verification findings for the operator",
    ),
    ("messages/lang.rs", "test headers only"),
    ("messages/guards.rs", "this guard"),
];

fn vietnamese(s: &str) -> bool {
    s.chars().any(|c| {
        "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
            .contains(c.to_lowercase().next().unwrap_or(c))
    })
}

/// A string literal of a source: where it starts, its text.
struct Literal {
    at: usize,
    text: String,
}

/// The string literals of Rust source outside comments (raw strings included, char literals
/// skipped), and the spans of `text!(…)` and `Text::new(…)` calls.
fn scan(src: &str) -> (Vec<Literal>, Vec<(usize, usize)>) {
    let b = src.as_bytes();
    let (mut lits, mut i) = (Vec::new(), 0);
    let mut opens: Vec<(usize, usize)> = Vec::new(); // (start, depth at open)
    let mut spans = Vec::new();
    let mut depth = 0usize;
    while i < b.len() {
        let rest = &src[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |e| e + 2);
        } else if rest.starts_with("text!(") || rest.starts_with("Text::new(") {
            let open = rest.find('(').unwrap_or(0);
            depth += 1;
            opens.push((i, depth));
            i += open + 1;
        } else if b[i] == b'(' {
            depth += 1;
            i += 1;
        } else if b[i] == b')' {
            if opens.last().is_some_and(|(_, d)| *d == depth) {
                if let Some((start, _)) = opens.pop() {
                    spans.push((start, i));
                }
            }
            depth = depth.saturating_sub(1);
            i += 1;
        } else if b[i] == b'r' && (rest.starts_with("r\"") || rest.starts_with("r#")) {
            let hashes = rest[1..].bytes().take_while(|c| *c == b'#').count();
            if rest[1 + hashes..].starts_with('"') {
                let close = format!("\"{}", "#".repeat(hashes));
                let body = 2 + hashes;
                let end = rest[body..].find(&close).map_or(rest.len(), |e| body + e);
                lits.push(Literal {
                    at: i,
                    text: rest[body..end].to_string(),
                });
                i += end + close.len();
            } else {
                i += 1;
            }
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            lits.push(Literal {
                at: i,
                text: src[i + 1..j.min(b.len())].to_string(),
            });
            i = j + 1;
        } else if b[i] == b'\'' {
            // A char literal ('x', '\n', '"'), or a lifetime ('a).
            let close = rest[1..].char_indices().take(3).find(|(_, c)| *c == '\'');
            let escaped = rest[1..].starts_with('\\');
            i += match close {
                Some((k, _)) if k > 0 || escaped => 1 + k + 1,
                _ => 1,
            };
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    (lits, spans)
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !path.ends_with("tests") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path
                .file_name()
                .is_some_and(|n| n == "tests.rs" || n.to_string_lossy().ends_with("_tests.rs"))
        {
            out.push(path);
        }
    }
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The source before its `#[cfg(test)]` module (tests may spell any text).
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

#[test]
fn no_vietnamese_literal_outside_the_catalogue_conventions() {
    let root = src_dir();
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut found = Vec::new();
    let mut scanned = 0;
    for path in files {
        let rel = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if ALLOWED.iter().any(|(f, _)| rel.starts_with(f)) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let code = without_tests(&text);
        let (lits, spans) = scan(code);
        scanned += 1;
        for l in lits.iter().filter(|l| vietnamese(&l.text)) {
            if !spans.iter().any(|(a, b)| (*a..*b).contains(&l.at)) {
                let line = code[..l.at].lines().count().max(1);
                found.push(format!("{rel}:{line}: \"{}\"", l.text));
            }
        }
    }
    assert!(
        scanned > 100,
        "only {scanned} files scanned: did the walk break?"
    );
    assert!(
        found.is_empty(),
        "Vietnamese text outside the catalogue (word it as text!(vi, en) in messages/, or \
         beside its rule; or allow-list the file with a reason):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_sees_literals_comments_and_spans() {
    let src = r##"// "bỏ qua"
let a = "một"; let b = text!("hai {x}", "two {x}", f(x)); let c = '"'; let d = r#"ba"#;
fn f<'a>(x: &'a str) {}"##;
    let (lits, spans) = scan(src);
    let texts: Vec<&str> = lits.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["một", "hai {x}", "two {x}", "ba"]);
    let inside = |t: &str| {
        lits.iter()
            .find(|l| l.text == t)
            .is_some_and(|l| spans.iter().any(|(a, b)| (*a..*b).contains(&l.at)))
    };
    assert!(inside("hai {x}") && inside("two {x}") && !inside("một") && !inside("ba"));
}

#[test]
fn every_catalogue_text_has_both_languages_and_they_differ() {
    let root = src_dir();
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut checked = 0;
    let mut bad = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let code = without_tests(&text);
        let (lits, spans) = scan(code);
        for (a, b) in spans
            .iter()
            .filter(|(a, _)| code[*a..].starts_with("text!("))
        {
            let inside: Vec<&Literal> = lits.iter().filter(|l| (*a..*b).contains(&l.at)).collect();
            // The macro's definition and its doc examples have no literal pair.
            let [vi, en, ..] = inside.as_slice() else {
                continue;
            };
            checked += 1;
            // (Both use the same arguments: `format!` refuses an unused positional one.)
            let ok = !vi.text.trim().is_empty()
                && !en.text.trim().is_empty()
                && vi.text != en.text
                && ((vietnamese(&vi.text) && !vietnamese(&en.text)) || quoted_values(&en.text));
            if !ok {
                bad.push(format!("{}: {:?} / {:?}", path.display(), vi.text, en.text));
            }
        }
    }
    assert!(
        checked > 300,
        "only {checked} texts found: did the scan break?"
    );
    assert!(
        bad.is_empty(),
        "texts without two distinct languages:\n{}",
        bad.join("\n")
    );
}

/// English that names Vietnamese values on purpose (what to type in a file, a holiday's name).
fn quoted_values(en: &str) -> bool {
    en.starts_with("write ") || en.contains("Tết")
}

#[test]
fn every_record_noun_has_both_languages() {
    use qldv_api_types::vocabulary::Lang;
    for t in super::Thing::ALL {
        let (vi, en) = (t.noun(Lang::Vi), t.noun(Lang::En));
        assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{t:?}");
    }
}
