import type { Migration } from './types'

// Order history over millions of orders (the Orders screen, its totals and CSV export).
//
// order_history: one row per order with what the list filters and sorts on, including what is otherwise
// spread over payment and refund rows (paid, refunded, methods) and the customer's name (sorting by it must
// not sort a million joined rows). order_day_total: counts and sums per UTC day, status, currency and methods,
// so totals over wide ranges add up a few thousand rows instead of a million.
//
// Both are caches kept by triggers in the same transaction as the change, never written by application code.
// The triggers recompute from the source rows instead of applying deltas, so a cache row cannot drift.
// methods is a bit set: 1 = a card payment was attempted, 2 = a cash payment was taken.
const DAY_MS = 86_400_000

const recomputePayments = (orderId: string) => `
  UPDATE order_history SET
    paid = (SELECT coalesce(sum(amount_received), 0) FROM payment WHERE order_id = ${orderId} AND status = 'succeeded'),
    methods = (SELECT coalesce(max(method = 'card'), 0) + 2 * coalesce(max(method = 'cash'), 0) FROM payment WHERE order_id = ${orderId})
  WHERE order_id = ${orderId};`

const recomputeRefunds = (paymentId: string) => `
  UPDATE order_history SET
    refunded = (SELECT coalesce(sum(r.amount), 0) FROM refund r JOIN payment p ON p.id = r.payment_id
                 WHERE p.order_id = order_history.order_id AND r.status = 'succeeded')
  WHERE order_id = (SELECT order_id FROM payment WHERE id = ${paymentId});`

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

export const historyIndexes: Migration = {
  version: 3,
  name: 'history-indexes',
  sql: `
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
  methods INTEGER NOT NULL DEFAULT 0 CHECK (methods BETWEEN 0 AND 3)
) STRICT;

-- Backfill from grouped passes over payment and refund (one scan each) rather than lookups per order.
INSERT INTO order_history (order_id, created_at, status, account_id, customer_name, currency, amount, paid, refunded, methods)
SELECT o.id, o.created_at, o.status, o.account_id, a.name, o.currency, o.amount,
       coalesce(p.paid, 0), coalesce(r.refunded, 0), coalesce(p.methods, 0)
  FROM purchase_order o
  JOIN account a ON a.id = o.account_id
  LEFT JOIN (SELECT order_id, sum(CASE WHEN status = 'succeeded' THEN amount_received ELSE 0 END) AS paid,
                    max(method = 'card') + 2 * max(method = 'cash') AS methods
               FROM payment GROUP BY order_id) p ON p.order_id = o.id
  LEFT JOIN (SELECT pay.order_id, sum(r.amount) AS refunded FROM refund r JOIN payment pay ON pay.id = r.payment_id
              WHERE r.status = 'succeeded' GROUP BY pay.order_id) r ON r.order_id = o.id
 ORDER BY o.id;

-- Each index ends in order_id (the rowid), so every sort below has its tie-break for free. Status and method
-- filters read one (status, methods) range per allowed pair, each already in date order, merged without a sort.
CREATE INDEX order_history_created ON order_history(created_at);
CREATE INDEX order_history_status_methods ON order_history(status, methods, created_at);
CREATE INDEX order_history_account ON order_history(account_id, created_at);
CREATE INDEX order_history_customer ON order_history(customer_name);
CREATE INDEX order_history_amount ON order_history(amount);

-- The orders holding each course, newest first without a sort: "orders with this course" pages like the rest.
CREATE TABLE order_history_course (
  course_id INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  order_id INTEGER NOT NULL,
  PRIMARY KEY (course_id, created_at, order_id)
) STRICT, WITHOUT ROWID;
INSERT INTO order_history_course (course_id, created_at, order_id)
SELECT i.course_id, o.created_at, i.order_id FROM purchase_order_item i JOIN purchase_order o ON o.id = i.order_id
 ORDER BY 1, 2, 3;

CREATE TABLE order_day_total (
  day INTEGER NOT NULL,
  status TEXT NOT NULL,
  currency TEXT NOT NULL,
  methods INTEGER NOT NULL,
  orders INTEGER NOT NULL CHECK (orders >= 0),
  amount INTEGER NOT NULL,
  paid INTEGER NOT NULL,
  refunded INTEGER NOT NULL,
  PRIMARY KEY (day, status, currency, methods)
) STRICT, WITHOUT ROWID;

INSERT INTO order_day_total (day, status, currency, methods, orders, amount, paid, refunded)
SELECT created_at / ${DAY_MS}, status, currency, methods, count(*), sum(amount), sum(paid), sum(refunded)
  FROM order_history GROUP BY 1, 2, 3, 4;

CREATE TRIGGER order_history_on_order_insert AFTER INSERT ON purchase_order BEGIN
  INSERT INTO order_history (order_id, created_at, status, account_id, customer_name, currency, amount)
  VALUES (NEW.id, NEW.created_at, NEW.status, NEW.account_id, (SELECT name FROM account WHERE id = NEW.account_id), NEW.currency, NEW.amount);
END;

CREATE TRIGGER order_history_on_order_update AFTER UPDATE OF status, amount, currency, account_id, created_at ON purchase_order
WHEN OLD.status IS NOT NEW.status OR OLD.amount IS NOT NEW.amount OR OLD.currency IS NOT NEW.currency
  OR OLD.account_id IS NOT NEW.account_id OR OLD.created_at IS NOT NEW.created_at BEGIN
  UPDATE order_history SET status = NEW.status, amount = NEW.amount, currency = NEW.currency, account_id = NEW.account_id,
    customer_name = (SELECT name FROM account WHERE id = NEW.account_id), created_at = NEW.created_at
  WHERE order_id = NEW.id;
END;

CREATE TRIGGER order_history_course_on_order_update AFTER UPDATE OF created_at ON purchase_order WHEN OLD.created_at IS NOT NEW.created_at BEGIN
  UPDATE order_history_course SET created_at = NEW.created_at WHERE order_id = NEW.id AND created_at = OLD.created_at;
END;

CREATE TRIGGER order_history_course_on_item_insert AFTER INSERT ON purchase_order_item BEGIN
  INSERT INTO order_history_course (course_id, created_at, order_id)
  VALUES (NEW.course_id, (SELECT created_at FROM purchase_order WHERE id = NEW.order_id), NEW.order_id);
END;
CREATE TRIGGER order_history_course_on_item_update AFTER UPDATE OF course_id, order_id ON purchase_order_item BEGIN
  DELETE FROM order_history_course
   WHERE course_id = OLD.course_id AND created_at = (SELECT created_at FROM purchase_order WHERE id = OLD.order_id) AND order_id = OLD.order_id;
  INSERT INTO order_history_course (course_id, created_at, order_id)
  VALUES (NEW.course_id, (SELECT created_at FROM purchase_order WHERE id = NEW.order_id), NEW.order_id);
END;
CREATE TRIGGER order_history_course_on_item_delete AFTER DELETE ON purchase_order_item BEGIN
  DELETE FROM order_history_course
   WHERE course_id = OLD.course_id AND created_at = (SELECT created_at FROM purchase_order WHERE id = OLD.order_id) AND order_id = OLD.order_id;
END;

CREATE TRIGGER order_history_on_order_delete AFTER DELETE ON purchase_order BEGIN
  DELETE FROM order_history WHERE order_id = OLD.id;
END;

CREATE TRIGGER order_history_on_payment_insert AFTER INSERT ON payment BEGIN ${recomputePayments('NEW.order_id')} END;
CREATE TRIGGER order_history_on_payment_update AFTER UPDATE OF order_id, method, status, amount_received ON payment BEGIN
  ${recomputePayments('OLD.order_id')}
  ${recomputePayments('NEW.order_id')}
END;
CREATE TRIGGER order_history_on_payment_delete AFTER DELETE ON payment BEGIN ${recomputePayments('OLD.order_id')} END;

CREATE TRIGGER order_history_on_refund_insert AFTER INSERT ON refund BEGIN ${recomputeRefunds('NEW.payment_id')} END;
CREATE TRIGGER order_history_on_refund_update AFTER UPDATE OF payment_id, status, amount ON refund BEGIN
  ${recomputeRefunds('OLD.payment_id')}
  ${recomputeRefunds('NEW.payment_id')}
END;
CREATE TRIGGER order_history_on_refund_delete AFTER DELETE ON refund BEGIN ${recomputeRefunds('OLD.payment_id')} END;

CREATE TRIGGER order_history_on_account_rename AFTER UPDATE OF name ON account WHEN OLD.name IS NOT NEW.name BEGIN
  UPDATE order_history SET customer_name = NEW.name WHERE account_id = NEW.id;
END;

CREATE TRIGGER order_day_total_on_insert AFTER INSERT ON order_history BEGIN ${addToDay('NEW')} END;
CREATE TRIGGER order_day_total_on_update AFTER UPDATE OF created_at, status, currency, methods, amount, paid, refunded ON order_history
WHEN OLD.created_at IS NOT NEW.created_at OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency
  OR OLD.methods IS NOT NEW.methods OR OLD.amount IS NOT NEW.amount OR OLD.paid IS NOT NEW.paid OR OLD.refunded IS NOT NEW.refunded BEGIN
  ${removeFromDay('OLD')}
  ${addToDay('NEW')}
END;
CREATE TRIGGER order_day_total_on_delete AFTER DELETE ON order_history BEGIN ${removeFromDay('OLD')} END;
`,
}
