import type { Migration } from './types'

// Staff accounts: each person signs in with their own PIN and role, and what they do names them.
// A store that already had the one manager PIN keeps it: that PIN becomes the owner's (named "Owner", renamed
// in Settings → Staff), so nobody is locked out and no one unknown can claim the till by being first.
// The person columns are added NULL-able: rows written before staff existed, and rows Stripe's events write, name
// no one; everything the till writes through dispatch once an owner exists names its person.
export const staff: Migration = {
  version: 12,
  name: 'staff',
  sql: `
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
  role TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'owner')),
  pin_hash TEXT NOT NULL CHECK (pin_hash LIKE 'scrypt$%'),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX staff_name ON staff(name COLLATE NOCASE) WHERE active = 1;

INSERT INTO staff (name, role, pin_hash, active, created_at, updated_at)
  SELECT 'Owner', 'owner', value, 1, CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER)
    FROM app_setting WHERE key = 'manager_pin' AND value LIKE 'scrypt$%';
DELETE FROM app_setting WHERE key = 'manager_pin';

ALTER TABLE audit_log ADD COLUMN staff_id INTEGER REFERENCES staff(id);
ALTER TABLE audit_log ADD COLUMN approver_id INTEGER REFERENCES staff(id);
ALTER TABLE purchase_order ADD COLUMN staff_id INTEGER REFERENCES staff(id);
ALTER TABLE payment ADD COLUMN staff_id INTEGER REFERENCES staff(id);
ALTER TABLE refund ADD COLUMN staff_id INTEGER REFERENCES staff(id);
ALTER TABLE refund ADD COLUMN approver_id INTEGER REFERENCES staff(id);
CREATE INDEX audit_log_staff ON audit_log(staff_id, at) WHERE staff_id IS NOT NULL;
`,
}
