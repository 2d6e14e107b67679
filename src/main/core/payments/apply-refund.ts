import type Stripe from 'stripe'
import type { RefundReason, RefundStatus } from '@shared/domain'
import { audit } from '../audit'
import { sql } from '../store/statements'
import { settleOrder, type SettleResult } from '../orders/settle'
import { openShiftId } from '../shifts/drawer'
import type { ApplyContext, ApplyOutcome } from './apply-intent'
import { idOf } from '../stripe/expandable'
import { scopeOf } from '../stripe/installation-scope'

export type RefundFacts = Pick<Stripe.Refund, 'id' | 'amount' | 'currency' | 'status' | 'reason' | 'metadata' | 'payment_intent'>

// A refund's status only moves forward; failed/canceled may follow succeeded (the bank returned it), never the reverse.
const RANK: Record<RefundStatus, number> = { pending: 0, requires_action: 1, succeeded: 2, failed: 3, canceled: 3 }

interface RefundRow {
  id: number
  payment_id: number
  status: RefundStatus
  order_id: number
}

/**
 * Applies a Stripe refund to our refund rows. A refund made elsewhere (the Stripe dashboard) is recorded too,
 * so the till's books match Stripe's.
 */
export function applyRefund(ctx: ApplyContext, refund: RefundFacts): { outcome: ApplyOutcome; orderId: number | null } {
  const { db, now, actor, queue } = ctx
  // Another till's refund never touches our rows, even when its metadata names a refund id we also have.
  if (scopeOf(refund, ctx.installationId) === 'foreign') return { outcome: 'foreign', orderId: null }
  const status = toRefundStatus(refund.status)
  const intentId = idOf(refund.payment_intent)
  const row = findRefund(ctx, refund, intentId)
  if (!row) {
    const payment = intentId
      ? (sql(db, 'SELECT id, order_id, currency FROM payment WHERE stripe_payment_intent_id = ?').get(intentId) as
          | { id: number; order_id: number; currency: string }
          | undefined)
      : undefined
    if (!payment) return { outcome: 'skipped', orderId: null }
    // Noted in the shift open as it reaches the till (as a till's own card refund is), so that shift's Z report counts
    // it with the card refunds; it never touches the drawer.
    const id = Number(
      sql(
        db,
        `INSERT INTO refund (payment_id, amount, currency, status, reason, stripe_refund_id, requested_by, shift_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'stripe', ?, ?, ?)`,
      ).run(payment.id, refund.amount, payment.currency, status, toReason(refund.reason), refund.id, openShiftId(db), now, now).lastInsertRowid,
    )
    audit(db, now, { actor, action: 'refund.recorded_from_stripe', entityType: 'refund', entityId: id, orderId: payment.order_id, detail: { stripeRefund: refund.id, amount: refund.amount, status } })
    announce(ctx, payment.order_id, settleOrder(db, now, payment.order_id, actor, queue))
    return { outcome: 'applied', orderId: payment.order_id }
  }
  if (RANK[status] <= RANK[row.status]) return { outcome: 'skipped', orderId: row.order_id }
  sql(db, 'UPDATE refund SET status = ?, stripe_refund_id = ?, updated_at = ? WHERE id = ?').run(status, refund.id, now, row.id)
  audit(db, now, { actor, action: 'refund.status_changed', entityType: 'refund', entityId: row.id, orderId: row.order_id, detail: { from: row.status, to: status } })
  announce(ctx, row.order_id, settleOrder(db, now, row.order_id, actor, queue))
  return { outcome: 'applied', orderId: row.order_id }
}

/** A refund that leaves the order's status as it was still changes what every open window shows. */
function announce(ctx: ApplyContext, orderId: number, settled: SettleResult) {
  if (settled.from === settled.to) ctx.queue({ type: 'order.changed', orderId, status: settled.to })
}

/**
 * By Stripe's id, or by the id we put in its metadata before Stripe answered (a crash can fall between).
 * Either way the refund must be of the payment our row refunds: a refund id in metadata is a local row id, the
 * same number on every till, so it alone never matches.
 */
function findRefund(ctx: ApplyContext, refund: RefundFacts, intentId: string | null): RefundRow | undefined {
  const select = `SELECT r.id, r.payment_id, r.status, p.order_id FROM refund r JOIN payment p ON p.id = r.payment_id`
  const samePayment = 'AND (? IS NULL OR p.stripe_payment_intent_id = ?)'
  const byStripeId = sql(ctx.db, `${select} WHERE r.stripe_refund_id = ? ${samePayment}`).get(refund.id, intentId, intentId) as RefundRow | undefined
  if (byStripeId) return byStripeId
  const ours = Number(refund.metadata?.coursetill_refund_id)
  if (!Number.isSafeInteger(ours) || ours <= 0 || intentId === null) return undefined
  return sql(ctx.db, `${select} WHERE r.id = ? AND r.stripe_refund_id IS NULL AND p.stripe_payment_intent_id = ?`).get(ours, intentId) as
    | RefundRow
    | undefined
}

function toRefundStatus(status: string | null): RefundStatus {
  return status === 'succeeded' || status === 'failed' || status === 'canceled' || status === 'requires_action' ? status : 'pending'
}

function toReason(reason: string | null): RefundReason {
  return reason === 'duplicate' || reason === 'fraudulent' || reason === 'requested_by_customer' ? reason : 'other'
}
