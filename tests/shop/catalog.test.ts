import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrderDetail } from '../../src/shared/domain'
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster'
import { startProcessTill, type ProcessTill } from '../helpers/shop-tills'
import { settleAll, shopQuery } from './shop-fixtures'

// One place to change a price for the whole shop: the shop database's catalog, pulled by every till.
describe('shop mode: the shop catalog', () => {
  let cluster: PgCluster
  const tills: ProcessTill[] = []
  beforeAll(async () => {
    cluster = await startPgCluster()
  }, 60_000)
  afterAll(async () => {
    await Promise.all(tills.map((t) => t.close()))
    cluster?.destroy()
  })

  it('a price changed in shop_catalog reaches every till, and sales after it charge it', async () => {
    tills.push(...(await Promise.all([0, 1].map(() => startProcessTill({ shopUrl: cluster.url })))))
    const [a, b] = tills as [ProcessTill, ProcessTill]
    await settleAll(tills)
    const [course] = await a.query<{ code: string; price_amount: number }>("SELECT code, price_amount FROM course WHERE currency = 'GBP' ORDER BY id LIMIT 1")
    // Both tills pushed the same demo catalog: the code is in the shop's price list once.
    expect(await shopQuery(cluster, 'SELECT code FROM shop_catalog WHERE code = $1', [course!.code])).toHaveLength(1)
    await shopQuery(cluster, 'UPDATE shop_catalog SET price_amount = price_amount + 1000 WHERE code = $1', [course!.code])
    await settleAll(tills)
    for (const till of tills) {
      expect(await till.query('SELECT price_amount FROM course WHERE code = ?', [course!.code])).toEqual([{ price_amount: course!.price_amount + 1000 }])
    }
    const [atB] = await b.query<{ id: number }>('SELECT id FROM course WHERE code = ?', [course!.code])
    const order = await b.call<OrderDetail>('orders:create', { accountId: 1, courseIds: [atB!.id], confirmOwned: [atB!.id] })
    expect(order.amount).toBe(course!.price_amount + 1000)
  }, 120_000)
})
