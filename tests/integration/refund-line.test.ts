import { afterEach, describe, expect, it } from 'vitest'
import { snapshot } from '../helpers/temp-store'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

/** What a refused call carried, as a plain object (matchers compare Error objects by message only). */
async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call
  } catch (error) {
    const { code, message } = error as { code: string; message: string }
    return { code, message }
  }
  throw new Error('expected a refusal')
}

// Demo catalog: 1 Bookkeeping Basics £49.00, 2 Excel for Small Business £39.00.

/** £88.00 for courses 1 and 2: £20.00 in cash, the rest (£68.00) by card. */
async function splitPaidOrder() {
  const order = t.order([1, 2])
  t.till.handlers['orders:recordCash']({ orderId: order.id, tendered: 2000 })
  const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
  await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
  await t.deliveriesSettled()
  expect(t.detail(order.id).status).toBe('successful')
  return order.id
}

describe('refund by line', () => {
  it('refunds exactly the course price, card first, takes that course back and leaves the other', async () => {
    t = await startTestTill()
    const orderId = await splitPaidOrder()
    const managerToken = await t.managerToken()
    const after = await t.call('payments:refundLine', { managerToken, orderId, courseId: 1, reason: 'requested_by_customer', requestKey: 'line-key-0001' })
    expect(after.status).toBe('partially_refunded')
    expect(after.refunds.map((r) => ({ amount: r.amount, status: r.status }))).toEqual([{ amount: 4900, status: 'succeeded' }])
    const card = after.payments.find((p) => p.method === 'card')!
    expect(after.refunds[0]!.paymentId).toBe(card.id)
    expect(after.ownership.map((o) => o.courseId)).toEqual([2])
    expect(after.refundedLines).toEqual([1])
    // The same click again does nothing more; another request for that course is refused.
    await t.call('payments:refundLine', { managerToken, orderId, courseId: 1, reason: 'requested_by_customer', requestKey: 'line-key-0001' })
    expect(t.count('refund')).toBe(1)
    expect(await refusal(t.call('payments:refundLine', { managerToken, orderId, courseId: 1, reason: 'duplicate' }))).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already been refunded/) })

    // The second line: £19.00 left on the card, then £20.00 from the cash; the order is then refunded in full.
    const rest = await t.call('payments:refundLine', { managerToken, orderId, courseId: 2, reason: 'requested_by_customer' })
    expect(rest.refunds.map((r) => r.amount)).toEqual([4900, 1900, 2000])
    expect(rest.status).toBe('refunded')
    expect(rest.ownership).toEqual([])
  })

  it('never refunds more than is left on the order, and refuses unpaid orders and foreign courses, changing nothing', async () => {
    t = await startTestTill()
    const orderId = await splitPaidOrder()
    const managerToken = await t.managerToken()
    const card = t.detail(orderId).payments.find((p) => p.method === 'card')!
    await t.call('payments:refund', { managerToken, paymentId: card.id, amount: 6000, reason: 'requested_by_customer' })
    const unpaid = t.order([3])
    const before = snapshot(t.till.ctx.db)
    // £28.00 left (£8.00 card + £20.00 cash): less than either course.
    expect(await refusal(t.call('payments:refundLine', { managerToken, orderId, courseId: 2, reason: 'duplicate' }))).toMatchObject({ code: 'conflict', message: expect.stringMatching(/Only £28.00 is left to refund/) })
    expect(await refusal(t.call('payments:refundLine', { managerToken, orderId, courseId: 5, reason: 'duplicate' }))).toMatchObject({ code: 'not_found' })
    expect(await refusal(t.call('payments:refundLine', { managerToken, orderId: unpaid.id, courseId: 3, reason: 'duplicate' }))).toMatchObject({ code: 'conflict', message: expect.stringMatching(/only a paid order/) })
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('is a manager action', async () => {
    t = await startTestTill()
    const orderId = await splitPaidOrder()
    const refused = await t.till.dispatch('payments:refundLine', { managerToken: 'a'.repeat(64), orderId, courseId: 1, reason: 'duplicate' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'manager_required' } })
  })
})
