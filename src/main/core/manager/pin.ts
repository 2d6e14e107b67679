import type { ManagerSession, ManagerStatus } from '@shared/domain'
import { AppError, conflict, invalidInput } from '@shared/errors'
import { canApprove, type StaffPerson, type StaffSession, type StaffStatus } from '@shared/staff'
import { audit } from '../audit'
import type { CoreContext } from '../context'
import { sql } from '../store/statements'
import { activePeople, anyStaff, firstOwnerId, insertStaff, staffRow, type StaffRow } from '../staff/staff-rows'
import { reserveGuess, settleGuess, type GuessRefusal } from './guess-throttle'
import { hashPin, verifyPin } from './pin-hash'
import { createSessions, SIGN_IN_MAX_MS } from './sessions'

/** Where a PIN was typed: the Electron window, or one browser of the browser host (its seat cookie). */
export const UNKNOWN_SEAT = 'unknown'

/** The key of one person's PIN limits in pin_seat_throttle / pin_guess_budget. */
export const throttleKey = (staffId: number) => `staff:${staffId}`

/**
 * Staff sign-in and manager approval: each person's PIN (hashed with scrypt), checked under the persisted guess
 * limits per person and seat, and the sessions it opens. The older single "manager PIN" channels stay working:
 * they mean the first owner's PIN (a store upgraded from it got its PIN as the owner's, migration 010).
 */
export function createManagerAccess(ctx: CoreContext) {
  const sessions = createSessions(() => ctx.now())
  const person = (row: StaffRow): StaffPerson => ({ id: row.id, name: row.name, role: row.role })

  async function checkPin(row: StaffRow, pin: string, seat: string) {
    if (!row.active) throw new AppError('forbidden', `${row.name} no longer works here`)
    const key = throttleKey(row.id)
    const reserved = reserveGuess(ctx.db, ctx.now(), key, seat)
    if (!reserved.ok) throw refusedError(reserved.refusal)
    const right = await verifyPin(pin, row.pinHash)
    settleGuess(ctx.db, key, seat, right)
    if (!right) {
      audit(ctx.db, ctx.now(), { actor: 'unknown', action: 'staff.pin_rejected', entityType: 'setting', entityId: key, detail: { failures: reserved.failures, seat, staffId: row.id } })
      throw new AppError('forbidden', row.role === 'cashier' ? 'Wrong PIN' : 'Wrong manager PIN')
    }
  }

  function legacyOwner(): StaffRow {
    const id = firstOwnerId(ctx.db)
    if (id === undefined) throw new AppError('forbidden', 'No manager PIN is set yet: set one first')
    return staffRow(ctx.db, id)
  }

  async function createOwner(name: string, pin: string): Promise<StaffRow> {
    const pinHash = await hashPin(pin)
    return ctx.db.transaction(() => {
      // Checked again inside the write: two first-run setups racing make one owner, not two.
      if (anyStaff(ctx.db)) throw conflict('The owner is already set up: sign in instead')
      const id = insertStaff(ctx.db, ctx.now(), { name, role: 'owner', pinHash })
      audit(ctx.db, ctx.now(), { actor: name, action: 'staff.owner_created', entityType: 'setting', entityId: throttleKey(id), detail: { staffId: id } })
      return staffRow(ctx.db, id)
    })()
  }

  const access = {
    status: (): StaffStatus => ({ ownerSet: anyStaff(ctx.db), people: activePeople(ctx.db) }),
    hasStaff: () => anyStaff(ctx.db),
    /** The person of a live session (sign-in or approval), or null. */
    personOf: (token: unknown): StaffPerson | null => sessions.touch(token),

    /** First run: the owner chooses their name and PIN; refused once anyone exists. */
    async setupOwner(name: string, pin: string): Promise<StaffSession> {
      const owner = await createOwner(name, pin)
      return { ...sessions.open(person(owner), SIGN_IN_MAX_MS), person: person(owner) }
    },

    /** The person at the till changes: their own PIN opens a working session for them. */
    async signIn(staffId: number, pin: string, seat = UNKNOWN_SEAT): Promise<StaffSession> {
      const row = staffRow(ctx.db, staffId)
      await checkPin(row, pin, seat)
      return { ...sessions.open(person(row), SIGN_IN_MAX_MS), person: person(row) }
    },

    /** A manager's PIN typed on the spot for someone else's action: a short approval session of that manager. */
    async approve(staffId: number, pin: string, seat = UNKNOWN_SEAT): Promise<StaffSession> {
      const row = staffRow(ctx.db, staffId)
      if (!canApprove(row.role)) throw new AppError('forbidden', `${row.name} is a cashier: a manager or the owner must approve`)
      await checkPin(row, pin, seat)
      return { ...sessions.open(person(row)), person: person(row) }
    },

    async changeOwnPin(who: StaffPerson, currentPin: string, pin: string, seat = UNKNOWN_SEAT): Promise<void> {
      const row = staffRow(ctx.db, who.id)
      await checkPin(row, currentPin, seat)
      if (currentPin === pin) throw invalidInput('The new PIN is the same as the current one', { field: 'pin' })
      await writePin(row.id, pin, 'staff.pin_changed')
    },

    /** The owner sets a new PIN for someone who forgot theirs; that person's sessions end and their wrong-PIN streaks are forgiven. */
    async resetPin(staffId: number, pin: string): Promise<void> {
      const row = staffRow(ctx.db, staffId)
      if (!row.active) throw conflict(`${row.name} no longer works here`)
      await writePin(row.id, pin, 'staff.pin_reset')
      sessions.closePerson(row.id)
      sql(ctx.db, 'DELETE FROM pin_seat_throttle WHERE person = ?').run(throttleKey(row.id))
    },

    endSessionsOf: (staffId: number) => sessions.closePerson(staffId),

    // The single-PIN channels of earlier versions, kept for callers that know only them.
    legacyStatus: (): ManagerStatus => ({ pinSet: anyStaff(ctx.db) }),
    /** No one yet: makes the owner ("Owner", renamed later). Else changes the first owner's PIN, given the current one. */
    async setPin(pin: string, currentPin: string | undefined, seat = UNKNOWN_SEAT): Promise<ManagerSession> {
      if (!anyStaff(ctx.db)) {
        const owner = await createOwner('Owner', pin)
        return sessions.open(person(owner))
      }
      if (!currentPin) throw new AppError('forbidden', 'A manager PIN is already set: give the current PIN to change it')
      const owner = legacyOwner()
      await checkPin(owner, currentPin, seat)
      await writePin(owner.id, pin, 'manager.pin_set')
      sessions.closePerson(owner.id)
      return sessions.open(person(owner))
    },
    async unlock(pin: string, seat = UNKNOWN_SEAT): Promise<ManagerSession> {
      const owner = legacyOwner()
      await checkPin(owner, pin, seat)
      return sessions.open(person(owner))
    },
    lock(token: string): ManagerStatus {
      sessions.close(token)
      return access.legacyStatus()
    },
    /** True for a live session of a manager or owner. */
    isValid: (token: unknown): boolean => {
      const who = sessions.touch(token)
      return who !== null && canApprove(who.role)
    },
  }

  async function writePin(staffId: number, pin: string, action: string) {
    const pinHash = await hashPin(pin)
    ctx.db.transaction(() => {
      sql(ctx.db, 'UPDATE staff SET pin_hash = ?, updated_at = ? WHERE id = ?').run(pinHash, ctx.now(), staffId)
      audit(ctx.db, ctx.now(), { actor: 'staff', action, entityType: 'setting', entityId: throttleKey(staffId), detail: { staffId } })
    })()
  }

  return access
}

function refusedError(refusal: GuessRefusal): AppError {
  const seconds = Math.max(1, Math.ceil(refusal.waitMs / 1000))
  return refusal.scope === 'seat'
    ? new AppError('forbidden', `Too many wrong PINs: try again in ${seconds} s`)
    : new AppError('forbidden', `Too many wrong PINs on this till: PIN checks resume in ${seconds} s`)
}

export type ManagerAccess = ReturnType<typeof createManagerAccess>
