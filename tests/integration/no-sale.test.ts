// The drawer opened without a sale: a cashier needs a manager on the spot; recorded in the shift with both people.
import { afterEach, describe, expect, it } from 'vitest'
import type { ShiftReport } from '../../src/shared/shifts'
import type { ChannelInput, Channel } from '../../src/shared/ipc-contract'
import { dispatchAs, ownerAndCashier, valueOf } from '../helpers/staff-calls'
import { snapshot } from '../helpers/temp-store'
import { startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

const as = <C extends Channel>(token: string | null, channel: C, input: ChannelInput<C>) => dispatchAs(t, token, channel, input)
const value = valueOf
const db = () => t.till.ctx.db

describe('no-sale drawer open', () => {
  it('a cashier is refused until a manager approves; the no-sale names both, is in the X and Z reports, and never changes', async () => {
    t = await startTestTill()
    const { owner: ownerToken, ownerId, cashier, cashierId } = await ownerAndCashier(t)
    const owner = { token: ownerToken, person: { id: ownerId } }
    const approval = (await value<{ token: string }>(as(cashier, 'staff:approve', { staffId: owner.person.id, pin: '1111' }))).token

    // No shift, no drawer to open; no reason, no opening; no one signed in, no one to record.
    let before = snapshot(db())
    expect(await as(cashier, 'shifts:noSale', { reason: 'Change for the float', managerToken: approval })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Open a shift/) } })
    expect(await as(null, 'shifts:noSale', { reason: 'Change' })).toMatchObject({ ok: false, error: { code: 'signin_required' } })
    expect(snapshot(db())).toBe(before)
    const shiftId = (await value<{ open: { id: number } }>(as(cashier, 'shifts:open', { floats: [{ currency: 'GBP', amount: 5_000 }] }))).open.id

    before = snapshot(db())
    expect(await as(cashier, 'shifts:noSale', { reason: 'Change for the float' })).toMatchObject({ ok: false, error: { code: 'manager_required' } })
    // The cashier's own session is no manager's approval.
    expect(await as(cashier, 'shifts:noSale', { reason: 'Change for the float', managerToken: cashier })).toMatchObject({ ok: false, error: { code: 'manager_required' } })
    expect(await as(cashier, 'shifts:noSale', { reason: '   ', managerToken: approval })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(snapshot(db())).toBe(before)

    const x = await value<ShiftReport>(as(cashier, 'shifts:noSale', { reason: 'Change for the float', managerToken: approval }))
    expect(x.kind).toBe('X')
    expect(x.noSales!.map(({ reason, staffName, approverName }) => ({ reason, staffName, approverName }))).toEqual([{ reason: 'Change for the float', staffName: 'Cass', approverName: 'Olivia' }])
    // A manager (here the owner) opens it on their own say: one person.
    await value(as(owner.token, 'shifts:noSale', { reason: 'Customer query' }))
    expect(db().prepare('SELECT shift_id AS shiftId, staff_id AS staffId, approver_id AS approverId, reason FROM drawer_no_sale ORDER BY id').all()).toEqual([
      { shiftId, staffId: cashierId, approverId: owner.person.id, reason: 'Change for the float' },
      { shiftId, staffId: owner.person.id, approverId: null, reason: 'Customer query' },
    ])
    expect(db().prepare("SELECT staff_id AS staffId, approver_id AS approverId FROM audit_log WHERE action = 'drawer.no_sale' ORDER BY id").all()).toEqual([
      { staffId: cashierId, approverId: owner.person.id },
      { staffId: owner.person.id, approverId: null },
    ])
    // No money moved: the drawer still expects its float.
    const report = await value<ShiftReport>(as(cashier, 'shifts:report', { shiftId }))
    expect(report.drawer.map((l) => l.expected)).toEqual([5_000])
    expect(report.noSales!.map((n) => n.reason)).toEqual(['Change for the float', 'Customer query'])

    const closed = await value<{ report: ShiftReport }>(as(cashier, 'shifts:close', { counts: [{ currency: 'GBP', amount: 5_000 }], managerToken: approval }))
    expect(closed.report.noSales!.map((n) => [n.staffName, n.approverName])).toEqual([
      ['Cass', 'Olivia'],
      ['Olivia', null],
    ])
    // A closed shift's no-sales are final: no new one, no edit, no delete, whatever code asks.
    expect(() => db().prepare("INSERT INTO drawer_no_sale (shift_id, reason, staff_id, created_at) VALUES (?, 'late', ?, 1)").run(shiftId, cashierId)).toThrow(/closed shift/)
    expect(() => db().prepare("UPDATE drawer_no_sale SET reason = 'other'").run()).toThrow(/never changed/)
    expect(() => db().prepare('DELETE FROM drawer_no_sale').run()).toThrow(/never deleted/)
  })
})
