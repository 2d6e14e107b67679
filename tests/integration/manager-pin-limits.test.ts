import { afterEach, describe, expect, it } from 'vitest'
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../src/main/core/manager/sessions'
import { tempDir } from '../helpers/temp-store'
import { startTestTill, type TestTill } from '../helpers/test-till'

let tills: TestTill[] = []
afterEach(async () => {
  for (const t of tills) await t.close()
  tills = []
})

async function till(dataDir?: string) {
  const t = await startTestTill({ dataDir })
  tills.push(t)
  return t
}

const seat = (name: string) => ({ seat: name })

async function unlock(t: TestTill, pin: string, at = 'till-window') {
  const result = await t.till.dispatch('manager:unlock', { pin }, seat(at))
  return result.ok ? 'unlocked' : result.error.message
}

describe('manager PIN limits', () => {
  it('stays throttled across a restart: the right PIN is refused until the wait is over', async () => {
    const dataDir = tempDir()
    const first = await till(dataDir)
    await first.call('manager:setPin', { pin: '4321' })
    let now = Date.now()
    first.till.ctx.now = () => now
    // Ten wrong PINs, each as soon as the seat may try again: the wait has doubled to a minute.
    for (let i = 0; i < 10; i++) {
      expect(await unlock(first, '0000')).toBe('Wrong manager PIN')
      const row = first.till.ctx.db.prepare('SELECT next_try_at FROM pin_seat_throttle').pluck().get() as number
      now = Math.max(now, row)
    }
    await first.close()
    tills = []

    const second = await till(dataDir)
    expect(await unlock(second, '4321')).toMatch(/^Too many wrong PINs: try again in \d+ s$/)
    expect(await unlock(second, '4321', 'browser:other')).toBe('unlocked')
  })

  it("slows down the seat that guessed, not the manager at another seat, and a right PIN clears the seat's streak", async () => {
    const t = await till()
    await t.call('manager:setPin', { pin: '2580' })
    // One instant for the guesses: the 1 s wait after the fourth must not pass while a busy machine hashes.
    const instant = Date.now()
    t.till.ctx.now = () => instant
    for (let i = 0; i < 4; i++) expect(await unlock(t, '1111', 'browser:hostile')).toBe('Wrong manager PIN')
    expect(await unlock(t, '2580', 'browser:hostile')).toMatch(/Too many wrong PINs: try again/)
    expect(await unlock(t, '2580', 'till-window')).toBe('unlocked')
    expect(await unlock(t, '1111', 'till-window')).toBe('Wrong manager PIN')

    const audit = t.till.ctx.db.prepare("SELECT detail FROM audit_log WHERE action = 'staff.pin_rejected'").pluck().all() as string[]
    expect(audit.map((detail) => JSON.parse(detail).seat)).toEqual([...Array(4).fill('browser:hostile'), 'till-window'])
  })

  it('caps wrong guesses over all seats together (new seats gain nothing once the ceiling is reached)', async () => {
    const t = await till()
    await t.call('manager:setPin', { pin: '2580' })
    // One instant (the budget refills with time), and room for 30 scrypt checks on a busy machine.
    const instant = Date.now()
    t.till.ctx.now = () => instant
    const outcomes: string[] = []
    for (let i = 0; i < 40; i++) outcomes.push(await unlock(t, '1111', `browser:seat-${i}`))
    expect(outcomes.filter((o) => o === 'Wrong manager PIN')).toHaveLength(30)
    expect(outcomes.slice(30).every((o) => /on this till: PIN checks resume in \d+ s/.test(o))).toBe(true)
    expect(await unlock(t, '2580', 'browser:fresh')).toMatch(/PIN checks resume/)
  }, 120_000)

  it('charges concurrent guesses before checking them: a burst from one seat gets only the free tries and one more', async () => {
    const t = await till()
    await t.call('manager:setPin', { pin: '2580' })
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => unlock(t, '1111')))
    expect(outcomes.filter((o) => o === 'Wrong manager PIN')).toHaveLength(4)
    expect(outcomes.filter((o) => /Too many wrong PINs: try again/.test(o))).toHaveLength(6)
  })

  it('checks a PIN without blocking the event loop', async () => {
    const t = await till()
    await t.call('manager:setPin', { pin: '2580' })
    let turned = false
    setImmediate(() => (turned = true))
    const unlocked = t.till.dispatch('manager:unlock', { pin: '2580' })
    expect((await unlocked).ok).toBe(true)
    expect(turned).toBe(true)
  })

  it('ends a session at its absolute lifetime however often it is used', async () => {
    const t = await till()
    const { token } = await t.call('manager:setPin', { pin: '2580' })
    const start = Date.now()
    let now = start
    t.till.ctx.now = () => now
    const status = () => t.till.dispatch('sync:status', {}).then(() => t.till.dispatch('payments:refund', { paymentId: 999_999, amount: 1, reason: 'duplicate', managerToken: token }))
    // Used every few minutes (within the idle limit), the session lives until its absolute end and no longer.
    for (now = start; now < start + SESSION_MAX_MS; now += SESSION_IDLE_MS - 60_000) {
      expect((await status()) as unknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
    }
    now = start + SESSION_MAX_MS
    expect((await status()) as unknown).toMatchObject({ ok: false, error: { code: 'manager_required', message: expect.stringMatching(/manager PIN/) } })
  })
})
