import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import type { ShopDatabase } from '../../src/main/core/shop/shop-database'
import { migrateShop } from '../../src/main/core/shop/shop-schema'
import { openPgShopDatabase } from '../../src/main/shop-pg/pg-database'
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster'
import { startProcessTill, type ProcessTill } from '../helpers/shop-tills'
import { startTestTill, type TestTill } from '../helpers/test-till'

/** One real PostgreSQL for a test file, and the tills (processes) its tests start on it, all stopped after the file. */
export function useShop(): { readonly cluster: PgCluster; startTills(count: number, env?: (index: number) => Promise<Record<string, string>> | Record<string, string>): Promise<ProcessTill[]> } {
  let cluster: PgCluster | undefined
  const tills: ProcessTill[] = []
  beforeAll(async () => {
    cluster = await startPgCluster()
  }, 60_000)
  afterAll(async () => {
    await Promise.all(tills.map((t) => t.close()))
    cluster?.destroy()
  })
  return {
    get cluster() {
      return cluster!
    },
    /** `env` gives each till its own environment (a shared Stripe account, its webhook secret…). */
    async startTills(count, env) {
      const started = await Promise.all(Array.from({ length: count }, async (_, index) => startProcessTill({ shopUrl: cluster!.url, ...(env ? { env: await env(index) } : {}) })))
      tills.push(...started)
      return started
    },
  }
}

/** One real PostgreSQL for a test file with the shop book migrated, reached in this process (no tills). */
export function useShopBook(): { readonly cluster: PgCluster; readonly shop: ShopDatabase } {
  let cluster: PgCluster | undefined
  let shop: ShopDatabase | undefined
  beforeAll(async () => {
    cluster = await startPgCluster()
    shop = openPgShopDatabase(cluster.url)
    await migrateShop(shop)
  }, 60_000)
  afterAll(async () => {
    await shop?.close()
    cluster?.destroy()
  })
  return {
    get cluster() {
      return cluster!
    },
    get shop() {
      return shop!
    },
  }
}

/** A query against the shop database, as the tests' own client (a fresh connection: the server may have restarted). */
export async function shopQuery<T = Record<string, unknown>>(cluster: PgCluster, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.url })
  await client.connect()
  try {
    return (await client.query(text, params)).rows as T[]
  } finally {
    await client.end()
  }
}

/** Settles every till twice: the first round pushes everything, the second pulls what the others pushed. */
export async function settleAll(tills: readonly ProcessTill[]): Promise<void> {
  await Promise.all(tills.map((t) => t.settled()))
  await Promise.all(tills.map((t) => t.settled()))
}

export const sorted = (ids: Iterable<number | string>) => [...ids].map(Number).sort((a, b) => a - b)

/** Every till's orders are in the shop exactly once (with their payments), and in every other till's history. */
export async function expectWholeShop(cluster: PgCluster, tills: readonly ProcessTill[], expect: (actual: unknown) => { toEqual(v: unknown): void }) {
  for (const till of tills) {
    const local = sorted((await till.query<{ id: number }>('SELECT id FROM purchase_order')).map((r) => r.id))
    const inShop = await shopQuery<{ id: number }>(cluster, 'SELECT id FROM shop_order WHERE installation = $1', [till.installation])
    expect(sorted(inShop.map((r) => r.id))).toEqual(local)
    const payments = await till.query<{ id: number }>('SELECT id FROM payment')
    const shopPayments = await shopQuery<{ id: number }>(cluster, 'SELECT id FROM shop_payment WHERE installation = $1', [till.installation])
    expect(sorted(shopPayments.map((r) => r.id))).toEqual(sorted(payments.map((r) => r.id)))
    const [audit] = await till.query<{ n: number }>('SELECT count(*) AS n FROM audit_log')
    const [shopAudit] = await shopQuery<{ n: number }>(cluster, 'SELECT count(*)::int AS n FROM shop_audit WHERE installation = $1', [till.installation])
    expect(shopAudit!.n).toEqual(audit!.n)
    for (const other of tills) {
      if (other === till) continue
      const copies = await other.query<{ order_id: number }>('SELECT order_id FROM shop_order_copy WHERE installation = ?', [till.installation])
      expect(sorted(copies.map((r) => r.order_id))).toEqual(local)
    }
  }
}

/**
 * In-process tills on the file's shop database (useShop), each with the owner signed in and a shift open, all
 * closed after the file.
 */
export function useShopTestTills(shop: { readonly cluster: PgCluster }): { till(): Promise<TestTill>; readonly started: readonly TestTill[] } {
  const started: TestTill[] = []
  afterAll(async () => {
    await Promise.all(started.map((t) => t.close()))
  })
  return {
    started,
    async till() {
      const t = await startTestTill({ env: { COURSETILL_SHOP_DATABASE_URL: shop.cluster.url } })
      started.push(t)
      await t.managerToken()
      return t
    },
  }
}
