import type { OrderDetail, RefundReason } from '@shared/domain'
import { AppError, conflict, notFound } from '@shared/errors'
import { formatMoney } from '@shared/money'
import { isPaid } from '@shared/order-rules'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { sql } from '../store/statements'
import { getOrderDetail } from './read-order'
import { revokeOrderCourse } from './revoke'

export interface LineRefundRequest {
  orderId: number
  courseId: number
  reason: RefundReason
  note?: string | null
  actor: string
  requestKey?: string | null
}

type RefundPayment = (request: { paymentId: number; amount: number; reason: RefundReason; note?: string | null; actor: string; requestKey?: string | null }) => Promise<OrderDetail>

/**
 * Refunds one course of a paid order: exactly the price it was sold at, taken from what is still refundable on
 * the order's payments (never more than was paid), then takes the course back if this order granted it.
 */
export function createLineRefunds(ctx: CoreContext, refundPayment: RefundPayment) {
  return async function refundLine(request: LineRefundRequest): Promise<OrderDetail> {
    const plan = claim(ctx, request)
    if (plan === 'repeat') return getOrderDetail(ctx.db, request.orderId)
    let refunded = 0
    try {
      for (const [index, part] of plan.entries()) {
        const requestKey = request.requestKey ? `${request.requestKey}:${index}` : null
        await refundPayment({ paymentId: part.paymentId, amount: part.amount, reason: request.reason, note: request.note, actor: request.actor, requestKey })
        refunded += part.amount
      }
    } catch (error) {
      // Nothing went back: release the claim so the line can be refunded again. Part went back: keep it (the
      // rest is for a refund by amount, and the error says so).
      if (refunded === 0) inTransaction(ctx, () => sql(ctx.db, 'DELETE FROM refund_line WHERE order_id = ? AND course_id = ?').run(request.orderId, request.courseId))
      throw error
    }
    const granted = sql(ctx.db, 'SELECT 1 FROM account_has_course WHERE order_id = ? AND course_id = ?').get(request.orderId, request.courseId)
    // A full refund of the order has already taken its courses back; otherwise this line's course goes now.
    if (granted) return revokeOrderCourse(ctx, { orderId: request.orderId, courseId: request.courseId, reason: 'refunded', actor: request.actor })
    return getOrderDetail(ctx.db, request.orderId)
  }
}

interface Part {
  paymentId: number
  amount: number
}

function claim(ctx: CoreContext, request: LineRefundRequest): Part[] | 'repeat' {
  return inTransaction(ctx, () => {
    const { db } = ctx
    if (request.requestKey && sql(db, 'SELECT 1 FROM refund_line WHERE request_key = ?').get(request.requestKey)) return 'repeat'
    const order = getOrderDetail(db, request.orderId)
    const found = order.items.find((i) => i.courseId === request.courseId)
    if (!found) throw notFound(`Order ${order.id} has no course ${request.courseId}`)
    // A course is refunded at what it was sold for: its price less its discounts (never more than was paid).
    const item = { ...found, unitAmount: found.netAmount }
    if (!isPaid(order.status) || order.status === 'refunded') throw conflict(`Order ${order.id} is ${order.status.replace('_', ' ')}: only a paid order can be refunded by course`)
    if (sql(db, 'SELECT 1 FROM refund_line WHERE order_id = ? AND course_id = ?').get(order.id, item.courseId)) throw conflict(`"${item.title}" has already been refunded on order ${order.id}`)
    const left = order.payments
      .filter((p) => p.status === 'succeeded')
      .map((p) => ({ paymentId: p.id, left: p.amountReceived - committedRefunds(order, p.id) }))
      .filter((p) => p.left > 0)
    const total = left.reduce((sum, p) => sum + p.left, 0)
    if (total < item.unitAmount) {
      throw new AppError('conflict', `Only ${formatMoney(total, order.currency)} is left to refund on order ${order.id}, less than "${item.title}" (${formatMoney(item.unitAmount, order.currency)}): refund by amount instead`)
    }
    // Card payments first (the money goes back the way it came), then cash, then credit; each gives what it still holds.
    left.sort((a, b) => methodRank(order, a.paymentId) - methodRank(order, b.paymentId))
    const parts: Part[] = []
    let owed = item.unitAmount
    for (const payment of left) {
      if (owed === 0) break
      const amount = Math.min(owed, payment.left)
      parts.push({ paymentId: payment.paymentId, amount })
      owed -= amount
    }
    const now = ctx.now()
    sql(db, 'INSERT INTO refund_line (order_id, course_id, amount, requested_by, request_key, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(order.id, item.courseId, item.unitAmount, request.actor, request.requestKey ?? null, now)
    audit(db, now, { actor: request.actor, action: 'refund.line', entityType: 'purchase_order', entityId: order.id, orderId: order.id, detail: { courseId: item.courseId, amount: item.unitAmount, parts } })
    return parts
  })
}

function committedRefunds(order: OrderDetail, paymentId: number): number {
  return order.refunds.filter((r) => r.paymentId === paymentId && (r.status === 'pending' || r.status === 'requires_action' || r.status === 'succeeded')).reduce((sum, r) => sum + r.amount, 0)
}

function methodRank(order: OrderDetail, paymentId: number): number {
  // Store credit last: money the customer handed over goes back first.
  const method = order.payments.find((p) => p.id === paymentId)?.method
  return method === 'card' ? 0 : method === 'cash' ? 1 : 2
}
