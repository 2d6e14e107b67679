import type { Migration } from './types'

const CURRENCY = (column: string) => `CHECK (length(${column}) = 3 AND ${column} = upper(${column}) AND ${column} NOT GLOB '*[^A-Z]*')`

// Issue 16, shop mode: several tills share one order book in PostgreSQL while each keeps this store as its truth.
// The outbox is filled by triggers made from the list of synced tables (core/shop/synced-tables.ts) and installed
// at start in shop mode only; this migration holds the tables they and the pull write. Nothing here is used, or
// grows, until COURSETILL_SHOP_DATABASE_URL is set.
export const shopSync: Migration = {
  version: 18,
  name: 'shop-sync',
  sql: `
-- Every committed change to a synced table, in commit order (seq), written by triggers in the same transaction.
-- row: the row as JSON after the change (NULL for a delete). Rows leave once PostgreSQL has them.
CREATE TABLE sync_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name TEXT NOT NULL CHECK (length(table_name) BETWEEN 1 AND 64),
  local_id TEXT NOT NULL CHECK (length(local_id) BETWEEN 1 AND 200),
  op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  row TEXT CHECK ((op = 'delete') = (row IS NULL) AND (row IS NULL OR json_valid(row))),
  created_at INTEGER NOT NULL
) STRICT;

-- One row: whether the store's existing rows were queued when shop mode was first switched on, and how fresh
-- the last pull is (the "as of" the history shows).
CREATE TABLE shop_sync_state (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  seeded_at INTEGER,
  pushed_at INTEGER,
  pulled_at INTEGER,
  last_error TEXT
) STRICT;
INSERT INTO shop_sync_state (singleton) VALUES (1);

-- Where each pulled shop table was read up to (its shop_seq).
CREATE TABLE shop_pull_cursor (
  source TEXT PRIMARY KEY CHECK (length(source) BETWEEN 1 AND 64),
  seq INTEGER NOT NULL CHECK (seq >= 0)
) STRICT;

-- Customers this till learnt from the shop rather than created: pushed back as links, not as new people.
CREATE TABLE shop_account_origin (
  account_id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL CHECK (person_id > 0)
) STRICT;

-- Other tills' orders, as of the last pull: the whole shop's history offline.
CREATE TABLE shop_order_copy (
  installation TEXT NOT NULL CHECK (length(installation) BETWEEN 16 AND 64),
  order_id INTEGER NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE,
  customer_name TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  status TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (installation, order_id)
) STRICT;
CREATE INDEX shop_order_copy_created ON shop_order_copy(created_at);

-- Every till's course grants (shop-wide ownership), keyed as in PostgreSQL; revoked grants are marked, not lost.
CREATE TABLE shop_grant_copy (
  installation TEXT NOT NULL CHECK (length(installation) BETWEEN 16 AND 64),
  local_id TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE,
  course_code TEXT NOT NULL,
  order_id INTEGER NOT NULL,
  granted_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  PRIMARY KEY (installation, local_id)
) STRICT;
CREATE INDEX shop_grant_copy_owner ON shop_grant_copy(email, course_code) WHERE deleted = 0;

-- A succeeded payment no till owns (made outside the tills): queued here with its webhook, then claimed once for
-- the whole shop through PostgreSQL's unique constraint by whichever till gets there first.
CREATE TABLE unowned_payment (
  stripe_payment_intent_id TEXT PRIMARY KEY CHECK (stripe_payment_intent_id LIKE 'pi_%'),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  stripe_created INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  claim TEXT CHECK (claim IS NULL OR claim IN ('won', 'lost'))
) STRICT;

-- External payments as the shop recorded them (one row each, whichever till claimed it).
CREATE TABLE shop_external_payment_copy (
  stripe_payment_intent_id TEXT PRIMARY KEY CHECK (stripe_payment_intent_id LIKE 'pi_%'),
  claimed_by TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  claimed_at INTEGER NOT NULL
) STRICT;
`,
}
