//! `storyline bench http`: a bounded load test of the API on 127.0.0.1. It starts
//! the server in-process on a free local port over a store built from the given
//! articles, then (1) times `GET /api/report` sequentially and (2) runs N concurrent
//! clients against `GET /api/events`, each sending a fixed number of requests over
//! its own connections. It only ever connects to the loopback address it bound.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn get(addr: SocketAddr, path: &str) -> Result<(u16, usize), String> {
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| e.to_string())?;
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream
        .write_all(req.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let mut buf = Vec::new();
    stream
        .read_to_end(&mut buf)
        .await
        .map_err(|e| e.to_string())?;
    let status = std::str::from_utf8(&buf[..buf.len().min(16)])
        .ok()
        .and_then(|s| s.split(' ').nth(1))
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or("no HTTP status line")?;
    Ok((status, buf.len()))
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

/// Run the benchmark; prints one JSON object.
pub fn run(db: &str, clients: usize, requests: usize) -> Result<serde_json::Value, String> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    rt.block_on(async move {
        let state = storyline_server::AppState::open(db)?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| e.to_string())?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let app = storyline_server::router(Arc::new(state));
        let server = tokio::spawn(async move { axum::serve(listener, app).await });

        // 1. /api/report, one request at a time.
        let mut report_times = Vec::new();
        let mut report_bytes = 0;
        for _ in 0..200 {
            let t = Instant::now();
            let (status, n) = get(addr, "/api/report").await?;
            report_times.push(t.elapsed());
            if status != 200 {
                return Err(format!("/api/report answered {status}"));
            }
            report_bytes = n;
        }
        report_times.sort();

        // 2. Many concurrent clients on /api/events.
        let started = Instant::now();
        let mut tasks = Vec::new();
        for c in 0..clients {
            tasks.push(tokio::spawn(async move {
                let mut times = Vec::with_capacity(requests);
                let mut errors = 0usize;
                for r in 0..requests {
                    let path = if (c + r) % 2 == 0 {
                        "/api/events"
                    } else {
                        "/api/events?from=2000-01-01&to=2100-01-01"
                    };
                    let t = Instant::now();
                    match tokio::time::timeout(Duration::from_secs(10), get(addr, path)).await {
                        Ok(Ok((200, _))) => times.push(t.elapsed()),
                        _ => errors += 1,
                    }
                }
                (times, errors)
            }));
        }
        let mut times = Vec::new();
        let mut errors = 0;
        for t in tasks {
            let (ts, e) = t.await.map_err(|e| e.to_string())?;
            times.extend(ts);
            errors += e;
        }
        let wall = started.elapsed().as_secs_f64();
        times.sort();
        server.abort();
        Ok(serde_json::json!({
            "report_bytes": report_bytes,
            "report_ms_p50": percentile(&report_times, 0.5),
            "report_ms_p95": percentile(&report_times, 0.95),
            "report_ms_max": percentile(&report_times, 1.0),
            "events_clients": clients,
            "events_requests": clients * requests,
            "events_errors": errors,
            "events_requests_per_second": (times.len() as f64 / wall).round(),
            "events_ms_p50": percentile(&times, 0.5),
            "events_ms_p95": percentile(&times, 0.95),
            "events_ms_p99": percentile(&times, 0.99),
        }))
    })
}
