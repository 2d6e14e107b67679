import Database from 'better-sqlite3'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox, type SandboxHandle } from '../../src'
import { objectId, type Receiver, sdkFor, startReceiver, startWithSdk, stripeError, tempDbFile } from './helpers'

const cleanups: Array<() => Promise<void>> = []

/** A port nothing listens on (bound, then released), so connecting to it is refused. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(
  receiverAnswer?: (n: number) => number,
  options: Parameters<typeof startSandbox>[0] = {},
  faults: Parameters<typeof startSandbox>[1] = {},
): Promise<{ sandbox: SandboxHandle; stripe: Stripe; receiver: Receiver }> {
  const receiver = await startReceiver(receiverAnswer)
  const { sandbox, stripe } = await startWithSdk(options, faults)
  cleanups.push(
    () => receiver.close(),
    () => sandbox.close(),
  )
  const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ['*'] })
  receiver.setSecret(endpoint.secret ?? '')
  return { sandbox, stripe, receiver }
}

describe('webhook endpoints', () => {
  it('returns the secret only on create, updates, lists and deletes', async () => {
    const { sandbox, stripe } = await startWithSdk()
    cleanups.push(() => sandbox.close())
    const endpoint = await stripe.webhookEndpoints.create({
      url: 'https://example.com/hook',
      enabled_events: ['payment_intent.succeeded'],
      description: 'till',
      metadata: { a: '1' },
    })
    expect(endpoint).toMatchObject({
      object: 'webhook_endpoint',
      status: 'enabled',
      url: 'https://example.com/hook',
      enabled_events: ['payment_intent.succeeded'],
      description: 'till',
      metadata: { a: '1' },
    })
    expect(endpoint.secret).toMatch(/^whsec_/)
    const fetched = await stripe.webhookEndpoints.retrieve(endpoint.id)
    expect(fetched.secret).toBeUndefined()
    const updated = await stripe.webhookEndpoints.update(endpoint.id, {
      disabled: true,
      enabled_events: ['*'],
      url: 'https://example.com/other',
    })
    expect(updated).toMatchObject({ status: 'disabled', enabled_events: ['*'], url: 'https://example.com/other' })
    expect((await stripe.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([endpoint.id])
    expect(await stripe.webhookEndpoints.del(endpoint.id)).toEqual({ id: endpoint.id, object: 'webhook_endpoint', deleted: true })
    expect(await stripeError(() => stripe.webhookEndpoints.retrieve(endpoint.id))).toMatchObject({ statusCode: 404 })
    expect(await stripeError(() => stripe.webhookEndpoints.create({ url: 'not a url', enabled_events: ['*'] }))).toMatchObject({
      param: 'url',
    })
    expect(
      await stripeError(() => stripe.webhookEndpoints.create({ url: 'https://example.com', enabled_events: [] })),
    ).toMatchObject({ code: 'parameter_missing' })
  })

  it('enforces the limit of 16 endpoints', async () => {
    const { sandbox, stripe } = await startWithSdk()
    cleanups.push(() => sandbox.close())
    for (let i = 0; i < 16; i++) await stripe.webhookEndpoints.create({ url: `https://example.com/${i}`, enabled_events: ['*'] })
    const error = await stripeError(() =>
      stripe.webhookEndpoints.create({ url: 'https://example.com/17', enabled_events: ['*'] }),
    )
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(error.message).toMatch(/maximum of 16/)
  })
})

describe('webhook delivery', () => {
  it('delivers signed events that constructEvent accepts, with pending_webhooks settling to 0', async () => {
    const { sandbox, stripe, receiver } = await setup()
    const pi = await stripe.paymentIntents.create(
      { amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'], payment_method: 'pm_card_visa', confirm: true },
      { idempotencyKey: 'hook-1' },
    )
    await sandbox.idle()
    expect(receiver.rejected).toEqual([])
    // Unordered, as Stripe: compare as sets.
    expect(receiver.deliveries.map((d) => d.event.type).sort()).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'charge.updated',
    ].sort())
    const succeeded = receiver.deliveries.find((d) => d.event.type === 'payment_intent.succeeded')?.event
    expect(succeeded?.data.object).toMatchObject({ id: pi.id, status: 'succeeded' })
    expect(succeeded?.request).toEqual({ id: pi.lastResponse.requestId, idempotency_key: 'hook-1' })
    expect(succeeded?.pending_webhooks).toBe(1)
    expect((await stripe.events.retrieve(succeeded?.id ?? '')).pending_webhooks).toBe(0)
    expect((await stripe.events.list({ delivery_success: false })).data).toHaveLength(0)
    expect((await stripe.events.list({ delivery_success: true })).data).toHaveLength(4)
  })

  it('sends only subscribed types and nothing to disabled endpoints', async () => {
    const receiver = await startReceiver()
    const { sandbox, stripe } = await startWithSdk()
    cleanups.push(
      () => receiver.close(),
      () => sandbox.close(),
    )
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ['customer.updated'] })
    receiver.setSecret(endpoint.secret ?? '')
    const customer = await stripe.customers.create({ name: 'A' })
    await stripe.customers.update(customer.id, { name: 'B' })
    await sandbox.idle()
    expect(receiver.deliveries.map((d) => d.event.type)).toEqual(['customer.updated'])
    await stripe.webhookEndpoints.update(endpoint.id, { disabled: true })
    await stripe.customers.update(customer.id, { name: 'C' })
    await sandbox.idle()
    expect(receiver.deliveries).toHaveLength(1)
  })

  it('retries failures on the schedule, signing each attempt afresh, and records every attempt', async () => {
    const dataFile = tempDbFile()
    const { sandbox, stripe, receiver } = await setup((n) => (n <= 2 ? 500 : 200), {
      dataFile,
      delivery: { retryScheduleMs: [1100, 1100, 1100] },
    })
    const customer = await stripe.customers.create({ email: 'retry@example.com' })
    await sandbox.idle()
    expect(receiver.deliveries.map((d) => objectId(d.event))).toEqual([customer.id, customer.id, customer.id])
    const timestamps = receiver.deliveries.map((d) => d.timestamp)
    expect(new Set(timestamps).size).toBe(3)
    expect(receiver.deliveries[1]!.receivedAt - receiver.deliveries[0]!.receivedAt).toBeGreaterThanOrEqual(1000)
    const eventId = receiver.deliveries[0]!.event.id
    expect((await stripe.events.retrieve(eventId)).pending_webhooks).toBe(0)
    await sandbox.close()
    const db = new Database(dataFile, { readonly: true })
    const attempts = db
      .prepare('SELECT attempt_no, status_code, signature_timestamp FROM webhook_attempts WHERE event_id = ? ORDER BY id')
      .all(eventId)
    db.close()
    expect(attempts).toEqual([
      { attempt_no: 1, status_code: 500, signature_timestamp: timestamps[0] },
      { attempt_no: 2, status_code: 500, signature_timestamp: timestamps[1] },
      { attempt_no: 3, status_code: 200, signature_timestamp: timestamps[2] },
    ])
  })

  it('gives up after the schedule and reports the event as undelivered', async () => {
    const { sandbox, stripe, receiver } = await setup(() => 503, { delivery: { retryScheduleMs: [30, 30] } })
    const customer = await stripe.customers.create({})
    await sandbox.idle()
    expect(receiver.deliveries).toHaveLength(3)
    const undelivered = await stripe.events.list({ delivery_success: false })
    expect(undelivered.data.map((event) => objectId(event))).toEqual([customer.id])
    expect(undelivered.data[0]?.pending_webhooks).toBe(1)
  })

  it('treats a timeout or a closed port as a failed attempt', async () => {
    let calls = 0
    const hanging = createServer((_request, response) => {
      calls += 1
      if (calls > 1) response.writeHead(200).end()
    })
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve))
    cleanups.push(async () => {
      hanging.closeAllConnections()
      await new Promise<void>((resolve) => hanging.close(() => resolve()))
    })
    const { sandbox, stripe } = await startWithSdk({ delivery: { timeoutMs: 200, retryScheduleMs: [20] } })
    cleanups.push(() => sandbox.close())
    await stripe.webhookEndpoints.create({
      url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`,
      enabled_events: ['*'],
    })
    const closedPort = await freePort()
    await stripe.webhookEndpoints.create({ url: `http://127.0.0.1:${closedPort}/closed`, enabled_events: ['*'] })
    const customer = await stripe.customers.create({})
    await sandbox.idle()
    expect(calls).toBe(2)
    const event = (await stripe.events.list()).data[0]
    expect(objectId(event)).toBe(customer.id)
    // The hanging endpoint acknowledged on retry; the closed port never did.
    expect(event?.pending_webhooks).toBe(1)
  })

  it('delivers N copies when asked', async () => {
    const { sandbox, stripe, receiver } = await setup(undefined, {}, { copies: 3 })
    await stripe.customers.create({})
    await sandbox.idle()
    expect(receiver.deliveries).toHaveLength(3)
    expect(new Set(receiver.deliveries.map((d) => d.event.id)).size).toBe(1)
  })

  it('delivers unordered by default, replayably with a seed, and in order only when asked', async () => {
    const run = async (delivery: { ordered?: boolean; seed?: number; concurrency?: number }) => {
      const { sandbox, stripe, receiver } = await setup(undefined, { delivery }, { enabled: false })
      const ids: string[] = []
      for (let i = 0; i < 25; i++) ids.push((await stripe.customers.create({})).id)
      await sandbox.idle()
      expect(receiver.deliveries).toHaveLength(0)
      sandbox.setDeliveryEnabled(true)
      await sandbox.idle()
      const arrived = receiver.deliveries.map((d) => objectId(d.event))
      expect([...arrived].sort()).toEqual([...ids].sort())
      return arrived.map((id) => ids.indexOf(id as string))
    }
    const inOrder = [...Array(25).keys()]
    expect(await run({ ordered: true })).toEqual(inOrder)
    // One lane, so arrival order is send order: the seed alone decides it.
    const first = await run({ seed: 7, concurrency: 1 })
    expect(first).not.toEqual(inOrder)
    expect(await run({ seed: 7, concurrency: 1 })).toEqual(first)
    expect(await run({ seed: 8, concurrency: 1 })).not.toEqual(first)
    expect(await run({})).not.toEqual(inOrder)
  })

  it('sends concurrently by default: a slow answer does not hold up the next delivery', async () => {
    let open = 0
    let most = 0
    const { sandbox, stripe, receiver } = await setup(() => 200, {}, { enabled: false })
    receiver.onArrival = async () => {
      open += 1
      most = Math.max(most, open)
      await new Promise((resolve) => setTimeout(resolve, 50))
      open -= 1
    }
    for (let i = 0; i < 8; i++) await stripe.customers.create({})
    sandbox.setDeliveryEnabled(true)
    await sandbox.idle()
    expect(receiver.deliveries).toHaveLength(8)
    expect(most).toBeGreaterThan(1)
  })

  it('drops first attempts when asked and still delivers every event through retries', async () => {
    const dataFile = tempDbFile()
    const { sandbox, stripe, receiver } = await setup(undefined, { dataFile, delivery: { retryScheduleMs: [20, 20], seed: 3 } }, { drop: 0.5 })
    const ids: string[] = []
    for (let i = 0; i < 10; i++) ids.push((await stripe.customers.create({})).id)
    await sandbox.idle()
    expect(new Set(receiver.deliveries.map((d) => objectId(d.event)))).toEqual(new Set(ids))
    const events = await stripe.events.list({ limit: 100 })
    expect(events.data.every((event) => event.pending_webhooks === 0)).toBe(true)
    await sandbox.close()
    const db = new Database(dataFile, { readonly: true })
    const dropped = db.prepare("SELECT count(*) FROM webhook_attempts WHERE error LIKE 'dropped%' AND attempt_no = 1").pluck().get() as number
    db.close()
    // Some first attempts were lost on the way (and only those were retried), so fewer arrived than were sent.
    expect(dropped).toBeGreaterThan(0)
    expect(dropped).toBeLessThan(ids.length + 1)
  })

  // How late is not measured here (no timed assertions): a delay longer than the test sends nothing, a short one
  // sends once it is due. Stopping delivery and waiting for idle means nothing is left in flight when we look.
  it('holds deliveries back for delayMs', async () => {
    const held = await setup(undefined, {}, { delayMs: 3_600_000 })
    await held.stripe.customers.create({})
    held.sandbox.setDeliveryEnabled(false)
    await held.sandbox.idle()
    expect(held.receiver.deliveries).toHaveLength(0)
    expect((await held.stripe.events.list()).data[0]?.pending_webhooks).toBe(1)

    const late = await setup(undefined, {}, { delayMs: 50 })
    const customer = await late.stripe.customers.create({})
    await late.sandbox.idle()
    expect(late.receiver.deliveries.map((d) => objectId(d.event))).toEqual([customer.id])
  })

  it('records but sends nothing when disabled; pending shows in the Events API', async () => {
    const { sandbox, stripe, receiver } = await setup(undefined, {}, { enabled: false })
    await stripe.customers.create({})
    // Delivery is off, so idle() means nothing is in flight: a delivery sent despite that would be counted here.
    await sandbox.idle()
    expect(receiver.deliveries).toHaveLength(0)
    const [event] = (await stripe.events.list({ delivery_success: false })).data
    expect(event?.pending_webhooks).toBe(1)
  })

  it('registers the start option endpoint once, with the given secret', async () => {
    const receiver = await startReceiver()
    receiver.setSecret('whsec_fixed_for_test')
    const dataFile = tempDbFile()
    cleanups.push(() => receiver.close())
    for (let run = 0; run < 2; run++) {
      const sandbox = await startSandbox({ dataFile, webhook: { url: receiver.url, secret: 'whsec_fixed_for_test' } })
      const stripe = sdkFor(sandbox)
      expect((await stripe.webhookEndpoints.list()).data).toHaveLength(1)
      await stripe.customers.create({})
      await sandbox.idle()
      await sandbox.close()
    }
    expect(receiver.deliveries).toHaveLength(2)
    expect(receiver.rejected).toEqual([])
  })
})
