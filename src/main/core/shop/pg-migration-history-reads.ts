import type { ShopMigration } from './pg-migrations'

// Shop migration 8: every till now reads other tills' order lines and discounts (Orders and Reports across the
// shop), and their payments and refunds, by shop_seq like the orders: without an index each batch of that read scans the table.
export const historyReads: ShopMigration = {
  version: 8,
  name: 'history-reads',
  sql: `
CREATE INDEX shop_order_item_seq ON shop_order_item(shop_seq);
CREATE INDEX shop_payment_seq ON shop_payment(shop_seq);
CREATE INDEX shop_refund_seq ON shop_refund(shop_seq);
CREATE INDEX shop_order_discount_seq ON shop_order_discount(shop_seq);
`,
}
