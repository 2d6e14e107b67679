// The embedded sandbox answers only its own till (issue 15): keys made for this installation, CORS for the
// till's own pages, nothing for a web page that found the port.

import Stripe from 'stripe'
import { afterEach, describe, expect, it } from 'vitest'
import { sandboxKeys } from '../../src/main/core/connection/sandbox-access'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'
import { tempDir } from '../helpers/temp-store'

let t: TestTill | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

function sdk(key: string, port: number): Stripe {
  return new Stripe(key, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 })
}

async function paidOrder(till: TestTill) {
  const order = till.order([1])
  const checkout = await till.till.handlers['payments:startCard']({ orderId: order.id })
  await payAs(till.stripe, checkout.paymentIntentId, 'pm_card_visa')
  await till.deliveriesSettled()
  return { order, checkout }
}

describe("the till's sandbox", () => {
  it('has keys of its own, kept across restarts, and hands the browser only the publishable one', async () => {
    const dataDir = tempDir()
    t = await startTestTill({ dataDir })
    const keys = sandboxKeys(t.till.ctx.db)
    expect(keys.secretKey).toMatch(/^sk_test_\w{40,}$/)
    expect(t.till.payments.client.publishableKey).toBe(keys.publishableKey)
    expect(JSON.stringify(t.till.payments.client)).not.toContain(keys.secretKey)
    await t.close()
    t = await startTestTill({ dataDir })
    expect(sandboxKeys(t.till.ctx.db)).toEqual(keys)
    const other = await startTestTill()
    try {
      expect(sandboxKeys(other.till.ctx.db).secretKey).not.toBe(keys.secretKey)
    } finally {
      await other.close()
    }
  })

  it('refuses any other sk_test_ key, the old shared one included', async () => {
    t = await startTestTill()
    const { order, checkout } = await paidOrder(t)
    const port = t.till.payments.sandbox!.port
    for (const key of ['sk_test_coursetill_sandbox', 'sk_test_anything']) {
      const refund = await sdk(key, port).refunds.create({ payment_intent: checkout.paymentIntentId }).catch((error: unknown) => error)
      expect(refund).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
      const customers = await sdk(key, port).customers.list().catch((error: unknown) => error)
      expect(customers).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
    }
    expect((await t.stripe.refunds.list({ payment_intent: checkout.paymentIntentId })).data).toHaveLength(0)
    expect(t.detail(order.id).status).toBe('successful')
  })

  it("refuses a foreign page's refund even with the right key, and serves the till's own pages", async () => {
    t = await startTestTill()
    const { order, checkout } = await paidOrder(t)
    const sandbox = t.till.payments.sandbox!
    const { secretKey, publishableKey } = sandboxKeys(t.till.ctx.db)
    const refundFrom = (origin: string) =>
      fetch(`${sandbox.url}/v1/refunds`, {
        method: 'POST',
        headers: { Origin: origin, Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `payment_intent=${checkout.paymentIntentId}`,
      })
    const refused = await refundFrom('https://evil.example')
    expect(refused.status).toBe(403)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    await t.deliveriesSettled()
    expect((await t.stripe.refunds.list({ payment_intent: checkout.paymentIntentId })).data).toHaveLength(0)
    expect(t.detail(order.id)).toMatchObject({ status: 'successful', refunds: [] })
    // The till's renderer, in Electron and in the browser host, reads its intent with the publishable key.
    for (const origin of ['app://coursetill', 'http://127.0.0.1:4747']) {
      const read = await fetch(`${sandbox.url}/v1/payment_intents/${checkout.paymentIntentId}?client_secret=${checkout.clientSecret}`, {
        headers: { Origin: origin, Authorization: `Bearer ${publishableKey}` },
      })
      expect(read.status, origin).toBe(200)
      expect(read.headers.get('access-control-allow-origin')).toBe(origin)
    }
  })
})
