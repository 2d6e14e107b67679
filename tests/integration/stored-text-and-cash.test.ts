import { afterEach, describe, expect, it } from 'vitest'
import { snapshot } from '../helpers/temp-store'
import { startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

// Demo catalog: course 1 Bookkeeping Basics £49.00.

describe('card numbers in free text', () => {
  it('are refused in refund notes, revoke reasons, customer names and the shop name, with a clear error, changing nothing', async () => {
    t = await startTestTill()
    const managerToken = await t.managerToken()
    const order = t.order([1])
    const paid = t.till.handlers['orders:recordCash']({ orderId: order.id, tendered: 4900 }) as { payments: Array<{ id: number }> }
    const paymentId = paid.payments[0]!.id
    const before = snapshot(t.till.ctx.db)
    const attempts: Array<[string, Record<string, unknown>, RegExp]> = [
      ['payments:refund', { paymentId, amount: 100, reason: 'requested_by_customer', note: 'card was 4242 4242 4242 4242', managerToken }, /^Invalid input for payments:refund: note: looks like a card number/],
      ['payments:refund', { paymentId, amount: 100, reason: 'other', note: 'amex 3782-822463-10005 exp 12/34', managerToken }, /note: looks like a card number/],
      ['ownership:revoke', { orderId: order.id, courseId: 1, reason: 'chargeback on 4000056655665556', managerToken }, /reason: looks like a card number/],
      ['customers:create', { email: 'card@example.com', name: 'Ann 4242424242424242' }, /name: looks like a card number/],
      ['settings:setShopName', { shopName: '6011 1111 1111 1117', managerToken }, /shopName: looks like a card number/],
    ]
    for (const [channel, input, message] of attempts) {
      const result = await t.till.dispatch(channel, input)
      expect(result, channel).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } })
    }
    expect(snapshot(t.till.ctx.db)).toBe(before)
    // A note with ordinary numbers is fine.
    const refunded = await t.call('payments:refund', { paymentId, amount: 100, reason: 'other', note: 'receipt 1234, 2026-06-30', managerToken })
    expect(refunded.refunds[0]).toMatchObject({ note: 'receipt 1234, 2026-06-30' })
  })
})

describe('cash with a request key', () => {
  it('records once when two calls with the same key arrive together', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const input = { orderId: order.id, tendered: 2000, requestKey: 'cash-attempt-0001' }
    const [first, second] = await Promise.all([t.call('orders:recordCash', input), t.call('orders:recordCash', input)])
    expect(t.count('payment', `order_id = ${order.id}`)).toBe(1)
    expect(first.amountDue).toBe(2900)
    expect(second).toEqual(first)
    expect(t.count('audit_log', "action = 'payment.cash_recorded'")).toBe(1)
    // A new attempt has a new key and records its own cash.
    await t.call('orders:recordCash', { orderId: order.id, tendered: 2000, requestKey: 'cash-attempt-0002' })
    expect(t.detail(order.id).amountDue).toBe(900)
  })

  it('answers a repeat after the cash settled the order, and refuses the key for other cash', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const paid = await t.call('orders:recordCash', { orderId: order.id, tendered: 5000, requestKey: 'cash-attempt-full' })
    expect(paid.status).toBe('successful')
    expect(await t.call('orders:recordCash', { orderId: order.id, tendered: 5000, requestKey: 'cash-attempt-full' })).toEqual(paid)
    const other = t.order([1])
    const before = snapshot(t.till.ctx.db)
    await expect(t.call('orders:recordCash', { orderId: other.id, tendered: 5000, requestKey: 'cash-attempt-full' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already recorded with another order or amount/),
    })
    await expect(t.call('orders:recordCash', { orderId: order.id, tendered: 6000, requestKey: 'cash-attempt-full' })).rejects.toMatchObject({ code: 'conflict' })
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })
})
