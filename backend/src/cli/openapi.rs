//! `qldv openapi`: the OpenAPI document the server serves.

/// Prints the document, or writes it to `out`.
pub fn write(out: Option<std::path::PathBuf>) -> Result<(), String> {
    let json = qldv::openapi_document()
        .to_pretty_json()
        .map_err(|e| e.to_string())?;
    match out {
        Some(path) => std::fs::write(&path, format!("{json}\n"))
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => {
            println!("{json}");
            Ok(())
        }
    }
}
