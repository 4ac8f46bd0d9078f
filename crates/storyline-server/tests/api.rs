//! The JSON API in-process: status codes, JSON errors, filters, adding an article,
//! size limits, search and security headers.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

async fn call(
    app: &axum::Router,
    req: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, Value) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, headers, json)
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

fn app(db: &str) -> axum::Router {
    storyline_server::router(Arc::new(storyline_server::AppState::open(db).unwrap()))
}

#[tokio::test]
async fn reads() {
    let (_dir, db) = common::store();
    let app = app(&db);
    let (s, h, report) = call(&app, get("/api/report")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(report["schema"], "storyline/1");
    assert_eq!(report["documents"].as_array().unwrap().len(), 3);
    assert!(h.get("content-security-policy").is_some());
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");

    let (s, _, list) = call(&app, get("/api/documents")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(list[0]["title"], "Bridge reopens after repairs");

    let (s, _, doc) = call(&app, get("/api/documents/d1")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(doc["document"]["id"], "d1");
    assert!(doc["annotations"].is_array());

    let (s, _, err) = call(&app, get("/api/documents/d99")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(err["status"], 404);
    assert!(err["error"].as_str().unwrap().contains("d99"));

    let (s, _, err) = call(&app, get("/api/entities/e404")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(err["error"].is_string());
    let (s, _, err) = call(&app, get("/api/nope")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(err["error"].is_string());
}

#[tokio::test]
async fn event_filters_validate_their_input() {
    let (_dir, db) = common::store();
    let app = app(&db);
    let (s, _, events) = call(
        &app,
        get("/api/events?from=2025-01-01&to=2025-12-31&type=consult"),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(events.is_array());
    let (s, _, err) = call(&app, get("/api/events?from=yesterday")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(err["error"].as_str().unwrap().contains("from"));
    let (s, _, err) = call(&app, get("/api/events?type=PARTY")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(err["error"].as_str().unwrap().contains("PLOVER"));
}

#[tokio::test]
async fn search_finds_words() {
    let (_dir, db) = common::store();
    let app = app(&db);
    let (s, _, hits) = call(&app, get("/api/search?q=ferry%20crews")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["title"], "Ferry strike ends");
    let (s, _, _) = call(&app, get("/api/search")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn posting_an_article_updates_the_report() {
    let (_dir, db) = common::store();
    let app = app(&db);
    let body = serde_json::json!({
        "name": "tunnel.txt",
        "text": "Tunnel plan approved\n\nBy Ana Weiss\n\nMARLOW, May 9, 2025 - The council approved a road tunnel under the river on Friday, officials said.\n"
    });
    let req = Request::post("/api/documents")
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let (s, _, created) = call(&app, req).await;
    assert_eq!(s, StatusCode::CREATED, "{created}");
    assert_eq!(created["id"], "d4");
    let (_, _, report) = call(&app, get("/api/report")).await;
    assert_eq!(report["documents"].as_array().unwrap().len(), 4);
    assert_eq!(report["documents"][3]["title"], "Tunnel plan approved");
    // And it is in the store, not only in memory.
    let stored = storyline_store::Store::open(&db).unwrap().report().unwrap();
    assert_eq!(stored.documents.len(), 4);

    // Plain text with the name in the query string.
    let req = Request::post("/api/documents?name=plain.txt")
        .header("content-type", "text/plain")
        .body(Body::from(
            "Plain post\n\nThe harbour reopened on Saturday, the port said.\n",
        ))
        .unwrap();
    let (s, _, created) = call(&app, req).await;
    assert_eq!(s, StatusCode::CREATED);
    assert_eq!(created["path"], "plain.txt");
}

#[tokio::test]
async fn bad_posts_get_clear_errors() {
    let (_dir, db) = common::store();
    let app = app(&db);
    let req = Request::post("/api/documents")
        .header("content-type", "application/json")
        .body(Body::from("{not json"))
        .unwrap();
    let (s, _, err) = call(&app, req).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(err["error"].is_string());

    let req = Request::post("/api/documents?name=blob.bin")
        .header("content-type", "application/octet-stream")
        .body(Body::from(vec![0u8, 1, 2, 3, 0, 0]))
        .unwrap();
    let (s, _, err) = call(&app, req).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(err["error"].as_str().unwrap().contains("binary"));

    let huge = "word ".repeat(storyline_server_limit() / 5 + 10);
    let req = Request::post("/api/documents?name=huge.txt")
        .header("content-type", "text/plain")
        .body(Body::from(huge))
        .unwrap();
    let (s, _, _) = call(&app, req).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    let (_, _, report) = call(&app, get("/api/report")).await;
    assert_eq!(report["documents"].as_array().unwrap().len(), 3);
}

fn storyline_server_limit() -> usize {
    storyline_server::MAX_BODY_BYTES
}
