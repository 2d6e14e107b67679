// npm run bench:history-shop [-- --dir <folder>] [--orders 1000000] [--runs 9]
// Orders across the shop (issue 16) on a seed:large store that also holds another till's million orders as pulled
// from the shop book (a copy of its own, under another installation id): first pages and totals for "all tills"
// and for that one other till, per filter, and the CSV of every till's orders. Cold = first query on a fresh
// connection, warm = median of the next runs. Creates the store and the copies if missing. Prints; asserts nothing.
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ALL_TILLS, type OrderFilters, type OrderSort } from '../src/shared/history'
import { createLiveBus } from '../src/main/core/bus/live-bus'
import { silentLogger } from '../src/main/core/logging/logger'
import { createOrderExporter } from '../src/main/core/history/export-orders'
import { historyTotals, listHistory } from '../src/main/core/history/whole-shop'
import { openDatabase, type Db } from '../src/main/core/store/db'
import { DATABASE_FILE, seedLargeStore } from '../scripts/seed/seed-large-store'
import { timeRead } from './timing'

const { values: args } = parseArgs({ options: { dir: { type: 'string' }, orders: { type: 'string' }, runs: { type: 'string' } } })
const dir = resolve(args.dir ?? join(tmpdir(), 'coursetill-bench-history-shop'))
const ORDERS = Number((args.orders ?? '1000000').replace(/[_,]/g, ''))
const RUNS = Number(args.runs ?? 9)
const file = join(dir, DATABASE_FILE)
const OTHER_TILL = 'b0b0b0b0-other-till-0001'

/** Another till's orders as the pull leaves them: the store's own orders copied under another installation id. */
const COPY = `
INSERT INTO shop_order_copy (installation, order_id, email, customer_name, amount, currency, status, kind, created_at, updated_at)
SELECT @till, o.id, a.email, a.name, o.amount, o.currency, o.status, o.kind, o.created_at + 1, o.updated_at FROM purchase_order o JOIN account a ON a.id = o.account_id;
INSERT INTO shop_order_item_copy (installation, item_id, order_id, course_code, title, unit_amount)
SELECT @till, i.id, i.order_id, c.code, i.title, i.unit_amount FROM purchase_order_item i JOIN course c ON c.id = i.course_id;
INSERT INTO shop_payment_copy (installation, payment_id, order_id, method, amount_received, currency, status, stripe_payment_intent_id, updated_at)
SELECT @till, id, order_id, method, amount_received, currency, status, stripe_payment_intent_id, updated_at FROM payment;
INSERT INTO shop_refund_copy (installation, refund_id, payment_id, amount, currency, status, updated_at)
SELECT @till, id, payment_id, amount, currency, status, updated_at FROM refund;`

function ensureStore() {
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    console.log(`store: seeding ${ORDERS.toLocaleString('en')} orders into ${file} …`)
    const summary = seedLargeStore({ dir, orders: ORDERS, seed: 1, now: Date.UTC(2026, 5, 30, 18) })
    console.log(`store: seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s`)
  }
  const db = openDatabase(file)
  if ((db.prepare('SELECT count(*) FROM shop_order_copy').pluck().get() as number) === 0) {
    const started = performance.now()
    // The copies' figures (paid, refunded, methods) are kept by triggers as the pull brings rows, as here.
    db.transaction(() => {
      for (const statement of COPY.split(';').filter((s) => s.trim())) db.prepare(statement).run({ till: OTHER_TILL })
    }).immediate()
    console.log(`copies: another till's orders copied in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
  db.close()
}

const time = (label: string, run: (db: Db) => number) => timeRead(file, RUNS, label, run, 44)

function filtersFor(db: Db): Array<[string, OrderFilters]> {
  const one = <T>(text: string) => db.prepare(text).pluck().get() as T
  const busiest = one<number>('SELECT course_id FROM purchase_order_item GROUP BY course_id ORDER BY count(*) DESC LIMIT 1')
  const account = one<number>('SELECT account_id FROM purchase_order WHERE id = (SELECT max(id) / 2 FROM purchase_order)')
  const intent = one<string>("SELECT stripe_payment_intent_id FROM payment WHERE method = 'card' ORDER BY id DESC LIMIT 1")
  const latest = one<number>('SELECT max(created_at) FROM purchase_order')
  return [
    ['no filter', {}],
    ['status: refunded', { statuses: ['refunded'] }],
    ['dates: 30 days', { from: latest - 120 * 86_400_000, to: latest - 90 * 86_400_000 }],
    ['course: busiest', { courseId: busiest }],
    ['customer: one account', { accountId: account }],
    ['method: card and cash', { method: 'both' }],
    ['search: customer name "smith"', { text: 'smith' }],
    ['search: order number', { text: `#${one<number>('SELECT max(id) / 3 FROM purchase_order')}` }],
    ['search: payment intent', { text: intent }],
  ]
}

async function exportAll() {
  const db = openDatabase(file)
  const started = performance.now()
  const result = await createOrderExporter({ db, bus: createLiveBus(silentLogger), now: Date.now, dataDir: dir })({ filters: { till: ALL_TILLS } })
  const seconds = (performance.now() - started) / 1000
  db.close()
  console.log(`  ${result.rows.toLocaleString('en')} rows, ${(result.bytes / 2 ** 20).toFixed(0)} MiB in ${seconds.toFixed(2)} s = ${Math.round(result.rows / seconds).toLocaleString('en')} rows/s`)
  rmSync(result.path, { force: true })
}

async function main() {
  ensureStore()
  const db = openDatabase(file)
  const filters = filtersFor(db)
  const count = (table: string) => (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number).toLocaleString('en')
  console.log(`orders: ${count('purchase_order')} at this till, ${count('shop_order_copy')} copied from another; ${RUNS} warm runs each`)
  db.close()
  for (const [scope, till] of [['all tills', ALL_TILLS], ['the other till', OTHER_TILL]] as const) {
    console.log(`\nfirst page (100 rows, newest first), ${scope}`)
    for (const [label, f] of filters) time(label, (d) => listHistory(d, { filters: { ...f, till }, limit: 100 }).rows.length)
  }
  console.log('\nfirst page, other sorts, all tills')
  for (const sort of [{ key: 'customer', direction: 'asc' }, { key: 'amount', direction: 'desc' }, { key: 'status', direction: 'asc' }] as OrderSort[]) {
    time(`sort: ${sort.key} ${sort.direction}`, (d) => listHistory(d, { filters: { till: ALL_TILLS }, sort, limit: 100 }).rows.length)
  }
  console.log('\nkeyset paging (100 rows a page), all tills')
  time('created desc: pages 1 to 200 in a row', (d) => {
    let page = listHistory(d, { filters: { till: ALL_TILLS }, limit: 100 })
    for (let i = 0; i < 199 && page.nextCursor; i++) page = listHistory(d, { filters: { till: ALL_TILLS }, limit: 100, cursor: page.nextCursor })
    return page.rows.length
  })
  console.log('\ntotals per currency, all tills')
  for (const [label, f] of filters) time(label, (d) => historyTotals(d, { ...f, till: ALL_TILLS }).count)
  console.log('\nCSV export of every till\'s orders (newest first)')
  await exportAll()
}

void main()
