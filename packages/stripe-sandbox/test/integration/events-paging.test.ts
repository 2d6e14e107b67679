// Paging and filtering edge cases of GET /v1/events, which pages in SQL (store/event-index.ts) instead of
// filtering every stored event in JS: same-second events, wildcards with created bounds across pages,
// delivery_success while deliveries land between pages, and a clock that goes back.

import type Stripe from 'stripe'
import { afterEach, describe, expect, it } from 'vitest'
import type { SandboxHandle, SandboxOptions } from '../../src'
import { typeMatches } from '../../src/events/type-filter'
import { objectId, startReceiver, startWithSdk, stripeError } from './helpers'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

let clock = 1_800_000_000

async function start(options: SandboxOptions = {}): Promise<{ sandbox: SandboxHandle; stripe: Stripe }> {
  const started = await startWithSdk({ now: () => clock, ...options }, { enabled: false })
  cleanups.push(() => started.sandbox.close())
  return started
}

/** Follows `starting_after` page by page; returns every page. */
async function pagesOf(stripe: Stripe, params: Stripe.EventListParams): Promise<Stripe.Event[][]> {
  const pages: Stripe.Event[][] = []
  let page = await stripe.events.list(params)
  pages.push(page.data)
  while (page.has_more) {
    page = await stripe.events.list({ ...params, starting_after: page.data.at(-1)?.id })
    pages.push(page.data)
  }
  return pages
}

const ids = (events: Stripe.Event[]) => events.map((event) => event.id)

describe('GET /v1/events paging', () => {
  it('pages through events of the same second by insertion order, both ways, without gaps or repeats', async () => {
    const { stripe } = await start()
    const customers: string[] = []
    for (let i = 0; i < 7; i++) customers.push((await stripe.customers.create({ name: `same ${i}` })).id)
    const pages = await pagesOf(stripe, { created: clock, limit: 3 })
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1])
    expect(pages.flat().map(objectId)).toEqual([...customers].reverse())

    // Back from the oldest: the three right above it, and has_more because newer ones remain.
    const all = pages.flat()
    const back = await stripe.events.list({ created: clock, limit: 3, ending_before: all[6]?.id })
    expect(ids(back.data)).toEqual(ids(all.slice(3, 6)))
    expect(back.has_more).toBe(true)
    const top = await stripe.events.list({ created: clock, limit: 3, ending_before: all[2]?.id })
    expect(ids(top.data)).toEqual(ids(all.slice(0, 2)))
    expect(top.has_more).toBe(false)
  })

  it('applies a wildcard and created bounds on every page, as one filtered list would', async () => {
    const { stripe } = await start()
    clock += 100
    const first = clock
    for (let second = 0; second < 5; second++) {
      await stripe.customers.create({ name: `s${second}` })
      await stripe.paymentIntents.create({ amount: 500 + second, currency: 'usd', allowed_payment_method_types: ['card'], payment_method: 'pm_card_visa', confirm: true })
      clock += 1
    }
    const everything = (await stripe.events.list({ limit: 100, created: { gte: first } })).data
    const expected = everything.filter(
      (event) => typeMatches('payment_intent.*', event.type) && event.created > first && event.created <= first + 3,
    )
    expect(expected.map((event) => event.type)).toContain('payment_intent.succeeded')

    const pages = await pagesOf(stripe, { type: 'payment_intent.*', created: { gt: first, lte: first + 3 }, limit: 2 })
    expect(pages.length).toBe(Math.ceil(expected.length / 2))
    expect(ids(pages.flat())).toEqual(ids(expected))

    const mixed = await pagesOf(stripe, { types: ['customer.created', 'charge.*'], created: { gte: first + 1, lt: first + 4 }, limit: 2 })
    const mixedExpected = everything.filter(
      (event) =>
        (event.type === 'customer.created' || typeMatches('charge.*', event.type)) &&
        event.created >= first + 1 &&
        event.created < first + 4,
    )
    expect(mixedExpected).toHaveLength(9) // per second: customer.created, charge.succeeded, charge.updated
    expect(ids(mixed.flat())).toEqual(ids(mixedExpected))

    expect((await stripe.events.list({ type: 'payment_intent.*', created: { gt: first + 10 } })).data).toEqual([])
  })

  it('keeps paging delivery_success lists while deliveries land between pages', async () => {
    const receiver = await startReceiver((_n, event) => (Number((event.data.object as Stripe.Customer).name) % 2 === 0 ? 200 : 500))
    cleanups.push(() => receiver.close())
    const { sandbox, stripe } = await start({ delivery: { retryScheduleMs: [] } })
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ['customer.created'] })
    receiver.setSecret(endpoint.secret ?? '')
    const customers: string[] = []
    for (let i = 0; i < 6; i++) customers.push((await stripe.customers.create({ name: String(i) })).id)
    // Not subscribed: no delivery is owed, so it counts as delivered.
    await stripe.customers.update(customers[0]!, { description: 'changed' })

    const firstPage = await stripe.events.list({ delivery_success: false, limit: 2 })
    expect(firstPage.data.map(objectId)).toEqual([customers[5], customers[4]])
    expect(firstPage.data.map((event) => event.pending_webhooks)).toEqual([1, 1])
    expect(firstPage.has_more).toBe(true)

    sandbox.setDeliveryEnabled(true)
    await sandbox.idle()
    expect(receiver.deliveries).toHaveLength(6)
    // The cursor's event was delivered meanwhile and left the filter; it still marks where the next page starts.
    const secondPage = await stripe.events.list({ delivery_success: false, limit: 2, starting_after: firstPage.data[1]?.id })
    expect(secondPage.data.map(objectId)).toEqual([customers[3], customers[1]])
    expect(secondPage.data.map((event) => event.pending_webhooks)).toEqual([1, 1])
    expect(secondPage.has_more).toBe(false)

    const delivered = await pagesOf(stripe, { delivery_success: true, limit: 2 })
    expect(delivered.map((page) => page.map((event) => event.type))).toEqual([
      ['customer.updated', 'customer.created'],
      ['customer.created', 'customer.created'],
    ])
    expect(delivered.flat().map(objectId)).toEqual([customers[0], customers[4], customers[2], customers[0]])
    expect(delivered.flat().every((event) => event.pending_webhooks === 0)).toBe(true)

    const newer = await stripe.events.list({ delivery_success: false, limit: 1, ending_before: secondPage.data[1]?.id })
    expect(newer.data.map(objectId)).toEqual([customers[3]])
    expect(newer.has_more).toBe(true)
  })

  it('finds events by created even when the clock went back between them', async () => {
    const { stripe } = await start()
    clock += 1000
    const late = await stripe.customers.create({ name: 'late clock' })
    clock -= 500
    const early = await stripe.customers.create({ name: 'early clock' })
    const names = async (created: Stripe.RangeQueryParam) =>
      (await stripe.events.list({ created, type: 'customer.created' })).data.map(objectId)
    expect(await names({ gte: clock + 500 })).toEqual([late.id])
    expect(await names({ gt: clock, lt: clock + 500 })).toEqual([])
    expect(await names({ gte: clock, lte: clock })).toEqual([early.id])
    expect(await names({ gte: clock - 1 })).toEqual([early.id, late.id])
  })

  it('answers an unknown cursor with resource_missing, as every list does', async () => {
    const { stripe } = await start()
    await stripe.customers.create({})
    expect(await stripeError(() => stripe.events.list({ starting_after: 'evt_nope' }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'starting_after',
    })
    expect(await stripeError(() => stripe.events.list({ ending_before: 'evt_nope' }))).toMatchObject({ param: 'ending_before' })
  })
})
