import type { managerChannels } from '@shared/contract/manager'
import { createLineRefunds } from '../orders/refund-line'
import { revokeOrderCourse } from '../orders/revoke'
import { MANAGER, type HandlerDeps, type HandlersFor } from './handler-types'

export function managerHandlers({ ctx, payments, manager }: HandlerDeps): HandlersFor<typeof managerChannels> {
  // Through `payments` at call time: the payments runtime is rebuilt when keys change.
  const refundLine = createLineRefunds(ctx, (request) => payments.refunds.refundPayment(request))
  return {
    'manager:status': () => manager.status(),
    'manager:setPin': (input) => manager.setPin(input.pin, input.currentPin),
    'manager:unlock': (input) => manager.unlock(input.pin),
    'manager:lock': (input) => manager.lock(input.managerToken),
    'payments:refund': ({ managerToken: _token, ...input }) => payments.refunds.refundPayment({ ...input, actor: MANAGER }),
    'payments:refundLine': ({ managerToken: _token, ...input }) => refundLine({ ...input, actor: MANAGER }),
    'ownership:revoke': (input) => revokeOrderCourse(ctx, { ...input, actor: MANAGER }),
    'sync:status': () => payments.catchUp.status(),
    'sync:run': () => payments.catchUp.run(),
  }
}
