import type { Migration } from './types'

const CURRENCY = (column: string) => `CHECK (length(${column}) = 3 AND ${column} = upper(${column}) AND ${column} NOT GLOB '*[^A-Z]*')`

// Issue 12: memberships (Stripe subscriptions mirrored in recurring_payment, one order per paid invoice) and
// payment plans (a course sold in parts, a schedule of charges with due dates, each payment naming the charges
// it covers).
export const recurring: Migration = {
  version: 8,
  name: 'recurring',
  sql: `
-- What kind of sale an order is: a till sale, a membership's first period, a renewal, or a plan's part(s).
ALTER TABLE purchase_order ADD COLUMN kind TEXT NOT NULL DEFAULT 'sale'
  CHECK (kind IN ('sale', 'membership', 'renewal', 'installment'));

CREATE TABLE membership_plan (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
  title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  price_amount INTEGER NOT NULL CHECK (price_amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  interval TEXT NOT NULL CHECK (interval IN ('month', 'year')),
  -- Made in Stripe on first sale (key and metadata name this installation); one per plan and price.
  stripe_price_id TEXT CHECK (stripe_price_id IS NULL OR stripe_price_id LIKE 'price_%'),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE membership_plan_course (
  plan_id INTEGER NOT NULL REFERENCES membership_plan(id),
  course_id INTEGER NOT NULL REFERENCES course(id),
  PRIMARY KEY (plan_id, course_id)
) STRICT, WITHOUT ROWID;

-- The recurring payment table: one row per Stripe subscription, its status mirrored from Stripe.
CREATE TABLE recurring_payment (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account(id),
  plan_id INTEGER NOT NULL REFERENCES membership_plan(id),
  first_order_id INTEGER NOT NULL UNIQUE REFERENCES purchase_order(id),
  stripe_subscription_id TEXT UNIQUE CHECK (stripe_subscription_id IS NULL OR stripe_subscription_id LIKE 'sub_%'),
  status TEXT NOT NULL CHECK (status IN
    ('incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'paused')),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  interval TEXT NOT NULL CHECK (interval IN ('month', 'year')),
  current_period_end INTEGER,
  cancel_at_period_end INTEGER NOT NULL DEFAULT 0 CHECK (cancel_at_period_end IN (0, 1)),
  last_failure TEXT,
  -- Stripe's unix seconds of the newest subscription fact applied: older events cannot undo it.
  stripe_synced_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX recurring_payment_account ON recurring_payment(account_id);

-- One order per Stripe invoice, however often or in whichever order its events arrive.
CREATE TABLE recurring_invoice (
  stripe_invoice_id TEXT PRIMARY KEY CHECK (stripe_invoice_id LIKE 'in_%'),
  recurring_payment_id INTEGER NOT NULL REFERENCES recurring_payment(id),
  order_id INTEGER NOT NULL UNIQUE REFERENCES purchase_order(id),
  billing_reason TEXT NOT NULL CHECK (length(billing_reason) > 0),
  period_end INTEGER
) STRICT;
CREATE INDEX recurring_invoice_membership ON recurring_invoice(recurring_payment_id);

-- Which membership granted a course (NULL: the order in order_id did), so ending one removes only its own grant.
ALTER TABLE account_has_course ADD COLUMN recurring_payment_id INTEGER REFERENCES recurring_payment(id);

-- Payment plans: a course offered in N parts, one part every interval_days.
CREATE TABLE installment_offer (
  id INTEGER PRIMARY KEY,
  course_id INTEGER NOT NULL UNIQUE REFERENCES course(id),
  parts INTEGER NOT NULL CHECK (parts BETWEEN 2 AND 24),
  interval_days INTEGER NOT NULL CHECK (interval_days BETWEEN 1 AND 366),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE installment_plan (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account(id),
  course_id INTEGER NOT NULL REFERENCES course(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  first_order_id INTEGER NOT NULL UNIQUE REFERENCES purchase_order(id),
  suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX installment_plan_account ON installment_plan(account_id);

CREATE TABLE installment_charge (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES installment_plan(id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  due_at INTEGER NOT NULL,
  paid_order_id INTEGER REFERENCES purchase_order(id),
  paid_at INTEGER,
  CHECK ((paid_order_id IS NULL) = (paid_at IS NULL)),
  UNIQUE (plan_id, seq)
) STRICT;
CREATE INDEX installment_charge_due ON installment_charge(due_at) WHERE paid_at IS NULL;

-- What a pending payment covers: exactly these charges are marked paid when its order is paid.
CREATE TABLE installment_order_charge (
  order_id INTEGER NOT NULL REFERENCES purchase_order(id),
  charge_id INTEGER NOT NULL REFERENCES installment_charge(id),
  PRIMARY KEY (order_id, charge_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX installment_order_charge_charge ON installment_order_charge(charge_id);
`,
}
