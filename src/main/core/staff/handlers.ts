import type { staffChannels } from '@shared/contract/staff'
import { AppError, conflict } from '@shared/errors'
import type { StaffPerson } from '@shared/staff'
import { audit } from '../audit'
import type { HandlerDeps, HandlersFor } from '../api/handler-types'
import { hashPin } from '../manager/pin-hash'
import { throttleKey } from '../manager/pin'
import { sql } from '../store/statements'
import { activePeople, insertStaff, keepAnOwner, staffRow } from './staff-rows'

export function staffHandlers({ ctx, manager }: Pick<HandlerDeps, 'ctx' | 'manager'>): HandlersFor<typeof staffChannels> {
  const { db } = ctx
  const signedIn = (person: StaffPerson | null | undefined): StaffPerson => {
    if (!person) throw new AppError('signin_required', 'No one is signed in at this till: sign in with your PIN')
    return person
  }
  return {
    'staff:status': () => manager.status(),
    'staff:setupOwner': (input) => manager.setupOwner(input.name, input.pin),
    'staff:signIn': (input, caller) => manager.signIn(input.staffId, input.pin, caller?.seat),
    'staff:approve': (input, caller) => manager.approve(input.staffId, input.pin, caller?.seat),
    'staff:signOut': (input) => {
      manager.lock(input.token)
      return manager.status()
    },
    'staff:changePin': async (input, caller) => {
      const person = signedIn(caller?.person)
      await manager.changeOwnPin(person, input.currentPin, input.pin, caller?.seat)
      return person
    },
    'staff:list': () => activePeople(db),
    'staff:add': async (input) => {
      const pinHash = await hashPin(input.pin)
      return db.transaction(() => {
        const id = insertStaff(db, ctx.now(), { name: input.name, role: input.role, pinHash })
        audit(db, ctx.now(), { actor: 'owner', action: 'staff.added', entityType: 'setting', entityId: throttleKey(id), detail: { staffId: id, name: input.name, role: input.role } })
        const row = staffRow(db, id)
        return { id: row.id, name: row.name, role: row.role }
      })()
    },
    'staff:update': (input) => {
      db.transaction(() => {
        const row = staffRow(db, input.staffId)
        if (!row.active) throw conflict(`${row.name} no longer works here`)
        const role = input.role ?? row.role
        const active = input.active ?? true
        if (row.role === 'owner' && (role !== 'owner' || !active)) keepAnOwner(db, row.id)
        sql(db, 'UPDATE staff SET role = ?, active = ?, updated_at = ? WHERE id = ?').run(role, active ? 1 : 0, ctx.now(), row.id)
        audit(db, ctx.now(), { actor: 'owner', action: active ? 'staff.role_changed' : 'staff.removed', entityType: 'setting', entityId: throttleKey(row.id), detail: { staffId: row.id, from: row.role, to: role, active } })
      })()
      // Whatever they could do under the old role ends now: they sign in again with the new one.
      manager.endSessionsOf(input.staffId)
      return activePeople(db)
    },
    'staff:resetPin': async (input) => {
      await manager.resetPin(input.staffId, input.pin)
      const row = staffRow(db, input.staffId)
      return { id: row.id, name: row.name, role: row.role }
    },
  }
}
