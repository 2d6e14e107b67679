import type { Migration } from './types'

// Step 3: what the payments core needs to apply Stripe's facts exactly once and in order.
export const paymentSync: Migration = {
  version: 2,
  name: 'payment-sync',
  sql: `
-- Set when Stripe's figures disagree with ours: the order grants nothing until a manager looks.
ALTER TABLE purchase_order ADD COLUMN review_reason TEXT CHECK (review_reason IS NULL OR length(review_reason) > 0);
-- Stripe's timestamp (unix seconds) of the newest fact applied to this payment: older events cannot undo it.
ALTER TABLE payment ADD COLUMN stripe_synced_at INTEGER;
-- The key a manager's refund request carries, so a repeated request refunds once.
ALTER TABLE refund ADD COLUMN request_key TEXT CHECK (request_key IS NULL OR length(request_key) BETWEEN 8 AND 100);
CREATE UNIQUE INDEX refund_request_key ON refund(request_key) WHERE request_key IS NOT NULL;
CREATE INDEX payment_open ON payment(status, updated_at) WHERE status IN ('pending', 'requires_action', 'processing');
CREATE INDEX stripe_event_outcome ON stripe_event(outcome) WHERE outcome IN ('failed', 'review');
`,
}
