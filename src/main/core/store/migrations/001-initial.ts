import type { Migration } from './types'

// The first schema. Append-only: a shipped migration is never edited, a new file follows it.
// Timestamps ending in _at are unix milliseconds; stripe_event.created is Stripe's unix seconds.
const CURRENCY = (column: string) => `CHECK (length(${column}) = 3 AND ${column} = upper(${column}) AND ${column} NOT GLOB '*[^A-Z]*')`

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
  phone TEXT CHECK (phone IS NULL OR length(phone) BETWEEN 3 AND 40),
  stripe_customer_id TEXT UNIQUE CHECK (stripe_customer_id IS NULL OR stripe_customer_id LIKE 'cus_%'),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX account_name ON account(name COLLATE NOCASE);

CREATE TABLE course (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
  title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  description TEXT NOT NULL DEFAULT '',
  price_amount INTEGER NOT NULL CHECK (price_amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE purchase_order (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  -- A cache of deriveOrderStatus(): written only by the settle step, never by hand.
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN
    ('pending', 'partially_paid', 'successful', 'failed', 'canceled', 'partially_refunded', 'refunded')),
  canceled_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX purchase_order_account ON purchase_order(account_id, created_at);
CREATE INDEX purchase_order_created ON purchase_order(created_at);
CREATE INDEX purchase_order_status ON purchase_order(status, created_at);

CREATE TABLE purchase_order_item (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES purchase_order(id),
  course_id INTEGER NOT NULL REFERENCES course(id),
  -- The title as sold, so receipts stay true when the catalog changes.
  title TEXT NOT NULL,
  unit_amount INTEGER NOT NULL CHECK (unit_amount > 0),
  UNIQUE (order_id, course_id)
) STRICT;
CREATE INDEX purchase_order_item_course ON purchase_order_item(course_id, order_id);

CREATE TABLE payment (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES purchase_order(id),
  method TEXT NOT NULL CHECK (method IN ('card', 'cash')),
  amount INTEGER NOT NULL CHECK (amount > 0),
  amount_received INTEGER NOT NULL DEFAULT 0 CHECK (amount_received >= 0),
  tendered_amount INTEGER CHECK (tendered_amount IS NULL OR (method = 'cash' AND tendered_amount >= amount)),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  status TEXT NOT NULL CHECK (status IN ('pending', 'requires_action', 'processing', 'succeeded', 'failed', 'canceled')),
  stripe_payment_intent_id TEXT UNIQUE CHECK (stripe_payment_intent_id IS NULL OR stripe_payment_intent_id LIKE 'pi_%'),
  failure_code TEXT,
  failure_message TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (method = 'card' OR stripe_payment_intent_id IS NULL),
  CHECK (method = 'cash' OR stripe_payment_intent_id IS NOT NULL)
) STRICT;
CREATE INDEX payment_order ON payment(order_id);

CREATE TABLE refund (
  id INTEGER PRIMARY KEY,
  payment_id INTEGER NOT NULL REFERENCES payment(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  status TEXT NOT NULL CHECK (status IN ('pending', 'requires_action', 'succeeded', 'failed', 'canceled')),
  reason TEXT NOT NULL CHECK (reason IN ('requested_by_customer', 'duplicate', 'fraudulent', 'other')),
  note TEXT,
  stripe_refund_id TEXT UNIQUE CHECK (stripe_refund_id IS NULL OR stripe_refund_id LIKE 're_%'),
  requested_by TEXT NOT NULL CHECK (length(requested_by) > 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX refund_payment ON refund(payment_id);

CREATE TABLE account_has_course (
  account_id INTEGER NOT NULL REFERENCES account(id),
  course_id INTEGER NOT NULL REFERENCES course(id),
  order_id INTEGER NOT NULL REFERENCES purchase_order(id),
  granted_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, course_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX account_has_course_order ON account_has_course(order_id);

CREATE TABLE stripe_event (
  id TEXT PRIMARY KEY CHECK (id LIKE 'evt_%'),
  type TEXT NOT NULL,
  created INTEGER NOT NULL,
  object_id TEXT,
  order_id INTEGER REFERENCES purchase_order(id),
  received_at INTEGER NOT NULL,
  processed_at INTEGER,
  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'skipped', 'unhandled', 'review', 'failed')),
  error TEXT
) STRICT;
CREATE INDEX stripe_event_created ON stripe_event(created);
CREATE INDEX stripe_event_order ON stripe_event(order_id) WHERE order_id IS NOT NULL;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL CHECK (length(actor) > 0),
  action TEXT NOT NULL CHECK (length(action) > 0),
  entity_type TEXT NOT NULL CHECK (entity_type IN
    ('account', 'course', 'purchase_order', 'payment', 'refund', 'account_has_course', 'setting')),
  entity_id TEXT NOT NULL,
  order_id INTEGER REFERENCES purchase_order(id),
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity_type, entity_id);
CREATE INDEX audit_log_order ON audit_log(order_id) WHERE order_id IS NOT NULL;

CREATE TABLE app_setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`,
}
