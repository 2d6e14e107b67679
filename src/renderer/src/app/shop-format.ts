// Dates and times in the shop's locale and time zone (Settings), on every screen: one look, one calendar, whatever
// the zone or language of the machine showing them. Set once the app's info is known, and again when it changes.
import { localDay, startOfDay } from '@shared/zoned-days'

let shop = { locale: 'en-GB', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }
const cache = new Map<string, Intl.DateTimeFormat>()

export function setShopFormat(locale: string, timeZone: string) {
  if (shop.locale === locale && shop.timeZone === timeZone) return
  shop = { locale, timeZone }
  cache.clear()
  calendarCache.clear()
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

// Calendar dates (a report's day YYYY-MM-DD, its month YYYY-MM) are not instants: they are formatted in the shop's
// date style at UTC midnight, so no zone moves them to the day before.
const calendarCache = new Map<string, Intl.DateTimeFormat>()

function calendar(name: string, options: Intl.DateTimeFormatOptions, isoDate: string): string {
  let formatter = calendarCache.get(name)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(shop.locale, { ...options, timeZone: 'UTC' })
    calendarCache.set(name, formatter)
  }
  return formatter.format(Date.parse(`${isoDate}T00:00:00Z`))
}

/** 2026-12-01 → "1 Dec" (en-GB), "Dec 1" (en-US), "1. Dez." (de-DE). */
export const formatShortDay = (day: string) => calendar('shortDay', { day: 'numeric', month: 'short' }, day)
/** 2026-12-01 → "1 Dec 2026" (en-GB), "Dec 1, 2026" (en-US). */
export const formatLongDay = (day: string) => calendar('longDay', { day: 'numeric', month: 'short', year: 'numeric' }, day)
/** 2026-12 → "December 2026" in the shop's language. */
export const formatMonth = (month: string) => calendar('month', { month: 'long', year: 'numeric' }, `${month}-01`)
