import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxHandle } from '../../src'
import { objectId, startWithSdk, stripeError } from './helpers'

let sandbox: SandboxHandle
let stripe: Stripe
let clock = 1_800_000_000

beforeAll(async () => {
  ;({ sandbox, stripe } = await startWithSdk({ now: () => clock }, { enabled: false }))
})
afterAll(() => sandbox.close())

describe('events API', () => {
  it('records the envelope Stripe sends', async () => {
    const customer = await stripe.customers.create({ email: 'evt@example.com' }, { idempotencyKey: 'evt-key' })
    const listed = await stripe.events.list({ limit: 1 })
    const event = listed.data[0]
    expect(event).toMatchObject({
      object: 'event',
      type: 'customer.created',
      api_version: Stripe.API_VERSION,
      created: clock,
      livemode: false,
      pending_webhooks: 0,
      request: { id: customer.lastResponse.requestId, idempotency_key: 'evt-key' },
      data: { object: { id: customer.id, email: 'evt@example.com' } },
    })
    expect(event?.id).toMatch(/^evt_/)
    expect(await stripe.events.retrieve(event?.id ?? '')).toEqual(event)
    expect(await stripeError(() => stripe.events.retrieve('evt_missing'))).toMatchObject({ statusCode: 404 })
  })

  it('keeps the snapshot of the object at the time of the event', async () => {
    const customer = await stripe.customers.create({ name: 'Before' })
    await stripe.customers.update(customer.id, { name: 'After' })
    const created = await stripe.events.list({ type: 'customer.created', limit: 1 })
    expect((created.data[0]?.data.object as Stripe.Customer).name).toBe('Before')
  })

  it('filters by type wildcard, types[] and created', async () => {
    clock += 1000
    const since = clock
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd', allowed_payment_method_types: ['card'],
      payment_method: 'pm_card_visa',
      confirm: true,
    })
    clock += 10
    await stripe.refunds.create({ payment_intent: pi.id })
    const intents = await stripe.events.list({ type: 'payment_intent.*', created: { gte: since } })
    expect(intents.data.map((event) => event.type)).toEqual(['payment_intent.succeeded', 'payment_intent.created'])
    const some = await stripe.events.list({ types: ['charge.succeeded', 'refund.created'], created: { gte: since } })
    expect(some.data.map((event) => event.type)).toEqual(['refund.created', 'charge.succeeded'])
    const later = await stripe.events.list({ created: { gt: since } })
    expect(later.data.map((event) => event.type)).toEqual(['charge.refunded', 'refund.created'])
    const exact = await stripe.events.list({ created: since, type: 'charge.succeeded' })
    expect(exact.data).toHaveLength(1)
    expect(await stripeError(() => stripe.events.list({ type: 'x.y', types: ['a.b'] }))).toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    )
  })

  it('pages over more than 100 events, newest first, without gaps or repeats', async () => {
    clock += 1000
    const since = clock
    const created: string[] = []
    for (let i = 0; i < 130; i++) created.push((await stripe.customers.create({ metadata: { n: String(i) } })).id)
    const firstPage = await stripe.events.list({ limit: 100, created: { gte: since } })
    expect(firstPage.data).toHaveLength(100)
    expect(firstPage.has_more).toBe(true)
    const secondPage = await stripe.events.list({ limit: 100, created: { gte: since }, starting_after: firstPage.data[99]?.id })
    expect(secondPage.data).toHaveLength(30)
    expect(secondPage.has_more).toBe(false)
    const seen = [...firstPage.data, ...secondPage.data].map((event) => objectId(event))
    expect(seen).toEqual([...created].reverse())
    const auto: string[] = []
    for await (const event of stripe.events.list({ limit: 100, created: { gte: since } })) auto.push(event.id)
    expect(auto).toHaveLength(130)
    expect(new Set(auto).size).toBe(130)
    expect(await stripeError(() => stripe.events.list({ limit: 101 }))).toMatchObject({ param: 'limit' })
  })
})
