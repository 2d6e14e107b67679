import Database from 'better-sqlite3'

export type Db = Database.Database

// Bump SCHEMA_VERSION and append a step when the layout changes; existing files are migrated in order.
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE objects (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX objects_by_type ON objects (type, seq);

  -- Data Stripe keeps but never shows (webhook secrets, checkout line items, links between objects).
  CREATE TABLE private_data (
    owner_id TEXT NOT NULL,
    key TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (owner_id, key)
  );

  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    endpoint TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    request_id TEXT NOT NULL,
    created INTEGER NOT NULL
  );

  -- One row per (event, endpoint, copy); times are wall-clock milliseconds.
  CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL,
    endpoint_id TEXT NOT NULL,
    copy_no INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled')),
    attempt_count INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX deliveries_due ON webhook_deliveries (status, next_attempt_at);
  CREATE INDEX deliveries_by_event ON webhook_deliveries (event_id);

  CREATE TABLE webhook_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id),
    event_id TEXT NOT NULL,
    endpoint_id TEXT NOT NULL,
    attempt_no INTEGER NOT NULL,
    status_code INTEGER,
    error TEXT,
    signature_timestamp INTEGER NOT NULL,
    attempted_at INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL
  );
  CREATE INDEX attempts_by_event ON webhook_attempts (event_id);
  `,
]

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}

/** Opens (creating if needed) the sandbox's own SQLite file; ':memory:' gives a throwaway account. */
export function openDb(file: string): Db {
  const db = new Database(file)
  if (file !== ':memory:') db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  migrate(db)
  return db
}
