import type { OrderDetail } from '@shared/domain'
import { uncollectableRemainder } from '@shared/card-collectable'
import { conflict, invalidInput } from '@shared/errors'
import { formatMoney } from '@shared/money'
import { isPayable } from '@shared/order-rules'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { getOrderDetail } from '../orders/read-order'
import { settleOrder } from '../orders/settle'
import { sql } from '../store/statements'
import { addCreditEntry, creditBalance } from './ledger'
import { expireDueCredit } from './expiry'
import { actingStaffId } from '../staff/acting'
import { openShiftId } from '../shifts/drawer'

export interface CreditTender {
  orderId: number
  amount: number
  /** Must be the order's currency: credit in one currency never pays another. */
  currency: string
  actor: string
  /** One per attempt (the checkout makes it): the same key again answers the payment already taken. */
  requestKey: string
}

/**
 * Pays part or all of an order from the customer's store credit: a 'credit' payment and the 'spend' entry that
 * takes it from the balance, in one transaction with the order's settle. What is left owing is what the card's
 * PaymentIntent is then kept to (card-payment.ts reuses the intent at exactly `amountDue`).
 */
export function payWithCredit(ctx: CoreContext, input: CreditTender): OrderDetail {
  const { orderId, amount, currency, actor, requestKey } = input
  if (!Number.isSafeInteger(amount) || amount <= 0) throw invalidInput('Credit to apply must be a positive whole amount of minor units')
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    if (isTakenAlready(ctx, requestKey, orderId, amount)) return getOrderDetail(db, orderId)
    const order = getOrderDetail(db, orderId)
    if (currency !== order.currency) throw invalidInput(`Order ${orderId} is in ${order.currency}; credit in ${currency} cannot pay it`)
    if (!isPayable(order.status) || order.amountDue === 0) throw conflict(`Order ${orderId} is ${order.status.replace('_', ' ')} and takes no more payments`)
    if (order.kind === 'membership' || order.kind === 'renewal') throw conflict(`Order ${orderId} is a membership's; it is paid by card through Stripe`)
    if (order.payments.some((p) => p.status === 'processing' || p.status === 'requires_action')) {
      throw conflict(`A card payment for order ${orderId} is in progress; wait for it before applying credit`)
    }
    if (amount > order.amountDue) throw invalidInput(`Only ${formatMoney(order.amountDue, order.currency)} is due on order ${orderId}; apply at most that`, { due: order.amountDue })
    // Bonus credit past its expiry is not spendable: expired first, in this transaction, so the balance is true.
    expireDueCredit(db, ctx.now(), queue, { accountId: order.accountId, currency: order.currency })
    const balance = creditBalance(db, order.accountId, order.currency)
    if (amount > balance) throw conflict(`Not enough credit: ${order.accountName} has ${formatMoney(balance, order.currency)} in ${order.currency}`, { balance })
    // The rest must stay payable by card, as with cash.
    const stuck = uncollectableRemainder(order.amountDue, amount, order.currency)
    if (stuck) throw invalidInput(stuck.replace('take ', 'apply '))

    const now = ctx.now()
    const paymentId = Number(
      sql(
        db,
        // The person and the shift, as for cash and card: credit is a tender of the shift, though not drawer cash.
        `INSERT INTO payment (order_id, method, amount, amount_received, currency, status, request_key, staff_id, shift_id, created_at, updated_at)
         VALUES (?, 'credit', ?, ?, ?, 'succeeded', ?, ?, ?, ?, ?)`,
      ).run(orderId, amount, amount, order.currency, requestKey, actingStaffId(), openShiftId(db), now, now).lastInsertRowid,
    )
    const entryId = addCreditEntry(db, now, { accountId: order.accountId, currency: order.currency, kind: 'spend', amount: -amount, source: 'checkout', actor, paymentId, orderId })
    audit(db, now, { actor, action: 'payment.credit_applied', entityType: 'payment', entityId: paymentId, orderId, detail: { amount, currency: order.currency, creditEntryId: entryId } })
    queue({ type: 'payment.changed', orderId, paymentId, status: 'succeeded' })
    queue({ type: 'credit.changed', accountId: order.accountId })
    settleOrder(db, now, orderId, actor, queue)
    return getOrderDetail(db, orderId)
  })
}

/** A repeated key (double click, retry) finds its payment; the key with another order or amount is refused. */
function isTakenAlready(ctx: CoreContext, requestKey: string, orderId: number, amount: number): boolean {
  const earlier = sql(ctx.db, 'SELECT order_id AS orderId, method, amount FROM payment WHERE request_key = ?').get(requestKey) as
    | { orderId: number; method: string; amount: number }
    | undefined
  if (!earlier) return false
  if (earlier.method !== 'credit' || earlier.orderId !== orderId || earlier.amount !== amount) {
    throw conflict('This request was already used for another payment; nothing was applied now')
  }
  return true
}

/** Staff cancel an order that took credit: the credit goes back to the balance (as cash goes back to the hand). */
export function returnCreditOnCancel(ctx: CoreContext, order: OrderDetail, actor: string, queue: (e: import('@shared/domain').LiveEvent) => void): void {
  const now = ctx.now()
  for (const credit of order.payments.filter((p) => p.method === 'credit' && p.status === 'succeeded')) {
    sql(ctx.db, "UPDATE payment SET status = 'canceled', amount_received = 0, updated_at = ? WHERE id = ?").run(now, credit.id)
    addCreditEntry(ctx.db, now, { accountId: order.accountId, currency: credit.currency, kind: 'refund', amount: credit.amountReceived, source: 'order_canceled', actor, paymentId: credit.id, orderId: order.id })
    audit(ctx.db, now, { actor, action: 'payment.credit_returned', entityType: 'payment', entityId: credit.id, orderId: order.id, detail: { amount: credit.amountReceived, currency: credit.currency } })
    queue({ type: 'payment.changed', orderId: order.id, paymentId: credit.id, status: 'canceled' })
    queue({ type: 'credit.changed', accountId: order.accountId })
  }
}
