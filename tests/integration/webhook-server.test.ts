import Stripe from 'stripe'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { snapshot } from '../helpers/temp-store'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'

const SECRET = 'whsec_coursetill_webhook_tests'
const signer = new Stripe('sk_test_signer').webhooks

let t: TestTill
beforeEach(async () => {
  // Sandbox deliveries off: every request in these tests is one we sign or forge ourselves.
  t = await startTestTill({ delivery: { enabled: false }, env: { STRIPE_WEBHOOK_SECRET: SECRET } })
})
afterEach(async () => {
  await t.close()
})

function eventBody(overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    id: `evt_test_${Math.random().toString(36).slice(2)}`,
    object: 'event',
    type: 'customer.created',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: 'cus_test', object: 'customer' } },
    ...overrides,
  })
}

function sign(body: string, options: { secret?: string; timestamp?: number } = {}) {
  return signer.generateTestHeaderString({ payload: body, secret: options.secret ?? SECRET, timestamp: options.timestamp })
}

function post(body: string | Buffer, headers: Record<string, string> = {}, path = '/webhooks/stripe', method = 'POST') {
  return fetch(`http://127.0.0.1:${t.till.payments.webhook.port}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
  })
}

describe('the webhook listener', () => {
  it('records a signed event and answers 200 only after the commit; an unknown type is recorded as unhandled', async () => {
    const body = eventBody()
    const response = await post(body, { 'Stripe-Signature': sign(body) })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ received: true, outcome: 'unhandled', duplicate: false })
    const id = JSON.parse(body).id as string
    expect(t.till.ctx.db.prepare('SELECT type, outcome FROM stripe_event WHERE id = ?').get(id)).toEqual({ type: 'customer.created', outcome: 'unhandled' })
    const again = await post(body, { 'Stripe-Signature': sign(body) })
    expect(await again.json()).toMatchObject({ duplicate: true })
    expect(t.count('stripe_event')).toBe(1)
  })

  it.each([
    ['no signature', () => { const b = eventBody(); return { body: b, headers: {} } }, /Missing Stripe-Signature/],
    ['a forged signature', () => { const b = eventBody(); return { body: b, headers: { 'Stripe-Signature': sign(b, { secret: 'whsec_attacker' }) } } }, /does not match/],
    ['a signature for another body', () => { const b = eventBody(); return { body: eventBody(), headers: { 'Stripe-Signature': sign(b) } } }, /does not match/],
    ['a stale signature (replay)', () => { const b = eventBody(); return { body: b, headers: { 'Stripe-Signature': sign(b, { timestamp: Math.floor(Date.now() / 1000) - 301 }) } } }, /too old/],
    ['a garbled header', () => ({ body: eventBody(), headers: { 'Stripe-Signature': 'garbage' } }), /Malformed Stripe-Signature/],
    ['malformed JSON, correctly signed', () => { const b = '{"id": "evt_1", '; return { body: b, headers: { 'Stripe-Signature': sign(b) } } }, /Malformed JSON|Invalid/],
    ['JSON that is not an event', () => { const b = JSON.stringify({ hello: 'world' }); return { body: b, headers: { 'Stripe-Signature': sign(b) } } }, /not a Stripe event/],
    ['an event id that is not Stripe-shaped', () => { const b = eventBody({ id: "evt_1'; DROP TABLE payment; --" }); return { body: b, headers: { 'Stripe-Signature': sign(b) } } }, /not a Stripe event/],
  ])('refuses %s with 400 and writes nothing', async (_what, make, message) => {
    const before = snapshot(t.till.ctx.db)
    const { body, headers } = make()
    const response = await post(body, headers)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(message)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('refuses bodies over 1 MB with 413 and writes nothing', async () => {
    const before = snapshot(t.till.ctx.db)
    const body = eventBody({ data: { object: { id: 'cus_big', padding: 'x'.repeat(1_100_000) } } })
    const response = await post(body, { 'Stripe-Signature': sign(body) })
    expect(response.status).toBe(413)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('answers nothing but POST /webhooks/stripe: no API, no pages on this port', async () => {
    const body = eventBody()
    for (const [method, path] of [
      ['GET', '/webhooks/stripe'],
      ['PUT', '/webhooks/stripe'],
      ['GET', '/'],
      ['POST', '/api/orders:create'],
      ['GET', '/api/events'],
      ['POST', '/webhooks/stripe/extra'],
      ['POST', '/webhooks/Stripe/../stripe2'],
    ] as const) {
      const response = await post(body, { 'Stripe-Signature': sign(body) }, path, method)
      expect([method, path, response.status]).toEqual([method, path, 404])
    }
    expect(t.count('stripe_event')).toBe(0)
  })

  it('answers 500 when applying fails, shows the event as failed, and applies it when Stripe retries', async () => {
    const order = t.order([1])
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    const intent = await t.stripe.paymentIntents.retrieve(checkout.paymentIntentId)
    const id = 'evt_retry_after_failure'
    // A payload the store refuses (STRICT: text where an integer belongs) makes the handler throw mid-transaction.
    const broken = eventBody({ id, type: 'payment_intent.succeeded', data: { object: { ...intent, amount_received: 'lots' } } })
    const failed = await post(broken, { 'Stripe-Signature': sign(broken) })
    expect(failed.status).toBe(500)
    expect(t.till.ctx.db.prepare('SELECT outcome, error IS NOT NULL AS hasError FROM stripe_event WHERE id = ?').get(id)).toEqual({ outcome: 'failed', hasError: 1 })
    expect(t.detail(order.id)).toMatchObject({ status: 'pending', ownership: [] })
    const good = eventBody({ id, type: 'payment_intent.succeeded', data: { object: intent } })
    const retried = await post(good, { 'Stripe-Signature': sign(good) })
    expect(retried.status).toBe(200)
    expect(await retried.json()).toMatchObject({ outcome: 'applied', duplicate: false })
    expect(t.detail(order.id)).toMatchObject({ status: 'successful' })
    expect(t.detail(order.id).ownership).toHaveLength(1)
  })

  it('applies concurrent copies of one event once', async () => {
    const order = t.order([1, 2])
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    const intent = await t.stripe.paymentIntents.retrieve(checkout.paymentIntentId)
    const body = eventBody({ id: 'evt_concurrent_copies', type: 'payment_intent.succeeded', data: { object: intent } })
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(body, { 'Stripe-Signature': sign(body) }).then((r) => r.json() as Promise<{ duplicate: boolean; received: boolean }>)))
    expect(answers.filter((a) => a.duplicate === false)).toHaveLength(1)
    expect(answers.every((a) => a.received === true)).toBe(true)
    expect(t.count('stripe_event')).toBe(1)
    expect(t.count('account_has_course')).toBe(2)
    expect(t.count('audit_log', "action = 'course.granted'")).toBe(2)
  })

  it.each([
    ['a short payment', (_intent: Stripe.PaymentIntent) => ({ amount_received: 100 }), /collected 100 minor units but the payment was for 4900/],
    // Same figure, other currency: each check is shown on an order of its own, so neither hides behind the other.
    ['the right figure in another currency', (intent: Stripe.PaymentIntent) => ({ currency: intent.currency === 'usd' ? 'eur' : 'usd' }), /collected (USD|EUR) but the payment was in GBP/],
  ])('flags %s for review and grants nothing', async (_what, change, reason) => {
    const order = t.order([1])
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    const intent = await t.stripe.paymentIntents.retrieve(checkout.paymentIntentId)
    const body = eventBody({ id: 'evt_short_paid', type: 'payment_intent.succeeded', data: { object: { ...intent, ...change(intent) } } })
    const response = await post(body, { 'Stripe-Signature': sign(body) })
    expect(await response.json()).toMatchObject({ outcome: 'review' })
    expect(t.count('account_has_course')).toBe(0)
    expect(t.count('stripe_event', "outcome = 'review'")).toBe(1)
    expect(t.detail(order.id).ownership).toEqual([])
    expect(t.till.ctx.db.prepare('SELECT review_reason FROM purchase_order WHERE id = ?').pluck().get(order.id)).toMatch(reason)
  })

  it('ignores a late failure after success and settles a success that arrives first', async () => {
    const order = t.order([1])
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    const intent = await t.stripe.paymentIntents.retrieve(checkout.paymentIntentId)
    const created = intent.created
    const succeeded = eventBody({ id: 'evt_ok', type: 'payment_intent.succeeded', created: created + 5, data: { object: intent } })
    const lateFailure = eventBody({
      id: 'evt_late_fail',
      type: 'payment_intent.payment_failed',
      created: created + 1,
      data: { object: { ...intent, status: 'requires_payment_method', amount_received: 0, last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' } } },
    })
    await post(succeeded, { 'Stripe-Signature': sign(succeeded) })
    const late = await post(lateFailure, { 'Stripe-Signature': sign(lateFailure) })
    expect(await late.json()).toMatchObject({ outcome: 'skipped' })
    expect(t.detail(order.id)).toMatchObject({ status: 'successful' })
    expect(t.detail(order.id).payments[0]).toMatchObject({ status: 'succeeded', failureCode: null })
  })
})
