// Dates and times in the shop's locale and time zone (Settings), on every screen: one look, one calendar, whatever
// the zone or language of the machine showing them. Set once the app's info is known, and again when it changes.
import { localDay, startOfDay } from '@shared/zoned-days'

let shop = { locale: 'en-GB', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }
const cache = new Map<string, Intl.DateTimeFormat>()

export function setShopFormat(locale: string, timeZone: string) {
  if (shop.locale === locale && shop.timeZone === timeZone) return
  shop = { locale, timeZone }
  cache.clear()
}

export const shopTimeZone = () => shop.timeZone

function format(name: string, options: Intl.DateTimeFormatOptions, at: number): string {
  let formatter = cache.get(name)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(shop.locale, { ...options, timeZone: shop.timeZone })
    cache.set(name, formatter)
  }
  return formatter.format(at)
}

export const formatDateTime = (at: number) => format('dateTime', { dateStyle: 'medium', timeStyle: 'short' }, at)
export const formatShortDateTime = (at: number) => format('short', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }, at)
export const formatDate = (at: number) => format('date', { dateStyle: 'medium' }, at)
export const formatTime = (at: number) => format('time', { timeStyle: 'short' }, at)

/** The shop's calendar date at `at` (default now), YYYY-MM-DD. */
export const shopDay = (at = Date.now()) => localDay(at, shop.timeZone)
/** The first instant of that shop day, unix ms. */
export const shopDayStart = (day: string) => startOfDay(day, shop.timeZone)
