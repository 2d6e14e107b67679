// orders:totals against a brute-force recomputation in SQL over the source tables, per currency, for every filter
// and for date ranges with partial days at their ends (local midnights in several time zones).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CurrencyTotals, OrderFilters } from '../../src/shared/history'
import { orderTotals } from '../../src/main/core/history/totals'
import { openDatabase, type Db } from '../../src/main/core/store/db'
import { DATABASE_FILE, seedLargeStore } from '../../scripts/seed/seed-large-store'
import { addCreditPayments } from '../helpers/seed-credit-payments'

const NOW = Date.UTC(2026, 5, 30, 18, 0, 0)
let dir: string
let db: Db

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursetill-totals-'))
  seedLargeStore({ dir, orders: 3_000, seed: 11, now: NOW })
  db = openDatabase(join(dir, DATABASE_FILE))
  addCreditPayments(db)
})

afterAll(() => {
  db?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** The answer from purchase_order, payment, refund, item and account alone, filters written out by hand. */
function bruteForce(filters: OrderFilters): CurrencyTotals[] {
  const where: string[] = ['1']
  const params: unknown[] = []
  if (filters.statuses) {
    where.push(`o.status IN (${filters.statuses.map(() => '?').join(',')})`)
    params.push(...filters.statuses)
  }
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause)
    params.push(...values)
  }
  if (filters.from !== undefined) add('o.created_at >= ?', filters.from)
  if (filters.to !== undefined) add('o.created_at <= ?', filters.to)
  if (filters.courseId !== undefined) add('o.id IN (SELECT order_id FROM purchase_order_item WHERE course_id = ?)', filters.courseId)
  if (filters.accountId !== undefined) add('o.account_id = ?', filters.accountId)
  const has = (method: string) => `EXISTS (SELECT 1 FROM payment WHERE order_id = o.id AND method = '${method}')`
  if (filters.method === 'card') where.push(has('card'))
  if (filters.method === 'cash') where.push(has('cash'))
  if (filters.method === 'both') where.push(`${has('card')} AND ${has('cash')}`)
  if (filters.method === 'credit') where.push(has('credit'))
  if (filters.text !== undefined) add('(a.name LIKE ? OR a.email LIKE ?)', `%${filters.text}%`, `%${filters.text}%`)
  return db
    .prepare(
      `SELECT o.currency, count(*) AS orders, sum(o.amount) AS amount,
              sum((SELECT coalesce(sum(amount_received), 0) FROM payment WHERE order_id = o.id AND status = 'succeeded')) AS paid,
              sum((SELECT coalesce(sum(r.amount), 0) FROM refund r JOIN payment p ON p.id = r.payment_id
                    WHERE p.order_id = o.id AND r.status = 'succeeded')) AS refunded
         FROM purchase_order o JOIN account a ON a.id = o.account_id
        WHERE ${where.join(' AND ')} GROUP BY o.currency ORDER BY o.currency`,
    )
    .all(...params) as CurrencyTotals[]
}

function expectTotals(filters: OrderFilters) {
  const want = bruteForce(filters)
  const got = orderTotals(db, filters)
  expect(got.currencies, JSON.stringify(filters)).toEqual(want)
  expect(got.count).toBe(want.reduce((sum, c) => sum + c.orders, 0))
}

const busyCourse = () => db.prepare('SELECT course_id FROM purchase_order_item GROUP BY course_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number
const busyAccount = () => db.prepare('SELECT account_id FROM purchase_order GROUP BY account_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number

describe('orders:totals', () => {
  it('matches the brute-force sums per currency for every filter', () => {
    const filters: OrderFilters[] = [
      {},
      { statuses: ['successful'] },
      { statuses: ['refunded', 'partially_refunded'] },
      { method: 'card' },
      { method: 'cash' },
      { method: 'both' },
      { method: 'credit' },
      { method: 'credit', statuses: ['successful'] },
      { courseId: busyCourse() },
      { accountId: busyAccount() },
      { text: 'son' },
      { statuses: ['successful', 'partially_refunded'], method: 'cash', courseId: busyCourse() },
    ]
    for (const f of filters) expectTotals(f)
    // More than one currency, so the test would notice mixing.
    expect(orderTotals(db, {}).currencies.length).toBeGreaterThan(2)
  })

  it('adds whole days from the day table and partial days order by order, for any time zone’s midnights', () => {
    const offsets = [0, -5 * 60, 5 * 60 + 45, 9 * 60, -(3 * 60 + 30)]
    let seed = 5
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    for (const offsetMinutes of offsets) {
      for (let i = 0; i < 6; i++) {
        const startDay = Date.UTC(2024, 9, 1) + Math.floor(next() * 600) * 86_400_000
        const from = startDay - offsetMinutes * 60_000
        const to = from + Math.floor(1 + next() * 60) * 86_400_000 - 1
        expectTotals({ from, to })
        expectTotals({ from, to, statuses: ['successful', 'failed'], method: 'card' })
        expectTotals({ from, to, method: 'credit' })
        expectTotals({ from, to, courseId: busyCourse() })
      }
    }
    expectTotals({ from: Date.UTC(2025, 0, 10, 13, 5), to: Date.UTC(2025, 0, 10, 19, 45) })
    expectTotals({ from: Date.UTC(2025, 0, 10, 13, 5) })
    expectTotals({ to: Date.UTC(2025, 0, 10, 13, 5) })
  })

  it('finds nothing, rather than failing, where nothing matches', () => {
    expect(orderTotals(db, { text: 'no-such-customer-anywhere' })).toEqual({ count: 0, currencies: [] })
    expect(orderTotals(db, { from: NOW + 86_400_000 })).toEqual({ count: 0, currencies: [] })
  })
})
