import { audit } from './audit'
import { inTransaction, type CoreContext } from './context'
import type { Db } from './store/db'
import { readSetting, writeSetting } from './settings'

export const SHOP_ADDRESS_SETTING = 'shop_address'
export const SHOP_TAX_ID_SETTING = 'shop_tax_id'

export interface ReceiptDetails {
  shopAddress: string
  shopTaxId: string
}

export function readReceiptDetails(db: Db): ReceiptDetails {
  return { shopAddress: readSetting(db, SHOP_ADDRESS_SETTING) ?? '', shopTaxId: readSetting(db, SHOP_TAX_ID_SETTING) ?? '' }
}

/**
 * The shop's address and tax id, printed on every receipt: a receipt is a document customers keep (and may need for
 * tax), so the change is audited. Lines are trimmed and blank ones dropped; an empty value prints nothing.
 */
export function setReceiptDetails(ctx: CoreContext, input: { address: string; taxId: string }, actor: string): void {
  const next: ReceiptDetails = {
    shopAddress: input.address
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join('\n'),
    shopTaxId: input.taxId.trim(),
  }
  inTransaction(ctx, (queue) => {
    const before = readReceiptDetails(ctx.db)
    if (before.shopAddress === next.shopAddress && before.shopTaxId === next.shopTaxId) return
    writeSetting(ctx.db, SHOP_ADDRESS_SETTING, next.shopAddress)
    writeSetting(ctx.db, SHOP_TAX_ID_SETTING, next.shopTaxId)
    audit(ctx.db, ctx.now(), { actor, action: 'settings.receipt_details_changed', entityType: 'setting', entityId: 'receipt_details', detail: { from: before, to: next } })
    // Open windows re-read the app's info (receipts, Settings) on this event, as for the shop's name.
    queue({ type: 'live.changed' })
  })
}
