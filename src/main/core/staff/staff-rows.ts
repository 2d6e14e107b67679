import type { StaffPerson, StaffRole } from '@shared/staff'
import { conflict, notFound } from '@shared/errors'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

export interface StaffRow extends StaffPerson {
  pinHash: string
  active: boolean
}

const COLUMNS = 'id, name, role, pin_hash AS pinHash, active'

export function anyStaff(db: Db): boolean {
  return sql(db, 'SELECT 1 FROM staff LIMIT 1').get() !== undefined
}

export function activePeople(db: Db): StaffPerson[] {
  return sql(db, "SELECT id, name, role FROM staff WHERE active = 1 ORDER BY CASE role WHEN 'owner' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, name").all() as StaffPerson[]
}

export function staffRow(db: Db, id: number): StaffRow {
  const row = sql(db, `SELECT ${COLUMNS} FROM staff WHERE id = ?`).get(id) as (Omit<StaffRow, 'active'> & { active: number }) | undefined
  if (!row) throw notFound(`Staff member ${id} does not exist`)
  return { ...row, active: row.active === 1 }
}

/** The first owner: whose PIN "the manager PIN" of older versions and older API callers means. */
export function firstOwnerId(db: Db): number | undefined {
  return sql(db, "SELECT id FROM staff WHERE role = 'owner' AND active = 1 ORDER BY id LIMIT 1").pluck().get() as number | undefined
}

export function insertStaff(db: Db, now: number, person: { name: string; role: StaffRole; pinHash: string }): number {
  const clash = sql(db, 'SELECT 1 FROM staff WHERE active = 1 AND name = ? COLLATE NOCASE').get(person.name)
  if (clash) throw conflict(`Someone called "${person.name}" is already on the staff`, { field: 'name' })
  return Number(
    sql(db, 'INSERT INTO staff (name, role, pin_hash, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)').run(person.name, person.role, person.pinHash, now, now)
      .lastInsertRowid,
  )
}

/** Refuses a change that would leave the till with no active owner (nobody could then manage staff). */
export function keepAnOwner(db: Db, changingId: number): void {
  const others = sql(db, "SELECT count(*) FROM staff WHERE role = 'owner' AND active = 1 AND id <> ?").pluck().get(changingId) as number
  if (others === 0) throw conflict('The till needs at least one active owner: make someone else owner first')
}
