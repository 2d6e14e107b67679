// The till against the sandbox's stricter rules (issue 11): endpoints at the pinned API version, and a
// payment that sits in processing before it succeeds.

import Stripe from 'stripe'
import { afterEach, describe, expect, it } from 'vitest'
import { ensureWebhookEndpoint, INSTALL_METADATA_KEY, MANAGED_METADATA_KEY, type EndpointVault, type ManagedEndpoint } from '../../src/main/core/stripe/webhook-endpoint'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'
import { fakeStripe } from './live-fixtures'

let t: TestTill | undefined
let account: Awaited<ReturnType<typeof fakeStripe>> | undefined
afterEach(async () => {
  await t?.close()
  await account?.close()
  t = account = undefined
})

describe('webhook endpoints at the pinned API version', () => {
  it("registers the till's endpoint with the SDK's version", async () => {
    t = await startTestTill()
    const endpoints = (await t.stripe.webhookEndpoints.list()).data
    expect(endpoints.length).toBeGreaterThan(0)
    for (const endpoint of endpoints) expect(endpoint.api_version).toBe(Stripe.API_VERSION)
  })

  it('replaces a saved endpoint of ours that follows the account default instead of the pinned version', async () => {
    account = await fakeStripe({ enabled: false })
    const old = await account.stripe.webhookEndpoints.create({
      url: 'https://a.ngrok.app/webhooks/stripe',
      enabled_events: ['payment_intent.succeeded'],
      metadata: { [MANAGED_METADATA_KEY]: 'true', [INSTALL_METADATA_KEY]: 'install-a' },
    })
    expect(old.api_version).toBeNull()
    let saved: ManagedEndpoint | null = { id: old.id, secret: old.secret! }
    const vault: EndpointVault = { load: () => saved, save: (endpoint) => void (saved = endpoint) }
    const result = await ensureWebhookEndpoint(account.stripe, vault, 'https://a.ngrok.app/webhooks/stripe', 'install-a')
    expect(result).toMatchObject({ action: 'created', removed: [old.id] })
    const [only, ...others] = (await account.stripe.webhookEndpoints.list()).data
    expect(others).toEqual([])
    expect(only).toMatchObject({ id: result.endpoint.id, api_version: Stripe.API_VERSION })
  })
})

describe('a payment that is processing first', () => {
  it('shows processing, then succeeds and grants the course, by webhook', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    const intent = await t.stripe.paymentIntents.retrieve(checkout.paymentIntentId)
    expect(intent.allowed_payment_method_types).toEqual(['card'])
    expect(intent.automatic_payment_methods).toBeNull()
    const confirmed = await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_sandbox_delayedSuccess')
    expect(confirmed.status).toBe('processing')
    await t.till.handlers['payments:sync']({ orderId: order.id })
    const processing = t.detail(order.id)
    expect(processing.status).toBe('pending')
    expect(processing.payments[0]).toMatchObject({ method: 'card', status: 'processing' })
    expect(processing.ownership).toEqual([])
    const deadline = Date.now() + 15_000
    while (t.detail(order.id).status !== 'successful' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      await t.deliveriesSettled()
    }
    const paid = t.detail(order.id)
    expect(paid).toMatchObject({ status: 'successful', amountDue: 0 })
    expect(paid.payments[0]).toMatchObject({ status: 'succeeded', amountReceived: 4900 })
    expect(paid.ownership.map((o) => o.courseId)).toEqual([1])
  })
})
