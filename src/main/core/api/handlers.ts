import type { Channel, ChannelResult, ParsedInput } from '@shared/ipc-contract'
import { historyHandlers } from '../history/handlers'
import { insightHandlers } from '../insight/handlers'
import { settingsHandlers } from '../connection/handlers'
import type { HandlerDeps } from './handler-types'
import { managerHandlers } from './manager-handlers'
import { salesHandlers } from './sales-handlers'
import { recurringHandlers } from '../memberships/handlers'
import { staffHandlers } from '../staff/handlers'
import { shiftHandlers } from '../shifts/handlers'
import { discountHandlers } from '../orders/discount-handlers'
import { creditHandlers } from '../credit/handlers'
import { payLinkHandlers } from '../checkout/handlers'
import { externalHandlers } from '../external/handlers'
import { shopHandlers } from '../shop/handlers'
import { shopSettingsHandlers } from '../shop/settings-handlers'
import { customerEditHandlers } from '../customer-edits'
import { receiptHandlers } from '../receipt-handlers'
import { shopDetailHandlers } from '../shop/detail-handlers'

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelResult<C> | Promise<ChannelResult<C>>
}

/** Every channel's handler, one area at a time; the type makes a missing handler a compile error. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...salesHandlers(deps),
    ...managerHandlers(deps),
    ...historyHandlers(deps),
    ...insightHandlers(deps),
    ...settingsHandlers(deps),
    ...recurringHandlers(deps),
    ...staffHandlers(deps),
    ...shiftHandlers(deps),
    ...discountHandlers(deps),
    ...creditHandlers(deps),
    ...payLinkHandlers(deps),
    ...externalHandlers(deps),
    ...shopHandlers(deps),
    ...shopSettingsHandlers(deps),
    ...customerEditHandlers(deps),
    ...receiptHandlers(deps),
    ...shopDetailHandlers(deps),
  }
}
