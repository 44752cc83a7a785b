//! `qldv serve`: the server.

use actix_web::HttpServer;

/// Starts up (see [`qldv::startup`]) and serves until stopped.
pub async fn run() -> Result<(), String> {
    let (config, state) = qldv::startup::load()?;
    qldv::startup::prepare_server(&config, &state).await?;
    let static_dir = config.static_dir.clone();
    tracing::info!(bind = %config.bind, engine = state.engine.name(), "listening; API docs at /api/docs/");
    HttpServer::new(move || qldv::app(state.clone(), Some(static_dir.clone())))
        .bind(&config.bind)
        .map_err(|e| format!("cannot listen on {}: {e}", config.bind))?
        .shutdown_timeout(30)
        .run()
        .await
        .map_err(|e| e.to_string())
}
