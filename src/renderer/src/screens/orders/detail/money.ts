import type { OrderDetail } from '@shared/domain'

/** What succeeded payments brought in and succeeded refunds gave back (the same rule as the order status). */
export function orderPaidAndRefunded(order: Pick<OrderDetail, 'payments' | 'refunds'>): { paid: number; refunded: number } {
  const paid = order.payments.reduce((sum, p) => (p.status === 'succeeded' ? sum + p.amountReceived : sum), 0)
  const refunded = order.refunds.reduce((sum, r) => (r.status === 'succeeded' ? sum + r.amount : sum), 0)
  return { paid, refunded }
}
