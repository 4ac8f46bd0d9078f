//! The self-contained HTML report: the web UI page with its styles, libraries and
//! the report itself inlined, so the file opens offline, makes no network requests
//! (its Content-Security-Policy forbids them) and can be sent by email.

use crate::assets::{APP_CSS, APP_JS, CYTOSCAPE_JS, INDEX_TEMPLATE, VIS_CSS, VIS_JS};
use storyline_model::Report;

/// Code that is safe inside a `<script>` element: only `</script` can end the element
/// early, and `<\/script` means the same in a string or regex. A blanket `</`
/// rewrite would break regex literals such as `/</g`.
fn script_safe(s: &str) -> String {
    s.replace("</script", "<\\/script")
        .replace("</SCRIPT", "<\\/SCRIPT")
}

/// JSON that is safe inside `<script type="application/json">`: `<`, `>` and `&`
/// escaped as JSON unicode escapes, so the data can never close the element.
fn json_in_html(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 50);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Render the report as one HTML file.
pub fn render_html(report: &Report) -> String {
    let styles = format!(
        "<style>{}</style>\n<style>{}</style>",
        VIS_CSS.replace("</style", "<\\/style"),
        APP_CSS.replace("</style", "<\\/style")
    );
    let scripts = format!(
        "<script id=\"report-data\" type=\"application/json\">{}</script>\n<script>{}</script>\n<script>{}</script>\n<script>{}</script>",
        json_in_html(&report.to_json()),
        script_safe(VIS_JS),
        script_safe(CYTOSCAPE_JS),
        script_safe(APP_JS)
    );
    INDEX_TEMPLATE
        .replace(
            "<!--CSP-->",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">",
        )
        .replace("<!--STYLES-->", &styles)
        .replace("<!--SCRIPTS-->", &scripts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_json_cannot_close_the_script() {
        let mut report = Report::new();
        report.skipped.push(storyline_model::Skipped {
            path: "</script><script>alert(1)</script>".into(),
            reason: "x & y".into(),
        });
        let html = render_html(&report);
        assert!(!html.contains("</script><script>alert(1)"));
        assert!(html.contains("\\u003c/script\\u003e"));
        // The data still parses back to the same report.
        let start = html.find("type=\"application/json\">").unwrap() + 24;
        let end = start + html[start..].find("</script>").unwrap();
        let back: Report = serde_json::from_str(&html[start..end]).unwrap();
        assert_eq!(back, report);
    }

    #[test]
    fn no_remote_references() {
        let html = render_html(&Report::new());
        for needle in ["src=\"http", "href=\"http", "src=\"//", "href=\"/assets"] {
            assert!(!html.contains(needle), "{needle}");
        }
        assert!(html.contains("Content-Security-Policy"));
    }
}
