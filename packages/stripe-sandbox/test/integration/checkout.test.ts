import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { SandboxHandle } from '../../src'
import { objectId, startWithSdk, stripeError } from './helpers'

let sandbox: SandboxHandle
let stripe: Stripe
let clock = 1_900_000_000
const HOUR = 3600

beforeAll(async () => {
  ;({ sandbox, stripe } = await startWithSdk({ now: () => clock }, { enabled: false }))
})
afterAll(() => sandbox.close())

async function newSession(extra: Partial<Stripe.Checkout.SessionCreateParams> = {}): Promise<Stripe.Checkout.Session> {
  return stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price_data: { currency: 'usd', unit_amount: 2500, product_data: { name: 'React course' } }, quantity: 2 }],
    success_url: 'https://till.example/paid?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://till.example/cart',
    metadata: { order_id: '77' },
    ...extra,
  })
}

async function submit(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
}

const visa = {
  email: 'buyer@example.com',
  card_number: '4242 4242 4242 4242',
  card_expiry: '12 / 40',
  card_cvc: '123',
  postal_code: '10115',
}

describe('checkout sessions API', () => {
  it('creates an open session with a hosted URL, line items and 24 h default expiry', async () => {
    const product = await stripe.products.create({ name: 'Vue course' })
    const price = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 1000 })
    const session = await newSession({
      line_items: [
        { price: price.id, quantity: 1 },
        { price_data: { currency: 'usd', unit_amount: 500, product: product.id }, quantity: 3 },
      ],
      expand: ['line_items'],
    })
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 2500,
      currency: 'usd',
      payment_intent: null,
      expires_at: clock + 24 * HOUR,
      metadata: { order_id: '77' },
    })
    expect(session.id).toMatch(/^cs_test_/)
    expect(session.url).toBe(`${sandbox.url}/checkout/${session.id}`)
    expect(session.line_items?.data.map((item) => [item.description, item.quantity, item.amount_total])).toEqual([
      ['Vue course', 1, 1000],
      ['Vue course', 3, 1500],
    ])
    const items = await stripe.checkout.sessions.listLineItems(session.id)
    expect(items.data).toHaveLength(2)
    expect((await stripe.checkout.sessions.retrieve(session.id)).line_items).toBeUndefined()
  })

  it('validates mode, line items, customer fields and expires_at bounds', async () => {
    expect(await stripeError(() => newSession({ line_items: [] }))).toMatchObject({
      code: 'parameter_missing',
      param: 'line_items',
    })
    expect(await stripeError(() => newSession({ expires_at: clock + 10 * 60 }))).toMatchObject({ param: 'expires_at' })
    expect(await stripeError(() => newSession({ expires_at: clock + 25 * HOUR }))).toMatchObject({ param: 'expires_at' })
    const customer = await stripe.customers.create({ email: 'known@example.com' })
    expect(await stripeError(() => newSession({ customer: customer.id, customer_email: 'x@example.com' }))).toMatchObject({
      param: 'customer_email',
    })
    const recurring = await stripe.prices.create({
      currency: 'usd',
      unit_amount: 500,
      recurring: { interval: 'month' },
      product_data: { name: 'sub' },
    })
    expect(await stripeError(() => newSession({ line_items: [{ price: recurring.id, quantity: 1 }] }))).toMatchObject({
      param: 'line_items[0][price]',
    })
    const withCustomer = await newSession({ customer: customer.id, expires_at: clock + HOUR })
    expect(withCustomer).toMatchObject({ customer: customer.id, customer_email: 'known@example.com', expires_at: clock + HOUR })
  })

  it('expires through the API and when expires_at passes', async () => {
    const manual = await newSession()
    const expired = await stripe.checkout.sessions.expire(manual.id)
    expect(expired).toMatchObject({ status: 'expired', url: null })
    expect(await stripeError(() => stripe.checkout.sessions.expire(manual.id))).toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    )
    const timed = await newSession({ expires_at: clock + HOUR })
    clock += HOUR
    expect((await stripe.checkout.sessions.retrieve(timed.id)).status).toBe('expired')
    const events = await stripe.events.list({ type: 'checkout.session.expired' })
    const expiredIds = events.data.map((event) => objectId(event)).filter((id) => id === timed.id || id === manual.id)
    expect(expiredIds).toEqual([timed.id, manual.id])
    expect((await fetch(`${sandbox.url}/checkout/${timed.id}`)).status).toBe(410)
  })

  it('lists by status and payment intent', async () => {
    const session = await newSession()
    const open = await stripe.checkout.sessions.list({ status: 'open', limit: 100 })
    expect(open.data.map((s) => s.id)).toContain(session.id)
    expect(open.data.every((s) => s.status === 'open')).toBe(true)
  })
})

describe('hosted checkout page', () => {
  it('shows the order and completes the session when the card is paid', async () => {
    const session = await newSession()
    const html = await (await fetch(session.url ?? '')).text()
    expect(html).toContain('React course')
    expect(html).toContain('50.00 usd')
    const answer = await submit(session.url ?? '', visa)
    expect(answer.status).toBe(303)
    expect(answer.headers.get('location')).toBe(`https://till.example/paid?session=${session.id}`)
    const completed = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] })
    expect(completed).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      customer_details: { email: 'buyer@example.com', address: { postal_code: '10115' } },
    })
    expect(completed.payment_intent).toMatchObject({ status: 'succeeded', amount: 5000, amount_received: 5000 })
    const done = (await stripe.events.list({ type: 'checkout.session.completed', limit: 1 })).data[0]
    expect(done?.data.object).toMatchObject({ id: session.id, payment_status: 'paid', metadata: { order_id: '77' } })
    expect((await submit(session.url ?? '', visa)).headers.get('location')).toContain(session.id)
  })

  it('shows the decline and lets the customer retry on the same intent', async () => {
    const session = await newSession()
    const declined = await submit(session.url ?? '', { ...visa, card_number: '4000000000009995' })
    expect(declined.status).toBe(200)
    expect(await declined.text()).toContain('Your card has insufficient funds.')
    const invalid = await submit(session.url ?? '', { ...visa, card_number: '4242424242424241' })
    expect(await invalid.text()).toContain('Your card number is incorrect.')
    const intentId = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string
    expect((await stripe.paymentIntents.retrieve(intentId)).status).toBe('requires_payment_method')
    expect((await submit(session.url ?? '', visa)).status).toBe(303)
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_intent).toBe(intentId)
  })

  it('goes through 3-D Secure and back', async () => {
    const session = await newSession()
    const challenge = await submit(session.url ?? '', { ...visa, card_number: '4000002500003155' })
    expect(challenge.status).toBe(303)
    const challengeUrl = new URL(challenge.headers.get('location') ?? '', sandbox.url)
    expect(challengeUrl.pathname).toMatch(/^\/v1\/sandbox\/3ds\/pi_/)
    const failed = await submit(challengeUrl.toString(), {
      outcome: 'fail',
      return_to: challengeUrl.searchParams.get('return_to') ?? '',
    })
    const back = await fetch(new URL(failed.headers.get('location') ?? '', sandbox.url))
    expect(await back.text()).toContain('We are unable to authenticate your payment method.')
    const again = await submit(session.url ?? '', { ...visa, card_number: '4000002500003155' })
    const againUrl = new URL(again.headers.get('location') ?? '', sandbox.url)
    const completed = await submit(againUrl.toString(), {
      outcome: 'complete',
      return_to: againUrl.searchParams.get('return_to') ?? '',
    })
    const final = await fetch(new URL(completed.headers.get('location') ?? '', sandbox.url), { redirect: 'manual' })
    expect(final.headers.get('location')).toBe(`https://till.example/paid?session=${session.id}`)
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete')
  })

  it('expires sessions of test clock customers when the clock passes expires_at', async () => {
    const testClock = await stripe.testHelpers.testClocks.create({ frozen_time: clock })
    const customer = await stripe.customers.create({ test_clock: testClock.id })
    const session = await newSession({ customer: customer.id })
    expect(session.expires_at).toBe(clock + 24 * HOUR)
    await stripe.testHelpers.testClocks.advance(testClock.id, { frozen_time: clock + 25 * HOUR })
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired')
  })
})

describe('checkout with a payment that settles later', () => {
  it('completes the session unpaid, then paid with checkout.session.async_payment_succeeded', async () => {
    const session = await newSession({ metadata: { order_id: 'async' } })
    const paid = await submit(session.url!, { ...visa, card_number: '4000 0099 9000 0005' })
    expect(paid.status).toBe(303)
    const completed = await stripe.checkout.sessions.retrieve(session.id)
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'unpaid' })
    const intent = await stripe.paymentIntents.retrieve(completed.payment_intent as string)
    expect(intent.status).toBe('processing')
    const typesBefore = (await stripe.events.list({ limit: 100 })).data.filter((e) => (e.data.object as { id: string }).id === session.id).map((e) => e.type)
    expect(typesBefore).toEqual(['checkout.session.completed'])
    clock += 10
    await vi.waitFor(async () => expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid'), { timeout: 5000, interval: 200 })
    const types = (await stripe.events.list({ limit: 100 })).data.filter((e) => (e.data.object as { id: string }).id === session.id).map((e) => e.type)
    expect(types).toEqual(['checkout.session.async_payment_succeeded', 'checkout.session.completed'])
  })
})
