import { ORDER_STATUSES } from '@shared/domain'
import { invalidInput } from '@shared/errors'
import { INSTALLATION_ID, type OrderSort, type OrderSortKey } from '@shared/history'

// Keyset paging: a cursor is the last row's sort values (ending with its id), so the next page starts right after
// it whatever was inserted since, and reading page 5,000 costs what page 1 does (no OFFSET).

export type CursorValues = Array<string | number>

/** The row fields each sort orders by, tie-break last (order_history column names). */
export const SORT_COLUMNS: Record<OrderSortKey, readonly string[]> = {
  created: ['created_at', 'order_id'],
  amount: ['amount', 'order_id'],
  customer: ['customer_name', 'order_id'],
  status: ['status', 'created_at', 'order_id'],
}

type Kind = 'int' | 'text' | 'status' | 'till'
const KINDS: Record<OrderSortKey, readonly Kind[]> = {
  created: ['int', 'int'],
  amount: ['int', 'int'],
  customer: ['text', 'int'],
  status: ['status', 'int', 'int'],
}

export function encodeCursor(sort: OrderSort, values: CursorValues): string {
  return Buffer.from(JSON.stringify({ k: sort.key, d: sort.direction, v: values }), 'utf8').toString('base64url')
}

/**
 * The values to continue after; refuses cursors that are malformed or were made for another sort. Pages across
 * tills (shop mode) order by the till's installation id before the order id, so their cursors carry it there.
 */
export function decodeCursor(cursor: string, sort: OrderSort, acrossTills = false): CursorValues {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw badCursor()
  }
  const { k, d, v } = (parsed ?? {}) as { k?: unknown; d?: unknown; v?: unknown }
  if (k !== sort.key || d !== sort.direction) {
    throw invalidInput('This cursor belongs to another sort order; start again from the first page')
  }
  const kinds: readonly Kind[] = acrossTills ? [...KINDS[sort.key].slice(0, -1), 'till', 'int'] : KINDS[sort.key]
  if (!Array.isArray(v) || v.length !== kinds.length || !v.every((value, index) => fits(value, kinds[index]!))) throw badCursor()
  return v as CursorValues
}

function fits(value: unknown, kind: Kind): boolean {
  if (kind === 'int') return Number.isSafeInteger(value)
  if (kind === 'status') return (ORDER_STATUSES as readonly unknown[]).includes(value)
  if (kind === 'till') return typeof value === 'string' && INSTALLATION_ID.test(value)
  return typeof value === 'string' && value.length <= 200
}

const badCursor = () => invalidInput('The cursor is not one this till gave out; start again from the first page')
