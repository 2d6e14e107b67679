// Card refunds belong to the shift open when they are made, not the sale's shift: the Z report's refunds per tender.
import { afterEach, describe, expect, it } from 'vitest'
import type { OrderDetail } from '../../src/shared/domain'
import type { ShiftReport } from '../../src/shared/shifts'
import type { ChannelInput, Channel } from '../../src/shared/ipc-contract'
import { dispatchAs, valueOf } from '../helpers/staff-calls'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

const as = <C extends Channel>(token: string | null, channel: C, input: ChannelInput<C>) => dispatchAs(t, token, channel, input)
const value = valueOf
const db = () => t.till.ctx.db

/** Refunds per tender of a shift straight from the rows, written apart from core/shifts/report.ts. */
const refundsByQuery = (shiftId: number) =>
  db()
    .prepare(
      `SELECT r.currency, p.method, count(*) AS count, sum(r.amount) AS amount FROM refund r JOIN payment p ON p.id = r.payment_id
        WHERE r.shift_id = ? AND r.status = 'succeeded' GROUP BY r.currency, p.method ORDER BY r.currency, p.method`,
    )
    .all(shiftId)

describe('card refunds in the shift', () => {
  it('a card refund made at the till, or in the Stripe dashboard, counts in the shift open then; the sale’s closed shift keeps its Z report', async () => {
    t = await startTestTill()
    const owner = await value<{ token: string; person: { id: number } }>(as(null, 'staff:setupOwner', { name: 'Olivia', pin: '1111' }))
    const first = (await value<{ open: { id: number } }>(as(owner.token, 'shifts:open', { floats: [] }))).open.id

    // Two card sales in the first shift, which then closes.
    const cardSale = async (courseId: number) => {
      const order = await value<OrderDetail>(as(owner.token, 'orders:create', { accountId: 1, courseIds: [courseId], confirmOwned: [courseId] }))
      const checkout = await value<{ paymentIntentId: string }>(as(owner.token, 'payments:startCard', { orderId: order.id }))
      await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
      const paid = await value<OrderDetail>(as(owner.token, 'payments:sync', { orderId: order.id }))
      return { paymentId: paid.payments[0]!.id, intentId: checkout.paymentIntentId }
    }
    const gbp = await cardSale(1)
    const jpy = await cardSale(9)
    await t.deliveriesSettled()
    const z1 = (await value<{ report: ShiftReport }>(as(owner.token, 'shifts:close', { counts: [], managerToken: owner.token }))).report
    expect(z1.refunds).toEqual([])

    // The next shift: £10 back on the card at the till, and ¥800 refunded in the Stripe dashboard (reaches the till
    // by its signed webhook).
    const second = (await value<{ open: { id: number } }>(as(owner.token, 'shifts:open', { floats: [] }))).open.id
    await value(as(owner.token, 'payments:refund', { paymentId: gbp.paymentId, amount: 1_000, reason: 'requested_by_customer', managerToken: owner.token }))
    await t.stripe.refunds.create({ payment_intent: jpy.intentId, amount: 800 })
    await t.deliveriesSettled()
    await value(as(owner.token, 'payments:sync', { orderId: 2 }))

    expect(db().prepare('SELECT amount, shift_id AS shiftId, status FROM refund ORDER BY id').all()).toEqual([
      { amount: 1_000, shiftId: second, status: 'succeeded' },
      { amount: 800, shiftId: second, status: 'succeeded' },
    ])
    const x = await value<ShiftReport>(as(owner.token, 'shifts:report', { shiftId: second }))
    expect(x.refunds).toEqual([
      { currency: 'GBP', method: 'card', count: 1, amount: 1_000 },
      { currency: 'JPY', method: 'card', count: 1, amount: 800 },
    ])
    expect(x.refunds).toEqual(refundsByQuery(second))
    // The sale's shift is closed: its saved Z report is as it was, and no refund names it.
    expect(await value<ShiftReport>(as(owner.token, 'shifts:report', { shiftId: first }))).toEqual(z1)
    expect(refundsByQuery(first)).toEqual([])
    // Card refunds never touch the drawer.
    expect(x.drawer).toEqual([])
  })
})
