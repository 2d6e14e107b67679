import { afterEach, describe, expect, it } from 'vitest'
import { startTestTill, type TestTill } from '../helpers/test-till'
import { snapshot } from '../helpers/temp-store'
import { advance, customerOnClock, DAY, GBP_MONTHLY, KWD_MONTHLY, membership, owned, periodEndOf, sellMembership } from '../helpers/membership-fixtures'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

describe('memberships on a test clock', () => {
  it('sells a monthly membership, and a month later exactly one renewal order is paid and access is kept', async () => {
    t = await startTestTill()
    const { clock, customer } = await customerOnClock(t)
    const checkout = await sellMembership(t, GBP_MONTHLY)
    expect(checkout).toMatchObject({ amount: 1900, currency: 'GBP', interval: 'month' })
    const sub = (await t.stripe.subscriptions.list({ customer: customer.id })).data[0]!
    expect(sub.metadata).toMatchObject({ coursetill_install: t.till.ctx.installationId, coursetill_membership_id: String(checkout.membershipId) })
    expect(sub.default_payment_method).toMatch(/^pm_/)
    expect(t.detail(checkout.orderId)).toMatchObject({ status: 'successful', amount: 1900, currency: 'GBP' })
    expect(await membership(t, checkout.membershipId)).toMatchObject({ status: 'active', cancelAtPeriodEnd: false })
    expect(owned(t)).toEqual([1, 2, 4])

    const end = await periodEndOf(t, checkout.membershipId)
    await advance(t, clock, end + 3600)
    const renewals = t.till.ctx.db.prepare("SELECT id FROM purchase_order WHERE kind = 'renewal'").pluck().all() as number[]
    expect(renewals).toHaveLength(1)
    const renewal = t.detail(renewals[0]!)
    expect(renewal).toMatchObject({ status: 'successful', amount: 1900, currency: 'GBP', accountId: 1 })
    const invoice = await t.stripe.invoices.retrieve(
      t.till.ctx.db.prepare('SELECT stripe_invoice_id FROM recurring_invoice WHERE order_id = ?').pluck().get(renewal.id) as string,
      { expand: ['payments'] },
    )
    expect(invoice.billing_reason).toBe('subscription_cycle')
    expect(renewal.payments[0]).toMatchObject({ method: 'card', status: 'succeeded', amountReceived: 1900, stripePaymentIntentId: invoice.payments!.data[0]!.payment.payment_intent })
    const after = await membership(t, checkout.membershipId)
    expect(after).toMatchObject({ status: 'active', orderIds: [checkout.orderId, renewal.id] })
    expect(after.currentPeriodEnd).toBeGreaterThan(end * 1000)
    expect(owned(t)).toEqual([1, 2, 4])
  })

  it('a renewal on a card that attaches but fails: past due with access kept, then after the retries it ends and access goes', async () => {
    t = await startTestTill()
    const { clock, customer } = await customerOnClock(t)
    // Course 1 is also bought outright: that grant is the sale's, and stays when the membership ends.
    const checkout = await sellMembership(t, GBP_MONTHLY)
    const sale = t.order([1])
    await t.till.handlers['orders:recordCash']({ orderId: sale.id, tendered: 4900 })
    const failing = await t.stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id })
    const subId = (await membership(t, checkout.membershipId)).stripeSubscriptionId!
    await t.stripe.subscriptions.update(subId, { default_payment_method: failing.id })
    const end = await periodEndOf(t, checkout.membershipId)

    await advance(t, clock, end + 3600)
    const pastDue = await membership(t, checkout.membershipId)
    expect(pastDue.status).toBe('past_due')
    expect(pastDue.lastFailure).toMatch(/Renewal payment failed \(attempt 1\)/)
    expect(owned(t)).toEqual([1, 2, 4])
    expect(t.count('purchase_order', "kind = 'renewal'")).toBe(0)

    await advance(t, clock, end + 16 * DAY)
    expect(await membership(t, checkout.membershipId)).toMatchObject({ status: 'canceled' })
    expect(owned(t)).toEqual([1])
    expect(t.till.ctx.db.prepare('SELECT order_id FROM account_has_course WHERE course_id = 1').pluck().get()).toBe(sale.id)
    expect(t.count('purchase_order', "kind = 'renewal'")).toBe(0)
  })

  it('cancel at period end keeps access to the end of the paid period, then ends it', async () => {
    t = await startTestTill()
    const { clock } = await customerOnClock(t)
    const checkout = await sellMembership(t, KWD_MONTHLY)
    expect(checkout).toMatchObject({ amount: 4500, currency: 'KWD' })
    const canceled = await t.till.handlers['memberships:cancelAtPeriodEnd']({ membershipId: checkout.membershipId, cancel: true })
    expect(canceled).toMatchObject({ status: 'active', cancelAtPeriodEnd: true })
    const end = await periodEndOf(t, checkout.membershipId)
    await advance(t, clock, end - 3600)
    expect(owned(t)).toEqual([11])
    await advance(t, clock, end + 3600)
    expect(await membership(t, checkout.membershipId)).toMatchObject({ status: 'canceled' })
    expect(owned(t)).toEqual([])
    expect(t.count('purchase_order', "kind = 'renewal'")).toBe(0)
  })

  it('a manager cancels at once with a refund of the last period: access goes now, the refund is made once', async () => {
    t = await startTestTill()
    await customerOnClock(t)
    const checkout = await sellMembership(t, GBP_MONTHLY)
    const managerToken = await t.managerToken()
    await expect(t.call('memberships:cancelNow', { membershipId: checkout.membershipId, refundLastPeriod: true } as never)).rejects.toThrow()
    const input = { membershipId: checkout.membershipId, refundLastPeriod: true, managerToken }
    const ended = await t.call('memberships:cancelNow', input)
    expect(ended.status).toBe('canceled')
    expect(owned(t)).toEqual([])
    await t.deliveriesSettled()
    expect(t.detail(checkout.orderId)).toMatchObject({ status: 'refunded' })
    await expect(t.call('memberships:cancelNow', input)).rejects.toThrow(/already ended/)
    expect(t.count('refund')).toBe(1)
  })

  it('refuses an unknown plan and a second live membership of the same plan, changing nothing', async () => {
    t = await startTestTill()
    await customerOnClock(t)
    await sellMembership(t, GBP_MONTHLY)
    const before = snapshot(t.till.ctx.db)
    await expect(t.call('memberships:start', { accountId: 1, planId: 99 })).rejects.toThrow(/does not exist/)
    await expect(t.call('memberships:start', { accountId: 1, planId: GBP_MONTHLY })).rejects.toThrow(/already has/)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('a double click on Sell gets one membership and one subscription', async () => {
    t = await startTestTill()
    const { customer } = await customerOnClock(t)
    const [a, b] = await Promise.all([
      t.till.handlers['memberships:start']({ accountId: 1, planId: GBP_MONTHLY }),
      t.till.handlers['memberships:start']({ accountId: 1, planId: GBP_MONTHLY }),
    ])
    expect(b).toEqual(a)
    const again = await t.till.handlers['memberships:start']({ accountId: 1, planId: GBP_MONTHLY })
    expect(again).toEqual(a)
    expect(t.count('recurring_payment')).toBe(1)
    expect((await t.stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toHaveLength(1)
  })
})
