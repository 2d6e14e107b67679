import { invalidInput } from '@shared/errors'
import { isTimeZone } from '@shared/insight'
import { audit } from './audit'
import { inTransaction, type CoreContext } from './context'
import type { Db } from './store/db'
import { readSetting, writeSetting } from './settings'

const TIME_ZONE_SETTING = 'shop_time_zone'
const LOCALE_SETTING = 'shop_locale'

export interface ShopLocale {
  /** IANA zone the shop's days are counted in (reports, date filters, receipts), whatever the machine says. */
  timeZone: string
  /** BCP 47 tag for dates and numbers on every screen, e.g. en-GB. */
  locale: string
}

/** The shop's zone and locale; until a manager sets them, the zone this till runs in and British English. */
export function readShopLocale(db: Db): ShopLocale {
  return {
    timeZone: readSetting(db, TIME_ZONE_SETTING) ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    locale: readSetting(db, LOCALE_SETTING) ?? 'en-GB',
  }
}

export function setShopLocale(ctx: CoreContext, next: ShopLocale, actor: string): ShopLocale {
  if (!isTimeZone(next.timeZone)) throw invalidInput(`"${next.timeZone}" is not a time zone: use a name such as Europe/London`, { field: 'timeZone' })
  let locale: string
  try {
    locale = Intl.getCanonicalLocales(next.locale)[0] ?? ''
  } catch {
    locale = ''
  }
  if (!locale) throw invalidInput(`"${next.locale}" is not a language and region such as en-GB`, { field: 'locale' })
  return inTransaction(ctx, (queue) => {
    const before = readShopLocale(ctx.db)
    writeSetting(ctx.db, TIME_ZONE_SETTING, next.timeZone)
    writeSetting(ctx.db, LOCALE_SETTING, locale)
    audit(ctx.db, ctx.now(), { actor, action: 'settings.shop_locale_changed', entityType: 'setting', entityId: TIME_ZONE_SETTING, detail: { from: before, to: { timeZone: next.timeZone, locale } } })
    queue({ type: 'live.changed' })
    return { timeZone: next.timeZone, locale }
  })
}
