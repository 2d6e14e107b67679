import type { OrderSort } from './history'

/**
 * "Go to date" in Orders: the list as if scrolled to a day. Sorted by date, it starts at that day's orders —
 * newest first it shows that day and older ones (to = the day), oldest first that day and newer ones (from = the
 * day). A list sorted by something else is sorted by date, newest first. Other filters are the caller's to keep.
 */
export function jumpToDate(date: string, sort: OrderSort): { from: string; to: string; sort: OrderSort } {
  const byDate: OrderSort = sort.key === 'created' ? sort : { key: 'created', direction: 'desc' }
  return byDate.direction === 'desc' ? { from: '', to: date, sort: byDate } : { from: date, to: '', sort: byDate }
}
