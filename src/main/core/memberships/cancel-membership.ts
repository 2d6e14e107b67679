import type { Membership } from '@shared/recurring'
import { conflict, notFound } from '@shared/errors'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import type { Refunds } from '../payments/refunds'
import { sql } from '../store/statements'
import type { StripeGateway } from '../stripe/gateway'
import { applySubscription } from './apply-subscription'
import { getMembership } from './read-memberships'

function subscriptionOf(ctx: CoreContext, membershipId: number): { membership: Membership; subscriptionId: string } {
  const membership = getMembership(ctx.db, membershipId)
  if (!membership) throw notFound(`Membership ${membershipId} does not exist`)
  if (!membership.stripeSubscriptionId) throw conflict('This membership was never started in Stripe: nothing to cancel')
  if (membership.status === 'canceled' || membership.status === 'incomplete_expired') throw conflict('This membership has already ended')
  return { membership, subscriptionId: membership.stripeSubscriptionId }
}

function applyFresh(ctx: CoreContext, actor: string, action: string, membership: Membership, subscription: Parameters<typeof applySubscription>[1], detail: Record<string, unknown>) {
  inTransaction(ctx, (queue) => {
    const now = ctx.now()
    applySubscription({ db: ctx.db, now, actor, queue, installationId: ctx.installationId }, subscription, { at: 0, fresh: true })
    audit(ctx.db, now, { actor, action, entityType: 'purchase_order', entityId: membership.firstOrderId, orderId: membership.firstOrderId, detail: { membershipId: membership.id, ...detail } })
  })
}

/** Staff: the membership ends when the paid period does (access stays until then); `resume` undoes it. */
export async function cancelAtPeriodEnd(ctx: CoreContext, gateway: StripeGateway, input: { membershipId: number; cancel: boolean; actor: string }): Promise<Membership> {
  const { membership, subscriptionId } = subscriptionOf(ctx, input.membershipId)
  const subscription = await gateway.cancelAtPeriodEnd(subscriptionId, input.cancel)
  applyFresh(ctx, input.actor, input.cancel ? 'membership.cancel_at_period_end' : 'membership.resumed', membership, subscription, {})
  return getMembership(ctx.db, membership.id)!
}

/**
 * Manager: ends it now (access goes at once), optionally refunding the last paid period in full. The refund goes
 * through the ordinary refunds (idempotent by its request key), so a repeated click refunds once.
 */
export async function cancelNow(
  ctx: CoreContext,
  gateway: StripeGateway,
  refunds: Refunds,
  input: { membershipId: number; refundLastPeriod: boolean; actor: string },
): Promise<Membership> {
  const { membership, subscriptionId } = subscriptionOf(ctx, input.membershipId)
  const subscription = await gateway.cancelNow(subscriptionId)
  applyFresh(ctx, input.actor, 'membership.canceled_now', membership, subscription, { refundLastPeriod: input.refundLastPeriod })
  if (input.refundLastPeriod) {
    const last = sql(
      ctx.db,
      `SELECT p.id, p.amount_received FROM recurring_invoice ri JOIN payment p ON p.order_id = ri.order_id
        WHERE ri.recurring_payment_id = ? AND p.status = 'succeeded' AND p.method = 'card' ORDER BY ri.order_id DESC LIMIT 1`,
    ).get(membership.id) as { id: number; amount_received: number } | undefined
    if (last) {
      await refunds.refundPayment({
        paymentId: last.id,
        amount: last.amount_received,
        reason: 'requested_by_customer',
        note: `membership ${membership.id} canceled`,
        actor: input.actor,
        requestKey: `membership-${membership.id}-cancel-refund`,
      })
    }
  }
  return getMembership(ctx.db, membership.id)!
}
