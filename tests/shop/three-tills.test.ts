import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster'
import { startProcessTill, type ProcessTill } from '../helpers/shop-tills'
import { expectWholeShop, settleAll, shopQuery } from './shop-fixtures'

// Three tills as processes on one real PostgreSQL: selling with the shop database up, then down, then back.
describe('shop mode: three tills, one order book', () => {
  let cluster: PgCluster
  const tills: ProcessTill[] = []
  beforeAll(async () => {
    cluster = await startPgCluster()
  }, 60_000)
  afterAll(async () => {
    await Promise.all(tills.map((t) => t.close()))
    cluster?.destroy()
  })

  it('every order from every till is in PostgreSQL once and in every till history, across an outage', async () => {
    tills.push(...(await Promise.all([0, 1, 2].map(() => startProcessTill({ shopUrl: cluster.url })))))
    await Promise.all(tills.map((t) => t.sell(12)))
    cluster.stop()
    // The tills sell on from their own stores while the shop database is away.
    await Promise.all(tills.map((t) => t.sell(12)))
    const status = await tills[0]!.call<{ pendingPush: number; connected: boolean }>('shop:status', {})
    expect(status.pendingPush).toBeGreaterThan(0)
    cluster.start()
    await Promise.all(tills.map((t) => t.sell(6)))
    await settleAll(tills)
    await expectWholeShop(cluster, tills, expect)
    const [{ n }] = await shopQuery<{ n: number }>(cluster, 'SELECT count(*)::int AS n FROM shop_order')
    expect(n).toBe((await Promise.all(tills.map((t) => t.query<{ n: number }>('SELECT count(*) AS n FROM purchase_order')))).reduce((sum, [r]) => sum + r!.n, 0))
    const page = await tills[1]!.call<{ total: number; asOf: number | null }>('shop:orders', { limit: 5 })
    expect(page.asOf).not.toBeNull()
  }, 180_000)
})
