import type { OrderSortKey } from '@shared/history'
import type { HistoryQuery } from './filters'

// Pure: which index drives a read. SQLite's planner guesses from statistics that a fresh or freshly migrated store
// does not have, and with ORDER BY … LIMIT a wrong guess costs a sort of a million rows; choosing here keeps
// every first page a short index range.
//
// - order / intent: the search named one order.     - account: one customer's orders, by date.
// - accounts: the orders of the customers a search matched, read customer by customer and sorted afterwards.
// - course: order_history_course, by date.          - arms: one (status, methods) range per allowed pair, each by date.
// - created / customer / amount: the sort's own index, filtering as it goes.
export type Driver = 'order' | 'account' | 'accounts' | 'course' | 'arms' | 'created' | 'customer' | 'amount'

/** A driver that may replace the sort's own index when it holds few rows (it is then sorted in memory). */
export type Probe = 'course' | 'arms' | 'range'

/** Up to this many rows, reading a filter's rows and sorting them beats walking the sort's index past non-matches. */
export const SMALL_SET = 5_000
/** A page sorts all the orders of the customers a search matched up to this many customers (~8 orders each). */
export const LISTED_ACCOUNTS_FOR_PAGES = 2_000

export function hasStatusOrMethod(q: HistoryQuery): boolean {
  return q.statuses !== null || q.methods !== null
}

/** The probes chooseDriver may consult for this query and sort (none for the common date-sorted case). */
export function probesFor(q: HistoryQuery, sortKey: OrderSortKey): Probe[] {
  if (boundedDriver(q) !== null || sortKey === 'created') return []
  const probes: Probe[] = []
  if (q.courseId !== null) probes.push('course')
  if (hasStatusOrMethod(q) && sortKey !== 'status') probes.push('arms')
  if (q.from !== null || q.to !== null) probes.push('range')
  return probes
}

/** Drivers that read at most a customer's or a search's worth of rows, whatever the sort. */
function boundedDriver(q: HistoryQuery, maxAccounts = LISTED_ACCOUNTS_FOR_PAGES): Driver | null {
  if (q.text?.kind === 'order' || q.text?.kind === 'intent') return 'order'
  if (q.accountId !== null) return 'account'
  if (q.text?.kind === 'customer' && q.text.ids !== null && q.text.ids.length <= maxAccounts) return 'accounts'
  return null
}

/** `counts` holds each probe's row count (capped just above SMALL_SET). */
export function chooseDriver(q: HistoryQuery, sortKey: OrderSortKey, counts: Partial<Record<Probe, number>> = {}): Driver {
  const bounded = boundedDriver(q)
  if (bounded) return bounded
  if (sortKey === 'created') {
    if (q.courseId !== null) return 'course'
    return hasStatusOrMethod(q) ? 'arms' : 'created'
  }
  const small = (probe: Probe) => (counts[probe] ?? Infinity) <= SMALL_SET
  if (q.courseId !== null && small('course')) return 'course'
  if (hasStatusOrMethod(q) && small('arms')) return 'arms'
  if ((q.from !== null || q.to !== null) && small('range')) return 'created'
  if (sortKey === 'status') return 'arms'
  return sortKey
}

/** For totals and counts no order matters: the driver with the fewest rows likely to be read. */
export function chooseCountDriver(q: HistoryQuery): Driver {
  const bounded = boundedDriver(q, Infinity)
  if (bounded) return bounded
  if (q.courseId !== null) return 'course'
  return hasStatusOrMethod(q) ? 'arms' : 'created'
}
