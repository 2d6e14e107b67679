import type { Db } from '../store/db'
import { sql } from '../store/statements'

export interface MembershipRow {
  id: number
  account_id: number
  plan_id: number
  first_order_id: number
  stripe_subscription_id: string | null
  status: string
  amount: number
  currency: string
  interval: string
  current_period_end: number | null
  cancel_at_period_end: number
  last_failure: string | null
  stripe_synced_at: number | null
}

/** Ours by the subscription id we stored, or by our row id in its metadata (its events can beat our own write). */
export function findMembership(db: Db, subscriptionId: string | null, metadataId: string | undefined): MembershipRow | undefined {
  const byStripe = subscriptionId
    ? (sql(db, 'SELECT * FROM recurring_payment WHERE stripe_subscription_id = ?').get(subscriptionId) as MembershipRow | undefined)
    : undefined
  if (byStripe || metadataId === undefined || !/^[1-9][0-9]{0,15}$/.test(metadataId)) return byStripe
  const byId = sql(db, 'SELECT * FROM recurring_payment WHERE id = ?').get(Number(metadataId)) as MembershipRow | undefined
  // A row already tied to another subscription is not this one's.
  return byId && (byId.stripe_subscription_id === null || byId.stripe_subscription_id === subscriptionId) ? byId : undefined
}
