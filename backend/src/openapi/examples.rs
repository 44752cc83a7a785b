//! Examples made from a schema, for the schemas that have none of their own.

use serde_json::{Map, Value};

/// How deep references are followed (recursive schemas stop there).
const MAX_DEPTH: usize = 16;

/// A string for a field without an example, by its name.
fn string_for(field: &str) -> &'static str {
    const BY_NAME: &[(&str, &str)] = &[
        ("full_name", "Nguyễn Văn An"),
        ("name", "Chi bộ Thôn 1"),
        ("username", "canbo.to.chuc"),
        ("password", "mat-khau-du-dai-12"),
        ("decision_no", "125-QĐ/ĐU"),
        ("national_id", "031085001234"),
        ("card_number", "01234567"),
        ("phone", "0912345678"),
        ("email", "an.nguyen@example.vn"),
        ("public_key", "F7W4knxWYh/k6rz8l9GMCwHf59NyCDDOYxdKCAyyu+0="),
        ("token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"),
        ("cursor", "WyJhbiIsMTJd"),
        ("reason", "Chuyển nơi cư trú"),
        ("note", "Ghi chú"),
        ("message", "Đã quá hạn 30 ngày"),
        ("path", "/1/17/342/"),
        ("place", "Xã Tân Lạc"),
    ];
    /// Names matched as a suffix too (`admission_decision_no`, `exit_reason`).
    const SUFFIXES: &[&str] = &["decision_no", "reason", "note", "place", "phone", "email"];
    BY_NAME
        .iter()
        .find(|(name, _)| {
            field == *name || (SUFFIXES.contains(name) && field.ends_with(&format!("_{name}")))
        })
        .map_or("Ví dụ", |(_, v)| v)
}

fn primitive(kind: &str, schema: &Value, field: &str) -> Value {
    let format = schema["format"].as_str().unwrap_or("");
    match kind {
        "string" => match format {
            "date" => Value::from("2025-05-19"),
            "date-time" => Value::from("2025-05-19T08:30:00Z"),
            "binary" => Value::from("(tệp)"),
            _ => Value::from(string_for(field)),
        },
        "integer" => schema["minimum"]
            .as_i64()
            .filter(|m| *m > 1)
            .map_or(Value::from(1), Value::from),
        "number" => Value::from(1.0),
        "boolean" => Value::from(false),
        _ => Value::Null,
    }
}

/// An example value of `schema` (resolving `$ref`s in `schemas`); `field` names it.
pub(super) fn of(schema: &Value, schemas: &Map<String, Value>, field: &str, depth: usize) -> Value {
    if depth > MAX_DEPTH {
        return Value::Null;
    }
    if let Some(e) = schema["examples"].get(0).or_else(|| schema.get("example")) {
        return e.clone();
    }
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.trim_start_matches("#/components/schemas/");
        return schemas
            .get(name)
            .map_or(Value::Null, |s| of(s, schemas, field, depth + 1));
    }
    if let Some(e) = schema["enum"].get(0).or_else(|| schema.get("const")) {
        return e.clone();
    }
    if let Some(parts) = schema["allOf"].as_array() {
        let mut merged = Map::new();
        for part in parts {
            if let Value::Object(o) = of(part, schemas, field, depth + 1) {
                merged.extend(o);
            }
        }
        return Value::Object(merged);
    }
    if let Some(variants) = schema["oneOf"]
        .as_array()
        .or_else(|| schema["anyOf"].as_array())
    {
        return variants
            .iter()
            .filter(|v| v["type"] != "null")
            .map(|v| of(v, schemas, field, depth + 1))
            .find(|v| !v.is_null())
            .unwrap_or(Value::Null);
    }
    let kind = match &schema["type"] {
        Value::String(t) => t.as_str(),
        Value::Array(ts) => ts
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        _ if schema.get("properties").is_some() => "object",
        _ => "",
    };
    match kind {
        "object" => {
            let mut out = Map::new();
            if let Some(props) = schema["properties"].as_object() {
                for (name, prop) in props {
                    let v = of(prop, schemas, name, depth + 1);
                    if !v.is_null() {
                        out.insert(name.clone(), v);
                    }
                }
            }
            Value::Object(out)
        }
        "array" => {
            let item = of(&schema["items"], schemas, field, depth + 1);
            Value::Array(if item.is_null() { vec![] } else { vec![item] })
        }
        other => primitive(other, schema, field),
    }
}
