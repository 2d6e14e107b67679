// npm run bench:shop-reports [-- --payments 500000 --runs 5]
// Reports for the whole shop (scope 'shop') on a laptop holding a big shop history: other tills' payments over a
// year, in the order they were made (1–3 lines each, a refund on one in twenty), as the pull lands them in the
// copies; then the report for 7, 30 and 366 days, this till's own and the whole shop's (cold = first on a new
// connection, warm = median of the next runs).
// Prints; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { revenueReport } from '../src/main/core/insight/revenue'
import { openDatabase, type Db } from '../src/main/core/store/db'
import { timeRead } from './timing'
import { addDays } from '../src/shared/insight'

const { values: args } = parseArgs({ options: { payments: { type: 'string' }, runs: { type: 'string' } } })
const PAYMENTS = Number((args.payments ?? '500000').replace(/[_,]/g, ''))
const RUNS = Number(args.runs ?? 5)
const dir = mkdtempSync(join(tmpdir(), 'coursetill-bench-shop-reports-'))
const file = join(dir, 'coursetill.db')
const END = Date.UTC(2026, 11, 1)
const DAY = 86_400_000
const CURRENCIES = ['GBP', 'GBP', 'GBP', 'EUR', 'JPY', 'KWD']
const METHODS = ['card', 'card', 'cash', 'credit'] as const

let seed = 1
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)

function fill() {
  const db = openDatabase(file)
  const course = db.prepare(`INSERT INTO course (code, title, description, price_amount, currency, active, created_at, updated_at) VALUES (?, ?, '', ?, ?, 1, 0, 0)`)
  const item = db.prepare('INSERT INTO shop_order_item_copy (installation, item_id, order_id, course_code, title, unit_amount) VALUES (?, ?, ?, ?, ?, ?)')
  const payment = db.prepare(`INSERT INTO shop_payment_copy (installation, payment_id, order_id, method, amount_received, currency, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'succeeded', ?)`)
  const refund = db.prepare(`INSERT INTO shop_refund_copy (installation, refund_id, payment_id, amount, currency, status, updated_at) VALUES (?, ?, ?, ?, ?, 'succeeded', ?)`)
  const started = performance.now()
  db.transaction(() => {
    // 40 courses per currency; one code in ten is not in this till's catalog (sold elsewhere before the catalog pull).
    for (const currency of new Set(CURRENCIES)) for (let c = 0; c < 40; c++) if (c % 10 !== 9) course.run(`${currency}-${c}`, `${currency} course ${c}`, 1000 + c * 100, currency)
    let itemId = 0
    for (let id = 1; id <= PAYMENTS; id++) {
      const till = `bench-till-00000000000${id % 3}`
      const currency = CURRENCIES[Math.floor(random() * CURRENCIES.length)]!
      // A till's orders are numbered as they are made: ids follow the clock (within an hour or so, across tills).
      const at = END - 366 * DAY + Math.floor((id / PAYMENTS) * 366 * DAY) - Math.floor(random() * 3_600_000)
      let amount = 0
      for (let line = 0, lines = 1 + Math.floor(random() * 3); line < lines; line++) {
        const c = Math.floor(random() * 40)
        const price = 1000 + c * 100
        item.run(till, ++itemId, id, `${currency}-${c}`, `${currency} course ${c}`, price)
        amount += price
      }
      payment.run(till, id, id, METHODS[Math.floor(random() * METHODS.length)], amount, currency, at)
      if (id % 20 === 0) refund.run(till, id, id, 1 + Math.floor(random() * amount), currency, at + DAY)
    }
  })()
  db.close()
  console.log(`copies: ${PAYMENTS.toLocaleString('en')} payments from 3 other tills filled in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

function time(label: string, days: number, scope: 'till' | 'shop') {
  const to = new Date(END - DAY).toISOString().slice(0, 10)
  const input = { from: addDays(to, 1 - days), to, timeZone: 'Europe/London', scope }
  const counted = (db: Db) => revenueReport(db, input).currencies.reduce((sum, c) => sum + c.payments, 0)
  timeRead(file, RUNS, label, counted, 24, 'payments counted')
}

try {
  fill()
  for (const days of [7, 30, 366]) {
    time(`${days} days, this till`, days, 'till')
    time(`${days} days, whole shop`, days, 'shop')
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
