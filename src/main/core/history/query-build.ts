import { ORDER_STATUSES } from '@shared/domain'
import type { OrderSort } from '@shared/history'
import { SORT_COLUMNS, type CursorValues } from './cursor'
import { ALL_METHOD_SETS, type HistoryQuery } from './filters'
import type { Driver } from './plan'

// Pure SQL building. User input only ever reaches SQLite as bound parameters: the text below is assembled from
// fixed fragments, whitelisted column names and one "?" per bound value.

export interface Sql {
  text: string
  params: unknown[]
}

export interface RowsRequest {
  q: HistoryQuery
  driver: Driver
  /** Null when order does not matter (totals, probes). */
  sort: OrderSort | null
  /** Continue after this row (keyset); requires a sort. */
  after?: CursorValues | null
  limit?: number | null
  /** Export rows carry the customer's email and every course title. */
  details?: boolean
}

const ROW_COLUMNS = ['status', 'account_id', 'customer_name', 'currency', 'amount', 'paid', 'refunded', 'methods']
const EXPORT_DETAILS = `,
       (SELECT email FROM account WHERE id = h.account_id) AS customer_email,
       (SELECT count(*) FROM purchase_order_item WHERE order_id = h.order_id) AS item_count,
       (SELECT group_concat(title, '; ') FROM (SELECT title FROM purchase_order_item WHERE order_id = h.order_id ORDER BY id)) AS titles,
       coalesce((SELECT sum(amount) FROM order_discount WHERE order_id = h.order_id), 0) AS discount`

const SOURCES: Record<Driver, string> = {
  order: 'order_history h',
  account: 'order_history h INDEXED BY order_history_account',
  accounts: 'order_history h INDEXED BY order_history_account',
  course: 'order_history_course c CROSS JOIN order_history h ON h.order_id = c.order_id',
  arms: 'order_history h INDEXED BY order_history_status_methods',
  created: 'order_history h INDEXED BY order_history_created',
  customer: 'order_history h INDEXED BY order_history_customer',
  amount: 'order_history h INDEXED BY order_history_amount',
}

/** order_history_course repeats created_at and order_id in its key: reading them from it keeps its order usable. */
function column(name: string, driver: Driver): string {
  return driver === 'course' && (name === 'created_at' || name === 'order_id') ? `c.${name}` : `h.${name}`
}

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ')
const part = (text: string, ...params: unknown[]): Sql => ({ text, params })

/** The filters as predicates, minus what the driver already applies by the range it reads. */
export function predicates(q: HistoryQuery, driver: Driver): Sql[] {
  const parts: Sql[] = []
  const created = column('created_at', driver)
  if (q.from !== null) parts.push(part(`${created} >= ?`, q.from))
  if (q.to !== null) parts.push(part(`${created} <= ?`, q.to))
  if (driver !== 'arms' && q.statuses) parts.push(part(`h.status IN (${placeholders(q.statuses.length)})`, ...q.statuses))
  if (driver !== 'arms' && q.methods) parts.push(part(`h.methods IN (${placeholders(q.methods.length)})`, ...q.methods))
  if (q.accountId !== null) parts.push(part('h.account_id = ?', q.accountId))
  if (q.courseId !== null) {
    parts.push(
      driver === 'course'
        ? part('c.course_id = ?', q.courseId)
        : part('EXISTS (SELECT 1 FROM purchase_order_item i WHERE i.order_id = h.order_id AND i.course_id = ?)', q.courseId),
    )
  }
  const text = q.text
  if (text?.kind === 'order') parts.push(part('h.order_id = ?', text.orderId))
  if (text?.kind === 'intent') parts.push(part('h.order_id IN (SELECT order_id FROM payment WHERE stripe_payment_intent_id = ?)', text.intentId))
  if (text?.kind === 'customer') {
    parts.push(driver === 'accounts' ? part('h.account_id IN (SELECT value FROM json_each(?))', JSON.stringify(text.ids)) : part('h.account_id IN matched_accounts'))
  }
  return parts
}

/**
 * A search matching too many customers to list is read as orders go by: the matching customers are collected once
 * per statement (not once per arm), then each order's customer is looked up among them.
 */
function prelude(q: HistoryQuery, driver: Driver): Sql {
  if (q.text?.kind !== 'customer' || driver === 'accounts') return part('')
  return part(
    "WITH matched_accounts(id) AS MATERIALIZED (SELECT id FROM account WHERE name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\') ",
    q.text.pattern,
    q.text.pattern,
  )
}

/** (a, b, id) < (?, ?, ?) for a descending sort, > for ascending: every sort column runs the same way. */
export function keyset(sort: OrderSort, after: CursorValues, driver: Driver): Sql {
  const columns = SORT_COLUMNS[sort.key].map((name) => column(name, driver))
  return part(`(${columns.join(', ')}) ${sort.direction === 'desc' ? '<' : '>'} (${placeholders(columns.length)})`, ...after)
}

export function orderBy(sort: OrderSort, prefix = ''): string {
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC'
  return SORT_COLUMNS[sort.key].map((name) => `${prefix}${name} ${direction}`).join(', ')
}

/** The (status, methods) pairs the arms driver reads, one index range each. */
export function armPairs(q: HistoryQuery): Array<[string, number]> {
  const statuses = q.statuses ?? ORDER_STATUSES
  const methods = q.methods ?? ALL_METHOD_SETS
  return statuses.flatMap((status) => methods.map((bits): [string, number] => [status, bits]))
}

function select(req: RowsRequest, extra: Sql[]): Sql {
  const { driver } = req
  const columns = [
    `${column('order_id', driver)} AS order_id`,
    `${column('created_at', driver)} AS created_at`,
    ...ROW_COLUMNS.map((name) => `h.${name} AS ${name}`),
  ].join(', ')
  const where = [...extra, ...predicates(req.q, driver), ...(req.after && req.sort ? [keyset(req.sort, req.after, driver)] : [])]
  return {
    text: `SELECT ${columns}${req.details ? EXPORT_DETAILS : ''} FROM ${SOURCES[driver]}${where.length ? ` WHERE ${where.map((p) => p.text).join(' AND ')}` : ''}`,
    params: where.flatMap((p) => p.params),
  }
}

/** The arms (or the one select), ordered and limited, without the statement's WITH prelude. */
function rowsBody(req: RowsRequest): Sql {
  const arms = req.driver === 'arms' ? armPairs(req.q).map(([status, bits]) => select(req, [part('h.status = ? AND h.methods = ?', status, bits)])) : [select(req, [])]
  const limit = req.limit ?? null
  const tail = (req.sort ? ` ORDER BY ${orderBy(req.sort)}` : '') + (limit === null ? '' : ' LIMIT ?')
  return {
    text: arms.map((arm) => arm.text).join(' UNION ALL ') + tail,
    params: [...arms.flatMap((arm) => arm.params), ...(limit === null ? [] : [limit])],
  }
}

/** A whole statement: the prelude the rows need, then `wrap` around them. */
function statement(req: RowsRequest, wrap: (rows: string) => string): Sql {
  const head = prelude(req.q, req.driver)
  const rows = rowsBody(req)
  return { text: head.text + wrap(rows.text), params: [...head.params, ...rows.params] }
}

/** The matching rows in sort order (a merge of index ranges for the arms driver), optionally one page of them. */
export function buildRowsSelect(req: RowsRequest): Sql {
  return statement(req, (rows) => rows)
}

/** One page: the rows, then the customer's email and the first course titles for just those rows. */
export function buildPageQuery(req: RowsRequest & { sort: OrderSort; limit: number }): Sql {
  return statement(
    { ...req, details: false },
    (rows) => `SELECT p.*, a.email AS customer_email,
       (SELECT count(*) FROM purchase_order_item WHERE order_id = p.order_id) AS item_count,
       (SELECT json_group_array(title) FROM (SELECT title FROM purchase_order_item WHERE order_id = p.order_id ORDER BY id LIMIT 3)) AS first_titles
  FROM (${rows}) p CROSS JOIN account a ON a.id = p.account_id
 ORDER BY ${orderBy(req.sort, 'p.')}`,
  )
}

/** Counts and sums per currency over the rows the driver reads. */
export function buildTotalsQuery(q: HistoryQuery, driver: Driver): Sql {
  return statement(
    { q, driver, sort: null },
    (rows) => `SELECT currency, count(*) AS orders, sum(amount) AS amount, sum(paid) AS paid, sum(refunded) AS refunded
  FROM (${rows}) GROUP BY currency`,
  )
}

/** Counts and sums per currency from the per-day table, for whole days and the status and method filters only. */
export function buildDayTotalsQuery(q: HistoryQuery, days: { first: number | null; last: number | null }): Sql {
  const where: Sql[] = []
  if (days.first !== null) where.push(part('day >= ?', days.first))
  if (days.last !== null) where.push(part('day <= ?', days.last))
  if (q.statuses) where.push(part(`status IN (${placeholders(q.statuses.length)})`, ...q.statuses))
  if (q.methods) where.push(part(`methods IN (${placeholders(q.methods.length)})`, ...q.methods))
  return {
    text: `SELECT currency, sum(orders) AS orders, sum(amount) AS amount, sum(paid) AS paid, sum(refunded) AS refunded
  FROM order_day_total${where.length ? ` WHERE ${where.map((p) => p.text).join(' AND ')}` : ''} GROUP BY currency`,
    params: where.flatMap((p) => p.params),
  }
}

/** How many rows a driver would read for its own filter, counted no further than `cap`. */
export function buildProbeQuery(q: HistoryQuery, driver: Driver, cap: number): Sql {
  return statement({ q, driver, sort: null, limit: cap }, (rows) => `SELECT count(*) FROM (${rows})`)
}
