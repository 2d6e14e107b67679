import type { discountChannels } from '@shared/contract/discounts'
import { audit } from '../audit'
import type { HandlerDeps, HandlersFor } from '../api/handler-types'
import { writeSetting } from '../settings'
import { applyDiscount, DISCOUNT_LIMIT_SETTING, discountLimitPercent } from './discounts'

export function discountHandlers({ ctx }: Pick<HandlerDeps, 'ctx'>): HandlersFor<typeof discountChannels> {
  return {
    'orders:discount': ({ managerToken: _token, ...input }, caller) => applyDiscount(ctx, input, caller?.approver ?? null),
    'settings:discountLimit': () => ({ percent: discountLimitPercent(ctx.db) }),
    'settings:setDiscountLimit': ({ percent }) =>
      ctx.db.transaction(() => {
        writeSetting(ctx.db, DISCOUNT_LIMIT_SETTING, String(percent))
        audit(ctx.db, ctx.now(), { actor: 'manager', action: 'settings.discount_limit', entityType: 'setting', entityId: DISCOUNT_LIMIT_SETTING, detail: { percent } })
        return { percent }
      })(),
  }
}
