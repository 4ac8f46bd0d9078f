//! The two database backends behind one small interface: execute and query with
//! positional `$n` parameters (SQLite accepts them too), and transactions.

use crate::Result;
use postgres::types::{to_sql_checked, IsNull, ToSql, Type};
use std::error::Error;

/// A parameter or column value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Value {
    pub fn text(s: &str) -> Value {
        Value::Text(s.to_string())
    }

    pub fn opt(s: Option<&str>) -> Value {
        s.map_or(Value::Null, Value::text)
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }
}

impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn Error + Sync + Send>> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) => {
                if *ty == Type::INT4 {
                    i32::try_from(*i)?.to_sql(ty, out)
                } else {
                    i.to_sql(ty, out)
                }
            }
            Value::Real(f) => f.to_sql(ty, out),
            Value::Text(s) => s.to_sql(ty, out),
        }
    }

    fn accepts(_ty: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Value::Real(f) => ToSqlOutput::Borrowed(ValueRef::Real(*f)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        })
    }
}

/// An open connection.
pub enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres(Box<postgres::Client>),
}

impl Conn {
    pub fn sqlite(path: &str) -> Result<Conn> {
        let conn = rusqlite::Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        Ok(Conn::Sqlite(conn))
    }

    pub fn postgres(url: &str) -> Result<Conn> {
        let client = postgres::Client::connect(url, postgres::NoTls)?;
        Ok(Conn::Postgres(Box::new(client)))
    }

    pub fn name(&self) -> &'static str {
        match self {
            Conn::Sqlite(_) => "sqlite",
            Conn::Postgres(_) => "postgres",
        }
    }

    pub fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>> {
        match self {
            Conn::Sqlite(c) => sqlite_query(c, sql, params),
            Conn::Postgres(c) => pg_query(c, sql, params),
        }
    }

    pub fn batch(&mut self, sql: &str) -> Result<()> {
        match self {
            Conn::Sqlite(c) => c.execute_batch(sql)?,
            Conn::Postgres(c) => c.batch_execute(sql)?,
        }
        Ok(())
    }

    pub fn transaction(&mut self) -> Result<Tx<'_>> {
        Ok(match self {
            Conn::Sqlite(c) => Tx::Sqlite(c.transaction()?),
            Conn::Postgres(c) => Tx::Postgres(c.transaction()?),
        })
    }
}

/// An open transaction; dropped without `commit` it rolls back.
pub enum Tx<'a> {
    Sqlite(rusqlite::Transaction<'a>),
    Postgres(postgres::Transaction<'a>),
}

impl Tx<'_> {
    pub fn exec(&mut self, sql: &str, params: &[Value]) -> Result<()> {
        match self {
            Tx::Sqlite(t) => {
                let mut stmt = t.prepare_cached(sql)?;
                stmt.execute(rusqlite::params_from_iter(params.iter()))?;
            }
            Tx::Postgres(t) => {
                let refs: Vec<&(dyn ToSql + Sync)> =
                    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
                t.execute(sql, &refs)?;
            }
        }
        Ok(())
    }

    pub fn batch(&mut self, sql: &str) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.execute_batch(sql)?,
            Tx::Postgres(t) => t.batch_execute(sql)?,
        }
        Ok(())
    }

    pub fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit()?,
            Tx::Postgres(t) => t.commit()?,
        }
        Ok(())
    }
}

fn sqlite_query(c: &rusqlite::Connection, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>> {
    use rusqlite::types::ValueRef;
    let mut stmt = c.prepare_cached(sql)?;
    let n = stmt.column_count();
    let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |row| {
        (0..n)
            .map(|i| {
                Ok(match row.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(v) => Value::Int(v),
                    ValueRef::Real(v) => Value::Real(v),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        Value::Text(String::from_utf8_lossy(t).into_owned())
                    }
                })
            })
            .collect::<rusqlite::Result<Vec<Value>>>()
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn pg_query(c: &mut postgres::Client, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>> {
    let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
    let rows = c.query(sql, &refs)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut vals = Vec::with_capacity(row.len());
        for (i, col) in row.columns().iter().enumerate() {
            let t = col.type_();
            let v = if *t == Type::INT8 {
                row.get::<_, Option<i64>>(i).map_or(Value::Null, Value::Int)
            } else if *t == Type::INT4 {
                row.get::<_, Option<i32>>(i)
                    .map_or(Value::Null, |v| Value::Int(i64::from(v)))
            } else if *t == Type::FLOAT8 {
                row.get::<_, Option<f64>>(i)
                    .map_or(Value::Null, Value::Real)
            } else {
                row.get::<_, Option<String>>(i)
                    .map_or(Value::Null, Value::Text)
            };
            vals.push(v);
        }
        out.push(vals);
    }
    Ok(out)
}
