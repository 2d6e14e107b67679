import type { Migration } from './types'

const DAY_MS = 86_400_000

// Store credit as a method in the order history (Orders' "Paid by" filter, the CSV's payment_methods, the totals):
// order_history.methods gains bit 4 = a credit payment was taken (1 = card attempted, 2 = cash taken, as in 003).
// Its CHECK (0..3) is part of the shipped table, so the table is rebuilt; the triggers on it and the payment
// triggers that fill it are made again (003's SQL with the new bit), and orders already paid with credit get the bit
// through the rebuilt triggers, so order_day_total moves them to their new methods row in the same transaction.
const recomputePayments = (orderId: string) => `
  UPDATE order_history SET
    paid = (SELECT coalesce(sum(amount_received), 0) FROM payment WHERE order_id = ${orderId} AND status = 'succeeded'),
    methods = (SELECT coalesce(max(method = 'card'), 0) + 2 * coalesce(max(method = 'cash'), 0) + 4 * coalesce(max(method = 'credit'), 0)
                 FROM payment WHERE order_id = ${orderId})
  WHERE order_id = ${orderId};`

const addToDay = (row: string) => `
  INSERT INTO order_day_total (day, status, currency, methods, orders, amount, paid, refunded)
  VALUES (${row}.created_at / ${DAY_MS}, ${row}.status, ${row}.currency, ${row}.methods, 1, ${row}.amount, ${row}.paid, ${row}.refunded)
  ON CONFLICT (day, status, currency, methods) DO UPDATE SET
    orders = orders + 1, amount = amount + excluded.amount, paid = paid + excluded.paid, refunded = refunded + excluded.refunded;`

const removeFromDay = (row: string) => `
  UPDATE order_day_total SET orders = orders - 1, amount = amount - ${row}.amount, paid = paid - ${row}.paid, refunded = refunded - ${row}.refunded
   WHERE day = ${row}.created_at / ${DAY_MS} AND status = ${row}.status AND currency = ${row}.currency AND methods = ${row}.methods;
  DELETE FROM order_day_total
   WHERE day = ${row}.created_at / ${DAY_MS} AND status = ${row}.status AND currency = ${row}.currency AND methods = ${row}.methods AND orders = 0;`

export const creditInHistory: Migration = {
  version: 25,
  name: 'credit-in-history',
  sql: `
DROP TRIGGER order_history_on_payment_insert;
DROP TRIGGER order_history_on_payment_update;
DROP TRIGGER order_history_on_payment_delete;

CREATE TEMP TABLE order_history_before_credit AS SELECT * FROM main.order_history;
DROP TABLE main.order_history;
CREATE TABLE order_history (
  order_id INTEGER PRIMARY KEY REFERENCES purchase_order(id),
  created_at INTEGER NOT NULL,
  status TEXT NOT NULL,
  account_id INTEGER NOT NULL,
  customer_name TEXT NOT NULL COLLATE NOCASE,
  currency TEXT NOT NULL,
  amount INTEGER NOT NULL,
  paid INTEGER NOT NULL DEFAULT 0,
  refunded INTEGER NOT NULL DEFAULT 0,
  methods INTEGER NOT NULL DEFAULT 0 CHECK (methods BETWEEN 0 AND 7)
) STRICT;
INSERT INTO main.order_history SELECT * FROM temp.order_history_before_credit ORDER BY order_id;
DROP TABLE temp.order_history_before_credit;
CREATE INDEX order_history_created ON order_history(created_at);
CREATE INDEX order_history_status_methods ON order_history(status, methods, created_at);
CREATE INDEX order_history_account ON order_history(account_id, created_at);
CREATE INDEX order_history_customer ON order_history(customer_name);
CREATE INDEX order_history_amount ON order_history(amount);

CREATE TRIGGER order_day_total_on_insert AFTER INSERT ON order_history BEGIN ${addToDay('NEW')} END;
CREATE TRIGGER order_day_total_on_update AFTER UPDATE OF created_at, status, currency, methods, amount, paid, refunded ON order_history
WHEN OLD.created_at IS NOT NEW.created_at OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency
  OR OLD.methods IS NOT NEW.methods OR OLD.amount IS NOT NEW.amount OR OLD.paid IS NOT NEW.paid OR OLD.refunded IS NOT NEW.refunded BEGIN
  ${removeFromDay('OLD')}
  ${addToDay('NEW')}
END;
CREATE TRIGGER order_day_total_on_delete AFTER DELETE ON order_history BEGIN ${removeFromDay('OLD')} END;

CREATE TRIGGER order_history_on_payment_insert AFTER INSERT ON payment BEGIN ${recomputePayments('NEW.order_id')} END;
CREATE TRIGGER order_history_on_payment_update AFTER UPDATE OF order_id, method, status, amount_received ON payment BEGIN
  ${recomputePayments('OLD.order_id')}
  ${recomputePayments('NEW.order_id')}
END;
CREATE TRIGGER order_history_on_payment_delete AFTER DELETE ON payment BEGIN ${recomputePayments('OLD.order_id')} END;

UPDATE order_history SET methods = methods | 4 WHERE order_id IN (SELECT order_id FROM payment WHERE method = 'credit');
`,
}
