import { afterEach, describe, expect, it } from 'vitest'
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

const people = () => ownerAndCashier(t)

async function cashSale(token: string, courseIds: number[], tendered: number) {
  const order = await value<{ id: number }>(as(token, 'orders:create', { accountId: 1, courseIds, confirmOwned: courseIds }))
  const paid = await value<{ payments: Array<{ id: number }> }>(as(token, 'orders:recordCash', { orderId: order.id, tendered }))
  return { orderId: order.id, paymentId: paid.payments[0]!.id }
}

/** The drawer of a shift straight from the rows, written apart from core/shifts/report.ts. */
function drawerByQuery(shiftId: number) {
  return db()
    .prepare(
      `WITH moves AS (
         SELECT currency, amount AS f, 0 AS s, 0 AS r, 0 AS i, 0 AS o FROM shift_float WHERE shift_id = :id
         UNION ALL SELECT currency, 0, amount_received, 0, 0, 0 FROM payment WHERE shift_id = :id AND method = 'cash' AND status = 'succeeded'
         UNION ALL SELECT r.currency, 0, 0, r.amount, 0, 0 FROM refund r JOIN payment p ON p.id = r.payment_id WHERE r.shift_id = :id AND p.method = 'cash' AND r.status = 'succeeded'
         UNION ALL SELECT currency, 0, 0, 0, CASE kind WHEN 'paid_in' THEN amount ELSE 0 END, CASE kind WHEN 'paid_out' THEN amount ELSE 0 END FROM drawer_movement WHERE shift_id = :id)
       SELECT m.currency, sum(f) AS float, sum(s) AS cashSales, sum(r) AS cashRefunds, sum(i) AS paidIn, sum(o) AS paidOut,
              sum(f) + sum(s) + sum(i) - sum(r) - sum(o) AS expected, c.counted, c.counted - (sum(f) + sum(s) + sum(i) - sum(r) - sum(o)) AS overShort
         FROM moves m LEFT JOIN shift_count c ON c.shift_id = :id AND c.currency = m.currency GROUP BY m.currency ORDER BY m.currency`,
    )
    .all({ id: shiftId })
}

describe('shifts and the drawer', () => {
  it('cash sales, a cash refund and a paid-out close with the right expected cash in GBP and JPY; the Z report equals the store', async () => {
    t = await startTestTill()
    // A shift names who opened it: with no one to sign in yet (a store being set up) there is none.
    expect(await as(null, 'shifts:open', { floats: [] })).toMatchObject({ ok: false, error: { code: 'signin_required' } })
    const { owner, cashier, cashierId } = await people()
    // No drawer open, no cash: refused and nothing written.
    const order = await value<{ id: number }>(as(cashier, 'orders:create', { accountId: 1, courseIds: [1], confirmOwned: [1] }))
    const before = snapshot(db())
    expect(await as(cashier, 'orders:recordCash', { orderId: order.id, tendered: 4900 })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Open a shift/) } })
    expect(await as(cashier, 'shifts:move', { kind: 'paid_in', amount: 100, currency: 'GBP', reason: 'change' })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await as(cashier, 'shifts:open', { floats: [{ currency: 'GBP', amount: -1 }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await as(cashier, 'shifts:open', { floats: [{ currency: 'GBP', amount: 1 }, { currency: 'GBP', amount: 2 }] })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/twice/) } })
    expect(await as(cashier, 'shifts:open', { floats: [{ currency: 'XYZ', amount: 1 }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(snapshot(db())).toBe(before)

    const opened = await value<{ open: { id: number } }>(as(cashier, 'shifts:open', { floats: [{ currency: 'GBP', amount: 10_000 }, { currency: 'JPY', amount: 5_000 }] }))
    const shiftId = opened.open.id
    expect(await as(cashier, 'shifts:open', { floats: [] })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already open/) } })

    // Cash: £49.00 from £50 (change £1), ¥6,800 from ¥10,000, and the first order paid now.
    const gbp = await cashSale(cashier, [1], 5_000)
    await cashSale(cashier, [9], 10_000)
    await value(as(cashier, 'orders:recordCash', { orderId: order.id, tendered: 4_900 }))
    // A card sale: in the tenders, not in the drawer.
    const card = await value<{ id: number }>(as(cashier, 'orders:create', { accountId: 2, courseIds: [2] }))
    const checkout = await value<{ paymentIntentId: string }>(as(cashier, 'payments:startCard', { orderId: card.id }))
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    await value(as(cashier, 'payments:sync', { orderId: card.id }))
    // A voided order, a cash refund of £10 (the owner approves) and a paid-out of £5.
    const voided = await value<{ id: number }>(as(cashier, 'orders:create', { accountId: 3, courseIds: [4] }))
    await value(as(cashier, 'orders:cancel', { orderId: voided.id }))
    await value(as(cashier, 'payments:refund', { paymentId: gbp.paymentId, amount: 1_000, reason: 'requested_by_customer', managerToken: owner }))
    const tooMuch = snapshot(db())
    expect(await as(cashier, 'shifts:move', { kind: 'paid_out', amount: 1_000_000, currency: 'GBP', reason: 'float to bank' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/cannot pay out more/) } })
    expect(await as(cashier, 'shifts:move', { kind: 'paid_out', amount: 500, currency: 'GBP', reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(snapshot(db())).toBe(tooMuch)
    const moved = await value<{ report: ShiftReport }>(as(cashier, 'shifts:move', { kind: 'paid_out', amount: 500, currency: 'GBP', reason: 'Milk for the kitchen' }))

    // X report mid-shift: what should be in the drawer.
    const x = moved.report
    expect(x.kind).toBe('X')
    expect(x.drawer).toEqual([
      { currency: 'GBP', float: 10_000, cashSales: 9_800, cashRefunds: 1_000, paidIn: 0, paidOut: 500, expected: 18_300, counted: null, overShort: null },
      { currency: 'JPY', float: 5_000, cashSales: 6_800, cashRefunds: 0, paidIn: 0, paidOut: 0, expected: 11_800, counted: null, overShort: null },
    ])
    expect(x.drawer).toEqual(drawerByQuery(shiftId))

    // Close: a cashier needs a manager; every currency must be counted; then £1 short and yen exact.
    const counts = [{ currency: 'GBP', amount: 18_200 }, { currency: 'JPY', amount: 11_800 }]
    const unclosed = snapshot(db())
    expect(await as(cashier, 'shifts:close', { counts, managerToken: cashier } as never)).toMatchObject({ ok: false, error: { code: 'manager_required' } })
    expect(await as(cashier, 'shifts:close', { counts: [counts[0]!], managerToken: owner })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/JPY/) } })
    expect(snapshot(db())).toBe(unclosed)
    const closed = await value<{ report: ShiftReport; state: { open: null } }>(as(cashier, 'shifts:close', { counts, managerToken: owner }))
    const z = closed.report
    expect(closed.state.open).toBeNull()
    expect(z.kind).toBe('Z')
    expect(z.drawer.map(({ currency, expected, counted, overShort }) => ({ currency, expected, counted, overShort }))).toEqual([
      { currency: 'GBP', expected: 18_300, counted: 18_200, overShort: -100 },
      { currency: 'JPY', expected: 11_800, counted: 11_800, overShort: 0 },
    ])
    // The Z report equals a query over the store.
    expect(z.drawer).toEqual(drawerByQuery(shiftId))
    const tenders = db()
      .prepare("SELECT currency, method, count(*) AS count, sum(amount_received) AS amount FROM payment WHERE shift_id = ? AND status = 'succeeded' GROUP BY currency, method ORDER BY currency, method")
      .all(shiftId)
    expect(z.tenders).toEqual(tenders)
    expect(z.tenders).toEqual([
      { currency: 'GBP', method: 'card', count: 1, amount: 3_900 },
      { currency: 'GBP', method: 'cash', count: 2, amount: 9_800 },
      { currency: 'JPY', method: 'cash', count: 1, amount: 6_800 },
    ])
    expect(z.refunds).toEqual([{ currency: 'GBP', method: 'cash', count: 1, amount: 1_000 }])
    expect(z.voids).toEqual([{ currency: 'GBP', count: 1, amount: 2_900 }])
    expect(z.people).toEqual([
      {
        staffId: cashierId,
        name: 'Cass',
        orders: 4, // the first order was made before the shift opened; its cash was taken in it
        tenders: [
          { currency: 'GBP', method: 'card', count: 1, amount: 3_900 },
          { currency: 'GBP', method: 'cash', count: 2, amount: 9_800 },
          { currency: 'JPY', method: 'cash', count: 1, amount: 6_800 },
        ],
        refunds: [{ currency: 'GBP', method: 'cash', count: 1, amount: 1_000 }],
      },
    ])
    expect(z.movements).toMatchObject([{ kind: 'paid_out', amount: 500, currency: 'GBP', reason: 'Milk for the kitchen', staffName: 'Cass' }])
    expect(db().prepare("SELECT staff_id AS staffId, approver_id AS approverId FROM audit_log WHERE action = 'shift.closed'").get()).toEqual({ staffId: cashierId, approverId: 1 })

    // Immutable once closed: the saved Z report is what is read back, and the store refuses changes to the shift.
    expect(await value(as(cashier, 'shifts:report', { shiftId }))).toEqual(z)
    expect(await as(cashier, 'shifts:close', { counts, managerToken: owner })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/No shift is open/) } })
    expect(() => db().prepare('UPDATE shift SET z_report = ? WHERE id = ?').run('{}', shiftId)).toThrow(/closed shift cannot change/)
    expect(() => db().prepare('DELETE FROM shift WHERE id = ?').run(shiftId)).toThrow(/never deleted/)
    expect(() => db().prepare("INSERT INTO drawer_movement (shift_id, kind, amount, currency, reason, staff_id, created_at) VALUES (?, 'paid_in', 1, 'GBP', 'x', 1, 0)").run(shiftId)).toThrow(/closed shift/)
    expect(() => db().prepare('UPDATE shift_count SET counted = 18300 WHERE shift_id = ?').run(shiftId)).toThrow(/never changed/)
    // Cash after the close waits for the next shift; the closed one's report does not move.
    const later = await value<{ id: number }>(as(cashier, 'orders:create', { accountId: 1, courseIds: [3], confirmOwned: [3] }))
    expect(await as(cashier, 'orders:recordCash', { orderId: later.id, tendered: 7_900 })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    await value(as(cashier, 'shifts:open', { floats: [{ currency: 'GBP', amount: 18_200 }] }))
    await value(as(cashier, 'orders:recordCash', { orderId: later.id, tendered: 7_900 }))
    expect(await value(as(cashier, 'shifts:report', { shiftId }))).toEqual(z)
  })
})
