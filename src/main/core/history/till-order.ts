import type { OrderListRow, OrderSort, OrderSortKey } from '@shared/history'
import type { CursorValues } from './cursor'

// Pure: the one order rows of several tills are listed in, and how this till's own history engine (keyed by its
// order ids alone) continues after a cursor of that order. The order is the sort's columns, then the till's
// installation id, then the order id; it matches SQLite's, byte for byte: names compare as COLLATE NOCASE does
// (ASCII letters folded, then UTF-8 bytes), other text as UTF-8 bytes.

const SORT_VALUES: Record<OrderSortKey, (row: OrderListRow) => Array<string | number>> = {
  created: (row) => [row.createdAt],
  amount: (row) => [row.amount],
  customer: (row) => [row.customerName],
  status: (row) => [row.status, row.createdAt],
}

const asciiLower = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase())

function compareValues(a: string | number, b: string | number, nocase: boolean): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const [left, right] = nocase ? [asciiLower(String(a)), asciiLower(String(b))] : [String(a), String(b)]
  return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'))
}

/** Compares two rows' places in the order (their cursor values), in the sort's direction. */
export function compareCursorValues(sort: OrderSort, left: CursorValues, right: CursorValues): number {
  for (let index = 0; index < left.length; index++) {
    const nocase = sort.key === 'customer' && index === 0
    const difference = compareValues(left[index]!, right[index]!, nocase)
    if (difference !== 0) return (sort.direction === 'desc' ? -1 : 1) * Math.sign(difference)
  }
  return 0
}

export interface RowOrder {
  compare(a: OrderListRow, b: OrderListRow): number
  /** The row's place in the order: what a cursor carries. */
  cursorOf(row: OrderListRow): CursorValues
}

/** `own`: this till's installation id, for its rows (which carry no `till`). */
export function historyRowOrder(sort: OrderSort, own: string): RowOrder {
  const cursorOf = (row: OrderListRow): CursorValues => [...SORT_VALUES[sort.key](row), row.till ?? own, row.id]
  return { cursorOf, compare: (a, b) => compareCursorValues(sort, cursorOf(a), cursorOf(b)) }
}

/**
 * This till's history pages by (sort columns, order id). Its rows after a merged cursor (sort columns, till, id)
 * are: with the same till, those after (columns, id); with a till ordered before ours in the sort's direction,
 * every row whose columns are not before the cursor's; with one after ours, only rows whose columns are strictly
 * after. Order ids are positive, so 0 and the largest safe integer stand for "before every id" and "after every id".
 */
export function localCursorAfter(sort: OrderSort, after: CursorValues, own: string): CursorValues {
  const columns = after.slice(0, -2)
  const till = after.at(-2) as string
  if (till === own) return [...columns, after.at(-1)!]
  const ownComesFirst = compareValues(own, till, false) < 0
  const descending = sort.direction === 'desc'
  // Descending: the local row (c, own, id) comes after (c, till, x) only when own < till, for any id.
  const everyIdWithSameColumns = descending ? ownComesFirst : !ownComesFirst
  return [...columns, everyIdWithSameColumns === descending ? Number.MAX_SAFE_INTEGER : 0]
}
