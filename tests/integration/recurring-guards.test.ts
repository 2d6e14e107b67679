// Guards of memberships and payment plans that had no test of their own (issue 12): each test fails when its
// guard is taken out.

import { afterEach, describe, expect, it, vi } from 'vitest'
import { processStripeEvent } from '../../src/main/core/payments/process-event'
import type { StripeEventEnvelope } from '../../src/main/core/payments/event-envelope'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'
import { snapshot } from '../helpers/temp-store'
import { customerOnClock, GBP_MONTHLY, membership, owned, sellMembership } from '../helpers/membership-fixtures'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

const DAY_MS = 86_400_000

/** Digital Marketing Essentials (course 3) in 3 parts of £26.34/£26.33/£26.33, 30 days apart; the first paid by card. */
async function startPlan() {
  const clock = { now: Date.now() }
  t = await startTestTill({ clock: () => clock.now })
  const offer = (await t.till.handlers['installments:offers']({})).find((o) => o.courseId === 3)!
  const first = await t.till.handlers['installments:start']({ accountId: 1, offerId: offer.id })
  await payCard(first.id)
  const plan = (await t.till.handlers['installments:list']({ accountId: 1 }))[0]!
  return { clock, first, plan }
}

async function payCard(orderId: number, card = 'pm_card_visa') {
  const checkout = await t.till.handlers['payments:startCard']({ orderId })
  await payAs(t.stripe, checkout.paymentIntentId, card)
  await t.deliveriesSettled()
  return checkout
}

const paidFlags = () => t.till.ctx.db.prepare('SELECT paid_order_id FROM installment_charge ORDER BY seq').pluck().all()
const suspended = () => t.till.ctx.db.prepare('SELECT suspended FROM installment_plan').pluck().get()

describe('payment plans', () => {
  it('an order flagged for review marks none of the parts it covers paid', async () => {
    const { clock, first, plan } = await startPlan()
    clock.now += 31 * DAY_MS
    const order = await t.till.handlers['installments:pay']({ planId: plan.id, scope: 'past_due' })
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    // As if Stripe had collected another amount than this payment asked for: the webhook flags the order.
    t.till.ctx.db.prepare('UPDATE payment SET amount = amount + 1 WHERE order_id = ?').run(order.id)
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    await t.deliveriesSettled()
    const row = t.till.ctx.db.prepare('SELECT status, review_reason FROM purchase_order WHERE id = ?').get(order.id) as { status: string; review_reason: string | null }
    expect(row.status).toBe('successful')
    expect(row.review_reason).toMatch(/collected 2633 minor units but the payment was for 2634/)
    expect(paidFlags()).toEqual([first.id, null, null])
  })

  it("a payment that replaces an earlier one cancels that order's open card intent at Stripe", async () => {
    const { clock, plan } = await startPlan()
    clock.now += 31 * DAY_MS
    const pastDue = await t.till.handlers['installments:pay']({ planId: plan.id, scope: 'past_due' })
    const declined = await payCard(pastDue.id, 'pm_card_chargeDeclined')
    expect((await t.stripe.paymentIntents.retrieve(declined.paymentIntentId)).status).toBe('requires_payment_method')
    const all = await t.till.handlers['installments:pay']({ planId: plan.id, scope: 'all' })
    expect(all.id).not.toBe(pastDue.id)
    expect(t.detail(pastDue.id).canceledAt).not.toBeNull()
    // Closed after the answer (the till may be offline): wait for Stripe to show it.
    await vi.waitFor(async () => expect((await t.stripe.paymentIntents.retrieve(declined.paymentIntentId)).status).toBe('canceled'), { timeout: 10_000, interval: 50 })
  })

  it('the grace days are a manager setting, validated, and access follows a new value at once', async () => {
    const { clock, plan } = await startPlan()
    clock.now += 31 * DAY_MS // the second part is a day late: within the default 7 days
    expect((await t.till.handlers['installments:settings']({})).graceDays).toBe(7)
    const managerToken = await t.managerToken()
    const before = snapshot(t.till.ctx.db)
    for (const graceDays of [-1, 91, 2.5]) {
      await expect(t.call('installments:setGraceDays', { graceDays, managerToken })).rejects.toThrow(/graceDays/)
    }
    await expect(t.call('installments:setGraceDays', { graceDays: 3 } as never)).rejects.toThrow(/manager/i)
    expect(snapshot(t.till.ctx.db)).toBe(before)

    expect(await t.call('installments:setGraceDays', { graceDays: 0, managerToken })).toEqual({ autoCharge: false, graceDays: 0 })
    expect(suspended()).toBe(1)
    expect(owned(t)).toEqual([])
    await t.call('installments:setGraceDays', { graceDays: 10, managerToken })
    expect(suspended()).toBe(0)
    expect(owned(t)).toEqual([3])
    expect((await t.till.handlers['installments:list']({ accountId: 1 }))[0]).toMatchObject({ id: plan.id, suspended: false })
    expect(t.count('audit_log', "action = 'setting.changed' AND entity_id = 'installment_grace_days'")).toBe(2)
  })
})

describe('memberships', () => {
  it('a paused subscription takes the membership’s courses away', async () => {
    t = await startTestTill()
    await customerOnClock(t)
    const checkout = await sellMembership(t, GBP_MONTHLY)
    expect(owned(t)).toEqual([1, 2, 4])
    const subscriptionId = t.till.ctx.db.prepare('SELECT stripe_subscription_id FROM recurring_payment WHERE id = ?').pluck().get(checkout.membershipId) as string
    const subscription = await t.stripe.subscriptions.retrieve(subscriptionId)
    // The sandbox has no trials, the way into `paused`: the event Stripe sends then, through the till's processor.
    const event = {
      id: 'evt_paused_membership',
      object: 'event',
      type: 'customer.subscription.updated',
      created: Math.floor(Date.now() / 1000) + 3600,
      data: { object: { ...subscription, status: 'paused' } },
    } as unknown as StripeEventEnvelope
    expect(await processStripeEvent({ ctx: t.till.ctx, reader: null }, event)).toEqual({ outcome: 'applied', duplicate: false })
    expect((await membership(t, checkout.membershipId)).status).toBe('paused')
    expect(owned(t)).toEqual([])
  })
})
