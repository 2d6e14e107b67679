import type { ShopMigration } from './pg-migrations'

// Shop migration 6: a customer's later edits reach every till. A till's customer row carries edited_at, the time
// of the last edit of its name, email and phone; the person (shop_person) keeps the version it holds
// (version_at, version_installation) and takes an edit only when it is newer, ties going to the greater
// installation id, so every till converges on the same latest edit whatever order pushes land in. Every edit is
// recorded in shop_customer_edit with what it replaced and whether it won. The email rule still holds: an email
// that is another person's makes the account converge on that person (recorded as a merge); otherwise the person's
// email changes and the old one is kept as previous_email (how tills that never pulled the person find it).
// A pushed customer row already in the shop keeps its person (an email changed elsewhere must not make a second
// person of the old one), and orders and grants take their person from their customer's row.
export const customerEdits: ShopMigration = {
  version: 6,
  name: 'customer-edits',
  sql: `
ALTER TABLE shop_account ADD COLUMN edited_at bigint CHECK (edited_at IS NULL OR edited_at > 0);
ALTER TABLE shop_person ADD COLUMN version_at bigint NOT NULL DEFAULT 0 CHECK (version_at >= 0),
  ADD COLUMN version_installation text NOT NULL DEFAULT '',
  ADD COLUMN previous_email text CHECK (previous_email IS NULL OR length(previous_email) BETWEEN 3 AND 254);
CREATE INDEX shop_person_previous_email ON shop_person(lower(previous_email)) WHERE previous_email IS NOT NULL;

CREATE TABLE shop_customer_edit (
  id bigserial PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES shop_person(id),
  installation text NOT NULL CHECK (installation ~ '^[a-z0-9-]{16,64}$'),
  account_id bigint NOT NULL,
  edited_at bigint NOT NULL CHECK (edited_at > 0),
  before jsonb NOT NULL,
  after jsonb NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('applied', 'older', 'merged')),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (installation, account_id, edited_at)
);

CREATE OR REPLACE FUNCTION shop_account_resolve() RETURNS trigger AS $$
DECLARE
  known_person bigint;
  person shop_person;
  other bigint;
  outcome text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT person_id INTO known_person FROM shop_account WHERE installation = NEW.installation AND local_id = NEW.local_id;
    IF FOUND THEN
      NEW.person_id := known_person; -- an upsert of a known row: its UPDATE decides
      RETURN NEW;
    END IF;
    NEW.person_id := shop_person_for(NEW.email, NEW.name, NEW.phone, NEW.installation, NEW.created_at);
    IF NEW.pulled_person_id IS NULL
       AND EXISTS (SELECT 1 FROM shop_account WHERE person_id = NEW.person_id AND installation <> NEW.installation AND pulled_person_id IS NULL) THEN
      INSERT INTO shop_customer_merge (person_id, installation, account_id, email)
      VALUES (NEW.person_id, NEW.installation, NEW.id, NEW.email) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
  END IF;

  NEW.person_id := OLD.person_id;
  IF NEW.deleted OR NEW.edited_at IS NULL OR NEW.edited_at IS NOT DISTINCT FROM OLD.edited_at THEN
    RETURN NEW;
  END IF;
  SELECT * INTO person FROM shop_person WHERE id = OLD.person_id;
  IF lower(NEW.email) = person.email_key AND NEW.name = person.name AND NEW.phone IS NOT DISTINCT FROM person.phone THEN
    RETURN NEW; -- what the person already says (often: this till took the edit from the shop)
  END IF;
  IF lower(NEW.email) <> person.email_key THEN
    SELECT id INTO other FROM shop_person WHERE email_key = lower(NEW.email);
  END IF;
  IF other IS NOT NULL THEN
    NEW.person_id := other;
    outcome := 'merged';
    INSERT INTO shop_customer_merge (person_id, installation, account_id, email) VALUES (other, NEW.installation, NEW.id, NEW.email)
      ON CONFLICT (installation, account_id) DO UPDATE SET person_id = excluded.person_id, email = excluded.email, merged_at = now();
  ELSIF (NEW.edited_at, NEW.installation) > (person.version_at, person.version_installation) THEN
    UPDATE shop_person SET
      previous_email = CASE WHEN email_key <> lower(NEW.email) THEN email ELSE previous_email END,
      email_key = lower(NEW.email), email = NEW.email, name = NEW.name, phone = NEW.phone,
      version_at = NEW.edited_at, version_installation = NEW.installation, shop_seq = nextval('shop_seq')
    WHERE id = person.id;
    outcome := 'applied';
  ELSE
    outcome := 'older';
  END IF;
  INSERT INTO shop_customer_edit (person_id, installation, account_id, edited_at, before, after, outcome)
  VALUES (person.id, NEW.installation, NEW.id, NEW.edited_at,
          jsonb_build_object('email', OLD.email, 'name', OLD.name, 'phone', OLD.phone),
          jsonb_build_object('email', NEW.email, 'name', NEW.name, 'phone', NEW.phone), outcome)
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION shop_resolve_person() RETURNS trigger AS $$
BEGIN
  SELECT person_id INTO NEW.person_id FROM shop_account WHERE installation = NEW.installation AND id = NEW.account_id;
  IF NEW.person_id IS NULL THEN
    NEW.person_id := shop_person_for(NEW.email, coalesce(NEW.customer_name, NEW.email), NULL, NEW.installation, NEW.created_at);
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION shop_grant_resolve() RETURNS trigger AS $$
BEGIN
  SELECT person_id INTO NEW.person_id FROM shop_account WHERE installation = NEW.installation AND id = NEW.account_id;
  IF NEW.person_id IS NULL THEN
    NEW.person_id := shop_person_for(NEW.email, NEW.email, NULL, NEW.installation, NEW.granted_at);
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
`,
}
