import { describe, expect, it } from 'vitest'
import type { OrderDetail } from '../../src/shared/domain'
import type { ProcessTill } from '../helpers/shop-tills'
import { settleAll, shopQuery, useShop } from './shop-fixtures'

// One place to change a price for the whole shop: the shop database's catalog, pulled by every till.
describe('shop mode: the shop catalog', () => {
  const shop = useShop()

  it('a price changed in shop_catalog reaches every till, and sales after it charge it', async () => {
    const tills = await shop.startTills(2)
    const [a, b] = tills as [ProcessTill, ProcessTill]
    await settleAll(tills)
    const [course] = await a.query<{ code: string; price_amount: number }>("SELECT code, price_amount FROM course WHERE currency = 'GBP' ORDER BY id LIMIT 1")
    // Both tills pushed the same demo catalog: the code is in the shop's price list once.
    expect(await shopQuery(shop.cluster, 'SELECT code FROM shop_catalog WHERE code = $1', [course!.code])).toHaveLength(1)
    await shopQuery(shop.cluster, 'UPDATE shop_catalog SET price_amount = price_amount + 1000 WHERE code = $1', [course!.code])
    await settleAll(tills)
    for (const till of tills) {
      expect(await till.query('SELECT price_amount FROM course WHERE code = ?', [course!.code])).toEqual([{ price_amount: course!.price_amount + 1000 }])
    }
    const [atB] = await b.query<{ id: number }>('SELECT id FROM course WHERE code = ?', [course!.code])
    const order = await b.call<OrderDetail>('orders:create', { accountId: 1, courseIds: [atB!.id], confirmOwned: [atB!.id] })
    expect(order.amount).toBe(course!.price_amount + 1000)
  }, 120_000)
})
