// Store credit as a tender wherever managers look: the Orders "Paid by" filter and totals, the CSV's
// payment_methods column, and the Reports' split by method — in GBP, JPY (no decimals) and KWD (three).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { OrderListRow } from '../../src/shared/history'
import type { RevenueReport } from '../../src/shared/insight'
import { openDatabase, schemaVersion } from '../../src/main/core/store/db'
import { migrations } from '../../src/main/core/store/migrations'
import { trackLedger } from '../helpers/credit-ledger'
import { tempDir } from '../helpers/temp-store'
import { startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
let dir: string
let managerToken: string
const key = () => crypto.randomUUID()
const orders: Record<'creditOnly' | 'creditCash' | 'yen' | 'dinar' | 'cashOnly', number> = { creditOnly: 0, creditCash: 0, yen: 0, dinar: 0, cashOnly: 0 }
let before: RevenueReport
const today = new Date().toISOString().slice(0, 10)

async function allRows(filters: object): Promise<OrderListRow[]> {
  const rows: OrderListRow[] = []
  let cursor: string | undefined
  do {
    const page = await t.call('orders:list', { filters, limit: 50, ...(cursor ? { cursor } : {}) })
    rows.push(...page.rows)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return rows
}

/** Orders with a payment of that method, read from the payment table itself. */
const ordersPaidBy = (method: string) =>
  t.till.ctx.db.prepare('SELECT DISTINCT order_id FROM payment WHERE method = ? ORDER BY order_id').pluck().all(method) as number[]

beforeAll(async () => {
  // Its own folder: tempDir() would be removed after the first test, and these tests share one till.
  dir = mkdtempSync(join(tmpdir(), 'coursetill-history-credit-'))
  t = await startTestTill({ dataDir: dir })
  managerToken = await t.managerToken()
  before = await t.call('reports:revenue', { from: today, to: today, timeZone: 'UTC' })
  for (const [currency, amount] of [['GBP', 6000], ['JPY', 5000], ['KWD', 10000]] as const) {
    await t.call('credit:adjust', { customerId: 1, currency, amount, reason: 'Goodwill for a late course', requestKey: key(), managerToken })
  }
  // Demo courses: 1 GBP 49.00, 4 GBP 29.00, 9 JPY 6,800, 11 KWD 15.000.
  orders.creditOnly = t.order([1]).id
  await t.call('credit:apply', { orderId: orders.creditOnly, amount: 4900, currency: 'GBP', requestKey: key() })
  orders.creditCash = t.order([4]).id
  await t.call('credit:apply', { orderId: orders.creditCash, amount: 900, currency: 'GBP', requestKey: key() })
  await t.call('orders:recordCash', { orderId: orders.creditCash, tendered: 2000, requestKey: key() })
  orders.yen = t.order([9]).id
  await t.call('credit:apply', { orderId: orders.yen, amount: 5000, currency: 'JPY', requestKey: key() })
  await t.call('orders:recordCash', { orderId: orders.yen, tendered: 1800, requestKey: key() })
  orders.dinar = t.order([11]).id
  await t.call('credit:apply', { orderId: orders.dinar, amount: 10000, currency: 'KWD', requestKey: key() })
  await t.call('orders:recordCash', { orderId: orders.dinar, tendered: 5000, requestKey: key() })
  orders.cashOnly = t.order([4]).id
  await t.call('orders:recordCash', { orderId: orders.cashOnly, tendered: 2900, requestKey: key() })
  // Part of the credit-only order refunded: it goes back to credit, and counts as a credit refund.
  const creditPayment = t.detail(orders.creditOnly).payments[0]!
  await t.call('payments:refund', { paymentId: creditPayment.id, amount: 1000, reason: 'requested_by_customer', managerToken })
})

// After each test, balances still equal the sum of their ledger entries.
beforeEach(() => trackLedger(join(dir, 'coursetill.db')))

afterAll(async () => {
  await t?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('credit in the Orders list', () => {
  it('"Paid by: store credit" lists exactly the orders with a credit payment, and rows name credit', async () => {
    const credit = await allRows({ method: 'credit' })
    expect(credit.map((r) => r.id).sort((a, b) => a - b)).toEqual(ordersPaidBy('credit'))
    expect(credit.map((r) => r.id)).toEqual(expect.arrayContaining([orders.creditOnly, orders.creditCash, orders.yen, orders.dinar]))
    expect(credit.map((r) => r.id)).not.toContain(orders.cashOnly)
    const byId = new Map(credit.map((r) => [r.id, r]))
    expect(byId.get(orders.creditOnly)!.methods).toEqual(['credit'])
    expect(byId.get(orders.creditCash)!.methods).toEqual(['cash', 'credit'])
    // Cash still finds the split orders (credit does not hide them), and not the credit-only one.
    const cash = await allRows({ method: 'cash' })
    expect(cash.map((r) => r.id).sort((a, b) => a - b)).toEqual(ordersPaidBy('cash'))
    expect(cash.map((r) => r.id)).not.toContain(orders.creditOnly)
    // With a status filter too (the per-(status, methods) index ranges).
    const paid = await allRows({ method: 'credit', statuses: ['successful', 'partially_refunded'] })
    expect(paid.map((r) => r.id).sort((a, b) => a - b)).toEqual([orders.creditOnly, orders.creditCash, orders.yen, orders.dinar].sort((a, b) => a - b))
  })

  it('totals per currency for credit orders, in minor units', async () => {
    const totals = await t.call('orders:totals', { filters: { method: 'credit' } })
    const of = (currency: string) => totals.currencies.find((c) => c.currency === currency)
    expect(of('GBP')).toMatchObject({ orders: 2, amount: 7800, paid: 7800, refunded: 1000 })
    expect(of('JPY')).toMatchObject({ orders: 1, amount: 6800, paid: 6800, refunded: 0 })
    expect(of('KWD')).toMatchObject({ orders: 1, amount: 15000, paid: 15000, refunded: 0 })
  })
})

describe('credit in the CSV export', () => {
  it('names credit in payment_methods, with money in each currency’s digits', async () => {
    const result = await t.call('orders:export', { managerToken, filters: { method: 'credit' } })
    const [header, ...lines] = readFileSync(result.path, 'utf8').trimEnd().split('\r\n')
    const columns = header!.split(',')
    const rows = lines.map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!).slice(0, columns.length))
    const field = (orderId: number, name: string) => rows.find((r) => Number(r[0]) === orderId)![columns.indexOf(name)]
    expect(rows.map((r) => Number(r[0])).sort((a, b) => a - b)).toEqual(ordersPaidBy('credit'))
    expect(field(orders.creditOnly, 'payment_methods')).toBe('credit')
    expect(field(orders.creditCash, 'payment_methods')).toBe('cash+credit')
    expect([field(orders.yen, 'paid'), field(orders.yen, 'payment_methods')]).toEqual(['6800', 'cash+credit'])
    expect([field(orders.dinar, 'paid'), field(orders.dinar, 'payment_methods')]).toEqual(['15.000', 'cash+credit'])
  })
})

describe('credit in Reports', () => {
  it('splits each currency by card, cash and credit; a credit refund counts under credit; methods add up', async () => {
    const after = await t.call('reports:revenue', { from: today, to: today, timeZone: 'UTC' })
    const added = (currency: string, method: string) => {
      const pick = (report: RevenueReport) => report.currencies.find((c) => c.currency === currency)?.methods.find((m) => m.method === method) ?? { gross: 0, refunds: 0, net: 0 }
      const [a, b] = [pick(after), pick(before)]
      return { gross: a.gross - b.gross, refunds: a.refunds - b.refunds, net: a.net - b.net }
    }
    expect(added('GBP', 'credit')).toEqual({ gross: 5800, refunds: 1000, net: 4800 })
    expect(added('GBP', 'cash')).toEqual({ gross: 4900, refunds: 0, net: 4900 })
    expect(added('JPY', 'credit')).toEqual({ gross: 5000, refunds: 0, net: 5000 })
    expect(added('JPY', 'cash')).toEqual({ gross: 1800, refunds: 0, net: 1800 })
    expect(added('KWD', 'credit')).toEqual({ gross: 10000, refunds: 0, net: 10000 })
    expect(added('KWD', 'cash')).toEqual({ gross: 5000, refunds: 0, net: 5000 })
    for (const revenue of after.currencies) {
      expect(revenue.methods.map((m) => m.method)).toEqual(['card', 'cash', 'credit'])
      const sum = (field: 'gross' | 'refunds' | 'net') => revenue.methods.reduce((total, m) => total + m[field], 0)
      expect([sum('gross'), sum('refunds'), sum('net')]).toEqual([revenue.gross, revenue.refunds, revenue.net])
    }
  })
})

describe('migration 025 (credit in the order history)', () => {
  it('marks orders already paid with credit and moves their day totals, keeping every history row', () => {
    const file = join(tempDir(), 'coursetill.db')
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version < 25) })
    old.exec(`
      INSERT INTO account (id, email, name, created_at, updated_at) VALUES (1, 'a@example.com', 'A', 0, 0);
      INSERT INTO purchase_order (id, account_id, amount, currency, created_at, updated_at) VALUES (1, 1, 3000, 'GBP', 0, 0), (2, 1, 500, 'GBP', 0, 0);
      INSERT INTO payment (order_id, method, amount, amount_received, tendered_amount, currency, status, created_at, updated_at)
        VALUES (1, 'cash', 1000, 1000, 1000, 'GBP', 'succeeded', 0, 0);
      INSERT INTO payment (order_id, method, amount, amount_received, currency, status, created_at, updated_at)
        VALUES (1, 'credit', 2000, 2000, 'GBP', 'succeeded', 0, 0), (2, 'credit', 500, 0, 'GBP', 'canceled', 0, 0);
    `)
    expect(old.prepare('SELECT order_id, methods FROM order_history ORDER BY order_id').all()).toEqual([{ order_id: 1, methods: 2 }, { order_id: 2, methods: 0 }])
    old.close()
    const db = openDatabase(file)
    expect(schemaVersion(db)).toBe(migrations.length)
    expect(db.prepare('SELECT order_id, paid, methods FROM order_history ORDER BY order_id').all()).toEqual([
      { order_id: 1, paid: 3000, methods: 6 },
      { order_id: 2, paid: 0, methods: 4 },
    ])
    expect(db.prepare('SELECT methods, orders, paid FROM order_day_total ORDER BY methods').all()).toEqual([
      { methods: 4, orders: 1, paid: 0 },
      { methods: 6, orders: 1, paid: 3000 },
    ])
    // The rebuilt triggers keep it: a new credit payment sets the bit.
    db.exec(`INSERT INTO purchase_order (id, account_id, amount, currency, created_at, updated_at) VALUES (3, 1, 700, 'GBP', 0, 0);
      INSERT INTO payment (order_id, method, amount, amount_received, currency, status, created_at, updated_at) VALUES (3, 'credit', 700, 700, 'GBP', 'succeeded', 0, 0);`)
    expect(db.prepare('SELECT methods, paid FROM order_history WHERE order_id = 3').get()).toEqual({ methods: 4, paid: 700 })
    db.close()
  })
})
