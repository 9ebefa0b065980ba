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
  `
  CREATE TABLE drift_alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    endpoint_id INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    score REAL NOT NULL,
    summary TEXT NOT NULL,
    details TEXT NOT NULL,
    narration TEXT NOT NULL,
    sample TEXT NOT NULL,
    occurrences INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    resolved INTEGER NOT NULL DEFAULT 0,
    resolved_at INTEGER,
    accepted INTEGER NOT NULL DEFAULT 0,
    UNIQUE (endpoint_id, target, fingerprint)
  );
  CREATE INDEX drift_alerts_endpoint ON drift_alerts (endpoint_id, last_seen);
  `,
  `
  -- A covering index: searches scan these small entries instead of the rows with their models.
  CREATE INDEX endpoints_search_key ON endpoints (search_key);
  `,
];
