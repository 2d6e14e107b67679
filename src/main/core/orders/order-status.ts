import type { OrderStatus } from '@shared/domain'
import { orderMoney, type OrderFacts } from '@shared/order-rules'

// The vocabulary (paid, payable, money of an order) lives in @shared/order-rules, shared with the renderer.
export { orderMoney, type OrderFacts, type OrderMoney } from '@shared/order-rules'

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
