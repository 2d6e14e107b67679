import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox, type SandboxHandle } from '@coursetill/stripe-sandbox'
import { AppError } from '../../src/shared/errors'
import type { OrderDetail } from '../../src/shared/domain'
import { tempDir } from '../helpers/temp-store'
import { payAs, sandboxClient, startTestTill, type TestTill } from '../helpers/test-till'

// Two tills with their own data folders on one Stripe account (one sandbox): the normal case of a shop with two
// counters, or a laptop and a desk PC with the same keys. Demo course 1 is Bookkeeping Basics, £49.00; demo
// customer 1 (Amelia Hart) has the same email on both tills.

const open: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close()
})

async function sandboxOn(file = join(tempDir(), 'shared-sandbox.db'), port = 0): Promise<SandboxHandle> {
  const sandbox = await startSandbox({ dataFile: file, port, delivery: { retryScheduleMs: [100, 200, 400, 800] } })
  open.push(sandbox)
  return sandbox
}

async function till(sandbox: SandboxHandle, dataDir?: string): Promise<TestTill> {
  const started = await startTestTill({ sharedSandbox: sandbox, ...(dataDir ? { dataDir } : {}) })
  open.unshift(started) // closed before the sandbox
  return started
}

/** Both tills sell order #1 of course 1 to customer 1 and start a card payment for it. */
async function bothStartOrderOne(a: TestTill, b: TestTill) {
  const orderA = a.order([1])
  const orderB = b.order([1])
  expect([orderA.id, orderB.id]).toEqual([1, 1])
  const cardA = await a.call('payments:startCard', { orderId: 1 })
  const cardB = await b.call('payments:startCard', { orderId: 1 })
  return { cardA, cardB }
}

/** Two tills on a file-backed sandbox (so it can be stopped and started again), each with its order #1 paid. */
async function bothPaidOrderOne() {
  const file = join(tempDir(), 'shared-sandbox.db')
  const sandbox = await sandboxOn(file)
  const stripe = sandboxClient(sandbox)
  const [a, b] = [await till(sandbox), await till(sandbox)]
  const { cardA, cardB } = await bothStartOrderOne(a, b)
  await payAs(stripe, cardA.paymentIntentId, 'pm_card_visa')
  await payAs(stripe, cardB.paymentIntentId, 'pm_card_visa')
  await a.call('payments:sync', { orderId: 1 })
  await b.call('payments:sync', { orderId: 1 })
  await sandbox.idle()
  return { file, port: sandbox.port, sandbox, stripe, a, b, cardA, cardB }
}

const ledger = (t: TestTill, outcome: string) =>
  t.till.ctx.db.prepare('SELECT object_id FROM stripe_event WHERE outcome = ?').pluck().all(outcome) as string[]

const ownStripeIds = (t: TestTill) =>
  t.till.ctx.db
    .prepare("SELECT stripe_payment_intent_id FROM payment WHERE stripe_payment_intent_id IS NOT NULL UNION ALL SELECT stripe_refund_id FROM refund WHERE stripe_refund_id IS NOT NULL")
    .pluck()
    .all() as string[]

describe('two tills on one Stripe account', () => {
  it('each takes its own payment for its order #1; neither takes the other’s as its own', async () => {
    const sandbox = await sandboxOn()
    const stripe = sandboxClient(sandbox)
    const [a, b] = [await till(sandbox), await till(sandbox)]
    expect(a.till.ctx.installationId).not.toBe(b.till.ctx.installationId)

    const { cardA, cardB } = await bothStartOrderOne(a, b)
    expect(cardB.paymentIntentId).not.toBe(cardA.paymentIntentId)
    const [intentA, intentB] = await Promise.all([stripe.paymentIntents.retrieve(cardA.paymentIntentId), stripe.paymentIntents.retrieve(cardB.paymentIntentId)])
    expect(intentA.metadata).toMatchObject({ coursetill_install: a.till.ctx.installationId, order_id: '1' })
    expect(intentB.metadata).toMatchObject({ coursetill_install: b.till.ctx.installationId, order_id: '1' })
    // One Stripe customer per person for the whole shop, on purpose.
    expect(intentB.customer).toBe(intentA.customer)

    // Only till A's customer pays: till A's order is paid, till B's is not, by the direct check or by webhook.
    await payAs(stripe, cardA.paymentIntentId, 'pm_card_visa')
    expect((await a.call('payments:sync', { orderId: 1 })).status).toBe('successful')
    expect((await b.call('payments:sync', { orderId: 1 })).status).toBe('pending')
    await sandbox.idle()
    expect(b.detail(1)).toMatchObject({ status: 'pending', amountDue: 4900, ownership: [] })
    expect(ledger(b, 'foreign')).toContain(cardA.paymentIntentId)
    // Charge events carry their intent's metadata: till A's charge is foreign at till B too.
    const chargeA = String((await stripe.paymentIntents.retrieve(cardA.paymentIntentId)).latest_charge)
    const chargeEventsAtB = b.till.ctx.db.prepare('SELECT outcome FROM stripe_event WHERE object_id = ?').pluck().all(chargeA)
    expect(chargeEventsAtB.length).toBeGreaterThan(0)
    expect(new Set(chargeEventsAtB)).toEqual(new Set(['foreign']))

    // Then till B's customer pays at till B.
    await payAs(stripe, cardB.paymentIntentId, 'pm_card_visa')
    await sandbox.idle()
    expect(b.detail(1)).toMatchObject({ status: 'successful', amountDue: 0 })
    expect(ledger(a, 'foreign')).toContain(cardB.paymentIntentId)

    // Each refunds its own payment: refund #1 on both tills, each of its own charge.
    const tokenA = await a.managerToken()
    const tokenB = await b.managerToken()
    const paymentA = a.detail(1).payments[0]!.id
    const paymentB = b.detail(1).payments[0]!.id
    await a.call('payments:refund', { managerToken: tokenA, paymentId: paymentA, amount: 1000, reason: 'requested_by_customer' })
    await b.call('payments:refund', { managerToken: tokenB, paymentId: paymentB, amount: 2000, reason: 'requested_by_customer' })
    await sandbox.idle()
    expect(a.detail(1).refunds).toMatchObject([{ id: 1, amount: 1000, status: 'succeeded' }])
    expect(b.detail(1).refunds).toMatchObject([{ id: 1, amount: 2000, status: 'succeeded' }])
    const [refundsA, refundsB] = await Promise.all([
      stripe.refunds.list({ payment_intent: cardA.paymentIntentId }),
      stripe.refunds.list({ payment_intent: cardB.paymentIntentId }),
    ])
    expect(refundsA.data.map((r) => r.amount)).toEqual([1000])
    expect(refundsB.data.map((r) => r.amount)).toEqual([2000])
    expect(refundsA.data[0]!.metadata).toMatchObject({ coursetill_install: a.till.ctx.installationId, coursetill_refund_id: '1' })

    // Neither till's rows name an object of the other; every event about the other's objects is foreign there.
    const [idsA, idsB] = [ownStripeIds(a), ownStripeIds(b)]
    expect(idsA.filter((id) => idsB.includes(id))).toEqual([])
    expect(ledger(a, 'foreign')).toEqual(expect.arrayContaining([cardB.paymentIntentId, refundsB.data[0]!.id]))
    expect(ledger(b, 'foreign')).toEqual(expect.arrayContaining([cardA.paymentIntentId, refundsA.data[0]!.id]))
    for (const [t, other] of [[a, idsB], [b, idsA]] as const) {
      const touched = ledger(t, 'applied').concat(ledger(t, 'skipped'), ledger(t, 'review'))
      expect(touched.filter((id) => other.includes(id))).toEqual([])
    }
  })

  it('a refund left pending while Stripe was unreachable is never taken for another till’s refund #1', async () => {
    const { file, port, stripe, a, b, cardB, sandbox: first } = await bothPaidOrderOne()
    let sandbox = first

    // Stripe is unreachable while till B refunds in full: the refund is recorded, pending, and kept to retry.
    await sandbox.close()
    const refundB = b.call('payments:refund', { managerToken: await b.managerToken(), paymentId: b.detail(1).payments[0]!.id, amount: 4900, reason: 'requested_by_customer' })
    await expect(refundB).rejects.toMatchObject({ code: 'unavailable' })
    expect(b.detail(1).refunds).toMatchObject([{ id: 1, status: 'pending', stripeRefundId: null }])

    // Stripe is back; till A refunds its own payment in full: its refund #1 reaches both tills' listeners.
    sandbox = await sandboxOn(file, port)
    await a.call('payments:refund', { managerToken: await a.managerToken(), paymentId: a.detail(1).payments[0]!.id, amount: 4900, reason: 'requested_by_customer' })
    await sandbox.idle()
    expect(a.detail(1)).toMatchObject({ status: 'refunded', ownership: [] })
    // Till B's refund is still its own, pending, and its order and courses untouched.
    expect(b.detail(1).refunds).toMatchObject([{ id: 1, status: 'pending', stripeRefundId: null }])
    expect(b.detail(1).status).toBe('successful')
    expect(b.detail(1).ownership).toHaveLength(1)

    // Catch-up retries it: now Stripe holds a refund of till B's own charge, and till B's books say so.
    expect(await b.till.payments.refunds.retryPendingRefunds(0)).toBe(1)
    const refundsB = await stripe.refunds.list({ payment_intent: cardB.paymentIntentId })
    expect(refundsB.data).toHaveLength(1)
    expect(b.detail(1).refunds).toMatchObject([{ id: 1, status: 'succeeded', stripeRefundId: refundsB.data[0]!.id }])
    expect(b.detail(1).status).toBe('refunded')
  })

  it('a store wiped and made afresh on the same account sells order #1 again, with an intent of its own', async () => {
    const sandbox = await sandboxOn()
    const stripe = sandboxClient(sandbox)
    const first = await till(sandbox)
    first.order([1])
    const before = await first.call('payments:startCard', { orderId: 1 })
    await payAs(stripe, before.paymentIntentId, 'pm_card_visa')
    await first.call('payments:sync', { orderId: 1 })
    await first.close()
    open.splice(open.indexOf(first), 1)

    const fresh = await till(sandbox, tempDir())
    expect(fresh.order([1]).id).toBe(1)
    const again = await fresh.call('payments:startCard', { orderId: 1 })
    expect(again.paymentIntentId).not.toBe(before.paymentIntentId)
    expect((await stripe.paymentIntents.retrieve(again.paymentIntentId)).status).toBe('requires_payment_method')
    await payAs(stripe, again.paymentIntentId, 'pm_card_visa')
    expect((await fresh.call('payments:sync', { orderId: 1 })).status).toBe('successful')
  })

  it('a new customer at one till is created in Stripe though the other till used the same local id', async () => {
    const sandbox = await sandboxOn()
    const stripe = sandboxClient(sandbox)
    const [a, b] = [await till(sandbox), await till(sandbox)]
    const ada = await a.call('customers:create', { email: 'ada@example.com', name: 'Ada Lovelace' })
    const bo = await b.call('customers:create', { email: 'bo@example.com', name: 'Bo Diddley' })
    expect(bo.id).toBe(ada.id)
    a.order([1], ada.id)
    b.order([1], bo.id)
    const cardA = await a.call('payments:startCard', { orderId: 1 })
    const cardB = await b.call('payments:startCard', { orderId: 1 })
    const [intentA, intentB] = await Promise.all([stripe.paymentIntents.retrieve(cardA.paymentIntentId), stripe.paymentIntents.retrieve(cardB.paymentIntentId)])
    const [customerA, customerB] = await Promise.all([stripe.customers.retrieve(String(intentA.customer)), stripe.customers.retrieve(String(intentB.customer))])
    expect(customerA).toMatchObject({ email: 'ada@example.com' })
    expect(customerB).toMatchObject({ email: 'bo@example.com' })
  })
})

describe('rows an earlier version wrote with another till’s intent', () => {
  /** What the old code did at till B: it was handed till A's intent under a colliding key and recorded it. */
  function recordForeignIntent(b: TestTill, paymentIntentId: string, status: 'pending' | 'succeeded'): OrderDetail {
    const order = b.order([1])
    // Written a minute ago: retryPendingRefunds(0) takes rows strictly older than now, and a row from this very millisecond is not.
    const now = Date.now() - 60_000
    b.till.ctx.db
      .prepare(
        `INSERT INTO payment (order_id, method, amount, amount_received, currency, status, stripe_payment_intent_id, created_at, updated_at)
         VALUES (?, 'card', 4900, ?, 'GBP', ?, ?, ?, ?)`,
      )
      .run(order.id, status === 'succeeded' ? 4900 : 0, status, paymentIntentId, now, now)
    return b.detail(order.id)
  }

  /** Till A starts a card payment for its order #1; till B has a row (as the old code wrote it) naming that intent. */
  async function tillBNamesTillAsIntent() {
    const sandbox = await sandboxOn()
    const stripe = sandboxClient(sandbox)
    const [a, b] = [await till(sandbox), await till(sandbox)]
    a.order([1])
    const cardA = await a.call('payments:startCard', { orderId: 1 })
    recordForeignIntent(b, cardA.paymentIntentId, 'pending')
    return { sandbox, stripe, a, b, cardA }
  }

  it('never settle from that intent: its webhooks and the direct check leave the order unpaid, and a fresh intent pays it', async () => {
    const { sandbox, stripe, b, cardA } = await tillBNamesTillAsIntent()
    await payAs(stripe, cardA.paymentIntentId, 'pm_card_visa')
    await sandbox.idle()
    expect(b.detail(1)).toMatchObject({ status: 'pending', ownership: [] })
    expect(ledger(b, 'foreign')).toContain(cardA.paymentIntentId)
    // The direct check closes the attempt as another till's, untouched by that intent's facts.
    const synced = await b.call('payments:sync', { orderId: 1 })
    expect(synced.status).not.toBe('successful')
    expect(synced.payments[0]).toMatchObject({ status: 'canceled', failureCode: 'intent_foreign', amountReceived: 0 })
    // The order is then paid with an intent of till B's own.
    const cardB = await b.call('payments:startCard', { orderId: 1 })
    expect(cardB.paymentIntentId).not.toBe(cardA.paymentIntentId)
    await payAs(stripe, cardB.paymentIntentId, 'pm_card_visa')
    expect((await b.call('payments:sync', { orderId: 1 })).status).toBe('successful')
  })

  it('cash paying the order does not cancel that intent: it is the other till’s open checkout', async () => {
    const { stripe, b, cardA } = await tillBNamesTillAsIntent()
    expect((await b.call('orders:recordCash', { orderId: 1, tendered: 5000 })).status).toBe('successful')
    await b.till.payments.payments.cancelOpenIntents(1)
    expect((await stripe.paymentIntents.retrieve(cardA.paymentIntentId)).status).toBe('requires_payment_method')
    expect(b.detail(1).payments.find((p) => p.method === 'card')).toMatchObject({ status: 'canceled', failureCode: 'intent_foreign' })
  })

  it('a reopened checkout does not reuse that intent', async () => {
    const { b, cardA } = await tillBNamesTillAsIntent()
    const cardB = await b.call('payments:startCard', { orderId: 1 })
    expect(cardB.paymentIntentId).not.toBe(cardA.paymentIntentId)
    expect(b.detail(1).payments.map((p) => [p.status, p.failureCode])).toEqual([
      ['canceled', 'intent_foreign'],
      ['pending', null],
    ])
  })

  it('a refund made before installations were recorded matches only a refund row of its own payment', async () => {
    const { file, port, stripe, b, cardA, sandbox: first } = await bothPaidOrderOne()
    let sandbox = first
    // Till B's refund #1 is pending (Stripe did not answer) ...
    await sandbox.close()
    const paymentB = b.detail(1).payments[0]!.id
    await expect(b.call('payments:refund', { managerToken: await b.managerToken(), paymentId: paymentB, amount: 4900, reason: 'requested_by_customer' })).rejects.toMatchObject({
      code: 'unavailable',
    })
    // ... when an older till A, which named no installation, makes its refund #1.
    sandbox = await sandboxOn(file, port)
    const legacyRefund = await stripe.refunds.create({ payment_intent: cardA.paymentIntentId, amount: 4900, metadata: { coursetill_refund_id: '1', order_id: '1' } })
    await sandbox.idle()
    expect(ledger(b, 'skipped')).toContain(legacyRefund.id)
    expect(b.detail(1).refunds).toMatchObject([{ id: 1, status: 'pending', stripeRefundId: null }])
    expect(b.detail(1)).toMatchObject({ status: 'successful', ownership: [{ courseId: 1 }] })
  })

  it('cannot be refunded: that would refund the other till’s customer', async () => {
    const sandbox = await sandboxOn()
    const stripe = sandboxClient(sandbox)
    const [a, b] = [await till(sandbox), await till(sandbox)]
    a.order([1])
    const cardA = await a.call('payments:startCard', { orderId: 1 })
    await payAs(stripe, cardA.paymentIntentId, 'pm_card_visa')
    const order = recordForeignIntent(b, cardA.paymentIntentId, 'succeeded')
    const refund = b.call('payments:refund', { managerToken: await b.managerToken(), paymentId: order.payments[0]!.id, amount: 4900, reason: 'requested_by_customer' })
    await expect(refund).rejects.toBeInstanceOf(AppError)
    await expect(refund).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/another till/) })
    expect((await stripe.refunds.list({ payment_intent: cardA.paymentIntentId })).data).toEqual([])
    expect(b.detail(order.id).refunds).toMatchObject([{ status: 'failed' }])

    // A refund of it an earlier version left pending is not sent either when catch-up retries pending refunds.
    // Written a minute ago: retryPendingRefunds(0) takes rows strictly older than now, and a row from this very millisecond is not.
    const now = Date.now() - 60_000
    b.till.ctx.db
      .prepare("INSERT INTO refund (payment_id, amount, currency, status, reason, requested_by, created_at, updated_at) VALUES (?, 4900, 'GBP', 'pending', 'other', 'manager', ?, ?)")
      .run(order.payments[0]!.id, now, now)
    await b.till.payments.refunds.retryPendingRefunds(0)
    expect((await stripe.refunds.list({ payment_intent: cardA.paymentIntentId })).data).toEqual([])
    expect(b.detail(order.id).refunds.map((r) => r.status)).toEqual(['failed', 'failed'])
  })

  it('objects made before installations were recorded are still recognised by their Stripe id', async () => {
    const sandbox = await sandboxOn()
    const stripe = sandboxClient(sandbox)
    const b = await till(sandbox)
    const legacy = await stripe.paymentIntents.create({ amount: 4900, currency: 'gbp', allowed_payment_method_types: ['card'], metadata: { order_id: '1', attempt: '1' } })
    recordForeignIntent(b, legacy.id, 'pending')
    await payAs(stripe, legacy.id, 'pm_card_visa')
    expect((await b.call('payments:sync', { orderId: 1 })).status).toBe('successful')
  })
})
