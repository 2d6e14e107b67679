import Database from 'better-sqlite3'

export type Db = Database.Database

/** How the sandbox opens its SQLite file: better-sqlite3 as installed by default; an app with its own build
 * of the native binding (Electron's ABI) passes its own opener. */
export type OpenDatabase = (file: string) => Db

const openWithInstalledBinding: OpenDatabase = (file) => new Database(file)

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
  `
  -- Events grow without bound (every change emits one), so listing them filters and pages on this slim
  -- copy of their list fields and reads the JSON of the page only. seq is the event's objects.seq.
  CREATE TABLE event_index (
    seq INTEGER PRIMARY KEY REFERENCES objects (seq) ON DELETE CASCADE,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    created INTEGER NOT NULL,
    -- Largest created of this and every earlier event: never decreases along seq, even when the injected
    -- clock goes back, so a lower bound on created becomes a lower bound on seq (one index probe).
    created_high_water INTEGER NOT NULL
  );
  CREATE INDEX event_index_by_type ON event_index (type, seq);
  CREATE INDEX event_index_by_high_water ON event_index (created_high_water);
  INSERT INTO event_index (seq, id, type, created, created_high_water)
    SELECT seq, id, json_extract(data, '$.type'), json_extract(data, '$.created'),
           MAX(json_extract(data, '$.created')) OVER (ORDER BY seq ROWS UNBOUNDED PRECEDING)
      FROM objects WHERE type = 'event';

  -- One partial index per list-by-field lookup (ObjectStore.list with a field), so filtering refunds by
  -- payment_intent or customers by email reads the matches only, not every object of the type.
  CREATE INDEX refunds_by_payment_intent ON objects (json_extract(data, '$.payment_intent'), seq) WHERE type = 'refund';
  CREATE INDEX refunds_by_charge ON objects (json_extract(data, '$.charge'), seq) WHERE type = 'refund';
  CREATE INDEX charges_by_payment_intent ON objects (json_extract(data, '$.payment_intent'), seq) WHERE type = 'charge';
  CREATE INDEX payment_intents_by_customer ON objects (json_extract(data, '$.customer'), seq) WHERE type = 'payment_intent';
  CREATE INDEX customers_by_email ON objects (json_extract(data, '$.email'), seq) WHERE type = 'customer';
  CREATE INDEX subscriptions_by_customer ON objects (json_extract(data, '$.customer'), seq) WHERE type = 'subscription';
  CREATE INDEX prices_by_product ON objects (json_extract(data, '$.product'), seq) WHERE type = 'price';
  CREATE INDEX checkout_sessions_by_status ON objects (json_extract(data, '$.status'), seq) WHERE type = 'checkout.session';
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
export function openDb(file: string, open: OpenDatabase = openWithInstalledBinding): Db {
  const db = open(file)
  if (file !== ':memory:') db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  migrate(db)
  return db
}
