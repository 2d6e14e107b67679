// A till as its own process, for the shop-mode tests and the benchmark: the whole app in plain Node (as the
// browser host runs it), configured from the environment, driven over Node's IPC channel by shop-tills.ts.
import { startCourseTill } from '../../src/main/compose'
import { loadConfig } from '../../src/main/core/config'
import type { OrderDetail } from '../../src/shared/domain'
import { asSignedIn } from './staff-calls'

type Message = { id: number } & (
  | { type: 'call'; channel: string; input: unknown }
  | { type: 'query'; sql: string; params?: unknown[] }
  | { type: 'sell'; count: number; pauseMs?: number }
  | { type: 'settled' }
  | { type: 'close' }
)

const dataDir = process.env.COURSETILL_DATA_DIR!
const config = loadConfig({ ...process.env, COURSETILL_WEBHOOK_PORT: '0' }, { userDataDir: dataDir })
const till = await startCourseTill(config, {
  version: '0.0.0-shop-test',
  payments: { catchUpIntervalMs: 3_600_000, sandboxDelivery: { retryScheduleMs: [100, 200, 400, 800] } },
  shop: {
    pushBatch: Number(process.env.SHOP_TEST_PUSH_BATCH ?? 1000),
    pollMs: Number(process.env.SHOP_TEST_POLL_MS ?? 100),
    backoff: { baseMs: 100, maxMs: 1_000 },
  },
})
const { db } = till.ctx

// Once a test sets the manager PIN (which makes the owner), every later call is sent as that person signed in, as
// tests/helpers/test-till.ts does: a till with staff refuses calls from no one.
let signedIn: string | null = null

async function call(channel: string, input: unknown): Promise<unknown> {
  const envelope = await till.dispatch(channel as never, asSignedIn(input, signedIn) as never)
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  if (channel === 'manager:setPin') signedIn = (envelope.value as { token: string }).token
  return envelope.value
}

/** Cash sales of one GBP course to the demo customers in turn, as fast as the till takes them (or paced). */
async function sell(count: number, pauseMs = 0): Promise<number[]> {
  const courseId = db.prepare("SELECT id FROM course WHERE currency = 'GBP' AND active = 1 ORDER BY id LIMIT 1").pluck().get() as number
  const accounts = db.prepare('SELECT id FROM account ORDER BY id LIMIT 5').pluck().all() as number[]
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    const accountId = accounts[i % accounts.length]!
    const order = (await call('orders:create', { accountId, courseIds: [courseId], confirmOwned: [courseId] })) as OrderDetail
    await call('orders:recordCash', { orderId: order.id, tendered: order.amountDue })
    ids.push(order.id)
    process.send!({ type: 'sold', orderId: order.id, at: Date.now() })
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs))
  }
  return ids
}

process.on('message', async (message: Message) => {
  try {
    let value: unknown
    if (message.type === 'call') value = await call(message.channel, message.input)
    else if (message.type === 'query') value = db.prepare(message.sql).all(...(message.params ?? []))
    else if (message.type === 'sell') value = await sell(message.count, message.pauseMs)
    else if (message.type === 'settled') value = await till.shop!.settled()
    else if (message.type === 'close') {
      await till.close()
      process.send!({ id: message.id, ok: true, value: null }, () => process.exit(0))
      return
    }
    process.send!({ id: message.id, ok: true, value: value ?? null })
  } catch (error) {
    process.send!({ id: message.id, ok: false, error: (error as Error).message })
  }
})

process.send!({ type: 'ready', installation: till.ctx.installationId, webhookUrl: till.payments.webhook.url })
