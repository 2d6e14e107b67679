// Billing period arithmetic in UTC, as Stripe anchors subscriptions: a monthly period started on
// Jan 31 ends on Feb 28/29 (clamped), then Mar 31 (the anchor day comes back).

export type Interval = 'day' | 'week' | 'month' | 'year'

const DAY = 24 * 60 * 60

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate()
}

/** End of the `periodIndex`-th period (1 = first) of a subscription anchored at `anchor` (unix seconds). */
export function periodEnd(anchor: number, interval: Interval, intervalCount: number, periodIndex: number): number {
  const steps = intervalCount * periodIndex
  if (interval === 'day') return anchor + steps * DAY
  if (interval === 'week') return anchor + steps * 7 * DAY
  const start = new Date(anchor * 1000)
  const months = interval === 'month' ? steps : steps * 12
  const targetMonth = start.getUTCMonth() + months
  const year = start.getUTCFullYear() + Math.floor(targetMonth / 12)
  const month = ((targetMonth % 12) + 12) % 12
  const day = Math.min(start.getUTCDate(), daysInMonth(year, month))
  return Date.UTC(year, month, day, start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds()) / 1000
}
