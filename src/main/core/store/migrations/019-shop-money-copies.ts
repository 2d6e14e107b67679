import type { Migration } from './types'

const CURRENCY = (column: string) => `CHECK (length(${column}) = 3 AND ${column} = upper(${column}) AND ${column} NOT GLOB '*[^A-Z]*')`

// Shop mode, Reports for the whole shop: other tills' payments and refunds, pulled from the shop database like
// their orders (shop_order_copy), so a manager's Reports add up the money every till took, per currency, offline,
// as of the last pull. Keyed as in PostgreSQL (installation, the till's own id); read-only copies.
export const shopMoneyCopies: Migration = {
  version: 19,
  name: 'shop-money-copies',
  sql: `
CREATE TABLE shop_payment_copy (
  installation TEXT NOT NULL CHECK (length(installation) BETWEEN 16 AND 64),
  payment_id INTEGER NOT NULL CHECK (payment_id > 0),
  order_id INTEGER NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('card', 'cash', 'credit')),
  amount_received INTEGER NOT NULL CHECK (amount_received >= 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  status TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (installation, payment_id)
) STRICT;
CREATE INDEX shop_payment_copy_succeeded ON shop_payment_copy(updated_at) WHERE status = 'succeeded';

CREATE TABLE shop_refund_copy (
  installation TEXT NOT NULL CHECK (length(installation) BETWEEN 16 AND 64),
  refund_id INTEGER NOT NULL CHECK (refund_id > 0),
  payment_id INTEGER NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  status TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (installation, refund_id)
) STRICT;
CREATE INDEX shop_refund_copy_succeeded ON shop_refund_copy(updated_at) WHERE status = 'succeeded';
`,
}
