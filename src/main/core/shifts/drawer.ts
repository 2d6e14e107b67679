import { conflict } from '@shared/errors'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { anyStaff } from '../staff/staff-rows'

/** The shift open at this till, if any (at most one: the drawer is one). */
export function openShiftId(db: Db): number | null {
  return (sql(db, 'SELECT id FROM shift WHERE closed_at IS NULL').pluck().get() as number | undefined) ?? null
}

/**
 * The shift cash goes through. Once the till has staff, cash in or out needs an open shift: money in a drawer no
 * one opened could not be counted at close. (A store still being set up has no drawer yet and records none.)
 */
export function drawerShiftForCash(db: Db): number | null {
  const shift = openShiftId(db)
  if (shift === null && anyStaff(db)) throw conflict('Open a shift first: cash goes through the drawer, which is counted at close')
  return shift
}
