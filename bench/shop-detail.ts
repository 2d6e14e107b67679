// npm run bench:shop-detail — another till's order and a customer's other-till orders read from the copies a
// manager's laptop holds: N orders of one other till (one line, one payment each, one in ten partly refunded) spread
// over C customers, then R reads of random orders and of random customers. Prints p50/p99; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { customerOrdersAtOtherTills } from '../src/main/core/shop/customer-other-tills'
import { readShopOrder } from '../src/main/core/shop/shop-order-copy'
import { openDatabase } from '../src/main/core/store/db'

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000)
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 50_000)
const READS = Number(process.env.BENCH_READS ?? 2_000)
const TILL = 'bench0000000000000000000000000001'
const dir = mkdtempSync(join(tmpdir(), 'coursetill-bench-shop-detail-'))

function fill() {
  const db = openDatabase(join(dir, 'coursetill.db'))
  const account = db.prepare('INSERT INTO account (email, name, created_at, updated_at) VALUES (?, ?, 0, 0)')
  const order = db.prepare(
    `INSERT INTO shop_order_copy (installation, order_id, email, customer_name, amount, currency, status, kind, created_at, updated_at)
     VALUES (?, ?, ?, ?, 4900, 'GBP', 'successful', 'sale', ?, ?)`,
  )
  const item = db.prepare(`INSERT INTO shop_order_item_copy (installation, item_id, order_id, course_code, title, unit_amount) VALUES (?, ?, ?, 'BOOK-101', 'Bookkeeping', 4900)`)
  const payment = db.prepare(
    `INSERT INTO shop_payment_copy (installation, payment_id, order_id, method, amount_received, currency, status, updated_at) VALUES (?, ?, ?, 'cash', 4900, 'GBP', 'succeeded', ?)`,
  )
  const refund = db.prepare(`INSERT INTO shop_refund_copy (installation, refund_id, payment_id, amount, currency, status, updated_at) VALUES (?, ?, ?, 100, 'GBP', 'succeeded', ?)`)
  const started = performance.now()
  db.transaction(() => {
    for (let c = 1; c <= CUSTOMERS; c++) account.run(`bench${c}@example.com`, `Bench ${c}`)
    for (let id = 1; id <= ORDERS; id++) {
      const c = (id % CUSTOMERS) + 1
      order.run(TILL, id, `Bench${c}@Example.com`, `Bench ${c}`, id * 1000, id * 1000)
      item.run(TILL, id, id)
      payment.run(TILL, id, id, id * 1000)
      if (id % 10 === 0) refund.run(TILL, id / 10, id, id * 1000)
    }
  })()
  console.log(`filled ${ORDERS.toLocaleString('en')} orders of one other till for ${CUSTOMERS.toLocaleString('en')} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return db
}

function percentiles(label: string, run: (i: number) => void) {
  const times: number[] = []
  for (let i = 0; i < READS; i++) {
    const started = performance.now()
    run(i)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3)
  console.log(`${label}: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms over ${READS} reads`)
}

try {
  const db = fill()
  const random = (n: number) => 1 + Math.floor(Math.random() * n)
  percentiles('shop:order (another till order, its line, payment, refund)', () => readShopOrder(db, TILL, random(ORDERS)))
  percentiles(`shop:customerOrders (latest 20 of ~${Math.round(ORDERS / CUSTOMERS)}, totals)`, () => customerOrdersAtOtherTills(db, random(CUSTOMERS), 20))
  db.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
