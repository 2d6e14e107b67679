import type { ManagerSession, ManagerStatus } from '@shared/domain'
import { AppError } from '@shared/errors'
import { audit } from '../audit'
import type { CoreContext } from '../context'
import { readSetting, writeSetting } from '../settings'
import { MANAGER_PERSON, reserveGuess, settleGuess, type GuessRefusal } from './guess-throttle'
import { hashPin, verifyPin } from './pin-hash'
import { createSessions } from './sessions'

const PIN_SETTING = 'manager_pin'

/** Where a PIN was typed: the Electron window, or one browser of the browser host (its seat cookie). */
export const UNKNOWN_SEAT = 'unknown'

/** The manager PIN (stored hashed, set on first use), its persisted guess limits and the sessions it unlocks. */
export function createManagerAccess(ctx: CoreContext) {
  const sessions = createSessions(() => ctx.now())
  const status = (): ManagerStatus => ({ pinSet: readSetting(ctx.db, PIN_SETTING) !== undefined })

  async function checkPin(pin: string, seat: string) {
    const stored = readSetting(ctx.db, PIN_SETTING)
    if (!stored) throw new AppError('forbidden', 'No manager PIN is set yet: set one first')
    const reserved = reserveGuess(ctx.db, ctx.now(), MANAGER_PERSON, seat)
    if (!reserved.ok) throw refusedError(reserved.refusal)
    const right = await verifyPin(pin, stored)
    settleGuess(ctx.db, MANAGER_PERSON, seat, right)
    if (!right) {
      audit(ctx.db, ctx.now(), { actor: 'unknown', action: 'manager.pin_rejected', entityType: 'setting', entityId: PIN_SETTING, detail: { failures: reserved.failures, seat } })
      throw new AppError('forbidden', 'Wrong manager PIN')
    }
  }

  return {
    status,

    /** First use sets the PIN; changing it needs the current one (checked under the same limits as an unlock). */
    async setPin(pin: string, currentPin: string | undefined, seat = UNKNOWN_SEAT): Promise<ManagerSession> {
      if (status().pinSet) {
        if (!currentPin) throw new AppError('forbidden', 'A manager PIN is already set: give the current PIN to change it')
        await checkPin(currentPin, seat)
      }
      const hashed = await hashPin(pin)
      writeSetting(ctx.db, PIN_SETTING, hashed)
      audit(ctx.db, ctx.now(), { actor: 'manager', action: 'manager.pin_set', entityType: 'setting', entityId: PIN_SETTING })
      sessions.clear()
      return sessions.open()
    },

    async unlock(pin: string, seat = UNKNOWN_SEAT): Promise<ManagerSession> {
      await checkPin(pin, seat)
      return sessions.open()
    },

    lock(token: string): ManagerStatus {
      sessions.close(token)
      return status()
    },

    /** True for a live session; each use keeps it alive for another few idle minutes, up to its absolute end. */
    isValid: (token: unknown): boolean => sessions.touch(token),
  }
}

function refusedError(refusal: GuessRefusal): AppError {
  const seconds = Math.max(1, Math.ceil(refusal.waitMs / 1000))
  return refusal.scope === 'seat'
    ? new AppError('forbidden', `Too many wrong PINs: try again in ${seconds} s`)
    : new AppError('forbidden', `Too many wrong PINs on this till: PIN checks resume in ${seconds} s`)
}

export type ManagerAccess = ReturnType<typeof createManagerAccess>
