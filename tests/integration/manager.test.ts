import { afterEach, describe, expect, it } from 'vitest'
import { snapshot } from '../helpers/temp-store'
import { startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

/** Once the owner exists, cash goes through an open shift: the owner opens one. */
async function openShift(t: TestTill, token: string) {
  const opened = await t.till.dispatch('shifts:open', { floats: [], staffToken: token })
  expect(opened.ok).toBe(true)
}

async function paidCashOrder(t: TestTill) {
  const order = t.order([1])
  const paid = t.till.handlers['orders:recordCash']({ orderId: order.id, tendered: 4900 }) as ReturnType<TestTill['detail']>
  return { orderId: order.id, paymentId: paid.payments[0]!.id }
}

describe('manager PIN', () => {
  it('refuses manager actions without an unlocked session, in the API as in the UI, and writes nothing', async () => {
    t = await startTestTill()
    const { orderId, paymentId } = await paidCashOrder(t)
    const before = snapshot(t.till.ctx.db)
    for (const managerToken of [undefined, 'not-a-token', 'a'.repeat(64), 42]) {
      const refused = await t.till.dispatch('payments:refund', { paymentId, amount: 100, reason: 'duplicate', managerToken })
      expect(refused).toEqual({ ok: false, error: { code: 'manager_required', message: expect.stringMatching(/manager PIN/) } })
      const revoke = await t.till.dispatch('ownership:revoke', { orderId, courseId: 1, reason: 'x', managerToken })
      expect(revoke).toMatchObject({ ok: false, error: { code: 'manager_required' } })
    }
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('is set on first use, stored hashed, unlocks sessions that lock again', async () => {
    t = await startTestTill()
    expect(await t.call('manager:status', {})).toEqual({ pinSet: false })
    await expect(t.call('manager:unlock', { pin: '1234' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/No manager PIN/) })
    const first = await t.call('manager:setPin', { pin: '1234' })
    expect(first.token).toMatch(/^[a-f0-9]{64}$/)
    // The single manager PIN of earlier versions is the first owner's now (staff accounts).
    const stored = t.till.ctx.db.prepare("SELECT pin_hash FROM staff WHERE role = 'owner'").pluck().get() as string
    expect(stored).toMatch(/^scrypt\$/)
    expect(stored).not.toContain('1234')
    await expect(t.call('manager:setPin', { pin: '9999' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/current PIN/) })
    await expect(t.call('manager:unlock', { pin: '0000' })).rejects.toMatchObject({ message: 'Wrong manager PIN' })
    await expect(t.call('manager:unlock', { pin: '12a4' })).rejects.toMatchObject({ code: 'invalid_input' })
    const session = await t.call('manager:unlock', { pin: '1234' })
    await openShift(t, session.token)

    const { orderId, paymentId } = await paidCashOrder(t)
    const refunded = await t.call('payments:refund', { paymentId, amount: 4900, reason: 'requested_by_customer', managerToken: session.token })
    expect(refunded.status).toBe('refunded')
    expect(t.till.ctx.db.prepare("SELECT actor FROM audit_log WHERE action = 'refund.requested'").pluck().get()).toBe('manager')

    await t.call('manager:lock', { managerToken: session.token })
    await expect(t.call('ownership:revoke', { orderId, courseId: 1, reason: 'x', managerToken: session.token })).rejects.toMatchObject({ code: 'manager_required' })
  })

  it('expires idle sessions and slows down PIN guessing', async () => {
    t = await startTestTill()
    const session = await t.call('manager:setPin', { pin: '4321' })
    await openShift(t, session.token)
    const { orderId } = await paidCashOrder(t)
    const clock = Date.now
    try {
      const later = Date.now() + 6 * 60_000
      t.till.ctx.now = () => later
      await expect(t.call('ownership:revoke', { orderId, courseId: 1, reason: 'chargeback', managerToken: session.token })).rejects.toMatchObject({ code: 'manager_required' })
    } finally {
      t.till.ctx.now = clock
    }
    // One instant for the guesses: the 1 s wait after the fourth must not pass while a busy machine hashes.
    const instant = Date.now()
    t.till.ctx.now = () => instant
    for (let i = 0; i < 4; i++) await expect(t.call('manager:unlock', { pin: '0000' })).rejects.toMatchObject({ message: 'Wrong manager PIN' })
    await expect(t.call('manager:unlock', { pin: '4321' })).rejects.toMatchObject({ message: expect.stringMatching(/Too many wrong PINs/) })
    t.till.ctx.now = clock
  })

  it('lets an unlocked manager revoke a course by hand', async () => {
    t = await startTestTill()
    const { token } = await t.call('manager:setPin', { pin: '1357' })
    await openShift(t, token)
    const { orderId } = await paidCashOrder(t)
    const after = await t.call('ownership:revoke', { orderId, courseId: 1, reason: 'chargeback', managerToken: token })
    expect(after.ownership).toEqual([])
    expect(after.status).toBe('successful')
    await expect(t.call('ownership:revoke', { orderId, courseId: 1, reason: 'again', managerToken: token })).rejects.toMatchObject({ code: 'not_found' })
  })
})
