import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox } from '../../src'
import { objectId, sdkFor, startReceiver, tempDbFile } from './helpers'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('restart with a file database', () => {
  it('keeps objects, events, endpoints and idempotency keys', async () => {
    const dataFile = tempDbFile()
    const first = await startSandbox({ dataFile }, { enabled: false })
    const before = sdkFor(first)
    const customer = await before.customers.create({ email: 'kept@example.com' }, { idempotencyKey: 'persist-1' })
    const pi = await before.paymentIntents.create({
      amount: 1200,
      currency: 'usd', allowed_payment_method_types: ['card'],
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    })
    const endpoint = await before.webhookEndpoints.create({ url: 'https://example.com/hook', enabled_events: ['*'] })
    await first.close()

    const second = await startSandbox({ dataFile }, { enabled: false })
    cleanups.push(() => second.close())
    const after = sdkFor(second)
    expect(await after.customers.retrieve(customer.id)).toMatchObject({ email: 'kept@example.com' })
    expect(await after.paymentIntents.retrieve(pi.id, { expand: ['latest_charge'] })).toMatchObject({
      status: 'succeeded',
      latest_charge: { amount_captured: 1200 },
    })
    expect((await after.webhookEndpoints.retrieve(endpoint.id)).url).toBe('https://example.com/hook')
    expect((await after.events.list({ limit: 100 })).data.map((e) => e.type)).toEqual([
      'charge.updated',
      'payment_intent.succeeded',
      'charge.succeeded',
      'payment_intent.created',
      'customer.created',
    ])
    const replay = await after.customers.create({ email: 'kept@example.com' }, { idempotencyKey: 'persist-1' })
    expect(replay.id).toBe(customer.id)
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true')
  })

  it('resumes pending deliveries on the next start', async () => {
    const receiver = await startReceiver()
    cleanups.push(() => receiver.close())
    const dataFile = tempDbFile()
    const first = await startSandbox({ dataFile }, { enabled: false })
    const endpoint = await sdkFor(first).webhookEndpoints.create({ url: receiver.url, enabled_events: ['*'] })
    receiver.setSecret(endpoint.secret ?? '')
    const customer = await sdkFor(first).customers.create({})
    await first.close()
    expect(receiver.deliveries).toHaveLength(0)

    const second = await startSandbox({ dataFile })
    cleanups.push(() => second.close())
    await second.idle()
    expect(receiver.deliveries.map((d) => objectId(d.event))).toEqual([customer.id])
  })

  it('resumes a retry scheduled before the restart', async () => {
    const receiver = await startReceiver((n) => (n === 1 ? 500 : 200))
    cleanups.push(() => receiver.close())
    const dataFile = tempDbFile()
    const first = await startSandbox({ dataFile, delivery: { retryScheduleMs: [1200] } })
    const endpoint = await sdkFor(first).webhookEndpoints.create({ url: receiver.url, enabled_events: ['*'] })
    receiver.setSecret(endpoint.secret ?? '')
    await sdkFor(first).customers.create({})
    await receiver.waitFor(1)
    // Stop sending and wait until nothing is in flight: the failed attempt is recorded and its retry scheduled
    // (closing mid-attempt would leave it unrecorded, and there would be no scheduled retry to resume).
    first.setDeliveryEnabled(false)
    await first.idle()
    await first.close()

    const second = await startSandbox({ dataFile, delivery: { retryScheduleMs: [1200] } })
    cleanups.push(() => second.close())
    await second.idle()
    expect(receiver.deliveries).toHaveLength(2)
    expect(receiver.deliveries[1]!.event.id).toBe(receiver.deliveries[0]!.event.id)
    expect((await sdkFor(second).events.retrieve(receiver.deliveries[0]!.event.id)).pending_webhooks).toBe(0)
  })
})
