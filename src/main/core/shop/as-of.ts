import type { Db } from '../store/db'
import { sql } from '../store/statements'

/** When the other tills' history was last pulled complete (null: never): the "as of" every shop-wide view shows. */
export function shopHistoryAsOf(db: Db): number | null {
  return (sql(db, 'SELECT pulled_at FROM shop_sync_state WHERE singleton = 1').pluck().get() as number | null | undefined) ?? null
}
