import type { Migration } from './types'

const CURRENCY = (column: string) => `CHECK (length(${column}) = 3 AND ${column} = upper(${column}) AND ${column} NOT GLOB '*[^A-Z]*')`

// Recomputes order_history's paid and methods for an order (as 003 does); credit is neither card nor cash there.
const recomputePayments = (orderId: string) => `
  UPDATE order_history SET
    paid = (SELECT coalesce(sum(amount_received), 0) FROM payment WHERE order_id = ${orderId} AND status = 'succeeded'),
    methods = (SELECT coalesce(max(method = 'card'), 0) + 2 * coalesce(max(method = 'cash'), 0) FROM payment WHERE order_id = ${orderId})
  WHERE order_id = ${orderId};`

// Issue 13, store credit. A customer's balance per currency is the sum of append-only ledger entries; nothing
// stores a balance to be edited. Credit is a tender: a payment with method 'credit' (paid at once, no Stripe id)
// whose 'spend' entry takes it from the balance in the same transaction.
//
// payment's method CHECK is part of the shipped table, so the table is rebuilt. Foreign keys stay on (migrations
// run in one transaction): with them deferred, dropping payment counts refund's rows as orphans, and putting the
// same ids back into the new payment table settles that count again before the commit checks it.
export const storeCredit: Migration = {
  version: 10,
  name: 'store-credit',
  sql: `
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE payment_before_credit AS SELECT * FROM main.payment;
DROP TABLE main.payment;
CREATE TABLE payment (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES purchase_order(id),
  method TEXT NOT NULL CHECK (method IN ('card', 'cash', 'credit')),
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
  stripe_synced_at INTEGER,
  request_key TEXT CHECK (request_key IS NULL OR length(request_key) BETWEEN 8 AND 100),
  CHECK (method = 'card' OR stripe_payment_intent_id IS NULL),
  CHECK (method <> 'card' OR stripe_payment_intent_id IS NOT NULL),
  -- Credit is taken whole or not at all: it never waits on anyone.
  CHECK (method <> 'credit' OR status IN ('succeeded', 'canceled'))
) STRICT;
INSERT INTO main.payment SELECT * FROM temp.payment_before_credit ORDER BY id;
DROP TABLE temp.payment_before_credit;
CREATE INDEX payment_order ON payment(order_id);
CREATE INDEX payment_open ON payment(status, updated_at) WHERE status IN ('pending', 'requires_action', 'processing');
CREATE UNIQUE INDEX payment_request_key ON payment(request_key) WHERE request_key IS NOT NULL;
CREATE INDEX payment_succeeded_at ON payment(updated_at, currency, amount_received, order_id) WHERE status = 'succeeded';
CREATE TRIGGER order_history_on_payment_insert AFTER INSERT ON payment BEGIN ${recomputePayments('NEW.order_id')} END;
CREATE TRIGGER order_history_on_payment_update AFTER UPDATE OF order_id, method, status, amount_received ON payment BEGIN
  ${recomputePayments('OLD.order_id')}
  ${recomputePayments('NEW.order_id')}
END;
CREATE TRIGGER order_history_on_payment_delete AFTER DELETE ON payment BEGIN ${recomputePayments('OLD.order_id')} END;

CREATE TABLE credit_entry (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account(id),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  kind TEXT NOT NULL CHECK (kind IN ('grant', 'spend', 'refund', 'adjust', 'expire')),
  -- Signed minor units: what this entry adds to (or takes from) the balance.
  amount INTEGER NOT NULL CHECK (amount <> 0),
  source TEXT NOT NULL CHECK (source IN ('manager', 'checkout', 'order_canceled', 'refund', 'referral', 'referral_reversed', 'coupon')),
  reason TEXT CHECK (reason IS NULL OR length(trim(reason)) BETWEEN 1 AND 500),
  payment_id INTEGER REFERENCES payment(id),
  refund_id INTEGER REFERENCES refund(id),
  order_id INTEGER REFERENCES purchase_order(id),
  actor TEXT NOT NULL CHECK (length(actor) > 0),
  -- A manager's adjustment carries its dialog's key: a double click adjusts once.
  request_key TEXT UNIQUE CHECK (request_key IS NULL OR length(request_key) BETWEEN 8 AND 100),
  created_at INTEGER NOT NULL,
  CHECK ((kind IN ('grant', 'refund') AND amount > 0) OR (kind IN ('spend', 'expire') AND amount < 0) OR kind = 'adjust'),
  CHECK (kind NOT IN ('spend', 'refund') OR payment_id IS NOT NULL),
  CHECK (source <> 'manager' OR reason IS NOT NULL)
) STRICT;
CREATE INDEX credit_entry_balance ON credit_entry(account_id, currency, id);
-- A credit payment is taken from the balance once, and given back once per refund row.
CREATE UNIQUE INDEX credit_entry_one_spend ON credit_entry(payment_id) WHERE kind = 'spend';
CREATE UNIQUE INDEX credit_entry_one_return ON credit_entry(payment_id) WHERE source = 'order_canceled';
CREATE UNIQUE INDEX credit_entry_one_refund ON credit_entry(refund_id) WHERE refund_id IS NOT NULL;

-- The balance rule lives in the store: whatever the code does, no entry may take a balance below zero.
-- Writers are serialised by SQLite, so two concurrent spends see each other's entries here.
CREATE TRIGGER credit_entry_no_overdraw BEFORE INSERT ON credit_entry
WHEN NEW.amount < 0 AND
  (SELECT coalesce(sum(amount), 0) FROM credit_entry WHERE account_id = NEW.account_id AND currency = NEW.currency) + NEW.amount < 0
BEGIN
  SELECT RAISE(ABORT, 'credit_overdraw: a credit balance cannot go below zero');
END;
-- Append-only: a mistake is corrected by a new entry, never by editing or deleting one.
CREATE TRIGGER credit_entry_no_update BEFORE UPDATE ON credit_entry BEGIN
  SELECT RAISE(ABORT, 'credit entries are append-only');
END;
CREATE TRIGGER credit_entry_no_delete BEFORE DELETE ON credit_entry BEGIN
  SELECT RAISE(ABORT, 'credit entries are append-only');
END;
`,
}
