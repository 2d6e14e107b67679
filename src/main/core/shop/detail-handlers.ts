import type { shopDetailChannels } from '@shared/contract/shop'
import type { HandlerDeps, HandlersFor } from '../api/handler-types'
import { customerOrdersAtOtherTills } from './customer-other-tills'
import { readShopOrder } from './shop-order-copy'

/** The whole shop read offline: another till's order, a customer's orders at the other tills. */
export function shopDetailHandlers({ ctx }: Pick<HandlerDeps, 'ctx'>): HandlersFor<typeof shopDetailChannels> {
  return {
    'shop:order': (input) => readShopOrder(ctx.db, input.installation, input.orderId),
    'shop:customerOrders': (input) => customerOrdersAtOtherTills(ctx.db, input.customerId, input.limit),
  }
}
