import type { Migration } from './types'

// Reports read money by the day it moved: succeeded payments and refunds by updated_at (when they succeeded).
// Partial indexes hold only the succeeded rows, so a period is a range read however many attempts failed, and
// they carry what the report sums (currency, amount, the order or payment) so the rows themselves are not read.
export const insightIndexes: Migration = {
  version: 4,
  name: 'insight-indexes',
  sql: `
CREATE INDEX payment_succeeded_at ON payment(updated_at, currency, amount_received, order_id) WHERE status = 'succeeded';
CREATE INDEX refund_succeeded_at ON refund(updated_at, currency, amount, payment_id) WHERE status = 'succeeded';
`,
}
