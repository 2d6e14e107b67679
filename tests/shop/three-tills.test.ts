import { describe, expect, it } from 'vitest'
import { expectWholeShop, settleAll, shopQuery, useShop } from './shop-fixtures'

// Three tills as processes on one real PostgreSQL: selling with the shop database up, then down, then back.
describe('shop mode: three tills, one order book', () => {
  const shop = useShop()

  it('every order from every till is in PostgreSQL once and in every till history, across an outage', async () => {
    const tills = await shop.startTills(3)
    await Promise.all(tills.map((t) => t.sell(12)))
    shop.cluster.stop()
    // The tills sell on from their own stores while the shop database is away.
    await Promise.all(tills.map((t) => t.sell(12)))
    const status = await tills[0]!.call<{ pendingPush: number; connected: boolean }>('shop:status', {})
    expect(status.pendingPush).toBeGreaterThan(0)
    shop.cluster.start()
    await Promise.all(tills.map((t) => t.sell(6)))
    await settleAll(tills)
    await expectWholeShop(shop.cluster, tills, expect)
    const [{ n }] = await shopQuery<{ n: number }>(shop.cluster, 'SELECT count(*)::int AS n FROM shop_order')
    expect(n).toBe((await Promise.all(tills.map((t) => t.query<{ n: number }>('SELECT count(*) AS n FROM purchase_order')))).reduce((sum, [r]) => sum + r!.n, 0))
    const page = await tills[1]!.call<{ total: number; asOf: number | null }>('shop:orders', { limit: 5 })
    expect(page.asOf).not.toBeNull()
  }, 180_000)
})
