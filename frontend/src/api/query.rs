//! Query strings, built from typed values and percent-encoded in one place.

use std::fmt;

/// The query string of a request: `?key=value&…` (empty when there is nothing to send).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query(Vec<(&'static str, String)>);

impl Query {
    /// No parameters.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key=value`.
    pub fn set(mut self, key: &'static str, value: impl ToString) -> Self {
        self.0.push((key, value.to_string()));
        self
    }

    /// Adds `key=value` when there is a value.
    pub fn opt(self, key: &'static str, value: Option<impl ToString>) -> Self {
        match value {
            Some(v) => self.set(key, v),
            None => self,
        }
    }

    /// Adds `key=value` when the text is not blank (trimmed).
    pub fn text(self, key: &'static str, value: &str) -> Self {
        let v = value.trim();
        if v.is_empty() {
            self
        } else {
            self.set(key, v)
        }
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (k, v)) in self.0.iter().enumerate() {
            f.write_str(if i == 0 { "?" } else { "&" })?;
            write!(f, "{k}={}", enc(v))?;
        }
        Ok(())
    }
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(enc("nguyen van an"), "nguyen%20van%20an");
        assert_eq!(enc("Đ"), "%C4%90");
        assert_eq!(enc("a&b=c"), "a%26b%3Dc");
    }

    #[test]
    fn a_query_lists_what_is_given_and_skips_what_is_not() {
        let q = Query::new()
            .set("sort", "name")
            .opt("organization_id", Some(7))
            .opt("status", None::<&str>)
            .text("q", "  nguyen van an ")
            .text("blank", "  ");
        assert_eq!(
            q.to_string(),
            "?sort=name&organization_id=7&q=nguyen%20van%20an"
        );
        assert_eq!(Query::new().to_string(), "");
    }
}
