import type { OrderDetail } from '@shared/domain'
import { uncollectableRemainder } from '@shared/card-collectable'
import { conflict, invalidInput } from '@shared/errors'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { sql } from '../store/statements'
import { getOrderDetail } from './read-order'
import { settleOrder } from './settle'

const PAYABLE = new Set(['pending', 'partially_paid', 'failed'])

export interface CashInput {
  orderId: number
  /** What the customer handed over, in minor units; anything above what is owed is change. */
  tendered: number
  actor: string
}

/** Records cash taken at the till; an order may be paid part cash, part card. */
export function recordCashPayment(ctx: CoreContext, input: CashInput): OrderDetail {
  const { orderId, tendered, actor } = input
  if (!Number.isSafeInteger(tendered) || tendered <= 0) throw invalidInput('Cash tendered must be a positive amount')
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    const order = getOrderDetail(db, orderId)
    if (!PAYABLE.has(order.status) || order.amountDue === 0) {
      throw conflict(`Order ${orderId} is ${order.status.replace('_', ' ')} and takes no more payments`)
    }
    // A card payment already being authorised could settle the same debt: wait for its outcome first.
    const busy = order.payments.find((p) => p.status === 'processing' || p.status === 'requires_action')
    if (busy) throw conflict(`A card payment for order ${orderId} is in progress; wait for it before taking cash`)

    // Nothing may be left that no card can pay (a KWD rest not ending in 0, or under the card minimum).
    const stuck = uncollectableRemainder(order.amountDue, tendered, order.currency)
    if (stuck) throw invalidInput(stuck)
    const applied = Math.min(tendered, order.amountDue)
    const now = ctx.now()
    const paymentId = Number(
      sql(
        db,
        `INSERT INTO payment (order_id, method, amount, amount_received, tendered_amount, currency, status, created_at, updated_at)
         VALUES (?, 'cash', ?, ?, ?, ?, 'succeeded', ?, ?)`,
      ).run(orderId, applied, applied, tendered, order.currency, now, now).lastInsertRowid,
    )
    audit(db, now, {
      actor,
      action: 'payment.cash_recorded',
      entityType: 'payment',
      entityId: paymentId,
      orderId,
      detail: { applied, tendered, change: tendered - applied, currency: order.currency },
    })
    queue({ type: 'payment.changed', orderId, paymentId, status: 'succeeded' })
    settleOrder(db, now, orderId, actor, queue)
    return getOrderDetail(db, orderId)
  })
}

/**
 * Staff abandon an order that has taken no card money. Cash taken so far is handed back (recorded as returned),
 * so an order the card cannot finish is never stuck at the counter.
 */
export function cancelOrder(ctx: CoreContext, input: { orderId: number; actor: string }): OrderDetail {
  const { orderId, actor } = input
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    const order = getOrderDetail(db, orderId)
    if (order.status === 'canceled') return order
    // A finished sale, or one a card has paid into, is undone by a refund (which also revokes the courses).
    if (!PAYABLE.has(order.status) || order.payments.some((p) => p.method === 'card' && p.status === 'succeeded')) {
      throw conflict(`Order ${orderId} has taken card money or is paid; refund it instead of canceling`)
    }
    if (order.payments.some((p) => p.status === 'processing' || p.status === 'requires_action')) {
      throw conflict(`A card payment for order ${orderId} is in progress; it cannot be canceled now`)
    }
    const now = ctx.now()
    for (const cash of order.payments.filter((p) => p.method === 'cash' && p.status === 'succeeded')) {
      sql(db, "UPDATE payment SET status = 'canceled', amount_received = 0, updated_at = ? WHERE id = ?").run(now, cash.id)
      audit(db, now, { actor, action: 'payment.cash_returned', entityType: 'payment', entityId: cash.id, orderId, detail: { amount: cash.amountReceived, currency: cash.currency } })
      queue({ type: 'payment.changed', orderId, paymentId: cash.id, status: 'canceled' })
    }
    sql(db, 'UPDATE purchase_order SET canceled_at = ?, updated_at = ? WHERE id = ?').run(now, now, orderId)
    audit(db, now, { actor, action: 'order.canceled', entityType: 'purchase_order', entityId: orderId, orderId })
    settleOrder(db, now, orderId, actor, queue)
    return getOrderDetail(db, orderId)
  })
}
