//! storyline-server: the HTTP API (axum) and web UI over a store, and the
//! self-contained HTML report. Both render the same `Report` (the UI is one
//! JavaScript app that either fetches `/api/report` or reads the report embedded in
//! the HTML file); neither computes facts of its own.
//!
//! The report is cached in memory as parsed data and as JSON bytes, so reads never
//! touch the database; writes (`POST /api/documents`) go through the store in a
//! blocking task and replace the cache. Untrusted text is never interpreted as HTML:
//! the UI builds DOM nodes with `textContent`, JSON embedded in HTML is escaped, and a
//! Content-Security-Policy forbids inline and remote scripts on the served UI.

mod api;
mod assets;
mod report_html;

pub use api::{router, AppState, MAX_BODY_BYTES};
pub use report_html::render_html;

use std::net::SocketAddr;
use std::sync::Arc;

/// Open the store, load its report, and serve until Ctrl-C. Prints the address it
/// listens on (useful with port 0) to stderr.
pub async fn serve(db: &str, addr: SocketAddr) -> Result<(), String> {
    let state = AppState::open(db).map_err(|e| format!("cannot open store {db}: {e}"))?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    eprintln!("storyline: serving {db} on http://{local}/");
    axum::serve(listener, router(Arc::new(state)))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())
}
