import { afterEach, describe, expect, it } from 'vitest'
import { startTestTill, type TestTill } from '../helpers/test-till'
import { snapshot } from '../helpers/temp-store'
import { advance, customerOnClock, GBP_MONTHLY, membership, owned, periodEndOf, sellMembership } from '../helpers/membership-fixtures'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

const grantOf = (courseId: number) =>
  t.till.ctx.db.prepare('SELECT order_id AS orderId, recurring_payment_id AS membershipId FROM account_has_course WHERE account_id = 1 AND course_id = ?').get(courseId)

describe('access from memberships is attributable', () => {
  it("refunding the membership's first period does not take the membership's courses while it is active", async () => {
    t = await startTestTill()
    await customerOnClock(t)
    const checkout = await sellMembership(t, GBP_MONTHLY)
    const paymentId = t.detail(checkout.orderId).payments[0]!.id
    const managerToken = await t.managerToken()
    await t.call('payments:refund', { paymentId, amount: 1900, reason: 'requested_by_customer', managerToken })
    await t.deliveriesSettled()
    expect(t.detail(checkout.orderId).status).toBe('refunded')
    expect((await membership(t, checkout.membershipId)).status).toBe('active')
    expect(owned(t)).toEqual([1, 2, 4])
  })

  it('a course bought outright and then refunded stays with the live membership that also includes it', async () => {
    t = await startTestTill()
    await customerOnClock(t)
    const sale = t.order([1])
    await t.till.handlers['orders:recordCash']({ orderId: sale.id, tendered: 4900 })
    const checkout = await sellMembership(t, GBP_MONTHLY)
    expect(grantOf(1)).toEqual({ orderId: sale.id, membershipId: null })
    const managerToken = await t.managerToken()
    const paymentId = t.detail(sale.id).payments[0]!.id
    await t.call('payments:refund', { paymentId, amount: 4900, reason: 'requested_by_customer', managerToken })
    expect(grantOf(1)).toEqual({ orderId: checkout.orderId, membershipId: checkout.membershipId })
    expect(owned(t)).toEqual([1, 2, 4])
  })

  it("a membership's order takes no cash: its first period is the subscription's invoice", async () => {
    t = await startTestTill()
    await customerOnClock(t)
    const checkout = await t.till.handlers['memberships:start']({ accountId: 1, planId: GBP_MONTHLY })
    const before = snapshot(t.till.ctx.db)
    await expect(t.call('orders:recordCash', { orderId: checkout.orderId, tendered: 1900 })).rejects.toThrow(/paid by card/)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('a renewal billed at another amount than the membership is flagged for review', async () => {
    t = await startTestTill()
    const { clock } = await customerOnClock(t)
    const checkout = await sellMembership(t, GBP_MONTHLY)
    // As if the plan's price had been changed here but not in Stripe.
    t.till.ctx.db.prepare('UPDATE recurring_payment SET amount = 2500 WHERE id = ?').run(checkout.membershipId)
    await advance(t, clock, (await periodEndOf(t, checkout.membershipId)) + 3600)
    const renewal = t.till.ctx.db.prepare("SELECT id, review_reason FROM purchase_order WHERE kind = 'renewal'").get() as { id: number; review_reason: string | null }
    expect(renewal.review_reason).toMatch(/Stripe billed 1900 GBP; the membership is 2500 GBP/)
  })
})

describe('orders list', () => {
  it('labels renewals and plan parts', async () => {
    t = await startTestTill()
    const { clock } = await customerOnClock(t)
    const checkout = await sellMembership(t, GBP_MONTHLY)
    await advance(t, clock, (await periodEndOf(t, checkout.membershipId)) + 3600)
    const offer = (await t.till.handlers['installments:offers']({}))[0]!
    const plan = await t.till.handlers['installments:start']({ accountId: 1, offerId: offer.id })
    const page = await t.call('orders:list', { filters: {} })
    const kinds = Object.fromEntries(page.rows.map((row) => [row.id, row.kind]))
    expect(kinds[checkout.orderId]).toBe('membership')
    expect(kinds[plan.id]).toBe('installment')
    expect(Object.values(kinds).filter((kind) => kind === 'renewal')).toHaveLength(1)
  })
})
