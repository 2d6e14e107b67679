import type { PaymentStatus } from '@shared/domain'
import { audit } from '../audit'
import type { ApplyContext, ApplyOutcome } from '../payments/apply-intent'
import { flagForReview } from '../payments/apply-intent'
import { TERMINAL_PAYMENT_STATUSES } from '../payments/intent-status'
import { settleOrder } from '../orders/settle'
import { sql } from '../store/statements'
import type { LinkRow } from './link-row'

export interface LinkPaymentFacts {
  paymentIntentId: string
  status: Extract<PaymentStatus, 'processing' | 'succeeded' | 'failed'>
  amountReceived: number
  /** ISO, upper case. */
  currency: string
}

/**
 * The customer paid (or is paying) through the link: the order gets exactly one card payment for the session,
 * keyed by its PaymentIntent, made by whichever fact arrives first (the session's event or the intent's) and
 * moved forward only after that, exactly like a card payment taken at the counter.
 */
export function recordLinkPayment(ctx: ApplyContext, link: LinkRow, facts: LinkPaymentFacts): { outcome: ApplyOutcome; orderId: number } {
  const { db, now, actor, queue } = ctx
  const orderId = link.order_id
  const existing = sql(db, 'SELECT id, order_id, status FROM payment WHERE stripe_payment_intent_id = ?').get(facts.paymentIntentId) as
    | { id: number; order_id: number; status: PaymentStatus }
    | undefined
  if (existing && existing.order_id !== orderId) return { outcome: 'review', orderId }
  // Paid another way meanwhile (cash, a card at the counter), or canceled: the money is recorded all the same.
  const order = sql(db, 'SELECT amount, canceled_at FROM purchase_order WHERE id = ?').get(orderId) as { amount: number; canceled_at: number | null }
  const paidElsewhere = sql(db, "SELECT coalesce(sum(amount_received), 0) FROM payment WHERE order_id = ? AND status = 'succeeded' AND stripe_payment_intent_id IS NOT ?")
    .pluck()
    .get(orderId, facts.paymentIntentId) as number
  let paymentId: number
  let changed = false
  if (!existing) {
    paymentId = Number(
      sql(
        db,
        `INSERT INTO payment (order_id, method, amount, amount_received, currency, status, stripe_payment_intent_id, created_at, updated_at)
         VALUES (?, 'card', ?, ?, ?, ?, ?, ?, ?)`,
      ).run(orderId, link.amount, facts.status === 'succeeded' ? facts.amountReceived : 0, link.currency, facts.status, facts.paymentIntentId, now, now).lastInsertRowid,
    )
    audit(db, now, { actor, action: 'payment.pay_link_paid', entityType: 'payment', entityId: paymentId, orderId, detail: { session: link.stripe_session_id, paymentIntent: facts.paymentIntentId, status: facts.status } })
    changed = true
  } else {
    paymentId = existing.id
    if (!TERMINAL_PAYMENT_STATUSES.has(existing.status) && existing.status !== facts.status) {
      sql(db, 'UPDATE payment SET status = ?, amount_received = ?, updated_at = ? WHERE id = ?').run(facts.status, facts.status === 'succeeded' ? facts.amountReceived : 0, now, paymentId)
      audit(db, now, { actor, action: 'payment.status_changed', entityType: 'payment', entityId: paymentId, orderId, detail: { from: existing.status, to: facts.status, session: link.stripe_session_id } })
      changed = true
    }
  }
  if (link.payment_id === null || link.status !== 'complete') {
    sql(db, "UPDATE checkout_link SET status = 'complete', payment_id = ?, updated_at = ? WHERE id = ?").run(paymentId, now, link.id)
    queue({ type: 'payLink.changed', orderId, linkId: link.id, status: 'complete' })
    changed = true
  }
  if (!changed) return { outcome: 'skipped', orderId }
  queue({ type: 'payment.changed', orderId, paymentId, status: facts.status })
  let review = false
  if (facts.status === 'succeeded' && (facts.currency !== link.currency || facts.amountReceived !== link.amount)) {
    flagForReview(db, now, orderId, actor, `Stripe collected ${facts.amountReceived} ${facts.currency} through the pay link but it was for ${link.amount} ${link.currency}`)
    review = true
  } else if (facts.status === 'succeeded' && (order.canceled_at !== null || paidElsewhere + link.amount > order.amount)) {
    flagForReview(db, now, orderId, actor, 'The pay link was paid after the order was paid another way or canceled: refund one of the payments')
    review = true
  }
  settleOrder(db, now, orderId, actor, queue)
  return { outcome: review ? 'review' : 'applied', orderId }
}
