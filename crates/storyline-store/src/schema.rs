//! Migrations: numbered SQL files per backend under `migrations/`, applied in order
//! inside a transaction each, and recorded in `schema_migrations`.

use crate::backend::{Conn, Value};
use crate::Result;

/// Tables rebuilt on every save (everything but the migrations table).
pub const REPORT_TABLES: [&str; 10] = [
    "evidence",
    "entities",
    "events",
    "claims",
    "figures",
    "conflicts",
    "timeline",
    "sources",
    "skipped",
    "documents",
];

const SQLITE: &[(i64, &str)] = &[(1, include_str!("../migrations/sqlite/001_init.sql"))];
const POSTGRES: &[(i64, &str)] = &[(1, include_str!("../migrations/postgres/001_init.sql"))];

pub fn migrate(conn: &mut Conn) -> Result<()> {
    conn.batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)",
    )?;
    let current = current_version(conn)?;
    let steps = match conn {
        Conn::Sqlite(_) => SQLITE,
        Conn::Postgres(_) => POSTGRES,
    };
    for (version, sql) in steps.iter().filter(|(v, _)| *v > current) {
        let mut tx = conn.transaction()?;
        tx.batch(sql)?;
        tx.exec(
            "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
            &[Value::Int(*version), Value::text(&now())],
        )?;
        tx.commit()?;
    }
    Ok(())
}

pub fn current_version(conn: &mut Conn) -> Result<i64> {
    let rows = conn.query("SELECT MAX(version) FROM schema_migrations", &[])?;
    Ok(rows
        .first()
        .and_then(|r| r.first())
        .and_then(Value::as_int)
        .unwrap_or(0))
}

fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    format!("unix:{secs}")
}
