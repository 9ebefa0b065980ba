/**
 * SQLite schema, one entry per version. Applied in order inside one transaction each and
 * recorded in PRAGMA user_version, so an interrupted start-up resumes where it stopped.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE endpoints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    method TEXT NOT NULL,
    template TEXT NOT NULL,
    search_key TEXT NOT NULL,
    model TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (method, template)
  );
  CREATE TABLE traffic (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exchange_id TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    query TEXT NOT NULL,
    template TEXT,
    endpoint_id INTEGER,
    status INTEGER NOT NULL,
    source TEXT NOT NULL,
    outcome TEXT NOT NULL,
    latency_ms REAL NOT NULL,
    request_size INTEGER NOT NULL,
    response_size INTEGER NOT NULL,
    has_drift INTEGER NOT NULL,
    health TEXT,
    error TEXT
  );
  CREATE INDEX traffic_endpoint ON traffic (endpoint_id, id);
  `,
];
