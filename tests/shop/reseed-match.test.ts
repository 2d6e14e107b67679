import { describe, expect, it } from 'vitest'
import { installOutbox } from '../../src/main/core/shop/outbox-triggers'
import { pushOnce, type StatementCache } from '../../src/main/core/shop/push'
import { matchShopBook } from '../../src/main/core/shop/reseed'
import { tempStore } from '../helpers/temp-store'
import type { ShopDatabase } from '../../src/main/core/shop/shop-database'
import { shopQuery, useShopBook } from './shop-fixtures'

// How a till tells a store restored from a backup from the ordinary cases, in one process on real PostgreSQL:
// a push that committed while the till did not hear back, and the first run of a store that never recorded
// what it pushed, are in step (no re-seed); a pull cursor past the shop's sequence starts again.
describe('shop mode: telling a restored store from a push not heard back', () => {
  const book = useShopBook()

  function customers(db: ReturnType<typeof tempStore>['db'], prefix: string, count: number) {
    for (let i = 0; i < count; i++) db.prepare("INSERT INTO account (email, name, created_at, updated_at) VALUES (?, 'Match Test', 1, 1)").run(`${prefix}-${i}@example.com`)
  }
  const archived = async (installation: string) =>
    (await shopQuery<{ n: number }>(book.cluster, 'SELECT count(*)::int AS n FROM shop_restore_archive WHERE installation = $1', [installation]))[0]!.n

  it('a push that committed unheard is in step: the change the shop names is still queued here', async () => {
    const { db, ctx } = tempStore()
    installOutbox(db, 1)
    customers(db, 'unheard', 3)
    const cache: StatementCache = new Map()
    while ((await pushOnce(db, book.shop, ctx.installationId, cache, 2)) > 0);
    customers(db, 'unheard-later', 3)
    const unheard: ShopDatabase = {
      ...book.shop,
      async transaction(fn) {
        await book.shop.transaction(fn)
        throw new Error('connection lost after COMMIT, before the answer')
      },
    }
    await expect(pushOnce(db, unheard, ctx.installationId, cache, 100)).rejects.toThrow(/connection lost/)
    expect(await matchShopBook(db, book.shop, ctx.installationId, 2)).toBe('in_step')
    expect(await archived(ctx.installationId)).toBe(0)
    expect(db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(3)
  })

  it('a store that never recorded its pushes takes the shop’s word once; a store behind the shop re-seeds', async () => {
    const { db, ctx } = tempStore()
    installOutbox(db, 1)
    customers(db, 'upgraded', 4)
    const cache: StatementCache = new Map()
    while ((await pushOnce(db, book.shop, ctx.installationId, cache, 100)) > 0);
    db.prepare('UPDATE shop_sync_state SET pushed_seq = NULL').run() // as a store from before this version
    expect(await matchShopBook(db, book.shop, ctx.installationId, 2)).toBe('in_step')
    expect(await archived(ctx.installationId)).toBe(0)
    const [cursor] = await shopQuery<{ last_seq: number }>(book.cluster, 'SELECT last_seq::int FROM shop_push_cursor WHERE installation = $1', [ctx.installationId])
    expect(db.prepare('SELECT pushed_seq FROM shop_sync_state').pluck().get()).toBe(cursor!.last_seq)

    // Now it forgets its last push, as a backup taken before it would: the shop is ahead, so it re-seeds.
    db.prepare('UPDATE shop_sync_state SET pushed_seq = pushed_seq - 2').run()
    expect(await matchShopBook(db, book.shop, ctx.installationId, 3)).toBe('reseeded')
    expect(await archived(ctx.installationId)).toBe(2)
    expect(db.prepare('SELECT min(seq) FROM sync_outbox').pluck().get()).toBeGreaterThan(cursor!.last_seq)
  })

  it('a pull cursor past the shop’s sequence (a shop database restored from a backup) starts again', async () => {
    const { db, ctx } = tempStore()
    installOutbox(db, 1)
    db.prepare("INSERT INTO shop_pull_cursor (source, seq) VALUES ('shop_order', 1000000000), ('shop_person', 3)").run()
    await matchShopBook(db, book.shop, ctx.installationId, 2)
    expect(db.prepare('SELECT count(*) FROM shop_pull_cursor').pluck().get()).toBe(0)
  })
})
