import { audit } from './audit'
import { inTransaction, type CoreContext } from './context'
import { readSetting, writeSetting } from './settings'

export const SHOP_NAME_SETTING = 'shop_name'

/** The name printed on receipts and shown in the top bar; audited, since a receipt is a document customers keep. */
export function setShopName(ctx: CoreContext, shopName: string, actor: string): void {
  inTransaction(ctx, (queue) => {
    const before = readSetting(ctx.db, SHOP_NAME_SETTING) ?? null
    if (before === shopName) return
    writeSetting(ctx.db, SHOP_NAME_SETTING, shopName)
    audit(ctx.db, ctx.now(), { actor, action: 'settings.shop_name_changed', entityType: 'setting', entityId: SHOP_NAME_SETTING, detail: { from: before, to: shopName } })
    queue({ type: 'live.changed' })
  })
}
