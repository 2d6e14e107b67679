import type { AppInfo } from '@shared/domain'
import type { Channel, ChannelResult, ParsedInput } from '@shared/ipc-contract'
import { createAccount, searchAccounts } from '../accounts'
import { listCourses } from '../catalog'
import type { CoreContext } from '../context'
import { cancelOrder, recordCashPayment } from '../orders/cash'
import { createOrder } from '../orders/create-order'
import { getOrderDetail } from '../orders/read-order'
import type { PaymentsRuntime } from '../payments/setup'
import type { ManagerAccess } from '../manager/pin'
import { revokeOrderCourse } from '../orders/revoke'

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelResult<C> | Promise<ChannelResult<C>>
}

/** Who did it, for audit_log: counter staff, or whoever held an unlocked manager session. */
const STAFF = 'staff'
const MANAGER = 'manager'

export function createHandlers(ctx: CoreContext, info: () => AppInfo, payments: PaymentsRuntime, manager: ManagerAccess): Handlers {
  const { db } = ctx
  return {
    'manager:status': () => manager.status(),
    'manager:setPin': (input) => manager.setPin(input.pin, input.currentPin),
    'manager:unlock': (input) => manager.unlock(input.pin),
    'manager:lock': (input) => manager.lock(input.managerToken),
    'ownership:revoke': (input) => revokeOrderCourse(ctx, { ...input, actor: MANAGER }),
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
    'payments:refund': ({ managerToken: _token, ...input }) => payments.refunds.refundPayment({ ...input, actor: MANAGER }),
    'sync:status': () => payments.catchUp.status(),
    'sync:run': () => payments.catchUp.run(),
  }
}
