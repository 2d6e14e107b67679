import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'
import { snapshot } from '../helpers/temp-store'
import { owned } from '../helpers/membership-fixtures'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

const DAY_MS = 86_400_000
// Demo offers (core/memberships/catalog.ts): Digital Marketing Essentials (course 3, £79.00) and Project Management
// Foundations (course 12, KWD 45.500), each in 3 parts 30 days apart.
async function startPlan(courseId: number) {
  const clock = { now: Date.now() }
  t = await startTestTill({ clock: () => clock.now })
  const offer = (await t.till.handlers['installments:offers']({})).find((o) => o.courseId === courseId)!
  const first = await t.till.handlers['installments:start']({ accountId: 1, offerId: offer.id })
  await payCard(first.id)
  const plan = (await t.till.handlers['installments:list']({ accountId: 1 }))[0]!
  return { clock, offer, first, plan }
}

async function payCard(orderId: number, card = 'pm_card_visa') {
  const checkout = await t.till.handlers['payments:startCard']({ orderId })
  await payAs(t.stripe, checkout.paymentIntentId, card)
  await t.deliveriesSettled()
  return checkout
}

const plans = () => t.till.handlers['installments:list']({ accountId: 1 })

describe('payment plans', () => {
  it('a 3-part KWD plan: the first part grants the course; past two due dates, past-due-only pays exactly those two parts', async () => {
    const { clock, offer, first, plan } = await startPlan(12)
    expect(offer.partAmounts).toEqual([15180, 15160, 15160])
    expect(t.detail(first.id)).toMatchObject({ status: 'successful', amount: 15180, currency: 'KWD' })
    expect(owned(t)).toEqual([12])
    expect(plan.charges.map((c) => c.paidOrderId)).toEqual([first.id, null, null])

    clock.now += 61 * DAY_MS
    const due = (await plans())[0]!
    expect(due).toMatchObject({ pastDueAmount: 30320, outstandingAmount: 30320 })
    const order = await t.till.handlers['installments:pay']({ planId: plan.id, scope: 'past_due' })
    expect(order).toMatchObject({ amount: 30320, currency: 'KWD', status: 'pending' })
    const checkout = await payCard(order.id)
    expect(checkout.amount).toBe(30320)
    const paid = (await plans())[0]!
    expect(paid.charges.map((c) => c.paidOrderId)).toEqual([first.id, order.id, order.id])
    expect(paid).toMatchObject({ pastDueAmount: 0, outstandingAmount: 0, suspended: false })
  })

  it('past-due-only covers what is due when asked; a part falling due before the webhook is not marked paid', async () => {
    const { clock, first, plan } = await startPlan(3)
    expect(t.detail(first.id).amount).toBe(2634)
    clock.now += 31 * DAY_MS
    expect((await plans())[0]).toMatchObject({ pastDueAmount: 2633, outstandingAmount: 5266 })
    const pastDue = await t.till.handlers['installments:pay']({ planId: plan.id, scope: 'past_due' })
    expect(pastDue.amount).toBe(2633)
    // A second ask for the same charges gets the same order, not a second one.
    expect((await t.till.handlers['installments:pay']({ planId: plan.id, scope: 'past_due' })).id).toBe(pastDue.id)
    clock.now += 30 * DAY_MS
    await payCard(pastDue.id)
    const after = (await plans())[0]!
    expect(after.charges.map((c) => c.paidOrderId)).toEqual([first.id, pastDue.id, null])
    expect(after).toMatchObject({ pastDueAmount: 2633, outstandingAmount: 2633 })
    const all = await t.till.handlers['installments:pay']({ planId: plan.id, scope: 'all' })
    expect(all.amount).toBe(2633)
    await t.till.handlers['orders:recordCash']({ orderId: all.id, tendered: 3000 })
    expect((await plans())[0]).toMatchObject({ outstandingAmount: 0 })
  })

  it('pay all outstanding covers every unpaid part; nothing past due is a clear error that changes nothing', async () => {
    const { plan } = await startPlan(3)
    const before = snapshot(t.till.ctx.db)
    await expect(t.call('installments:pay', { planId: plan.id, scope: 'past_due' })).rejects.toThrow(AppError)
    await expect(t.call('installments:pay', { planId: plan.id, scope: 'past_due' })).rejects.toThrow(/Nothing on this plan is past due/)
    expect(snapshot(t.till.ctx.db)).toBe(before)
    const all = await t.till.handlers['installments:pay']({ planId: plan.id, scope: 'all' })
    expect(all.amount).toBe(5266)
  })

  it('suspends access when a part is more than the grace days late, and restores it when paid', async () => {
    const { clock, plan } = await startPlan(3)
    clock.now += 30 * DAY_MS + 8 * DAY_MS
    expect((await plans())[0]!.suspended).toBe(true)
    expect(owned(t)).toEqual([])
    const order = await t.till.handlers['installments:pay']({ planId: plan.id, scope: 'past_due' })
    await payCard(order.id)
    expect((await plans())[0]!.suspended).toBe(false)
    expect(owned(t)).toEqual([3])
  })

  it('suspends a late plan at catch-up, when nobody opens the customer', async () => {
    const { clock } = await startPlan(3)
    expect(owned(t)).toEqual([3])
    clock.now += 30 * DAY_MS + 8 * DAY_MS
    await t.till.payments.catchUp.run()
    expect(owned(t)).toEqual([])
    expect(t.count('audit_log', "action = 'installments.suspended'")).toBe(1)
  })

  it('refuses a second plan for the same course while one is unpaid, and leaves the store unchanged', async () => {
    const { offer } = await startPlan(3)
    const before = snapshot(t.till.ctx.db)
    await expect(t.call('installments:start', { accountId: 1, offerId: offer.id })).rejects.toThrow(/already paying/)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('a new payment replaces an unstarted one (its charges freed) but not one with a card payment under way', async () => {
    const { clock, plan } = await startPlan(3)
    clock.now += 31 * DAY_MS
    const pastDue = await t.till.handlers['installments:pay']({ planId: plan.id, scope: 'past_due' })
    const all = await t.till.handlers['installments:pay']({ planId: plan.id, scope: 'all' })
    expect(all.amount).toBe(5266)
    expect(t.detail(pastDue.id).canceledAt).not.toBeNull()
    await t.till.handlers['payments:startCard']({ orderId: all.id })
    const before = snapshot(t.till.ctx.db)
    await expect(t.call('installments:pay', { planId: plan.id, scope: 'past_due' })).rejects.toThrow(/under way on order #/)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('takes no later part before the first is paid', async () => {
    const clock = { now: Date.now() }
    t = await startTestTill({ clock: () => clock.now })
    const offer = (await t.till.handlers['installments:offers']({}))[0]!
    await t.till.handlers['installments:start']({ accountId: 1, offerId: offer.id })
    const plan = (await plans())[0]!
    await expect(t.call('installments:pay', { planId: plan.id, scope: 'all' })).rejects.toThrow(/first part of this plan is not paid/)
  })

  it('charges due parts off session with the saved card when the setting is on; a decline is shown on the plan', async () => {
    const { clock } = await startPlan(3)
    clock.now += 31 * DAY_MS
    await t.till.payments.catchUp.run()
    expect((await plans())[0]!.charges[1]!.paidAt).toBeNull()
    await t.call('installments:setAutoCharge', { enabled: true, managerToken: await t.managerToken() })
    await t.till.payments.catchUp.run()
    const charged = (await plans())[0]!
    expect(charged.charges.map((c) => c.paidAt !== null)).toEqual([true, true, false])
    const intent = await t.stripe.paymentIntents.retrieve(t.detail(charged.charges[1]!.paidOrderId!).payments[0]!.stripePaymentIntentId!)
    expect(intent).toMatchObject({ amount: 2633, status: 'succeeded', metadata: { coursetill_install: t.till.ctx.installationId } })

    // The customer's default card now attaches but fails: the next part's automatic charge is declined and shown.
    const customer = intent.customer as string
    const failing = await t.stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer })
    await t.stripe.customers.update(customer, { invoice_settings: { default_payment_method: failing.id } })
    clock.now += 30 * DAY_MS
    await t.till.payments.catchUp.run()
    const declined = (await plans())[0]!
    expect(declined.charges[2]!.paidAt).toBeNull()
    expect(declined.lastChargeFailure).toMatch(/declined/i)
    expect(declined.pastDueAmount).toBe(2633)
    await t.till.payments.catchUp.run()
    expect(t.count('payment', "status = 'failed'")).toBe(1)
  })
})

