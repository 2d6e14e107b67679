// Events Stripe sends that the till does not act on (charge.updated after charge.succeeded, charge.refund.updated):
// the managed endpoint does not subscribe to them, and one that arrives anyway is acknowledged, recorded as
// unhandled and changes nothing else.

import { createHash } from 'node:crypto'
import Stripe from 'stripe'
import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/core/store/db'
import { SUBSCRIBED_EVENTS } from '../../src/main/core/payments/subscribed-events'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'

const SECRET = 'whsec_coursetill_unsubscribed_events'
const signer = new Stripe('sk_test_signer').webhooks

let t: TestTill | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

/** Every table but the event ledger, hashed. */
function storeWithoutLedger(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'stripe_event' ORDER BY name")
    .pluck()
    .all() as string[]
  const hash = createHash('sha256')
  for (const table of tables) hash.update(table + JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()))
  return hash.digest('hex')
}

async function deliver(till: TestTill, event: Stripe.Event): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = JSON.stringify(event)
  const response = await fetch(till.till.payments.webhook.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signer.generateTestHeaderString({ payload, secret: SECRET }) },
    body: payload,
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('Stripe events the till does not subscribe to', () => {
  it('are left out of the endpoint and catch-up; delivered anyway they are acknowledged, recorded and harmless', async () => {
    expect(SUBSCRIBED_EVENTS).not.toContain('charge.updated')
    expect(SUBSCRIBED_EVENTS).not.toContain('charge.refund.updated')
    t = await startTestTill({ delivery: { enabled: false }, env: { STRIPE_WEBHOOK_SECRET: SECRET } })
    const till = t
    const order = till.order([1])
    const { paymentIntentId } = await till.call('payments:startCard', { orderId: order.id })
    await payAs(till.stripe, paymentIntentId, 'pm_card_visa')
    const sale = (await till.stripe.events.list({ limit: 100 })).data.reverse()
    const ours = sale.filter((event) => (SUBSCRIBED_EVENTS as readonly string[]).includes(event.type))
    for (const event of ours) expect((await deliver(till, event)).status).toBe(200)
    const paid = till.detail(order.id)
    expect(paid.status).toBe('successful')

    const paymentId = paid.payments[0]!.id
    await till.call('payments:refund', { paymentId, amount: 500, reason: 'requested_by_customer', managerToken: await till.managerToken() })
    const [refund] = (await till.stripe.refunds.list({ payment_intent: paymentIntentId })).data
    await till.stripe.refunds.update(refund!.id, { metadata: { checked: 'yes' } })

    const all = (await till.stripe.events.list({ limit: 100 })).data
    const chargeUpdated = all.filter((event) => event.type === 'charge.updated')
    const refundUpdated = all.filter((event) => event.type === 'charge.refund.updated')
    expect(chargeUpdated).toHaveLength(1)
    expect(refundUpdated).toHaveLength(1)

    // Catch-up lists only subscribed types, so it never fetches them.
    await till.call('sync:run', {})
    expect(till.count('stripe_event', "type IN ('charge.updated', 'charge.refund.updated')")).toBe(0)

    const before = storeWithoutLedger(till.till.ctx.db)
    for (const event of [...chargeUpdated, ...refundUpdated]) {
      const answer = await deliver(till, event)
      expect(answer).toEqual({ status: 200, body: expect.objectContaining({ received: true, outcome: 'unhandled' }) })
    }
    expect(storeWithoutLedger(till.till.ctx.db)).toBe(before)
    expect(till.count('stripe_event', "type IN ('charge.updated', 'charge.refund.updated') AND outcome = 'unhandled'")).toBe(2)
    expect(till.detail(order.id).status).toBe('partially_refunded')
  })
})
