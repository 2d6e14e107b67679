import type { Migration } from './types'

// A cash payment may carry the request key the till made for that attempt: a repeated or concurrent call with
// the same key finds the payment already recorded instead of recording the cash again (orders/cash.ts).
export const cashRequestKey: Migration = {
  version: 7,
  name: 'cash-request-key',
  sql: `
ALTER TABLE payment ADD COLUMN request_key TEXT CHECK (request_key IS NULL OR length(request_key) BETWEEN 8 AND 100);
CREATE UNIQUE INDEX payment_request_key ON payment(request_key) WHERE request_key IS NOT NULL;
`,
}
