import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxHandle } from '../../src'
import { startWithSdk, stripeError } from './helpers'

let sandbox: SandboxHandle
let stripe: Stripe

beforeAll(async () => {
  ;({ sandbox, stripe } = await startWithSdk({}, { enabled: false }))
})
afterAll(() => sandbox.close())

async function eventsFor(id: string): Promise<Stripe.Event[]> {
  const events = await stripe.events.list({ limit: 100 })
  return events.data.filter((event) => (event.data.object as { id: string }).id === id)
}

describe('customers', () => {
  it('creates, retrieves and updates with events', async () => {
    const created = await stripe.customers.create({ email: 'ada@example.com', name: 'Ada', metadata: { till: '1' } })
    expect(created).toMatchObject({
      object: 'customer',
      email: 'ada@example.com',
      name: 'Ada',
      livemode: false,
      metadata: { till: '1' },
    })
    expect(created.id).toMatch(/^cus_/)
    expect((await stripe.customers.retrieve(created.id)) as Stripe.Customer).toMatchObject({ email: 'ada@example.com' })
    const updated = await stripe.customers.update(created.id, { name: 'Ada Lovelace', metadata: { level: 'pro' } })
    expect(updated.metadata).toEqual({ till: '1', level: 'pro' })
    const events = await eventsFor(created.id)
    expect(events.map((event) => event.type)).toEqual(['customer.updated', 'customer.created'])
    expect(events[0]?.data.previous_attributes).toEqual({ name: 'Ada', metadata: { till: '1' } })
    expect(events[0]?.request).toMatchObject({ id: expect.stringMatching(/^req_/) })
  })

  it('validates emails', async () => {
    const error = await stripeError(() => stripe.customers.create({ email: 'not-an-email' }))
    expect(error).toMatchObject({ code: 'email_invalid', param: 'email' })
  })

  it('lists by exact email and searches by query', async () => {
    const a = await stripe.customers.create({ email: 'search@example.com', name: 'Grace Hopper', metadata: { order_id: '42' } })
    await stripe.customers.create({ email: 'other@example.com' })
    const listed = await stripe.customers.list({ email: 'search@example.com' })
    expect(listed.data.map((customer) => customer.id)).toEqual([a.id])
    const byEmail = await stripe.customers.search({ query: "email:'search@example.com'" })
    expect(byEmail.data.map((customer) => customer.id)).toEqual([a.id])
    const byMetadata = await stripe.customers.search({ query: "metadata['order_id']:'42' AND name~'hopper'" })
    expect(byMetadata.data.map((customer) => customer.id)).toEqual([a.id])
    const unsupported = await stripeError(() => stripe.customers.search({ query: "balance:'1'" }))
    expect(unsupported).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
  })

  it('deletes: retrieve shows deleted, lists and updates no longer see it', async () => {
    const customer = await stripe.customers.create({ email: 'gone@example.com' })
    const deleted = await stripe.customers.del(customer.id)
    expect(deleted).toEqual({ id: customer.id, object: 'customer', deleted: true })
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({ deleted: true })
    expect((await stripe.customers.list({ email: 'gone@example.com' })).data).toHaveLength(0)
    const error = await stripeError(() => stripe.customers.update(customer.id, { name: 'x' }))
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' })
    expect((await eventsFor(customer.id)).map((event) => event.type)).toEqual(['customer.deleted', 'customer.created'])
  })

  it('pages through customers newest first', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++)
      ids.push((await stripe.customers.create({ email: `page${i}@example.com`, metadata: { batch: 'p' } })).id)
    const first = await stripe.customers.list({ limit: 2 })
    expect(first.data.map((c) => c.id)).toEqual([ids[4], ids[3]])
    expect(first.has_more).toBe(true)
    expect(first.url).toBe('/v1/customers')
    const second = await stripe.customers.list({ limit: 2, starting_after: ids[3] })
    expect(second.data.map((c) => c.id)).toEqual([ids[2], ids[1]])
    const back = await stripe.customers.list({ limit: 2, ending_before: ids[1] })
    expect(back.data.map((c) => c.id)).toEqual([ids[3], ids[2]])
  })

  it('attaches payment methods and sets the invoice default', async () => {
    const customer = await stripe.customers.create({ payment_method: 'pm_card_visa' })
    const methods = await stripe.customers.listPaymentMethods(customer.id)
    expect(methods.data).toHaveLength(1)
    const pmId = methods.data[0]?.id ?? ''
    const updated = await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pmId } })
    expect(updated.invoice_settings.default_payment_method).toBe(pmId)
    const foreign = await stripe.paymentMethods.create({ type: 'card', card: { token: 'tok_visa' } })
    const error = await stripeError(() =>
      stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: foreign.id } }),
    )
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
  })
})
