import type { Migration } from './types'

// Shifts and the cash drawer. One shift open at a time (one drawer per till): opened with a counted float per
// currency, closed with a count per currency. Cash payments and cash refunds name the shift they went through
// the drawer in; paid-in/paid-out are their own rows. At close the Z report is saved with the shift, and from
// then on nothing of that shift can change: triggers refuse it, whatever code asks.
export const shifts: Migration = {
  version: 13,
  name: 'shifts',
  sql: `
CREATE TABLE shift (
  id INTEGER PRIMARY KEY,
  opened_at INTEGER NOT NULL,
  opened_by INTEGER NOT NULL REFERENCES staff(id),
  closed_at INTEGER,
  closed_by INTEGER REFERENCES staff(id),
  z_report TEXT CHECK (z_report IS NULL OR json_valid(z_report)),
  CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (z_report IS NULL)),
  CHECK (closed_at IS NULL OR closed_at >= opened_at)
) STRICT;
CREATE UNIQUE INDEX shift_one_open ON shift((closed_at IS NULL)) WHERE closed_at IS NULL;

CREATE TABLE shift_float (
  shift_id INTEGER NOT NULL REFERENCES shift(id),
  currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency) AND currency NOT GLOB '*[^A-Z]*'),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (shift_id, currency)
) STRICT;

CREATE TABLE drawer_movement (
  id INTEGER PRIMARY KEY,
  shift_id INTEGER NOT NULL REFERENCES shift(id),
  kind TEXT NOT NULL CHECK (kind IN ('paid_in', 'paid_out')),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency) AND currency NOT GLOB '*[^A-Z]*'),
  reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 200),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  approver_id INTEGER REFERENCES staff(id),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX drawer_movement_shift ON drawer_movement(shift_id);

CREATE TABLE shift_count (
  shift_id INTEGER NOT NULL REFERENCES shift(id),
  currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency) AND currency NOT GLOB '*[^A-Z]*'),
  expected INTEGER NOT NULL,
  counted INTEGER NOT NULL CHECK (counted >= 0),
  PRIMARY KEY (shift_id, currency)
) STRICT;

ALTER TABLE purchase_order ADD COLUMN shift_id INTEGER REFERENCES shift(id);
ALTER TABLE payment ADD COLUMN shift_id INTEGER REFERENCES shift(id);
ALTER TABLE refund ADD COLUMN shift_id INTEGER REFERENCES shift(id);
CREATE INDEX payment_shift ON payment(shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX refund_shift ON refund(shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX purchase_order_shift ON purchase_order(shift_id) WHERE shift_id IS NOT NULL;

CREATE TRIGGER shift_closed_is_final BEFORE UPDATE ON shift WHEN OLD.closed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed shift cannot change'); END;
CREATE TRIGGER shift_never_deleted BEFORE DELETE ON shift
BEGIN SELECT RAISE(ABORT, 'a shift is never deleted'); END;
CREATE TRIGGER shift_float_closed BEFORE INSERT ON shift_float WHEN (SELECT closed_at FROM shift WHERE id = NEW.shift_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed shift cannot change'); END;
CREATE TRIGGER shift_float_final BEFORE UPDATE ON shift_float
BEGIN SELECT RAISE(ABORT, 'a float is counted once'); END;
CREATE TRIGGER shift_float_kept BEFORE DELETE ON shift_float
BEGIN SELECT RAISE(ABORT, 'a float is counted once'); END;
CREATE TRIGGER drawer_movement_closed BEFORE INSERT ON drawer_movement WHEN (SELECT closed_at FROM shift WHERE id = NEW.shift_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed shift cannot change'); END;
CREATE TRIGGER drawer_movement_final BEFORE UPDATE ON drawer_movement
BEGIN SELECT RAISE(ABORT, 'a drawer movement is never changed'); END;
CREATE TRIGGER drawer_movement_kept BEFORE DELETE ON drawer_movement
BEGIN SELECT RAISE(ABORT, 'a drawer movement is never deleted'); END;
CREATE TRIGGER shift_count_closed BEFORE INSERT ON shift_count WHEN (SELECT closed_at FROM shift WHERE id = NEW.shift_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed shift cannot change'); END;
CREATE TRIGGER shift_count_final BEFORE UPDATE ON shift_count
BEGIN SELECT RAISE(ABORT, 'a count is never changed'); END;
CREATE TRIGGER shift_count_kept BEFORE DELETE ON shift_count
BEGIN SELECT RAISE(ABORT, 'a count is never deleted'); END;
CREATE TRIGGER payment_closed_shift BEFORE INSERT ON payment WHEN NEW.shift_id IS NOT NULL AND (SELECT closed_at FROM shift WHERE id = NEW.shift_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed shift cannot change'); END;
CREATE TRIGGER refund_closed_shift BEFORE INSERT ON refund WHEN NEW.shift_id IS NOT NULL AND (SELECT closed_at FROM shift WHERE id = NEW.shift_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed shift cannot change'); END;
`,
}
