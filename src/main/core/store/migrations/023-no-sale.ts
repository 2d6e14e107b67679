import type { Migration } from './types'

// A no-sale: the drawer opened without a sale (change for the float, a customer's query), recorded against the open
// shift with why, who opened it and, for a cashier, the manager who approved. No money moves, so it is not a
// drawer_movement; it shows in the X/Z report. Like every row of a shift, it cannot change once made, nor be added
// to a closed shift.
export const noSale: Migration = {
  version: 23,
  name: 'no-sale',
  sql: `
CREATE TABLE drawer_no_sale (
  id INTEGER PRIMARY KEY,
  shift_id INTEGER NOT NULL REFERENCES shift(id),
  reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 200),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  approver_id INTEGER REFERENCES staff(id),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX drawer_no_sale_shift ON drawer_no_sale(shift_id);
CREATE TRIGGER drawer_no_sale_closed BEFORE INSERT ON drawer_no_sale WHEN (SELECT closed_at FROM shift WHERE id = NEW.shift_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed shift cannot change'); END;
CREATE TRIGGER drawer_no_sale_final BEFORE UPDATE ON drawer_no_sale
BEGIN SELECT RAISE(ABORT, 'a no-sale is never changed'); END;
CREATE TRIGGER drawer_no_sale_kept BEFORE DELETE ON drawer_no_sale
BEGIN SELECT RAISE(ABORT, 'a no-sale is never deleted'); END;
`,
}
