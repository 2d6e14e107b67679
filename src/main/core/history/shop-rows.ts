import type { OrderSort, OrderSortKey } from '@shared/history'
import type { CursorValues } from './cursor'
import type { HistoryQuery, SearchText } from './filters'
import type { Sql } from './query-build'

// Pure SQL over the other tills' orders as pulled (shop_order_copy and its siblings, store migrations 018, 019, 028),
// with the same filters, sorts and keyset paging as this till's history. Rows of all tills are ordered by the sort's
// columns, then the till's installation id, then its order id: the copy's key, so the order is total and a cursor
// continues exactly. User input reaches SQLite only as bound parameters.

/** What the shop reader filters on: the history filters, the search as typed, and optionally one till. */
export interface ShopQuery extends Omit<HistoryQuery, 'text'> {
  text: SearchText | null
  /** One other till's orders; null: every other till's. */
  installation: string | null
}

/** The sort's columns over the copy, tie-broken by its key (installation, order_id). */
export const SHOP_SORT_COLUMNS: Record<OrderSortKey, readonly string[]> = {
  created: ['h.created_at', 'h.installation', 'h.order_id'],
  amount: ['h.amount', 'h.installation', 'h.order_id'],
  // As this till's history sorts names (order_history.customer_name is COLLATE NOCASE).
  customer: ['h.customer_name COLLATE NOCASE', 'h.installation', 'h.order_id'],
  status: ['h.status', 'h.created_at', 'h.installation', 'h.order_id'],
}

const INDEX_FOR_SORT: Record<OrderSortKey, string> = {
  created: 'shop_order_copy_created',
  amount: 'shop_order_copy_amount',
  customer: 'shop_order_copy_customer',
  status: 'shop_order_copy_status',
}

/**
 * A search for one order, payment or customer reads the few rows it names (the planner takes the equality's index);
 * otherwise the sort's own index, filtering as it goes, so a first page never sorts every copied order. One till's
 * newest first reads that till's own range.
 */
function indexFor(q: ShopQuery, sort: OrderSort): string {
  if (q.text?.kind === 'order' || q.text?.kind === 'intent') return ''
  // One customer's orders by email, even within one till (whose own index would read all of that till's orders).
  if (q.accountId !== null) return ' INDEXED BY shop_order_copy_email'
  if (q.installation !== null && sort.key === 'created') return ' INDEXED BY shop_order_copy_till'
  return ` INDEXED BY ${INDEX_FOR_SORT[sort.key]}`
}

const part = (text: string, ...params: unknown[]): Sql => ({ text, params })
const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ')
const sameOrder = (alias: string) => `${alias}.installation = h.installation AND ${alias}.order_id = h.order_id`

export function shopPredicates(q: ShopQuery): Sql[] {
  const parts: Sql[] = []
  // A search for one payment is led by the payments' index (the + keeps SQLite from reading the till's range instead).
  if (q.installation !== null) parts.push(part(q.text?.kind === 'intent' ? '+h.installation = ?' : 'h.installation = ?', q.installation))
  if (q.from !== null) parts.push(part('h.created_at >= ?', q.from))
  if (q.to !== null) parts.push(part('h.created_at <= ?', q.to))
  if (q.statuses) parts.push(part(`h.status IN (${placeholders(q.statuses.length)})`, ...q.statuses))
  if (q.methods) parts.push(part(`h.methods IN (${placeholders(q.methods.length)})`, ...q.methods))
  // This till's customer is the same person at every till by email (one person, one customer).
  if (q.accountId !== null) parts.push(part('h.email = (SELECT email FROM account WHERE id = ?)', q.accountId))
  // Courses are one catalog across the shop, known by code.
  // (The orders holding it are listed once per statement from the lines' course index, then probed by key.)
  if (q.courseId !== null) {
    parts.push(part('(h.installation, h.order_id) IN (SELECT installation, order_id FROM shop_order_item_copy WHERE course_code = (SELECT code FROM course WHERE id = ?))', q.courseId))
  }
  const text = q.text
  if (text?.kind === 'order') parts.push(part('h.order_id = ?', text.orderId))
  // The few orders holding that intent, found from the payments' index and fetched by key.
  if (text?.kind === 'intent') parts.push(part('(h.installation, h.order_id) IN (SELECT installation, order_id FROM shop_payment_copy WHERE stripe_payment_intent_id = ?)', text.intentId))
  if (text?.kind === 'customer') parts.push(part("(h.customer_name LIKE ? ESCAPE '\\' OR h.email LIKE ? ESCAPE '\\')", text.pattern, text.pattern))
  return parts
}

/** (sort columns…, installation, order_id) after the cursor's, in the sort's direction. */
export function shopKeyset(sort: OrderSort, after: CursorValues): Sql {
  const columns = SHOP_SORT_COLUMNS[sort.key]
  return part(`(${columns.join(', ')}) ${sort.direction === 'desc' ? '<' : '>'} (${placeholders(columns.length)})`, ...after)
}

export function shopOrderBy(sort: OrderSort): string {
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC'
  return SHOP_SORT_COLUMNS[sort.key].map((column) => `${column} ${direction}`).join(', ')
}

const where = (parts: readonly Sql[]) => (parts.length ? ` WHERE ${parts.map((p) => p.text).join(' AND ')}` : '')

// An order's lines in sale order: read by order (store migration 029's index) and sorted, never by walking the
// copy's primary key (installation, item_id) for the order-by, which would read every line of the till per row.
const LINES = 'shop_order_item_copy i INDEXED BY shop_order_item_copy_lines'

const ROW_COLUMNS = `h.installation, h.order_id, h.created_at, h.status, h.kind, h.customer_name, h.email AS customer_email,
       h.currency, h.amount, h.paid, h.refunded, h.methods`

/** One page (limit rows) in the sort's order after `after`, with what a grid row shows. */
export function buildShopPageQuery(q: ShopQuery, sort: OrderSort, after: CursorValues | null, limit: number): Sql {
  const parts = [...shopPredicates(q), ...(after ? [shopKeyset(sort, after)] : [])]
  return {
    text: `SELECT ${ROW_COLUMNS},
       coalesce((SELECT id FROM account WHERE email = h.email LIMIT 1), 0) AS account_id,
       (SELECT count(*) FROM shop_order_item_copy i WHERE ${sameOrder('i')}) AS item_count,
       (SELECT json_group_array(title) FROM (SELECT title FROM ${LINES} WHERE ${sameOrder('i')} ORDER BY item_id LIMIT 3)) AS first_titles
  FROM shop_order_copy h${indexFor(q, sort)}${where(parts)}
 ORDER BY ${shopOrderBy(sort)} LIMIT ?`,
    params: [...parts.flatMap((p) => p.params), limit],
  }
}

/** Every matching row in the sort's order, with what a CSV line holds (export-orders.ts). */
export function buildShopExportQuery(q: ShopQuery, sort: OrderSort): Sql {
  const parts = shopPredicates(q)
  return {
    text: `SELECT ${ROW_COLUMNS},
       (SELECT count(*) FROM shop_order_item_copy i WHERE ${sameOrder('i')}) AS item_count,
       (SELECT group_concat(title, '; ') FROM (SELECT title FROM ${LINES} WHERE ${sameOrder('i')} ORDER BY item_id)) AS titles,
       coalesce((SELECT sum(amount) FROM shop_order_discount_copy d WHERE ${sameOrder('d')}), 0) AS discount
  FROM shop_order_copy h${indexFor(q, sort)}${where(parts)}
 ORDER BY ${shopOrderBy(sort)}`,
    params: parts.flatMap((p) => p.params),
  }
}

/** Counts and sums per currency. */
export function buildShopTotalsQuery(q: ShopQuery): Sql {
  const parts = shopPredicates(q)
  return {
    text: `SELECT currency, count(*) AS orders, sum(amount) AS amount, sum(paid) AS paid, sum(refunded) AS refunded
  FROM shop_order_copy h${where(parts)} GROUP BY currency`,
    params: parts.flatMap((p) => p.params),
  }
}

/** Counts and sums per currency from the copies' per-day table, for whole UTC days and the till, status and method filters. */
export function buildShopDayTotalsQuery(q: ShopQuery, days: { first: number | null; last: number | null }): Sql {
  const parts: Sql[] = []
  if (q.installation !== null) parts.push(part('installation = ?', q.installation))
  if (days.first !== null) parts.push(part('day >= ?', days.first))
  if (days.last !== null) parts.push(part('day <= ?', days.last))
  if (q.statuses) parts.push(part(`status IN (${placeholders(q.statuses.length)})`, ...q.statuses))
  if (q.methods) parts.push(part(`methods IN (${placeholders(q.methods.length)})`, ...q.methods))
  return {
    text: `SELECT currency, sum(orders) AS orders, sum(amount) AS amount, sum(paid) AS paid, sum(refunded) AS refunded
  FROM shop_order_day_total${where(parts)} GROUP BY currency`,
    params: parts.flatMap((p) => p.params),
  }
}
