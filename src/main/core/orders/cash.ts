import type { OrderDetail } from '@shared/domain'
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
    // A membership's first period is its subscription's invoice: only the card that pays it (and is saved) will do.
    if (order.kind === 'membership' || order.kind === 'renewal') throw conflict(`Order ${orderId} is a membership's; it is paid by card through Stripe`)
    // A card payment already being authorised could settle the same debt: wait for its outcome first.
    const busy = order.payments.find((p) => p.status === 'processing' || p.status === 'requires_action')
    if (busy) throw conflict(`A card payment for order ${orderId} is in progress; wait for it before taking cash`)

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

/** Staff abandon an order that has taken no money. */
export function cancelOrder(ctx: CoreContext, input: { orderId: number; actor: string }): OrderDetail {
  const { orderId, actor } = input
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    const order = getOrderDetail(db, orderId)
    if (order.status === 'canceled') return order
    if (order.payments.some((p) => p.status === 'succeeded')) {
      throw conflict(`Order ${orderId} has taken money; refund it instead of canceling`)
    }
    if (order.payments.some((p) => p.status === 'processing' || p.status === 'requires_action')) {
      throw conflict(`A card payment for order ${orderId} is in progress; it cannot be canceled now`)
    }
    const now = ctx.now()
    sql(db, 'UPDATE purchase_order SET canceled_at = ?, updated_at = ? WHERE id = ?').run(now, now, orderId)
    audit(db, now, { actor, action: 'order.canceled', entityType: 'purchase_order', entityId: orderId, orderId })
    settleOrder(db, now, orderId, actor, queue)
    return getOrderDetail(db, orderId)
  })
}
