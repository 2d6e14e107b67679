// EXPLAIN QUERY PLAN for the history reads: each ordered driver walks an index already in the page's order, so a
// first page reads a page's worth of index entries and never sorts the whole table.
import { describe, expect, it } from 'vitest'
import type { OrderSortKey } from '../../src/shared/history'
import type { HistoryQuery } from '../../src/main/core/history/filters'
import type { Driver } from '../../src/main/core/history/plan'
import { buildDayTotalsQuery, buildRowsSelect, buildTotalsQuery } from '../../src/main/core/history/query-build'
import { tempStore } from '../helpers/temp-store'

const none: HistoryQuery = { statuses: null, methods: null, from: null, to: null, accountId: null, courseId: null, text: null }

function plan(text: string, params: unknown[]): string {
  const { db } = tempStore()
  return (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join('\n')
}

const ORDERED: Array<[Driver, OrderSortKey, Partial<HistoryQuery>, RegExp]> = [
  ['created', 'created', { from: 1, to: 2 }, /SEARCH h USING (COVERING )?INDEX order_history_created \(created_at>\? AND created_at<\?\)/],
  ['arms', 'created', { statuses: ['pending', 'refunded'], methods: [1, 3] }, /SEARCH h USING INDEX order_history_status_methods \(status=\? AND methods=\?( AND created_at[<>]\?)?\)/],
  ['arms', 'status', {}, /SEARCH h USING INDEX order_history_status_methods \(status=\? AND methods=\?( AND created_at[<>]\?)?\)/],
  ['course', 'created', { courseId: 3, statuses: ['pending'] }, /SEARCH c USING PRIMARY KEY \(course_id=\?( AND \(created_at,order_id\)[<>]\(\?,\?\))?\)/],
  ['account', 'created', { accountId: 9 }, /SEARCH h USING INDEX order_history_account \(account_id=\?( AND created_at[<>]\?)?\)/],
  ['customer', 'customer', { methods: [2] }, /(SCAN h USING INDEX order_history_customer|SEARCH h USING INDEX order_history_customer \(customer_name[<>]\?\))/],
  ['amount', 'amount', { statuses: ['failed'] }, /(SCAN h USING INDEX order_history_amount|SEARCH h USING INDEX order_history_amount \(amount[<>]\?\))/],
]

describe('history query plans', () => {
  for (const [driver, key, filters, index] of ORDERED) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`${driver} pages sorted by ${key} ${direction} straight from the index`, () => {
        const q = { ...none, ...filters }
        const first = buildRowsSelect({ q, driver, sort: { key, direction }, limit: 101 })
        const next = buildRowsSelect({ q, driver, sort: { key, direction }, limit: 101, after: key === 'status' ? ['pending', 5, 9] : key === 'customer' ? ['Ann', 9] : [5, 9] })
        for (const { text, params } of [first, next]) {
          const detail = plan(text, params)
          expect(detail).toMatch(index)
          expect(detail).not.toMatch(/TEMP B-TREE FOR (ORDER BY|RIGHT PART)/)
          if (driver === 'arms') expect(detail).toMatch(/MERGE \(UNION ALL\)/)
        }
      })
    }
  }

  it('totals by status, method and whole days read the per-day table, not the orders', () => {
    const q = { ...none, statuses: ['successful' as const], methods: [2, 3] }
    const { text, params } = buildDayTotalsQuery(q, { first: 19_000, last: 19_400 })
    expect(plan(text, params)).toMatch(/SEARCH order_day_total USING PRIMARY KEY \(day>\? AND day<\?\)/)
  })

  it('totals for a course read the course’s orders only', () => {
    const { text, params } = buildTotalsQuery({ ...none, courseId: 4 }, 'course')
    const detail = plan(text, params)
    expect(detail).toMatch(/SEARCH c USING PRIMARY KEY \(course_id=\?\)/)
    expect(detail).toMatch(/SEARCH h USING INTEGER PRIMARY KEY/)
  })
})
