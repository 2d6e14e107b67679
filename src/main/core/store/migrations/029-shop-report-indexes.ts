import type { Migration } from './types'

// Reports for the whole shop (scope 'shop', core/shop/other-tills-revenue-rows.ts) read every other till's payment
// in the period and every line of its order. A laptop holds the whole shop's history, so these are the big reads:
// covering indexes let both be answered from the index alone, not one table lookup per payment and per line.
export const shopReportIndexes: Migration = {
  version: 29,
  name: 'shop-report-indexes',
  sql: `
CREATE INDEX shop_payment_copy_report ON shop_payment_copy(updated_at, installation, order_id, payment_id, amount_received, currency, method) WHERE status = 'succeeded';
CREATE INDEX shop_order_item_copy_lines ON shop_order_item_copy(installation, order_id, unit_amount, course_code, item_id);
`,
}
