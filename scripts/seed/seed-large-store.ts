import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { ORDER_STATUSES, type OrderStatus } from '@shared/domain'
import { audit } from '../../src/main/core/audit'
import { openDatabase, type Db } from '../../src/main/core/store/db'
import { stockCatalog } from './catalog'
import { signUpCustomers } from './customers'
import { createOrderPlanner } from './order-plan'
import { createOrderWriter, type WrittenCounts } from './order-writer'
import { createRandom } from './random'
import { createStripeIds } from './stripe-ids'
import { busyTimes, historyWindow } from './timeline'
import { withHistoryTriggersOff } from '../../src/main/core/history/rebuild'

// The file name the app opens in its data directory: DATABASE_FILE in src/main/core/app.ts, not imported from
// there because app.ts loads the whole app (Stripe client, webhook server) just to name a file.
export const DATABASE_FILE = 'coursetill.db'

export interface SeedOptions {
  dir: string
  orders: number
  seed: number
  /** The end of the generated history; defaults to the current time. Fix it to make runs byte-for-byte reproducible. */
  now?: number
  /** Delete an existing store first instead of refusing to touch it. */
  force?: boolean
  /** Called once the store has been accepted, before anything is written. */
  onStart?: (file: string) => void
  onProgress?: (progress: SeedProgress) => void
}

export interface SeedProgress {
  ordersWritten: number
  ordersTotal: number
  elapsedMs: number
}

export interface SeedSummary extends WrittenCounts {
  file: string
  seed: number
  customers: number
  courses: number
  statuses: Record<OrderStatus, number>
  bytes: number
  elapsedMs: number
}

export class StoreNotEmptyError extends Error {
  override name = 'StoreNotEmptyError'
  constructor(
    readonly file: string,
    readonly orders: number,
  ) {
    super(`${file} already has ${orders.toLocaleString('en')} orders; refusing to seed over them (--force deletes and recreates it)`)
  }
}

// 50k orders (~300k rows) per transaction: few enough commits to be cheap, small enough that the WAL stays modest.
const ORDERS_PER_TRANSACTION = 50_000
const CUSTOMERS_PER_ORDER_DIVISOR = 8
// 512 MiB of page cache while seeding, so the random-order indexes (orders by account) are updated in memory.
const SEED_CACHE_KIB = 512 * 1024

/** Fills <dir>/coursetill.db with a realistic, reproducible order history for benchmarks. */
export function seedLargeStore(options: SeedOptions): SeedSummary {
  const { dir, orders, seed, now = Date.now(), force = false, onStart, onProgress } = options
  if (!Number.isSafeInteger(orders) || orders < 1) throw new RangeError(`orders must be a positive whole number, got ${orders}`)
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative whole number, got ${seed}`)
  const started = performance.now()
  mkdirSync(dir, { recursive: true })
  const file = join(dir, DATABASE_FILE)
  if (force) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })

  const existing = ordersIn(file)
  if (existing > 0) throw new StoreNotEmptyError(file, existing)
  onStart?.(file)

  const db = openDatabase(file)
  try {
    // The history caches are rebuilt once at the end instead of by a trigger per row written.
    const counts = withSeedingPragmas(db, () => withHistoryTriggersOff(db, () => fill(db, { orders, seed, now, started, onProgress })))
    db.exec('ANALYZE')
    // Fold the WAL into the file so its size is the store's size and the app opens it without a recovery pass.
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    return { ...counts, file, seed, bytes: statSync(file).size, elapsedMs: performance.now() - started }
  } finally {
    if (db.open) db.close()
  }
}

/**
 * Counts orders without writing anything: a refused store is not even migrated. A plain read-write connection,
 * not a read-only one, because only a writer removes the -wal and -shm files on closing, leaving the folder as it was.
 */
function ordersIn(file: string): number {
  if (!existsSync(file)) return 0
  const db = new Database(file, { fileMustExist: true })
  try {
    const hasOrderTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'purchase_order'").get() !== undefined
    return hasOrderTable ? (db.prepare('SELECT count(*) FROM purchase_order').pluck().get() as number) : 0
  } finally {
    db.close()
  }
}

/**
 * synchronous=OFF skips the fsync at each commit: a crash mid-seed can lose the seed, never an app's real data,
 * since a store that already has orders is refused. The app's own setting (FULL, from openDatabase) comes back after.
 */
function withSeedingPragmas<T>(db: Db, work: () => T): T {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  db.pragma('journal_mode = WAL') // openDatabase chose it already; the seed's speed should not depend on that
  db.pragma('synchronous = OFF')
  db.pragma(`cache_size = -${SEED_CACHE_KIB}`)
  try {
    return work()
  } finally {
    db.pragma('synchronous = FULL')
    db.pragma(`cache_size = ${cacheSize}`)
  }
}

interface FillPlan {
  orders: number
  seed: number
  now: number
  started: number
  onProgress: SeedOptions['onProgress']
}

type FillResult = Omit<SeedSummary, 'file' | 'seed' | 'bytes' | 'elapsedMs'>

function fill(db: Db, plan: FillPlan): FillResult {
  const rng = createRandom(plan.seed)
  const window = historyWindow(plan.now)
  const stripeIds = createStripeIds(rng)
  const { catalog, customers } = db
    .transaction(() => ({
      catalog: stockCatalog(db, rng, window),
      customers: signUpCustomers(db, rng, Math.ceil(plan.orders / CUSTOMERS_PER_ORDER_DIVISOR), window, stripeIds),
    }))
    .immediate()

  const planOrder = createOrderPlanner(catalog, customers, plan.now)
  const writer = createOrderWriter(db, rng, stripeIds, plan.now)
  const statuses = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as Record<OrderStatus, number>
  const orderTimes = busyTimes(rng, plan.orders, window)
  for (let first = 0; first < plan.orders; first += ORDERS_PER_TRANSACTION) {
    const last = Math.min(plan.orders, first + ORDERS_PER_TRANSACTION)
    db.transaction(() => {
      for (let index = first; index < last; index++) {
        const order = planOrder(rng, orderTimes[index])
        writer.write(order)
        statuses[order.status]++
      }
    }).immediate()
    plan.onProgress?.({ ordersWritten: last, ordersTotal: plan.orders, elapsedMs: performance.now() - plan.started })
  }

  const result: FillResult = { ...writer.counts, customers: customers.count, courses: catalog.courseCount, statuses }
  // One entry for the whole run instead of one per order: the log says where this history came from.
  audit(db, plan.now, {
    actor: 'seed-large',
    action: 'store.seeded',
    entityType: 'setting',
    entityId: 'seed-large',
    detail: { seed: plan.seed, windowStart: window.start, ...result },
  })
  return result
}
