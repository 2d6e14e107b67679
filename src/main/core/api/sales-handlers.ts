import type { salesChannels } from '@shared/contract/sales'
import type { OrderDetail } from '@shared/domain'
import { createAccount, searchAccounts } from '../accounts'
import { listCourses } from '../catalog'
import { cancelOrder, recordCashPayment } from '../orders/cash'
import { ownedCourses } from '../orders/already-owned'
import { createOrder } from '../orders/create-order'
import { getOrderDetail } from '../orders/read-order'
import { STAFF, type HandlerDeps, type HandlersFor } from './handler-types'

export function salesHandlers({ ctx, info, log, cardPayments, payLinks }: Pick<HandlerDeps, 'ctx' | 'info' | 'log' | 'cardPayments' | 'payLinks'>): HandlersFor<typeof salesChannels> {
  const { db } = ctx
  // Once an order needs no card any more, its open intents are canceled at Stripe; the answer does not wait
  // for Stripe (the till may be offline), and a failure is only logged: the intent stays unconfirmable here anyway.
  const withIntentsClosed = (order: OrderDetail): OrderDetail => {
    if (order.amountDue === 0 || order.status === 'canceled') {
      cardPayments()
        .cancelOpenIntents(order.id)
        .catch((error: unknown) => log.warn('payment.cancel_open_intents_failed', { orderId: order.id, error }))
    }
    // A pay link for another amount (cash was taken) or for an order no longer payable is expired the same way.
    payLinks()
      .expireUnneeded(order.id)
      .catch((error: unknown) => log.warn('pay_link.expire_failed', { orderId: order.id, error }))
    return order
  }
  return {
    'app:info': () => info(),
    'catalog:list': (input) => listCourses(db, input),
    'customers:search': (input) => searchAccounts(db, input.query, input.limit),
    'customers:create': (input) => createAccount(ctx, { ...input, actor: STAFF }),
    'customers:owned': (input) => ownedCourses(db, input.customerId),
    'orders:create': (input) => createOrder(ctx, { ...input, actor: STAFF }),
    'orders:get': (input) => getOrderDetail(db, input.orderId),
    'orders:cancel': (input) => withIntentsClosed(cancelOrder(ctx, { ...input, actor: STAFF })),
    'orders:recordCash': (input) => withIntentsClosed(recordCashPayment(ctx, { ...input, actor: STAFF })),
    'payments:startCard': (input) => cardPayments().getOrCreatePaymentIntent(input.orderId),
    'payments:sync': (input) => cardPayments().syncOrderPayments(input.orderId),
    'payments:abandonCard': (input) => cardPayments().abandonInterruptedCard(input.orderId),
  }
}
