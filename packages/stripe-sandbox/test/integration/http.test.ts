import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxHandle } from '../../src'
import { objectId, rawRequest, sdkFor, startWithSdk, stripeError } from './helpers'

let sandbox: SandboxHandle
let stripe: Stripe

beforeAll(async () => {
  ;({ sandbox, stripe } = await startWithSdk({}, { enabled: false }))
})
afterAll(() => sandbox.close())

describe('authentication', () => {
  it('answers a missing key with 401', async () => {
    const response = await rawRequest(sandbox, 'GET', '/v1/customers')
    expect(response.status).toBe(401)
    expect((response.body.error as { message: string }).message).toMatch(/You did not provide an API key/)
  })

  it('turns bad and live keys into StripeAuthenticationError', async () => {
    for (const key of ['nonsense', 'sk_live_123']) {
      const error = await stripeError(() => sdkFor(sandbox, key).customers.list())
      expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
      expect(error.statusCode).toBe(401)
    }
  })

  it('refuses publishable keys outside the client-side routes', async () => {
    const error = await stripeError(() => sdkFor(sandbox, 'pk_test_abc').customers.create({ email: 'a@b.co' }))
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
    expect(error.message).toMatch(/cannot be made with a publishable API key/)
  })
})

describe('requests and errors', () => {
  it('gives every answer a request-id that the SDK exposes', async () => {
    const customer = await stripe.customers.create({})
    expect(customer.lastResponse.requestId).toMatch(/^req_/)
    const error = await stripeError(() => stripe.customers.retrieve('cus_missing'))
    expect(error.requestId).toMatch(/^req_/)
  })

  it('answers unknown URLs like Stripe', async () => {
    const response = await rawRequest(sandbox, 'GET', '/v1/nothing_here', { key: 'sk_test_x' })
    expect(response.status).toBe(404)
    expect((response.body.error as { message: string }).message).toBe(
      'Unrecognized request URL (GET: /v1/nothing_here). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.',
    )
  })

  it('404s unknown ids with resource_missing', async () => {
    const error = await stripeError(() => stripe.paymentIntents.retrieve('pi_nope'))
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(error).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      message: "No such payment_intent: 'pi_nope'",
    })
  })

  it('reports missing and unknown parameters', async () => {
    const missing = await stripeError(() => stripe.paymentIntents.create({ amount: 1000 } as Stripe.PaymentIntentCreateParams))
    expect(missing).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'currency' })
    const unknown = await stripeError(() => stripe.customers.create({ emial: 'x' } as Stripe.CustomerCreateParams))
    expect(unknown).toMatchObject({ code: 'parameter_unknown', param: 'emial', message: 'Received unknown parameter: emial' })
    const badInteger = await stripeError(() => stripe.paymentIntents.create({ amount: 10.5, currency: 'usd', allowed_payment_method_types: ['card'] }))
    expect(badInteger).toMatchObject({ code: 'parameter_invalid_integer', param: 'amount' })
  })

  it('refuses JSON bodies and oversize bodies', async () => {
    const json = await rawRequest(sandbox, 'POST', '/v1/customers', {
      key: 'sk_test_x',
      headers: { 'Content-Type': 'application/json' },
      form: '{"email":"a@b.co"}',
    })
    expect(json.status).toBe(400)
    const big = await rawRequest(sandbox, 'POST', '/v1/customers', {
      key: 'sk_test_x',
      form: `description=${'x'.repeat(1024 * 1024 + 1)}`,
    })
    expect(big.status).toBe(413)
  })

  it('reads the SDK encoding: nested metadata, null to unset, many array entries', async () => {
    const customer = await stripe.customers.create({
      email: 'enc@example.com',
      metadata: { order_id: '7', 'with space': 'a&b=c' },
    })
    expect(customer.metadata).toEqual({ order_id: '7', 'with space': 'a&b=c' })
    const updated = await stripe.customers.update(customer.id, {
      metadata: { order_id: null as unknown as string },
      description: 'x',
    })
    expect(updated.metadata).toEqual({ 'with space': 'a&b=c' })
    const cleared = await stripe.customers.update(customer.id, { description: '' })
    expect(cleared.description).toBeNull()
    const events = await stripe.events.list({
      types: Array.from({ length: 20 }, (_, i) => (i === 19 ? 'customer.created' : `x.type${i}`)),
      limit: 100,
    })
    expect(events.data.some((event) => objectId(event) === customer.id)).toBe(true)
  })
})

describe('idempotency', () => {
  it('replays the first answer for the same key and parameters', async () => {
    const first = await stripe.customers.create({ email: 'idem@example.com' }, { idempotencyKey: 'key-1' })
    const second = await stripe.customers.create({ email: 'idem@example.com' }, { idempotencyKey: 'key-1' })
    expect(second.id).toBe(first.id)
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true')
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined()
    const all = await stripe.customers.list({ email: 'idem@example.com' })
    expect(all.data).toHaveLength(1)
  })

  it('replays declines too, without charging again', async () => {
    const call = () =>
      stripe.paymentIntents.create(
        { amount: 500, currency: 'usd', allowed_payment_method_types: ['card'], payment_method: 'pm_card_chargeDeclined', confirm: true },
        { idempotencyKey: 'decline-1' },
      )
    const first = await stripeError(call)
    const second = await stripeError(call)
    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError)
    expect(second.payment_intent?.id).toBe(first.payment_intent?.id)
    const charges = await stripe.charges.list({ payment_intent: first.payment_intent?.id })
    expect(charges.data).toHaveLength(1)
  })

  it('refuses the same key with other parameters', async () => {
    await stripe.customers.create({ email: 'one@example.com' }, { idempotencyKey: 'key-2' })
    const error = await stripeError(() => stripe.customers.create({ email: 'two@example.com' }, { idempotencyKey: 'key-2' }))
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    expect(error.statusCode).toBe(400)
  })

  it('does not save rejected requests, so the key can be retried with fixed parameters', async () => {
    await stripeError(() => stripe.paymentIntents.create({ amount: 10, currency: 'usd', allowed_payment_method_types: ['card'] }, { idempotencyKey: 'key-3' }))
    const fixed = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'] }, { idempotencyKey: 'key-3' })
    expect(fixed.amount).toBe(1000)
  })
})
