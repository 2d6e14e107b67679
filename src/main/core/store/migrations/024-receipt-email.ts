import type { Migration } from './types'

// The address Stripe emails a card payment's receipt to (the intent's receipt_email, as Stripe last reported it), so
// the till's receipt can say "Emailed to …". NULL when Stripe sends none (cash, credit, or no email on the intent).
export const receiptEmail: Migration = {
  version: 24,
  name: 'receipt-email',
  sql: `
ALTER TABLE payment ADD COLUMN receipt_email TEXT CHECK (receipt_email IS NULL OR length(receipt_email) BETWEEN 3 AND 320);
`,
}
