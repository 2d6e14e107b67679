import type Stripe from 'stripe'
import { afterEach, describe, expect, it } from 'vitest'
import { processStripeEvent } from '../../src/main/core/payments/process-event'
import { SUBSCRIBED_EVENTS } from '../../src/main/core/payments/subscribed-events'
import { createStripeGateway } from '../../src/main/core/stripe/gateway'
import type { StripeEventEnvelope } from '../../src/main/core/payments/event-envelope'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'
import { customerOnClock, GBP_MONTHLY, membership, owned, periodEndOf } from '../helpers/membership-fixtures'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

async function allEvents(stripe: Stripe, types: readonly string[]): Promise<Stripe.Event[]> {
  const events: Stripe.Event[] = []
  for await (const event of stripe.events.list({ limit: 100, types: [...types] })) events.push(event)
  return events
}

/** A fixed shuffle (xorshift), so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items]
  let x = seed
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    const j = Math.abs(x) % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

describe('subscription and invoice events, duplicated and shuffled', () => {
  it('make one renewal order per invoice and leave the membership as Stripe has it', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const { clock } = await customerOnClock(t)
    const checkout = await t.till.handlers['memberships:start']({ accountId: 1, planId: GBP_MONTHLY })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    const end = await periodEndOf(t, checkout.membershipId)
    await t.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: end + 3600 })
    const end2 = await periodEndOf(t, checkout.membershipId)
    await t.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: end2 + 3600 })

    const events = await allEvents(t.stripe, SUBSCRIBED_EVENTS)
    expect(events.filter((e) => e.type === 'invoice.paid')).toHaveLength(3)
    const reader = createStripeGateway(t.stripe, t.till.ctx.installationId)
    const deliveries = shuffled([...events, ...events, ...shuffled(events, 7)], 2024)
    for (const event of deliveries) await processStripeEvent({ ctx: t.till.ctx, reader }, event as unknown as StripeEventEnvelope)

    expect(t.count('purchase_order', "kind = 'renewal'")).toBe(2)
    expect(t.count('purchase_order', "kind = 'membership'")).toBe(1)
    expect(t.count('recurring_invoice')).toBe(3)
    expect(t.count('purchase_order', "status <> 'successful'")).toBe(0)
    expect(await membership(t, checkout.membershipId)).toMatchObject({ status: 'active' })
    expect(owned(t)).toEqual([1, 2, 4])
    expect(t.count('stripe_event', "outcome = 'failed'")).toBe(0)
  })

  it("records another installation's subscription and invoices as foreign and changes nothing", async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const { clock, customer } = await customerOnClock(t)
    const checkout = await t.till.handlers['memberships:start']({ accountId: 1, planId: GBP_MONTHLY })
    const ours = await t.stripe.subscriptions.retrieve((await membership(t, checkout.membershipId)).stripeSubscriptionId!)
    // Another till's membership #1 on the same customer: same metadata id, another installation.
    const theirs = await t.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: ours.items.data[0]!.price.id }],
      payment_behavior: 'default_incomplete',
      payment_settings: { save_default_payment_method: 'on_subscription' },
      metadata: { coursetill_install: 'another-till-0000000000000000', coursetill_membership_id: String(checkout.membershipId) },
      expand: ['latest_invoice.payments'],
    })
    const intent = (theirs.latest_invoice as Stripe.Invoice).payments!.data[0]!.payment.payment_intent as string
    await payAs(t.stripe, intent, 'pm_card_visa')
    await t.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: (await periodEndOf(t, checkout.membershipId)) + 3600 })

    const before = { orders: t.count('purchase_order'), owned: owned(t), membership: await membership(t, checkout.membershipId) }
    const reader = createStripeGateway(t.stripe, t.till.ctx.installationId)
    const events = (await allEvents(t.stripe, SUBSCRIBED_EVENTS)).filter((e) => JSON.stringify(e.data.object).includes(theirs.id))
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['customer.subscription.created', 'invoice.paid']))
    for (const event of events) {
      if (event.type.startsWith('payment_intent') || event.type.startsWith('charge')) continue
      const result = await processStripeEvent({ ctx: t.till.ctx, reader }, event as unknown as StripeEventEnvelope)
      expect(result.outcome).toBe('foreign')
    }
    expect(t.count('purchase_order')).toBe(before.orders)
    expect(owned(t)).toEqual(before.owned)
    expect(await membership(t, checkout.membershipId)).toEqual(before.membership)
  })
})
