// The shop database's own schema, numbered and append-only like the store's (never edit a shipped one; add the
// next number). Every synced table has the same bookkeeping columns (SYNC_COLUMNS) and the local columns it keeps,
// named as in SQLite; constraints are as strict as the local ones. shop_seq, from one sequence, orders every change
// for the tills' pull cursors: every writer takes the shop's advisory lock (shop-lock.ts) first, so shop_seq order
// is commit order and a cursor never skips a row committed late.

import { CURRENCY, EMAIL, SYNC_COLUMNS } from './pg-sync-columns'
import { laterTables } from './pg-migration-later-tables'
import { restoreMark } from './pg-migration-restore'
import { customerEdits } from './pg-migration-customer-edits'
import { noSaleBook } from './pg-migration-no-sale'
import { historyReads } from './pg-migration-history-reads'

export interface ShopMigration {
  version: number
  name: string
  sql: string
}

const shopBook: ShopMigration = {
  version: 1,
  name: 'shop-book',
  sql: `
CREATE SEQUENCE shop_seq;

-- One person per email across the shop; each till's customer rows point at one.
CREATE TABLE shop_person (
  id bigserial PRIMARY KEY,
  email_key text NOT NULL UNIQUE CHECK (email_key = lower(email_key)),
  ${EMAIL},
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  phone text CHECK (phone IS NULL OR length(phone) BETWEEN 3 AND 40),
  first_installation text NOT NULL,
  created_at bigint NOT NULL,
  shop_seq bigint NOT NULL DEFAULT nextval('shop_seq')
);
CREATE INDEX shop_person_seq ON shop_person(shop_seq);

-- Two tills that each created the same person: converged on one, and recorded here.
CREATE TABLE shop_customer_merge (
  id bigserial PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES shop_person(id),
  installation text NOT NULL,
  account_id bigint NOT NULL,
  email text NOT NULL,
  merged_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (installation, account_id)
);

-- The person for an email, made on first sight (inside a push, under the shop's lock).
CREATE FUNCTION shop_person_for(p_email text, p_name text, p_phone text, p_installation text, p_at bigint) RETURNS bigint AS $$
DECLARE found_id bigint;
BEGIN
  SELECT id INTO found_id FROM shop_person WHERE email_key = lower(p_email);
  IF found_id IS NULL THEN
    INSERT INTO shop_person (email_key, email, name, phone, first_installation, created_at)
    VALUES (lower(p_email), p_email, p_name, p_phone, p_installation, p_at) RETURNING id INTO found_id;
  END IF;
  RETURN found_id;
END $$ LANGUAGE plpgsql;

CREATE TABLE shop_account (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  ${EMAIL},
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  phone text CHECK (phone IS NULL OR length(phone) BETWEEN 3 AND 40),
  stripe_customer_id text CHECK (stripe_customer_id IS NULL OR stripe_customer_id LIKE 'cus_%'),
  pulled_person_id bigint REFERENCES shop_person(id),
  person_id bigint NOT NULL REFERENCES shop_person(id),
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  UNIQUE (installation, id),
  CHECK (local_id = id::text)
);
CREATE INDEX shop_account_person ON shop_account(person_id);

-- A till's own new customer whose email another till created on its own is a merge: converged, and audited.
CREATE FUNCTION shop_account_resolve() RETURNS trigger AS $$
BEGIN
  NEW.person_id := shop_person_for(NEW.email, NEW.name, NEW.phone, NEW.installation, NEW.created_at);
  IF NEW.pulled_person_id IS NULL
     AND NOT EXISTS (SELECT 1 FROM shop_account WHERE installation = NEW.installation AND local_id = NEW.local_id)
     AND EXISTS (SELECT 1 FROM shop_account WHERE person_id = NEW.person_id AND installation <> NEW.installation AND pulled_person_id IS NULL) THEN
    INSERT INTO shop_customer_merge (person_id, installation, account_id, email)
    VALUES (NEW.person_id, NEW.installation, NEW.id, NEW.email) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER shop_account_resolve BEFORE INSERT OR UPDATE ON shop_account FOR EACH ROW EXECUTE FUNCTION shop_account_resolve();

CREATE TABLE shop_order (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  account_id bigint NOT NULL,
  person_id bigint NOT NULL REFERENCES shop_person(id),
  ${EMAIL},
  customer_name text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  ${CURRENCY('currency')},
  status text NOT NULL CHECK (status IN ('pending', 'partially_paid', 'successful', 'failed', 'canceled', 'partially_refunded', 'refunded')),
  kind text NOT NULL CHECK (kind IN ('sale', 'membership', 'renewal', 'installment')),
  review_reason text,
  canceled_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  UNIQUE (installation, id),
  CHECK (local_id = id::text),
  FOREIGN KEY (installation, account_id) REFERENCES shop_account(installation, id)
);
CREATE INDEX shop_order_seq ON shop_order(shop_seq);
CREATE INDEX shop_order_created ON shop_order(created_at);

CREATE FUNCTION shop_resolve_person() RETURNS trigger AS $$
BEGIN
  NEW.person_id := shop_person_for(NEW.email, coalesce(NEW.customer_name, NEW.email), NULL, NEW.installation, NEW.created_at);
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER shop_order_resolve BEFORE INSERT OR UPDATE ON shop_order FOR EACH ROW EXECUTE FUNCTION shop_resolve_person();

CREATE TABLE shop_order_item (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  order_id bigint NOT NULL,
  course_id bigint NOT NULL,
  course_code text NOT NULL CHECK (length(course_code) BETWEEN 1 AND 64),
  title text NOT NULL,
  unit_amount bigint NOT NULL CHECK (unit_amount > 0),
  UNIQUE (installation, id),
  CHECK (local_id = id::text),
  FOREIGN KEY (installation, order_id) REFERENCES shop_order(installation, id)
);

CREATE TABLE shop_payment (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  order_id bigint NOT NULL,
  method text NOT NULL CHECK (method IN ('card', 'cash')),
  amount bigint NOT NULL CHECK (amount > 0),
  amount_received bigint NOT NULL CHECK (amount_received >= 0),
  tendered_amount bigint CHECK (tendered_amount IS NULL OR (method = 'cash' AND tendered_amount >= amount)),
  ${CURRENCY('currency')},
  status text NOT NULL CHECK (status IN ('pending', 'requires_action', 'processing', 'succeeded', 'failed', 'canceled')),
  stripe_payment_intent_id text CHECK (stripe_payment_intent_id IS NULL OR stripe_payment_intent_id LIKE 'pi_%'),
  failure_code text,
  failure_message text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  UNIQUE (installation, id),
  CHECK (local_id = id::text),
  CHECK ((method = 'card') = (stripe_payment_intent_id IS NOT NULL)),
  FOREIGN KEY (installation, order_id) REFERENCES shop_order(installation, id)
);

CREATE TABLE shop_refund (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  payment_id bigint NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  ${CURRENCY('currency')},
  status text NOT NULL CHECK (status IN ('pending', 'requires_action', 'succeeded', 'failed', 'canceled')),
  reason text NOT NULL CHECK (reason IN ('requested_by_customer', 'duplicate', 'fraudulent', 'other')),
  note text,
  stripe_refund_id text CHECK (stripe_refund_id IS NULL OR stripe_refund_id LIKE 're_%'),
  requested_by text NOT NULL CHECK (length(requested_by) > 0),
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  UNIQUE (installation, id),
  CHECK (local_id = id::text),
  FOREIGN KEY (installation, payment_id) REFERENCES shop_payment(installation, id)
);

-- Course grants from every till: a customer owns a course while any till's grant of it stands (the union);
-- a revoke marks only the grant of its own order (deleted), never another till's.
CREATE TABLE shop_grant (${SYNC_COLUMNS},
  account_id bigint NOT NULL,
  course_id bigint NOT NULL,
  course_code text NOT NULL CHECK (length(course_code) BETWEEN 1 AND 64),
  order_id bigint NOT NULL,
  recurring_payment_id bigint,
  ${EMAIL},
  person_id bigint NOT NULL REFERENCES shop_person(id),
  granted_at bigint NOT NULL,
  CHECK (local_id = account_id::text || ':' || course_id::text),
  FOREIGN KEY (installation, order_id) REFERENCES shop_order(installation, id),
  FOREIGN KEY (installation, account_id) REFERENCES shop_account(installation, id)
);
CREATE INDEX shop_grant_seq ON shop_grant(shop_seq);
CREATE INDEX shop_grant_owner ON shop_grant(person_id, course_code) WHERE NOT deleted;
CREATE FUNCTION shop_grant_resolve() RETURNS trigger AS $$
BEGIN
  NEW.person_id := shop_person_for(NEW.email, NEW.email, NULL, NEW.installation, NEW.granted_at);
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER shop_grant_resolve BEFORE INSERT OR UPDATE ON shop_grant FOR EACH ROW EXECUTE FUNCTION shop_grant_resolve();

CREATE TABLE shop_audit (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  at bigint NOT NULL,
  actor text NOT NULL CHECK (length(actor) > 0),
  action text NOT NULL CHECK (length(action) > 0),
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  order_id bigint,
  detail text NOT NULL,
  CHECK (local_id = id::text)
);

-- How far each till's outbox has landed, written in the same transaction as its rows (what an operator reads to
-- see which till is behind; rows sent twice are already harmless through sync_seq).
CREATE TABLE shop_push_cursor (
  installation text PRIMARY KEY CHECK (installation ~ '^[a-z0-9-]{16,64}$'),
  last_seq bigint NOT NULL CHECK (last_seq > 0),
  pushed_at timestamptz NOT NULL DEFAULT now()
);

-- A payment no till owns (made outside the tills), applied once for the whole shop: the first till to insert
-- its PaymentIntent id claims it; every other till's insert finds the row and does nothing.
CREATE TABLE shop_external_payment (
  stripe_payment_intent_id text PRIMARY KEY CHECK (stripe_payment_intent_id LIKE 'pi_%'),
  claimed_by text NOT NULL CHECK (claimed_by ~ '^[a-z0-9-]{16,64}$'),
  amount bigint NOT NULL CHECK (amount > 0),
  ${CURRENCY('currency')},
  stripe_created bigint NOT NULL,
  claimed_at bigint NOT NULL,
  shop_seq bigint NOT NULL DEFAULT nextval('shop_seq')
);
CREATE INDEX shop_external_payment_seq ON shop_external_payment(shop_seq);
`,
}

// The catalog: every till pushes its courses (shop_course, per till, as for any synced table); the first till to
// push a code puts it in shop_catalog, the shop's one price list. A price, title or active flag changed there
// (by hand, or an admin tool) reaches every till at its next pull. Its update trigger takes the shop's write
// lock itself, so an UPDATE typed in psql keeps the tills' cursors exact too.
const catalog: ShopMigration = {
  version: 2,
  name: 'catalog',
  sql: `
CREATE TABLE shop_course (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  description text NOT NULL,
  price_amount bigint NOT NULL CHECK (price_amount > 0),
  ${CURRENCY('currency')},
  active smallint NOT NULL CHECK (active IN (0, 1)),
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  UNIQUE (installation, id),
  CHECK (local_id = id::text)
);

CREATE TABLE shop_catalog (
  code text PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 64),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  price_amount bigint NOT NULL CHECK (price_amount > 0),
  ${CURRENCY('currency')},
  active smallint NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  first_installation text NOT NULL,
  updated_at bigint NOT NULL,
  shop_seq bigint NOT NULL DEFAULT nextval('shop_seq')
);
CREATE INDEX shop_catalog_seq ON shop_catalog(shop_seq);

CREATE FUNCTION shop_course_to_catalog() RETURNS trigger AS $$
BEGIN
  INSERT INTO shop_catalog (code, title, description, price_amount, currency, active, first_installation, updated_at)
  VALUES (NEW.code, NEW.title, NEW.description, NEW.price_amount, NEW.currency, NEW.active, NEW.installation, NEW.updated_at)
  ON CONFLICT (code) DO NOTHING;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER shop_course_to_catalog AFTER INSERT ON shop_course FOR EACH ROW EXECUTE FUNCTION shop_course_to_catalog();

CREATE FUNCTION shop_catalog_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(16016);
  NEW.shop_seq := nextval('shop_seq');
  NEW.updated_at := (extract(epoch from clock_timestamp()) * 1000)::bigint;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER shop_catalog_changed BEFORE UPDATE ON shop_catalog FOR EACH ROW
  WHEN (ROW(OLD.title, OLD.description, OLD.price_amount, OLD.currency, OLD.active) IS DISTINCT FROM ROW(NEW.title, NEW.description, NEW.price_amount, NEW.currency, NEW.active))
  EXECUTE FUNCTION shop_catalog_changed();
`,
}

// Store credit (issue 13) is a third tender: a till's credit payment must land like cash, or its outbox would stop
// at the first one. PostgreSQL named the inline CHECK after its table and column.
const creditTender: ShopMigration = {
  version: 3,
  name: 'credit-tender',
  sql: `
ALTER TABLE shop_payment DROP CONSTRAINT shop_payment_method_check;
ALTER TABLE shop_payment ADD CONSTRAINT shop_payment_method_check CHECK (method IN ('card', 'cash', 'credit'));
`,
}

export const SHOP_MIGRATIONS: readonly ShopMigration[] = [shopBook, catalog, creditTender, laterTables, restoreMark, customerEdits, noSaleBook, historyReads]
