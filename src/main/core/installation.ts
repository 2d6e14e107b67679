import type { Db } from './store/db'
import { sql } from './store/statements'

/** This till's installation id: made with the store by migration 005, never changed (a trigger refuses). */
export function readInstallationId(db: Db): string {
  const id = sql(db, 'SELECT id FROM installation WHERE singleton = 1').pluck().get() as string | undefined
  if (!id) throw new Error('This store has no installation id (migration 005 did not run)')
  return id
}
