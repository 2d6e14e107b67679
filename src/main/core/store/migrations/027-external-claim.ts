import type { Migration } from './types'

const CURRENCY = (column: string) => `CHECK (length(${column}) = 3 AND ${column} = upper(${column}) AND ${column} NOT GLOB '*[^A-Z]*')`

// Shop mode (issue 16) and payments taken in Stripe outside the tills (issue 13): every till of the shop gets the
// webhook of an outside checkout session or one-off invoice, and one till must record it. Each queues it here, in
// the event's transaction (so nothing is lost while the shop database is away); the shop loop then claims its
// PaymentIntent in shop_external_payment (the primary key that already decides unowned payments) and the till
// that holds the claim places it, the others mark it lost. Unused when shop mode is off.
export const externalClaim: Migration = {
  version: 27,
  name: 'external-claim',
  sql: `
CREATE TABLE external_claim (
  stripe_object_id TEXT PRIMARY KEY CHECK (stripe_object_id LIKE 'cs_%' OR stripe_object_id LIKE 'in_%'),
  stripe_payment_intent_id TEXT NOT NULL UNIQUE CHECK (stripe_payment_intent_id LIKE 'pi_%'),
  -- What placing it needs (core/external ExternalFacts), as read from Stripe when its event arrived.
  facts TEXT NOT NULL CHECK (json_valid(facts)),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  stripe_created INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  claim TEXT CHECK (claim IS NULL OR claim IN ('won', 'lost')),
  decided_at INTEGER,
  CHECK ((claim IS NULL) = (decided_at IS NULL))
) STRICT;
CREATE INDEX external_claim_open ON external_claim(received_at) WHERE claim IS NULL;
`,
}
