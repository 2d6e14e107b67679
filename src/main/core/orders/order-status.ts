import type { OrderStatus, PaymentStatus, RefundStatus } from '@shared/domain'

export interface OrderFacts {
  amount: number
  canceled: boolean
  payments: ReadonlyArray<{ status: PaymentStatus; amountReceived: number }>
  refunds: ReadonlyArray<{ status: RefundStatus; amount: number }>
}

export interface OrderMoney {
  /** What succeeded payments brought in. */
  paid: number
  /** What succeeded refunds gave back. */
  refunded: number
  /** Still owed before the order is fully paid (never negative). */
  due: number
}

export function orderMoney(facts: OrderFacts): OrderMoney {
  const paid = facts.payments.reduce((sum, p) => (p.status === 'succeeded' ? sum + p.amountReceived : sum), 0)
  const refunded = facts.refunds.reduce((sum, r) => (r.status === 'succeeded' ? sum + r.amount : sum), 0)
  return { paid, refunded, due: Math.max(0, facts.amount - paid) }
}

/**
 * The one place an order's status comes from: its payments and refunds (and whether staff canceled it).
 * Nothing sets purchase_order.status by hand; it is a cache of this function's answer.
 */
export function deriveOrderStatus(facts: OrderFacts): OrderStatus {
  const { paid, refunded } = orderMoney(facts)
  if (paid > 0) {
    if (refunded >= paid) return 'refunded'
    if (refunded > 0) return 'partially_refunded'
    return paid >= facts.amount ? 'successful' : 'partially_paid'
  }
  if (facts.canceled) return 'canceled'
  // Failed only while every live attempt failed: a new attempt in flight makes it pending again.
  const attempts = facts.payments.filter((p) => p.status !== 'canceled')
  return attempts.length > 0 && attempts.every((p) => p.status === 'failed') ? 'failed' : 'pending'
}
