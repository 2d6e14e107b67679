import type { Migration } from './types'

const CURRENCY = (column: string) => `CHECK (length(${column}) = 3 AND ${column} = upper(${column}) AND ${column} NOT GLOB '*[^A-Z]*')`

// Issue 13: payments taken in Stripe without the till (a Payment Link, a dashboard invoice). Each one is claimed
// here by its Stripe object id before anything is done with it, so a duplicate or replayed event records nothing
// twice; nothing is ever deleted: a payment the till cannot place waits in the managers' inbox ('unmatched')
// until it is assigned or dismissed with a reason. Every decision is appended to external_payment_log (the
// audit_log's entity types are fixed by a CHECK; orders made from these are audited there as usual).
export const externalPayments: Migration = {
  version: 16,
  name: 'external-payments',
  sql: `
CREATE TABLE external_payment (
  id INTEGER PRIMARY KEY,
  stripe_object_id TEXT NOT NULL UNIQUE CHECK (stripe_object_id LIKE 'cs_%' OR stripe_object_id LIKE 'in_%'),
  source TEXT NOT NULL CHECK (source IN ('checkout_session', 'invoice')),
  -- As Stripe had it (lower case); matched to account.email without regard to case.
  email TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
  stripe_customer_id TEXT CHECK (stripe_customer_id IS NULL OR stripe_customer_id LIKE 'cus_%'),
  stripe_payment_intent_id TEXT CHECK (stripe_payment_intent_id IS NULL OR stripe_payment_intent_id LIKE 'pi_%'),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  -- What Stripe sold, line by line: [{description, priceId, productId, lookupKey, amount, quantity, courseId}].
  lines TEXT NOT NULL CHECK (json_valid(lines) AND json_type(lines) = 'array'),
  -- recorded: an order was made (paid; courses granted unless it is held for review); unmatched: in the inbox.
  status TEXT NOT NULL CHECK (status IN ('recorded', 'unmatched', 'dismissed')),
  reason TEXT CHECK (reason IS NULL OR length(reason) > 0),
  account_id INTEGER REFERENCES account(id),
  order_id INTEGER UNIQUE REFERENCES purchase_order(id),
  dismiss_reason TEXT CHECK (dismiss_reason IS NULL OR length(dismiss_reason) BETWEEN 3 AND 500),
  -- Stripe's unix seconds for the payment.
  stripe_created INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((status = 'recorded') = (order_id IS NOT NULL)),
  CHECK ((status = 'dismissed') = (dismiss_reason IS NOT NULL))
) STRICT;
CREATE INDEX external_payment_status ON external_payment(status, created_at);

CREATE TABLE external_payment_log (
  id INTEGER PRIMARY KEY,
  external_payment_id INTEGER NOT NULL REFERENCES external_payment(id),
  at INTEGER NOT NULL,
  actor TEXT NOT NULL CHECK (length(actor) > 0),
  action TEXT NOT NULL CHECK (length(action) > 0),
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX external_payment_log_payment ON external_payment_log(external_payment_id);
CREATE TRIGGER external_payment_log_append_only_update BEFORE UPDATE ON external_payment_log
  BEGIN SELECT RAISE(ABORT, 'the external payment log is append-only'); END;
CREATE TRIGGER external_payment_log_append_only_delete BEFORE DELETE ON external_payment_log
  BEGIN SELECT RAISE(ABORT, 'the external payment log is append-only'); END;
CREATE TRIGGER external_payment_kept BEFORE DELETE ON external_payment
  BEGIN SELECT RAISE(ABORT, 'an external payment is never deleted: dismiss it with a reason'); END;
`,
}
