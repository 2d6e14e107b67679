import type { ShopMigration } from './pg-migrations'
import { CURRENCY, EMAIL, SYNC_COLUMNS } from './pg-sync-columns'

// Shop migration 4: the tables the store gained after the shop book was made (synced-tables-later.ts says who
// reads them and why). Constraints as in SQLite: the same CHECKs, foreign keys within one till's rows, and the
// store's "never changes" triggers as one PostgreSQL rule (shop_keep_final) that still lets a till send the same
// row again (a cut push, a re-seed). Staff and shift columns of the older tables are plain numbers: a till
// upgraded with orders still queued pushes them before its staff rows are seeded, so a foreign key there would
// stop its push for good. Unique rules beyond the key hold among standing rows (NOT deleted): a till restored
// from a backup sets its rows aside and writes them anew (reseed.ts).
export const NAMED = (columns = '') => `UNIQUE (installation, id), CHECK (local_id = id::text)${columns ? `, ${columns}` : ''}`
export const OF = (column: string, table: string) => `FOREIGN KEY (installation, ${column}) REFERENCES ${table}(installation, id)`

export const laterTables: ShopMigration = {
  version: 4,
  name: 'later-tables',
  sql: `
ALTER TABLE shop_order ADD COLUMN staff_id bigint, ADD COLUMN shift_id bigint;
ALTER TABLE shop_payment ADD COLUMN staff_id bigint, ADD COLUMN shift_id bigint;
ALTER TABLE shop_refund ADD COLUMN staff_id bigint, ADD COLUMN approver_id bigint, ADD COLUMN shift_id bigint;
ALTER TABLE shop_audit ADD COLUMN staff_id bigint, ADD COLUMN approver_id bigint;

-- A row the store never changes may be sent again, never changed (bookkeeping and the customer's email aside);
-- only a row a restored till set aside (deleted, kept in shop_restore_archive) may be written anew.
CREATE FUNCTION shop_keep_final() RETURNS trigger AS $$
BEGIN
  IF NOT OLD.deleted AND (to_jsonb(OLD) - '{sync_seq,shop_seq,deleted,email}'::text[]) IS DISTINCT FROM (to_jsonb(NEW) - '{sync_seq,shop_seq,deleted,email}'::text[])
     AND (TG_ARGV[0] IS NULL OR (to_jsonb(OLD) ->> TG_ARGV[0]) IS NOT NULL) THEN
    RAISE EXCEPTION '% %/% cannot change once written', TG_TABLE_NAME, OLD.installation, OLD.local_id;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

-- No PIN hash: it stays on its till (synced-tables-later.ts).
CREATE TABLE shop_staff (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 80),
  role text NOT NULL CHECK (role IN ('cashier', 'manager', 'owner')),
  active smallint NOT NULL CHECK (active IN (0, 1)),
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  ${NAMED()}
);

CREATE TABLE shop_shift (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  opened_at bigint NOT NULL,
  opened_by bigint NOT NULL,
  closed_at bigint,
  closed_by bigint,
  z_report text CHECK (z_report IS NULL OR jsonb_typeof(z_report::jsonb) IS NOT NULL),
  ${NAMED(`CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (z_report IS NULL)),
  CHECK (closed_at IS NULL OR closed_at >= opened_at),
  ${OF('opened_by', 'shop_staff')}, ${OF('closed_by', 'shop_staff')}`)}
);
-- A closed shift is final (its Z report above all).
CREATE TRIGGER shop_shift_final BEFORE UPDATE ON shop_shift FOR EACH ROW EXECUTE FUNCTION shop_keep_final('closed_at');

CREATE TABLE shop_shift_float (${SYNC_COLUMNS},
  shift_id bigint NOT NULL,
  ${CURRENCY('currency')},
  amount bigint NOT NULL CHECK (amount >= 0),
  CHECK (local_id = shift_id::text || ':' || currency),
  ${OF('shift_id', 'shop_shift')}
);
CREATE TABLE shop_drawer_movement (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  shift_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('paid_in', 'paid_out')),
  amount bigint NOT NULL CHECK (amount > 0),
  ${CURRENCY('currency')},
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 200),
  staff_id bigint NOT NULL,
  approver_id bigint,
  created_at bigint NOT NULL,
  ${NAMED(`${OF('shift_id', 'shop_shift')}, ${OF('staff_id', 'shop_staff')}, ${OF('approver_id', 'shop_staff')}`)}
);
CREATE TABLE shop_shift_count (${SYNC_COLUMNS},
  shift_id bigint NOT NULL,
  ${CURRENCY('currency')},
  expected bigint NOT NULL,
  counted bigint NOT NULL CHECK (counted >= 0),
  CHECK (local_id = shift_id::text || ':' || currency),
  ${OF('shift_id', 'shop_shift')}
);
CREATE TRIGGER shop_shift_float_final BEFORE UPDATE ON shop_shift_float FOR EACH ROW EXECUTE FUNCTION shop_keep_final();
CREATE TRIGGER shop_drawer_movement_final BEFORE UPDATE ON shop_drawer_movement FOR EACH ROW EXECUTE FUNCTION shop_keep_final();
CREATE TRIGGER shop_shift_count_final BEFORE UPDATE ON shop_shift_count FOR EACH ROW EXECUTE FUNCTION shop_keep_final();

CREATE TABLE shop_order_discount (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  order_id bigint NOT NULL,
  course_id bigint,
  kind text NOT NULL CHECK (kind IN ('percent', 'amount')),
  value bigint NOT NULL CHECK (value > 0 AND (kind = 'amount' OR value <= 10000)),
  amount bigint NOT NULL CHECK (amount > 0),
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 200),
  staff_id bigint,
  approver_id bigint,
  created_at bigint NOT NULL,
  ${NAMED(`${OF('order_id', 'shop_order')}, ${OF('course_id', 'shop_course')}, ${OF('staff_id', 'shop_staff')}, ${OF('approver_id', 'shop_staff')}`)}
);

CREATE TABLE shop_refund_line (${SYNC_COLUMNS},
  order_id bigint NOT NULL,
  course_id bigint NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  requested_by text NOT NULL CHECK (length(requested_by) > 0),
  created_at bigint NOT NULL,
  CHECK (local_id = order_id::text || ':' || course_id::text),
  ${OF('order_id', 'shop_order')}, ${OF('course_id', 'shop_course')}
);

-- Store credit, per till (synced-tables-later.ts): the ledger is append-only and no till's balance of a customer
-- in a currency goes below zero, checked at commit (a batch holds a grant and its spend together).
CREATE TABLE shop_credit_entry (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  account_id bigint NOT NULL,
  ${EMAIL},
  ${CURRENCY('currency')},
  kind text NOT NULL CHECK (kind IN ('grant', 'spend', 'refund', 'adjust', 'expire')),
  amount bigint NOT NULL CHECK (amount <> 0),
  source text NOT NULL CHECK (source IN ('manager', 'checkout', 'order_canceled', 'refund', 'referral', 'referral_reversed', 'coupon')),
  reason text CHECK (reason IS NULL OR length(btrim(reason)) BETWEEN 1 AND 500),
  payment_id bigint,
  refund_id bigint,
  order_id bigint,
  actor text NOT NULL CHECK (length(actor) > 0),
  created_at bigint NOT NULL,
  ${NAMED(`CHECK ((kind IN ('grant', 'refund') AND amount > 0) OR (kind IN ('spend', 'expire') AND amount < 0) OR kind = 'adjust'),
  CHECK (kind NOT IN ('spend', 'refund') OR payment_id IS NOT NULL),
  CHECK (source <> 'manager' OR reason IS NOT NULL),
  ${OF('account_id', 'shop_account')}, ${OF('payment_id', 'shop_payment')}, ${OF('refund_id', 'shop_refund')}, ${OF('order_id', 'shop_order')}`)}
);
CREATE UNIQUE INDEX shop_credit_entry_one_spend ON shop_credit_entry(installation, payment_id) WHERE kind = 'spend' AND NOT deleted;
CREATE INDEX shop_credit_entry_balance ON shop_credit_entry(installation, account_id, currency);
CREATE TRIGGER shop_credit_entry_final BEFORE UPDATE ON shop_credit_entry FOR EACH ROW EXECUTE FUNCTION shop_keep_final();
CREATE FUNCTION shop_credit_no_overdraw() RETURNS trigger AS $$
BEGIN
  IF (SELECT sum(amount) FROM shop_credit_entry WHERE installation = NEW.installation AND account_id = NEW.account_id AND currency = NEW.currency AND NOT deleted) < 0 THEN
    RAISE EXCEPTION 'credit_overdraw: till % would hold a negative % credit balance for customer %', NEW.installation, NEW.currency, NEW.account_id;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE CONSTRAINT TRIGGER shop_credit_no_overdraw AFTER INSERT OR UPDATE ON shop_credit_entry DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION shop_credit_no_overdraw();

-- Memberships (the store's recurring_payment), named by the plan's code.
CREATE TABLE shop_membership (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  account_id bigint NOT NULL,
  ${EMAIL},
  plan_id bigint NOT NULL,
  plan_code text NOT NULL CHECK (length(plan_code) BETWEEN 1 AND 64),
  first_order_id bigint NOT NULL,
  stripe_subscription_id text CHECK (stripe_subscription_id IS NULL OR stripe_subscription_id LIKE 'sub_%'),
  status text NOT NULL CHECK (status IN ('incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'paused')),
  amount bigint NOT NULL CHECK (amount > 0),
  ${CURRENCY('currency')},
  interval text NOT NULL CHECK (interval IN ('month', 'year')),
  current_period_end bigint,
  cancel_at_period_end smallint NOT NULL CHECK (cancel_at_period_end IN (0, 1)),
  last_failure text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  ${NAMED(`${OF('account_id', 'shop_account')}, ${OF('first_order_id', 'shop_order')}`)}
);
CREATE UNIQUE INDEX shop_membership_first_order ON shop_membership(installation, first_order_id) WHERE NOT deleted;

CREATE TABLE shop_installment_plan (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  account_id bigint NOT NULL,
  ${EMAIL},
  course_id bigint NOT NULL,
  course_code text NOT NULL CHECK (length(course_code) BETWEEN 1 AND 64),
  amount bigint NOT NULL CHECK (amount > 0),
  ${CURRENCY('currency')},
  first_order_id bigint NOT NULL,
  suspended smallint NOT NULL CHECK (suspended IN (0, 1)),
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  ${NAMED(`${OF('account_id', 'shop_account')}, ${OF('course_id', 'shop_course')}, ${OF('first_order_id', 'shop_order')}`)}
);
CREATE UNIQUE INDEX shop_installment_plan_first_order ON shop_installment_plan(installation, first_order_id) WHERE NOT deleted;
CREATE TABLE shop_installment_charge (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  plan_id bigint NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  amount bigint NOT NULL CHECK (amount > 0),
  ${CURRENCY('currency')},
  due_at bigint NOT NULL,
  paid_order_id bigint,
  paid_at bigint,
  ${NAMED(`CHECK ((paid_order_id IS NULL) = (paid_at IS NULL)), ${OF('plan_id', 'shop_installment_plan')}, ${OF('paid_order_id', 'shop_order')}`)}
);
CREATE UNIQUE INDEX shop_installment_charge_seq ON shop_installment_charge(installation, plan_id, seq) WHERE NOT deleted;

-- Each till's inbox of payments made outside the tills (checkout sessions, invoices): recorded, unmatched or dismissed.
CREATE TABLE shop_inbox_payment (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  stripe_object_id text NOT NULL CHECK (stripe_object_id LIKE 'cs_%' OR stripe_object_id LIKE 'in_%'),
  source text NOT NULL CHECK (source IN ('checkout_session', 'invoice')),
  email text CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
  stripe_customer_id text CHECK (stripe_customer_id IS NULL OR stripe_customer_id LIKE 'cus_%'),
  stripe_payment_intent_id text CHECK (stripe_payment_intent_id IS NULL OR stripe_payment_intent_id LIKE 'pi_%'),
  amount bigint NOT NULL CHECK (amount > 0),
  ${CURRENCY('currency')},
  lines text NOT NULL CHECK (jsonb_typeof(lines::jsonb) = 'array'),
  status text NOT NULL CHECK (status IN ('recorded', 'unmatched', 'dismissed')),
  reason text CHECK (reason IS NULL OR length(reason) > 0),
  account_id bigint,
  order_id bigint,
  dismiss_reason text CHECK (dismiss_reason IS NULL OR length(dismiss_reason) BETWEEN 3 AND 500),
  stripe_created bigint NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  ${NAMED(`CHECK ((status = 'recorded') = (order_id IS NOT NULL)), CHECK ((status = 'dismissed') = (dismiss_reason IS NOT NULL)),
  ${OF('account_id', 'shop_account')}, ${OF('order_id', 'shop_order')}`)}
);
CREATE UNIQUE INDEX shop_inbox_payment_object ON shop_inbox_payment(installation, stripe_object_id) WHERE NOT deleted;
CREATE UNIQUE INDEX shop_inbox_payment_order ON shop_inbox_payment(installation, order_id) WHERE NOT deleted;
`,
}
