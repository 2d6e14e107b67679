// npm run bench:history [-- --dir <folder>] [--orders 1000000] [--runs 9]
// The Orders screen's reads on a seed:large store: first pages and totals per filter (cold = first query on a new
// connection, warm = median of the next runs), a full CSV export (time, rows/s, RSS sampled throughout) and the
// browser host's first page from a cold start. Creates the store if the folder has none. Prints; asserts nothing.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { OrderFilters, OrderSort } from '../src/shared/history'
import { createLiveBus } from '../src/main/core/bus/live-bus'
import { silentLogger } from '../src/main/core/logging/logger'
import { createOrderExporter } from '../src/main/core/history/export-orders'
import { listOrders } from '../src/main/core/history/list-orders'
import { orderTotals } from '../src/main/core/history/totals'
import { openDatabase, type Db } from '../src/main/core/store/db'
import { DATABASE_FILE, seedLargeStore } from '../scripts/seed/seed-large-store'
import { ms, timeRead } from './timing'

const { values: args } = parseArgs({ options: { dir: { type: 'string' }, orders: { type: 'string' }, runs: { type: 'string' } } })
const dir = resolve(args.dir ?? join(tmpdir(), 'coursetill-bench-history'))
const ORDERS = Number((args.orders ?? '1000000').replace(/[_,]/g, ''))
const RUNS = Number(args.runs ?? 9)
const file = join(dir, DATABASE_FILE)

function ensureStore() {
  if (existsSync(file)) return console.log(`store: ${file} (existing)`)
  mkdirSync(dir, { recursive: true })
  console.log(`store: seeding ${ORDERS.toLocaleString('en')} orders into ${file} …`)
  const summary = seedLargeStore({ dir, orders: ORDERS, seed: 1, now: Date.UTC(2026, 5, 30, 18) })
  console.log(`store: seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s, ${(summary.bytes / 2 ** 20).toFixed(0)} MiB`)
}

const time = (label: string, run: (db: Db) => number) => timeRead(file, RUNS, label, run)

function filtersFor(db: Db): Array<[string, OrderFilters]> {
  const one = <T>(text: string) => db.prepare(text).pluck().get() as T
  const busiest = one<number>('SELECT course_id FROM purchase_order_item GROUP BY course_id ORDER BY count(*) DESC LIMIT 1')
  const rarest = one<number>('SELECT course_id FROM purchase_order_item GROUP BY course_id ORDER BY count(*) LIMIT 1')
  const account = one<number>('SELECT account_id FROM purchase_order WHERE id = (SELECT max(id) / 2 FROM purchase_order)')
  const email = one<string>(`SELECT email FROM account WHERE id = ${account}`)
  const intent = one<string>("SELECT stripe_payment_intent_id FROM payment WHERE method = 'card' ORDER BY id DESC LIMIT 1")
  const latest = one<number>('SELECT max(created_at) FROM purchase_order')
  const month = { from: latest - 120 * 86_400_000 - 3_600_000, to: latest - 90 * 86_400_000 }
  return [
    ['no filter', {}],
    ['status: refunded', { statuses: ['refunded'] }],
    ['status: partly paid + failed + canceled', { statuses: ['partially_paid', 'failed', 'canceled'] }],
    ['dates: 30 days, local midnights', month],
    ['course: busiest', { courseId: busiest }],
    ['course: rarest (retired)', { courseId: rarest }],
    ['customer: one account', { accountId: account }],
    ['method: card', { method: 'card' }],
    ['method: card and cash', { method: 'both' }],
    ['search: customer name "smith"', { text: 'smith' }],
    ['search: customer email', { text: email }],
    ['search: order number', { text: `#${one<number>('SELECT max(id) / 3 FROM purchase_order')}` }],
    ['search: payment intent', { text: intent }],
    ['combined: status+method+dates+course', { statuses: ['successful', 'partially_refunded'], method: 'card', courseId: busiest, ...month }],
  ]
}

async function exportAll() {
  const db = openDatabase(file)
  const bus = createLiveBus(silentLogger)
  let events = 0
  bus.subscribe(() => events++)
  const rss: number[] = []
  const sample = setInterval(() => rss.push(process.memoryUsage().rss), 50)
  const before = process.memoryUsage().rss
  const started = performance.now()
  const result = await createOrderExporter({ db, bus, now: Date.now, dataDir: dir })({})
  const seconds = (performance.now() - started) / 1000
  clearInterval(sample)
  db.close()
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`
  const quarter = (q: number) => mib(rss[Math.min(rss.length - 1, Math.floor(q * rss.length))] ?? before)
  console.log(`  ${result.rows.toLocaleString('en')} rows, ${mib(result.bytes)} of CSV in ${seconds.toFixed(2)} s = ${Math.round(result.rows / seconds).toLocaleString('en')} rows/s, ${events} progress events`)
  console.log(`  RSS: before ${mib(before)}, at 25% ${quarter(0.25)}, 50% ${quarter(0.5)}, 75% ${quarter(0.75)}, end ${quarter(1)}, peak ${mib(Math.max(before, ...rss))}`)
  rmSync(result.path, { force: true })
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })
}

/** Spawns `node out/main/host.js` on the store and times until orders:list answers its first page. */
async function hostColdStart() {
  const entry = resolve('out/main/host.js')
  if (!existsSync(entry)) return console.log('  out/main/host.js is missing: run `npm run build` first')
  const [port, webhookPort] = [await freePort(), await freePort()]
  const started = performance.now()
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, COURSETILL_DATA_DIR: dir, COURSETILL_PORT: String(port), COURSETILL_WEBHOOK_PORT: String(webhookPort) },
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  // The API needs the launch token the host prints in its address (sent as the cookie a browser would hold).
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  try {
    for (;;) {
      if (child.exitCode !== null) return console.log(`  the host exited with ${child.exitCode}`)
      const token = /\?token=([a-f0-9]{64})/.exec(output)?.[1]
      const headers = { 'Content-Type': 'application/json', Cookie: `coursetill_${port}=${token ?? ''}` }
      const answer = token ? await fetch(`http://127.0.0.1:${port}/api/orders:list`, { method: 'POST', headers, body: '{"limit":100}' }).catch(() => null) : null
      if (answer?.ok) {
        const page = (await answer.json()) as { value: { rows: unknown[] } }
        return console.log(`  spawn → first page of ${page.value.rows.length} orders: ${ms(performance.now() - started)}`)
      }
      await new Promise((r) => setTimeout(r, 20))
    }
  } finally {
    child.kill('SIGTERM')
  }
}

async function main() {
  ensureStore()
  const db = openDatabase(file)
  const filters = filtersFor(db)
  console.log(`orders: ${(db.prepare('SELECT count(*) FROM purchase_order').pluck().get() as number).toLocaleString('en')}; ${RUNS} warm runs each`)
  db.close()
  console.log('\nfirst page (100 rows, newest first) — target < 50 ms')
  for (const [label, f] of filters) time(label, (d) => listOrders(d, { filters: f, limit: 100 }).rows.length)
  console.log('\nfirst page, other sorts, no filter')
  for (const sort of [{ key: 'customer', direction: 'asc' }, { key: 'amount', direction: 'desc' }, { key: 'status', direction: 'asc' }] as OrderSort[]) {
    time(`sort: ${sort.key} ${sort.direction}`, (d) => listOrders(d, { sort, limit: 100 }).rows.length)
  }
  console.log('\ntotals per currency — target < 200 ms')
  for (const [label, f] of filters) time(label, (d) => orderTotals(d, f).count)
  console.log('\nCSV export of every order (newest first) — target < 10 s, memory flat')
  await exportAll()
  console.log('\nbrowser host cold start → first page — target < 2 s')
  await hostColdStart()
}

void main()
