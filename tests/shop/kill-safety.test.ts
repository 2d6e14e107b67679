import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster'
import { startProcessTill, type ProcessTill } from '../helpers/shop-tills'
import { expectWholeShop, settleAll, shopQuery } from './shop-fixtures'

// Crashes in the middle of a push, for real: a till process SIGKILLed while it pushes a backlog, and the
// PostgreSQL server SIGKILLed (postmaster and every backend) while tills' transactions are open.
describe('shop mode: crashes mid-push', () => {
  let cluster: PgCluster
  const open: ProcessTill[] = []
  beforeAll(async () => {
    cluster = await startPgCluster()
  }, 60_000)
  afterAll(async () => {
    await Promise.all(open.map((t) => t.close()))
    cluster?.destroy()
  })
  const smallBatches = { SHOP_TEST_PUSH_BATCH: '10' }

  const landed = async (installation: string) =>
    (await shopQuery<{ n: number }>(cluster, 'SELECT count(*)::int AS n FROM shop_order WHERE installation = $1', [installation]))[0]!.n

  it('a till SIGKILLed mid-push loses nothing and doubles nothing once restarted', async () => {
    const till = await startProcessTill({ shopUrl: cluster.url, env: smallBatches })
    await till.settled()
    const before = await landed(till.installation)
    cluster.stop()
    await till.sell(150)
    cluster.start()
    // Kill as soon as part of the backlog has landed: the push is then certainly under way.
    while ((await landed(till.installation)) === before) await new Promise((resolve) => setTimeout(resolve, 20))
    await till.kill()
    const local = (await shopQuery<{ n: number }>(cluster, 'SELECT count(*)::int AS n FROM shop_order WHERE installation = $1', [till.installation]))[0]!.n
    expect(local).toBeLessThan(before + 150)
    const again = await startProcessTill({ shopUrl: cluster.url, dataDir: till.dataDir, env: smallBatches })
    open.push(again)
    await again.settled()
    await expectWholeShop(cluster, [again], expect)
  }, 120_000)

  it('PostgreSQL SIGKILLed with transactions open loses nothing', async () => {
    const tills = await Promise.all([0, 1].map(() => startProcessTill({ shopUrl: cluster.url, env: smallBatches })))
    open.push(...tills)
    await settleAll(tills)
    cluster.stop()
    await Promise.all(tills.map((t) => t.sell(100)))
    cluster.start()
    // Wait for a till's transaction to be open on the server, then crash the whole server.
    for (;;) {
      const inFlight = await shopQuery(cluster, "SELECT 1 FROM pg_stat_activity WHERE application_name = 'coursetill' AND xact_start IS NOT NULL AND pid <> pg_backend_pid()")
      if (inFlight.length > 0) break
    }
    cluster.kill()
    await Promise.all(tills.map((t) => t.sell(5)))
    cluster.start()
    await settleAll(tills)
    // The till restarted in the first test is checked again: its rows survived the crash too.
    await expectWholeShop(cluster, open, expect)
  }, 120_000)
})
