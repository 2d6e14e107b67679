import type { discountChannels } from '@shared/contract/discounts'
import { audit } from '../audit'
import type { HandlerDeps, HandlersFor } from '../api/handler-types'
import { writeSetting } from '../settings'
import { readShopLocale } from '../shop-locale'
import { discountTotals } from './discount-report'
import { applyDiscount, DISCOUNT_LIMIT_SETTING, discountLimitPercent, removeDiscount } from './discounts'

export function discountHandlers({ ctx }: Pick<HandlerDeps, 'ctx'>): HandlersFor<typeof discountChannels> {
  return {
    'orders:discount': ({ managerToken: _token, ...input }, caller) => applyDiscount(ctx, input, caller?.approver ?? null),
    'orders:removeDiscount': ({ orderId, discountId }) => removeDiscount(ctx, orderId, discountId),
    'settings:discountLimit': () => ({ percent: discountLimitPercent(ctx.db) }),
    'settings:setDiscountLimit': ({ percent }) =>
      ctx.db.transaction(() => {
        writeSetting(ctx.db, DISCOUNT_LIMIT_SETTING, String(percent))
        audit(ctx.db, ctx.now(), { actor: 'manager', action: 'settings.discount_limit', entityType: 'setting', entityId: DISCOUNT_LIMIT_SETTING, detail: { percent } })
        return { percent }
      })(),
    'reports:discounts': (input) => discountTotals(ctx.db, { ...input, timeZone: input.timeZone ?? readShopLocale(ctx.db).timeZone }),
  }
}
