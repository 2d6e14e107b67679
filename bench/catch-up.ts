// npm run bench:catch-up — the till's catch-up after a long outage: N payment_intent.succeeded events wait in
// the sandbox, none reached the till. Runs the real catch-up (SDK auto-paging over GET /v1/events, the ledger,
// the commit batcher) against a real till store. Prints figures; asserts nothing. Target: 50,000 in < 30 s.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Stripe from 'stripe'
import { createCoreContext } from '../src/main/core/context'
import { createOrder } from '../src/main/core/orders/create-order'
import { createCardPayments } from '../src/main/core/payments/card-payment'
import { createCatchUp } from '../src/main/core/payments/catch-up'
import { createCommitBatcher } from '../src/main/core/payments/commit-batcher'
import { processStripeEvent } from '../src/main/core/payments/process-event'
import { createRefunds } from '../src/main/core/payments/refunds'
import { openDatabase } from '../src/main/core/store/db'
import { createStripeClient } from '../src/main/stripe-sdk/client'
import { createStripeGateway } from '../src/main/core/stripe/gateway'
import { startSandbox } from '@coursetill/stripe-sandbox'
import { automaticCtx, type SandboxCore } from '../packages/stripe-sandbox/src/context'
import { createDeliveryQueue } from '../packages/stripe-sandbox/src/delivery/queue'
import { emitEvent } from '../packages/stripe-sandbox/src/events/emit'
import { buildPaymentIntent } from '../packages/stripe-sandbox/src/payments/intent'
import { openDb } from '../packages/stripe-sandbox/src/store/db'
import { newClientSecret } from '../packages/stripe-sandbox/src/store/ids'
import { createObjectStore } from '../packages/stripe-sandbox/src/store/objects'

const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000)
const AMOUNT = 4900
const dir = mkdtempSync(join(tmpdir(), 'coursetill-bench-catch-up-'))

/** A till store with one open card payment per event to come (intent pi_bench_<i>), as bench/webhooks.ts has. */
function prepareTill(file: string) {
  const db = openDatabase(file)
  const ctx = createCoreContext(db)
  const now = Date.now()
  db.prepare("INSERT INTO course (code, title, price_amount, currency, created_at, updated_at) VALUES ('B-1', 'Bench course', 4900, 'GBP', 0, 0)").run()
  const account = db.prepare('INSERT INTO account (email, name, created_at, updated_at) VALUES (?, ?, 0, 0)')
  const payment = db.prepare(`INSERT INTO payment (order_id, method, amount, currency, status, stripe_payment_intent_id, created_at, updated_at) VALUES (?, 'card', ${AMOUNT}, 'GBP', 'pending', ?, ?, ?)`)
  const orderIds: number[] = []
  db.transaction(() => {
    for (let i = 0; i < EVENTS; i++) {
      const accountId = Number(account.run(`bench${i}@example.com`, `Bench ${i}`).lastInsertRowid)
      const order = createOrder(ctx, { accountId, courseIds: [1], confirmOwned: [1], actor: 'bench' })
      payment.run(order.id, `pi_bench_${i}`, now, now)
      orderIds.push(order.id)
    }
  })()
  return { db, ctx, orderIds }
}

/**
 * The sandbox's account after N card payments: each intent stored as succeeded and its event emitted by the
 * sandbox's own emitEvent (same envelope as a live request), all in one transaction. Created times spread over
 * the last hour, 25 events to a second, so paging crosses many same-second runs.
 */
function seedSandbox(file: string, orderIds: readonly number[]) {
  const db = openDb(file)
  const started = Math.floor(Date.now() / 1000) - 3600
  let now = started
  const core: SandboxCore = {
    db,
    store: createObjectStore(db),
    now: () => now,
    baseUrl: () => '',
    apiVersion: Stripe.API_VERSION,
    account: { rawCardData: false, customerSearchLagSeconds: 0 },
    scheduleDeliveries: () => undefined,
    webhookStatus: createDeliveryQueue(db),
  }
  const ctx = automaticCtx(core)
  db.transaction(() => {
    orderIds.forEach((orderId, i) => {
      now = started + Math.floor(i / 25)
      const id = `pi_bench_${i}`
      const open = buildPaymentIntent({
        amount: AMOUNT,
        currency: 'gbp',
        customer: null,
        description: `CourseTill order #${orderId}`,
        metadata: { order_id: String(orderId), attempt: '1' },
        receiptEmail: `bench${i}@example.com`,
        automaticPaymentMethods: { enabled: true },
        paymentMethodTypes: ['card'],
        setupFutureUsage: null,
        statementDescriptor: null,
        statementDescriptorSuffix: null,
        created: now,
      })
      const paid: Stripe.PaymentIntent = { ...open, id, client_secret: newClientSecret(id), status: 'succeeded', amount_received: AMOUNT }
      core.store.insert('payment_intent', paid)
      emitEvent(ctx, 'payment_intent.succeeded', paid)
    })
  })()
  db.close()
}

async function main() {
  console.log(`catch-up benchmark: ${EVENTS} payment_intent.succeeded events missed by the till, sandbox on loopback`)
  const prepStarted = Date.now()
  const till = prepareTill(join(dir, 'coursetill.db'))
  const sandboxFile = join(dir, 'stripe-sandbox.db')
  seedSandbox(sandboxFile, till.orderIds)
  console.log(`prepared in ${((Date.now() - prepStarted) / 1000).toFixed(1)} s (till store + sandbox events, not timed below)`)

  const sandbox = await startSandbox({ dataFile: sandboxFile }, { enabled: false })
  const stripe = createStripeClient({ secretKey: 'sk_test_bench', apiUrl: new URL(sandbox.url) })
  let pages = 0
  let otherRequests = 0
  let lastPageAt = 0
  stripe.on('response', (response: Stripe.ResponseEvent) => {
    if (response.method === 'GET' && response.path.startsWith('/v1/events')) {
      pages++
      lastPageAt = performance.now()
    } else otherRequests++
  })
  const { ctx } = till
  const batcher = createCommitBatcher(ctx)
  const gateway = createStripeGateway(stripe, ctx.installationId)
  const catchUp = createCatchUp({
    ctx,
    gateway,
    process: (event) => processStripeEvent({ ctx, reader: gateway, batcher }, event),
    payments: createCardPayments(ctx, gateway),
    refunds: createRefunds(ctx, gateway),
  })

  const started = performance.now()
  const status = await catchUp.run()
  const seconds = (performance.now() - started) / 1000
  const listingSeconds = (lastPageAt - started) / 1000

  const count = (query: string) => till.db.prepare(query).pluck().get() as number
  const successful = count("SELECT count(*) FROM purchase_order WHERE status = 'successful'")
  const ledger = count('SELECT count(*) FROM stripe_event')
  console.log(`state ${status.state}${status.lastError ? ` (${status.lastError})` : ''}`)
  console.log(`events listed      ${status.eventsListed}`)
  console.log(`events applied     ${status.eventsApplied}`)
  console.log(`pages fetched      ${pages} (GET /v1/events, limit 100); other Stripe requests ${otherRequests}`)
  console.log(`seconds            ${seconds.toFixed(2)} (listing done after ${listingSeconds.toFixed(2)})`)
  console.log(`events/s           ${(status.eventsApplied / seconds).toFixed(0)}`)
  console.log(`orders successful  ${successful} of ${EVENTS} ${successful === EVENTS ? 'ok' : 'MISMATCH'}`)
  console.log(`ledger rows        ${ledger} of ${EVENTS} ${ledger === EVENTS ? 'ok' : 'MISMATCH'}`)
  console.log(`target             ${EVENTS} events in < 30 s: ${seconds < 30 ? 'met' : 'missed'}`)
  await sandbox.close()
  till.db.close()
  rmSync(dir, { recursive: true, force: true })
}

void main()
