//! The JSON API and the routes of the web UI.

use crate::assets;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::sync::{Arc, Mutex, RwLock};
use storyline_model::{Evidence, Plover, Report};
use storyline_store::Store;

/// Largest accepted request body (an article or a batch of a few).
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

struct Cached {
    report: Arc<Report>,
    json: Bytes,
}

/// Shared server state: the store (for writes and search) and the cached report.
pub struct AppState {
    store: Mutex<Store>,
    cache: RwLock<Cached>,
}

impl AppState {
    pub fn open(db: &str) -> Result<AppState, String> {
        let mut store = Store::open(db).map_err(|e| e.to_string())?;
        let report = store.report().map_err(|e| e.to_string())?;
        Ok(AppState {
            store: Mutex::new(store),
            cache: RwLock::new(Cached::new(report)),
        })
    }

    fn report(&self) -> Arc<Report> {
        match self.cache.read() {
            Ok(c) => c.report.clone(),
            Err(poisoned) => poisoned.into_inner().report.clone(),
        }
    }

    fn report_json(&self) -> Bytes {
        match self.cache.read() {
            Ok(c) => c.json.clone(),
            Err(poisoned) => poisoned.into_inner().json.clone(),
        }
    }
}

impl Cached {
    fn new(report: Report) -> Cached {
        let json = Bytes::from(report.to_json());
        Cached {
            report: Arc::new(report),
            json,
        }
    }
}

/// An API error: a status code and a JSON body `{ "error": ..., "status": ... }`.
pub struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Json(json!({ "error": self.1, "status": self.0.as_u16() }));
        (self.0, body).into_response()
    }
}

fn bad_request(msg: impl Into<String>) -> ApiError {
    ApiError(StatusCode::BAD_REQUEST, msg.into())
}

fn not_found(msg: impl Into<String>) -> ApiError {
    ApiError(StatusCode::NOT_FOUND, msg.into())
}

fn internal(msg: impl Into<String>) -> ApiError {
    ApiError(StatusCode::INTERNAL_SERVER_ERROR, msg.into())
}

/// The router: API under `/api`, the UI at `/`, assets under `/assets`.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/assets/{name}", get(asset))
        .route("/api/report", get(report))
        .route("/api/documents", get(documents).post(add_document))
        .route("/api/documents/{id}", get(document))
        .route("/api/entities/{id}", get(entity))
        .route("/api/events", get(events))
        .route("/api/search", get(search))
        .fallback(fallback)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

async fn fallback() -> ApiError {
    not_found("no such route")
}

async fn index() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        assets::index_html(),
    )
}

async fn asset(Path(name): Path<String>) -> Result<Response, ApiError> {
    let (bytes, mime) = assets::get(&name).ok_or_else(|| not_found("no such asset"))?;
    Ok(([(header::CONTENT_TYPE, mime)], bytes).into_response())
}

async fn report(State(state): State<Arc<AppState>>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        state.report_json(),
    )
}

#[derive(Serialize)]
struct DocumentSummary<'a> {
    id: &'a str,
    path: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    published: &'a storyline_model::Published,
    words: usize,
}

async fn documents(State(state): State<Arc<AppState>>) -> Response {
    let report = state.report();
    let list: Vec<DocumentSummary> = report
        .documents
        .iter()
        .map(|d| DocumentSummary {
            id: &d.id,
            path: &d.path,
            title: d.title.as_deref(),
            outlet: d.outlet.as_deref(),
            published: &d.published,
            words: d.stats.map(|s| s.words).unwrap_or(0),
        })
        .collect();
    Json(list).into_response()
}

/// A highlightable fact inside one document.
#[derive(Serialize)]
struct Annotation<'a> {
    kind: &'static str,
    id: &'a str,
    start: usize,
    end: usize,
    label: String,
}

fn annotations_for<'a>(report: &'a Report, doc: &str) -> Vec<Annotation<'a>> {
    let mut out = Vec::new();
    let mut push = |kind: &'static str, id: &'a str, e: &Evidence, label: String| {
        if e.doc == doc {
            out.push(Annotation {
                kind,
                id,
                start: e.start,
                end: e.end,
                label,
            });
        }
    };
    for e in &report.entities {
        for m in &e.mentions {
            push("entity", &e.id, m, e.name.clone());
        }
    }
    for ev in &report.events {
        for m in &ev.mentions {
            push("event", &ev.id, m, ev.summary.clone());
        }
    }
    for c in &report.claims {
        push(
            "claim",
            &c.id,
            &c.evidence,
            format!("{}: {}", c.speaker.text, c.cue),
        );
    }
    for f in &report.figures {
        push("figure", &f.id, &f.evidence, f.quantity.clone());
    }
    out.sort_by(|a, b| (a.start, a.end, a.kind, a.id).cmp(&(b.start, b.end, b.kind, b.id)));
    out
}

async fn document(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let report = state.report();
    let doc = report
        .documents
        .iter()
        .find(|d| d.id == id)
        .ok_or_else(|| not_found(format!("no document {id}")))?;
    let annotations = annotations_for(&report, &id);
    Ok(Json(json!({ "document": doc, "annotations": annotations })).into_response())
}

async fn entity(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let report = state.report();
    let entity = report
        .entities
        .iter()
        .find(|e| e.id == id)
        .ok_or_else(|| not_found(format!("no entity {id}")))?;
    let involved = |s: &Option<String>| s.as_deref() == Some(id.as_str());
    let events: Vec<_> = report
        .events
        .iter()
        .filter(|e| {
            involved(&e.actors.source)
                || involved(&e.actors.target)
                || e.actors.others.contains(&id)
        })
        .collect();
    let claims: Vec<_> = report
        .claims
        .iter()
        .filter(|c| {
            involved(&c.speaker.entity) || involved(&c.speaker.affiliation) || c.about.contains(&id)
        })
        .collect();
    Ok(Json(json!({ "entity": entity, "events": events, "claims": claims })).into_response())
}

#[derive(Deserialize)]
struct EventQuery {
    from: Option<String>,
    to: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    actor: Option<String>,
}

fn parse_day(name: &str, v: &Option<String>) -> Result<Option<NaiveDate>, ApiError> {
    match v.as_deref() {
        None | Some("") => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| bad_request(format!("`{name}` must be a date like 2024-11-19"))),
    }
}

async fn events(
    State(state): State<Arc<AppState>>,
    Query(q): Query<EventQuery>,
) -> Result<Response, ApiError> {
    let from = parse_day("from", &q.from)?;
    let to = parse_day("to", &q.to)?;
    let kind: Option<Plover> = match q.kind.as_deref() {
        None | Some("") => None,
        Some(k) => Some(
            serde_json::from_value(serde_json::Value::String(k.to_uppercase())).map_err(|_| {
                bad_request(format!("`type` must be a PLOVER event type, not {k:?}"))
            })?,
        ),
    };
    let report = state.report();
    let list: Vec<_> = report
        .events
        .iter()
        .filter(|e| kind.is_none_or(|k| e.kind.plover == k))
        .filter(|e| {
            q.actor.as_deref().is_none_or(|a| {
                e.actors.source.as_deref() == Some(a)
                    || e.actors.target.as_deref() == Some(a)
                    || e.actors.others.iter().any(|o| o == a)
            })
        })
        // An event is in the window when its bounds overlap it; unknown bounds are open.
        .filter(|e| from.is_none_or(|f| e.date.latest.is_none_or(|l| l >= f)))
        .filter(|e| to.is_none_or(|t| e.date.earliest.is_none_or(|s| s <= t)))
        .collect();
    Ok(Json(list).into_response())
}

#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
    limit: Option<usize>,
}

async fn search(
    State(state): State<Arc<AppState>>,
    Query(q): Query<SearchQuery>,
) -> Result<Response, ApiError> {
    let query = q.q.unwrap_or_default();
    if query.trim().is_empty() {
        return Err(bad_request("`q` is required"));
    }
    if query.len() > 500 {
        return Err(bad_request("`q` is longer than 500 bytes"));
    }
    let limit = q.limit.unwrap_or(20).clamp(1, 100);
    let hits = tokio::task::spawn_blocking(move || {
        let mut store = state
            .store
            .lock()
            .map_err(|_| internal("store lock poisoned"))?;
        store
            .search(&query, limit)
            .map_err(|e| internal(e.to_string()))
    })
    .await
    .map_err(|e| internal(e.to_string()))??;
    Ok(Json(hits).into_response())
}

#[derive(Deserialize)]
struct NewDocument {
    /// A name for the article (shown as its path); defaults to `posted-N.txt`.
    name: Option<String>,
    text: String,
}

/// Add an article: JSON `{ "name": "...", "text": "..." }`, or the article itself as
/// `text/plain` (name from `?name=`).
async fn add_document(
    State(state): State<Arc<AppState>>,
    Query(params): Query<std::collections::HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let (name, bytes) = if is_json {
        let doc: NewDocument = serde_json::from_slice(&body)
            .map_err(|e| bad_request(format!("body must be {{\"name\", \"text\"}} JSON: {e}")))?;
        (doc.name, doc.text.into_bytes())
    } else {
        (params.get("name").cloned(), body.to_vec())
    };
    let name = name
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| format!("posted-{}.txt", state.report().documents.len() + 1));
    let doc = storyline_ingest::document_from_bytes(&name, &bytes)
        .map_err(|e| ApiError(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let state2 = state.clone();
    let report = tokio::task::spawn_blocking(move || {
        let mut store = state2
            .store
            .lock()
            .map_err(|_| internal("store lock poisoned"))?;
        let skipped = store.report().map(|r| r.skipped).unwrap_or_default();
        store
            .add_documents(vec![doc], skipped)
            .map_err(|e| internal(e.to_string()))
    })
    .await
    .map_err(|e| internal(e.to_string()))??;
    let id = report
        .documents
        .iter()
        .find(|d| d.path == name)
        .map(|d| d.id.clone())
        .unwrap_or_default();
    let count = report.documents.len();
    match state.cache.write() {
        Ok(mut c) => *c = Cached::new(report),
        Err(poisoned) => *poisoned.into_inner() = Cached::new(report),
    }
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": id, "path": name, "documents": count })),
    )
        .into_response())
}
