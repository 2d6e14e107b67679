import type { Migration } from './types'

// Issue 13, credit expiry. Bonus credit (referral bonuses, coupons) may carry an expiry, stamped on its grant
// entry when it is granted (Settings: days, 0 = never); a sweep then writes one 'expire' entry per expired grant for
// the part still unspent. The expire entry names its grant, and one unique index keeps it to one per grant, so a
// sweep run twice, or two at once, expires a grant once. The ledger stays append-only: nothing is updated.
export const creditExpiry: Migration = {
  version: 26,
  name: 'credit-expiry',
  sql: `
ALTER TABLE credit_entry ADD COLUMN expires_at INTEGER
  CHECK (expires_at IS NULL OR (kind = 'grant' AND source IN ('referral', 'coupon') AND expires_at > created_at));
ALTER TABLE credit_entry ADD COLUMN expired_grant_id INTEGER REFERENCES credit_entry(id)
  CHECK ((kind = 'expire') = (expired_grant_id IS NOT NULL));
CREATE UNIQUE INDEX credit_entry_one_expiry ON credit_entry(expired_grant_id) WHERE expired_grant_id IS NOT NULL;
CREATE INDEX credit_entry_expiring ON credit_entry(expires_at) WHERE expires_at IS NOT NULL;
`,
}
