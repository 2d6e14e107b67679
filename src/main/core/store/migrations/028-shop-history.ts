import type { Migration } from './types'

// Shop mode, the whole shop's order history in Orders and Reports (issue 16): other tills' orders become rows of
// the same grid as this till's, so their copies carry what a history row shows and filters on, kept by triggers as
// pulled payments and refunds land (in whatever order they arrive), like order_history for this till:
//   paid, refunded: what succeeded payments brought in and succeeded refunds gave back;
//   methods: the bit set of order_history (1 card, 2 cash, 4 store credit).
// Items and discounts are pulled too (titles in the grid, the course filter, the CSV's discount, Reports per
// course), keyed like the other copies.
// The payment cursor is reset so every payment is read again with its PaymentIntent id (the search by pi_…).
// The refunds of one order are reached from its payments (CROSS JOIN fixes that order): led by the refund index
// instead, SQLite would read every refund of the till for each copied row, and a big pull would go quadratic.
const recompute = (installation: string, orderId: string) => `
  UPDATE shop_order_copy SET
    paid = (SELECT coalesce(sum(amount_received), 0) FROM shop_payment_copy
             WHERE installation = ${installation} AND order_id = ${orderId} AND status = 'succeeded'),
    methods = (SELECT coalesce(max(method = 'card'), 0) + 2 * coalesce(max(method = 'cash'), 0) + 4 * coalesce(max(method = 'credit'), 0)
                 FROM shop_payment_copy WHERE installation = ${installation} AND order_id = ${orderId}),
    refunded = (SELECT coalesce(sum(r.amount), 0) FROM shop_payment_copy p CROSS JOIN shop_refund_copy r
                    ON r.installation = p.installation AND r.payment_id = p.payment_id
                 WHERE p.installation = ${installation} AND p.order_id = ${orderId} AND r.status = 'succeeded')
  WHERE installation = ${installation} AND order_id = ${orderId};`

const DAY_MS = 86_400_000
const dayKey = (row: string) => `installation = ${row}.installation AND day = ${row}.created_at / ${DAY_MS} AND status = ${row}.status AND currency = ${row}.currency AND methods = ${row}.methods`
const addToDay = (row: string) => `
  INSERT INTO shop_order_day_total (installation, day, status, currency, methods, orders, amount, paid, refunded)
  VALUES (${row}.installation, ${row}.created_at / ${DAY_MS}, ${row}.status, ${row}.currency, ${row}.methods, 1, ${row}.amount, ${row}.paid, ${row}.refunded)
  ON CONFLICT (day, installation, status, currency, methods) DO UPDATE SET
    orders = orders + 1, amount = amount + excluded.amount, paid = paid + excluded.paid, refunded = refunded + excluded.refunded;`
const removeFromDay = (row: string) => `
  UPDATE shop_order_day_total SET orders = orders - 1, amount = amount - ${row}.amount, paid = paid - ${row}.paid, refunded = refunded - ${row}.refunded
   WHERE ${dayKey(row)};
  DELETE FROM shop_order_day_total WHERE ${dayKey(row)} AND orders = 0;`

const orderOfPayment = (row: string) => `(SELECT order_id FROM shop_payment_copy WHERE installation = ${row}.installation AND payment_id = ${row}.payment_id)`

export const shopHistory: Migration = {
  version: 28,
  name: 'shop-history',
  sql: `
ALTER TABLE shop_order_copy ADD COLUMN paid INTEGER NOT NULL DEFAULT 0 CHECK (paid >= 0);
ALTER TABLE shop_order_copy ADD COLUMN refunded INTEGER NOT NULL DEFAULT 0 CHECK (refunded >= 0);
ALTER TABLE shop_order_copy ADD COLUMN methods INTEGER NOT NULL DEFAULT 0 CHECK (methods BETWEEN 0 AND 7);
-- The grid's sorts, each ending in the copy's key so a page is one index range read in order (keyset paging).
DROP INDEX shop_order_copy_created;
CREATE INDEX shop_order_copy_created ON shop_order_copy(created_at, installation, order_id);
CREATE INDEX shop_order_copy_amount ON shop_order_copy(amount, installation, order_id);
CREATE INDEX shop_order_copy_customer ON shop_order_copy(customer_name COLLATE NOCASE, installation, order_id);
CREATE INDEX shop_order_copy_status ON shop_order_copy(status, created_at, installation, order_id);
CREATE INDEX shop_order_copy_till ON shop_order_copy(installation, created_at, order_id);
CREATE INDEX shop_order_copy_email ON shop_order_copy(email, created_at);
CREATE INDEX shop_order_copy_number ON shop_order_copy(order_id);
CREATE INDEX shop_payment_copy_order ON shop_payment_copy(installation, order_id);
CREATE INDEX shop_refund_copy_payment ON shop_refund_copy(installation, payment_id);

ALTER TABLE shop_payment_copy ADD COLUMN stripe_payment_intent_id TEXT CHECK (stripe_payment_intent_id IS NULL OR stripe_payment_intent_id LIKE 'pi_%');
CREATE INDEX shop_payment_copy_intent ON shop_payment_copy(stripe_payment_intent_id) WHERE stripe_payment_intent_id IS NOT NULL;
DELETE FROM shop_pull_cursor WHERE source = 'shop_payment';

CREATE TABLE shop_order_item_copy (
  installation TEXT NOT NULL CHECK (length(installation) BETWEEN 16 AND 64),
  item_id INTEGER NOT NULL CHECK (item_id > 0),
  order_id INTEGER NOT NULL,
  course_code TEXT NOT NULL CHECK (length(course_code) BETWEEN 1 AND 64),
  title TEXT NOT NULL,
  unit_amount INTEGER NOT NULL CHECK (unit_amount > 0),
  PRIMARY KEY (installation, item_id)
) STRICT;
-- Lines by order: store migration 029's covering index.
CREATE INDEX shop_order_item_copy_course ON shop_order_item_copy(course_code);

-- Other tills' discounts (the CSV's discount column, Reports' per-course split); a removed one leaves.
CREATE TABLE shop_order_discount_copy (
  installation TEXT NOT NULL CHECK (length(installation) BETWEEN 16 AND 64),
  discount_id INTEGER NOT NULL CHECK (discount_id > 0),
  order_id INTEGER NOT NULL,
  -- NULL: a discount on the whole order.
  course_code TEXT CHECK (course_code IS NULL OR length(course_code) BETWEEN 1 AND 64),
  amount INTEGER NOT NULL CHECK (amount > 0),
  PRIMARY KEY (installation, discount_id)
) STRICT;
CREATE INDEX shop_order_discount_copy_order ON shop_order_discount_copy(installation, order_id);

CREATE TRIGGER shop_order_copy_figures_on_payment_insert AFTER INSERT ON shop_payment_copy BEGIN ${recompute('NEW.installation', 'NEW.order_id')} END;
CREATE TRIGGER shop_order_copy_figures_on_payment_update AFTER UPDATE ON shop_payment_copy BEGIN
  ${recompute('OLD.installation', 'OLD.order_id')}
  ${recompute('NEW.installation', 'NEW.order_id')}
END;
CREATE TRIGGER shop_order_copy_figures_on_refund_insert AFTER INSERT ON shop_refund_copy BEGIN ${recompute('NEW.installation', orderOfPayment('NEW'))} END;
CREATE TRIGGER shop_order_copy_figures_on_refund_update AFTER UPDATE ON shop_refund_copy BEGIN ${recompute('NEW.installation', orderOfPayment('NEW'))} END;
CREATE TRIGGER shop_order_copy_figures_on_payment_delete AFTER DELETE ON shop_payment_copy BEGIN ${recompute('OLD.installation', 'OLD.order_id')} END;
CREATE TRIGGER shop_order_copy_figures_on_refund_delete AFTER DELETE ON shop_refund_copy BEGIN ${recompute('OLD.installation', orderOfPayment('OLD'))} END;

UPDATE shop_order_copy SET
  paid = (SELECT coalesce(sum(amount_received), 0) FROM shop_payment_copy p
           WHERE p.installation = shop_order_copy.installation AND p.order_id = shop_order_copy.order_id AND p.status = 'succeeded'),
  methods = (SELECT coalesce(max(method = 'card'), 0) + 2 * coalesce(max(method = 'cash'), 0) + 4 * coalesce(max(method = 'credit'), 0)
               FROM shop_payment_copy p WHERE p.installation = shop_order_copy.installation AND p.order_id = shop_order_copy.order_id),
  refunded = (SELECT coalesce(sum(r.amount), 0) FROM shop_payment_copy p CROSS JOIN shop_refund_copy r
                  ON r.installation = p.installation AND r.payment_id = p.payment_id
               WHERE p.installation = shop_order_copy.installation AND p.order_id = shop_order_copy.order_id AND r.status = 'succeeded');

-- Counts and sums per till, UTC day, status, currency and methods, as order_day_total is for this till: the Orders
-- totals of all tills add up whole days from here instead of every copied order (store migration 003's design).
CREATE TABLE shop_order_day_total (
  installation TEXT NOT NULL,
  day INTEGER NOT NULL,
  status TEXT NOT NULL,
  currency TEXT NOT NULL,
  methods INTEGER NOT NULL,
  orders INTEGER NOT NULL CHECK (orders >= 0),
  amount INTEGER NOT NULL,
  paid INTEGER NOT NULL,
  refunded INTEGER NOT NULL,
  PRIMARY KEY (day, installation, status, currency, methods)
) STRICT, WITHOUT ROWID;
INSERT INTO shop_order_day_total (installation, day, status, currency, methods, orders, amount, paid, refunded)
SELECT installation, created_at / ${DAY_MS}, status, currency, methods, count(*), sum(amount), sum(paid), sum(refunded)
  FROM shop_order_copy GROUP BY 1, 2, 3, 4, 5;

-- A pulled order enters its day's totals as it lands, then takes the figures of payments pulled before it: that
-- update moves it within the totals (the order of the two steps matters, one trigger keeps it).
CREATE TRIGGER shop_order_copy_on_insert AFTER INSERT ON shop_order_copy BEGIN
  ${addToDay('NEW')}
  ${recompute('NEW.installation', 'NEW.order_id')}
END;
CREATE TRIGGER shop_order_day_total_on_update AFTER UPDATE OF installation, created_at, status, currency, methods, amount, paid, refunded ON shop_order_copy
WHEN OLD.installation IS NOT NEW.installation OR OLD.created_at IS NOT NEW.created_at OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency
  OR OLD.methods IS NOT NEW.methods OR OLD.amount IS NOT NEW.amount OR OLD.paid IS NOT NEW.paid OR OLD.refunded IS NOT NEW.refunded BEGIN
  ${removeFromDay('OLD')}
  ${addToDay('NEW')}
END;
CREATE TRIGGER shop_order_day_total_on_delete AFTER DELETE ON shop_order_copy BEGIN ${removeFromDay('OLD')} END;
`,
}
