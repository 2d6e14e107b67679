import type { CurrencyRevenue, RevenueDay } from '@shared/insight'
import { formatMoney } from '@shared/money'
import { formatLongDay, formatShortDay, shopDay } from '../../app/shop-format'

// A report day is a date on the shop's calendar, not an instant: shown in the shop's date style (Settings).
export const dayLabel = formatShortDay
export const longDayLabel = formatLongDay

/** The shop's calendar date today, YYYY-MM-DD (its zone from Settings, not this machine's). */
export const localToday = () => shopDay()

/** What a screen reader hears for the day chart: the totals and the best day, in words. */
export function dayChartSummary(revenue: CurrencyRevenue, from: string, to: string): string {
  const money = (amount: number) => formatMoney(amount, revenue.currency)
  const best = revenue.days.reduce<RevenueDay | null>((top, day) => (day.net > (top?.net ?? 0) ? day : top), null)
  return (
    `Revenue per day in ${revenue.currency} from ${longDayLabel(from)} to ${longDayLabel(to)}: ` +
    `gross ${money(revenue.gross)}, refunds ${money(revenue.refunds)}, net ${money(revenue.net)}.` +
    (best ? ` Best day ${longDayLabel(best.day)} with ${money(best.net)} net.` : '')
  )
}

export function courseChartSummary(revenue: CurrencyRevenue): string {
  const top = revenue.courses.slice(0, 3).map((c) => `${c.title} ${formatMoney(c.net, revenue.currency)}`)
  return `Net revenue per course in ${revenue.currency}, ${revenue.courses.length} course${revenue.courses.length === 1 ? '' : 's'}` + (top.length ? `; highest: ${top.join(', ')}.` : '.')
}

/** SVG text does not wrap or clip: long course titles are shortened, the full title goes in a tooltip. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}
