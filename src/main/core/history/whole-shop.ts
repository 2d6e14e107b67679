import { ALL_TILLS, DEFAULT_ORDER_SORT, DEFAULT_PAGE_SIZE, type CurrencyTotals, type OrderFilters, type OrderListRow, type OrderPage, type OrderSort, type OrderTotals } from '@shared/history'
import type { OrderKind } from '@shared/recurring'
import type { Db } from '../store/db'
import { readInstallationId } from '../installation'
import { decodeCursor, encodeCursor, type CursorValues } from './cursor'
import { normalizeFilters, parseSearchText, splitByWholeDays } from './filters'
import { listOrders, planRead, readPage, resolveQuery, toListRow, type ListInput, type PageRow } from './list-orders'
import { historyRowOrder, localCursorAfter } from './till-order'
import { buildShopDayTotalsQuery, buildShopPageQuery, buildShopTotalsQuery, type ShopQuery } from './shop-rows'
import type { Sql } from './query-build'
import { historyStatement } from './statements'
import { mergeTotals, orderTotals } from './totals'

// Shop mode: Orders across tills. "This till" (no `till` filter) is the store's own history, untouched. Another
// till's orders are read from the copies pulled from the shop book; "all tills" reads both and merges them page by
// page in one total order (the sort's columns, then installation id, then order id), so paging, sorting, filters,
// totals and the CSV behave the same whichever tills are shown. Offline: only local tables are read.

export type TillScope = { kind: 'this' } | { kind: 'all'; own: string } | { kind: 'other'; installation: string }

export function tillScope(db: Db, filters: OrderFilters | undefined): TillScope {
  const till = filters?.till
  if (till === undefined) return { kind: 'this' }
  const own = readInstallationId(db)
  if (till === own) return { kind: 'this' }
  return till === ALL_TILLS ? { kind: 'all', own } : { kind: 'other', installation: till }
}

/** The filters for the copies: the search as typed (no local customer ids), and which other till if one. */
export function shopQueryOf(filters: OrderFilters = {}, scope: TillScope): ShopQuery {
  return { ...normalizeFilters(filters), text: parseSearchText(filters.text), installation: scope.kind === 'other' ? scope.installation : null }
}

type ShopPageRow = PageRow & { installation: string; kind: OrderKind }

const shopListRow = (row: ShopPageRow): OrderListRow => ({ ...toListRow(row), kind: row.kind, till: row.installation })

/** A page of Orders for the filters' till choice: this till's, another till's, or every till's merged. */
export function listHistory(db: Db, input: ListInput): OrderPage {
  const scope = tillScope(db, input.filters)
  if (scope.kind === 'this') return listOrders(db, input)
  const sort = input.sort ?? DEFAULT_ORDER_SORT
  const limit = input.limit ?? DEFAULT_PAGE_SIZE
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor, sort, true)
  // One row more than asked from each side says whether another page exists.
  const { text, params } = buildShopPageQuery(shopQueryOf(input.filters, scope), sort, after, limit + 1)
  const rows = (historyStatement(db, text).all(...params) as ShopPageRow[]).map(shopListRow)
  if (scope.kind === 'all') rows.push(...ownRows(db, input.filters, sort, after, limit + 1, scope.own))
  const order = historyRowOrder(sort, scope.kind === 'all' ? scope.own : '')
  rows.sort(order.compare)
  const page = rows.slice(0, limit)
  const last = rows.length > limit ? page.at(-1) : undefined
  return { rows: page, nextCursor: last ? encodeCursor(sort, order.cursorOf(last)) : null }
}

/** This till's own rows after a cursor of the merged order, through its own history engine. */
function ownRows(db: Db, filters: OrderFilters | undefined, sort: OrderSort, after: CursorValues | null, limit: number, own: string): OrderListRow[] {
  const q = resolveQuery(db, filters)
  const localAfter = after === null ? null : localCursorAfter(sort, after, own)
  return readPage(db, { q, driver: planRead(db, q, sort), sort, after: localAfter, limit }).rows
}

/** Counts and sums per currency for the filters' till choice. */
export function historyTotals(db: Db, filters: OrderFilters = {}): OrderTotals {
  const scope = tillScope(db, filters)
  if (scope.kind === 'this') return orderTotals(db, filters)
  const others = otherTillsTotals(db, shopQueryOf(filters, scope))
  return mergeTotals(scope.kind === 'all' ? [...others, ...orderTotals(db, filters).currencies] : others)
}

/** As this till's totals are read (totals.ts): whole days from the per-day table, the partial days at either end and every other filter order by order. */
function otherTillsTotals(db: Db, q: ShopQuery): CurrencyTotals[] {
  const parts: CurrencyTotals[] = []
  const read = (query: Sql) => parts.push(...(historyStatement(db, query.text).all(...query.params) as CurrencyTotals[]))
  if (q.accountId !== null || q.courseId !== null || q.text !== null) {
    read(buildShopTotalsQuery(q))
    return parts
  }
  const split = splitByWholeDays(q.from, q.to)
  if (split.days) read(buildShopDayTotalsQuery(q, split.days))
  for (const edge of split.edges) read(buildShopTotalsQuery({ ...q, from: edge.from, to: edge.to }))
  return parts
}
