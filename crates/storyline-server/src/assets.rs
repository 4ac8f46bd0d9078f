//! Static files of the web UI (our own app and the vendored libraries), compiled into
//! the binary so the server needs no files on disk and makes no outside requests.

pub const INDEX_TEMPLATE: &str = include_str!("../assets/ui/index.html");
pub const APP_JS: &str = include_str!("../assets/ui/app.js");
pub const APP_CSS: &str = include_str!("../assets/ui/app.css");
pub const VIS_JS: &str = include_str!("../assets/vendor/vis-timeline-graph2d.min.js");
pub const VIS_CSS: &str = include_str!("../assets/vendor/vis-timeline-graph2d.min.css");
pub const CYTOSCAPE_JS: &str = include_str!("../assets/vendor/cytoscape.min.js");

/// The asset and its MIME type.
pub fn get(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "app.js" => (APP_JS, "text/javascript; charset=utf-8"),
        "app.css" => (APP_CSS, "text/css; charset=utf-8"),
        "vis-timeline-graph2d.min.js" => (VIS_JS, "text/javascript; charset=utf-8"),
        "vis-timeline-graph2d.min.css" => (VIS_CSS, "text/css; charset=utf-8"),
        "cytoscape.min.js" => (CYTOSCAPE_JS, "text/javascript; charset=utf-8"),
        _ => return None,
    })
}

/// The UI page as served: assets linked from `/assets/`.
pub fn index_html() -> String {
    INDEX_TEMPLATE
        .replace(
            "<!--STYLES-->",
            "<link rel=\"stylesheet\" href=\"/assets/vis-timeline-graph2d.min.css\">\n<link rel=\"stylesheet\" href=\"/assets/app.css\">",
        )
        .replace(
            "<!--SCRIPTS-->",
            "<script src=\"/assets/vis-timeline-graph2d.min.js\"></script>\n<script src=\"/assets/cytoscape.min.js\"></script>\n<script src=\"/assets/app.js\"></script>",
        )
        .replace("<!--CSP-->", "")
}
