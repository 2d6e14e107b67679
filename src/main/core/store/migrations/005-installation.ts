import type { Migration } from './types'

// One till among many (issue 9): every store has its own installation id, made with the store and kept in it,
// so what this till creates in Stripe is told apart from what another till on the same account creates.
// A store that already had an id (the managed webhook endpoint kept one in app_setting) keeps it, so the
// endpoints it registered are still recognised as its own. A store restored from a backup keeps its id too.
export const installation: Migration = {
  version: 5,
  name: 'installation',
  sql: `
CREATE TABLE installation (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  id TEXT NOT NULL CHECK (length(id) BETWEEN 16 AND 64 AND id NOT GLOB '*[^a-z0-9-]*'),
  created_at INTEGER NOT NULL
) STRICT;
INSERT INTO installation (singleton, id, created_at)
  VALUES (1, coalesce((SELECT value FROM app_setting WHERE key = 'install_id'), lower(hex(randomblob(16)))),
          CAST(unixepoch('subsec') * 1000 AS INTEGER));
DELETE FROM app_setting WHERE key = 'install_id';
CREATE TRIGGER installation_is_forever_update BEFORE UPDATE ON installation
  BEGIN SELECT RAISE(ABORT, 'the installation id never changes'); END;
CREATE TRIGGER installation_is_forever_delete BEFORE DELETE ON installation
  BEGIN SELECT RAISE(ABORT, 'the installation id never changes'); END;

-- 'foreign': the event is about another installation's object (another till on the same Stripe account);
-- recorded so catch-up does not fetch it again, and it changes nothing here. SQLite cannot widen a CHECK in
-- place, so the ledger is copied into a table with the wider one.
CREATE TABLE stripe_event_v5 (
  id TEXT PRIMARY KEY CHECK (id LIKE 'evt_%'),
  type TEXT NOT NULL,
  created INTEGER NOT NULL,
  object_id TEXT,
  order_id INTEGER REFERENCES purchase_order(id),
  received_at INTEGER NOT NULL,
  processed_at INTEGER,
  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'skipped', 'unhandled', 'review', 'failed', 'foreign')),
  error TEXT
) STRICT;
INSERT INTO stripe_event_v5 (id, type, created, object_id, order_id, received_at, processed_at, outcome, error)
  SELECT id, type, created, object_id, order_id, received_at, processed_at, outcome, error FROM stripe_event;
DROP TABLE stripe_event;
ALTER TABLE stripe_event_v5 RENAME TO stripe_event;
CREATE INDEX stripe_event_created ON stripe_event(created);
CREATE INDEX stripe_event_order ON stripe_event(order_id) WHERE order_id IS NOT NULL;
CREATE INDEX stripe_event_outcome ON stripe_event(outcome) WHERE outcome IN ('failed', 'review');

-- Refunds left pending by an earlier version keep the idempotency key they were first sent with (and are sent
-- again with the parameters of then), so a retry of one that reached Stripe is replayed, never made twice.
-- NULL for every refund made since: its key is derived from this installation.
ALTER TABLE refund ADD COLUMN stripe_idempotency_key TEXT
  CHECK (stripe_idempotency_key IS NULL OR length(stripe_idempotency_key) BETWEEN 8 AND 255);
UPDATE refund SET stripe_idempotency_key = 'coursetill-refund-' || id
  WHERE status = 'pending' AND stripe_refund_id IS NULL
    AND payment_id IN (SELECT id FROM payment WHERE method = 'card');
`,
}
