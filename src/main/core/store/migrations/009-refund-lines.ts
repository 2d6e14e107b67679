import type { Migration } from './types'

// A refund by line (one course of an order): at most one per order and course, claimed before Stripe is asked,
// so a second click or a second manager cannot refund the same course twice. The refunds themselves stay in
// `refund`; this row only says which course they were for and that the course was taken back.
export const refundLines: Migration = {
  version: 9,
  name: 'refund-lines',
  sql: `
CREATE TABLE refund_line (
  order_id INTEGER NOT NULL REFERENCES purchase_order(id),
  course_id INTEGER NOT NULL REFERENCES course(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  requested_by TEXT NOT NULL CHECK (length(requested_by) > 0),
  request_key TEXT UNIQUE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (order_id, course_id)
) STRICT;
`,
}
