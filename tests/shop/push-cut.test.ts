import { describe, expect, it } from 'vitest'
import { installOutbox } from '../../src/main/core/shop/outbox-triggers'
import { pushOnce, type StatementCache } from '../../src/main/core/shop/push'
import { tempStore } from '../helpers/temp-store'
import type { ShopDatabase } from '../../src/main/core/shop/shop-database'
import { shopQuery, useShopBook } from './shop-fixtures'

// A push cut at each point, in one process against real PostgreSQL: before PostgreSQL commits, and after it
// commits but before the till forgets its outbox rows. Neither loses nor doubles a row.
describe('shop push cut mid-way', () => {
  const book = useShopBook()

  function sellRaw(db: ReturnType<typeof tempStore>['db'], email: string, orders: number) {
    db.prepare("INSERT INTO account (email, name, created_at, updated_at) VALUES (?, 'Cut Test', 1, 1)").run(email)
    const accountId = db.prepare('SELECT id FROM account WHERE email = ?').pluck().get(email) as number
    for (let i = 0; i < orders; i++) {
      db.prepare("INSERT INTO purchase_order (account_id, amount, currency, created_at, updated_at) VALUES (?, 1500, 'GBP', ?, ?)").run(accountId, i, i)
      const orderId = db.prepare('SELECT max(id) FROM purchase_order').pluck().get() as number
      db.prepare("INSERT INTO payment (order_id, method, amount, currency, status, created_at, updated_at) VALUES (?, 'cash', 1500, 'GBP', 'succeeded', 1, 1)").run(orderId)
      db.prepare("UPDATE purchase_order SET status = 'successful', updated_at = ? WHERE id = ?").run(i + 1, orderId)
    }
  }

  /** The real database, but its transactions fail where told: before the commit, or after it. */
  function cutting(where: 'before-commit' | 'after-commit'): ShopDatabase {
    return {
      ...book.shop,
      query: book.shop.query,
      listen: book.shop.listen,
      close: async () => undefined,
      async transaction(fn) {
        if (where === 'before-commit') {
          return book.shop.transaction(async (tx) => {
            await fn(tx)
            throw new Error('connection lost before COMMIT')
          })
        }
        await book.shop.transaction(fn)
        throw new Error('connection lost after COMMIT, before the answer')
      },
    }
  }

  for (const where of ['before-commit', 'after-commit'] as const) {
    it(`a push cut ${where} is sent again whole, and lands once`, async () => {
      const { db, ctx } = tempStore()
      installOutbox(db, 1)
      sellRaw(db, `cut-${where}@example.com`, 30)
      const queued = db.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number
      const cache: StatementCache = new Map()
      await expect(pushOnce(db, cutting(where), ctx.installationId, cache, 40)).rejects.toThrow(/connection lost/)
      // The till forgot nothing: every row is still queued, whatever PostgreSQL did.
      expect(db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(queued)
      while ((await pushOnce(db, book.shop, ctx.installationId, cache, 40)) > 0);
      const orders = await shopQuery<{ status: string; n: number }>(book.cluster, 'SELECT status, count(*)::int AS n FROM shop_order WHERE installation = $1 GROUP BY status', [ctx.installationId])
      expect(orders).toEqual([{ status: 'successful', n: 30 }])
      const [payments] = await shopQuery<{ n: number }>(book.cluster, 'SELECT count(*)::int AS n FROM shop_payment WHERE installation = $1', [ctx.installationId])
      expect(payments!.n).toBe(30)
      const [cursor] = await shopQuery<{ last_seq: number }>(book.cluster, 'SELECT last_seq::int FROM shop_push_cursor WHERE installation = $1', [ctx.installationId])
      expect(cursor!.last_seq).toBe(db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").pluck().get())
    })
  }

  it('an older change sent again never overwrites a newer one', async () => {
    const { db, ctx } = tempStore()
    installOutbox(db, 1)
    sellRaw(db, 'older@example.com', 1)
    const cache: StatementCache = new Map()
    const stale = db.prepare("SELECT seq, row FROM sync_outbox WHERE table_name = 'purchase_order' ORDER BY seq LIMIT 1").get() as { seq: number; row: string }
    while ((await pushOnce(db, book.shop, ctx.installationId, cache, 100)) > 0);
    // The first (pending) version of the order arrives again, as a replayed batch from a restored copy would.
    db.prepare("INSERT INTO sync_outbox (seq, table_name, local_id, op, row, created_at) VALUES (?, 'purchase_order', ?, 'upsert', ?, 1)").run(
      stale.seq,
      String(JSON.parse(stale.row).id),
      stale.row,
    )
    await pushOnce(db, book.shop, ctx.installationId, cache, 100)
    const [order] = await shopQuery<{ status: string }>(book.cluster, 'SELECT status FROM shop_order WHERE installation = $1', [ctx.installationId])
    expect(order!.status).toBe('successful')
  })

  it('a store-credit payment lands in the shop book like cash, and the outbox moves on past it', async () => {
    const { db, ctx } = tempStore()
    installOutbox(db, 1)
    sellRaw(db, 'credit-tender@example.com', 1)
    const orderId = db.prepare('SELECT max(id) FROM purchase_order').pluck().get() as number
    db.prepare("INSERT INTO payment (order_id, method, amount, amount_received, currency, status, created_at, updated_at) VALUES (?, 'credit', 500, 500, 'GBP', 'succeeded', 2, 2)").run(orderId)
    const cache: StatementCache = new Map()
    while ((await pushOnce(db, book.shop, ctx.installationId, cache, 100)) > 0);
    expect(db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0)
    const methods = await shopQuery<{ method: string }>(book.cluster, 'SELECT method FROM shop_payment WHERE installation = $1 ORDER BY id', [ctx.installationId])
    expect(methods.map((m) => m.method)).toEqual(['cash', 'credit'])
  })
})
