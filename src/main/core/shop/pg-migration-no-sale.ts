import type { ShopMigration } from './pg-migrations'
import { NAMED, OF } from './pg-migration-later-tables'
import { SYNC_COLUMNS } from './pg-sync-columns'

// Shop migration 7: a no-sale (the drawer opened without a sale, store migration 023) is part of its shift's record,
// so it reaches the shop book like the shift's paid-ins and paid-outs: once, and never changed afterwards.
export const noSaleBook: ShopMigration = {
  version: 7,
  name: 'no-sale',
  sql: `
CREATE TABLE shop_drawer_no_sale (${SYNC_COLUMNS},
  id bigint NOT NULL CHECK (id > 0),
  shift_id bigint NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 200),
  staff_id bigint NOT NULL,
  approver_id bigint,
  created_at bigint NOT NULL,
  ${NAMED(`${OF('shift_id', 'shop_shift')}, ${OF('staff_id', 'shop_staff')}, ${OF('approver_id', 'shop_staff')}`)}
);
CREATE TRIGGER shop_drawer_no_sale_final BEFORE UPDATE ON shop_drawer_no_sale FOR EACH ROW EXECUTE FUNCTION shop_keep_final();
`,
}
