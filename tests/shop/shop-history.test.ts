import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { OrderFilters, OrderListRow, OrderSort } from '../../src/shared/history'
import { ORDER_SORT_KEYS } from '../../src/shared/history'
import { listOrders } from '../../src/main/core/history/list-orders'
import type { TestTill } from '../helpers/test-till'
import { useShop, useShopTestTills } from './shop-fixtures'

// Orders across the shop (issue 16): the main grid lists another till's orders, or every till's, from the copies
// pulled from the shop book, with the same filters, sorts, keyset paging, totals and CSV as this till's own.
const shop = useShop()
const { till, started: tills } = useShopTestTills(shop)

const courseIn = (t: TestTill, currency: string) =>
  t.till.ctx.db.prepare('SELECT id, code, price_amount AS price FROM course WHERE currency = ? AND active = 1 ORDER BY id LIMIT 1').get(currency) as { id: number; code: string; price: number }

async function cashSale(t: TestTill, currency: string, accountId = 1) {
  const course = courseIn(t, currency)
  const order = await t.call('orders:create', { accountId, courseIds: [course.id], confirmOwned: [course.id] })
  return t.call('orders:recordCash', { orderId: order.id, tendered: order.amount })
}

async function settle(all: TestTill[]) {
  for (let round = 0; round < 2; round++) for (const t of all) await t.till.shop!.settled()
}

const key = (row: Pick<OrderListRow, 'id' | 'till'>, own: string) => `${row.till ?? own}:${row.id}`
const figures = ({ id, status, amount, currency, paid, refunded, methods, itemCount, firstTitles, customerEmail, kind }: OrderListRow) =>
  ({ id, status, amount, currency, paid, refunded, methods, itemCount, firstTitles, customerEmail, kind })

async function everyPage(t: TestTill, filters: OrderFilters, sort: OrderSort, limit: number): Promise<OrderListRow[]> {
  const rows: OrderListRow[] = []
  let cursor: string | undefined
  do {
    const page = await t.call('orders:list', { filters, sort, limit, ...(cursor ? { cursor } : {}) })
    rows.push(...page.rows)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return rows
}

/** The order SQLite itself gives the union of both tills' rows: the sort's columns, then till, then order id. */
function sqliteOrder(rows: ReadonlyArray<OrderListRow & { installation: string }>, sort: OrderSort): string[] {
  const db = new Database(':memory:')
  db.exec('CREATE TABLE r (installation TEXT, id INTEGER, created_at INTEGER, amount INTEGER, customer_name TEXT COLLATE NOCASE, status TEXT)')
  const insert = db.prepare('INSERT INTO r VALUES (?, ?, ?, ?, ?, ?)')
  for (const row of rows) insert.run(row.installation, row.id, row.createdAt, row.amount, row.customerName, row.status)
  const columns = { created: ['created_at'], amount: ['amount'], customer: ['customer_name'], status: ['status', 'created_at'] }[sort.key]
  const direction = sort.direction.toUpperCase()
  const order = [...columns, 'installation', 'id'].map((c) => `${c} ${direction}`).join(', ')
  const keys = db.prepare(`SELECT installation || ':' || id FROM r ORDER BY ${order}`).pluck().all() as string[]
  db.close()
  return keys
}

describe('Orders across the shop', () => {
  it("lists another till's orders and every till's, paged in one order for every sort, with totals and the CSV", async () => {
    const [a, b, c] = [await till(), await till(), await till()]
    const [idA, idB, idC] = [a.till.ctx.installationId, b.till.ctx.installationId, c.till.ctx.installationId]
    const atC = await cashSale(c, 'JPY')
    const gbp = await cashSale(a, 'GBP')
    const jpy = await cashSale(a, 'JPY')
    const kwd = await cashSale(a, 'KWD', 2)
    await a.call('payments:refund', { managerToken: await a.managerToken(), paymentId: gbp.payments[0]!.id, amount: 1, reason: 'requested_by_customer' })
    const eur = courseIn(a, 'EUR')
    const unpaid = await a.call('orders:create', { accountId: 1, courseIds: [eur.id], confirmOwned: [eur.id] })
    const card = await a.call('payments:startCard', { orderId: unpaid.id })
    const gbpCourse = courseIn(a, 'GBP')
    const discounted = await a.call('orders:create', { accountId: 2, courseIds: [gbpCourse.id], confirmOwned: [gbpCourse.id] })
    await a.call('orders:discount', { orderId: discounted.id, courseId: null, kind: 'percent', value: 500, reason: 'Regular' })
    const fivePercent = Math.round(gbpCourse.price * 0.05)
    // A discount given then removed at A (before anything was paid) is not in B's copy.
    const removed = await a.call('orders:discount', { orderId: discounted.id, courseId: gbpCourse.id, kind: 'amount', value: 1, reason: 'Mistake' })
    await settle([a, b, c])
    await a.call('orders:removeDiscount', { orderId: discounted.id, discountId: removed.discounts.at(-1)!.id })
    // Names equal but for case sort together, as SQLite's NOCASE has them (then by till).
    const lower = await a.call('customers:create', { email: 'bea.lowe@example.com', name: 'bea lowe' })
    const upper = await b.call('customers:create', { email: 'bea.l@example.org', name: 'Bea Lowe' })
    await cashSale(a, 'GBP', lower.id)
    await cashSale(b, 'GBP', upper.id)
    const ownGbp = await cashSale(b, 'GBP')
    const ownJpy = await cashSale(b, 'JPY', 2)
    await settle([a, b, c])

    // Another till's orders read as that till lists them itself: the same figures, plus whose they are.
    const atA = listOrders(a.till.ctx.db, { limit: 100 }).rows
    const ofA = await b.call('orders:list', { filters: { till: idA }, limit: 100 })
    expect(ofA.rows.map(figures)).toEqual(atA.map(figures))
    expect(new Set(ofA.rows.map((r) => r.till))).toEqual(new Set([idA]))
    expect(ofA.rows.find((r) => r.id === gbp.id)).toMatchObject({ paid: gbp.amount, refunded: 1, methods: ['cash'], currency: 'GBP' })
    expect(ofA.rows.find((r) => r.id === kwd.id)).toMatchObject({ paid: kwd.amount, currency: 'KWD' })
    // This till's own id is the same as no till: its own history, rows unmarked.
    expect(await b.call('orders:list', { filters: { till: idB } })).toEqual(await b.call('orders:list', {}))
    expect((await b.call('orders:list', { filters: { till: idC } })).rows.map((r) => [r.till, r.id])).toEqual([[idC, atC.id]])

    // Every till: each sort, both directions, pages of 2 give every order once, in SQLite's own order.
    const own = listOrders(b.till.ctx.db, { limit: 100 }).rows
    const ofC = listOrders(c.till.ctx.db, { limit: 100 }).rows
    const union = [...atA.map((r) => ({ ...r, installation: idA })), ...own.map((r) => ({ ...r, installation: idB })), ...ofC.map((r) => ({ ...r, installation: idC }))]
    expect(union).toHaveLength(10)
    for (const sortKey of ORDER_SORT_KEYS) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort = { key: sortKey, direction }
        const paged = await everyPage(b, { till: 'all' }, sort, 2)
        expect(paged.map((r) => key(r, idB)), `${sortKey} ${direction}`).toEqual(sqliteOrder(union, sort))
      }
    }

    // Filters apply to the other till's rows as to this till's.
    const list = async (filters: OrderFilters) => (await everyPage(b, { till: 'all', ...filters }, { key: 'created', direction: 'desc' }, 3)).map((r) => key(r, idB)).sort()
    expect(await list({ statuses: ['pending'] })).toEqual([`${idA}:${unpaid.id}`, `${idA}:${discounted.id}`].sort())
    expect(await list({ method: 'card' })).toEqual([`${idA}:${unpaid.id}`])
    expect(await list({ text: card.paymentIntentId })).toEqual([`${idA}:${unpaid.id}`])
    expect(await list({ text: `#${jpy.id}` })).toEqual([...new Set([`${idA}:${jpy.id}`, ...own.filter((r) => r.id === jpy.id).map((r) => key(r, idB))])].sort())
    expect(await list({ courseId: courseIn(b, 'JPY').id })).toEqual([`${idA}:${jpy.id}`, `${idB}:${ownJpy.id}`, `${idC}:${atC.id}`].sort())
    const customer2 = b.till.ctx.db.prepare('SELECT email FROM account WHERE id = 2').pluck().get() as string
    expect(await list({ accountId: 2 })).toEqual([`${idA}:${kwd.id}`, `${idA}:${discounted.id}`, `${idB}:${ownJpy.id}`].sort())
    expect(await list({ text: customer2.toUpperCase() })).toEqual(await list({ accountId: 2 }))

    // Totals per currency: both stores' own totals added, never across currencies.
    const totalsA = await a.call('orders:totals', {})
    const totalsB = await b.call('orders:totals', {})
    const totalsC = await c.call('orders:totals', {})
    const all = await b.call('orders:totals', { filters: { till: 'all' } })
    expect(all.count).toBe(totalsA.count + totalsB.count + totalsC.count)
    for (const currency of all.currencies) {
      const sum = (field: 'orders' | 'amount' | 'paid' | 'refunded') =>
        [totalsA, totalsB, totalsC].reduce((total, t) => total + (t.currencies.find((c) => c.currency === currency.currency)?.[field] ?? 0), 0)
      expect([currency.orders, currency.amount, currency.paid, currency.refunded]).toEqual([sum('orders'), sum('amount'), sum('paid'), sum('refunded')])
    }
    expect(await b.call('orders:totals', { filters: { till: idA } })).toEqual(totalsA)
    // Whole days from the per-day tables and partial days order by order, on both sides, for any mix of filters.
    const hourAgo = Date.now() - 3_600_000
    for (const filters of [{ statuses: ['successful' as const] }, { method: 'cash' as const }, { from: hourAgo }, { from: 0, to: hourAgo }, { from: hourAgo - 86_400_000 * 3, to: Date.now() + 60_000, statuses: ['pending' as const] }]) {
      const each = await Promise.all([a, b, c].map((t) => t.call('orders:totals', { filters })))
      const whole = await b.call('orders:totals', { filters: { ...filters, till: 'all' } })
      const sum = (currency: string, field: 'orders' | 'amount' | 'paid' | 'refunded') => each.reduce((total, t) => total + (t.currencies.find((x) => x.currency === currency)?.[field] ?? 0), 0)
      const currencies = [...new Set(each.flatMap((t) => t.currencies.map((x) => x.currency)))].sort()
      expect(whole.currencies, JSON.stringify(filters)).toEqual(currencies.map((currency) => ({ currency, orders: sum(currency, 'orders'), amount: sum(currency, 'amount'), paid: sum(currency, 'paid'), refunded: sum(currency, 'refunded') })))
    }

    // The CSV: every till's orders in the grid's order, each marked with its till; A's discount as A wrote it.
    const file = await b.call('orders:export', { managerToken: await b.managerToken(), filters: { till: 'all' } })
    const [header, ...lines] = readFileSync(file.path, 'utf8').trim().split('\r\n').map((line) => line.split(','))
    const column = (name: string) => header!.indexOf(name)
    expect(lines.map((l) => `${l[column('till')]}:${l[column('order')]}`)).toEqual(sqliteOrder(union, { key: 'created', direction: 'desc' }))
    const lineOf = (till: string, id: number) => lines.find((l) => l[column('till')] === till && Number(l[column('order')]) === id)!
    expect(lineOf(idA, discounted.id)[column('discount')]).toBe((fivePercent / 100).toFixed(2))
    expect(lineOf(idA, jpy.id).slice(column('currency'), column('payment_methods') + 1)).toEqual(['JPY', String(jpy.amount), String(jpy.amount), '0', 'cash'])
    expect(lineOf(idB, ownGbp.id)[column('payment_methods')]).toBe('cash')
    expect(file.rows).toBe(10)
  })

  it('refuses a till that is not an id and a cursor from another listing, and changes nothing', async () => {
    const t = tills[1] ?? (await till())
    const before = await t.call('orders:totals', { filters: { till: 'all' } })
    for (const till of ['ALL', 'x', 'not a till id at all!']) {
      await expect(t.call('orders:list', { filters: { till } })).rejects.toMatchObject({ code: 'invalid_input' })
    }
    const ownPage = await t.call('orders:list', { limit: 1 })
    expect(ownPage.nextCursor).not.toBeNull()
    await expect(t.call('orders:list', { filters: { till: 'all' }, cursor: ownPage.nextCursor!, limit: 1 })).rejects.toMatchObject({ code: 'invalid_input' })
    const forged = Buffer.from(JSON.stringify({ k: 'created', d: 'desc', v: [Date.now(), "x' OR 1=1 --", 1] })).toString('base64url')
    await expect(t.call('orders:list', { filters: { till: 'all' }, cursor: forged })).rejects.toMatchObject({ code: 'invalid_input' })
    expect(await t.call('orders:totals', { filters: { till: 'all' } })).toEqual(before)
  })
})
