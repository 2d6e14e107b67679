import type { OrderDetail } from '@shared/domain'
import { uncollectableRemainder } from '@shared/card-collectable'
import { conflict, invalidInput } from '@shared/errors'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { sql } from '../store/statements'
import { getOrderDetail } from './read-order'
import { actingStaffId } from '../staff/acting'
import { drawerShiftForCash } from '../shifts/drawer'
import { settleOrder } from './settle'
import { returnCreditOnCancel } from '../credit/tender'

const PAYABLE = new Set(['pending', 'partially_paid', 'failed'])

export interface CashInput {
  orderId: number
  /** What the customer handed over, in minor units; anything above what is owed is change. */
  tendered: number
  actor: string
  /** Made by the till once per cash attempt: the same key again (a double click, a retry) records nothing new. */
  requestKey?: string | null
}

/** Records cash taken at the till; an order may be paid part cash, part card. */
export function recordCashPayment(ctx: CoreContext, input: CashInput): OrderDetail {
  const { orderId, tendered, actor } = input
  if (!Number.isSafeInteger(tendered) || tendered <= 0) throw invalidInput('Cash tendered must be a positive amount')
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    // Before the payable check: a replay after this very payment settled the order must answer, not refuse.
    if (input.requestKey && isRecordedAlready(ctx, input.requestKey, orderId, tendered)) return getOrderDetail(db, orderId)
    const order = getOrderDetail(db, orderId)
    if (!PAYABLE.has(order.status) || order.amountDue === 0) {
      throw conflict(`Order ${orderId} is ${order.status.replace('_', ' ')} and takes no more payments`)
    }
    // A membership's first period is its subscription's invoice: only the card that pays it (and is saved) will do.
    if (order.kind === 'membership' || order.kind === 'renewal') throw conflict(`Order ${orderId} is a membership's; it is paid by card through Stripe`)
    // A card payment already being authorised could settle the same debt: wait for its outcome first.
    const busy = order.payments.find((p) => p.status === 'processing' || p.status === 'requires_action')
    if (busy) throw conflict(`A card payment for order ${orderId} is in progress; wait for it before taking cash`)

    // Nothing may be left that no card can pay (a KWD rest not ending in 0, or under the card minimum).
    const stuck = uncollectableRemainder(order.amountDue, tendered, order.currency)
    if (stuck) throw invalidInput(stuck)
    const applied = Math.min(tendered, order.amountDue)
    const shiftId = drawerShiftForCash(db)
    const now = ctx.now()
    const paymentId = Number(
      sql(
        db,
        `INSERT INTO payment (order_id, method, amount, amount_received, tendered_amount, currency, status, request_key, staff_id, shift_id, created_at, updated_at)
         VALUES (?, 'cash', ?, ?, ?, ?, 'succeeded', ?, ?, ?, ?, ?)`,
      ).run(orderId, applied, applied, tendered, order.currency, input.requestKey ?? null, actingStaffId(), shiftId, now, now).lastInsertRowid,
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

/** True when this key already recorded this cash; the same key for other cash is refused rather than guessed at. */
function isRecordedAlready(ctx: CoreContext, requestKey: string, orderId: number, tendered: number): boolean {
  const earlier = sql(ctx.db, 'SELECT order_id AS orderId, tendered_amount AS tendered FROM payment WHERE request_key = ?').get(requestKey) as
    | { orderId: number; tendered: number }
    | undefined
  if (!earlier) return false
  if (earlier.orderId !== orderId || earlier.tendered !== tendered) {
    throw conflict('This cash request was already recorded with another order or amount; nothing was recorded now')
  }
  return true
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
    // Store credit taken so far goes back to the customer's balance.
    returnCreditOnCancel(ctx, order, actor, queue)
    sql(db, 'UPDATE purchase_order SET canceled_at = ?, updated_at = ? WHERE id = ?').run(now, now, orderId)
    audit(db, now, { actor, action: 'order.canceled', entityType: 'purchase_order', entityId: orderId, orderId })
    settleOrder(db, now, orderId, actor, queue)
    return getOrderDetail(db, orderId)
  })
}
