// Sales made through the real core functions on a temp store with a controllable clock (cash: no Stripe needed).
import { createOrder } from '../../src/main/core/orders/create-order'
import { recordCashPayment } from '../../src/main/core/orders/cash'
import { createRefunds } from '../../src/main/core/payments/refunds'
import type { OrderDetail } from '../../src/shared/domain'
import { tempStore } from '../helpers/temp-store'

export function insightStore() {
  const store = tempStore()
  const refunds = createRefunds(store.ctx, null)
  return {
    ...store,
    /** An order paid in cash at `at` (all of it unless `tendered` says less). */
    sell(accountId: number, courseIds: number[], at: number, tendered?: number): OrderDetail {
      store.clock.now = at
      const order = createOrder(store.ctx, { accountId, courseIds, confirmOwned: courseIds, actor: 'staff' })
      return recordCashPayment(store.ctx, { orderId: order.id, tendered: tendered ?? order.amount, actor: 'staff' })
    },
    /** A cash refund at `at` (cash refunds succeed at once). */
    async refund(order: OrderDetail, amount: number, at: number): Promise<OrderDetail> {
      store.clock.now = at
      return refunds.refundPayment({ paymentId: order.payments[0]!.id, amount, reason: 'requested_by_customer', actor: 'manager' })
    },
  }
}
