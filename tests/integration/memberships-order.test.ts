import type Stripe from 'stripe'
import { afterEach, describe, expect, it } from 'vitest'
import { processStripeEvent } from '../../src/main/core/payments/process-event'
import type { StripeEventEnvelope } from '../../src/main/core/payments/event-envelope'
import { createStripeGateway } from '../../src/main/core/stripe/gateway'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'
import { customerOnClock, GBP_MONTHLY, membership, periodEndOf } from '../helpers/membership-fixtures'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

async function eventsOf(type: string): Promise<Stripe.Event[]> {
  return (await t.stripe.events.list({ type, limit: 100 })).data.reverse()
}

/** Delivers an event as Stripe would, with `created` moved to say when Stripe made it. */
async function deliver(event: Stripe.Event, created = event.created) {
  const reader = createStripeGateway(t.stripe, t.till.ctx.installationId)
  return processStripeEvent({ ctx: t.till.ctx, reader }, { ...event, id: `${event.id}_${created}`, created } as unknown as StripeEventEnvelope)
}

async function soldWithoutWebhooks() {
  t = await startTestTill({ delivery: { enabled: false } })
  const stripe = await customerOnClock(t)
  const checkout = await t.till.handlers['memberships:start']({ accountId: 1, planId: GBP_MONTHLY })
  return { ...stripe, checkout }
}

describe('subscription facts move forward only', () => {
  it('an older event never overwrites a newer one; one from the same second is settled by reading Stripe', async () => {
    const { checkout } = await soldWithoutWebhooks()
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    const [created] = await eventsOf('customer.subscription.created')
    const updated = (await eventsOf('customer.subscription.updated')).at(-1)!
    expect((updated.data.object as Stripe.Subscription).status).toBe('active')
    await deliver(updated, 2_000_000_010)
    await deliver(created!, 2_000_000_005)
    expect((await membership(t, checkout.membershipId)).status).toBe('active')
    const result = await deliver(created!, 2_000_000_010)
    expect(result.outcome).toBe('skipped')
    expect((await membership(t, checkout.membershipId)).status).toBe('active')
  })

  it('a canceled membership stays canceled whatever arrives later', async () => {
    const { checkout } = await soldWithoutWebhooks()
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    const updated = (await eventsOf('customer.subscription.updated')).at(-1)!
    await t.stripe.subscriptions.cancel((await membership(t, checkout.membershipId)).stripeSubscriptionId!)
    const [deleted] = await eventsOf('customer.subscription.deleted')
    await deliver(deleted!, 2_000_000_001)
    await deliver(updated, 2_000_000_100)
    expect((await membership(t, checkout.membershipId)).status).toBe('canceled')
  })

  it('a late invoice.payment_failed for an invoice since paid shows no failure', async () => {
    const { checkout, clock, customer } = await soldWithoutWebhooks()
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    const subId = (await t.stripe.subscriptions.list({ customer: customer.id })).data[0]!.id
    const failing = await t.stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id })
    await t.stripe.subscriptions.update(subId, { default_payment_method: failing.id })
    await t.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: (await periodEndOf(t, checkout.membershipId)) + 3600 })
    const visa = await t.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id })
    const renewal = (await t.stripe.subscriptions.retrieve(subId)).latest_invoice as string
    await t.stripe.invoices.pay(renewal, { payment_method: visa.id })
    for (const event of await eventsOf('invoice.paid')) await deliver(event)
    const [failed] = await eventsOf('invoice.payment_failed')
    await deliver(failed!)
    const after = await membership(t, checkout.membershipId)
    expect(after.lastFailure).toBeNull()
    expect(after.orderIds).toHaveLength(2)
  })

  it('invoice.paid arriving before the intent events still cross-checks the amount', async () => {
    const { checkout } = await soldWithoutWebhooks()
    t.till.ctx.db.prepare('UPDATE payment SET amount = 1800 WHERE order_id = ?').run(checkout.orderId)
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    const [paid] = await eventsOf('invoice.paid')
    await deliver(paid!)
    const order = t.till.ctx.db.prepare('SELECT status, review_reason FROM purchase_order WHERE id = ?').get(checkout.orderId) as { status: string; review_reason: string | null }
    expect(order.review_reason).toMatch(/collected 1900 GBP but the payment was for 1800/)
  })

  it('reads an invoice again when its payload lacks payments (as Stripe sends it unexpanded), and ignores zero invoices', async () => {
    const { checkout, clock } = await soldWithoutWebhooks()
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    await t.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: (await periodEndOf(t, checkout.membershipId)) + 3600 })
    const paid = await eventsOf('invoice.paid')
    for (const event of paid) {
      const { payments: _omitted, ...unexpanded } = event.data.object as Stripe.Invoice
      await deliver({ ...event, data: { object: unexpanded } } as Stripe.Event)
    }
    const renewal = t.till.ctx.db.prepare("SELECT id FROM purchase_order WHERE kind = 'renewal'").pluck().get() as number
    expect(t.detail(renewal).payments[0]!.stripePaymentIntentId).toMatch(/^pi_/)
    const zero = { ...paid[1]!, data: { object: { ...(paid[1]!.data.object as Stripe.Invoice), id: 'in_zero_total', amount_paid: 0 } } } as Stripe.Event
    expect((await deliver(zero, zero.created + 1)).outcome).toBe('skipped')
    expect(t.count('purchase_order', "kind = 'renewal'")).toBe(1)
  })

  it("a second subscription of ours naming a membership already tied to another is not that membership's", async () => {
    const { checkout, customer } = await soldWithoutWebhooks()
    const ours = await t.stripe.subscriptions.retrieve((await membership(t, checkout.membershipId)).stripeSubscriptionId!)
    await t.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: ours.items.data[0]!.price.id }],
      payment_behavior: 'default_incomplete',
      metadata: { ...ours.metadata },
    })
    const [, orphan] = await eventsOf('customer.subscription.created')
    expect((await deliver(orphan!)).outcome).toBe('skipped')
    expect((await membership(t, checkout.membershipId)).stripeSubscriptionId).toBe(ours.id)
  })
})

