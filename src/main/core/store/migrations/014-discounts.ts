import type { Migration } from './types'

// Discounts, each its own line: on one course of an order (course_id) or on the whole order (course_id NULL), as a
// percent (value in basis points) or an amount (value in minor units); `amount` is what it took off, in minor
// units. The order's amount is the price less its discounts, so Stripe, cash, refunds and reports all see the
// amount actually charged. One discount per line and one per order.
export const discounts: Migration = {
  version: 14,
  name: 'discounts',
  sql: `
CREATE TABLE order_discount (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES purchase_order(id),
  course_id INTEGER REFERENCES course(id),
  kind TEXT NOT NULL CHECK (kind IN ('percent', 'amount')),
  value INTEGER NOT NULL CHECK (value > 0 AND (kind = 'amount' OR value <= 10000)),
  amount INTEGER NOT NULL CHECK (amount > 0),
  reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 200),
  staff_id INTEGER REFERENCES staff(id),
  approver_id INTEGER REFERENCES staff(id),
  created_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX order_discount_line ON order_discount(order_id, coalesce(course_id, 0));
`,
}
