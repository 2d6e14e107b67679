import type { AppInfo } from '@shared/domain'
import type { Channel, ChannelResult, ParsedInput } from '@shared/ipc-contract'
import { createAccount, searchAccounts } from '../accounts'
import { listCourses } from '../catalog'
import type { CoreContext } from '../context'
import { cancelOrder, recordCashPayment } from '../orders/cash'
import { createOrder } from '../orders/create-order'
import { getOrderDetail } from '../orders/read-order'

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelResult<C> | Promise<ChannelResult<C>>
}

/** Who is at the till; manager actions (step 4) will carry their own actor. */
const STAFF = 'staff'

export function createHandlers(ctx: CoreContext, info: () => AppInfo): Handlers {
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
  }
}
