import type { OrderStatus } from '@shared/domain'
import { DEFAULT_ORDER_SORT, DEFAULT_PAGE_SIZE, type OrderFilters, type OrderListRow, type OrderPage, type OrderSort } from '@shared/history'
import type { Db } from '../store/db'
import { decodeCursor, encodeCursor, SORT_COLUMNS, type CursorValues } from './cursor'
import { methodsOf, normalizeFilters, parseSearchText, type HistoryQuery } from './filters'
import { chooseDriver, probesFor, SMALL_SET, type Driver, type Probe } from './plan'
import { buildPageQuery, buildProbeQuery } from './query-build'
import { historyStatement } from './statements'

/** Up to this many matching customers are listed by id, so their orders are read by customer instead of scanning. */
export const MAX_LISTED_ACCOUNTS = 20_000

export interface ListInput {
  filters?: OrderFilters
  sort?: OrderSort
  cursor?: string
  limit?: number
}

/** Resolves the search box against the store: which customers a name or email fragment means. */
export function resolveQuery(db: Db, filters: OrderFilters = {}): HistoryQuery {
  const base = normalizeFilters(filters)
  const text = parseSearchText(filters.text)
  if (text?.kind !== 'customer') return { ...base, text }
  const ids = historyStatement(db, "SELECT id FROM account WHERE name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\' LIMIT ?")
    .pluck()
    .all(text.pattern, text.pattern, MAX_LISTED_ACCOUNTS + 1) as number[]
  return { ...base, text: { ...text, ids: ids.length > MAX_LISTED_ACCOUNTS ? null : ids } }
}

const PROBE_DRIVERS: Record<Probe, Driver> = { course: 'course', arms: 'arms', range: 'created' }

/** Counts (up to just past SMALL_SET) for the filters that might drive this read instead of the sort's index. */
function probeCounts(db: Db, q: HistoryQuery, probes: Probe[]): Partial<Record<Probe, number>> {
  const counts: Partial<Record<Probe, number>> = {}
  for (const probe of probes) {
    const own: HistoryQuery = {
      statuses: probe === 'arms' ? q.statuses : null,
      methods: probe === 'arms' ? q.methods : null,
      from: q.from,
      to: q.to,
      accountId: null,
      courseId: probe === 'course' ? q.courseId : null,
      text: null,
    }
    const { text, params } = buildProbeQuery(own, PROBE_DRIVERS[probe], SMALL_SET + 1)
    counts[probe] = historyStatement(db, text).pluck().get(...params) as number
  }
  return counts
}

export function planRead(db: Db, q: HistoryQuery, sort: OrderSort): Driver {
  return chooseDriver(q, sort.key, probeCounts(db, q, probesFor(q, sort.key)))
}

/** A grid row as the page queries return it (this till's history; other tills' copies add their till and kind). */
export interface PageRow {
  order_id: number
  created_at: number
  status: OrderStatus
  account_id: number
  customer_name: string
  customer_email: string
  currency: string
  amount: number
  paid: number
  refunded: number
  methods: number
  item_count: number
  first_titles: string
}

/** One page of orders in the requested order, continuing after `cursor`. */
export function listOrders(db: Db, input: ListInput): OrderPage {
  const sort = input.sort ?? DEFAULT_ORDER_SORT
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor, sort)
  const q = resolveQuery(db, input.filters)
  return readPage(db, { q, driver: planRead(db, q, sort), sort, after, limit: input.limit ?? DEFAULT_PAGE_SIZE })
}

/** A page through a given driver: any driver that applies gives the same rows, only the cost differs. */
export function readPage(db: Db, read: { q: HistoryQuery; driver: Driver; sort: OrderSort; after: CursorValues | null; limit: number }): OrderPage {
  const { sort, limit } = read
  // One row more than asked says whether another page exists without counting.
  const { text, params } = buildPageQuery({ ...read, limit: limit + 1 })
  const rows = historyStatement(db, text).all(...params) as PageRow[]
  const last = rows.length > limit ? rows[limit - 1] : undefined
  const page = rows.slice(0, limit)
  const kinds = orderKinds(db, page.map((row) => row.order_id))
  return {
    rows: page.map((row) => ({ ...toListRow(row), kind: kinds.get(row.order_id) ?? 'sale' })),
    nextCursor: last ? encodeCursor(sort, SORT_COLUMNS[sort.key].map((name) => last[name as keyof PageRow])) : null,
  }
}

/** The page's orders that are not till sales, by primary key (a page is at most a few hundred rows). */
function orderKinds(db: Db, ids: number[]): Map<number, OrderListRow['kind']> {
  if (ids.length === 0) return new Map()
  const rows = db.prepare(`SELECT id, kind FROM purchase_order WHERE kind <> 'sale' AND id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{ id: number; kind: OrderListRow['kind'] }>
  return new Map(rows.map((row) => [row.id, row.kind]))
}

export function toListRow(row: PageRow): Omit<OrderListRow, 'kind'> {
  return {
    id: row.order_id,
    createdAt: row.created_at,
    status: row.status,
    accountId: row.account_id,
    customerName: row.customer_name,
    customerEmail: row.customer_email,
    itemCount: row.item_count,
    firstTitles: JSON.parse(row.first_titles) as string[],
    amount: row.amount,
    currency: row.currency,
    paid: row.paid,
    refunded: row.refunded,
    methods: methodsOf(row.methods),
  }
}
