//! The contract integrators generate clients from (issue 19). [`generators`]: what client
//! generators need (every media type of a success declared, the sync package typed both ways,
//! list items as references, every list paged, required fields and examples, the document's
//! metadata; `scripts/test-contract.sh` checks the same with real generators). [`problems`]:
//! problem codes catalogued per operation, 412 and 429 only where they can happen, operationIds
//! that say what they do.

use serde_json::Value;

mod generators;
mod problems;

/// The document the server serves (the `openapi` tests keep the committed one equal to it).
fn doc() -> Value {
    serde_json::to_value(qldv::openapi_document()).unwrap()
}

/// Every operation of the document: (method, path, operation).
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            out.push((method.clone(), path.clone(), op.clone()));
        }
    }
    out
}
