import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import type { ManagerSession, ManagerStatus } from '@shared/domain'
import { AppError } from '@shared/errors'
import { audit } from '../audit'
import type { CoreContext } from '../context'
import { readSetting, writeSetting } from '../settings'

const PIN_SETTING = 'manager_pin'
const SESSION_IDLE_MS = 5 * 60_000
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
/** After this many wrong PINs in a row, each further try waits longer (doubling up to a few minutes). */
const FREE_ATTEMPTS = 5

export function hashPin(pin: string, salt = randomBytes(16)): string {
  const hash = scryptSync(pin, salt, 32, SCRYPT)
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('hex')}$${hash.toString('hex')}`
}

export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, saltHex, hashHex] = stored.split('$')
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false
  const expected = Buffer.from(hashHex, 'hex')
  const actual = scryptSync(pin, Buffer.from(saltHex, 'hex'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem })
  return timingSafeEqual(actual, expected)
}

/** The manager PIN (stored hashed, set on first use) and the short sessions it unlocks. */
export function createManagerAccess(ctx: CoreContext) {
  const sessions = new Map<string, number>()
  let failures = 0
  let lockedUntil = 0

  const status = (): ManagerStatus => ({ pinSet: readSetting(ctx.db, PIN_SETTING) !== undefined })

  function open(): ManagerSession {
    const token = randomBytes(32).toString('hex')
    const expiresAt = ctx.now() + SESSION_IDLE_MS
    sessions.set(token, expiresAt)
    return { token, expiresAt }
  }

  function checkPin(pin: string) {
    const stored = readSetting(ctx.db, PIN_SETTING)
    if (!stored) throw new AppError('forbidden', 'No manager PIN is set yet: set one first')
    if (ctx.now() < lockedUntil) {
      throw new AppError('forbidden', `Too many wrong PINs: try again in ${Math.ceil((lockedUntil - ctx.now()) / 1000)} s`)
    }
    if (!verifyPin(pin, stored)) {
      failures += 1
      if (failures >= FREE_ATTEMPTS) lockedUntil = ctx.now() + Math.min(300_000, 1000 * 2 ** (failures - FREE_ATTEMPTS + 2))
      audit(ctx.db, ctx.now(), { actor: 'unknown', action: 'manager.pin_rejected', entityType: 'setting', entityId: PIN_SETTING, detail: { failures } })
      throw new AppError('forbidden', 'Wrong manager PIN')
    }
    failures = 0
  }

  return {
    status,

    /** First use sets the PIN; changing it needs the current one. */
    setPin(pin: string, currentPin?: string): ManagerSession {
      if (status().pinSet) {
        if (!currentPin) throw new AppError('forbidden', 'A manager PIN is already set: give the current PIN to change it')
        checkPin(currentPin)
      }
      writeSetting(ctx.db, PIN_SETTING, hashPin(pin))
      audit(ctx.db, ctx.now(), { actor: 'manager', action: 'manager.pin_set', entityType: 'setting', entityId: PIN_SETTING })
      sessions.clear()
      return open()
    },

    unlock(pin: string): ManagerSession {
      checkPin(pin)
      return open()
    },

    lock(token: string): ManagerStatus {
      sessions.delete(token)
      return status()
    },

    /** True for a live session; each use keeps it alive for another few idle minutes. */
    isValid(token: unknown): boolean {
      if (typeof token !== 'string') return false
      const expiresAt = sessions.get(token)
      if (expiresAt === undefined) return false
      if (expiresAt < ctx.now()) {
        sessions.delete(token)
        return false
      }
      sessions.set(token, ctx.now() + SESSION_IDLE_MS)
      return true
    },
  }
}

export type ManagerAccess = ReturnType<typeof createManagerAccess>
