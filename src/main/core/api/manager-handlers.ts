import type { managerChannels } from '@shared/contract/manager'
import { createLineRefunds } from '../orders/refund-line'
import { revokeOrderCourse } from '../orders/revoke'
import { MANAGER, type HandlerDeps, type HandlersFor } from './handler-types'

export function managerHandlers({ ctx, manager, refunds, catchUp }: Pick<HandlerDeps, 'ctx' | 'manager' | 'refunds' | 'catchUp'>): HandlersFor<typeof managerChannels> {
  const refundLine = createLineRefunds(ctx, (request) => refunds().refundPayment(request))
  return {
    'manager:status': () => manager.legacyStatus(),
    'manager:setPin': (input, caller) => manager.setPin(input.pin, input.currentPin, caller?.seat),
    'manager:unlock': (input, caller) => manager.unlock(input.pin, caller?.seat),
    'manager:lock': (input) => manager.lock(input.managerToken),
    'payments:refund': ({ managerToken: _token, ...input }) => refunds().refundPayment({ ...input, actor: MANAGER }),
    'payments:refundLine': ({ managerToken: _token, ...input }) => refundLine({ ...input, actor: MANAGER }),
    'ownership:revoke': (input) => revokeOrderCourse(ctx, { ...input, actor: MANAGER }),
    'sync:status': () => catchUp().status(),
    'sync:run': () => catchUp().run(),
  }
}
