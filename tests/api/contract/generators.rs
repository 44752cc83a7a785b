//! What client generators need from the OpenAPI document (issue 19, "the contract integrators
//! generate clients from"): every media type of a success declared, the sync package typed both
//! ways, list items as references, every list paged, required fields and examples in the schema,
//! and the document's metadata. `scripts/test-contract.sh` checks the same with real generators.

use serde_json::Value;

use super::{doc, operations};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[test]
fn the_document_names_its_servers_contact_and_licence() {
    let doc = doc();
    assert!(
        doc["servers"].as_array().is_some_and(|s| !s.is_empty()),
        "no servers"
    );
    assert!(doc["info"]["contact"]["name"].is_string(), "no contact");
    assert!(
        doc["info"]["license"]["identifier"].is_string(),
        "the licence has no SPDX identifier (openapi-generator refuses the file)"
    );
}

#[test]
fn every_operation_states_its_security_even_when_anonymous() {
    for (method, path, op) in operations(&doc()) {
        assert!(op["security"].is_array(), "{method} {path}: no security");
    }
}

/// The first media type of the 200 of `GET path`, in the document's order.
fn first_media_type(path: &str) -> String {
    let doc = qldv::openapi_document();
    let op = doc.paths.paths[path].get.as_ref().unwrap();
    // Serialised as the document is (in order), then the first key of `content`.
    let text = serde_json::to_string(&op.responses.responses["200"]).unwrap();
    let content = &text[text.find("\"content\":{\"").expect("no content") + 12..];
    content[..content.find('"').unwrap()].to_string()
}

#[test]
fn spreadsheet_outputs_declare_each_media_type_under_200() {
    let doc = doc();
    let cases: [(&str, &[&str]); 4] = [
        (
            "/api/v1/reports/{code}",
            &["application/json", "text/csv", XLSX],
        ),
        ("/api/v1/reports/{code}/export", &["text/csv", XLSX]),
        ("/api/v1/members/export", &["text/csv", XLSX]),
        ("/api/v1/imports/template.xlsx", &[XLSX]),
    ];
    for (path, types) in cases {
        let responses = &doc["paths"][path]["get"]["responses"];
        assert!(responses["2XX"].is_null(), "{path}: a 2XX beside 200");
        let content = responses["200"]["content"].as_object().unwrap();
        let mut declared: Vec<&str> = content.keys().map(String::as_str).collect();
        // Generators read the first media type as the default (openapi-python-client parses a
        // 200 by it alone): JSON where there is JSON, CSV on the spreadsheet operations. (The
        // order is the document's: a `serde_json::Value` sorts keys, so read the typed document.)
        assert_eq!(first_media_type(path), types[0], "{path}");
        declared.sort_unstable();
        let mut wanted = types.to_vec();
        wanted.sort_unstable();
        assert_eq!(declared, wanted, "{path}");
        for (media, body) in content {
            assert!(body["schema"].is_object(), "{path} {media}: no schema");
        }
    }
}

#[test]
fn the_sync_package_is_typed_both_ways() {
    let doc = doc();
    let package = serde_json::json!({"$ref": "#/components/schemas/SyncPackage"});
    let export = &doc["paths"]["/api/v1/sync/export"]["get"]["responses"]["200"]["content"];
    assert_eq!(export["application/json"]["schema"], package);
    let import = &doc["paths"]["/api/v1/sync/import"]["post"]["requestBody"]["content"];
    assert_eq!(import["application/json"]["schema"], package);
    let schema = &doc["components"]["schemas"]["SyncPackage"];
    assert_eq!(schema["type"], "object");
    for field in ["format", "public_key", "signature", "payload"] {
        assert!(
            schema["required"]
                .as_array()
                .unwrap()
                .contains(&Value::from(field)),
            "SyncPackage.{field} not required"
        );
    }
}

#[test]
fn page_items_are_references_and_next_cursor_is_required() {
    let doc = doc();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let pages: Vec<_> = schemas
        .iter()
        .filter(|(name, _)| name.starts_with("Page_"))
        .collect();
    assert!(pages.len() >= 9, "{} pages", pages.len());
    for (name, page) in pages {
        let items = &page["properties"]["items"]["items"];
        let target = items["$ref"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: items copied inline, not a $ref"));
        let item = target.trim_start_matches("#/components/schemas/");
        assert_eq!(format!("Page_{item}"), *name);
        assert!(schemas.contains_key(item), "{name}: {item} missing");
        let required = page["required"].as_array().unwrap();
        assert!(
            required.contains(&Value::from("items"))
                && required.contains(&Value::from("next_cursor")),
            "{name}: next_cursor not required"
        );
    }
}

#[test]
fn no_list_answers_a_bare_array() {
    let mut bare = Vec::new();
    // Reads only: a POST may answer the records it made in one go.
    for (method, path, op) in operations(&doc()).into_iter().filter(|o| o.0 == "get") {
        for (status, response) in op["responses"].as_object().unwrap() {
            let Some(content) = response["content"].as_object() else {
                continue;
            };
            for media in content.values() {
                let at = format!("{method} {path} {status}");
                if media["schema"]["type"] == "array" {
                    bare.push(at);
                }
            }
        }
    }
    assert!(bare.is_empty(), "bare arrays, not pages: {bare:#?}");
}

#[test]
fn a_change_resource_is_one_of_the_records_keyed_by_entity() {
    let doc = doc();
    let change = &doc["components"]["schemas"]["Change"];
    assert_eq!(change["discriminator"]["propertyName"], "entity");
    let mapping = change["discriminator"]["mapping"].as_object().unwrap();
    let variants = change["oneOf"].as_array().unwrap();
    assert_eq!(mapping.len(), 15);
    assert_eq!(variants.len(), 15);
    for (entity, target) in mapping {
        let name = target
            .as_str()
            .unwrap()
            .trim_start_matches("#/components/schemas/");
        let variant = &doc["components"]["schemas"][name];
        let props = variant["allOf"][1]["properties"].clone();
        assert_eq!(props["entity"]["enum"][0], *entity, "{name}");
        assert!(
            props["resource"]["$ref"].is_string(),
            "{name}: resource untyped"
        );
    }
}

#[test]
fn required_fields_and_formats_are_in_the_schema() {
    let doc = doc();
    let create = &doc["components"]["schemas"]["CreateMember"];
    // An allOf (the dossier flattened in): what any part requires.
    let required: Vec<&str> = create["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|part| part["required"].as_array())
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    for field in [
        "organization_id",
        "full_name",
        "gender",
        "birth_date",
        "admission_decision_on",
        "ceremony_on",
    ] {
        assert!(
            required.contains(&field),
            "CreateMember.{field} not required"
        );
    }
    let profile = &doc["components"]["schemas"]["MemberProfile"]["properties"];
    let cccd = serde_json::to_string(&profile["national_id"]).unwrap();
    assert!(cccd.contains(r"[0-9]{12}"), "national_id: {cccd}");
}

#[test]
fn every_request_body_and_main_response_has_an_example() {
    let doc = doc();
    let schemas = &doc["components"]["schemas"];
    let has_example = |schema: &Value| -> bool {
        let named = schema["$ref"]
            .as_str()
            .map(|r| &schemas[r.trim_start_matches("#/components/schemas/")]);
        let target = named.unwrap_or(schema);
        !target["examples"].is_null()
            || !target["example"].is_null()
            || target["type"] == "string"
            || target["items"]["$ref"].is_string()
    };
    let mut missing = Vec::new();
    for (method, path, op) in operations(&doc) {
        if let Some(content) = op["requestBody"]["content"].as_object() {
            for (media, body) in content {
                if media == "application/json" && !has_example(&body["schema"]) {
                    missing.push(format!("{method} {path} request"));
                }
            }
        }
        let responses = op["responses"].as_object().unwrap();
        for status in ["200", "201"] {
            if let Some(json) = responses
                .get(status)
                .map(|r| &r["content"]["application/json"])
            {
                if json.is_object() && !has_example(&json["schema"]) {
                    missing.push(format!("{method} {path} {status}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "no example: {missing:#?}");
}

#[test]
fn a_report_as_a_spreadsheet_has_an_operation_of_its_own() {
    let doc = doc();
    let report = &doc["paths"]["/api/v1/reports/{code}"]["get"];
    let export = &doc["paths"]["/api/v1/reports/{code}/export"]["get"];
    assert_eq!(export["operationId"], "export_report");
    let names = |op: &Value| -> Vec<String> {
        op["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect()
    };
    // The report's parameters, `format` (csv or xlsx only) included.
    assert_eq!(names(export), names(report));
    let format = export["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "format")
        .unwrap();
    let schema = &format["schema"];
    let schema = match schema["$ref"].as_str() {
        Some(at) => &doc["components"]["schemas"][at.trim_start_matches("#/components/schemas/")],
        None => schema,
    };
    let mut values: Vec<&str> = schema["enum"]
        .as_array()
        .or_else(|| schema["oneOf"][0]["enum"].as_array())
        .unwrap_or_else(|| panic!("format is not an enum: {schema}"))
        .iter()
        .filter_map(Value::as_str)
        .collect();
    values.sort_unstable();
    assert_eq!(values, ["csv", "xlsx"]);
}
