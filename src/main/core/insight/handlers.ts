import type { insightChannels } from '@shared/contract/insight'
import type { HandlerDeps, HandlersFor } from '../api/handler-types'
import { getCustomer, listCustomerOrders, listCustomers } from './customers'
import { readShopLocale } from '../shop-locale'
import { revenueReport } from './revenue'
import { getOrderTimeline } from './timeline'
import { withOtherTills } from '../shop/other-tills-revenue'

/** Read-only views: an order's history, customers with their money per currency, revenue reports. */
export function insightHandlers({ ctx }: Pick<HandlerDeps, 'ctx'>): HandlersFor<typeof insightChannels> {
  const { db } = ctx
  return {
    'orders:timeline': (input) => getOrderTimeline(db, input.orderId),
    'customers:list': (input) => listCustomers(db, input),
    'customers:get': (input) => getCustomer(db, input.customerId),
    'customers:orders': (input) => listCustomerOrders(db, input),
    // Shop mode adds the other tills' money beside this till's (core/shop/other-tills-revenue.ts), per till; with
    // scope 'shop' every figure of the report itself is the whole shop's.
    'reports:revenue': (input) => withOtherTills(db, revenueReport(db, { ...input, timeZone: input.timeZone ?? readShopLocale(db).timeZone }), input.currency ?? null),
  }
}
