import type { LiveEvent, OrderStatus } from '@shared/domain'
import { notFound } from '@shared/errors'
import { audit } from '../audit'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { deriveOrderStatus, type OrderFacts } from './order-status'
import { grantOrderCourses, revokeOrderCourses } from './ownership'
import { markCoveredChargesPaid } from '../installments/covered'
import { awardReferralBonus, reverseReferralBonus } from '../credit/referrals'

export interface SettleResult {
  from: OrderStatus
  to: OrderStatus
}

/**
 * Recomputes an order's status from its payments and refunds and applies what the change implies:
 * becoming fully paid grants its courses (once), becoming fully refunded revokes what it granted.
 * Must run inside the transaction that changed the payment or refund.
 */
export function settleOrder(db: Db, now: number, orderId: number, actor: string, queue: (e: LiveEvent) => void): SettleResult {
  const order = sql(db, 'SELECT amount, status, canceled_at, review_reason FROM purchase_order WHERE id = ?').get(orderId) as
    | { amount: number; status: OrderStatus; canceled_at: number | null; review_reason: string | null }
    | undefined
  if (!order) throw notFound(`Order ${orderId} does not exist`)
  // Only the columns the status depends on: this runs for every webhook that touches a payment.
  const to = deriveOrderStatus({
    amount: order.amount,
    canceled: order.canceled_at !== null,
    payments: sql(db, 'SELECT status, amount_received AS amountReceived FROM payment WHERE order_id = ?').all(orderId) as OrderFacts['payments'],
    refunds: sql(db, 'SELECT r.status, r.amount FROM refund r JOIN payment p ON p.id = r.payment_id WHERE p.order_id = ?').all(orderId) as OrderFacts['refunds'],
  })
  const from = order.status
  if (to === from) return { from, to }

  sql(db, 'UPDATE purchase_order SET status = ?, updated_at = ? WHERE id = ?').run(to, now, orderId)
  audit(db, now, {
    actor,
    action: 'order.status_changed',
    entityType: 'purchase_order',
    entityId: orderId,
    orderId,
    detail: { from, to },
  })
  // Transitions, not states, drive ownership: a course a manager revoked by hand is not re-granted
  // by a later, unrelated settle of the same order.
  // An order whose money Stripe reported differently from ours grants nothing until a manager has looked.
  if (to === 'successful' && order.review_reason === null) grantOrderCourses(db, now, orderId, actor)
  // A payment plan's order pays exactly the charges it recorded when it was made.
  if (to === 'successful' && order.review_reason === null) markCoveredChargesPaid(db, now, orderId, actor, queue)
  // A referred customer's first qualifying purchase pays the referral bonus (once); its full refund takes it back.
  if (to === 'successful' && order.review_reason === null) awardReferralBonus(db, now, orderId, actor, queue)
  if (to === 'refunded') revokeOrderCourses(db, now, orderId, actor, 'order fully refunded')
  if (to === 'refunded') reverseReferralBonus(db, now, orderId, actor, queue)
  queue({ type: 'order.changed', orderId, status: to })
  return { from, to }
}
