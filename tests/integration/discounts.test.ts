import { afterEach, describe, expect, it } from 'vitest'
import type { OrderDetail } from '../../src/shared/domain'
import type { ShiftReport } from '../../src/shared/shifts'
import type { ChannelInput, Channel } from '../../src/shared/ipc-contract'
import { dispatchAs, ownerAndCashier, valueOf } from '../helpers/staff-calls'
import { snapshot } from '../helpers/temp-store'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

const as = <C extends Channel>(token: string | null, channel: C, input: ChannelInput<C>) => dispatchAs(t, token, channel, input)
const value = valueOf
const db = () => t.till.ctx.db

describe('discounts', () => {
  it('a discounted split-tender sale: Stripe charges the discounted rest, the lines refund at what they were sold for, never more than was paid', async () => {
    t = await startTestTill()
    const { owner: ownerToken, ownerId, cashier, cashierId } = await ownerAndCashier(t)
    const owner = { token: ownerToken, person: { id: ownerId } }
    const shift = await value<{ open: { id: number } }>(as(cashier, 'shifts:open', { floats: [{ currency: 'GBP', amount: 5_000 }] }))
    // £49.00 + £39.00 = £88.00.
    const order = await value<OrderDetail>(as(cashier, 'orders:create', { accountId: 1, courseIds: [1, 2], confirmOwned: [1, 2] }))

    // 10 % off Excel (£3.90): within the 10 % limit, the cashier alone.
    const lined = await value<OrderDetail>(as(cashier, 'orders:discount', { orderId: order.id, courseId: 2, kind: 'percent', value: 1_000, reason: 'Returning customer' }))
    expect(lined.amount).toBe(8_410)
    // £10.00 off the order brings the total to 15.8 %: refused until a manager approves, and nothing changes.
    const before = snapshot(db())
    const orderWide = { orderId: order.id, courseId: null, kind: 'amount' as const, value: 1_000, reason: 'Launch week' }
    expect(await as(cashier, 'orders:discount', orderWide)).toMatchObject({ ok: false, error: { code: 'manager_required', message: expect.stringMatching(/above 10 %/) } })
    expect(await as(cashier, 'orders:discount', { ...orderWide, managerToken: cashier })).toMatchObject({ ok: false, error: { code: 'manager_required' } })
    expect(await as(cashier, 'orders:discount', { ...orderWide, value: 8_410 })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/cannot be free/) } })
    expect(await as(cashier, 'orders:discount', { ...orderWide, courseId: 2 })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already has a discount/) } })
    expect(snapshot(db())).toBe(before)
    const approval = await value<{ token: string }>(as(cashier, 'staff:approve', { staffId: owner.person.id, pin: '1111' }))
    const discounted = await value<OrderDetail>(as(cashier, 'orders:discount', { ...orderWide, managerToken: approval.token }))
    expect(discounted.amount).toBe(7_410)
    expect(discounted.discounts.map(({ courseId, kind, value: v, amount, staffName, approverName }) => ({ courseId, kind, value: v, amount, staffName, approverName }))).toEqual([
      { courseId: 2, kind: 'percent', value: 1_000, amount: 390, staffName: 'Cass', approverName: null },
      { courseId: null, kind: 'amount', value: 1_000, amount: 1_000, staffName: 'Cass', approverName: 'Olivia' },
    ])
    // The lines add up to the order: £10 split in proportion (£5.83 / £4.17).
    expect(discounted.items.map((i) => i.netAmount)).toEqual([4_317, 3_093])
    expect(db().prepare("SELECT staff_id AS s, approver_id AS a FROM audit_log WHERE action = 'order.discounted' ORDER BY id").all()).toEqual([
      { s: cashierId, a: null },
      { s: cashierId, a: owner.person.id },
    ])

    // £20.00 cash, the rest by card: Stripe is asked for exactly £54.10.
    await value(as(cashier, 'orders:recordCash', { orderId: order.id, tendered: 2_000 }))
    const checkout = await value<{ paymentIntentId: string; amount: number }>(as(cashier, 'payments:startCard', { orderId: order.id }))
    expect(checkout.amount).toBe(5_410)
    expect((await t.stripe.paymentIntents.retrieve(checkout.paymentIntentId)).amount).toBe(5_410)
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    const paid = await value<OrderDetail>(as(cashier, 'payments:sync', { orderId: order.id }))
    expect(paid.status).toBe('successful')
    expect(await as(cashier, 'orders:discount', { ...orderWide, courseId: 1, managerToken: approval.token })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/before payment/) } })

    // Refund Bookkeeping by line: its net £43.17, card first. Then Excel: £30.93 = the card's last £10.93 + £20 cash.
    const first = await value<OrderDetail>(as(cashier, 'payments:refundLine', { orderId: order.id, courseId: 1, reason: 'requested_by_customer', managerToken: approval.token }))
    expect(first.refunds.map((r) => r.amount)).toEqual([4_317])
    await t.deliveriesSettled()
    const second = await value<OrderDetail>(as(cashier, 'payments:refundLine', { orderId: order.id, courseId: 2, reason: 'requested_by_customer', managerToken: approval.token }))
    const byMethod = (o: OrderDetail, method: 'card' | 'cash') => o.refunds.filter((r) => o.payments.find((p) => p.id === r.paymentId)?.method === method).reduce((s, r) => s + r.amount, 0)
    expect(byMethod(second, 'card')).toBe(5_410)
    expect(byMethod(second, 'cash')).toBe(2_000)
    await t.deliveriesSettled()
    const done = await value<OrderDetail>(as(cashier, 'orders:get', { orderId: order.id }))
    expect(done.status).toBe('refunded')
    // Nothing is left to refund: a refund by amount is refused.
    const cash = done.payments.find((p) => p.method === 'cash')!
    expect(await as(cashier, 'payments:refund', { paymentId: cash.id, amount: 1, reason: 'duplicate', managerToken: approval.token })).toMatchObject({ ok: false, error: { code: 'conflict' } })

    // The shift's report shows the discounts.
    const report = await value<ShiftReport>(as(cashier, 'shifts:report', { shiftId: shift.open.id }))
    expect(report.discounts).toEqual([{ currency: 'GBP', count: 2, amount: 1_390 }])
    expect(report.drawer.find((d) => d.currency === 'GBP')!.expected).toBe(5_000)
  })
})
