import type { OrderFilters, OrderSort, OrderSortKey } from '@shared/history'
import type { Db } from '../store/db'
import type { ExportRow } from './csv'
import type { CursorValues } from './cursor'
import { planRead, resolveQuery } from './list-orders'
import { buildRowsSelect } from './query-build'
import { buildShopExportQuery } from './shop-rows'
import { compareCursorValues } from './till-order'
import { shopQueryOf, type TillScope } from './whole-shop'

// The CSV's rows for the filters' till choice, streamed in the sort's order: this till's from its history, another
// till's from the pulled copies, every till's as a merge of the two streams in the order Orders lists them.

export interface ExportReaders {
  /** Read-only connections, one per stream (an iterating statement keeps its connection busy). */
  own: Db
  others: Db
  /** The app's connection: the read plan is chosen on it, as for a page. */
  planner: Db
  /** This till's installation id, written on its own rows. */
  installation: string
}

const SORT_VALUES: Record<OrderSortKey, (row: ExportRow) => Array<string | number>> = {
  created: (row) => [row.created_at],
  amount: (row) => [row.amount],
  customer: (row) => [row.customer_name],
  status: (row) => [row.status, row.created_at],
}

export function* exportRows(readers: ExportReaders, filters: OrderFilters | undefined, sort: OrderSort, scope: TillScope): Generator<ExportRow> {
  if (scope.kind === 'this') return yield* ownRows(readers, filters, sort)
  const query = buildShopExportQuery(shopQueryOf(filters, scope), sort)
  const others = readers.others.prepare(query.text).iterate(...query.params) as IterableIterator<ExportRow>
  if (scope.kind === 'other') return yield* others
  const place = (row: ExportRow): CursorValues => [...SORT_VALUES[sort.key](row), row.installation, row.order_id]
  const own = ownRows(readers, filters, sort)
  try {
    let left = own.next()
    let right = others.next()
    while (!left.done || !right.done) {
      const takeOwn = right.done || (!left.done && compareCursorValues(sort, place(left.value), place(right.value)) <= 0)
      if (takeOwn) {
        yield left.value as ExportRow
        left = own.next()
      } else {
        yield right.value as ExportRow
        right = others.next()
      }
    }
  } finally {
    // A file abandoned half-way leaves no statement mid-iteration on either connection.
    own.return(undefined)
    others.return?.(undefined)
  }
}

function* ownRows(readers: ExportReaders, filters: OrderFilters | undefined, sort: OrderSort): Generator<ExportRow> {
  const q = resolveQuery(readers.planner, filters)
  const query = buildRowsSelect({ q, driver: planRead(readers.planner, q, sort), sort, details: true })
  for (const row of readers.own.prepare(query.text).iterate(...query.params) as IterableIterator<Omit<ExportRow, 'installation'>>) {
    yield { ...row, installation: readers.installation }
  }
}
