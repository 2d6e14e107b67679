// orders:list on a seeded store: every filter and sort, paged by cursor through every driver that applies, against a
// brute-force answer computed in JavaScript from the source tables (not from the history tables under test).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrderStatus } from '../../src/shared/domain'
import type { OrderFilters, OrderListRow, OrderPage, OrderSort } from '../../src/shared/history'
import { createCoreContext } from '../../src/main/core/context'
import { decodeCursor } from '../../src/main/core/history/cursor'
import { listOrders, readPage, resolveQuery } from '../../src/main/core/history/list-orders'
import type { Driver } from '../../src/main/core/history/plan'
import { createOrder } from '../../src/main/core/orders/create-order'
import { openDatabase, type Db } from '../../src/main/core/store/db'
import { DATABASE_FILE, seedLargeStore } from '../../scripts/seed/seed-large-store'
import { addCreditPayments } from '../helpers/seed-credit-payments'

const NOW = Date.UTC(2026, 5, 30, 18, 0, 0)
const TIE_AT = Date.UTC(2026, 2, 14, 9, 30, 0)
let dir: string
let db: Db
let facts: OrderFact[]

interface OrderFact {
  id: number
  createdAt: number
  status: OrderStatus
  amount: number
  currency: string
  accountId: number
  name: string
  email: string
  courses: number[]
  titles: string[]
  methods: Set<string>
  intents: string[]
  paid: number
  refunded: number
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursetill-history-'))
  seedLargeStore({ dir, orders: 2_500, seed: 7, now: NOW })
  db = openDatabase(join(dir, DATABASE_FILE))
  addCreditPayments(db)
  // Ties on every sort key: 30 orders at one instant, names differing only in case, equal amounts.
  const clock = { now: TIE_AT }
  const ctx = createCoreContext(db, () => clock.now)
  const course = db.prepare("SELECT id FROM course WHERE active = 1 AND currency = 'GBP' LIMIT 1").pluck().get() as number
  for (const [index, name] of ['alice tie', 'Alice Tie', 'ALICE TIE', 'Bob, "the" Tie'].entries()) {
    const accountId = Number(db.prepare('INSERT INTO account (email, name, created_at, updated_at) VALUES (?, ?, 0, 0)').run(`tie${index}@example.com`, name).lastInsertRowid)
    for (let n = 0; n < 8; n++) createOrder(ctx, { accountId, courseIds: [course], actor: 'test' })
  }
  facts = loadFacts(db)
})

afterAll(() => {
  db?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function loadFacts(store: Db): OrderFact[] {
  const orders = store.prepare('SELECT o.*, a.name, a.email FROM purchase_order o JOIN account a ON a.id = o.account_id').all() as Array<Record<string, never>>
  const byId = new Map<number, OrderFact>()
  for (const o of orders) {
    byId.set(o.id, { id: o.id, createdAt: o.created_at, status: o.status, amount: o.amount, currency: o.currency, accountId: o.account_id, name: o.name, email: o.email, courses: [], titles: [], methods: new Set(), intents: [], paid: 0, refunded: 0 })
  }
  for (const i of store.prepare('SELECT order_id, course_id, title FROM purchase_order_item ORDER BY id').all() as Array<Record<string, never>>) {
    byId.get(i.order_id)!.courses.push(i.course_id)
    byId.get(i.order_id)!.titles.push(i.title)
  }
  for (const p of store.prepare('SELECT * FROM payment').all() as Array<Record<string, never>>) {
    const fact = byId.get(p.order_id)!
    fact.methods.add(p.method)
    if (p.stripe_payment_intent_id) fact.intents.push(p.stripe_payment_intent_id)
    if (p.status === 'succeeded') fact.paid += p.amount_received
  }
  for (const r of store.prepare("SELECT r.amount, p.order_id FROM refund r JOIN payment p ON p.id = r.payment_id WHERE r.status = 'succeeded'").all() as Array<Record<string, never>>) {
    byId.get(r.order_id)!.refunded += r.amount
  }
  return [...byId.values()]
}

/** SQLite's NOCASE folds ASCII only, then compares UTF-8 bytes. */
const nocase = (text: string) => Buffer.from(text.replace(/[A-Z]/g, (c) => c.toLowerCase()), 'utf8')
const compare = (a: string | number, b: string | number) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)))

function expected(filters: OrderFilters, sort: OrderSort): number[] {
  const text = filters.text?.trim().toLowerCase()
  const matches = (f: OrderFact) =>
    (!filters.statuses || filters.statuses.includes(f.status)) &&
    (filters.from === undefined || f.createdAt >= filters.from) &&
    (filters.to === undefined || f.createdAt <= filters.to) &&
    (filters.courseId === undefined || f.courses.includes(filters.courseId)) &&
    (filters.accountId === undefined || f.accountId === filters.accountId) &&
    (filters.method === undefined || (filters.method === 'both' ? f.methods.has('card') && f.methods.has('cash') : f.methods.has(filters.method))) &&
    (text === undefined ||
      (/^#?\d+$/.test(text) ? f.id === Number(text.replace('#', '')) : text.startsWith('pi_') ? f.intents.includes(filters.text!.trim()) : f.name.toLowerCase().includes(text) || f.email.toLowerCase().includes(text)))
  const key = (f: OrderFact): Array<string | number> =>
    sort.key === 'created' ? [f.createdAt] : sort.key === 'amount' ? [f.amount] : sort.key === 'status' ? [f.status, f.createdAt] : []
  const sign = sort.direction === 'asc' ? 1 : -1
  return facts
    .filter(matches)
    .sort((a, b) => {
      if (sort.key === 'customer') {
        const byName = Buffer.compare(nocase(a.name), nocase(b.name))
        if (byName !== 0) return sign * byName
      }
      const ka = key(a)
      const kb = key(b)
      for (let i = 0; i < ka.length; i++) if (compare(ka[i]!, kb[i]!) !== 0) return sign * compare(ka[i]!, kb[i]!)
      return sign * (a.id - b.id)
    })
    .map((f) => f.id)
}

function pageAll(filters: OrderFilters, sort: OrderSort, driver: Driver | null, limit = 97): OrderListRow[] {
  const rows: OrderListRow[] = []
  let cursor: string | null = null
  const q = resolveQuery(db, filters)
  do {
    const page: OrderPage =
      driver === null
        ? listOrders(db, { filters, sort, limit, ...(cursor ? { cursor } : {}) })
        : readPage(db, { q, driver, sort, after: cursor ? decodeCursor(cursor, sort) : null, limit })
    expect(page.rows.length).toBeLessThanOrEqual(limit)
    rows.push(...page.rows)
    cursor = page.nextCursor
  } while (cursor)
  return rows
}

const someCourse = () => facts[10]!.courses[0]!
const someAccount = () => [...facts].sort((a, b) => b.id - a.id).find((f) => facts.filter((g) => g.accountId === f.accountId).length > 3)!.accountId
const midMonth = () => ({ from: Date.UTC(2025, 10, 3, 23, 0, 0), to: Date.UTC(2025, 11, 3, 22, 59, 59, 999) })

const FILTERS: Record<string, () => OrderFilters> = {
  none: () => ({}),
  statuses: () => ({ statuses: ['refunded', 'partially_paid', 'canceled'] }),
  dates: midMonth,
  course: () => ({ courseId: someCourse() }),
  account: () => ({ accountId: someAccount() }),
  card: () => ({ method: 'card' }),
  cash: () => ({ method: 'cash' }),
  both: () => ({ method: 'both' }),
  credit: () => ({ method: 'credit' }),
  creditAndStatus: () => ({ method: 'credit', statuses: ['successful', 'partially_refunded'] }),
  name: () => ({ text: 'TIE' }),
  email: () => ({ text: facts[100]!.email.slice(0, 6) }),
  orderNumber: () => ({ text: `#${facts[5]!.id}` }),
  intent: () => ({ text: facts.find((f) => f.intents.length > 0)!.intents[0]! }),
  combined: () => ({ statuses: ['successful', 'partially_refunded'], method: 'card', ...midMonth(), courseId: someCourse() }),
}

const SORTS: OrderSort[] = (['created', 'amount', 'status', 'customer'] as const).flatMap((key) => [
  { key, direction: 'desc' as const },
  { key, direction: 'asc' as const },
])

function driversFor(filters: OrderFilters): Driver[] {
  const q = resolveQuery(db, filters)
  const drivers: Driver[] = ['created', 'arms', 'customer', 'amount']
  if (q.courseId !== null) drivers.push('course')
  if (q.accountId !== null) drivers.push('account')
  if (q.text?.kind === 'customer' && q.text.ids) drivers.push('accounts')
  if (q.text?.kind === 'order' || q.text?.kind === 'intent') drivers.push('order')
  return drivers
}

describe('orders:list paging', () => {
  for (const [name, filters] of Object.entries(FILTERS)) {
    it(`filter "${name}": every sort, every applicable driver, no gaps or duplicates across pages`, () => {
      const f = filters()
      for (const sort of SORTS) {
        const want = expected(f, sort)
        if (name !== 'orderNumber' && name !== 'intent' && name !== 'account') expect(want.length).toBeGreaterThan(3)
        expect(pageAll(f, sort, null).map((r) => r.id), `${sort.key} ${sort.direction}`).toEqual(want)
        for (const driver of driversFor(f)) {
          expect(pageAll(f, sort, driver, 7 + Math.floor(want.length / 3)).map((r) => r.id), `${sort.key} ${sort.direction} via ${driver}`).toEqual(want)
        }
      }
    })
  }

  it('keeps orders with equal timestamps, names and amounts in id order across page boundaries', () => {
    const tied = facts.filter((f) => f.createdAt === TIE_AT).map((f) => f.id)
    expect(tied).toHaveLength(32)
    const rows = pageAll({ from: TIE_AT, to: TIE_AT }, { key: 'created', direction: 'asc' }, null, 5)
    expect(rows.map((r) => r.id)).toEqual([...tied].sort((a, b) => a - b))
    const byName = pageAll({ text: 'alice tie' }, { key: 'customer', direction: 'asc' }, null, 3)
    expect(byName.map((r) => r.id)).toEqual([...byName.map((r) => r.id)].sort((a, b) => a - b))
  })

  it('does not repeat or skip rows when orders arrive between pages', () => {
    const sort: OrderSort = { key: 'created', direction: 'desc' }
    const first = listOrders(db, { sort, limit: 50 })
    const ctx = createCoreContext(db, () => NOW + 60_000)
    const course = db.prepare("SELECT id FROM course WHERE active = 1 LIMIT 1").pluck().get() as number
    const added = createOrder(ctx, { accountId: facts[0]!.accountId, courseIds: [course], actor: 'test' })
    const second = listOrders(db, { sort, limit: 50, cursor: first.nextCursor! })
    expect(second.rows.map((r) => r.id)).not.toContain(added.id)
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(expected({}, sort).slice(0, 100))
    facts = loadFacts(db)
  })

  it('describes each row from the source tables: customer, items, money and methods', () => {
    const rows = pageAll({}, { key: 'created', direction: 'desc' }, null, 200)
    const byId = new Map(facts.map((f) => [f.id, f]))
    for (const row of rows) {
      const f = byId.get(row.id)!
      expect(row).toEqual({
        id: f.id,
        createdAt: f.createdAt,
        status: f.status,
        accountId: f.accountId,
        customerName: f.name,
        customerEmail: f.email,
        itemCount: f.courses.length,
        firstTitles: f.titles.slice(0, 3),
        amount: f.amount,
        currency: f.currency,
        paid: f.paid,
        refunded: f.refunded,
        methods: (['card', 'cash', 'credit'] as const).filter((m) => f.methods.has(m)),
        kind: 'sale',
      })
    }
  })
})
