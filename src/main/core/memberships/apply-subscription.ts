import type Stripe from 'stripe'
import { audit } from '../audit'
import type { ApplyContext, ApplyOutcome, Observation } from '../payments/apply-intent'
import { sql } from '../store/statements'
import { MEMBERSHIP_METADATA_KEY } from '../stripe/billing-gateway'
import { scopeOf } from '../stripe/installation-scope'
import { ACCESS_STATUSES, grantMembershipCourses, NO_ACCESS_STATUSES, revokeMembershipCourses } from './grants'
import { findMembership } from './membership-row'

export type SubscriptionFacts = Pick<Stripe.Subscription, 'id' | 'status' | 'metadata' | 'cancel_at_period_end'> & {
  items: { data: Array<Pick<Stripe.SubscriptionItem, 'current_period_end'>> }
}

/** Stripe never moves a subscription out of these. */
const FINAL = new Set(['canceled', 'incomplete_expired'])

/**
 * Mirrors a subscription into recurring_payment, moving only forward (a final status never moves, an older event
 * never overwrites a newer fact, same-second facts are settled by re-reading), and makes access follow the status.
 */
export function applySubscription(ctx: ApplyContext, subscription: SubscriptionFacts, seen: Observation): { outcome: ApplyOutcome; orderId: number | null } {
  const { db, now, actor } = ctx
  if (scopeOf(subscription, ctx.installationId) === 'foreign') return { outcome: 'foreign', orderId: null }
  const row = findMembership(db, subscription.id, subscription.metadata?.[MEMBERSHIP_METADATA_KEY])
  if (!row) return { outcome: 'skipped', orderId: null }
  const skip = { outcome: 'skipped' as const, orderId: row.first_order_id }
  const periodEnd = subscription.items.data[0]?.current_period_end
  const periodEndMs = periodEnd === undefined ? row.current_period_end : periodEnd * 1000
  const cancelAtEnd = subscription.cancel_at_period_end ? 1 : 0
  const unchanged =
    row.status === subscription.status && row.current_period_end === periodEndMs && row.cancel_at_period_end === cancelAtEnd && row.stripe_subscription_id === subscription.id
  if (FINAL.has(row.status) || unchanged) return skip
  if (!FINAL.has(subscription.status) && !seen.fresh && row.stripe_synced_at !== null) {
    if (seen.at < row.stripe_synced_at) return skip
    if (seen.at === row.stripe_synced_at) return { outcome: 'refetch', orderId: row.first_order_id }
  }
  sql(
    db,
    `UPDATE recurring_payment SET stripe_subscription_id = ?, status = ?, current_period_end = ?, cancel_at_period_end = ?,
            last_failure = CASE WHEN ? = 'active' THEN NULL ELSE last_failure END,
            stripe_synced_at = max(coalesce(stripe_synced_at, 0), ?), updated_at = ? WHERE id = ?`,
  ).run(subscription.id, subscription.status, periodEndMs, cancelAtEnd, subscription.status, seen.at, now, row.id)
  if (row.status !== subscription.status) {
    audit(db, now, {
      actor,
      action: 'membership.status_changed',
      entityType: 'purchase_order',
      entityId: row.first_order_id,
      orderId: row.first_order_id,
      detail: { membershipId: row.id, subscription: subscription.id, from: row.status, to: subscription.status },
    })
  }
  if (ACCESS_STATUSES.has(subscription.status)) grantMembershipCourses(db, now, row, actor)
  if (NO_ACCESS_STATUSES.has(subscription.status)) revokeMembershipCourses(db, now, row, actor, `membership ${subscription.status}`)
  ctx.queue({ type: 'membership.changed', accountId: row.account_id, membershipId: row.id, status: subscription.status })
  return { outcome: 'applied', orderId: row.first_order_id }
}
