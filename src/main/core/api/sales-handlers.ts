import type { salesChannels } from '@shared/contract/sales'
import { createAccount, searchAccounts } from '../accounts'
import { listCourses } from '../catalog'
import { cancelOrder, recordCashPayment } from '../orders/cash'
import { createOrder } from '../orders/create-order'
import { getOrderDetail } from '../orders/read-order'
import { STAFF, type HandlerDeps, type HandlersFor } from './handler-types'

export function salesHandlers({ ctx, info, payments }: HandlerDeps): HandlersFor<typeof salesChannels> {
  const { db } = ctx
  return {
    'app:info': () => info(),
    'catalog:list': (input) => listCourses(db, input),
    'accounts:search': (input) => searchAccounts(db, input.query, input.limit),
    'accounts:create': (input) => createAccount(ctx, { ...input, actor: STAFF }),
    'orders:create': (input) => createOrder(ctx, { ...input, actor: STAFF }),
    'orders:get': (input) => getOrderDetail(db, input.orderId),
    'orders:cancel': (input) => cancelOrder(ctx, { ...input, actor: STAFF }),
    'orders:recordCash': (input) => recordCashPayment(ctx, { ...input, actor: STAFF }),
    'payments:startCard': (input) => payments.payments.getOrCreatePaymentIntent(input.orderId),
    'payments:sync': (input) => payments.payments.syncOrderPayments(input.orderId),
  }
}
