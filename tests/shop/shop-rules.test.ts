import { join } from 'node:path'
import { startSandbox, type SandboxHandle } from '@coursetill/stripe-sandbox'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SUBSCRIBED_EVENTS } from '../../src/main/core/payments/subscribed-events'
import type { OrderDetail, Ownership } from '../../src/shared/domain'
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster'
import { startProcessTill, type ProcessTill } from '../helpers/shop-tills'
import { payAs, sandboxClient } from '../helpers/test-till'
import { tempDir } from '../helpers/temp-store'
import { settleAll, shopQuery } from './shop-fixtures'

// The rules across tills, each till its own process on one real PostgreSQL: one email is one customer, ownership
// is the union of every till's grants, and a payment no till made is applied once for the whole shop.
describe('shop mode: rules across tills', () => {
  let cluster: PgCluster
  const open: Array<{ close(): Promise<void> }> = []
  beforeAll(async () => {
    cluster = await startPgCluster()
  }, 60_000)
  // Tills first, then the sandbox they talk to; each test's processes end with it (they share two cores).
  afterEach(async () => {
    while (open.length > 0) await open.shift()!.close()
  })
  afterAll(() => cluster?.destroy())
  const till = async (env: Record<string, string> = {}) => {
    const started = await startProcessTill({ shopUrl: cluster.url, env })
    open.push(started)
    return started
  }

  it('the same email created at two tills converges on one customer, the merge recorded', async () => {
    const [a, b] = await Promise.all([till(), till()])
    await settleAll([a!, b!])
    cluster.stop() // each creates the customer on its own, neither knowing of the other
    await a!.call('customers:create', { email: 'Same.Person@example.com', name: 'Same Person' })
    await b!.call('customers:create', { email: 'same.person@example.com', name: 'Same Person' })
    cluster.start()
    await settleAll([a!, b!])
    const people = await shopQuery<{ id: number }>(cluster, "SELECT id FROM shop_person WHERE email_key = 'same.person@example.com'")
    expect(people).toHaveLength(1)
    const accounts = await shopQuery<{ person_id: number }>(cluster, "SELECT person_id FROM shop_account WHERE lower(email) = 'same.person@example.com'")
    expect(accounts.map((r) => r.person_id)).toEqual([people[0]!.id, people[0]!.id])
    const merges = await shopQuery(cluster, 'SELECT installation FROM shop_customer_merge WHERE person_id = $1', [people[0]!.id])
    expect(merges).toHaveLength(1)
    for (const t of [a!, b!]) {
      expect(await t.query("SELECT id FROM account WHERE email = 'same.person@example.com' COLLATE NOCASE")).toHaveLength(1)
    }
  }, 120_000)

  it('a course bought at till A is owned and warned about at till B; a revoke takes back only its own grant', async () => {
    const [a, b] = await Promise.all([till(), till()])
    const customer = await a!.call<{ id: number }>('customers:create', { email: 'owner@example.com', name: 'Course Owner' })
    const [course] = await a!.query<{ id: number; code: string }>("SELECT id, code FROM course WHERE currency = 'GBP' ORDER BY id LIMIT 1")
    const order = await a!.call<OrderDetail>('orders:create', { accountId: customer.id, courseIds: [course!.id] })
    await a!.call('orders:recordCash', { orderId: order.id, tendered: order.amountDue })
    await settleAll([a!, b!])

    const [atB] = await b!.query<{ id: number }>("SELECT id FROM account WHERE email = 'owner@example.com'")
    const [courseAtB] = await b!.query<{ id: number }>('SELECT id FROM course WHERE code = ?', [course!.code])
    const owned = await b!.call<Ownership[]>('customers:owned', { customerId: atB!.id })
    expect(owned).toEqual([expect.objectContaining({ courseId: courseAtB!.id, orderId: order.id, installation: a!.installation })])
    await expect(b!.call('orders:create', { accountId: atB!.id, courseIds: [courseAtB!.id] })).rejects.toThrow(/already owns/)

    // B sells it again on purpose; A then revokes its own order's course: the customer still owns it through B.
    const again = await b!.call<OrderDetail>('orders:create', { accountId: atB!.id, courseIds: [courseAtB!.id], confirmOwned: [courseAtB!.id] })
    await b!.call('orders:recordCash', { orderId: again.id, tendered: again.amountDue })
    const { token } = await a!.call<{ token: string }>('manager:setPin', { pin: '2468' })
    await a!.call('ownership:revoke', { orderId: order.id, courseId: course!.id, reason: 'test revoke', managerToken: token })
    await settleAll([a!, b!])
    const grants = await shopQuery<{ installation: string; deleted: boolean }>(
      cluster,
      "SELECT installation, deleted FROM shop_grant WHERE email = 'owner@example.com' AND course_code = $1 ORDER BY deleted",
      [course!.code],
    )
    expect(grants).toEqual([
      { installation: b!.installation, deleted: false },
      { installation: a!.installation, deleted: true },
    ])
    const ownedAtA = await a!.call<Ownership[]>('customers:owned', { customerId: customer.id })
    expect(ownedAtA).toEqual([expect.objectContaining({ courseId: course!.id, orderId: again.id, installation: b!.installation })])
  }, 120_000)

  it('another till learns of a sale at once through LISTEN/NOTIFY, not its poll', async () => {
    // B looks for work only once a minute on its own: what it learns sooner, it learns from A's NOTIFY.
    const [a, b] = await Promise.all([till(), till({ SHOP_TEST_POLL_MS: '60000' })])
    await settleAll([a!, b!])
    const [sale] = await a!.sell(1)
    for (let i = 0; i < 200; i++) {
      const seen = await b!.query('SELECT 1 FROM shop_order_copy WHERE installation = ? AND order_id = ?', [a!.installation, sale])
      if (seen.length > 0) return
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error('till B did not see till A’s sale within 20 s')
  }, 120_000)

  it('a payment made outside the tills is applied once for the whole shop, though every till gets its webhook', async () => {
    const sandbox: SandboxHandle = await startSandbox({ dataFile: join(tempDir(), 'shared-sandbox.db'), port: 0, delivery: { retryScheduleMs: [100, 200, 400, 800] } })
    const admin = sandboxClient(sandbox)
    const tills: ProcessTill[] = []
    for (let i = 0; i < 3; i++) {
      const endpoint = await admin.webhookEndpoints.create({ url: 'http://127.0.0.1:9/not-yet', enabled_events: [...SUBSCRIBED_EVENTS] })
      const t = await till({
        STRIPE_SECRET_KEY: 'sk_test_shared_account',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_shared_account',
        STRIPE_API_URL: sandbox.url,
        STRIPE_WEBHOOK_SECRET: endpoint.secret!,
      })
      await admin.webhookEndpoints.update(endpoint.id, { url: t.webhookUrl })
      tills.push(t)
    }
    open.push(sandbox)
    const intent = await admin.paymentIntents.create({ amount: 4200, currency: 'gbp', allowed_payment_method_types: ['card'] })
    await payAs(admin, intent.id, 'pm_card_visa')
    await sandbox.idle()
    await settleAll(tills)
    const claimed = await shopQuery<{ claimed_by: string; amount: number }>(cluster, 'SELECT claimed_by, amount::int FROM shop_external_payment WHERE stripe_payment_intent_id = $1', [intent.id])
    expect(claimed).toHaveLength(1)
    expect(claimed[0]!.amount).toBe(4200)
    const claims = await Promise.all(tills.map((t) => t.query<{ claim: string }>('SELECT claim FROM unowned_payment WHERE stripe_payment_intent_id = ?', [intent.id])))
    expect(claims.map((rows) => rows[0]?.claim).sort()).toEqual(['lost', 'lost', 'won'])
    for (const t of tills) {
      expect(await t.query('SELECT claimed_by FROM shop_external_payment_copy WHERE stripe_payment_intent_id = ?', [intent.id])).toEqual([{ claimed_by: claimed[0]!.claimed_by }])
    }
  }, 120_000)
})
