// npm run bench:shop — shop mode against a real PostgreSQL (a throwaway cluster, fsync on): three tills as
// processes. (1) orders/s pushed: each till sells a backlog while the shop database is down, then it comes back
// and the three push at once. (2) sync lag: till A sells paced cash sales, till B's local copy is watched; lag is
// from A's commit to the order being readable at B. (3) a fresh laptop pulling a large shop history (seeded
// straight into PostgreSQL: each order with its line, its payment, and a refund on one in ten): from start to
// every order held locally, then to fully synced (lines, payments, refunds and their figures in the copies). Prints figures; asserts nothing.
// BENCH_BACKLOG (orders per till, default 1000), BENCH_LAG_SALES (default 200), BENCH_HISTORY (default 1000000).
import pg from 'pg'
import { startPgCluster } from '../tests/helpers/pg-cluster'
import { startProcessTill } from '../tests/helpers/shop-tills'

const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 1000)
const LAG_SALES = Number(process.env.BENCH_LAG_SALES ?? 200)
const HISTORY = Number(process.env.BENCH_HISTORY ?? 1_000_000)

const cluster = await startPgCluster({ fsync: true })
const shop = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: cluster.url })
  await client.connect()
  try {
    return (await client.query(text, params)).rows as T[]
  } finally {
    await client.end()
  }
}
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

try {
  const tills = await Promise.all([0, 1, 2].map(() => startProcessTill({ shopUrl: cluster.url })))
  await Promise.all(tills.map((t) => t.settled()))
  const [{ n: before }] = await shop<{ n: number }>('SELECT count(*)::int AS n FROM shop_order')

  // (1) Push throughput.
  cluster.stop()
  const soldAt = Date.now()
  await Promise.all(tills.map((t) => t.sell(BACKLOG)))
  console.log(`backlog: ${3 * BACKLOG} cash sales made offline in ${((Date.now() - soldAt) / 1000).toFixed(1)} s`)
  const [{ n: outbox }] = await tills[0]!.query<{ n: number }>('SELECT count(*) AS n FROM sync_outbox')
  cluster.start()
  // Timed from the first order landing (the tills' reconnect backoff is not the push) to the last.
  let firstAt = 0
  for (;;) {
    const [{ n }] = await shop<{ n: number }>('SELECT count(*)::int AS n FROM shop_order')
    if (n > before && firstAt === 0) firstAt = Date.now()
    if (n - before >= 3 * BACKLOG) break
    await sleep(10)
  }
  const pushSeconds = (Date.now() - firstAt) / 1000
  await Promise.all(tills.map((t) => t.settled()))
  console.log(`push: ${3 * BACKLOG} orders (${outbox} outbox rows at one till: each order with its payment, grant and audit rows) from 3 tills at once in ${pushSeconds.toFixed(2)} s = ${Math.round((3 * BACKLOG) / pushSeconds)} orders/s`)

  // (2) Lag from a commit at A to the order readable at B.
  const [a, b] = tills
  const [{ last }] = await a!.query<{ last: number }>('SELECT max(id) AS last FROM purchase_order')
  const seen = new Map<number, number>()
  let watching = true
  const watcher = (async () => {
    while (watching) {
      const rows = await b!.query<{ order_id: number }>("SELECT order_id FROM shop_order_copy WHERE installation = ? AND order_id > ? AND status = 'successful'", [a!.installation, last])
      const now = Date.now()
      for (const row of rows) if (!seen.has(row.order_id)) seen.set(row.order_id, now)
      await sleep(5)
    }
  })()
  a!.sold.length = 0
  await a!.sell(LAG_SALES, 25)
  const sales = [...a!.sold]
  while (sales.some((s) => !seen.has(s.orderId))) await sleep(20)
  watching = false
  await watcher
  const lags = sales.map((s) => seen.get(s.orderId)! - s.at)
  console.log(`lag A→B over ${LAG_SALES} paced sales: p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms, max ${Math.max(...lags)} ms (B polled every 5 ms)`)
  await Promise.all(tills.map((t) => t.close()))

  // (3) A fresh laptop pulls a large history.
  const seedStart = Date.now()
  await seedHistory(HISTORY)
  console.log(`seeded ${HISTORY} orders from 3 other tills into PostgreSQL in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`)
  const pullStart = Date.now()
  const laptop = await startProcessTill({ shopUrl: cluster.url })
  const started = Date.now()
  const [{ n: total }] = await shop<{ n: number }>('SELECT count(*)::int AS n FROM shop_order')
  for (;;) {
    const [{ n }] = await laptop.query<{ n: number }>('SELECT count(*) AS n FROM shop_order_copy')
    if (n >= total) break
    await sleep(200)
  }
  const ordersIn = Date.now()
  await laptop.settled()
  const [{ n: held }] = await laptop.query<{ n: number }>('SELECT count(*) AS n FROM shop_order_copy')
  const [{ n: people }] = await laptop.query<{ n: number }>('SELECT count(*) AS n FROM account')
  const [figures] = await laptop.query<{ paid: number; refunded: number; days: number }>(
    'SELECT sum(paid) AS paid, sum(refunded) AS refunded, (SELECT sum(orders) FROM shop_order_day_total) AS days FROM shop_order_copy',
  )
  console.log(`  copies: paid ${figures!.paid} and refunded ${figures!.refunded} (minor units, GBP); ${figures!.days} orders in the per-day totals`)
  console.log(
    `fresh laptop: till started in ${((started - pullStart) / 1000).toFixed(1)} s; all ${held} orders held locally ${((ordersIn - started) / 1000).toFixed(1)} s later; ` +
      `fully synced (${people} customers made local and linked back) after ${((Date.now() - pullStart) / 1000).toFixed(1)} s in all`,
  )
  await laptop.close()
} finally {
  cluster.destroy()
}

async function seedHistory(orders: number) {
  const install = (i: number) => `bench-history-till-${i}`
  const client = new pg.Client({ connectionString: cluster.url })
  await client.connect()
  // Triggers off while seeding (person ids filled here); the rows satisfy the constraints all the same.
  await client.query('SET session_replication_role = replica')
  await client.query(`INSERT INTO shop_person (email_key, email, name, first_installation, created_at)
    SELECT 'hist' || g || '@example.com', 'hist' || g || '@example.com', 'History ' || g, $1, 0 FROM generate_series(1, 20000) g`, [install(0)])
  for (let t = 0; t < 3; t++) {
    await client.query(`INSERT INTO shop_account (installation, local_id, sync_seq, id, email, name, person_id, created_at, updated_at)
      SELECT $1, p.id::text, 1, p.id, p.email, p.name, p.id, 0, 0 FROM shop_person p WHERE p.email_key LIKE 'hist%'`, [install(t)])
    const per = Math.ceil(orders / 3)
    await client.query(`INSERT INTO shop_order (installation, local_id, sync_seq, id, account_id, person_id, email, customer_name, amount, currency, status, kind, created_at, updated_at)
      SELECT $1, g::text, g, g, p.id, p.id, p.email, p.name, 4900, 'GBP', 'successful', 'sale', 1700000000000 + g::bigint * 60000, 1700000000000 + g::bigint * 60000
        FROM generate_series(1, $2::int) g JOIN shop_person p ON p.id = (SELECT min(id) FROM shop_person) + (g % 20000)`, [install(t), per])
    // What Orders and Reports across the shop read of each order: its line, its cash payment, a refund on one in ten.
    await client.query(`INSERT INTO shop_order_item (installation, local_id, sync_seq, id, order_id, course_id, course_code, title, unit_amount)
      SELECT $1, g::text, g, g, g, 1, 'BK-101', 'Bookkeeping Basics', 4900 FROM generate_series(1, $2::int) g`, [install(t), per])
    await client.query(`INSERT INTO shop_payment (installation, local_id, sync_seq, id, order_id, method, amount, amount_received, tendered_amount, currency, status, created_at, updated_at)
      SELECT $1, g::text, g, g, g, 'cash', 4900, 4900, 5000, 'GBP', 'succeeded', 1700000000000 + g::bigint * 60000, 1700000000000 + g::bigint * 60000
        FROM generate_series(1, $2::int) g`, [install(t), per])
    await client.query(`INSERT INTO shop_refund (installation, local_id, sync_seq, id, payment_id, amount, currency, status, reason, requested_by, created_at, updated_at)
      SELECT $1, (g / 10)::text, g / 10, g / 10, g, 1000, 'GBP', 'succeeded', 'requested_by_customer', 'bench', 1700000000000 + g::bigint * 60000, 1700000000000 + g::bigint * 60000
        FROM generate_series(10, $2::int, 10) g`, [install(t), per])
  }
  await client.end()
}
