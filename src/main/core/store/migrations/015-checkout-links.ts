import type { Migration } from './types'

const CURRENCY = (column: string) => `CHECK (length(${column}) = 3 AND ${column} = upper(${column}) AND ${column} NOT GLOB '*[^A-Z]*')`

// Issue 13: pay on phone / send link. One row per Stripe Checkout Session the till made for an order (what is
// still owed when it was made). The row is written ('creating') before Stripe is asked, with the expiry it will
// ask for, so a retry after a crash sends the same parameters under the same idempotency key and gets the same
// session back. The session's PaymentIntent only exists once the customer pays, so the payment row is made when
// the customer pays; `payment_id` is UNIQUE: one payment per session.
export const checkoutLinks: Migration = {
  version: 15,
  name: 'checkout-links',
  sql: `
CREATE TABLE checkout_link (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES purchase_order(id),
  -- The n-th link of this order: in the idempotency key and the PaymentIntent's metadata (found before completion).
  seq INTEGER NOT NULL CHECK (seq >= 1),
  stripe_session_id TEXT UNIQUE CHECK (stripe_session_id IS NULL OR stripe_session_id LIKE 'cs_%'),
  url TEXT CHECK (url IS NULL OR length(url) BETWEEN 8 AND 2048),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  status TEXT NOT NULL CHECK (status IN ('creating', 'open', 'complete', 'expired')),
  payment_id INTEGER UNIQUE REFERENCES payment(id),
  -- The latest declined attempt on the pay page (the session stays open for another try).
  last_failure TEXT,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (order_id, seq),
  CHECK (status <> 'complete' OR payment_id IS NOT NULL),
  -- A link given up before Stripe answered (STALE_CREATING_MS) is expired without a session id.
  CHECK (status IN ('creating', 'expired') OR stripe_session_id IS NOT NULL)
) STRICT;
-- At most one live link per order: a new one is made only after the old one is expired at Stripe.
CREATE UNIQUE INDEX checkout_link_live ON checkout_link(order_id) WHERE status IN ('creating', 'open');
CREATE INDEX checkout_link_open ON checkout_link(updated_at) WHERE status IN ('creating', 'open');
`,
}
