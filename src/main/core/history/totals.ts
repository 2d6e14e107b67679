import type { CurrencyTotals, OrderFilters, OrderTotals } from '@shared/history'
import type { Db } from '../store/db'
import { splitByWholeDays, type HistoryQuery } from './filters'
import { resolveQuery } from './list-orders'
import { chooseCountDriver } from './plan'
import { buildDayTotalsQuery, buildTotalsQuery, type Sql } from './query-build'
import { historyStatement } from './statements'

/**
 * Count and sums per currency of the orders matching the filters. Status, method and date filters add up the
 * per-day table (a few thousand rows for two years) plus the partial days at the ends of the range; any other
 * filter sums the orders it selects, which it reaches through an index holding only them.
 */
export function orderTotals(db: Db, filters: OrderFilters = {}): OrderTotals {
  const q = resolveQuery(db, filters)
  const parts: CurrencyTotals[] = []
  const read = (query: Sql) => parts.push(...(historyStatement(db, query.text).all(...query.params) as CurrencyTotals[]))
  if (dayTableAnswers(q)) {
    const split = splitByWholeDays(q.from, q.to)
    if (split.days) read(buildDayTotalsQuery(q, split.days))
    for (const edge of split.edges) {
      const part = { ...q, from: edge.from, to: edge.to }
      read(buildTotalsQuery(part, chooseCountDriver(part)))
    }
  } else {
    read(buildTotalsQuery(q, chooseCountDriver(q)))
  }
  return mergeTotals(parts)
}

/** order_day_total is keyed by day, status, currency and methods: it answers only filters on those. */
export function dayTableAnswers(q: HistoryQuery): boolean {
  return q.accountId === null && q.courseId === null && q.text === null
}

/** Adds partial results per currency; currencies are never mixed, and ones with no orders are left out. */
export function mergeTotals(parts: readonly CurrencyTotals[]): OrderTotals {
  const byCurrency = new Map<string, CurrencyTotals>()
  for (const part of parts) {
    const sum = byCurrency.get(part.currency) ?? { currency: part.currency, orders: 0, amount: 0, paid: 0, refunded: 0 }
    sum.orders += part.orders
    sum.amount += part.amount
    sum.paid += part.paid
    sum.refunded += part.refunded
    byCurrency.set(part.currency, sum)
  }
  const currencies = [...byCurrency.values()].filter((c) => c.orders > 0).sort((a, b) => (a.currency < b.currency ? -1 : 1))
  return { count: currencies.reduce((sum, c) => sum + c.orders, 0), currencies }
}
