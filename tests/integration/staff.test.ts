import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/core/store/db'
import { migrations } from '../../src/main/core/store/migrations'
import { hashPin } from '../../src/main/core/manager/pin-hash'
import type { ChannelInput, Channel } from '../../src/shared/ipc-contract'
import { dispatchAs, valueOf } from '../helpers/staff-calls'
import { snapshot, tempDir } from '../helpers/temp-store'
import { startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

const as = <C extends Channel>(token: string | null, channel: C, input: ChannelInput<C>) => dispatchAs(t, token, channel, input)
const value = valueOf
const db = () => t.till.ctx.db
/** What a wrong PIN rightly leaves behind: its charge against the limits and the audit of it. */
const PIN_TRAIL = ['pin_seat_throttle', 'pin_guess_budget', 'audit_log']

/** The owner (PIN 1111), a manager (2222) and a cashier (3333), each signed in; a shift open. */
async function shop() {
  const owner = await value<{ token: string; person: { id: number } }>(as(null, 'staff:setupOwner', { name: 'Olivia', pin: '1111' }))
  const added = async (name: string, role: 'manager' | 'cashier', pin: string) =>
    (await value<{ id: number }>(as(owner.token, 'staff:add', { name, role, pin, managerToken: owner.token }))).id
  const managerId = await added('Mo', 'manager', '2222')
  const cashierId = await added('Cass', 'cashier', '3333')
  const manager = await value<{ token: string }>(as(null, 'staff:signIn', { staffId: managerId, pin: '2222' }))
  const cashier = await value<{ token: string }>(as(null, 'staff:signIn', { staffId: cashierId, pin: '3333' }))
  await value(as(cashier.token, 'shifts:open', { floats: [{ currency: 'GBP', amount: 10_000 }] }))
  return { owner: { id: owner.person.id, token: owner.token }, manager: { id: managerId, token: manager.token }, cashier: { id: cashierId, token: cashier.token } }
}

describe('staff accounts', () => {
  it('first run: the owner chooses a name and PIN, once; bad input changes nothing; nothing else runs before', async () => {
    t = await startTestTill()
    expect(await value(as(null, 'staff:status', {}))).toEqual({ ownerSet: false, people: [] })
    const before = snapshot(db())
    expect(await as(null, 'staff:setupOwner', { name: ' ', pin: '1111' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await as(null, 'staff:setupOwner', { name: 'Olivia', pin: '12' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(snapshot(db())).toBe(before)

    const owner = await value<{ token: string; person: unknown }>(as(null, 'staff:setupOwner', { name: 'Olivia', pin: '1111' }))
    expect(owner.person).toEqual({ id: 1, name: 'Olivia', role: 'owner' })
    const hash = db().prepare('SELECT pin_hash FROM staff WHERE id = 1').pluck().get() as string
    expect(hash).toMatch(/^scrypt\$/)
    expect(hash).not.toContain('1111')
    expect(await value(as(null, 'staff:status', {}))).toEqual({ ownerSet: true, people: [{ id: 1, name: 'Olivia', role: 'owner' }] })

    // Nobody becomes owner by being second, through the new channel or the old one.
    const after = snapshot(db())
    expect(await as(null, 'staff:setupOwner', { name: 'Mallory', pin: '9999' })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await as(null, 'manager:setPin', { pin: '9999' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/current PIN/) } })
    // With staff, every till call needs a person signed in, in the API as in the UI.
    expect(await as(null, 'customers:create', { email: 'x@example.com', name: 'X' })).toMatchObject({ ok: false, error: { code: 'signin_required' } })
    expect(await as('f'.repeat(64), 'customers:create', { email: 'x@example.com', name: 'X' })).toMatchObject({ ok: false, error: { code: 'signin_required' } })
    expect(snapshot(db())).toBe(after)
    const created = await value<{ id: number }>(as(owner.token, 'customers:create', { email: 'x@example.com', name: 'X' }))
    expect(db().prepare("SELECT staff_id FROM audit_log WHERE action = 'account.created'").pluck().get()).toBe(1)
    expect(created.id).toBeGreaterThan(0)
  })

  it('a cashier cannot refund until a manager types their PIN on the spot; the refund and its audit name both', async () => {
    t = await startTestTill()
    const { owner, manager, cashier } = await shop()
    const order = await value<{ id: number }>(as(cashier.token, 'orders:create', { accountId: 1, courseIds: [1], confirmOwned: [1] }))
    const paid = await value<{ payments: Array<{ id: number }> }>(as(cashier.token, 'orders:recordCash', { orderId: order.id, tendered: 4900 }))
    const paymentId = paid.payments[0]!.id
    expect(db().prepare('SELECT staff_id FROM purchase_order WHERE id = ?').pluck().get(order.id)).toBe(cashier.id)
    expect(db().prepare('SELECT staff_id FROM payment WHERE id = ?').pluck().get(paymentId)).toBe(cashier.id)

    const before = snapshot(db(), PIN_TRAIL)
    const refund = { paymentId, amount: 1000, reason: 'requested_by_customer' as const }
    // The cashier's own session is no manager's, and neither is nothing or a made-up token.
    for (const managerToken of [cashier.token, undefined, 'a'.repeat(64)]) {
      expect(await as(cashier.token, 'payments:refund', { ...refund, managerToken } as never)).toMatchObject({ ok: false, error: { code: 'manager_required' } })
    }
    expect(await as(cashier.token, 'ownership:revoke', { orderId: order.id, courseId: 1, reason: 'x', managerToken: cashier.token })).toMatchObject({ ok: false, error: { code: 'manager_required' } })
    // A cashier cannot approve, even with the right PIN.
    expect(await as(cashier.token, 'staff:approve', { staffId: cashier.id, pin: '3333' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/cashier/) } })
    expect(await as(cashier.token, 'staff:approve', { staffId: manager.id, pin: '0000' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Wrong manager PIN' } })
    expect(snapshot(db(), PIN_TRAIL)).toBe(before)

    const approval = await value<{ token: string }>(as(cashier.token, 'staff:approve', { staffId: manager.id, pin: '2222' }))
    const refunded = await value<{ status: string }>(as(cashier.token, 'payments:refund', { ...refund, managerToken: approval.token }))
    expect(refunded.status).toBe('partially_refunded')
    expect(db().prepare('SELECT staff_id AS staffId, approver_id AS approverId FROM refund').get()).toEqual({ staffId: cashier.id, approverId: manager.id })
    expect(db().prepare("SELECT staff_id AS staffId, approver_id AS approverId FROM audit_log WHERE action = 'refund.requested'").get()).toEqual({ staffId: cashier.id, approverId: manager.id })
    // A manager signed in needs no one else: their own session is a manager's token.
    await value(as(manager.token, 'payments:refund', { ...refund, managerToken: manager.token }))
    expect(db().prepare('SELECT staff_id AS staffId, approver_id AS approverId FROM refund ORDER BY id DESC LIMIT 1').get()).toEqual({ staffId: manager.id, approverId: manager.id })
    // Staff admin is the owner's alone.
    expect(await as(manager.token, 'staff:add', { name: 'Eve', role: 'owner', pin: '4444', managerToken: manager.token })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/owner/) } })
    expect(await as(owner.token, 'staff:update', { staffId: owner.id, role: 'cashier', managerToken: owner.token })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/at least one active owner/) } })
    // A new role takes effect at once: the manager made cashier is signed out and approves nothing any more.
    await value(as(owner.token, 'staff:update', { staffId: manager.id, role: 'cashier', managerToken: owner.token }))
    expect(await as(manager.token, 'customers:search', {})).toMatchObject({ ok: false, error: { code: 'signin_required' } })
    expect(await as(cashier.token, 'payments:refund', { ...refund, managerToken: approval.token })).toMatchObject({ ok: false, error: { code: 'manager_required' } })
  })

  it('a PIN is changed by its holder (the current one first) and reset by the owner, which ends their sessions', async () => {
    t = await startTestTill()
    const { owner, manager, cashier } = await shop()
    const before = snapshot(db(), PIN_TRAIL)
    expect(await as(cashier.token, 'staff:changePin', { currentPin: '9999', pin: '5555' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await as(cashier.token, 'staff:changePin', { currentPin: '3333', pin: '55a5' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(snapshot(db(), PIN_TRAIL)).toBe(before)
    await value(as(cashier.token, 'staff:changePin', { currentPin: '3333', pin: '5555' }))
    expect(await as(null, 'staff:signIn', { staffId: cashier.id, pin: '3333' })).toMatchObject({ ok: false, error: { message: 'Wrong PIN' } })
    await value(as(null, 'staff:signIn', { staffId: cashier.id, pin: '5555' }))

    // Forgotten: only the owner resets it; the cashier's open sessions end at once.
    expect(await as(manager.token, 'staff:resetPin', { staffId: cashier.id, pin: '6666', managerToken: manager.token })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    await value(as(owner.token, 'staff:resetPin', { staffId: cashier.id, pin: '6666', managerToken: owner.token }))
    expect(await as(cashier.token, 'shifts:state', {})).toMatchObject({ ok: false, error: { code: 'signin_required' } })
    expect(await as(null, 'staff:signIn', { staffId: cashier.id, pin: '5555' })).toMatchObject({ ok: false })
    await value(as(null, 'staff:signIn', { staffId: cashier.id, pin: '6666' }))
    const actions = db().prepare("SELECT action, staff_id AS staffId FROM audit_log WHERE action LIKE 'staff.pin_%' AND action <> 'staff.pin_rejected' ORDER BY id").all()
    expect(actions).toEqual([
      { action: 'staff.pin_changed', staffId: cashier.id },
      { action: 'staff.pin_reset', staffId: owner.id },
    ])
  })

  it('an upgraded store keeps its manager PIN as the owner\'s', async () => {
    const dataDir = tempDir()
    const old = new Database(join(dataDir, 'coursetill.db'))
    migrate(old, migrations.filter((m) => m.version <= 9))
    old.prepare("INSERT INTO app_setting (key, value) VALUES ('manager_pin', ?)").run(await hashPin('2468'))
    old.close()
    t = await startTestTill({ dataDir })
    expect(await value(as(null, 'staff:status', {}))).toEqual({ ownerSet: true, people: [{ id: 1, name: 'Owner', role: 'owner' }] })
    expect(db().prepare("SELECT count(*) FROM app_setting WHERE key = 'manager_pin'").pluck().get()).toBe(0)
    expect((await as(null, 'manager:unlock', { pin: '2468' })).ok).toBe(true)
    expect((await as(null, 'staff:signIn', { staffId: 1, pin: '2468' })).ok).toBe(true)
  })
})
