import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ORDER_STATUSES, type OrderStatus, type PaymentStatus, type RefundStatus } from '../../src/shared/domain'
import { loadDemoDataOnFirstStart } from '../../src/main/core/demo-data'
import { deriveOrderStatus } from '../../src/main/core/orders/order-status'
import { openDatabase, type Db } from '../../src/main/core/store/db'
import { parseSeedArgs, UsageError } from '../../scripts/seed/cli-args'
import { DATABASE_FILE, seedLargeStore, type SeedSummary } from '../../scripts/seed/seed-large-store'

const ORDERS = 3_000
const NOW = Date.UTC(2026, 5, 30, 18, 0, 0)
const TWO_YEARS_MS = 730 * 86_400_000

let dir: string
let db: Db
let summary: SeedSummary
const rows = <T>(text: string, ...params: unknown[]) => db.prepare(text).all(...params) as T[]
const value = <T>(text: string, ...params: unknown[]) => db.prepare(text).pluck().get(...params) as T

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursetill-seed-'))
  summary = seedLargeStore({ dir, orders: ORDERS, seed: 42, now: NOW })
  db = openDatabase(join(dir, DATABASE_FILE))
})

afterAll(() => {
  db?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Runs the CLI the way `npm run seed:large` does. */
function runCli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed-large.ts', ...args], { encoding: 'utf8', timeout: 60_000 })
}

describe('seedLargeStore', () => {
  it('reports what it wrote, and the store holds exactly that', () => {
    const tableCounts = {
      orders: 'purchase_order',
      items: 'purchase_order_item',
      payments: 'payment',
      refunds: 'refund',
      ownerships: 'account_has_course',
      stripeEvents: 'stripe_event',
      customers: 'account',
      courses: 'course',
    } as const
    expect(summary.orders).toBe(ORDERS)
    for (const [key, table] of Object.entries(tableCounts)) {
      expect(value<number>(`SELECT count(*) FROM ${table}`), table).toBe(summary[key as keyof typeof tableCounts])
    }
    expect(summary.customers).toBe(Math.ceil(ORDERS / 8))
    expect(summary.courses).toBeGreaterThanOrEqual(55)
    expect(value<number>("SELECT count(*) FROM audit_log WHERE action = 'store.seeded'")).toBe(1)
  })

  it('builds a catalog in several currencies, some courses retired, and customers with distinct emails', () => {
    const currencies = rows<{ currency: string }>('SELECT DISTINCT currency FROM course').map((r) => r.currency)
    expect(currencies).toEqual(expect.arrayContaining(['GBP', 'EUR', 'USD', 'JPY', 'KWD']))
    expect(value<number>('SELECT count(*) FROM course WHERE active = 0')).toBeGreaterThan(0)
    expect(value<number>('SELECT count(DISTINCT lower(email)) FROM account')).toBe(summary.customers)
    expect(value<number>('SELECT count(DISTINCT name) FROM account')).toBeGreaterThan(summary.customers / 2)
    expect(value<number>('SELECT count(*) FROM account WHERE phone IS NOT NULL')).toBeGreaterThan(0)
  })

  it('stores for every order the status deriveOrderStatus gives for its rows, and every status occurs', () => {
    const payments = groupBy(rows<{ order_id: number; status: PaymentStatus; amountReceived: number }>(
      'SELECT order_id, status, amount_received AS amountReceived FROM payment',
    ))
    const refunds = groupBy(rows<{ order_id: number; status: RefundStatus; amount: number }>(
      'SELECT p.order_id, r.status, r.amount FROM refund r JOIN payment p ON p.id = r.payment_id',
    ))
    const orders = rows<{ id: number; amount: number; status: OrderStatus; canceled_at: number | null }>(
      'SELECT id, amount, status, canceled_at FROM purchase_order',
    )
    const derived = (o: (typeof orders)[number]) =>
      deriveOrderStatus({
        amount: o.amount,
        canceled: o.canceled_at !== null,
        payments: payments.get(o.id) ?? [],
        refunds: refunds.get(o.id) ?? [],
      })
    const mismatched = orders.filter((o) => o.status !== derived(o))
    expect(mismatched).toEqual([])
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(ORDER_STATUSES))
    for (const status of ORDER_STATUSES) expect(orders.filter((o) => o.status === status).length).toBe(summary.statuses[status])
  })

  it('prices each order as the sum of its items at the course price, all in the order currency', () => {
    expect(value<number>(`SELECT count(*) FROM purchase_order o
      WHERE o.amount != coalesce((SELECT sum(unit_amount) FROM purchase_order_item WHERE order_id = o.id), 0)`)).toBe(0)
    expect(value<number>('SELECT max(n) FROM (SELECT count(*) AS n FROM purchase_order_item GROUP BY order_id)')).toBeLessThanOrEqual(3)
    expect(value<number>(`SELECT count(*) FROM purchase_order_item i JOIN purchase_order o ON o.id = i.order_id
      JOIN course c ON c.id = i.course_id WHERE c.currency != o.currency OR c.price_amount != i.unit_amount`)).toBe(0)
    expect(value<number>(`SELECT count(*) FROM payment p JOIN purchase_order o ON o.id = p.order_id WHERE p.currency != o.currency`)).toBe(0)
    expect(value<number>(`SELECT count(*) FROM refund r JOIN payment p ON p.id = r.payment_id WHERE r.currency != p.currency`)).toBe(0)
  })

  it('keeps JPY amounts in whole yen and KWD amounts chargeable (ending in 0)', () => {
    const amounts = rows<{ currency: string; amount: number }>(`
      SELECT currency, amount FROM purchase_order UNION ALL
      SELECT o.currency, i.unit_amount FROM purchase_order_item i JOIN purchase_order o ON o.id = i.order_id UNION ALL
      SELECT currency, amount FROM payment UNION ALL SELECT currency, amount FROM refund`)
    expect(amounts.every((a) => Number.isSafeInteger(a.amount) && a.amount > 0)).toBe(true)
    expect(amounts.some((a) => a.currency === 'JPY')).toBe(true)
    expect(amounts.filter((a) => a.currency === 'KWD' && a.amount % 10 !== 0)).toEqual([])
  })

  it('rebuilds the history caches the triggers would have kept, and puts the triggers back', () => {
    expect(value<number>("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'")).toBeGreaterThan(10)
    expect(value<number>('SELECT count(*) FROM order_history')).toBe(ORDERS)
    const drift = rows(`
      SELECT o.id FROM purchase_order o JOIN order_history h ON h.order_id = o.id
       WHERE h.status <> o.status OR h.amount <> o.amount
          OR h.paid <> (SELECT coalesce(sum(amount_received), 0) FROM payment WHERE order_id = o.id AND status = 'succeeded')
          OR h.refunded <> (SELECT coalesce(sum(r.amount), 0) FROM refund r JOIN payment p ON p.id = r.payment_id WHERE p.order_id = o.id AND r.status = 'succeeded')`)
    expect(drift).toEqual([])
    expect(value<number>('SELECT sum(orders) FROM order_day_total')).toBe(ORDERS)
    expect(value<number>('SELECT count(*) FROM order_history_course')).toBe(value<number>('SELECT count(*) FROM purchase_order_item'))
  })

  it('leaves no broken foreign key', () => {
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('grants each course of a successful or partially refunded order once, to the earliest such order', () => {
    const expected = rows<{ account_id: number; course_id: number; order_id: number }>(`
      SELECT o.account_id, i.course_id, min(o.id) AS order_id
        FROM purchase_order o JOIN purchase_order_item i ON i.order_id = o.id
       WHERE o.status IN ('successful', 'partially_refunded') GROUP BY o.account_id, i.course_id ORDER BY 1, 2`)
    const owned = rows('SELECT account_id, course_id, order_id FROM account_has_course ORDER BY 1, 2')
    expect(owned).toEqual(expected)
    // Nothing is owned through a refunded (or unpaid) order alone.
    expect(value<number>(`SELECT count(*) FROM account_has_course h JOIN purchase_order o ON o.id = h.order_id
      WHERE o.status NOT IN ('successful', 'partially_refunded')`)).toBe(0)
    expect(value<number>("SELECT count(*) FROM purchase_order WHERE status = 'refunded'")).toBeGreaterThan(0)
  })

  it('never gives back more than a payment took, and refunds only succeeded payments', () => {
    expect(value<number>(`SELECT count(*) FROM payment p WHERE p.amount_received <
      (SELECT coalesce(sum(amount), 0) FROM refund WHERE payment_id = p.id AND status IN ('pending', 'requires_action', 'succeeded'))`)).toBe(0)
    expect(value<number>(`SELECT count(*) FROM refund r JOIN payment p ON p.id = r.payment_id WHERE p.status != 'succeeded'`)).toBe(0)
    // Card refunds that went through carry Stripe's id; cash refunds never do.
    expect(value<number>(`SELECT count(*) FROM refund r JOIN payment p ON p.id = r.payment_id
      WHERE r.status = 'succeeded' AND (p.method = 'cash') != (r.stripe_refund_id IS NULL)`)).toBe(0)
  })

  it('shapes card payments like Stripe: unique pi_ ids, failures with a code and message, events for outcomes', () => {
    const intents = rows<{ id: string }>("SELECT stripe_payment_intent_id AS id FROM payment WHERE method = 'card'").map((r) => r.id)
    expect(intents.length).toBeGreaterThan(0)
    expect(intents.every((id) => /^pi_[0-9A-Za-z]{24}$/.test(id))).toBe(true)
    expect(new Set(intents).size).toBe(intents.length)
    expect(value<number>("SELECT count(*) FROM payment WHERE status = 'failed' AND (failure_code IS NULL OR failure_message IS NULL)")).toBe(0)
    expect(value<number>("SELECT count(*) FROM payment WHERE method = 'cash' AND tendered_amount < amount")).toBe(0)
    expect(value<number>(`SELECT count(*) FROM payment p WHERE p.method = 'card' AND p.status = 'succeeded' AND NOT EXISTS
      (SELECT 1 FROM stripe_event e WHERE e.object_id = p.stripe_payment_intent_id AND e.type = 'payment_intent.succeeded')`)).toBe(0)
    expect(value<number>("SELECT count(*) FROM refund WHERE stripe_refund_id IS NOT NULL AND stripe_refund_id NOT GLOB 're_*'")).toBe(0)
  })

  it('spreads history over the last two years, never after now, busier on weekdays', () => {
    expect(value<number>('SELECT min(created_at) FROM purchase_order')).toBeGreaterThanOrEqual(NOW - TWO_YEARS_MS)
    const latest = { purchase_order: 'updated_at', payment: 'updated_at', refund: 'updated_at', account_has_course: 'granted_at' }
    for (const [table, column] of Object.entries(latest)) {
      expect(value<number>(`SELECT max(${column}) FROM ${table}`), table).toBeLessThanOrEqual(NOW)
    }
    const byWeekday = rows<{ day: string; n: number }>(
      "SELECT strftime('%w', created_at / 1000, 'unixepoch') AS day, count(*) AS n FROM purchase_order GROUP BY day",
    )
    const count = (day: string) => byWeekday.find((d) => d.day === day)?.n ?? 0
    expect(count('3')).toBeGreaterThan(count('0')) // Wednesday over Sunday
  })

  it('seeds on top of the demo data a first start loads, reusing its courses and customers', () => {
    const store = join(dir, 'first-start')
    mkdirSync(store)
    const fresh = openDatabase(join(store, DATABASE_FILE))
    loadDemoDataOnFirstStart(fresh, NOW)
    fresh.close()
    const seeded = seedLargeStore({ dir: store, orders: 400, seed: 3, now: NOW })
    expect(seeded).toMatchObject({ orders: 400, courses: summary.courses, customers: 50 })
  })

  it('is reproducible: the same seed and clock build the same store', () => {
    const again = (name: string) => seedLargeStore({ dir: join(dir, name), orders: 200, seed: 7, now: NOW })
    const { elapsedMs: _a, file: _fa, ...first } = again('a')
    const { elapsedMs: _b, file: _fb, ...second } = again('b')
    expect(second).toEqual(first)
  })
})

describe('the seed:large command', () => {
  it('refuses a store that already has orders, with one line and exit code 2, leaving it untouched', () => {
    const result = runCli('--orders', '10', '--dir', dir)
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain(`already has ${ORDERS.toLocaleString('en')} orders`)
    expect(value<number>('SELECT count(*) FROM purchase_order')).toBe(ORDERS)
  })

  it('rejects bad arguments with a clear message and exit code 64', () => {
    const result = runCli('--orders', 'abc', '--dir', dir)
    expect(result.status).toBe(64)
    expect(result.stderr).toContain('--orders must be a whole number, got "abc"')
  })

  it('parses its options and explains each mistake', () => {
    expect(parseSeedArgs(['--orders', '1_000_000', '--dir', '/tmp/x', '--seed', '3', '--force'])).toEqual({
      help: false,
      command: { orders: 1_000_000, dir: '/tmp/x', seed: 3, now: undefined, force: true },
    })
    const mistakes: Array<[string[], RegExp]> = [
      [['--dir', '/tmp/x'], /--orders <n> is required/],
      [['--orders', '10'], /--dir <folder> is required/],
      [['--orders', '0', '--dir', '/tmp/x'], /--orders must be between 1/],
      [['--orders', '1.5', '--dir', '/tmp/x'], /whole number/],
      [['--orders', '10', '--dir', '/tmp/x', '--seed=-1'], /--seed must be a whole number/],
      [['--orders', '10', '--dir', '/tmp/x', '--now', 'June'], /--now must be an ISO date/],
      [['--orders', '10', '--dir', '/tmp/x', '--oders', '5'], /Unknown option '--oders'/],
    ]
    for (const [argv, message] of mistakes) {
      expect(() => parseSeedArgs(argv), argv.join(' ')).toThrow(UsageError)
      expect(() => parseSeedArgs(argv), argv.join(' ')).toThrow(message)
    }
  })
})

function groupBy<T extends { order_id: number }>(list: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const item of list) groups.set(item.order_id, [...(groups.get(item.order_id) ?? []), item])
  return groups
}
