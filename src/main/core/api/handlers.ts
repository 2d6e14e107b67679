import type { AppInfo } from '@shared/domain'
import type { Channel, ChannelResult, ParsedInput } from '@shared/ipc-contract'
import { createAccount, searchAccounts } from '../accounts'
import { listCourses } from '../catalog'
import type { CoreContext } from '../context'
import { cancelOrder, recordCashPayment } from '../orders/cash'
import { createOrder } from '../orders/create-order'
import { getOrderDetail } from '../orders/read-order'
import type { PaymentsRuntime } from '../payments/setup'

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelResult<C> | Promise<ChannelResult<C>>
}

/** Who is at the till; manager actions (step 4) will carry their own actor. */
const STAFF = 'staff'
// Until the manager PIN of step 4 exists, refunds are attributed to the manager role.
const MANAGER = 'manager'

export function createHandlers(ctx: CoreContext, info: () => AppInfo, payments: PaymentsRuntime): Handlers {
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
    'payments:refund': (input) => payments.refunds.refundPayment({ ...input, actor: MANAGER }),
    'sync:status': () => payments.catchUp.status(),
    'sync:run': () => payments.catchUp.run(),
  }
}
